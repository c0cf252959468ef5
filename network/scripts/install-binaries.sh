#!/usr/bin/env bash
# Builds Fabric 2.5.16 (peer, orderer, tools, chaincode-as-a-service builder), Fabric CA 1.5.21 and kubo 0.42.0 into
# the cache folder: Fabric from its checked source archive or the module proxy, the others from the module proxy.
# Each piece is skipped when its binary already reports the pinned version.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

command -v go >/dev/null || die "go is not installed (need Go >= $GO_MIN_VERSION; network/scripts/prerequisites.sh installs it)"
export GOTOOLCHAIN=${GOTOOLCHAIN:-auto} GOFLAGS="-buildvcs=false -modcacherw"
# Go's module and build caches live in the cache folder too: an empty CEC_CACHE_DIR is a truly fresh build.
export GOMODCACHE=${CEC_GOMODCACHE:-$CEC_CACHE_DIR/go/mod} GOCACHE=${CEC_GOCACHE:-$CEC_CACHE_DIR/go/build}

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

# Where the Fabric source archive is looked for: $FABRIC_SOURCE_ARCHIVE, else the consortium's shared folder beside
# the project root.
fabric_archive() {
  local shared
  shared=$(cd "$CEC_HOME/.." && pwd)/shared/third_party/fabric/fabric-$FABRIC_VERSION-src.tar.gz
  echo "${FABRIC_SOURCE_ARCHIVE:-$shared}"
}

# fabric_source_from_archive: unpacks the checked archive into the cache and prints the source folder.
fabric_source_from_archive() {
  local archive dir=$SRC/fabric-$FABRIC_VERSION-src
  archive=$(fabric_archive)
  [ -f "$archive" ] || { log "no Fabric source archive at $archive"; return 1; }
  if ! echo "$FABRIC_SOURCE_ARCHIVE_SHA256  $archive" | sha256sum -c --quiet - >/dev/null 2>&1; then
    log "the Fabric source archive $archive does not have the pinned SHA-256 $FABRIC_SOURCE_ARCHIVE_SHA256: not used"
    return 1
  fi
  if [ ! -f "$dir/.unpacked" ]; then
    log "unpacking $archive (SHA-256 checked) into $dir"
    rm -rf "$dir" && mkdir -p "$dir"
    tar -xzf "$archive" -C "$dir" --strip-components=1 && touch "$dir/.unpacked"
  fi
  echo "$dir"
}

# build_fabric <source folder> <go build flags...>: the eight commands, the ccaas builder and the sample configuration.
build_fabric() {
  local src=$1 t pkgs=(); shift
  for t in "${fabric_tools[@]}"; do pkgs+=("./cmd/$t"); done
  local ld="-X github.com/hyperledger/fabric/common/metadata.Version=$FABRIC_VERSION"
  ld+=" -X github.com/hyperledger/fabric/common/metadata.CommitSHA=${FABRIC_COMMIT:0:7}"
  mkdir -p "$FABRIC_HOME/bin" "$FABRIC_HOME/builders/ccaas/bin"
  (cd "$src" && CGO_ENABLED=1 go build "$@" -ldflags "$ld" -o "$FABRIC_HOME/bin/" "${pkgs[@]}") || return 1
  rm -rf "$FABRIC_HOME/config" && cp -r "$src/sampleconfig" "$FABRIC_HOME/config"
}

# ccaas_builder is a nested module with its own go.mod: absent from the fabric module zip, present in the archive.
build_ccaas() {
  local src=$1 t pkgs=()
  for t in "${ccaas_tools[@]}"; do pkgs+=("./cmd/$t"); done
  (cd "$src" && go build -o "$FABRIC_HOME/builders/ccaas/bin/" "${pkgs[@]}")
}

# Three routes, in order: the cache; the source archive (checked); the module proxy at the commit's pseudo-version,
# which works outside networks whose proxy serves no Fabric 2.x (TECH-NOTES §1.2).
install_fabric() {
  if fabric_present; then log "Fabric $FABRIC_VERSION present in $FABRIC_HOME"; return; fi
  local start=$SECONDS src
  if src=$(fabric_source_from_archive); then
    log "building Fabric $FABRIC_VERSION from the source archive (vendored dependencies) into $FABRIC_HOME"
    build_fabric "$src" -mod=vendor && build_ccaas "$src/ccaas_builder" || die "the Fabric build from $src failed (see above)"
  else
    log "building Fabric $FABRIC_VERSION (commit ${FABRIC_COMMIT:0:12}) from the Go module proxy into $FABRIC_HOME"
    # v2 tags are not valid for a module path without /v2, so the commit is requested (TECH-NOTES §1.2).
    if ! src=$(module_source github.com/hyperledger/fabric "$FABRIC_COMMIT"); then
      die "Fabric $FABRIC_VERSION cannot be had on this machine. Tried, in order:
  1. the cache: no Fabric $FABRIC_VERSION binaries in $FABRIC_HOME (CEC_CACHE_DIR=$CEC_CACHE_DIR);
  2. the source archive: none with SHA-256 $FABRIC_SOURCE_ARCHIVE_SHA256 at $(fabric_archive)
     (set FABRIC_SOURCE_ARCHIVE to a fabric-$FABRIC_VERSION-src.tar.gz, a git archive of tag v$FABRIC_VERSION with vendor/);
  3. the Go module proxy $(go env GOPROXY): it does not serve github.com/hyperledger/fabric@$FABRIC_COMMIT.
Provide one of them, or put the $FABRIC_VERSION binaries and builders/ccaas in $FABRIC_HOME."
    fi
    build_fabric "$src" || die "the Fabric build from the module proxy failed (see above)"
    src=$(module_source github.com/hyperledger/fabric/ccaas_builder "$FABRIC_COMMIT") || die "ccaas_builder is not on the proxy"
    build_ccaas "$src" || die "the ccaas builder failed to build (see above)"
  fi
  fabric_present || die "the Fabric build finished but $FABRIC_HOME is incomplete"
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
