#!/usr/bin/env bash
# What the consortium has decided before its first export, so that a freshly started platform serves its first user:
# the exporters ECTA has already licensed (network/config/seed/exporters.json; the development user `exporter`
# files for one of them). The opening minimum export prices are not put in here: price-floors.sh has the development
# ECTA officer propose them and National Bank's supervisor co-sign them through the DailyPriceFloors process, once
# the workflow application runs.
#
# Each organisation signs its own part with an officer identity of the network operator ("<org>-opening-officer",
# enrolled at that organisation's CA and registered on the ledger by its administrator), so the ledger shows that
# the opening entries came from the operator's start-up, not from a person of the platform. Idempotent: entries
# already on the ledger are left alone. Needs deploy.sh to have run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SEED=$CEC_HOME/network/config/seed
OPERATOR_UID=network-operator

# opening_officer <org>: enrols (once) and registers (once) the operator's officer of <org>; prints its folder.
opening_officer() {
  local org=$1 name="$1-opening-officer" dir
  dir=$(bash "$CEC_HOME/network/scripts/enroll.sh" "$org" "$name" "role=officer:ecert,uid=$OPERATOR_UID:ecert")
  (
    source "$CEC_HOME/network/scripts/peer-env.sh" "$org"
    if ! peer chaincode query -C "$CHANNEL" -n user-management \
      -c "$(jq -cn --arg m "${MSP[$org]}" --arg e "$name" '{Args: ["ParticipantContract:officerStatus", $m, $e]}')" >/dev/null 2>&1; then
      log "registering $name on the ledger (${MSP[$org]} administrator)"
      invoke user-management "$(jq -cn --arg e "$name" --arg u "$OPERATOR_UID" '{Args: ["ParticipantContract:registerOfficer", $e, "officer", $u]}')" \
        "$(witness_of "$org")"
    fi
  )
  echo "$dir"
}

# invoke <chaincode> <args json> <witness org>: a transaction endorsed by the current CLI organisation's peer and
# the witness organisation's peer (no member alone writes anything: chaincode/README.md), waited for.
invoke() {
  peer chaincode invoke "${ORDERER_ARGS[@]}" -C "$CHANNEL" -n "$1" --peerAddresses "$CORE_PEER_ADDRESS" \
    --tlsRootCertFiles "$CORE_PEER_TLS_ROOTCERT_FILE" \
    --peerAddresses "${HOST[$3]}:$(peer_port "$3" 0)" --tlsRootCertFiles "$(tls_ca_of "$3")" \
    --waitForEvent -c "$2" >>"$LOGS/seed.log" 2>&1
}

# ECTA and National Bank witness each other's directives; anyone else's registration is witnessed by ECTA.
witness_of() { case $1 in ecta) echo nationalbank ;; *) echo ecta ;; esac; }

# as_officer <org> <officer folder>: the CLI signs as that officer (TLS links stay the administrator's).
as_officer() {
  source "$CEC_HOME/network/scripts/peer-env.sh" "$1"
  export CORE_PEER_MSPCONFIGPATH=$2/msp
}

query() { peer chaincode query -C "$CHANNEL" -n "$1" -c "$2" 2>/dev/null; }

seed_exporters() {
  local ecta=$1 id profile
  as_officer ecta "$ecta"
  while IFS=$'\t' read -r id profile; do
    query user-management "$(jq -cn --arg i "$id" '{Args: ["ParticipantContract:readExporter", $i]}')" >/dev/null && continue
    log "registering exporter $id (ECTA)"
    invoke user-management "$(jq -cn --arg i "$id" --arg p "$profile" '{Args: ["ParticipantContract:registerExporter", $i, $p]}')" nationalbank ||
      die "registering exporter $id failed; see $LOGS/seed.log"
  done < <(jq -r '.exporters[] | [.exporterId, (.profile | tojson)] | @tsv' "$SEED/exporters.json")
}

mkdir -p "$LOGS"
start=$SECONDS
ecta=$(opening_officer ecta)
seed_exporters "$ecta"
log "opening entries on the ledger ($((SECONDS - start))s): $(jq '.exporters | length' "$SEED/exporters.json") exporters"
