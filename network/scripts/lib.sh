# Shared by the network scripts: configuration, paths, logging, process and health helpers.
# Sourced, never run. Callers have `set -euo pipefail`.

CEC_HOME=${CEC_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
# shellcheck source=../network.conf
source "$CEC_HOME/network/network.conf"

FABRIC_HOME=$CEC_CACHE_DIR/fabric-$FABRIC_VERSION
FABRIC_CA_HOME=$CEC_CACHE_DIR/fabric-ca-$FABRIC_CA_VERSION
KUBO_HOME=$CEC_CACHE_DIR/kubo-$KUBO_VERSION
GO_HOME=$CEC_CACHE_DIR/go-$GO_TOOLCHAIN_VERSION # only installed where the machine's Go is missing or too old
PATH=$FABRIC_HOME/bin:$FABRIC_CA_HOME/bin:$GO_HOME/bin:$PATH

# Everything the scripts write (keys, passwords, configuration holding them, databases, logs) is their owner's alone.
umask 077

CRYPTO=$CEC_STATE_DIR/crypto
CONF=$CEC_STATE_DIR/config
DATA=$CEC_STATE_DIR/data
LOGS=$CEC_STATE_DIR/logs
PIDS=$CEC_STATE_DIR/pids
SECRETS=$CEC_STATE_DIR/secrets

log() { printf '\033[1;34m[%s]\033[0m %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '\033[1;31m[error]\033[0m %s\n' "$*" >&2; exit 1; }

# --- organisation geometry -------------------------------------------------------------------------------------
org_domain() { echo "$1.$DOMAIN"; }
peer_name() { echo "peer$2.$(org_domain "$1")"; }                 # org index -> peerN.org.domain
peer_port() { echo $((PORT[$1] + 10 * $2)); }                     # org index -> listen port
peer_cc_port() { echo $(($(peer_port "$1" "$2") + 1)); }
peer_ops_port() { echo $(($(peer_port "$1" "$2") + 2)); }
ccaas_port() {                                                    # org chaincode -> chaincode server port
  case $2 in
    coffee-export) echo $((PORT[$1] + 3)) ;;
    user-management) echo $((PORT[$1] + 6)) ;;
    kv-baseline) echo "$KV_BASELINE_PORT" ;;
    *) die "unknown chaincode $2" ;;
  esac
}
# The orgs that run their own server for a chaincode: all, except the baseline which one server serves.
server_orgs() { if [ "$1" = kv-baseline ]; then echo "${PEER_ORGS[0]}"; else echo "${PEER_ORGS[@]}"; fi; }
ca_port() { if [ "$1" = orderer ]; then echo "$ORDERER_CA_PORT"; else echo $((PORT[$1] + 4)); fi; }
ca_ops_port() { echo $(($(ca_port "$1") + 1)); }
orderer_admin_port() { echo $((ORDERER_PORT[$1] + 3)); }
all_orgs() { echo "${PEER_ORGS[@]}" orderer; }

org_dir() { if [ "$1" = orderer ]; then echo "$CRYPTO/ordererOrganizations/$(org_domain "$1")"; else echo "$CRYPTO/peerOrganizations/$(org_domain "$1")"; fi; }
org_admin_msp() { echo "$(org_dir "$1")/users/Admin@$(org_domain "$1")/msp"; }
org_admin_tls() { echo "$(org_dir "$1")/users/Admin@$(org_domain "$1")/tls"; }
tls_ca_of() { echo "$(org_dir "$1")/msp/tlscacerts/tlsca.pem"; }
orderer_tls_ca() { tls_ca_of orderer; }

# Prints the orderer that leads the channel's Raft cluster (from its Prometheus metrics); fails when none does.
raft_leader() {
  local o
  for o in "${ORDERERS[@]}"; do
    # Read the whole body first: `curl | grep -q` fails under pipefail when grep stops reading early.
    local metrics
    metrics=$(curl -fsS --max-time 2 "http://${HOST[orderer]}:${ORDERER_OPS_PORT[$o]}/metrics" 2>/dev/null) || continue
    if grep -q "^consensus_etcdraft_is_leader{channel=\"$CHANNEL\"} 1" <<<"$metrics"; then
      echo "$o"; return 0
    fi
  done
  return 1
}

