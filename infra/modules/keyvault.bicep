// Key Vault for the app's secrets (HubSpot token, Qdrant API key, optional OpenAI key).
// RBAC only (no access policies), soft delete with purge protection. The firewall denies by
// default and admits the function subnet (service endpoint) and the operators' IPs, which
// deploy.sh needs to write the HubSpot token with `az keyvault secret set`.

param location string
param namePrefix string
param tags object = {}

param functionSubnetId string

@description('Public IPs or CIDR ranges allowed through the firewall (whoever runs deploy.sh)')
param operatorIpRanges array = []

@allowed([
  'Deny'
  'Allow'
])
param networkDefaultAction string = 'Deny'

@description('Qdrant API key, stored as the secret qdrant-api-key')
@secure()
param qdrantApiKey string

@description('Days a deleted vault or secret stays recoverable (7-90)')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${namePrefix}-kv-${uniqueString(resourceGroup().id)}', 24)
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: networkDefaultAction
      bypass: 'AzureServices'
      virtualNetworkRules: [
        {
          id: functionSubnetId
          ignoreMissingVnetServiceEndpoint: false
        }
      ]
      ipRules: [for ip in operatorIpRanges: {
        value: ip
      }]
    }
  }
}

// Written through the control plane (ARM), so the vault firewall does not apply here.
resource qdrantApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  #checkov:skip=CKV_AZURE_41: an expiry would silently stop Qdrant auth (the container keeps the old key); rotation is an explicit step: deploy.sh --rotate-qdrant-key (infra/README.md)
  parent: vault
  name: 'qdrant-api-key'
  properties: {
    value: qdrantApiKey
    contentType: 'text/plain'
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
