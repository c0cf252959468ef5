# Sourced: an organisation's Fabric CA server hosts its identity CA ("ca-<org>") and TLS CA ("tlsca-<org>"). These
# helpers act as the CAs' registrar and enroll identities into msp/ and tls/ folders with fixed file names.

ca_home() { echo "$CRYPTO/ca/$1"; }
ca_url() { echo "https://${HOST[$1]}:$(ca_port "$1")"; }
ca_tls_root() { echo "$(ca_home "$1")/ca-cert.pem"; }

# ca_client <org> <ca|tlsca> <fabric-ca-client args...>: runs as that CA's registrar.
ca_client() {
  local org=$1 which=$2; shift 2
  local home
  home=$(ca_home "$org")/registrar-$which
  if [ ! -f "$home/msp/signcerts/cert.pem" ]; then
    # Credentials in the URL travel as FABRIC_CA_CLIENT_URL, never on the command line.
    FABRIC_CA_CLIENT_HOME=$home FABRIC_CA_CLIENT_URL="https://admin:$(secret "ca-$org-admin")@${HOST[$org]}:$(ca_port "$org")" \
      fabric-ca-client enroll --caname "$which-$org" \
      --tls.certfiles "$(ca_tls_root "$org")" >>"$LOGS/ca-client-$org.log" 2>&1
  fi
  # `register` echoes the secret it registered ("Password: ..."): that line stays out of the log.
  FABRIC_CA_CLIENT_HOME=$home fabric-ca-client "$@" --caname "$which-$org" -u "$(ca_url "$org")" \
    --tls.certfiles "$(ca_tls_root "$org")" 2>&1 | sed '/^Password: /d' >>"$LOGS/ca-client-$org.log"
  return "${PIPESTATUS[0]}"
}

# register_once <org> <ca|tlsca> <name> <type> <secret> [attrs] [affiliation]: registering twice is an error, so
# look first. attrs in fabric-ca syntax, e.g. 'role=officer:ecert,uid=kc-42:ecert' (":ecert" puts them in the
# certificate). Without an affiliation the identity gets the registrar's (the root).
register_once() {
  local org=$1 which=$2 name=$3 type=$4 pw=$5 attrs=${6:-} affiliation=${7:-}
  ca_client "$org" "$which" identity list --id "$name" && return 0
  FABRIC_CA_CLIENT_ID_SECRET=$pw ca_client "$org" "$which" register --id.name "$name" --id.type "$type" \
    ${attrs:+--id.attrs "$attrs"} ${affiliation:+--id.affiliation "$affiliation"}
}

# NodeOUs: the role of an identity (client, peer, admin, orderer) is read from its certificate's OU.
write_node_ous() {
  cat >"$1/config.yaml" <<'EOF'
NodeOUs:
  Enable: true
  ClientOUIdentifier: {Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: client}
  PeerOUIdentifier: {Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: peer}
  AdminOUIdentifier: {Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: admin}
  OrdererOUIdentifier: {Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: orderer}
EOF
}

# enroll_identity <org> <dir> <name> <type> <hostname> [attrs]: msp/ (signing) and tls/ (server.crt, server.key,
# ca.crt). Attributes go into the signing certificate only.
enroll_identity() {
  local org=$1 dir=$2 name=$3 type=$4 host=$5 attrs=${6:-} pw
  [ -f "$dir/msp/config.yaml" ] && [ -f "$dir/tls/server.key" ] && return 0
  pw=$(secret "enroll-$org-$name")
  register_once "$org" ca "$name" "$type" "$pw" "$attrs"
  register_once "$org" tlsca "$name" "$type" "$pw"
  local tmp=$dir.tmp
  # Credentials in the URL travel as FABRIC_CA_CLIENT_URL, never on the command line.
  local -x FABRIC_CA_CLIENT_URL="https://$name:$pw@${HOST[$org]}:$(ca_port "$org")"
  rm -rf "$tmp" && mkdir -p "$tmp"
  fabric-ca-client enroll --caname "ca-$org" -M "$tmp/msp" --csr.hosts "$host" \
    --tls.certfiles "$(ca_tls_root "$org")" -H "$tmp/.client" >>"$LOGS/ca-client-$org.log" 2>&1
  fabric-ca-client enroll --caname "tlsca-$org" -M "$tmp/tlsmsp" --enrollment.profile tls \
    --csr.hosts "$host,localhost,127.0.0.1" --tls.certfiles "$(ca_tls_root "$org")" -H "$tmp/.client" \
    >>"$LOGS/ca-client-$org.log" 2>&1
  # Fixed file names, so that configuration can point at them without globbing.
  mv "$tmp/msp/cacerts/"*.pem "$tmp/msp/cacerts/ca.pem"
  mv "$tmp/msp/keystore/"*_sk "$tmp/msp/keystore/key.pem"
  mkdir -p "$tmp/msp/tlscacerts" "$tmp/tls"
  cp "$tmp/tlsmsp/tlscacerts/"*.pem "$tmp/msp/tlscacerts/tlsca.pem"
  cp "$tmp/tlsmsp/signcerts/cert.pem" "$tmp/tls/server.crt"
  cp "$tmp/tlsmsp/keystore/"*_sk "$tmp/tls/server.key"
  cp "$tmp/tlsmsp/tlscacerts/"*.pem "$tmp/tls/ca.crt"
  rm -rf "$tmp/tlsmsp" "$tmp/.client"
  write_node_ous "$tmp/msp"
  chmod -R go-rwx "$tmp"
  rm -rf "$dir" && mkdir -p "$(dirname "$dir")" && mv "$tmp" "$dir"
}

