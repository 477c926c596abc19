// Log Analytics workspace (with a daily ingestion cap) and workspace-based Application Insights.

param location string
param namePrefix string
param tags object = {}

@description('Days logs are kept (30 is included in the ingestion price)')
param retentionInDays int = 30

@description('Daily ingestion cap in GB; past it, logs stop until the next UTC day')
param dailyQuotaGb string = '0.25'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-log'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    workspaceCapping: {
      dailyQuotaGb: json(dailyQuotaGb)
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-appi'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

output workspaceId string = workspace.id
output workspaceCustomerId string = workspace.properties.customerId
output appInsightsName string = appInsights.name
output connectionString string = appInsights.properties.ConnectionString