# --- processes ---------------------------------------------------------------------------------------------------
# A node is a named background process with a pid file and a log file under the state folder.
# A pid file holds "<pid> <start time>": a pid alone may since have been reused by an unrelated process.
start_time_of() { awk '{print $22}' "/proc/$1/stat" 2>/dev/null; }
pid_of() { [ -f "$PIDS/$1.pid" ] && awk '{print $1}' "$PIDS/$1.pid"; }
is_running() {
  [ -f "$PIDS/$1.pid" ] || return 1
  local pid started
  read -r pid started <"$PIDS/$1.pid"
  [ -n "$pid" ] && [ "$(start_time_of "$pid")" = "$started" ]
}

start_process() { # name, then the command (env assignments allowed through `env`)
  local name=$1; shift
  mkdir -p "$PIDS" "$LOGS"
  if is_running "$name"; then log "$name already running (pid $(pid_of "$name"))"; return 0; fi
  log "starting $name"
  setsid "$@" >>"$LOGS/$name.log" 2>&1 </dev/null &
  local pid=$!
  echo "$pid $(start_time_of "$pid")" >"$PIDS/$name.pid"
}

# stop_processes <name...>: TERM to all at once, then KILL whatever has not exited within 10 s.
stop_processes() {
  local name pid pids=()
  for name in "$@"; do
    [ -f "$PIDS/$name.pid" ] || continue
    pid=$(pid_of "$name")
    if is_running "$name"; then
      log "stopping $name (pid $pid)"
      # PostgreSQL's TERM waits for clients to disconnect; INT is its fast, clean shutdown.
      kill "-$([ "$name" = postgres ] && echo INT || echo TERM)" "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
    rm -f "$PIDS/$name.pid"
  done
  for _ in $(seq 1 100); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || return 0
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
}

stop_process() { stop_processes "$1"; }

# run_chaincode_server <process name> <org> <chaincode> <package id> <jar>: serves <org>'s peer for <chaincode> on its
# port. deploy.sh runs the honest servers with it; impostor.sh (tests only) runs another jar the same way.
# The platform's chaincodes speak TLS with client authentication to their own organisation's peers (the server's
# certificate and the peer's client certificate come from the organisation's TLS CA); the benchmark's baseline,
# one server for every organisation, stays plain.
run_chaincode_server() {
  local name=$1 org=$2 cc=$3 pkgid=$4 jar=$5 tls=() dir
  if chaincode_uses_tls "$cc"; then
    dir=$(chaincode_server_tls "$org")
    # The shim also insists on base64 copies of the pair (CORE_TLS_CLIENT_*_PATH), which it reads for nothing here.
    tls=(CORE_PEER_TLS_ENABLED=true CORE_TLS_CLIENT_CERT_FILE="$dir/server.crt" CORE_TLS_CLIENT_KEY_FILE="$dir/server.key"
      CORE_TLS_CLIENT_CERT_PATH="$dir/server.crt.b64" CORE_TLS_CLIENT_KEY_PATH="$dir/server.key.b64"
      CORE_PEER_TLS_ROOTCERT_FILE="$dir/ca.crt" CHAINCODE_TLS_CLIENT_ROOTCERT_FILE="$dir/ca.crt")
  else
    tls=(CORE_PEER_TLS_ENABLED=false)
  fi
  # Small heaps and serial GC: twelve of these share two cores with the rest of the consortium.
  start_process "$name" env CHAINCODE_SERVER_ADDRESS="${HOST[$org]}:$(ccaas_port "$org" "$cc")" \
    CORE_CHAINCODE_ID_NAME="$pkgid" CORE_PEER_LOCALMSPID="${MSP[$org]}" "${tls[@]}" \
    CORE_CHAINCODE_LOGGING_LEVEL=WARNING CORE_CHAINCODE_LOGGING_SHIM=WARNING \
    java -Xms32m -Xmx160m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 \
    -jar "$jar"
}

