// Managed identity instead of a client secret, Messenger through Azure Bot Service's Facebook channel (so GiftBot's
// own webhook stays off and the Facebook secrets are not app settings even though they were given to the channel),
// CLU with its key, and extra settings that override derived ones.
using 'settings.bicep'

import { giftBotAppSettings } from '../modules/appSettings.bicep'

param settings = giftBotAppSettings({
  botAppType: 'UserAssignedMSI'
  microsoftAppId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
  microsoftAppTenantId: '99999999-8888-7777-6666-555555555555'
  hasAppPassword: false
  storageProvider: 'Postgres'
  publicUrl: 'https://myshop-giftbot.azurewebsites.net'
  checkoutBaseUrl: 'https://myshop.example/cart/add'
  catalogCurrency: 'EUR'
  catalogFeedUrl: ''
  contentRootPath: ''
  messengerConnection: 'AzureBotService'
  facebookAppId: '123456789012345'
  facebookPageId: '987654321098765'
  facebookPageName: 'myshop'
  hasFacebookAppSecret: true
  hasFacebookPageAccessToken: true
  hasFacebookVerifyToken: false
  cluEndpoint: 'https://myshop-language.cognitiveservices.azure.com'
  cluProjectName: 'giftbot'
  cluDeploymentName: 'production'
  hasCluKey: true
  hasAgentApiKey: false
  hasOrdersWebhookSecret: false
  vaultUri: 'https://kv-test.vault.azure.net/'
  applicationInsightsConnectionString: 'InstrumentationKey=00000000-0000-0000-0000-000000000000'
  additionalAppSettings: {
    GiftFinder__CarouselSize: '4'
    Logging__Console__FormatterName: 'simple'
  }
})
