// Qdrant on Azure Container Instances: private IP in its own subnet, no public address,
// API key required, image pinned by tag.
//
// Storage layout (see infra/README.md, "Qdrant storage"): Qdrant's maintainers state that
// network file systems such as Azure Files (SMB) are not supported for its live storage
// (mmap, file locks and renames misbehave and collections get corrupted), so by default the
// live collection lives on the container group's local disk (emptyDir) and the Azure Files
// share holds Qdrant snapshots (plain tar files). The knowledge base is always re-derivable
// from the documents in the blob container (POST /api/kb/ingest). Set
// qdrantStorageOnAzureFiles=true to put /qdrant/storage itself on the share instead.
//
// Azure Files mounts in ACI authenticate with the storage account key only, so the share
// lives in a SEPARATE small storage account: the app's main account keeps shared keys off.

param location string
param namePrefix string
param tags object = {}

@description('Qdrant image, pinned to a release tag')
param image string

@description('vCPU of the container group (a string because Bicep has no decimals), e.g. 0.5')
param cpu string = '0.5'

@description('Memory in GiB (a string because Bicep has no decimals), e.g. 1')
param memoryGb string = '1'

@description('Subnet delegated to Microsoft.ContainerInstance/containerGroups')
param subnetId string

@description('Qdrant API key, given to the container as a secure environment variable')
@secure()
param apiKey string

@description('true mounts the Azure Files share at /qdrant/storage (unsupported by Qdrant upstream); false keeps live data local and snapshots on the share')
param storageOnAzureFiles bool = false

@description('Quota of the Qdrant file share in GiB (Standard file shares bill used capacity)')
param shareQuotaGb int = 16

param port int = 6333

@description('Registry to pull the image from with credentials (e.g. an ACR Basic the image was imported to, or docker.io with an account token); empty pulls anonymously from Docker Hub')
param registryServer string = ''

param registryUsername string = ''

@secure()
param registryPassword string = ''

var registryCredentials = [
  {
    server: registryServer
    username: registryUsername
    password: registryPassword
  }
]

var shareName = 'qdrant'

resource filesAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  #checkov:skip=CKV_AZURE_35: ACI mounts Azure Files from its host, outside the VNet, so a default-Deny firewall would break the mount; access still needs the account key, which only ACI receives
  #checkov:skip=CKV_AZURE_59: same reason as CKV_AZURE_35: the share is reached over the public endpoint by the ACI host (SMB 3 with encryption, TLS 1.2)
  #checkov:skip=CKV_AZURE_206: LRS on purpose: the share holds Qdrant snapshots, re-derivable from the knowledge-base documents
  #checkov:skip=CKV_AZURE_43: the name is toLower(take(alphanumeric prefix + uniqueString, 24)), which always meets the rules; checkov cannot evaluate the expression
  name: toLower(take('${replace(namePrefix, '-', '')}qd${uniqueString(resourceGroup().id)}', 24))
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource fileService 'Microsoft.Storage/storageAccounts/fileServices@2023-05-01' = {
  parent: filesAccount
  name: 'default'
  properties: {
    shareDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource share 'Microsoft.Storage/storageAccounts/fileServices/shares@2023-05-01' = {
  parent: fileService
  name: shareName
  properties: {
    shareQuota: shareQuotaGb
    enabledProtocols: 'SMB'
  }
}

var shareMountPath = storageOnAzureFiles ? '/qdrant/storage' : '/qdrant/snapshots'

// Written without multi-line ternaries so pycep (used by the tests and checkov) parses it.
var shareMounts = [
  {
    name: 'share'
    mountPath: shareMountPath
  }
]

var localMounts = [
  {
    name: 'local'
    mountPath: '/qdrant/storage'
  }
]

var shareVolumes = [
  {
    name: 'share'
    azureFile: {
      shareName: share.name
      storageAccountName: filesAccount.name
      storageAccountKey: filesAccount.listKeys().keys[0].value
    }
  }
]

var localVolumes = [
  {
    name: 'local'
    emptyDir: {}
  }
]

var volumeMounts = concat(shareMounts, storageOnAzureFiles ? [] : localMounts)
var volumes = concat(shareVolumes, storageOnAzureFiles ? [] : localVolumes)

resource containerGroup 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = {
  name: '${namePrefix}-qdrant'
  location: location
  tags: tags
  properties: {
    osType: 'Linux'
    sku: 'Standard'
    // Always: Qdrant is a server; ACI restarts it after a crash or host maintenance.
    restartPolicy: 'Always'
    subnetIds: [
      {
        id: subnetId
      }
    ]
    ipAddress: {
      type: 'Private'
      ports: [
        {
          port: port
          protocol: 'TCP'
        }
      ]
    }
    containers: [
      {
        name: 'qdrant'
        properties: {
          image: image
          ports: [
            {
              port: port
              protocol: 'TCP'
            }
          ]
          resources: {
            requests: {
              cpu: json(cpu)
              memoryInGB: json(memoryGb)
            }
          }
          environmentVariables: [
            {
              name: 'QDRANT__SERVICE__API_KEY'
              secureValue: apiKey
            }
            {
              name: 'QDRANT__SERVICE__HTTP_PORT'
              value: string(port)
            }
            {
              name: 'QDRANT__STORAGE__SNAPSHOTS_PATH'
              value: '/qdrant/snapshots'
            }
            {
              // No usage reports leave the VNet.
              name: 'QDRANT__TELEMETRY_DISABLED'
              value: 'true'
            }
          ]
          volumeMounts: volumeMounts
          // No liveness or readiness probe: ACI documents both as unsupported for a container
          // group in a virtual network (infra/azure-facts.json). restartPolicy Always restarts
          // a crashed Qdrant; the app sees an unreachable or empty store in /api/status.
        }
      }
    ]
    imageRegistryCredentials: empty(registryServer) ? [] : registryCredentials
    volumes: volumes
  }
}

output privateIp string = containerGroup.properties.ipAddress.ip
output url string = 'http://${containerGroup.properties.ipAddress.ip}:${port}'
output containerGroupName string = containerGroup.name
output filesAccountName string = filesAccount.name
