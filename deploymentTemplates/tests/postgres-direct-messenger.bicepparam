// A busy shop: PostgreSQL, its Page connected directly to GiftBot's webhook, the agent API, the order webhook, a feed
// URL, content on App Service storage and a custom domain. Every secret is a Key Vault reference.
using 'settings.bicep'

import { giftBotAppSettings } from '../modules/appSettings.bicep'

param settings = giftBotAppSettings({
  botAppType: 'SingleTenant'
  microsoftAppId: '11111111-2222-3333-4444-555555555555'
  microsoftAppTenantId: '99999999-8888-7777-6666-555555555555'
  hasAppPassword: true
  storageProvider: 'Postgres'
  publicUrl: 'https://bot.myshop.example'
  checkoutBaseUrl: 'https://myshop.example/cart/add'
  catalogCurrency: 'EUR'
  catalogFeedUrl: 'https://myshop.example/feeds/facebook.csv'
  contentRootPath: '/home/site/content'
  messengerConnection: 'Direct'
  facebookAppId: '123456789012345'
  facebookPageId: '987654321098765'
  facebookPageName: 'myshop'
  hasFacebookAppSecret: true
  hasFacebookPageAccessToken: true
  hasFacebookVerifyToken: true
  cluEndpoint: ''
  cluProjectName: ''
  cluDeploymentName: ''
  hasCluKey: false
  hasAgentApiKey: true
  hasOrdersWebhookSecret: true
  vaultUri: 'https://kv-test.vault.azure.net/'
  applicationInsightsConnectionString: 'InstrumentationKey=00000000-0000-0000-0000-000000000000'
  additionalAppSettings: {}
})
