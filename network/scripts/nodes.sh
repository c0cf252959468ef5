#!/usr/bin/env bash
# Starts the three etcdraft orderers and the peers (one per organisation, two with PEERS_PER_ORG=2), each with TLS
# and client authentication required, operations endpoints (/healthz, /metrics), LevelDB, the gateway and the
# history database on, and the chaincode-as-a-service builder in place of Docker. Idempotent.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# Every TLS CA of the consortium: peers and orderers accept clients from any member organisation.
all_tls_cas() { for org in $(all_orgs); do tls_ca_of "$org"; done; }

render_core_yaml() {
  local out=$CONF/peer/core.yaml
  mkdir -p "$CONF/peer"
  # vm.endpoint cannot be blanked from the environment (viper ignores empty variables), so the file is edited.
  sed -e 's#^\(    endpoint:\) unix:///var/run/docker.sock#\1 ""#' \
    -e "s#^\(         path:\) /opt/hyperledger/ccaas_builder#\1 $FABRIC_HOME/builders/ccaas#" \
    "$FABRIC_HOME/config/core.yaml" >"$out"
  grep -q '^    endpoint: ""' "$out" || die "could not disable the Docker builder in core.yaml"
  grep -q "path: $FABRIC_HOME/builders/ccaas" "$out" || die "could not configure the ccaas builder in core.yaml"
}

start_orderer() {
  local o=$1 dir
  dir=$(org_dir orderer)/orderers/$o.$(org_domain orderer)
  local tls_cas
  tls_cas=$(all_tls_cas | paste -sd, -)
  mkdir -p "$DATA/$o"
  start_process "$o" env FABRIC_CFG_PATH="$FABRIC_HOME/config" \
    FABRIC_LOGGING_SPEC=INFO \
    ORDERER_GENERAL_LISTENADDRESS="${HOST[orderer]}" ORDERER_GENERAL_LISTENPORT="${ORDERER_PORT[$o]}" \
    ORDERER_GENERAL_LOCALMSPID=OrdererMSP ORDERER_GENERAL_LOCALMSPDIR="$dir/msp" \
    ORDERER_GENERAL_TLS_ENABLED=true ORDERER_GENERAL_TLS_PRIVATEKEY="$dir/tls/server.key" \
    ORDERER_GENERAL_TLS_CERTIFICATE="$dir/tls/server.crt" ORDERER_GENERAL_TLS_ROOTCAS="[$dir/tls/ca.crt]" \
    ORDERER_GENERAL_TLS_CLIENTAUTHREQUIRED=true ORDERER_GENERAL_TLS_CLIENTROOTCAS="[$tls_cas]" \
    ORDERER_GENERAL_BOOTSTRAPMETHOD=none ORDERER_CHANNELPARTICIPATION_ENABLED=true \
    ORDERER_ADMIN_LISTENADDRESS="${HOST[orderer]}:$(orderer_admin_port "$o")" \
    ORDERER_ADMIN_TLS_ENABLED=true ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true \
    ORDERER_ADMIN_TLS_CERTIFICATE="$dir/tls/server.crt" ORDERER_ADMIN_TLS_PRIVATEKEY="$dir/tls/server.key" \
    ORDERER_ADMIN_TLS_ROOTCAS="[$dir/tls/ca.crt]" ORDERER_ADMIN_TLS_CLIENTROOTCAS="[$(orderer_tls_ca)]" \
    ORDERER_FILELEDGER_LOCATION="$DATA/$o/ledger" \
    ORDERER_CONSENSUS_WALDIR="$DATA/$o/etcdraft/wal" ORDERER_CONSENSUS_SNAPDIR="$DATA/$o/etcdraft/snapshot" \
    ORDERER_OPERATIONS_LISTENADDRESS="${HOST[orderer]}:${ORDERER_OPS_PORT[$o]}" ORDERER_METRICS_PROVIDER=prometheus \
    orderer
}

# The ccaas builder renders each package's connection.json address from this, so one package (one package ID)
# points every organisation's peer at that organisation's own chaincode server.
# What the chaincode-as-a-service builder fills into a package's connection.json for this peer: each chaincode server's
# address, the CA that signed the organisation's chaincode servers, and the peer's own TLS pair, which it presents to
# them as its client certificate.
ccaas_builder_config() {
  local org=$1 i=$2 cc tls peer_tls addresses="{}"
  tls=$(chaincode_server_tls "$org")
  peer_tls=$(org_dir "$org")/peers/$(peer_name "$org" "$i")/tls
  for cc in "${CHAINCODES[@]}" "${BENCH_CHAINCODES[@]}"; do
    addresses=$(jq -c --arg k "${cc//-/_}_address" --arg v "${HOST[$org]}:$(ccaas_port "$org" "$cc")" '. + {($k): $v}' <<<"$addresses")
  done
  jq -c --rawfile root "$tls/ca.crt" --rawfile cert "$peer_tls/server.crt" --rawfile key "$peer_tls/server.key" \
    '. + {chaincode_root_cert: $root, peer_client_cert: $cert, peer_client_key: $key}' <<<"$addresses"
}

