// GiftBot on Azure, into an existing resource group:
//   az deployment group create --resource-group <group> --template-file main.bicep --parameters @<your parameters>.json
// main-new-rg.bicep creates the group first and then deploys this file. The ARM JSON in DeployUseExistResourceGroup/
// and DeployWithNewResourceGroup/ is generated from these files (./check.sh --update); edit the Bicep, not the JSON.
//
// What it creates: a Linux App Service (.NET 10) running GiftBot, an Azure Bot (SingleTenant or UserAssignedMSI) whose
// messaging endpoint is the app's /api/messages, optionally the bot's Facebook channel, Azure Database for PostgreSQL
// flexible server (or the embedded SQLite store on one instance), a Key Vault holding every secret (the app reads them
// through Key Vault references) and Application Insights. The app settings come from modules/appSettings.bicep
// (tested by tests/*.bicepparam); setting names are the ones in the repository's .env.sample.

// ---------------------------------------------------------------------------------------------------------------
// Web App
// ---------------------------------------------------------------------------------------------------------------
@description('Globally unique name of the Web App (becomes <name>.azurewebsites.net): letters, digits and hyphens; the other resources are named after it (at most 38 characters so that <name>-bot fits the Azure Bot\'s limit).')
@minLength(2)
@maxLength(38)
param appServiceName string

