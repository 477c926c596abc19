// Email triage service: one resource-group deployment.
//
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.parameters.json \
//     -p qdrantApiKey=<secret> operatorPrincipalId=<your object id>
//
// infra/deploy.sh runs this, writes the HubSpot token to Key Vault and publishes the code.
// Secrets never appear in app settings: only @Microsoft.KeyVault(SecretUri=...) references.

targetScope = 'resourceGroup'

@description('Azure region; must offer Flex Consumption (e.g. eastus, westeurope, swedencentral)')
param location string = resourceGroup().location

@description('Short lowercase prefix of every resource name (3-11 letters/digits/hyphens)')
@minLength(3)
@maxLength(11)
param namePrefix string = 'triage'

param tags object = {
  app: 'email-triage'
}

// --- HubSpot and polling --------------------------------------------------------------------

@description('Comma-separated HubSpot conversations inbox ids; empty polls every inbox')
param hubspotInboxIds string = ''

@description('The team\'s own addresses or @domains, comma-separated; never answered')
param teamAddresses string = ''

@description('HubSpot requests per rolling 10 s: 100, or 190 on Professional/Enterprise')
param hubspotRateLimitPer10s int = 100

@description('true passes HUBSPOT_WEBHOOK_CLIENT_SECRET (Key Vault secret hubspot-webhook-client-secret, set it first) so HubSpot webhooks wake the poller; false refuses every webhook call')
param hubspotWebhooks bool = false

@description('NCRONTAB schedule (six fields) of the poll timer')
param pollSchedule string = '0 */2 * * * *'

@description('true stops the timer from starting polls (the app keeps running)')
param pollingPaused bool = false

@description('Durable Functions task hub name (letters and digits)')
param taskHubName string = 'emailtriage'

// --- Knowledge base and Qdrant --------------------------------------------------------------

@description('Blob container ops upload knowledge-base documents to')
param knowledgeBaseContainerName string = 'knowledge-base'

@description('Qdrant image, pinned to a release tag; change it to upgrade (see README)')
param qdrantImage string = 'qdrant/qdrant:v1.19.1'

@description('Qdrant vCPU (string: Bicep has no decimals)')
param qdrantCpu string = '0.5'

@description('Qdrant memory in GiB (string: Bicep has no decimals)')
param qdrantMemoryGb string = '1'

@description('true puts /qdrant/storage on Azure Files (unsupported upstream); false keeps it local with snapshots on the share')
param qdrantStorageOnAzureFiles bool = false

@description('Qdrant API key (deploy.sh generates one and keeps it stable across runs)')
@secure()
param qdrantApiKey string

@description('Qdrant collection name')
param qdrantCollection string = 'knowledge_base'

@description('Registry to pull qdrantImage from with credentials (an ACR the image was imported to, or docker.io with an account token); empty pulls anonymously from Docker Hub (see infra/README.md, "Qdrant image source")')
param qdrantRegistryServer string = ''

param qdrantRegistryUsername string = ''

@description('Password or token of qdrantRegistryServer (deploy.sh passes QDRANT_REGISTRY_PASSWORD)')
@secure()
param qdrantRegistryPassword string = ''

// --- Models ---------------------------------------------------------------------------------

@allowed([
  'none'
  'openai'
  'azure_openai'
  'openai_compatible'
])
param llmProvider string = 'none'

@description('The chat model\'s name (prices and request shape follow it)')
param llmModel string = 'gpt-4o-mini'

@description('Azure OpenAI deployment of the chat model (empty: the deployment is named like llmModel)')
param llmDeployment string = ''

@allowed([
  'offline'
  'openai'
  'azure_openai'
  'openai_compatible'
])
param embeddingProvider string = 'offline'

param embeddingModel string = 'multilingual-e5-small'

@description('Azure OpenAI deployment of the embedding model (empty: named like embeddingModel)')
param embeddingDeployment string = ''

@description('Azure OpenAI endpoint, e.g. https://myaoai.openai.azure.com/ (empty when unused)')
param azureOpenAiEndpoint string = ''

@description('Resource id of the Azure OpenAI account; when set the app gets Cognitive Services OpenAI User on it')
param azureOpenAiResourceId string = ''

@description('Base URL of an OpenAI-compatible endpoint (empty when unused)')
param openAiBaseUrl string = ''

@description('USD per 1M input tokens (string: Bicep has no decimals); empty: the list price of llmModel')
param llmPriceInputPer1m string = ''

@description('USD per 1M output tokens; empty: the list price of llmModel')
param llmPriceOutputPer1m string = ''

// --- Operations -----------------------------------------------------------------------------

