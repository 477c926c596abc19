#!/usr/bin/env bash
# Deploy the email-triage service: one Bicep deployment, Key Vault secrets, then
# `func azure functionapp publish`. Safe to re-run: every step converges to the same state.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
readonly SCRIPT_DIR REPO_ROOT
readonly DEPLOYMENT_NAME="email-triage"
# Facts from infra/azure-facts.json (tests/test_infra_facts.py keeps them equal).
REQUIRED_PROVIDERS=(Microsoft.App Microsoft.ContainerInstance Microsoft.Insights Microsoft.KeyVault Microsoft.Network Microsoft.OperationalInsights Microsoft.Storage Microsoft.Web)
readonly MIN_CORE_TOOLS="4.0.5700"
readonly LOWEST_MAX_INSTANCES=40
LOW_MAX_INSTANCE_REGIONS=(westeurope australiaeast westus2)
# Seconds between retries (role propagation, publish, reference resolution); tests set 0.
readonly RETRY_SECONDS="${DEPLOY_RETRY_SECONDS:-15}"

usage() {
  cat <<'EOF'
Usage: infra/deploy.sh -g RESOURCE_GROUP -l LOCATION [options]

Creates or updates every Azure resource of the email-triage service (infra/main.bicep),
stores the secrets in Key Vault and publishes the app code. Re-running is safe.

Options:
  -g, --resource-group NAME   resource group (created if missing)       [env AZ_RESOURCE_GROUP]
  -l, --location REGION       Azure region with Flex Consumption, e.g. westeurope
                                                                        [env AZ_LOCATION]
  -p, --prefix PREFIX         resource name prefix, 3-11 chars (default: triage)
                                                                        [env NAME_PREFIX]
      --parameters FILE       Bicep parameters file (default: infra/main.parameters.json)
      --operator-ip IPS       comma-separated IPs/CIDRs let through the Key Vault and Storage
                              firewalls (default: this machine's public IP, looked up at
                              https://api.ipify.org; "none" adds no IP)
      --rotate-qdrant-key     generate a new Qdrant API key (restarts the Qdrant container)
      --skip-publish          deploy infrastructure and secrets, do not publish the code
      --what-if               show what the deployment would change, then stop
      --repair-qdrant-url     point QDRANT_URL at the Qdrant container's current private IP
                              (ACI may change it on a restart), restart the app, stop
  -h, --help                  show this help

Secrets come from environment variables and are never printed or put on a command line:
  HUBSPOT_ACCESS_TOKEN   HubSpot private-app token; required on the first deployment,
                         optional later (set it again to rotate the token)
  OPENAI_API_KEY         only when llmProvider/embeddingProvider is openai or
                         openai_compatible in the parameters file

Requires: az (Azure CLI, logged in with `az login`), func (Azure Functions Core Tools
4.0.5700 or later), curl (public-IP lookup and the final health check). Your account needs
Owner, or Contributor plus User Access Administrator, on the resource group: the template
creates role assignments. Every prerequisite is checked before anything is created.

Example:
  HUBSPOT_ACCESS_TOKEN=... infra/deploy.sh -g rg-email-triage -l westeurope
EOF
}

die() {
  echo "error: $*" >&2
  exit 1
}

log() {
  echo "==> $*" >&2
}

resource_group="${AZ_RESOURCE_GROUP:-}"
location="${AZ_LOCATION:-}"
prefix="${NAME_PREFIX:-triage}"
parameters_file="$SCRIPT_DIR/main.parameters.json"
operator_ip=""
rotate_qdrant_key=false
skip_publish=false
what_if=false
repair_qdrant_url=false

while [[ $# -gt 0 ]]; do
  case "$1" in
    -g | --resource-group) resource_group="${2:?$1 needs a value}"; shift 2 ;;
    -l | --location) location="${2:?$1 needs a value}"; shift 2 ;;
    -p | --prefix) prefix="${2:?$1 needs a value}"; shift 2 ;;
    --parameters) parameters_file="${2:?$1 needs a value}"; shift 2 ;;
    --operator-ip) operator_ip="${2:?$1 needs a value}"; shift 2 ;;
    --rotate-qdrant-key) rotate_qdrant_key=true; shift ;;
    --skip-publish) skip_publish=true; shift ;;
    --what-if) what_if=true; shift ;;
    --repair-qdrant-url) repair_qdrant_url=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done