chaincode_uses_tls() { [[ " ${CHAINCODES[*]} " == *" $1 "* ]]; }

# The TLS folder of <org>'s chaincode servers (server.crt, server.key, ca.crt); crypto.sh enrolls it.
chaincode_server_tls() { echo "$(org_dir "$1")/chaincode-server/tls"; }

# wait_until <what> <seconds> <command...>: polls a health check until it passes; fails loudly with the log tail.
wait_until() {
  local what=$1 timeout=$2; shift 2
  local deadline=$((SECONDS + timeout))
  local name=${what%% *}
  until "$@" >/dev/null 2>&1; do
    # A process that died while starting will not become healthy: say so now, not at the deadline.
    if [ -f "$PIDS/$name.pid" ] && ! is_running "$name"; then
      log "$what exited while starting"
      [ -f "$LOGS/$name.log" ] && tail -n 30 "$LOGS/$name.log" >&2
      return 1
    fi
    if ((SECONDS >= deadline)); then
      log "$what did not become healthy within ${timeout}s"
      [ -f "$LOGS/$name.log" ] && tail -n 30 "$LOGS/$name.log" >&2
      return 1
    fi
    sleep 0.2
  done
  log "$what is healthy"
}

http_ok() { curl -fsS -o /dev/null --max-time 2 "$1"; }
https_ok() { curl -fsS -o /dev/null --max-time 2 --cacert "$2" "$1"; }
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# with_secrets <VAR=secret-name>... -- <command...>: runs the command with each VAR exported, set to that generated
# secret. Secrets travel in the environment (readable by their owner only), never on a command line, which `ps` shows
# to every user.
with_secrets() {
  local pairs=()
  while [ "$1" != -- ]; do pairs+=("$1"); shift; done
  shift
  (
    for pair in "${pairs[@]}"; do export "${pair%%=*}=$(secret "${pair#*=}")"; done
    "$@"
  )
}

# Generates a random secret once and keeps it under the state folder; prints it.
secret() {
  local f=$SECRETS/$1
  mkdir -p "$SECRETS" && chmod 700 "$SECRETS"
  [ -s "$f" ] || (umask 077 && openssl rand -hex 16 >"$f")
  cat "$f"
}

# init_key_file <name>: a 256-bit key in the secrets folder, made only while the platform's state is initialised
# (postgres.sh, with the database that will hold what it seals). Never made later: data sealed under a key (wallet
# keys, documents) is lost with it, so the application refuses to start without it, or with another, rather than
# make a new one. An existing key is kept.
init_key_file() {
  local f=$SECRETS/$1
  mkdir -p "$SECRETS" && chmod 700 "$SECRETS"
  [ -s "$f" ] && return 0
  log "making the key file $f (once, at initialisation)"
  (umask 077 && openssl rand 32 >"$f.tmp" && mv "$f.tmp" "$f")
}

# secure_state: the state folder holds every key and password of the platform, so it is its owner's alone, and so is
# everything in it (an older state folder is put right on the next start). PostgreSQL runs as its own service
# account and must pass through to its data and socket folders: the state, data and run folders let the postgres
# group through (--x, no listing); others get nothing anywhere.
secure_state() {
  local passage=("$CEC_STATE_DIR" "$DATA" "$CEC_STATE_DIR/run")
  mkdir -p "${passage[@]}" "$SECRETS"
  find "$CEC_STATE_DIR" -xdev ! -type l -perm /077 ! -path "$CEC_STATE_DIR" ! -path "$DATA" \
    ! -path "$CEC_STATE_DIR/run" -exec chmod go-rwx {} +
  if getent group postgres >/dev/null; then
    chgrp postgres "${passage[@]}" && chmod 710 "${passage[@]}"
  else
    chmod 700 "${passage[@]}"
  fi
  chmod 700 "$SECRETS"
  find "$SECRETS" -type f ! -perm 600 -exec chmod 600 {} +
}
