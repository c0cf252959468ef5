#!/usr/bin/env bash
# The one list of what the platform needs on a machine, installed when missing: Debian packages for the tools and
# the real components, and a Go toolchain new enough for Fabric. Used by `cec up`, `cec test`, `cec install` and
# .ci/run alike. Idempotent: prints what it installs and nothing else once everything is there.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# command → Debian package providing it. Every component the tests talk to is here: a test that cannot run fails.
declare -A PACKAGES=(
  [curl]=curl [jq]=jq [openssl]=openssl [unzip]=unzip [tar]=tar [sha256sum]=coreutils [setpriv]=util-linux
  [gcc]=gcc [envsubst]=gettext-base [mvn]=maven [java]=openjdk-17-jdk-headless
  [/usr/lib/postgresql/15/bin/postgres]=postgresql-15 [redis-server]=redis-server [redis-cli]=redis-tools
  [prometheus]=prometheus [chromium]=chromium [chromedriver]=chromium-driver
)

install_packages() {
  local missing=() cmd
  for cmd in "${!PACKAGES[@]}"; do command -v "$cmd" >/dev/null || missing+=("${PACKAGES[$cmd]}"); done
  [ -f /usr/include/stdio.h ] || missing+=(libc6-dev) # cgo: fabric-ca-server's sqlite3
  ((${#missing[@]})) || return 0
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  log "installing Debian packages: ${missing[*]}"
  # Packages install under the system's umask, not the scripts' owner-only one.
  (umask 022 && apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null)
  # The Debian packages start their own services; the platform runs its own instances on its own state folder.
  local svc
  for svc in redis-server prometheus postgresql; do
    systemctl disable --now "$svc" >/dev/null 2>&1 || service "$svc" stop >/dev/null 2>&1 || true
  done
}

# go_ok <go binary>: true when it is at least GO_MIN_VERSION.
go_ok() {
  local have
  have=$("$1" env GOVERSION 2>/dev/null) || return 1
  have=${have#go}
  [ "$(printf '%s\n%s\n' "$GO_MIN_VERSION" "$have" | sort -V | head -n1)" = "$GO_MIN_VERSION" ]
}

# A machine with no Go, or an older one, gets the pinned toolchain from the Go module proxy (the same zip the go
# command fetches for GOTOOLCHAIN=goX), checked against its pinned SHA-256, into the cache. lib.sh puts it on PATH.
install_go() {
  if command -v go >/dev/null && go_ok "$(command -v go)"; then return 0; fi
  local dir=$GO_HOME zip=$CEC_CACHE_DIR/go$GO_TOOLCHAIN_VERSION.zip proxy
  [ -x "$dir/bin/go" ] && go_ok "$dir/bin/go" && return 0
  proxy=${GOPROXY:-https://proxy.golang.org}
  proxy=${proxy%%,*}
  log "installing Go $GO_TOOLCHAIN_VERSION from $proxy (found: $(go version 2>/dev/null || echo none))"
  mkdir -p "$CEC_CACHE_DIR"
  curl -fsS -o "$zip.part" "$proxy/golang.org/toolchain/@v/v0.0.1-go$GO_TOOLCHAIN_VERSION.linux-amd64.zip" ||
    die "cannot download the Go toolchain from $proxy; install Go >= $GO_MIN_VERSION and put it on PATH"
  echo "$GO_TOOLCHAIN_SHA256  $zip.part" | sha256sum -c --quiet - || { rm -f "$zip.part"; die "Go toolchain checksum mismatch"; }
  rm -rf "$dir" "$dir.tmp" && mkdir -p "$dir.tmp"
  unzip -q "$zip.part" -d "$dir.tmp" && mv "$dir.tmp/golang.org/toolchain@v0.0.1-go$GO_TOOLCHAIN_VERSION.linux-amd64" "$dir"
  rm -rf "$dir.tmp" "$zip.part"
  chmod +x "$dir"/bin/* "$dir"/pkg/tool/*/* 2>/dev/null || true
  go_ok "$dir/bin/go" || die "the installed Go at $dir does not run"
  log "Go installed: $("$dir/bin/go" version)"
}

install_packages
install_go
