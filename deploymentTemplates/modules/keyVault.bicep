// Key Vault holding every secret the app reads; the Web App gets them through Key Vault references, so no secret is
// stored in its app settings. RBAC authorization; template deployment may read secrets so a later redeploy can pass
// them back from the vault in a parameters file instead of retyping them.
@description('Globally unique vault name, 3-24 characters.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags put on every resource.')
param tags object

@description('Secret name -> value; only secrets with a value are written (an empty one keeps what the vault has).')
@secure()
param secretValues object

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enabledForTemplateDeployment: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    publicNetworkAccess: 'Enabled'
  }
}

resource secrets 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = [
  for secret in items(secretValues): if (!empty(secret.value)) {
    parent: vault
    name: secret.key
    properties: {
      value: secret.value
    }
  }
]

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
