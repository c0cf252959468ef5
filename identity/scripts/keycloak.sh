#!/usr/bin/env bash
# Installs Keycloak from the keycloak-quarkus-dist zip on Maven Central (once, into the cache, built for PostgreSQL),
# renders the realm in identity/realm with generated client secrets and development users, and starts Keycloak on
# PostgreSQL with the realm imported. Needs network/scripts/postgres.sh to have run. Idempotent.
set -euo pipefail
source "$(dirname "$0")/../../network/scripts/lib.sh"

KC_DIST=$CEC_CACHE_DIR/keycloak-$KEYCLOAK_VERSION
KC_HOME=$CEC_STATE_DIR/keycloak
REALM_TEMPLATE=$CEC_HOME/identity/realm/coffee-export-realm.json
DEV_USERS=$SECRETS/dev-users.tsv
CENTRAL=https://repo1.maven.org/maven2/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION

install_keycloak() {
  [ -f "$KC_DIST/.built" ] && return 0
  local zip=$CEC_CACHE_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip
  if [ ! -f "$zip" ]; then
    log "downloading Keycloak $KEYCLOAK_VERSION from Maven Central"
    curl -fsS -o "$zip.part" "$CENTRAL/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" && mv "$zip.part" "$zip"
  fi
  local expected
  expected=$(curl -fsS "$CENTRAL/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip.sha1" | cut -c1-40)
  [ "$(sha1sum "$zip" | cut -c1-40)" = "$expected" ] || { rm -f "$zip"; die "Keycloak zip checksum mismatch"; }
  rm -rf "$KC_DIST" && mkdir -p "$KC_DIST"
  unzip -q "$zip" -d "$KC_DIST.tmp" && mv "$KC_DIST.tmp/keycloak-$KEYCLOAK_VERSION"/* "$KC_DIST" && rm -rf "$KC_DIST.tmp"
  log "building Keycloak for PostgreSQL (one-time augmentation)"
  "$KC_DIST/bin/kc.sh" build --db=postgres --health-enabled=true --metrics-enabled=true >>"$LOGS/keycloak-build.log" 2>&1 ||
    die "kc.sh build failed; see $LOGS/keycloak-build.log"
  touch "$KC_DIST/.built"
}

# A hard-linked copy: Keycloak writes into its home (data/, import), which belongs in the state folder.
prepare_home() {
  [ -d "$KC_HOME/bin" ] || { mkdir -p "$KC_HOME" && cp -al "$KC_DIST/." "$KC_HOME/"; }
  mkdir -p "$KC_HOME/data/import"
}

# username  first  last  realm-role  group  with-otp
dev_user_table() {
  local org group
  for org in commercial-bank national-bank ecta ecx shipping-line custom-authorities; do
    group=$org
    echo "$org.officer Officer ${NAME_OF[$org]} officer $group yes"
    echo "$org.supervisor Supervisor ${NAME_OF[$org]} supervisor $group,$org-supervisors yes"
  done
  echo "exporter Sidama Exporter exporter exporters no"
  echo "analyst Process Analyst analyst process-analysts yes"
  echo "admin Consortium Admin admin consortium-admins yes"
}
declare -A NAME_OF=([commercial-bank]=CommercialBank [national-bank]=NationalBank [ecta]=ECTA [ecx]=ECX
  [shipping-line]=ShippingLine [custom-authorities]=CustomAuthorities)

# Development users get random passwords and (except exporters, for whom TOTP is optional) a TOTP secret, kept in
# the state folder and printed by `up`; nothing of this is in git.
render_realm() {
  local users="[]" name first last role group otp pw totp
  install -m 600 /dev/null "$DEV_USERS.tmp"
  while read -r name first last role group otp; do
    pw=$(secret "keycloak-user-$name")
    totp=""
    [ "$otp" = yes ] && totp=$(secret "keycloak-totp-$name" | cut -c1-20)
    users=$(jq --arg u "$name" --arg f "$first" --arg l "$last" --arg r "$role" --arg g "$group" --arg pw "$pw" \
      --arg totp "$totp" '. + [{
        username: $u, enabled: true, firstName: $f, lastName: $l, email: ($u + "@coffee-export.local"),
        emailVerified: true, attributes: (if $r == "exporter" then {exporterId: ["EXPORTER-DEV"]} else {} end),
        realmRoles: [$r], groups: (($g | split(",")) + (if $r == "admin" then ["camunda-admin"] else [] end)),
        credentials: ([{type: "password", value: $pw, temporary: false}] + (if $totp == "" then [] else [{
          type: "otp", userLabel: "development", secretData: ({value: $totp} | tojson),
          credentialData: ({subType: "totp", digits: 6, counter: 0, period: 30, algorithm: "HmacSHA1"} | tojson)}] end))
      }]' <<<"$users")
    printf '%s\t%s\t%s\t%s\n' "$name" "$pw" "$totp" "$([ -n "$totp" ] && printf %s "$totp" | base32 | tr -d '=')" >>"$DEV_USERS.tmp"
  done < <(dev_user_table)
  (umask 077 && mv "$DEV_USERS.tmp" "$DEV_USERS")
  (umask 077 && WEBAPP_SECRET=$(secret keycloak-client-webapp) API_SECRET=$(secret keycloak-client-api) \
    IDENTITY_SECRET=$(secret keycloak-client-identity) envsubst '${WEBAPP_SECRET} ${API_SECRET} ${IDENTITY_SECRET}' \
    <"$REALM_TEMPLATE" | jq --argjson dev "$users" '.users += $dev' >"$KC_HOME/data/import/coffee-export-realm.json")
}

start_keycloak() {
  # The passwords reach Keycloak through its KC_* environment, never its command line.
  with_secrets KC_BOOTSTRAP_ADMIN_PASSWORD=keycloak-admin KC_DB_PASSWORD=postgres-keycloak -- \
    start_process keycloak env KC_BOOTSTRAP_ADMIN_USERNAME=admin \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    "$KC_HOME/bin/kc.sh" start --optimized \
    --db-url="jdbc:postgresql://$POSTGRES_HOST:$POSTGRES_PORT/keycloak" --db-username=keycloak \
    --http-enabled=true --http-host="$KEYCLOAK_HOST" --http-port="$KEYCLOAK_PORT" \
    --hostname="http://localhost:$KEYCLOAK_PORT" --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" --import-realm
  wait_until "keycloak (/health/ready)" 180 http_ok "http://$KEYCLOAK_HOST:$KEYCLOAK_MANAGEMENT_PORT/health/ready"
  wait_until "keycloak realm $KEYCLOAK_REALM" 60 \
    http_ok "http://$KEYCLOAK_HOST:$KEYCLOAK_PORT/realms/$KEYCLOAK_REALM/.well-known/openid-configuration"
}

mkdir -p "$LOGS"
command -v envsubst >/dev/null || (umask 022 && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext-base >/dev/null)
install_keycloak
prepare_home
render_realm
start_keycloak