@description('Object id of whoever runs deploy.sh: gets Key Vault Secrets Officer and Storage Blob Data Contributor')
param operatorPrincipalId string = ''

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

@description('Public IPs/CIDRs allowed through the Key Vault and Storage firewalls (the operator\'s machine)')
param operatorIpRanges array = []

@description('Deny (default): Key Vault and Storage admit only the function subnet and operatorIpRanges')
@allowed([
  'Deny'
  'Allow'
])
param publicNetworkDefaultAction string = 'Deny'

@description('Upper bound of on-demand instances per function group. 40 is the lowest Flex accepts in most regions; deploy.sh refuses less outside the regions infra/azure-facts.json lists')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per Flex instance, always-ready ones included: 2048, because the worker with 8 activities at once outgrows 512 on the costliest accepted inputs (python -m bench worker_memory; infra/README.md, "Worker memory")')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Always-ready instances of the durable group (orchestrators and activities): no cold start between Durable steps; billed all month. 0 turns it off')
@minValue(0)
@maxValue(3)
param alwaysReadyDurableInstances int = 1

@description('Log Analytics daily ingestion cap in GB (string: Bicep has no decimals)')
param logDailyQuotaGb string = '0.25'

@allowed([
  'DEBUG'
  'INFO'
  'WARNING'
  'ERROR'
])
param logLevel string = 'INFO'

// --- Names ----------------------------------------------------------------------------------

var deploymentContainerName = 'app-package'
var hubspotTokenSecretName = 'hubspot-access-token'
var qdrantApiKeySecretName = 'qdrant-api-key'
var openAiApiKeySecretName = 'openai-api-key'
var hubspotWebhookSecretName = 'hubspot-webhook-client-secret'

// --- Resources ------------------------------------------------------------------------------

module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    location: location
    namePrefix: namePrefix
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    namePrefix: namePrefix
    tags: tags
    dailyQuotaGb: logDailyQuotaGb
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    namePrefix: namePrefix
    tags: tags
    knowledgeBaseContainerName: knowledgeBaseContainerName
    deploymentContainerName: deploymentContainerName
    functionSubnetId: network.outputs.functionSubnetId
    operatorIpRanges: operatorIpRanges
    networkDefaultAction: publicNetworkDefaultAction
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    namePrefix: namePrefix
    tags: tags
    functionSubnetId: network.outputs.functionSubnetId
    operatorIpRanges: operatorIpRanges
    networkDefaultAction: publicNetworkDefaultAction
    qdrantApiKey: qdrantApiKey
  }
}

module qdrant 'modules/qdrant.bicep' = {
  name: 'qdrant'
  params: {
    location: location
    namePrefix: namePrefix
    tags: tags
    image: qdrantImage
    cpu: qdrantCpu
    memoryGb: qdrantMemoryGb
    subnetId: network.outputs.qdrantSubnetId
    apiKey: qdrantApiKey
    storageOnAzureFiles: qdrantStorageOnAzureFiles
    registryServer: qdrantRegistryServer
    registryUsername: qdrantRegistryUsername
    registryPassword: qdrantRegistryPassword
  }
}

// --- App settings: every setting core/settings.py needs in Azure ------------------------------

// Versionless references: a new secret version is picked up on the next restart (or within 24 h).
var hubspotTokenReference = '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${hubspotTokenSecretName})'
var qdrantApiKeyReference = '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${qdrantApiKeySecretName})'
var openAiApiKeyReference = '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${openAiApiKeySecretName})'
var hubspotWebhookSecretReference = '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${hubspotWebhookSecretName})'

// The Python worker runs orchestrators and activities on its thread pool: one thread for
// every concurrency slot host.json gives the Durable extension (maxConcurrentActivityFunctions
// + maxConcurrentOrchestratorFunctions), or the extension hands out work no thread can run.
var durableActivitySlots = 8
var durableOrchestratorSlots = 4
var pythonThreadPoolThreads = durableActivitySlots + durableOrchestratorSlots