@description('Azure region of every regional resource (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('Tags put on every resource.')
param tags object = {
  application: 'GiftBot'
}

@description('Resource id of an existing Linux App Service plan to run on; empty to create <appServiceName>-plan.')
param existingAppServicePlanId string = ''

@description('SKU of the App Service plan created here. Basic runs up to 3 instances; Standard and Premium scale further and autoscale.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServicePlanSku string = 'P0v3'

@description('Instances of the plan created here. More than one needs storageProvider Postgres (SQLite is single-instance and is kept at 1).')
@minValue(1)
@maxValue(30)
param instanceCount int = 1

@description('Public address of the bot when it has a custom domain, e.g. https://bot.example.com (no trailing slash); empty for https://<appServiceName>.azurewebsites.net.')
param publicBaseUrl string = ''

// ---------------------------------------------------------------------------------------------------------------
// Bot identity (MicrosoftApp* settings) and the Azure Bot resource
// ---------------------------------------------------------------------------------------------------------------
@description('SingleTenant: a Microsoft Entra app registration with a client secret (create it first, see README). UserAssignedMSI: the template creates a managed identity and the bot signs in as it, no secret. (New multi-tenant bots cannot be created since 31 July 2025.)')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param botAppType string = 'SingleTenant'

@description('SingleTenant: the app registration\'s application (client) id (MicrosoftAppId). Ignored for UserAssignedMSI.')
param botAppId string = ''

@description('SingleTenant: the app registration\'s client secret (MicrosoftAppPassword), stored in Key Vault. Ignored for UserAssignedMSI.')
@secure()
param botAppPassword string = ''

@description('SingleTenant: tenant of the app registration (MicrosoftAppTenantId). UserAssignedMSI uses the identity\'s tenant.')
param botTenantId string = tenant().tenantId

@description('Globally unique handle of the Azure Bot resource, 4-42 characters.')
param azureBotName string = '${toLower(appServiceName)}-bot'

@description('Bot name shown in channels.')
param azureBotDisplayName string = 'GiftBot'

@description('Azure Bot pricing tier: F0 (free for standard channels such as Facebook and Web Chat) or S1.')
@allowed([
  'F0'
  'S1'
])
param azureBotSku string = 'F0'

// ---------------------------------------------------------------------------------------------------------------
// Storage
// ---------------------------------------------------------------------------------------------------------------
@description('Postgres (shared by every instance, required for scale-out) or Sqlite (embedded, one instance, files under /home/data).')
@allowed([
  'Postgres'
  'Sqlite'
])
param storageProvider string = 'Postgres'

@description('Globally unique PostgreSQL server name (Postgres only).')
param postgresServerName string = '${toLower(appServiceName)}-pg'

@description('PostgreSQL administrator login the app connects with (Postgres only).')
param postgresAdministratorLogin string = 'giftbot'

@description('PostgreSQL administrator password (Postgres only, required then): 8-128 characters from three of upper case, lower case, digits and symbols.')
@secure()
param postgresAdministratorPassword string = ''

@description('PostgreSQL compute size, e.g. Standard_B1ms (Burstable) or Standard_D2ds_v5 (GeneralPurpose).')
param postgresSkuName string = 'Standard_B1ms'

@description('PostgreSQL compute tier matching postgresSkuName.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL storage in GiB (grows automatically).')
@minValue(32)
param postgresStorageSizeGB int = 32

@description('Days of PostgreSQL point-in-time backups.')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 7

@description('Your machine\'s public IPv4 address, let through the PostgreSQL firewall for psql or the CLI; empty for Azure services only.')
param postgresAllowedClientIp string = ''

// ---------------------------------------------------------------------------------------------------------------
// Shop, catalog and content
// ---------------------------------------------------------------------------------------------------------------
@description('The shop\'s add-to-cart URL the checkout link opens (Checkout__BaseUrl).')
param checkoutBaseUrl string

@description('The shop\'s currency, ISO 4217 (Catalog__Currency); feed rows in another currency are rejected.')
@minLength(3)
@maxLength(3)
param catalogCurrency string = 'EUR'

@description('Address of the product feed (Facebook catalog CSV) the bot fetches on a schedule (Catalog__FeedUrl); empty to use the feed in the deployed content.')
param catalogFeedUrl string = ''

@description('Folder with persona, texts, FAQ, hours and catalog files (Content__RootPath); empty for the content deployed with the app. /home/site/content lets you zip-deploy content on its own (README).')
param contentRootPath string = ''

// ---------------------------------------------------------------------------------------------------------------
// Facebook Messenger
// ---------------------------------------------------------------------------------------------------------------
@description('None; Direct (Meta calls GiftBot\'s own webhook /api/facebook, full Messenger features); AzureBotService (the Azure Bot\'s Facebook channel relays messages to /api/messages).')
@allowed([
  'None'
  'Direct'
  'AzureBotService'
])
param messengerConnection string = 'None'

@description('Meta app id (Facebook__AppId; the Facebook channel\'s app id).')
param facebookAppId string = ''

@description('Meta app secret (Facebook__AppSecret, in Key Vault; the Facebook channel\'s app secret).')
@secure()
param facebookAppSecret string = ''

@description('Facebook Page id (Facebook__PageId; the Facebook channel\'s page).')
param facebookPageId string = ''

@description('Page access token (Facebook__PageAccessToken, in Key Vault; the Facebook channel\'s page token).')
@secure()
param facebookPageAccessToken string = ''

@description('Direct only: any string you also type into Meta\'s webhook settings (Facebook__VerifyToken, in Key Vault).')
@secure()
param facebookVerifyToken string = ''

@description('The Page\'s user name for m.me links (Facebook__PageName).')
param facebookPageName string = ''

// ---------------------------------------------------------------------------------------------------------------
// Language understanding (Azure AI Language CLU; empty endpoint = the embedded recognizer)
// ---------------------------------------------------------------------------------------------------------------
@description('CLU endpoint, e.g. https://my-resource.cognitiveservices.azure.com (Language__Clu__Endpoint); empty keeps the embedded recognizer.')
param cluEndpoint string = ''

@description('CLU key (Language__Clu__Key, in Key Vault).')
@secure()
param cluKey string = ''

@description('CLU project name (Language__Clu__ProjectName).')
param cluProjectName string = ''

@description('CLU deployment name (Language__Clu__DeploymentName).')
param cluDeploymentName string = ''

// ---------------------------------------------------------------------------------------------------------------
// Agent API, order webhook, monitoring, anything else
// ---------------------------------------------------------------------------------------------------------------
@description('Key agents send in X-Api-Key, at least 16 characters (AgentApi__ApiKey, in Key Vault); empty leaves the agent API refusing every request.')
@secure()
param agentApiKey string = ''

@description('Secret that signs the shop\'s order webhook /api/orders (Orders__WebhookSecret, in Key Vault); empty leaves the webhook off.')
@secure()
param ordersWebhookSecret string = ''

@description('Days Application Insights and its Log Analytics workspace keep data.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Any other app setting from .env.sample, name -> value (e.g. {"GiftFinder__CarouselSize": "4"}); these win over the derived ones. Put no secrets here.')
param additionalAppSettings object = {}

// ---------------------------------------------------------------------------------------------------------------
import { giftBotAppSettings, secretNames } from 'modules/appSettings.bicep'

var usePostgres = storageProvider == 'Postgres'
var useManagedIdentity = botAppType == 'UserAssignedMSI'
var publicUrl = empty(publicBaseUrl) ? 'https://${appServiceName}.azurewebsites.net' : publicBaseUrl
var keyVaultName = 'kv-${uniqueString(resourceGroup().id, appServiceName)}'
var postgresDatabaseName = 'giftbot'

module botIdentity 'modules/identity.bicep' = if (useManagedIdentity) {
  name: 'giftbot-identity'
  params: {
    name: '${appServiceName}-bot-identity'
    location: location
    tags: tags
  }
}

var microsoftAppId = useManagedIdentity ? botIdentity!.outputs.clientId : botAppId
var microsoftAppTenantId = useManagedIdentity ? botIdentity!.outputs.tenantId : botTenantId

module monitoring 'modules/monitoring.bicep' = {
  name: 'giftbot-monitoring'
  params: {
    namePrefix: appServiceName
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module postgres 'modules/postgres.bicep' = if (usePostgres) {
  name: 'giftbot-postgres'
  params: {
    serverName: postgresServerName
    location: location
    tags: tags
    administratorLogin: postgresAdministratorLogin
    administratorPassword: postgresAdministratorPassword
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageSizeGB
    backupRetentionDays: postgresBackupRetentionDays
    databaseName: postgresDatabaseName
    allowedClientIp: postgresAllowedClientIp
  }
}

var secrets = secretNames()
var appPassword = useManagedIdentity ? '' : botAppPassword

// A secret is written, and its app setting refers to it, only when its value is given.
module keyVault 'modules/keyVault.bicep' = {
  name: 'giftbot-keyvault'
  params: {
    name: keyVaultName
    location: location
    tags: tags
    secretValues: {
      '${secrets.appPassword}': appPassword
      '${secrets.connectionString}': usePostgres
        ? 'Host=${postgres!.outputs.fullyQualifiedDomainName};Port=5432;Database=${postgresDatabaseName};Username=${postgresAdministratorLogin};Password="${replace(postgresAdministratorPassword, '"', '""')}";SSL Mode=Require'
        : ''
      // Kept only so that a later deployment can read it back (README, "Deploying again"); the app never reads it.
      '${secrets.postgresAdministratorPassword}': usePostgres ? postgresAdministratorPassword : ''
      '${secrets.facebookAppSecret}': facebookAppSecret
      '${secrets.facebookPageAccessToken}': facebookPageAccessToken
      '${secrets.facebookVerifyToken}': facebookVerifyToken
      '${secrets.cluKey}': cluKey
      '${secrets.agentApiKey}': agentApiKey
      '${secrets.ordersWebhookSecret}': ordersWebhookSecret
    }
  }
}

var appSettings = giftBotAppSettings({
  botAppType: botAppType
  microsoftAppId: microsoftAppId
  microsoftAppTenantId: microsoftAppTenantId
  hasAppPassword: !empty(appPassword)
  storageProvider: storageProvider
  publicUrl: publicUrl
  checkoutBaseUrl: checkoutBaseUrl
  catalogCurrency: catalogCurrency
  catalogFeedUrl: catalogFeedUrl
  contentRootPath: contentRootPath
  messengerConnection: messengerConnection
  facebookAppId: facebookAppId
  facebookPageId: facebookPageId
  facebookPageName: facebookPageName
  hasFacebookAppSecret: !empty(facebookAppSecret)
  hasFacebookPageAccessToken: !empty(facebookPageAccessToken)
  hasFacebookVerifyToken: !empty(facebookVerifyToken)
  cluEndpoint: cluEndpoint
  cluProjectName: cluProjectName
  cluDeploymentName: cluDeploymentName
  hasCluKey: !empty(cluKey)
  hasAgentApiKey: !empty(agentApiKey)
  hasOrdersWebhookSecret: !empty(ordersWebhookSecret)
  vaultUri: keyVault.outputs.uri
  applicationInsightsConnectionString: monitoring.outputs.connectionString
  additionalAppSettings: additionalAppSettings
})

module app 'modules/appService.bicep' = {
  name: 'giftbot-app'
  params: {
    name: appServiceName
    location: location
    tags: tags
    existingPlanId: existingAppServicePlanId
    planSku: appServicePlanSku
    instanceCount: usePostgres ? instanceCount : 1
    botIdentityId: useManagedIdentity ? botIdentity!.outputs.id : ''
    keyVaultName: keyVaultName
    appSettings: appSettings
  }
}

module bot 'modules/bot.bicep' = {
  name: 'giftbot-bot'
  params: {
    name: azureBotName
    tags: tags
    displayName: azureBotDisplayName
    endpoint: '${publicUrl}/api/messages'
    appType: botAppType
    appId: microsoftAppId
    tenantId: microsoftAppTenantId
    identityId: useManagedIdentity ? botIdentity!.outputs.id : ''
    sku: azureBotSku
    enableFacebookChannel: messengerConnection == 'AzureBotService'
    facebookAppId: facebookAppId
    facebookAppSecret: facebookAppSecret
    facebookPageId: facebookPageId
    facebookPageAccessToken: facebookPageAccessToken
  }
}

@description('The Azure Bot\'s messaging endpoint.')
output botEndpoint string = '${publicUrl}/api/messages'

@description('Callback URL for Meta\'s webhook settings when messengerConnection is Direct.')
output facebookWebhookUrl string = '${publicUrl}/api/facebook'

@description('The Web App to zip-deploy GiftBot and its content to.')
output appServiceName string = app.outputs.name

@description('The app\'s default host name.')
output appServiceHostName string = app.outputs.defaultHostName

@description('The Azure Bot resource (Test in Web Chat, channels).')
output azureBotName string = bot.outputs.name

@description('MicrosoftAppId the bot runs as (for UserAssignedMSI, the created identity\'s client id).')
output microsoftAppId string = microsoftAppId

@description('The Key Vault holding the secrets.')
output keyVaultName string = keyVault.outputs.name

@description('The PostgreSQL server\'s host name, empty with SQLite.')
output postgresHost string = usePostgres ? postgres!.outputs.fullyQualifiedDomainName : ''

@description('The Application Insights resource.')
output applicationInsightsName string = monitoring.outputs.name
