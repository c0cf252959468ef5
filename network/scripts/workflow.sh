#!/usr/bin/env bash
# Builds the workflow application when its sources changed, and starts it (Camunda engine, Tasklist, Cockpit, Admin,
# engine REST) on PostgreSQL, secured through Keycloak, reaching the ledger, kubo and Redis through the connectors.
# Needs postgres.sh, redis.sh, ipfs.sh and identity/scripts/keycloak.sh to have run.
#   workflow.sh           build if needed, start, wait until healthy
#   workflow.sh --build   only build
set -euo pipefail
source "$(dirname "$0")/lib.sh"

JAR=$CEC_HOME/workflow/target/workflow.jar
RUN_DIR=$CEC_STATE_DIR/workflow

# The modules the application is made of; a change in any of them rebuilds it.
sources_changed() {
  [ -f "$JAR" ] || return 0
  [ -n "$(find "$CEC_HOME/pom.xml" "$CEC_HOME/workflow" "$CEC_HOME/bpmn" "$CEC_HOME/identity/src/main" "$CEC_HOME/identity/pom.xml" \
    "$CEC_HOME/connectors" "$CEC_HOME/chaincode/export-domain" -newer "$JAR" -type f \
    -not -path '*/target/*' -print -quit)" ]
}

build() {
  if sources_changed; then
    log "building the workflow application"
    (cd "$CEC_HOME" && mvn -B -q -DskipTests -DskipITs -Dspotless.check.skip=true -pl workflow -am install) ||
      die "the workflow build failed"
  fi
}

start() {
  # The running copy is separate from target/, which later builds overwrite.
  mkdir -p "$RUN_DIR"
  if ! is_running workflow; then cp "$JAR" "$RUN_DIR/workflow.jar"; fi
  local issuer="http://localhost:$KEYCLOAK_PORT/realms/$KEYCLOAK_REALM"
  with_secrets WORKFLOW_DB_PASSWORD=postgres-workflow WEBAPP_CLIENT_SECRET=keycloak-client-webapp \
    IDENTITY_CLIENT_SECRET=keycloak-client-identity -- start_process workflow env \
    WORKFLOW_HOST="$WORKFLOW_HOST" WORKFLOW_PORT="$WORKFLOW_PORT" WORKFLOW_MANAGEMENT_PORT="$WORKFLOW_MANAGEMENT_PORT" \
    POSTGRES_HOST="$POSTGRES_HOST" POSTGRES_PORT="$POSTGRES_PORT" \
    KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT" KEYCLOAK_REALM="$KEYCLOAK_REALM" KEYCLOAK_ISSUER="$issuer" \
    IPFS_HOST="$IPFS_HOST" IPFS_API_PORT="$IPFS_API_PORT" REDIS_HOST="$REDIS_HOST" REDIS_PORT="$REDIS_PORT" \
    CEC_STATE_DIR="$CEC_STATE_DIR" \
    java -Xms256m -Xmx768m -XX:+UseSerialGC -jar "$RUN_DIR/workflow.jar"
  wait_until "workflow (/actuator/health/readiness)" 180 \
    http_ok "http://$WORKFLOW_HOST:$WORKFLOW_MANAGEMENT_PORT/actuator/health/readiness"
}

mkdir -p "$LOGS"
build
[ "${1:-}" = --build ] || start
