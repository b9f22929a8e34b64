// Linux App Service running GiftBot on .NET 10: HTTPS only, always on, health check on /health/ready (App Service
// stops routing to an instance whose store or catalog does not answer), several instances when the store is shared.
// The site's system-assigned identity reads the Key Vault references; the bot's user-assigned identity, when used,
// is attached too.
@description('Globally unique Web App name (becomes <name>.azurewebsites.net).')
param name string

@description('Azure region.')
param location string

@description('Tags put on every resource.')
param tags object

@description('Resource id of an existing Linux App Service plan; empty to create <name>-plan.')
param existingPlanId string

@description('SKU of the plan created when existingPlanId is empty.')
param planSku string

@description('Instances of the plan created here (1 with the SQLite store).')
@minValue(1)
@maxValue(30)
param instanceCount int

@description('Resource id of the bot\'s user-assigned identity, or empty.')
param botIdentityId string

@description('Name of the Key Vault whose secrets the app reads.')
param keyVaultName string

@description('App settings (names as in .env.sample); secrets are Key Vault references.')
param appSettings object

var createPlan = empty(existingPlanId)

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = if (createPlan) {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: empty(botIdentityId)
    ? {
        type: 'SystemAssigned'
      }
    : {
        type: 'SystemAssigned, UserAssigned'
        userAssignedIdentities: {
          '${botIdentityId}': {}
        }
      }
  properties: {
    serverFarmId: createPlan ? plan.id : existingPlanId
    httpsOnly: true
    // Every turn's state is in the shared store, so any instance may answer any request.
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/health/ready'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Bot Framework and Messenger reach GiftBot over plain HTTPS POSTs; it serves no WebSocket endpoint.
      webSocketsEnabled: false
    }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName
}

// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var keyVaultSecretsUserRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '4633458b-17de-408a-b874-0445c86b69e6'
)

resource secretsAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, site.id, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: keyVaultSecretsUserRoleId
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Written after the role assignment so the Key Vault references resolve on the first start.
resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: appSettings
  dependsOn: [
    secretsAccess
  ]
}

output defaultHostName string = site.properties.defaultHostName
output name string = site.name
output principalId string = site.identity.principalId
