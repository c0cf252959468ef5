#!/usr/bin/env bash
# Builds Fabric 2.5.16 (peer, orderer, tools, chaincode-as-a-service builder) and Fabric CA 1.5.21 from the Go
# module proxy into the cache folder. Each piece is skipped when its binary already reports the pinned version.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

command -v go >/dev/null || die "go is not installed (need Go >= 1.26.4)"
export GOTOOLCHAIN=${GOTOOLCHAIN:-auto} GOFLAGS=-buildvcs=false

fabric_tools=(peer orderer configtxgen configtxlator osnadmin cryptogen discover ledgerutil)
ccaas_tools=(detect build release)
SRC=$CEC_CACHE_DIR/src

# module_source <module> <version>: downloads the module zip from the proxy and prints a writable copy's path.
# `go install pkg@version` is avoided on purpose: it asks the proxy for the module's version list (deprecation
# check) and for every module-path prefix, which a partial mirror answers with 403 instead of 404.
module_source() {
  local module=$1 version=$2 dir json
  json=$(go mod download -json "$module@$version" 2>&1) || true
  dir=$(sed -n 's/.*"Dir": "\(.*\)".*/\1/p' <<<"$json")
  if [ -z "$dir" ]; then
    log "the Go module proxy ($(go env GOPROXY)) does not serve $module@$version:"
    sed -n 's/.*"Error": "\(.*\)".*/  \1/p' <<<"$json" >&2
    return 1
  fi
  local copy=$SRC/${module//\//_}@$version
  if [ ! -d "$copy" ]; then
    mkdir -p "$SRC" && cp -r "$dir" "$copy.tmp" && chmod -R u+w "$copy.tmp" && mv "$copy.tmp" "$copy"
  fi
  echo "$copy"
}

fabric_present() {
  for t in "${fabric_tools[@]}"; do [ -x "$FABRIC_HOME/bin/$t" ] || return 1; done
  for t in "${ccaas_tools[@]}"; do [ -x "$FABRIC_HOME/builders/ccaas/bin/$t" ] || return 1; done
  [ -f "$FABRIC_HOME/config/core.yaml" ] && "$FABRIC_HOME/bin/peer" version 2>/dev/null | grep -q "Version: $FABRIC_VERSION$"
}

install_fabric() {
  if fabric_present; then log "Fabric $FABRIC_VERSION present in $FABRIC_HOME"; return; fi
  log "building Fabric $FABRIC_VERSION (commit ${FABRIC_COMMIT:0:12}) from the Go module proxy into $FABRIC_HOME"
  local start=$SECONDS src t pkgs=()
  # v2 tags are not valid for a module path without /v2, so the commit is requested (TECH-NOTES §1.2).
  src=$(module_source github.com/hyperledger/fabric "$FABRIC_COMMIT") ||
    die "cannot build Fabric $FABRIC_VERSION: the module is not on the proxy (see the issue notes); install the binaries into $FABRIC_HOME/bin by other means"
  for t in "${fabric_tools[@]}"; do pkgs+=("./cmd/$t"); done
  local ld="-X github.com/hyperledger/fabric/common/metadata.Version=$FABRIC_VERSION"
  ld+=" -X github.com/hyperledger/fabric/common/metadata.CommitSHA=${FABRIC_COMMIT:0:7}"
  mkdir -p "$FABRIC_HOME/bin" "$FABRIC_HOME/builders/ccaas/bin"
  (cd "$src" && CGO_ENABLED=1 go build -ldflags "$ld" -o "$FABRIC_HOME/bin/" "${pkgs[@]}")
  # ccaas_builder is a nested module, absent from the fabric zip.
  src=$(module_source github.com/hyperledger/fabric/ccaas_builder "$FABRIC_COMMIT") || die "ccaas_builder is not on the proxy"
  pkgs=(); for t in "${ccaas_tools[@]}"; do pkgs+=("./cmd/$t"); done
  (cd "$src" && go build -o "$FABRIC_HOME/builders/ccaas/bin/" "${pkgs[@]}")
  rm -rf "$FABRIC_HOME/config" && cp -r "$(dirname "$src")/github.com_hyperledger_fabric@$FABRIC_COMMIT/sampleconfig" "$FABRIC_HOME/config"
  log "Fabric built in $((SECONDS - start))s: $("$FABRIC_HOME/bin/peer" version | grep Version: | xargs)"
}

install_fabric_ca() {
  if [ -x "$FABRIC_CA_HOME/bin/fabric-ca-server" ] && [ -x "$FABRIC_CA_HOME/bin/fabric-ca-client" ] &&
    "$FABRIC_CA_HOME/bin/fabric-ca-client" version 2>/dev/null | grep -q "v$FABRIC_CA_VERSION"; then
    log "Fabric CA $FABRIC_CA_VERSION present in $FABRIC_CA_HOME"; return
  fi
  command -v gcc >/dev/null || die "gcc is needed to build fabric-ca-server (sqlite3 uses cgo)"
  log "building Fabric CA $FABRIC_CA_VERSION into $FABRIC_CA_HOME"
  local start=$SECONDS src ld="-X github.com/hyperledger/fabric-ca/lib/metadata.Version=v$FABRIC_CA_VERSION"
  src=$(module_source github.com/hyperledger/fabric-ca "v$FABRIC_CA_VERSION") || die "fabric-ca is not on the proxy"
  mkdir -p "$FABRIC_CA_HOME/bin"
  (cd "$src" && CGO_ENABLED=1 go build -ldflags "$ld" -o "$FABRIC_CA_HOME/bin/" ./cmd/fabric-ca-server)
  # The caclient tag drops the sqlite driver, so the client needs no cgo.
  (cd "$src" && CGO_ENABLED=0 go build -tags caclient -ldflags "$ld" -o "$FABRIC_CA_HOME/bin/" ./cmd/fabric-ca-client)
  log "Fabric CA built in $((SECONDS - start))s"
}

# kubo's go.mod has exclude directives, which `go install pkg@version` refuses; built as the main module they apply.
install_kubo() {
  if [ -x "$KUBO_HOME/bin/ipfs" ] && "$KUBO_HOME/bin/ipfs" version 2>/dev/null | grep -q "$KUBO_VERSION"; then
    log "kubo $KUBO_VERSION present in $KUBO_HOME"; return
  fi
  log "building kubo $KUBO_VERSION into $KUBO_HOME"
  local start=$SECONDS src
  src=$(module_source github.com/ipfs/kubo "v$KUBO_VERSION") || die "kubo is not on the proxy"
  mkdir -p "$KUBO_HOME/bin"
  (cd "$src" && CGO_ENABLED=0 go build -trimpath -ldflags "-X github.com/ipfs/kubo.taggedRelease=v$KUBO_VERSION" \
    -o "$KUBO_HOME/bin/ipfs" ./cmd/ipfs)
  log "kubo built in $((SECONDS - start))s: $("$KUBO_HOME/bin/ipfs" version)"
}

mkdir -p "$CEC_CACHE_DIR"
case "${1:-all}" in
  fabric) install_fabric ;;
  fabric-ca) install_fabric_ca ;;
  kubo) install_kubo ;;
  # Fabric last: where the proxy lacks it, everything else is still built.
  all) install_fabric_ca; install_kubo; install_fabric ;;
  *) die "usage: $0 [fabric|fabric-ca|kubo|all]" ;;
esac
