#!/usr/bin/env bash
# Starts one Fabric CA server per organisation (an identity CA and a TLS CA in one process) and enrolls the node
# and admin identities from them. The CAs keep running: later steps enroll every user from them with attributes.
# Idempotent: a CA that runs is reused, an identity already enrolled is kept.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/ca-lib.sh"

# The TLS CA is a second CA inside the same server, with its own bootstrap registrar and database.
write_tls_ca_config() {
  local org=$1 dir password
  dir=$(ca_home "$org")/tlsca
  password=$(secret "ca-$org-admin")
  mkdir -p "$dir"
  # It holds the registrar's password: readable by its owner only.
  install -m 600 /dev/null "$dir/fabric-ca-config.yaml"
  cat >"$dir/fabric-ca-config.yaml" <<EOF
ca:
  name: tlsca-$org
csr:
  cn: tlsca.$(org_domain "$org")
  names: [{C: ET, L: Addis Ababa, O: "${NAME[$org]}", OU: tls}]
  hosts: [localhost, 127.0.0.1, tlsca.$(org_domain "$org")]
  ca: {expiry: 131400h, pathlength: 1}
db:
  type: sqlite3
  datasource: tlsca.db
registry:
  maxenrollments: -1
  identities:
    - name: admin
      pass: $password
      type: client
      affiliation: ""
      attrs:
        hf.Registrar.Roles: "*"
        hf.Registrar.DelegateRoles: "*"
        hf.Registrar.Attributes: "*"
        hf.Revoker: true
        hf.GenCRL: true
        hf.IntermediateCA: true
        hf.AffiliationMgr: true
EOF
}

start_ca() {
  local org=$1 home args
  home=$(ca_home "$org")
  mkdir -p "$home"
  write_tls_ca_config "$org"
  args=(--home "$home" --address "${HOST[$org]}" --port "$(ca_port "$org")"
    --ca.name "ca-$org" --csr.cn "ca.$(org_domain "$org")" --csr.hosts "localhost,127.0.0.1,ca.$(org_domain "$org")"
    --tls.enabled --operations.listenaddress "${HOST[$org]}:$(ca_ops_port "$org")" --metrics.provider prometheus
    --cafiles "$home/tlsca/fabric-ca-config.yaml")
  if [ ! -f "$home/fabric-ca-server-config.yaml" ]; then
    # Once: the bootstrap administrator's "admin:password" goes in FABRIC_CA_SERVER_BOOT (never -b on a command
    # line) to `init`, which writes it into the server's configuration file (owner-only, as everything under lib.sh's
    # umask). The server echoes it as "boot: ..." when it prints its configuration: that line stays out of the log.
    log "initialising ca-$org"
    FABRIC_CA_SERVER_BOOT="admin:$(secret "ca-$org-admin")" fabric-ca-server init "${args[@]}" 2>&1 |
      sed '/^boot: /d' >>"$LOGS/ca-$org.log" || die "fabric-ca-server init of ca-$org failed; see $LOGS/ca-$org.log"
  fi
  chmod 600 "$home/fabric-ca-server-config.yaml"
  # Every start reads the administrator from that file: no secret in the process's command line or environment.
  start_process "ca-$org" fabric-ca-server start "${args[@]}"
}

wait_ca() {
  local org=$1
  wait_until "ca-$org" 60 test -s "$(ca_tls_root "$org")"
  wait_until "ca-$org (https /cainfo)" 60 https_ok "$(ca_url "$org")/cainfo" "$(ca_tls_root "$org")"
  wait_until "tlsca-$org" 30 https_ok "$(ca_url "$org")/cainfo?ca=tlsca-$org" "$(ca_tls_root "$org")"
}

