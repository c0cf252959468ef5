#!/usr/bin/env bash
# Deploys the coffee-export and user-management chaincodes as chaincode-as-a-service: builds the runnable jars with
# Maven when missing, packages them, installs the package on every peer, approves it for all six organisations,
# commits it with the explicit endorsement policy, and runs one chaincode server per organisation per chaincode.
# Idempotent: a definition already committed for the same package is left alone; a changed jar gets a new
# package label and so the next sequence.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

jar_of() { echo "$CEC_HOME/chaincode/$1/target/$1.jar"; }

# Always built: Maven is incremental, and a stale jar would serve yesterday's rules under today's label.
build_jars() {
  log "building the chaincode jars with Maven: ${DEPLOY[*]}"
  local modules
  modules=$(printf 'chaincode/%s,' "${DEPLOY[@]}")
  (cd "$CEC_HOME" && mvn -B -q -DskipTests -DskipITs -pl "${modules%,}" -am package) || die "the chaincode build failed"
}

# The label names the code: a hash of the jar's entries (name and CRC, sorted), not of the zip file, whose entry
# order and timestamps vary from build to build of the same code.
# (jar_digest below; label_of adds the definition's policy and collections.)
# The definition's policy and collections are part of it too: a change to them must make a new sequence.
label_of() {
  local cc=$1 collections=$CEC_HOME/network/config/collections/$1.json
  local digest
  digest=$({ jar_digest "$(jar_of "$cc")"; echo "$ENDORSEMENT_POLICY"; connection_json "$cc"
    [ -f "$collections" ] && jq -cS . "$collections"; } |
    sha256sum | cut -c1-12)
  echo "${cc}_$digest"
}

jar_digest() {
  unzip -v "$1" | awk 'NR > 3 && length($7) == 8 && $7 ~ /^[0-9a-f]+$/ {print $8, $7}' | LC_ALL=C sort | sha256sum | cut -c1-12
}

# How a peer reaches the chaincode's server; the builder fills the {{.name}} values from each peer's own configuration
# (nodes.sh ccaas_builder_config). The platform's chaincodes: TLS, and the peer authenticates with its own TLS pair.
connection_json() {
  local cc=$1 address="{{.${1//-/_}_address}}"
  if chaincode_uses_tls "$cc"; then
    jq -cn --arg a "$address" '{address: $a, dial_timeout: "10s", tls_required: true, client_auth_required: true,
      root_cert: "{{.chaincode_root_cert}}", client_cert: "{{.peer_client_cert}}", client_key: "{{.peer_client_key}}"}'
  else
    jq -cn --arg a "$address" '{address: $a, dial_timeout: "10s", tls_required: false}'
  fi
}

package_of() {
  local cc=$1 label=$2 dir=$CONF/chaincode/$cc
  mkdir -p "$dir/src"
  # The peer's build copies this file's mode onto the filled-in copy, which holds its TLS key: owner only.
  install -m 600 /dev/null "$dir/src/connection.json"
  connection_json "$cc" >"$dir/src/connection.json"
  printf '{"type":"ccaas","label":"%s"}\n' "$label" >"$dir/src/metadata.json"
  reproducible_tgz "$dir/src" "$dir/src/code.tar.gz" connection.json
  reproducible_tgz "$dir/src" "$dir/$label.tgz" metadata.json code.tar.gz
  echo "$dir/$label.tgz"
}

# The package ID hashes the package bytes: same content must give the same bytes on every run and every host.
reproducible_tgz() {
  local dir=$1 out=$2; shift 2
  tar -C "$dir" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - "$@" | gzip -n >"$out"
}

policy_args() {
  local cc=$1
  POLICY=(--signature-policy "$ENDORSEMENT_POLICY")
  local collections=$CEC_HOME/network/config/collections/$cc.json
  [ -f "$collections" ] && POLICY+=(--collections-config "$collections")
  return 0
}

# Servers run an immutable copy per label: Maven rewrites target/*.jar on every build, under a running JVM.
served_jar() {
  local cc=$1 label=$2 copy=$CONF/chaincode/$1/$2.jar
  [ -f "$copy" ] || cp "$(jar_of "$cc")" "$copy"
  echo "$copy"
}

start_server() {
  local org=$1 cc=$2 pkgid=$3 jar=$4 name="cc-$cc-$org"
  if is_running "$name" && [ "$(cat "$PIDS/$name.pkgid" 2>/dev/null)" != "$pkgid" ]; then
    stop_process "$name" # the code changed: serve the new package
  fi
  run_chaincode_server "$name" "$org" "$cc" "$pkgid" "$jar"
  echo "$pkgid" >"$PIDS/$name.pkgid"
}

install_everywhere() {
  local pkg=$1 pkgid=$2 org i
  for org in "${PEER_ORGS[@]}"; do
    for ((i = 0; i < PEERS_PER_ORG; i++)); do
      source "$CEC_HOME/network/scripts/peer-env.sh" "$org" "$i"
      if peer lifecycle chaincode queryinstalled --output json 2>/dev/null | jq -e --arg id "$pkgid" \
        '.installed_chaincodes // [] | any(.package_id == $id)' >/dev/null; then
        continue
      fi
      log "installing $pkgid on $(peer_name "$org" "$i")"
      peer lifecycle chaincode install "$pkg" >>"$LOGS/peer-cli.log" 2>&1 || die "install failed; see $LOGS/peer-cli.log"
    done
  done
}

