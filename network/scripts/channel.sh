#!/usr/bin/env bash
# Creates coffee-export-channel without a system channel: a genesis block holding all seven organisations (anchor
# peers included), joined by the three orderers through the channel participation API and by every peer.
# Idempotent: orderers and peers already in the channel are left alone.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

write_configtx() {
  local f=$CONF/configtx/configtx.yaml org o
  mkdir -p "$CONF/configtx"
  {
    echo "Organizations:"
    echo "  - &OrdererOrg"
    echo "    Name: OrdererMSP"
    echo "    ID: OrdererMSP"
    echo "    MSPDir: $(org_dir orderer)/msp"
    echo "    OrdererEndpoints:"
    for o in "${ORDERERS[@]}"; do echo "      - ${HOST[orderer]}:${ORDERER_PORT[$o]}"; done
    org_policies OrdererMSP "OR('OrdererMSP.member')"
    for org in "${PEER_ORGS[@]}"; do
      echo "  - &${MSP[$org]}"
      echo "    Name: ${MSP[$org]}"
      echo "    ID: ${MSP[$org]}"
      echo "    MSPDir: $(org_dir "$org")/msp"
      echo "    AnchorPeers: [{Host: ${HOST[$org]}, Port: $(peer_port "$org" 0)}]"
      org_policies "${MSP[$org]}" "OR('${MSP[$org]}.peer')"
    done
    cat <<EOF
Capabilities:
  Channel: &ChannelCapabilities {V2_0: true}
  Orderer: &OrdererCapabilities {V2_0: true}
  Application: &ApplicationCapabilities {V2_5: true}
Application: &ApplicationDefaults
  Organizations:
  Policies:
    Readers: {Type: ImplicitMeta, Rule: "ANY Readers"}
    Writers: {Type: ImplicitMeta, Rule: "ANY Writers"}
    Admins: {Type: ImplicitMeta, Rule: "MAJORITY Admins"}
    LifecycleEndorsement: {Type: ImplicitMeta, Rule: "MAJORITY Endorsement"}
    Endorsement: {Type: ImplicitMeta, Rule: "MAJORITY Endorsement"}
  Capabilities: *ApplicationCapabilities
Orderer: &OrdererDefaults
  OrdererType: etcdraft
  BatchTimeout: $BATCH_TIMEOUT
  BatchSize: {MaxMessageCount: $BATCH_MAX_MESSAGES, AbsoluteMaxBytes: 10 MB, PreferredMaxBytes: 2 MB}
  EtcdRaft:
    Consenters:
EOF
    for o in "${ORDERERS[@]}"; do
      local crt
      crt=$(org_dir orderer)/orderers/$o.$(org_domain orderer)/tls/server.crt
      echo "      - {Host: ${HOST[orderer]}, Port: ${ORDERER_PORT[$o]}, ClientTLSCert: $crt, ServerTLSCert: $crt}"
    done
    cat <<EOF
    Options: {TickInterval: $RAFT_TICK_INTERVAL, ElectionTick: $RAFT_ELECTION_TICK, HeartbeatTick: 1, MaxInflightBlocks: 5, SnapshotIntervalSize: 16 MB}
  Organizations:
  Policies:
    Readers: {Type: ImplicitMeta, Rule: "ANY Readers"}
    Writers: {Type: ImplicitMeta, Rule: "ANY Writers"}
    Admins: {Type: ImplicitMeta, Rule: "MAJORITY Admins"}
    BlockValidation: {Type: ImplicitMeta, Rule: "ANY Writers"}
  Capabilities: *OrdererCapabilities
Channel: &ChannelDefaults
  Policies:
    Readers: {Type: ImplicitMeta, Rule: "ANY Readers"}
    Writers: {Type: ImplicitMeta, Rule: "ANY Writers"}
    Admins: {Type: ImplicitMeta, Rule: "MAJORITY Admins"}
  Capabilities: *ChannelCapabilities
Profiles:
  CoffeeExportChannel:
    <<: *ChannelDefaults
    Orderer:
      <<: *OrdererDefaults
      Organizations: [*OrdererOrg]
    Application:
      <<: *ApplicationDefaults
      Organizations:
EOF
    for org in "${PEER_ORGS[@]}"; do echo "        - *${MSP[$org]}"; done
  } >"$f"
}

org_policies() {
  local msp=$1 endorsement=$2
  cat <<EOF
    Policies:
      Readers: {Type: Signature, Rule: "OR('$msp.admin', '$msp.peer', '$msp.client', '$msp.orderer')"}
      Writers: {Type: Signature, Rule: "OR('$msp.admin', '$msp.client', '$msp.orderer')"}
      Admins: {Type: Signature, Rule: "OR('$msp.admin')"}
      Endorsement: {Type: Signature, Rule: "$endorsement"}
EOF
}

osnadmin_as_orderer_admin() {
  local tls
  tls=$(org_admin_tls orderer)
  osnadmin "$@" --ca-file "$(orderer_tls_ca)" --client-cert "$tls/server.crt" --client-key "$tls/server.key"
}

orderer_lists_channels() {
  osnadmin_as_orderer_admin channel list -o "$1" 2>/dev/null | grep -q '^Status: 200'
}

join_orderers() {
  local block=$1 o
  for o in "${ORDERERS[@]}"; do
    local address=${HOST[orderer]}:$(orderer_admin_port "$o")
    # A restarted orderer answers its admin port before it has loaded its channels: ask until it lists them.
    wait_until "$o channel participation API" 60 orderer_lists_channels "$address"
    # osnadmin exits 0 whatever the HTTP status, so the status line is what tells.
    if osnadmin_as_orderer_admin channel list -o "$address" --channelID "$CHANNEL" 2>/dev/null | grep -q '^Status: 200'; then
      log "$o is already a member of $CHANNEL"
    else
      log "joining $o to $CHANNEL"
      osnadmin_as_orderer_admin channel join -o "$address" --channelID "$CHANNEL" --config-block "$block" |
        grep -q '^Status: 201' || die "$o refused to join $CHANNEL"
    fi
  done
}

join_peers() {
  local block=$1 org i
  for org in "${PEER_ORGS[@]}"; do
    for ((i = 0; i < PEERS_PER_ORG; i++)); do
      # shellcheck source=peer-env.sh
      source "$CEC_HOME/network/scripts/peer-env.sh" "$org" "$i"
      if peer channel list 2>/dev/null | grep -qx "$CHANNEL"; then
        log "$(peer_name "$org" "$i") is already in $CHANNEL"
      else
        log "joining $(peer_name "$org" "$i") to $CHANNEL"
        peer channel join -b "$block" >>"$LOGS/peer-cli.log" 2>&1 || die "join failed; see $LOGS/peer-cli.log"
      fi
    done
  done
}

block=$CONF/configtx/$CHANNEL.block
if [ ! -f "$block" ]; then
  log "writing the genesis block of $CHANNEL"
  write_configtx
  configtxgen -configPath "$CONF/configtx" -profile CoffeeExportChannel -channelID "$CHANNEL" \
    -outputBlock "$block" >>"$LOGS/configtxgen.log" 2>&1 || die "configtxgen failed; see $LOGS/configtxgen.log"
fi
join_orderers "$block"
join_peers "$block"
# A Raft cluster serves only once it has a leader.
wait_until "raft leader election" 60 raft_leader
log "$CHANNEL: raft leader is $(raft_leader || echo "(re-electing)")"