# The organisation's MSP as it goes into the channel configuration: public certificates only.
write_org_msp() {
  local org=$1 msp
  msp=$(org_dir "$org")/msp
  mkdir -p "$msp/cacerts" "$msp/tlscacerts"
  cp "$(org_admin_msp "$org")/cacerts/ca.pem" "$msp/cacerts/ca.pem"
  cp "$(org_admin_msp "$org")/tlscacerts/tlsca.pem" "$msp/tlscacerts/tlsca.pem"
  write_node_ous "$msp"
}

# The TLS identity of the organisation's chaincode servers; its peers present their own TLS certificates to them.
enroll_chaincode_server() {
  local org=$1 dir tls
  dir=$(dirname "$(chaincode_server_tls "$org")")
  tls=$dir/tls
  enroll_identity "$org" "$dir" "ccserver-$org" client "ccserver.$(org_domain "$org"),${HOST[$org]}"
  local f
  for f in server.crt server.key; do
    [ -s "$tls/$f.b64" ] || (umask 077 && base64 -w0 "$tls/$f" >"$tls/$f.b64")
  done
}

# The registrar the application enrols people with (identity/.../wallet/CertificateAuthorities), at the organisation's
# identity CA: it registers, modifies and revokes client identities of the "users" affiliation carrying the platform's
# attributes (role, uid, exporterId) and nothing else. It cannot register an admin, a peer, an orderer or another
# registrar, grant an hf.* attribute, nor touch the bootstrap admin, the nodes or the platform's own identity, which
# are outside "users" (checked with the real CA by RegistrarLimitsIT). Its type, "registrar", is no Fabric role: its
# own certificate signs nothing on the channel, and no registrar can act on another. Its secret: secrets/ca-<org>-registrar.
APP_REGISTRAR=registrar
APP_REGISTRAR_AFFILIATION=users
APP_REGISTRAR_ATTRS='"hf.Registrar.Roles=client","hf.Registrar.DelegateRoles=client","hf.Registrar.Attributes=role,uid,exporterId",hf.Revoker=true'
register_app_registrar() {
  local org=$1
  ca_client "$org" ca affiliation list --affiliation "$APP_REGISTRAR_AFFILIATION" ||
    ca_client "$org" ca affiliation add "$APP_REGISTRAR_AFFILIATION"
  register_once "$org" ca "$APP_REGISTRAR" registrar "$(secret "ca-$org-registrar")" "$APP_REGISTRAR_ATTRS" \
    "$APP_REGISTRAR_AFFILIATION"
}

enroll_org() {
  local org=$1 d dir
  d=$(org_domain "$org")
  dir=$(org_dir "$org")
  log "enrolling identities of ${NAME[$org]} from ca-$org and tlsca-$org"
  enroll_identity "$org" "$dir/users/Admin@$d" "$org-admin" admin "Admin@$d"
  # The platform's own client identity in the organisation: TLS client of the workflow's peer
  # connections and signer of the read model's event requests (never of a decision).
  enroll_identity "$org" "$dir/users/Platform@$d" "$org-platform" client "Platform@$d"
  if [ "$org" = orderer ]; then
    for o in "${ORDERERS[@]}"; do enroll_identity "$org" "$dir/orderers/$o.$d" "$o" orderer "$o.$d"; done
  else
    for ((i = 0; i < PEERS_PER_ORG; i++)); do
      enroll_identity "$org" "$dir/peers/$(peer_name "$org" $i)" "peer$i-$org" peer "$(peer_name "$org" $i)"
    done
    enroll_chaincode_server "$org"
    register_app_registrar "$org"
  fi
  write_org_msp "$org"
}

mkdir -p "$CRYPTO" "$LOGS"
for org in $(all_orgs); do start_ca "$org"; done
for org in $(all_orgs); do wait_ca "$org"; done
enrolments=()
for org in $(all_orgs); do enroll_org "$org" & enrolments+=($!); done
failed=0
for pid in "${enrolments[@]}"; do wait "$pid" || failed=1; done
((failed == 0)) || die "enrolment failed; see $LOGS/ca-client-*.log"
log "crypto material ready under $CRYPTO"