[[ -n "$resource_group" ]] || die "missing --resource-group (or AZ_RESOURCE_GROUP); see --help"
[[ -n "$location" ]] || die "missing --location (or AZ_LOCATION); see --help"
# Key Vault names (<prefix>-kv-<hash>) allow letters, digits and single hyphens, starting
# with a letter and ending with a letter or digit: no trailing or doubled hyphen.
[[ ${#prefix} -ge 3 && ${#prefix} -le 11 && "$prefix" =~ ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ ]] ||
  die "--prefix must be 3-11 lowercase letters, digits or single hyphens, starting with a letter and not ending with a hyphen (Key Vault refuses the rest): got '$prefix'"
[[ -f "$parameters_file" ]] || die "parameters file not found: $parameters_file"

# --- Qdrant's address changed: the one repair, no deployment --------------------------------

# ACI may give a restarted container group a new private IP; QDRANT_URL still names the old
# one and /api/status says "knowledge base unreachable". This points it at the current IP
# (the settings change restarts the app) without redeploying, which would restart Qdrant.
if [[ "$repair_qdrant_url" == true ]]; then
  az account show --output none 2> /dev/null || die "not logged in to Azure: run 'az login'"
  app="$(az deployment group show --resource-group "$resource_group" --name "$DEPLOYMENT_NAME" \
    --query properties.outputs.functionAppName.value --output tsv)"
  group="$(az deployment group show --resource-group "$resource_group" --name "$DEPLOYMENT_NAME" \
    --query properties.outputs.qdrantContainerGroupName.value --output tsv)"
  ip="$(az container show --resource-group "$resource_group" --name "$group" \
    --query ipAddress.ip --output tsv)"
  [[ -n "$app" && -n "$ip" ]] || die "could not read the app or Qdrant's IP from $resource_group"
  az functionapp config appsettings set --resource-group "$resource_group" --name "$app" \
    --settings "QDRANT_URL=http://$ip:6333" --output none
  log "QDRANT_URL of $app is now http://$ip:6333 (the app restarts with it)"
  exit 0
fi

# --- Preflight: every prerequisite, before anything is created ------------------------------

problems=()
problem() {
  problems+=("$*")
}

require_tool() {
  command -v "$1" > /dev/null 2>&1 || die "$1 not found: $2"
}

require_tool az "install the Azure CLI: https://learn.microsoft.com/cli/azure/install-azure-cli"
publishing=false
if [[ "$skip_publish" == false && "$what_if" == false ]]; then
  publishing=true
fi

# `func --version` prints e.g. 4.0.5700 or 4.5.0; sort -V orders both forms.
version_at_least() {
  [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]
}
if [[ "$publishing" == true ]]; then
  if ! command -v func > /dev/null 2>&1; then
    problem "func not found: install Azure Functions Core Tools $MIN_CORE_TOOLS or later: https://learn.microsoft.com/azure/azure-functions/functions-run-local (or pass --skip-publish)"
  else
    func_version="$(func --version 2> /dev/null | head -n1 | tr -d '[:space:]' || true)"
    if [[ ! "$func_version" =~ ^[0-9]+(\.[0-9]+)+$ ]] || ! version_at_least "$func_version" "$MIN_CORE_TOOLS"; then
      problem "Azure Functions Core Tools ${func_version:-of unknown version} is too old for a Flex Consumption publish: install $MIN_CORE_TOOLS or later"
    fi
  fi
fi

az account show --output none 2> /dev/null ||
  die "not logged in to Azure: run 'az login' (and 'az account set -s <subscription>')"
subscription="$(az account show --query name --output tsv)"
subscription_id="$(az account show --query id --output tsv)"
log "subscription: $subscription"

# The operator gets Key Vault Secrets Officer (to write the token) and Storage Blob Data
# Contributor (to upload knowledge-base documents).
operator_type="User"
operator_id="$(az ad signed-in-user show --query id --output tsv 2> /dev/null || true)"
if [[ -z "$operator_id" ]]; then
  # Logged in as a service principal (CI): look up its object id.
  client_id="$(az account show --query user.name --output tsv)"
  operator_id="$(az ad sp show --id "$client_id" --query id --output tsv 2> /dev/null || true)"
  operator_type="ServicePrincipal"
fi
[[ -n "$operator_id" ]] || die "could not find your Entra object id (az ad signed-in-user show)"

# Providers: ARM registers a provider only for the resource types a template deploys, and
# the Flex subnet delegation needs Microsoft.App although no Microsoft.App resource is
# deployed. Register what this account may; report the rest.
for provider in "${REQUIRED_PROVIDERS[@]}"; do
  state="$(az provider show --namespace "$provider" --query registrationState --output tsv 2> /dev/null || true)"
  [[ "$state" == "Registered" ]] && continue
  log "registering resource provider $provider (was: ${state:-unknown}); takes a minute or two"
  if ! az provider register --namespace "$provider" --wait --output none 2> /dev/null; then
    problem "resource provider $provider is not registered and this account may not register it: ask a subscription owner to run 'az provider register --namespace $provider'"
  fi
done

# The region must offer Flex Consumption.
location="${location,,}"
location="${location// /}"
flex_regions="$(az functionapp list-flexconsumption-locations --query '[].name' --output tsv 2> /dev/null || true)"
if [[ -z "$flex_regions" ]]; then
  problem "could not list the Flex Consumption regions (az functionapp list-flexconsumption-locations): update the Azure CLI to 2.60 or later"
elif ! grep -qixF "$location" <<< "$(tr -d ' ' <<< "$flex_regions" | tr '[:upper:]' '[:lower:]')"; then
  problem "region $location does not offer Flex Consumption; choose one of: $(tr '\n' ' ' <<< "$flex_regions")"
fi

# A maximumInstanceCount below 40 is refused outside the few regions where Microsoft enabled it.
max_instances="$(grep -o '"maximumInstanceCount"[^}]*' "$parameters_file" | grep -o '[0-9]\+' | head -n1 || true)"
if [[ -n "$max_instances" && "$max_instances" -lt "$LOWEST_MAX_INSTANCES" ]]; then
  allowed=false
  for region in "${LOW_MAX_INSTANCE_REGIONS[@]}"; do
    [[ "$region" == "$location" ]] && allowed=true
  done
  [[ "$allowed" == true ]] ||
    problem "maximumInstanceCount $max_instances in $parameters_file: Flex accepts less than $LOWEST_MAX_INSTANCES only in ${LOW_MAX_INSTANCE_REGIONS[*]} (infra/azure-facts.json); use $LOWEST_MAX_INSTANCES or more in $location"
fi

# Rights to assign roles (the template creates role assignments): the caller's effective
# permissions on the resource group, or on the subscription while the group does not exist.
group_exists=false
if az group show --name "$resource_group" --output none 2> /dev/null; then
  group_exists=true
fi
scope="/subscriptions/$subscription_id"
[[ "$group_exists" == true ]] && scope="$scope/resourceGroups/$resource_group"
can_assign_roles() {
  local actions not_actions pattern allowed denied
  local wanted="microsoft.authorization/roleassignments/write"
  local -
  set -f # the patterns ("*", "Microsoft.Authorization/*") are words here, not file globs
  while IFS=$'\t' read -r actions not_actions; do
    allowed=false
    denied=false
    for pattern in ${actions,,}; do
      # shellcheck disable=SC2053 # the pattern is an Azure wildcard, matched as a glob
      [[ "$wanted" == $pattern ]] && allowed=true
    done
    for pattern in ${not_actions,,}; do
      # shellcheck disable=SC2053
      [[ "$wanted" == $pattern ]] && denied=true
    done
    [[ "$allowed" == true && "$denied" == false ]] && return 0
  done
  return 1
}
permissions="$(az rest --method get \
  --url "https://management.azure.com$scope/providers/Microsoft.Authorization/permissions?api-version=2022-04-01" \
  --query "value[].[join(' ', actions), join(' ', notActions)]" --output tsv 2> /dev/null || true)"
if ! can_assign_roles <<< "$permissions"; then
  problem "your account may not create role assignments on $scope: it needs Owner, or Contributor plus User Access Administrator (or Role Based Access Control Administrator)"
fi

if [[ -z "$operator_ip" ]]; then
  if command -v curl > /dev/null 2>&1; then
    operator_ip="$(curl --fail --silent --show-error --max-time 10 https://api.ipify.org || true)"
  fi
  [[ -n "$operator_ip" ]] ||
    die "could not find this machine's public IP: pass --operator-ip <ip> (or --operator-ip none)"
fi
operator_ips_json="[]"
if [[ "$operator_ip" != "none" ]]; then
  operator_ips_json="[\"${operator_ip//,/\",\"}\"]"
fi

# Secure parameters go through a private temporary file, never through argv.
secret_dir="$(mktemp -d)"
trap 'rm -rf "$secret_dir"' EXIT
chmod 700 "$secret_dir"

outputs_query() {
  az deployment group show --resource-group "$resource_group" --name "$DEPLOYMENT_NAME" \
    --query "properties.outputs.$1.value" --output tsv 2> /dev/null || true
}

# --- Qdrant API key: keep the one in Key Vault unless rotating --------------------------------

qdrant_api_key=""
existing_vault=""
if [[ "$group_exists" == true ]]; then
  existing_vault="$(outputs_query keyVaultName)"
fi
read_qdrant_key() {
  az keyvault secret show --vault-name "$existing_vault" --name qdrant-api-key \
    --query value --output tsv 2> "$secret_dir/read.err"
}
if [[ -n "$existing_vault" && "$rotate_qdrant_key" == false ]]; then
  if ! qdrant_api_key="$(read_qdrant_key)"; then
    qdrant_api_key=""
    if ! grep -q "SecretNotFound" "$secret_dir/read.err"; then
      # Most often the firewall: this machine's IP changed since the last run. Let it in
      # through the control plane, then read again. Never silently replace the key: a new
      # one would restart Qdrant.
      if [[ "$operator_ip" != "none" ]]; then
        log "letting $operator_ip through the $existing_vault firewall"
        for ip in ${operator_ip//,/ }; do
          az keyvault network-rule add --name "$existing_vault" --ip-address "$ip" --output none
        done
      fi
      for attempt in 1 2 3 4 5 6; do
        if qdrant_api_key="$(read_qdrant_key)"; then
          break
        fi
        qdrant_api_key=""
        log "waiting for Key Vault access (attempt $attempt/6)"
        sleep 10
      done
      [[ -n "$qdrant_api_key" ]] ||
        die "cannot read qdrant-api-key from $existing_vault (firewall or role?): fix access, or pass --rotate-qdrant-key to replace the key"
    fi
  fi
fi
if [[ -z "$qdrant_api_key" ]]; then
  log "generating a new Qdrant API key"
  qdrant_api_key="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
fi
registry_password_json=""
if [[ -n "${QDRANT_REGISTRY_PASSWORD:-}" ]]; then
  registry_password_json=", \"qdrantRegistryPassword\": {\"value\": \"${QDRANT_REGISTRY_PASSWORD//\"/\\\"}\"}"
fi
(
  umask 077
  printf '{"qdrantApiKey": {"value": "%s"}%s}' "$qdrant_api_key" "$registry_password_json" \
    > "$secret_dir/secure.parameters.json"
)

# The HubSpot token: given now, or already in the vault from an earlier run.
secret_exists() {
  az keyvault secret show --vault-name "$1" --name "$2" --query id --output tsv \
    > /dev/null 2>&1
}
if [[ -z "${HUBSPOT_ACCESS_TOKEN:-}" ]]; then
  if [[ -z "$existing_vault" ]] || ! secret_exists "$existing_vault" hubspot-access-token; then
    problem "HUBSPOT_ACCESS_TOKEN is not set and no earlier deployment stored it: export HUBSPOT_ACCESS_TOKEN (a private-app token with conversations.read and conversations.write) and re-run"
  fi
fi

if [[ ${#problems[@]} -gt 0 ]]; then
  for item in "${problems[@]}"; do
    echo "error: $item" >&2
  done
  die "${#problems[@]} prerequisite(s) missing; nothing was created or changed"
fi
log "preflight passed: tools, login, providers, region, role-assignment rights, token"

# --- Deployment -------------------------------------------------------------------------------

deployment_args=(
  --resource-group "$resource_group"
  --name "$DEPLOYMENT_NAME"
  --template-file "$SCRIPT_DIR/main.bicep"
  --parameters "@$parameters_file"
  --parameters "@$secret_dir/secure.parameters.json"
  --parameters location="$location" namePrefix="$prefix"
  operatorPrincipalId="$operator_id" operatorPrincipalType="$operator_type"
  operatorIpRanges="$operator_ips_json"
)

if [[ "$what_if" == true ]]; then
  # what-if needs an existing group; creating one just to preview would change something.
  if [[ "$group_exists" == false ]]; then
    log "resource group $resource_group does not exist: every resource in infra/main.bicep would be created (nothing was changed)"
    exit 0
  fi
  az deployment group what-if "${deployment_args[@]}"
  exit 0
fi

log "resource group $resource_group ($location)"
az group create --name "$resource_group" --location "$location" \
  --tags app=email-triage --output none

log "deploying infra/main.bicep (takes a few minutes)"
az deployment group create "${deployment_args[@]}" --output none

app_name="$(outputs_query functionAppName)"
vault_name="$(outputs_query keyVaultName)"
hubspot_secret="$(outputs_query hubspotTokenSecretName)"
openai_secret="$(outputs_query openAiApiKeySecretName)"
needs_openai_key="$(outputs_query needsOpenAiKey)"
host_name="$(outputs_query functionAppHostName)"
[[ -n "$app_name" && -n "$vault_name" ]] || die "deployment outputs missing; see the Azure portal"

# --- Secrets ----------------------------------------------------------------------------------

# Role assignments can take a few minutes to reach Key Vault: retry writes for up to ~5 minutes.
# The value is read from a file descriptor so it never shows up in a process listing; az's
# own error text (which never holds the value) is shown, so a firewall or role problem is named.
set_secret() {
  local name="$1" value="$2" attempt
  for attempt in $(seq 1 20); do
    if az keyvault secret set --vault-name "$vault_name" --name "$name" \
      --file <(printf '%s' "$value") --encoding utf-8 --output none 2> "$secret_dir/set.err"; then
      log "stored secret $name"
      return 0
    fi
    log "waiting for Key Vault access (attempt $attempt/20): $(head -n1 "$secret_dir/set.err")"
    sleep "$RETRY_SECONDS"
  done
  cat "$secret_dir/set.err" >&2
  die "could not write secret $name to $vault_name (az's error above): check the Key Vault firewall (--operator-ip) and your Key Vault Secrets Officer role"
}

if [[ -n "${HUBSPOT_ACCESS_TOKEN:-}" ]]; then
  set_secret "$hubspot_secret" "$HUBSPOT_ACCESS_TOKEN"
fi

if [[ "${needs_openai_key,,}" == "true" ]]; then
  if [[ -n "${OPENAI_API_KEY:-}" ]]; then
    set_secret "$openai_secret" "$OPENAI_API_KEY"
  elif ! secret_exists "$vault_name" "$openai_secret"; then
    die "the chosen provider needs OPENAI_API_KEY and $vault_name has no $openai_secret yet"
  fi
fi

# --- Code -------------------------------------------------------------------------------------

# The remote build installs requirements.txt and nothing else (no constraints file): it must
# pin every runtime package to the tested version (`make lock` writes it that way).
check_pinned_requirements() {
  local loose
  loose="$(grep -vE '^[[:space:]]*(#|$)' "$REPO_ROOT/requirements.txt" |
    grep -vE '^[A-Za-z0-9][A-Za-z0-9._-]*==[A-Za-z0-9.+!_-]+[[:space:]]*$' || true)"
  [[ -z "$loose" ]] ||
    die "requirements.txt has unpinned lines (run 'make lock'): ${loose//$'\n'/, }"
}

# Flex uploads the package with the app's own identity, whose Blob Data Owner role was just
# assigned: until it propagates the upload answers 403. Retry for up to ~10 minutes.
publish() {
  local attempt
  for attempt in $(seq 1 10); do
    if (cd "$REPO_ROOT" && func azure functionapp publish "$app_name" --python --build remote); then
      return 0
    fi
    log "publish failed (attempt $attempt/10); most often the app's storage role is still propagating"
    sleep $((RETRY_SECONDS * 4))
  done
  die "could not publish to $app_name after 10 attempts: see func's output above"
}

if [[ "$skip_publish" == true ]]; then
  log "skipping publish (--skip-publish)"
else
  check_pinned_requirements
  log "publishing the app to $app_name (remote build installs the pins in requirements.txt)"
  publish
fi

# --- The app really runs ----------------------------------------------------------------------

# Key Vault references resolve when the app starts and then only on a configuration change or
# every 24 hours. The secrets and the app's Secrets User role are new: ask the platform to
# re-read the references, restart, and wait until every reference reports Resolved.
site_id="/subscriptions/$subscription_id/resourceGroups/$resource_group/providers/Microsoft.Web/sites/$app_name"
references_url="https://management.azure.com$site_id/config/configreferences/appsettings"
unresolved_references() {
  az rest --method get --url "$references_url?api-version=2022-03-01" \
    --query "value[?properties.status!='Resolved'].[name, properties.status]" --output tsv 2> /dev/null ||
    echo "(could not read the configuration references report)"
}
pending=""
for attempt in $(seq 1 20); do
  az rest --method post --url "$references_url/refresh?api-version=2022-03-01" --output none 2> /dev/null || true
  az functionapp restart --resource-group "$resource_group" --name "$app_name" --output none
  pending="$(unresolved_references)"
  [[ -z "$pending" ]] && break
  log "Key Vault references not resolved yet (attempt $attempt/20): ${pending//$'\n'/; }"
  sleep "$RETRY_SECONDS"
done
[[ -z "$pending" ]] ||
  die "Key Vault references of $app_name did not resolve: ${pending//$'\n'/; } (portal: Function App > Environment variables; the app needs Key Vault Secrets User and network access to $vault_name)"
log "Key Vault references resolved"

if [[ "$skip_publish" == false ]]; then
  command -v curl > /dev/null 2>&1 || die "curl not found: cannot check https://$host_name/api/health"
  key="$(az functionapp keys list --resource-group "$resource_group" --name "$app_name" --query functionKeys.default --output tsv)"
  healthy=false
  for attempt in $(seq 1 20); do
    if curl --fail --silent --max-time 30 "https://$host_name/api/health" > /dev/null &&
      curl --fail --silent --max-time 60 "https://$host_name/api/status?code=$key" > "$secret_dir/status.json" &&
      grep -q '"ready": true' "$secret_dir/status.json"; then
      healthy=true
      break
    fi
    log "waiting for /api/health and /api/status to report ready (attempt $attempt/20)"
    sleep "$RETRY_SECONDS"
  done
  if [[ "$healthy" == false ]]; then
    grep -o '"problems": \[[^]]*\]' "$secret_dir/status.json" >&2 2> /dev/null || true
    die "the app does not report ready at https://$host_name/api/status (problems above; infra/README.md, 'Day one')"
  fi
  log "the app answers: HubSpot and Qdrant reachable (knowledge base: see /api/status)"
fi

cat >&2 << EOF

Done. Function App: $app_name (https://$host_name)
  health:  curl https://$host_name/api/health
  status:  curl "https://$host_name/api/status?code=\$(az functionapp keys list -g $resource_group -n $app_name --query functionKeys.default -o tsv)"
  documents: upload to container $(outputs_query knowledgeBaseContainerName) of storage account $(outputs_query storageAccountName), then POST /api/kb/ingest
EOF
