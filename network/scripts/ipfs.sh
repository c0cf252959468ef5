#!/usr/bin/env bash
# Starts the platform's private IPFS node (kubo) for export documents: initialised once under the state folder with no
# bootstrap peers and no AutoConf, a private-network swarm key, RPC API and gateway on loopback only, run offline
# (the platform's documents never leave this node). Idempotent.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

export IPFS_PATH=$CEC_STATE_DIR/data/ipfs
IPFS=$KUBO_HOME/bin/ipfs

init_node() {
  [ -f "$IPFS_PATH/config" ] && return 0
  log "initialising the private IPFS node in $IPFS_PATH"
  mkdir -p "$IPFS_PATH"
  "$IPFS" init --profile=server,autoconf-off >>"$LOGS/ipfs-init.log" 2>&1 || die "ipfs init failed; see $LOGS/ipfs-init.log"
  "$IPFS" bootstrap rm --all >>"$LOGS/ipfs-init.log"
  "$IPFS" config Addresses.API "/ip4/$IPFS_HOST/tcp/$IPFS_API_PORT"
  "$IPFS" config Addresses.Gateway "/ip4/$IPFS_HOST/tcp/$IPFS_GATEWAY_PORT"
  "$IPFS" config --json Addresses.Swarm '["/ip4/127.0.0.1/tcp/4001"]'
  (umask 077 && printf '/key/swarm/psk/1.0.0/\n/base16/\n%s\n' "$(openssl rand -hex 32)" >"$IPFS_PATH/swarm.key")
}

mkdir -p "$LOGS"
[ -x "$IPFS" ] || bash "$(dirname "$0")/install-binaries.sh" kubo
init_node
start_process ipfs env IPFS_PATH="$IPFS_PATH" LIBP2P_FORCE_PNET=1 "$IPFS" daemon --offline
wait_until "ipfs (/api/v0/id)" 60 curl -fsS -o /dev/null --max-time 2 -X POST "http://$IPFS_HOST:$IPFS_API_PORT/api/v0/id"
