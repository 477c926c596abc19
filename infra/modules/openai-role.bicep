// Cognitive Services OpenAI User for the Function App on an existing Azure OpenAI resource,
// deployed into that resource's own resource group (it may live elsewhere).

@description('Name of the existing Azure OpenAI (Cognitive Services) account')
param accountName string

@description('Object id of the Function App system-assigned identity')
param appPrincipalId string

var cognitiveServicesOpenAiUser = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'

resource account 'Microsoft.CognitiveServices/accounts@2023-05-01' existing = {
  name: accountName
}

resource openAiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appPrincipalId, cognitiveServicesOpenAiUser)
  scope: account
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cognitiveServicesOpenAiUser)
  }
}