committed_sequence() {
  local cc=$1
  source "$CEC_HOME/network/scripts/peer-env.sh" "${PEER_ORGS[0]}"
  peer lifecycle chaincode querycommitted -C "$CHANNEL" -n "$cc" --output json 2>/dev/null | jq -r '.sequence // 0' || echo 0
}

approved_package() { # org cc sequence -> package id approved by org at that sequence, or empty
  source "$CEC_HOME/network/scripts/peer-env.sh" "$1"
  peer lifecycle chaincode queryapproved -C "$CHANNEL" -n "$2" --sequence "$3" --output json 2>/dev/null |
    jq -r '.source.Type.LocalPackage.package_id // empty' || true
}

define() {
  local cc=$1 label=$2 pkgid=$3 seq org
  seq=$(committed_sequence "$cc")
  if ((seq > 0)) && [ "$(approved_package "${PEER_ORGS[0]}" "$cc" "$seq")" = "$pkgid" ]; then
    log "$cc sequence $seq with $label is already committed"
    return 0
  fi
  seq=$((seq + 1))
  policy_args "$cc"
  for org in "${PEER_ORGS[@]}"; do
    if [ "$(approved_package "$org" "$cc" "$seq")" = "$pkgid" ]; then continue; fi
    log "approving $cc sequence $seq for ${MSP[$org]}"
    source "$CEC_HOME/network/scripts/peer-env.sh" "$org"
    peer lifecycle chaincode approveformyorg "${ORDERER_ARGS[@]}" -C "$CHANNEL" -n "$cc" -v "$label" \
      --package-id "$pkgid" --sequence "$seq" "${POLICY[@]}" --waitForEvent >>"$LOGS/peer-cli.log" 2>&1 ||
      die "approval by ${MSP[$org]} failed; see $LOGS/peer-cli.log"
  done
  local peers=()
  for org in "${PEER_ORGS[@]}"; do
    peers+=(--peerAddresses "${HOST[$org]}:$(peer_port "$org" 0)" --tlsRootCertFiles "$(tls_ca_of "$org")")
  done
  log "committing $cc sequence $seq ($label)"
  source "$CEC_HOME/network/scripts/peer-env.sh" "${PEER_ORGS[0]}"
  peer lifecycle chaincode commit "${ORDERER_ARGS[@]}" -C "$CHANNEL" -n "$cc" -v "$label" --sequence "$seq" \
    "${POLICY[@]}" "${peers[@]}" --waitForEvent >>"$LOGS/peer-cli.log" 2>&1 || die "commit failed; see $LOGS/peer-cli.log"
}

# The first rule set is data (network/config/rules), published by ECTA's administrator when none is in force yet,
# endorsed by ECTA's and National Bank's peers (a rule set is theirs to change together): part of the deployment all
# members approved, like the chaincode definition, and possible only once (the chaincode refuses it when a rule set
# exists). Every later version is proposed by an ECTA officer and co-signed by a National Bank supervisor through the
# platform (process RuleSetChange), each signed by the person who decided.
seed_rules() {
  source "$CEC_HOME/network/scripts/peer-env.sh" ecta
  if peer chaincode query -C "$CHANNEL" -n coffee-export -c '{"Args":["RuleContract:readRuleSet"]}' >/dev/null 2>&1; then
    return 0
  fi
  local rules
  rules=$(jq -c . "$CEC_HOME/network/config/rules/ruleset-1.json")
  log "publishing rule set 1 (ECTA administrator)"
  peer chaincode invoke "${ORDERER_ARGS[@]}" -C "$CHANNEL" -n coffee-export --peerAddresses "$CORE_PEER_ADDRESS" \
    --tlsRootCertFiles "$CORE_PEER_TLS_ROOTCERT_FILE" \
    --peerAddresses "${HOST[nationalbank]}:$(peer_port nationalbank 0)" --tlsRootCertFiles "$(tls_ca_of nationalbank)" \
    --waitForEvent \
    -c "$(jq -cn --arg r "$rules" '{Args: ["RuleContract:publishRuleSet", $r]}')" >>"$LOGS/peer-cli.log" 2>&1 ||
    die "publishing the rule set failed; see $LOGS/peer-cli.log"
}

# deploy.sh [chaincode...]: the platform's chaincodes by default.
DEPLOY=("$@")
((${#DEPLOY[@]})) || DEPLOY=("${CHAINCODES[@]}")
build_jars
for cc in "${DEPLOY[@]}"; do
  label=$(label_of "$cc")
  pkg=$(package_of "$cc" "$label")
  pkgid=$(FABRIC_CFG_PATH=$CONF/peer peer lifecycle chaincode calculatepackageid "$pkg")
  jar=$(served_jar "$cc" "$label")
  for org in $(server_orgs "$cc"); do start_server "$org" "$cc" "$pkgid" "$jar"; done
  install_everywhere "$pkg" "$pkgid"
  define "$cc" "$label" "$pkgid"
done
for cc in "${DEPLOY[@]}"; do
  for org in $(server_orgs "$cc"); do
    wait_until "cc-$cc-$org (port $(ccaas_port "$org" "$cc"))" 90 port_open "${HOST[$org]}" "$(ccaas_port "$org" "$cc")"
  done
done
[[ " ${DEPLOY[*]} " == *" coffee-export "* ]] && seed_rules
exit 0
