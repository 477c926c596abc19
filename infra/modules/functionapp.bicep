// The Function App on the Flex Consumption plan (FC1): Python 3.11, system-assigned
// identity, HTTPS only, VNet-integrated, identity-based storage, no account keys anywhere.
// Secrets arrive only as Key Vault references; this module never sees a secret value.

param location string
param namePrefix string
param tags object = {}

@description('Name of the app storage account (AzureWebJobsStorage through the managed identity)')
param storageAccountName string

@description('Blob endpoint of the app storage account, e.g. https://x.blob.core.windows.net/')
param storageBlobEndpoint string

param deploymentContainerName string

@description('Subnet delegated to Microsoft.App/environments')
param functionSubnetId string

@description('Upper bound of on-demand instances per function group; below 40 only where Microsoft enabled it (infra/azure-facts.json)')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance (always-ready ones too): the sizes Microsoft documents (infra/azure-facts.json); the worker needs 2048 (infra/README.md, "Worker memory")')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Always-ready instances for the durable group (Flex guidance for Durable Functions)')
@minValue(0)
param alwaysReadyDurableInstances int = 1

@description('App settings (name -> value) built by main.bicep')
param appSettings object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  #checkov:skip=CKV_AZURE_225: zone redundancy is not needed for a poller: a poll missed during a zone outage is picked up from the stored cursor by the next one
  name: '${namePrefix}-plan'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  #checkov:skip=CKV_AZURE_222: ops call /api/status, /api/poll and /api/kb/ingest from outside the VNet with function keys; an app private endpoint would need a VPN or jump host
  #checkov:skip=CKV_AZURE_17: client certificates would break the anonymous /api/health probe; the other endpoints need a function key
  #checkov:skip=CKV_AZURE_212: Flex Consumption scales instances on demand up to maximumInstanceCount; there is no fixed instance count to set
  #checkov:skip=CKV_AZURE_213: Flex Consumption does not offer the App Service health check; /api/health exists for external probes
  #checkov:skip=CKV_AZURE_78: Flex Consumption has no FTP and refuses siteConfig.ftpsState (ARM error 51021; Flex deprecations in infra/azure-facts.json)
  name: '${namePrefix}-func-${uniqueString(resourceGroup().id)}'
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    publicNetworkAccess: 'Enabled'
    virtualNetworkSubnetId: functionSubnetId
    // Flex sends outbound traffic through the integration subnet, so Key Vault and
    // Storage see the function subnet and their firewalls can stay on default Deny.
    // No ftpsState: Flex Consumption refuses it (infra/azure-facts.json, "deprecations"); Flex
    // offers no FTP at all.
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        // The durable group (orchestrators, activities, entities) keeps warm instances that
        // poll the task hub's queues, so Durable steps never wait for a cold start.
        alwaysReady: [
          {
            name: 'durable'
            instanceCount: alwaysReadyDurableInstances
          }
        ]
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'python'
        version: '3.11'
      }
    }
  }
}

// App settings as their own child resource: Flex rejects FUNCTIONS_WORKER_RUNTIME and
// friends here (functionAppConfig.runtime carries them), and keeping the list in main.bicep
// makes it one place to read.
resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  #checkov:skip=CKV_AZURE_13: a false positive on the appsettings config resource: callers authenticate with function keys, there is no end-user sign-in
  #checkov:skip=CKV_AZURE_222: a false positive on the appsettings config resource (see the site resource)
  #checkov:skip=CKV_AZURE_63: a false positive: this is the appsettings resource; HTTP logs of a Linux function app go to Application Insights
  #checkov:skip=CKV_AZURE_65: a false positive: this is the appsettings resource; errors go to Application Insights
  #checkov:skip=CKV_AZURE_66: a false positive: this is the appsettings resource; failed request tracing is an IIS (Windows) feature
  #checkov:skip=CKV_AZURE_80: a false positive: the app runs Python 3.11, not .NET
  #checkov:skip=CKV_AZURE_88: a false positive: Flex Consumption keeps the package in a blob container, there is no Azure Files content share
  parent: app
  name: 'appsettings'
  properties: union(appSettings, {
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
  })
}

output name string = app.name
output id string = app.id
output principalId string = app.identity.principalId
output defaultHostName string = app.properties.defaultHostName
