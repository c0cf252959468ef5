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
source "$(dirname "$0")/people.sh"

# prices_task <user> <round id> <task key> <seconds>: the id of the round's open task, as <user> sees it.
prices_task() { engine_task "$1" "processInstanceId=$2&taskDefinitionKey=$3" "$4"; }

seed_prices_through_process() {
  local seed=${1:-$CEC_HOME/network/config/seed/price-floors.json} day floors key round task
  sign_in admin ecta.officer national-bank.supervisor
  day=$(jq -er .effectiveDate "$seed")
  floors=$(jq -c '[.floors[] | {grade, origin, process, minPricePerLbUsd}]' "$seed")
  key="opening-prices-$day"
  round=$(engine_api admin GET "process-instance?processDefinitionKey=DailyPriceFloors&businessKey=$key" | jq -r '.[0].id // empty')
  if [ -z "$round" ]; then
    log "administrator starts the minimum price round for $day"
    round=$(engine_api admin POST "process-definition/key/DailyPriceFloors/start" \
      "$(jq -cn --arg k "$key" --arg d "$day" '{businessKey: $k, variables: {effectiveDate: {value: $d, type: "String"}}}')" | jq -er .id)
  fi
  # ECTA proposes (unless the round already waits for National Bank): the step writes one entry per floor.
  if task=$(prices_task ecta.officer "$round" ProposePriceFloors 30); then
    [ -z "$(engine_refusal "$task")" ] || log "the ledger refused the last proposal: $(engine_refusal "$task")"
    log "ecta.officer proposes $(jq length <<<"$floors") minimum export prices in force from $day"
    engine_complete ecta.officer "$task" "$(jq -cn --arg f "$floors" '{floorsJson: $f}')"
  fi
  task=$(prices_task national-bank.supervisor "$round" CosignPriceFloors 600) ||
    die "no co-signature task within 10 minutes: the proposal was refused ($(engine_refusal \
      "$(prices_task ecta.officer "$round" ProposePriceFloors 1 || true)")) or its step is an incident (Cockpit)"
  log "national-bank.supervisor co-signs them"
  engine_complete national-bank.supervisor "$task" '{"decision":"COSIGN"}'
  local deadline=$((SECONDS + 600))
  until [ "$(engine_api admin GET "history/process-instance/$round" | jq -r '.state')" = COMPLETED ]; do
    if task=$(prices_task national-bank.supervisor "$round" CosignPriceFloors 1); then
      die "the ledger refused the co-signature: $(engine_refusal "$task")"
    fi
    ((SECONDS < deadline)) || die "the co-signature step did not end within 10 minutes (an incident? see Cockpit)"
    sleep 1
  done
  log "minimum export prices for $day in force, proposed by ecta.officer and co-signed by national-bank.supervisor"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  seed_prices_through_process "$@"
fi