start_peer() (
  local org=$1 i=$2 name dir
  name=$(peer_name "$org" "$i")
  dir=$(org_dir "$org")/peers/$name
  local host=${HOST[$org]} port
  port=$(peer_port "$org" "$i")
  mkdir -p "$DATA/$name"
  # Gossip bootstraps from peer0 of the same organisation; the external endpoint makes the peer visible to other
  # organisations (discovery, private data dissemination). Every peer pulls blocks from the orderers itself: in
  # 2.5 gossip state transfer is off, so a non-leader peer that joins late would never receive the earlier blocks.
  # Private data of invalid transactions is never pulled: a member alone can put a forged private write (hashes only)
  # into a transaction; validation refuses it, but the collection's members would otherwise wait pullRetryThreshold
  # (60 s) for data that does not exist before committing the block, and the channel would stall (ByzantineMemberIT).
  # The builder configuration holds the peer's TLS key: it goes through the environment, never a command line, and the
  # peer's umask keeps the connection files its builder writes from it (and all its other files) its own.
  umask 077
  CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG="$(ccaas_builder_config "$org" "$i")" \
    start_process "$name" env FABRIC_CFG_PATH="$CONF/peer" FABRIC_LOGGING_SPEC=INFO \
    CORE_PEER_ID="$name" CORE_PEER_LISTENADDRESS="$host:$port" CORE_PEER_ADDRESS="$host:$port" \
    CORE_PEER_CHAINCODELISTENADDRESS="$host:$(peer_cc_port "$org" "$i")" \
    CORE_PEER_CHAINCODEADDRESS="$host:$(peer_cc_port "$org" "$i")" \
    CORE_PEER_GOSSIP_BOOTSTRAP="$host:$(peer_port "$org" 0)" CORE_PEER_GOSSIP_EXTERNALENDPOINT="$host:$port" \
    CORE_PEER_GOSSIP_USELEADERELECTION=false CORE_PEER_GOSSIP_ORGLEADER=true \
    CORE_PEER_LOCALMSPID="${MSP[$org]}" CORE_PEER_MSPCONFIGPATH="$dir/msp" \
    CORE_PEER_TLS_ENABLED=true CORE_PEER_TLS_CERT_FILE="$dir/tls/server.crt" \
    CORE_PEER_TLS_KEY_FILE="$dir/tls/server.key" CORE_PEER_TLS_ROOTCERT_FILE="$dir/tls/ca.crt" \
    CORE_PEER_TLS_CLIENTAUTHREQUIRED=true CORE_PEER_TLS_CLIENTROOTCAS_FILES="$(all_tls_cas | paste -sd' ' -)" \
    CORE_PEER_FILESYSTEMPATH="$DATA/$name" CORE_LEDGER_SNAPSHOTS_ROOTDIR="$DATA/$name/snapshots" \
    CORE_LEDGER_STATE_STATEDATABASE=goleveldb CORE_LEDGER_HISTORY_ENABLEHISTORYDATABASE=true \
    CORE_PEER_GATEWAY_ENABLED=true CORE_PEER_GOSSIP_PVTDATA_SKIPPULLINGINVALIDTRANSACTIONSDURINGCOMMIT=true \
    CORE_OPERATIONS_LISTENADDRESS="$host:$(peer_ops_port "$org" "$i")" CORE_METRICS_PROVIDER=prometheus \
    peer node start
)

for o in "${ORDERERS[@]}"; do start_orderer "$o"; done
render_core_yaml
for org in "${PEER_ORGS[@]}"; do
  for ((i = 0; i < PEERS_PER_ORG; i++)); do start_peer "$org" "$i"; done
done
for o in "${ORDERERS[@]}"; do
  wait_until "$o /healthz" 60 http_ok "http://${HOST[orderer]}:${ORDERER_OPS_PORT[$o]}/healthz"
done
for org in "${PEER_ORGS[@]}"; do
  for ((i = 0; i < PEERS_PER_ORG; i++)); do
    wait_until "$(peer_name "$org" "$i") /healthz" 60 http_ok "http://${HOST[$org]}:$(peer_ops_port "$org" "$i")/healthz"
  done
done
