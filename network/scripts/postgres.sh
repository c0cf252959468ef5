#!/usr/bin/env bash
# Runs the platform's PostgreSQL 15 as a native process with its data under the state folder (not the Debian
# cluster), and creates one database and role per user of it with generated passwords. Idempotent.
#   postgres.sh            start (initialise first if needed), wait until ready, create roles and databases
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PG_BIN=/usr/lib/postgresql/15/bin
PG_DATA=$DATA/postgres
PG_SOCKET=$CEC_STATE_DIR/run/postgres
# Roles and databases of the platform: Keycloak now; the workflow application and its read model later.
PG_DATABASES=(keycloak workflow)

as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }

install_postgres() {
  [ -x "$PG_BIN/postgres" ] && return 0
  log "installing PostgreSQL 15 (Debian package)"
  (umask 022 && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null)
}

init_cluster() {
  [ -f "$PG_DATA/PG_VERSION" ] && return 0
  log "initialising a PostgreSQL cluster in $PG_DATA"
  mkdir -p "$PG_DATA" "$PG_SOCKET"
  chown postgres:postgres "$PG_DATA" "$PG_SOCKET"
  chmod 700 "$PG_DATA"
  local pwfile
  pwfile=$(mktemp) && secret postgres-superuser >"$pwfile" && chown postgres "$pwfile" && chmod 600 "$pwfile"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" --username=postgres --pwfile="$pwfile" --auth-local=peer \
    --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >>"$LOGS/postgres-init.log" 2>&1
  rm -f "$pwfile"
  # The keys of what the platform keeps sealed in this database and in IPFS: made now, with the database, and never
  # again (the application refuses to start without them).
  init_key_file wallet-kek
  init_key_file documents-key
}

start_postgres() {
  mkdir -p "$PG_SOCKET" && chown postgres:postgres "$PG_SOCKET"
  start_process postgres setpriv --reuid=postgres --regid=postgres --init-groups -- "$PG_BIN/postgres" -D "$PG_DATA" \
    -c listen_addresses="$POSTGRES_HOST" -c port="$POSTGRES_PORT" -c unix_socket_directories="$PG_SOCKET" \
    -c max_connections=200 -c shared_buffers=128MB
  wait_until "postgres (pg_isready)" 60 "$PG_BIN/pg_isready" -q -h "$POSTGRES_HOST" -p "$POSTGRES_PORT"
}

# One role and database per user, with a generated password kept under the state folder.
create_databases() {
  local db pw
  for db in "${PG_DATABASES[@]}"; do
    pw=$(secret "postgres-$db")
    # The password reaches psql through its environment (\getenv), not its command line.
    CEC_ROLE_PASSWORD=$pw as_postgres "$PG_BIN/psql" -q -h "$PG_SOCKET" -p "$POSTGRES_PORT" -U postgres -d postgres \
      -v ON_ERROR_STOP=1 -v db="$db" >>"$LOGS/postgres-init.log" 2>&1 <<'SQL'
\getenv pw CEC_ROLE_PASSWORD
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'db', :'pw')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'db') \gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'db', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'db')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
  done
  log "PostgreSQL databases ready: ${PG_DATABASES[*]}"
}

secure_state
mkdir -p "$LOGS"
install_postgres
init_cluster
start_postgres
create_databases
