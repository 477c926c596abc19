// VNet with three subnets, each behind its own NSG:
//   func  - Flex Consumption VNet integration (delegated to Microsoft.App/environments)
//   qdrant - the Qdrant container group (delegated to Microsoft.ContainerInstance/containerGroups)
//   pe    - reserved for private endpoints (none are deployed by default: see infra/README.md)
// VNets, subnets, NSGs and service endpoints are free; no gateway of any kind is deployed.

@description('Azure region')
param location string

@description('Short lowercase prefix used in resource names')
param namePrefix string

param tags object = {}

@description('Address space of the VNet')
param addressPrefix string = '10.40.0.0/16'

@description('Function App integration subnet (Flex Consumption needs a /27 or larger)')
param functionSubnetPrefix string = '10.40.1.0/24'

@description('Qdrant container group subnet')
param qdrantSubnetPrefix string = '10.40.2.0/27'

@description('Private endpoint subnet')
param privateEndpointSubnetPrefix string = '10.40.3.0/27'

@description('TCP port Qdrant serves its REST API on')
param qdrantPort int = 6333

resource functionNsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: '${namePrefix}-nsg-func'
  location: location
  tags: tags
  properties: {
    securityRules: [
      {
        // The integration subnet only carries the app's outbound traffic; inbound requests
        // reach the app through its public front end, never through this subnet.
        name: 'Deny-Internet-Inbound'
        properties: {
          priority: 4000
          direction: 'Inbound'
          access: 'Deny'
          protocol: '*'
          sourceAddressPrefix: 'Internet'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '*'
        }
      }
      {
        name: 'Allow-Qdrant-Outbound'
        properties: {
          priority: 100
          direction: 'Outbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: functionSubnetPrefix
          sourcePortRange: '*'
          destinationAddressPrefix: qdrantSubnetPrefix
          destinationPortRange: string(qdrantPort)
        }
      }
      {
        // HubSpot, Azure OpenAI/OpenAI, Storage, Key Vault and Application Insights: all HTTPS.
        name: 'Allow-Https-Outbound'
        properties: {
          priority: 110
          direction: 'Outbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: functionSubnetPrefix
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '443'
        }
      }
    ]
  }
}

resource qdrantNsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: '${namePrefix}-nsg-qdrant'
  location: location
  tags: tags
  properties: {
    securityRules: [
      {
        name: 'Allow-Qdrant-From-Function-Subnet'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: functionSubnetPrefix
          sourcePortRange: '*'
          destinationAddressPrefix: qdrantSubnetPrefix
          destinationPortRange: string(qdrantPort)
        }
      }
      {
        // Overrides the default AllowVnetInBound: nothing else in the VNet may reach Qdrant.
        name: 'Deny-All-Other-Inbound'
        properties: {
          priority: 4096
          direction: 'Inbound'
          access: 'Deny'
          protocol: '*'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '*'
        }
      }
      {
        // Qdrant never calls into the VNet.
        name: 'Deny-VNet-Outbound'
        properties: {
          priority: 4000
          direction: 'Outbound'
          access: 'Deny'
          protocol: '*'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '*'
        }
      }
    ]
  }
}

resource privateEndpointNsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: '${namePrefix}-nsg-pe'
  location: location
  tags: tags
  properties: {
    securityRules: [
      {
        name: 'Allow-Https-From-Function-Subnet'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: functionSubnetPrefix
          sourcePortRange: '*'
          destinationAddressPrefix: privateEndpointSubnetPrefix
          destinationPortRange: '443'
        }
      }
      {
        name: 'Deny-All-Other-Inbound'
        properties: {
          priority: 4096
          direction: 'Inbound'
          access: 'Deny'
          protocol: '*'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '*'
        }
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: '${namePrefix}-vnet'
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: 'func'
        properties: {
          addressPrefix: functionSubnetPrefix
          networkSecurityGroup: {
            id: functionNsg.id
          }
          // Service endpoints let Storage and Key Vault admit this subnet while their
          // firewalls deny everything else, at no cost (private endpoints cost ~$7/month each).
          serviceEndpoints: [
            {
              service: 'Microsoft.Storage'
            }
            {
              service: 'Microsoft.KeyVault'
            }
          ]
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'qdrant'
        properties: {
          addressPrefix: qdrantSubnetPrefix
          networkSecurityGroup: {
            id: qdrantNsg.id
          }
          // ACI: a container group in a VNet reaches a storage account (here the Azure Files
          // share of Qdrant's snapshots) only through a service endpoint on its subnet. Free.
          serviceEndpoints: [
            {
              service: 'Microsoft.Storage'
            }
          ]
          delegations: [
            {
              name: 'container-instances'
              properties: {
                serviceName: 'Microsoft.ContainerInstance/containerGroups'
              }
            }
          ]
        }
      }
      {
        name: 'pe'
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          networkSecurityGroup: {
            id: privateEndpointNsg.id
          }
          privateEndpointNetworkPolicies: 'Enabled'
        }
      }
    ]
  }
}

output vnetId string = vnet.id
output functionSubnetId string = vnet.properties.subnets[0].id
output qdrantSubnetId string = vnet.properties.subnets[1].id
output privateEndpointSubnetId string = vnet.properties.subnets[2].id
