#!/usr/bin/env bash
# Starts Redis (Debian's redis-server, installed when missing) on loopback with a generated password, its data under
# the state folder. The platform's cache and idempotency keys live here; the platform keeps working without it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DATA=$CEC_STATE_DIR/data/redis

if ! command -v redis-server >/dev/null; then
  log "installing redis-server (Debian package)"
  (umask 022 && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null)
fi
mkdir -p "$DATA" "$LOGS"
# The password goes in a config file, not on the command line where ps shows it.
(umask 077 && printf 'requirepass %s\n' "$(secret redis)" >"$DATA/secrets.conf")
start_process redis redis-server --bind "$REDIS_HOST" --port "$REDIS_PORT" --dir "$DATA" --appendonly yes \
  --protected-mode yes --include "$DATA/secrets.conf"
# The password reaches redis-cli through its environment, never a command line.
redis_pong() { [ "$(REDISCLI_AUTH=$(secret redis) redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }
wait_until "redis (PING)" 30 redis_pong
