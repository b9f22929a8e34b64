// The cheapest shop: embedded SQLite on one instance, SingleTenant bot with its client secret, no Messenger, no CLU,
// none of the optional secrets.
using 'settings.bicep'

import { giftBotAppSettings } from '../modules/appSettings.bicep'

param settings = giftBotAppSettings({
  botAppType: 'SingleTenant'
  microsoftAppId: '11111111-2222-3333-4444-555555555555'
  microsoftAppTenantId: '99999999-8888-7777-6666-555555555555'
  hasAppPassword: true
  storageProvider: 'Sqlite'
  publicUrl: 'https://tiny-shop.azurewebsites.net'
  checkoutBaseUrl: 'https://tiny.example/cart/add'
  catalogCurrency: 'GBP'
  catalogFeedUrl: ''
  contentRootPath: ''
  messengerConnection: 'None'
  facebookAppId: ''
  facebookPageId: ''
  facebookPageName: ''
  hasFacebookAppSecret: false
  hasFacebookPageAccessToken: false
  hasFacebookVerifyToken: false
  cluEndpoint: ''
  cluProjectName: ''
  cluDeploymentName: ''
  hasCluKey: false
  hasAgentApiKey: false
  hasOrdersWebhookSecret: false
  vaultUri: 'https://kv-test.vault.azure.net/'
  applicationInsightsConnectionString: 'InstrumentationKey=00000000-0000-0000-0000-000000000000'
  additionalAppSettings: {}
})
