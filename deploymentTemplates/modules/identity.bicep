// The user-assigned managed identity the bot signs in with when botAppType is UserAssignedMSI: Azure Bot Service
// trusts its client id, and the Web App carries it so the Bot Framework SDK can get tokens without a password.
@description('Name of the managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags put on every resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output tenantId string = identity.properties.tenantId
