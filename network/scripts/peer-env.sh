# Sourced: sets up the peer CLI as <org>'s admin against peer <index> (default 0), with mutual TLS.
#   source network/scripts/peer-env.sh ecta [0]
# The orderer flags for CLI commands are in $ORDERER_ARGS.
_umask=$(umask)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
umask "$_umask" # lib.sh's umask is for the scripts, not for the shell that sources this
_org=${1:?organisation}
_i=${2:-0}
export FABRIC_CFG_PATH=$CONF/peer
export CORE_PEER_LOCALMSPID=${MSP[$_org]}
export CORE_PEER_MSPCONFIGPATH=$(org_admin_msp "$_org")
export CORE_PEER_ADDRESS=${HOST[$_org]}:$(peer_port "$_org" "$_i")
export CORE_PEER_TLS_ENABLED=true
export CORE_PEER_TLS_ROOTCERT_FILE=$(tls_ca_of "$_org")
export CORE_PEER_TLS_CLIENTAUTHREQUIRED=true
export CORE_PEER_TLS_CLIENTCERT_FILE=$(org_admin_tls "$_org")/server.crt
export CORE_PEER_TLS_CLIENTKEY_FILE=$(org_admin_tls "$_org")/server.key
ORDERER_ARGS=(-o "${HOST[orderer]}:${ORDERER_PORT[${ORDERERS[0]}]}" --tls --cafile "$(orderer_tls_ca)"
  --clientauth --certfile "$(org_admin_tls "$_org")/server.crt" --keyfile "$(org_admin_tls "$_org")/server.key")
unset _org _i _umask
