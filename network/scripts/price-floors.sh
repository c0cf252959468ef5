#!/usr/bin/env bash
# The opening minimum export prices (network/config/seed/price-floors.json) put in force THROUGH the
# DailyPriceFloors process, as its people work it: the administrator starts a round for the seed's effective date,
# the development ECTA officer proposes the floors and the development National Bank supervisor co-signs them, each
# through the engine REST API with their own token (claim, then complete, as Tasklist does). On the ledger every
# floor then names those two people (proposedBy, cosignedBy), instead of seed.sh's operator officers signing with
# the peer CLI. `cec up` runs it once the workflow application is up.
# Idempotent: a round for the same day still running is resumed; floors the ledger already holds at the same price
# are passed over by the process's own steps.
#   network/scripts/price-floors.sh [seed file]      (or source it and call seed_prices_through_process)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/oidc.sh"

PRICES_REST=http://localhost:$WORKFLOW_PORT/engine-rest
declare -A PRICES_TOKEN

# prices_api <user> <method> <path> [json] → body on stdout; fails unless 2xx. The token reaches curl via /dev/fd.
prices_api() {
  local user=$1 method=$2 path=$3 body=${4:-} out code
  out=$(mktemp)
  if [ -n "$body" ]; then
    code=$(curl -sS -X "$method" -o "$out" -w '%{http_code}' -H 'Content-Type: application/json' \
      -H @<(printf 'Authorization: Bearer %s\n' "${PRICES_TOKEN[$user]}") --data-binary @<(printf '%s' "$body") \
      "$PRICES_REST/$path")
  else
    code=$(curl -sS -X "$method" -o "$out" -w '%{http_code}' \
      -H @<(printf 'Authorization: Bearer %s\n' "${PRICES_TOKEN[$user]}") "$PRICES_REST/$path")
  fi
  cat "$out"
  rm -f "$out"
  [[ "$code" == 2?? ]] || { echo >&2; log "$user: $method $path answered HTTP $code"; return 1; }
}

# prices_task <user> <round id> <task key> <seconds>: the id of the round's open task, as <user> sees it.
prices_task() {
  local user=$1 round=$2 key=$3 deadline=$((SECONDS + $4)) id
  while :; do
    id=$(prices_api "$user" GET "task?processInstanceId=$round&taskDefinitionKey=$key" | jq -r '.[0].id // empty')
    [ -n "$id" ] && { echo "$id"; return; }
    ((SECONDS < deadline)) || return 1
    sleep 1
  done
}

# prices_complete <user> <task id> <variables json object {name: value}>
prices_complete() {
  local user=$1 task=$2 vars=$3
  prices_api "$user" POST "task/$task/claim" "$(jq -cn --arg u "$user" '{userId: $u}')" >/dev/null
  prices_api "$user" POST "task/$task/complete" "$(jq -c '{variables: with_entries(.value = {value: .value})}' <<<"$vars")" >/dev/null
}

# prices_refusal <round id> <task id>: why the ledger sent the round's task back, if it did.
prices_refusal() {
  prices_api admin GET "task/$2/variables/ledgerRefusal" 2>/dev/null | jq -r '.value // empty' || true
}

seed_prices_through_process() {
  local seed=${1:-$CEC_HOME/network/config/seed/price-floors.json} day floors key round task
  [ -f "$SECRETS/dev-users.tsv" ] || die "no development users in $SECRETS (network/cec up creates them)"
  for user in admin ecta.officer national-bank.supervisor; do
    PRICES_TOKEN[$user]=$(dev_user_token "$user") || die "$user could not sign in"
  done
  day=$(jq -er .effectiveDate "$seed")
  floors=$(jq -c '[.floors[] | {grade, origin, process, minPricePerLbUsd}]' "$seed")
  key="opening-prices-$day"
  round=$(prices_api admin GET "process-instance?processDefinitionKey=DailyPriceFloors&businessKey=$key" | jq -r '.[0].id // empty')
  if [ -z "$round" ]; then
    log "administrator starts the minimum price round for $day"
    round=$(prices_api admin POST "process-definition/key/DailyPriceFloors/start" \
      "$(jq -cn --arg k "$key" --arg d "$day" '{businessKey: $k, variables: {effectiveDate: {value: $d, type: "String"}}}')" | jq -er .id)
  fi
  # ECTA proposes (unless the round already waits for National Bank): the step writes one entry per floor.
  if task=$(prices_task ecta.officer "$round" ProposePriceFloors 30); then
    [ -z "$(prices_refusal "$round" "$task")" ] || log "the ledger refused the last proposal: $(prices_refusal "$round" "$task")"
    log "ecta.officer proposes $(jq length <<<"$floors") minimum export prices in force from $day"
    prices_complete ecta.officer "$task" "$(jq -cn --arg f "$floors" '{floorsJson: $f}')"
  fi
  task=$(prices_task national-bank.supervisor "$round" CosignPriceFloors 600) ||
    die "no co-signature task within 10 minutes: the proposal was refused ($(prices_refusal "$round" \
      "$(prices_task ecta.officer "$round" ProposePriceFloors 1 || true)")) or its step is an incident (Cockpit)"
  log "national-bank.supervisor co-signs them"
  prices_complete national-bank.supervisor "$task" '{"decision":"COSIGN"}'
  local deadline=$((SECONDS + 600))
  until [ "$(prices_api admin GET "history/process-instance/$round" | jq -r '.state')" = COMPLETED ]; do
    if task=$(prices_task national-bank.supervisor "$round" CosignPriceFloors 1); then
      die "the ledger refused the co-signature: $(prices_refusal "$round" "$task")"
    fi
    ((SECONDS < deadline)) || die "the co-signature step did not end within 10 minutes (an incident? see Cockpit)"
    sleep 1
  done
  log "minimum export prices for $day in force, proposed by ecta.officer and co-signed by national-bank.supervisor"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  seed_prices_through_process "$@"
fi
