#!/usr/bin/env bash
# Deploy the email-triage service: one Bicep deployment, Key Vault secrets, then
# `func azure functionapp publish`. Safe to re-run: every step converges to the same state.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
readonly SCRIPT_DIR REPO_ROOT
readonly DEPLOYMENT_NAME="email-triage"

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
  -h, --help                  show this help

Secrets come from environment variables and are never printed or put on a command line:
  HUBSPOT_ACCESS_TOKEN   HubSpot private-app token; required on the first deployment,
                         optional later (set it again to rotate the token)
  OPENAI_API_KEY         only when llmProvider/embeddingProvider is openai or
                         openai_compatible in the parameters file

Requires: az (Azure CLI, logged in with `az login`), func (Azure Functions Core Tools 4.x),
curl (only for the public-IP lookup). Your account needs Owner, or Contributor plus
User Access Administrator, on the resource group: the template creates role assignments.

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
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done

[[ -n "$resource_group" ]] || die "missing --resource-group (or AZ_RESOURCE_GROUP); see --help"
[[ -n "$location" ]] || die "missing --location (or AZ_LOCATION); see --help"
[[ "$prefix" =~ ^[a-z][a-z0-9-]{2,10}$ ]] ||
  die "--prefix must be 3-11 lowercase letters, digits or hyphens, starting with a letter"
[[ -f "$parameters_file" ]] || die "parameters file not found: $parameters_file"

# --- Tools and login ------------------------------------------------------------------------

require_tool() {
  command -v "$1" > /dev/null 2>&1 || die "$1 not found: $2"
}

require_tool az "install the Azure CLI: https://learn.microsoft.com/cli/azure/install-azure-cli"
if [[ "$skip_publish" == false && "$what_if" == false ]]; then
  require_tool func "install Azure Functions Core Tools 4.x: https://learn.microsoft.com/azure/azure-functions/functions-run-local"
fi

az account show --output none 2> /dev/null ||
  die "not logged in to Azure: run 'az login' (and 'az account set -s <subscription>')"
subscription="$(az account show --query name --output tsv)"
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
if az group show --name "$resource_group" --output none 2> /dev/null; then
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
(
  umask 077
  printf '{"qdrantApiKey": {"value": "%s"}}' "$qdrant_api_key" > "$secret_dir/secure.parameters.json"
)

# --- Deployment -------------------------------------------------------------------------------

log "resource group $resource_group ($location)"
az group create --name "$resource_group" --location "$location" \
  --tags app=email-triage --output none

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
  az deployment group what-if "${deployment_args[@]}"
  exit 0
fi

log "deploying infra/main.bicep (takes a few minutes)"
az deployment group create "${deployment_args[@]}" --output none

app_name="$(outputs_query functionAppName)"
vault_name="$(outputs_query keyVaultName)"
hubspot_secret="$(outputs_query hubspotTokenSecretName)"
openai_secret="$(outputs_query openAiApiKeySecretName)"
needs_openai_key="$(outputs_query needsOpenAiKey)"
[[ -n "$app_name" && -n "$vault_name" ]] || die "deployment outputs missing; see the Azure portal"

# --- Secrets ----------------------------------------------------------------------------------

# Role assignments can take a few minutes to reach Key Vault: retry writes for up to ~5 minutes.
# The value is read from a file descriptor so it never shows up in a process listing.
set_secret() {
  local name="$1" value="$2" attempt
  for attempt in $(seq 1 20); do
    if az keyvault secret set --vault-name "$vault_name" --name "$name" \
      --file <(printf '%s' "$value") --encoding utf-8 --output none 2> /dev/null; then
      log "stored secret $name"
      return 0
    fi
    log "waiting for Key Vault access (attempt $attempt/20)"
    sleep 15
  done
  die "could not write secret $name to $vault_name: check the Key Vault firewall (--operator-ip) and your Key Vault Secrets Officer role"
}

secret_exists() {
  az keyvault secret show --vault-name "$vault_name" --name "$1" --query id --output tsv \
    > /dev/null 2>&1
}

if [[ -n "${HUBSPOT_ACCESS_TOKEN:-}" ]]; then
  set_secret "$hubspot_secret" "$HUBSPOT_ACCESS_TOKEN"
elif ! secret_exists "$hubspot_secret"; then
  die "HUBSPOT_ACCESS_TOKEN is not set and $vault_name has no $hubspot_secret yet: export it and re-run"
fi

if [[ "${needs_openai_key,,}" == "true" ]]; then
  if [[ -n "${OPENAI_API_KEY:-}" ]]; then
    set_secret "$openai_secret" "$OPENAI_API_KEY"
  elif ! secret_exists "$openai_secret"; then
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

if [[ "$skip_publish" == true ]]; then
  log "skipping publish (--skip-publish)"
else
  check_pinned_requirements
  log "publishing the app to $app_name (remote build installs the pins in requirements.txt)"
  (cd "$REPO_ROOT" && func azure functionapp publish "$app_name" --python --build remote)
fi

host_name="$(outputs_query functionAppHostName)"
cat >&2 <<EOF

Done. Function App: $app_name (https://$host_name)
  health:  curl https://$host_name/api/health
  status:  curl "https://$host_name/api/status?code=\$(az functionapp keys list -g $resource_group -n $app_name --query functionKeys.default -o tsv)"
  documents: upload to container $(outputs_query knowledgeBaseContainerName) of storage account $(outputs_query storageAccountName), then POST /api/kb/ingest
EOF