var baseSettings = {
  // The one telemetry path: the Functions host sends its own and the worker's logs to
  // Application Insights; the app configures no OpenTelemetry exporter (core/telemetry.py).
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  PYTHON_THREADPOOL_THREAD_COUNT: string(pythonThreadPoolThreads)
  HUBSPOT_ACCESS_TOKEN: hubspotTokenReference
  HUBSPOT_INBOX_IDS: hubspotInboxIds
  HUBSPOT_RATE_LIMIT_PER_10S: string(hubspotRateLimitPer10s)
  TEAM_ADDRESSES: teamAddresses
  POLL_SCHEDULE: pollSchedule
  POLLING_PAUSED: pollingPaused ? 'true' : 'false'
  TASK_HUB_NAME: taskHubName
  LEDGER_TABLE_ENDPOINT: storage.outputs.tableEndpoint
  QDRANT_URL: qdrant.outputs.url
  QDRANT_API_KEY: qdrantApiKeyReference
  QDRANT_COLLECTION: qdrantCollection
  KNOWLEDGE_BASE_BLOB_ENDPOINT: storage.outputs.blobEndpoint
  KNOWLEDGE_BASE_CONTAINER: knowledgeBaseContainerName
  EMBEDDING_PROVIDER: embeddingProvider
  EMBEDDING_MODEL: embeddingModel
  LLM_PROVIDER: llmProvider
  LLM_MODEL: llmModel
  LOG_LEVEL: logLevel
  // tiktoken and the embedding cache write here; the package folder is read-only on Flex.
  TIKTOKEN_CACHE_DIR: '/tmp/tiktoken-cache'
  EMBEDDING_CACHE_DIR: '/tmp/embedding-cache'
}

var openAiKeyProviders = [
  'openai'
  'openai_compatible'
]
var needsOpenAiKey = contains(openAiKeyProviders, llmProvider) || contains(openAiKeyProviders, embeddingProvider)

// Set only when used: an empty OPENAI_API_KEY would read as a (blank) key, not as unset.
var openAiKeySettings = {
  OPENAI_API_KEY: openAiApiKeyReference
}
var azureOpenAiSettings = {
  AZURE_OPENAI_ENDPOINT: azureOpenAiEndpoint
}
var openAiBaseUrlSettings = {
  OPENAI_BASE_URL: openAiBaseUrl
}

// Set only when given: empty, the app uses the model's name and list price.
var modelOverrides = union(
  empty(llmDeployment) ? {} : { LLM_DEPLOYMENT: llmDeployment },
  empty(embeddingDeployment) ? {} : { EMBEDDING_DEPLOYMENT: embeddingDeployment },
  empty(llmPriceInputPer1m) ? {} : { LLM_PRICE_INPUT_PER_1M: llmPriceInputPer1m },
  empty(llmPriceOutputPer1m) ? {} : { LLM_PRICE_OUTPUT_PER_1M: llmPriceOutputPer1m }
)

// Set only when enabled: unset, the webhook endpoint refuses every call.
var webhookSettings = {
  HUBSPOT_WEBHOOK_CLIENT_SECRET: hubspotWebhookSecretReference
}

var appSettings = union(baseSettings, modelOverrides, hubspotWebhooks ? webhookSettings : {}, needsOpenAiKey ? openAiKeySettings : {}, empty(azureOpenAiEndpoint) ? {} : azureOpenAiSettings, empty(openAiBaseUrl) ? {} : openAiBaseUrlSettings)

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    namePrefix: namePrefix
    tags: tags
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    functionSubnetId: network.outputs.functionSubnetId
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    alwaysReadyDurableInstances: alwaysReadyDurableInstances
    appSettings: appSettings
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    appPrincipalId: functionApp.outputs.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
  }
}

// The Azure OpenAI account may live in another resource group or subscription.
module openAiRole 'modules/openai-role.bicep' = if (!empty(azureOpenAiResourceId)) {
  name: 'openai-role'
  scope: resourceGroup(empty(azureOpenAiResourceId) ? subscription().subscriptionId : split(azureOpenAiResourceId, '/')[2], empty(azureOpenAiResourceId) ? resourceGroup().name : split(azureOpenAiResourceId, '/')[4])
  params: {
    accountName: last(split(azureOpenAiResourceId, '/'))
    appPrincipalId: functionApp.outputs.principalId
  }
}

// --- Outputs (deploy.sh reads these) ------------------------------------------------------------

output functionAppName string = functionApp.outputs.name
output functionAppHostName string = functionApp.outputs.defaultHostName
output keyVaultName string = keyVault.outputs.name
output storageAccountName string = storage.outputs.name
output knowledgeBaseContainerName string = knowledgeBaseContainerName
output qdrantPrivateIp string = qdrant.outputs.privateIp
output qdrantContainerGroupName string = qdrant.outputs.containerGroupName
output appInsightsName string = monitoring.outputs.appInsightsName
output logAnalyticsWorkspaceId string = monitoring.outputs.workspaceCustomerId
output hubspotTokenSecretName string = hubspotTokenSecretName
output openAiApiKeySecretName string = openAiApiKeySecretName
output hubspotWebhookSecretName string = hubspotWebhookSecretName
output hubspotWebhookUrl string = 'https://${functionApp.outputs.defaultHostName}/api/hubspot/webhook'
output needsOpenAiKey bool = needsOpenAiKey
