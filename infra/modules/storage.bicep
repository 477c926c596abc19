// The app's storage account: Durable Functions task hub (queues, tables, blobs), the ledger
// tables, the Flex Consumption deployment container and the knowledge-base documents.
// Identity-only: shared keys are off, so nothing can use an account key or SAS.

param location string
param namePrefix string
param tags object = {}

@description('Blob container the knowledge-base ingestion reads documents from')
param knowledgeBaseContainerName string

@description('Blob container Flex Consumption deploys the app package to')
param deploymentContainerName string

@description('Subnet allowed through the storage firewall (the Function App integration subnet)')
param functionSubnetId string

@description('Public IPs or CIDR ranges allowed through the firewall (operators uploading documents)')
param operatorIpRanges array = []

@description('Deny: only the function subnet and operatorIpRanges get through; Allow: any network (identity still required)')
@allowed([
  'Deny'
  'Allow'
])
param networkDefaultAction string = 'Deny'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  #checkov:skip=CKV_AZURE_59: publicNetworkAccess stays Enabled because Disabled would also shut out the service-endpoint rule for the function subnet (it only admits private endpoints, ~$7/month each); the firewall default action is Deny and shared keys are off
  #checkov:skip=CKV_AZURE_206: LRS on purpose: task hub state and ledger are re-creatable (cursor overlap + ledger dedupe), documents are kept by their owners; GRS would double the storage line
  #checkov:skip=CKV_AZURE_43: the name is toLower(take(alphanumeric prefix + uniqueString, 24)), which always meets the rules; checkov cannot evaluate the expression
  name: toLower(take('${replace(namePrefix, '-', '')}st${uniqueString(resourceGroup().id)}', 24))
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: networkDefaultAction
      bypass: 'AzureServices'
      virtualNetworkRules: [
        {
          id: functionSubnetId
          action: 'Allow'
        }
      ]
      ipRules: [for ip in operatorIpRanges: {
        value: ip
        action: 'Allow'
      }]
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        blob: {
          enabled: true
        }
        file: {
          enabled: true
        }
        queue: {
          enabled: true
          keyType: 'Account'
        }
        table: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource knowledgeBaseContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: knowledgeBaseContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output tableEndpoint string = storage.properties.primaryEndpoints.table
