// The Azure Bot resource (Bot Framework registration) pointing at the Web App's /api/messages, and optionally the
// Facebook channel for shops that connect their Page through Azure Bot Service instead of GiftBot's own webhook.
@description('Globally unique bot handle, 4-42 characters.')
@minLength(4)
@maxLength(42)
param name string

@description('Tags put on every resource.')
param tags object

@description('Name shown in channels and the Azure portal.')
param displayName string

@description('Messaging endpoint, https://<app>/api/messages.')
param endpoint string

@description('SingleTenant or UserAssignedMSI (new multi-tenant bots cannot be created since 31 July 2025).')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param appType string

@description('Microsoft Entra app (client) id; for UserAssignedMSI the identity\'s client id.')
param appId string

@description('Tenant of the app registration or identity.')
param tenantId string

@description('Resource id of the user-assigned identity (UserAssignedMSI only).')
param identityId string

@description('F0 (free, standard channels) or S1.')
@allowed([
  'F0'
  'S1'
])
param sku string

@description('Add the Facebook channel on Azure Bot Service.')
param enableFacebookChannel bool

@description('Meta app id (Facebook channel).')
param facebookAppId string

@description('Meta app secret (Facebook channel).')
@secure()
param facebookAppSecret string

@description('Facebook Page id (Facebook channel).')
param facebookPageId string

@description('Page access token (Facebook channel).')
@secure()
param facebookPageAccessToken string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: appType
    msaAppId: appId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityId : null
  }
}

resource facebook 'Microsoft.BotService/botServices/channels@2022-09-15' = if (enableFacebookChannel) {
  parent: bot
  name: 'FacebookChannel'
  location: 'global'
  properties: {
    channelName: 'FacebookChannel'
    properties: {
      appId: facebookAppId
      appSecret: facebookAppSecret
      isEnabled: true
      pages: [
        {
          id: facebookPageId
          accessToken: facebookPageAccessToken
        }
      ]
    }
  }
}

output name string = bot.name
