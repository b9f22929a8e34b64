// The Web App's app settings as a pure function of the deployment's choices, so that what each combination of
// parameters writes can be checked without Azure (tests/*.bicepparam, run by check.sh). Secrets never pass through
// here: the function only learns whether a secret was given and answers with a Key Vault reference for it.
// Setting names are the ones in the repository's .env.sample.

@export()
@description('Key Vault secret names, one per secret the app reads.')
func secretNames() object => {
  appPassword: 'microsoft-app-password'
  connectionString: 'giftbot-connection-string'
  postgresAdministratorPassword: 'postgres-administrator-password'
  facebookAppSecret: 'facebook-app-secret'
  facebookPageAccessToken: 'facebook-page-access-token'
  facebookVerifyToken: 'facebook-verify-token'
  cluKey: 'clu-key'
  agentApiKey: 'agent-api-key'
  ordersWebhookSecret: 'orders-webhook-secret'
}

@export()
@description('What the app settings depend on.')
type appSettingsInput = {
  @description('SingleTenant or UserAssignedMSI.')
  botAppType: string
  microsoftAppId: string
  microsoftAppTenantId: string
  hasAppPassword: bool
  @description('Postgres or Sqlite.')
  storageProvider: string
  @description('https://host of the bot, no trailing slash.')
  publicUrl: string
  checkoutBaseUrl: string
  catalogCurrency: string
  catalogFeedUrl: string
  contentRootPath: string
  @description('None, Direct or AzureBotService.')
  messengerConnection: string
  facebookAppId: string
  facebookPageId: string
  facebookPageName: string
  hasFacebookAppSecret: bool
  hasFacebookPageAccessToken: bool
  hasFacebookVerifyToken: bool
  cluEndpoint: string
  cluProjectName: string
  cluDeploymentName: string
  hasCluKey: bool
  hasAgentApiKey: bool
  hasOrdersWebhookSecret: bool
  @description('The Key Vault\'s URI, ending in a slash.')
  vaultUri: string
  applicationInsightsConnectionString: string
  @description('Other settings from .env.sample; they win over the derived ones.')
  additionalAppSettings: object
}

// App Service resolves these at start-up with the site's identity and refreshes them within a day of a change.
func keyVaultReference(vaultUri string, secretName string) string =>
  '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretName}/)'

@export()
@description('The app settings for these choices.')
func giftBotAppSettings(input appSettingsInput) object =>
  union(
    {
      ASPNETCORE_ENVIRONMENT: 'Production'
      Logging__Console__FormatterName: 'json'
      // /home is App Service's persistent, shared storage (SQLite files, zip-deployed content).
      WEBSITES_ENABLE_APP_SERVICE_STORAGE: 'true'
      APPLICATIONINSIGHTS_CONNECTION_STRING: input.applicationInsightsConnectionString
      // Application Insights auto-instrumentation for .NET on Linux App Service.
      ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
      MicrosoftAppType: input.botAppType
      MicrosoftAppId: input.microsoftAppId
      MicrosoftAppTenantId: input.microsoftAppTenantId
      Storage__Provider: input.storageProvider
      // The catalog is a per-instance SQLite snapshot: on local disk with a shared store (never on the /home share
      // several instances mount), next to the state files otherwise.
      Catalog__DatabasePath: input.storageProvider == 'Postgres' ? '/tmp/giftbot/catalog.db' : '/home/data/catalog.db'
      Catalog__Currency: input.catalogCurrency
      Checkout__BaseUrl: input.checkoutBaseUrl
      ClickTracking__PublicBaseUrl: input.publicUrl
      Language__Recognizer: empty(input.cluEndpoint) ? 'Embedded' : 'Clu'
      // GiftBot's own webhook only in Direct mode; through Azure Bot Service, Messenger arrives on /api/messages.
      Facebook__Enabled: input.messengerConnection == 'Direct' ? 'true' : 'false'
    },
    input.storageProvider == 'Postgres'
      ? { ConnectionStrings__GiftBot: keyVaultReference(input.vaultUri, secretNames().connectionString) }
      : { Storage__DatabasePath: '/home/data/giftbot.db' },
    input.hasAppPassword ? { MicrosoftAppPassword: keyVaultReference(input.vaultUri, secretNames().appPassword) } : {},
    empty(input.catalogFeedUrl) ? {} : { Catalog__FeedUrl: input.catalogFeedUrl },
    empty(input.contentRootPath) ? {} : { Content__RootPath: input.contentRootPath },
    empty(input.facebookAppId) ? {} : { Facebook__AppId: input.facebookAppId },
    empty(input.facebookPageId) ? {} : { Facebook__PageId: input.facebookPageId },
    empty(input.facebookPageName) ? {} : { Facebook__PageName: input.facebookPageName },
    input.messengerConnection == 'Direct' && input.hasFacebookAppSecret
      ? { Facebook__AppSecret: keyVaultReference(input.vaultUri, secretNames().facebookAppSecret) }
      : {},
    input.messengerConnection == 'Direct' && input.hasFacebookPageAccessToken
      ? { Facebook__PageAccessToken: keyVaultReference(input.vaultUri, secretNames().facebookPageAccessToken) }
      : {},
    input.messengerConnection == 'Direct' && input.hasFacebookVerifyToken
      ? { Facebook__VerifyToken: keyVaultReference(input.vaultUri, secretNames().facebookVerifyToken) }
      : {},
    empty(input.cluEndpoint)
      ? {}
      : {
          Language__Clu__Endpoint: input.cluEndpoint
          Language__Clu__ProjectName: input.cluProjectName
          Language__Clu__DeploymentName: input.cluDeploymentName
        },
    input.hasCluKey ? { Language__Clu__Key: keyVaultReference(input.vaultUri, secretNames().cluKey) } : {},
    input.hasAgentApiKey ? { AgentApi__ApiKey: keyVaultReference(input.vaultUri, secretNames().agentApiKey) } : {},
    input.hasOrdersWebhookSecret
      ? { Orders__WebhookSecret: keyVaultReference(input.vaultUri, secretNames().ordersWebhookSecret) }
      : {},
    input.additionalAppSettings
  )
