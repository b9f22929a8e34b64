// Application Insights (workspace-based, the only kind Azure still creates) for requests, dependencies and logs.
@description('Name prefix: <prefix>-logs and <prefix>-insights.')
param namePrefix string

@description('Azure region.')
param location string

@description('Tags put on every resource.')
param tags object

@description('Days Log Analytics keeps the data.')
@minValue(30)
@maxValue(730)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: '${namePrefix}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    RetentionInDays: retentionInDays
  }
}

output connectionString string = insights.properties.ConnectionString
output name string = insights.name
