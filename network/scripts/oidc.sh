# Sourced: signing in to the realm the way a person's own tool does, through Keycloak's login pages with the
# authorization-code flow and PKCE on the public client `coffee-export-cli`, answering the second factor with the
# code an authenticator app would show. No password, code or token ever goes on a command line (ps shows those):
# they travel through bash builtins, pipes and /dev/fd.
#   source network/scripts/oidc.sh; token=$(oidc_token ecta.officer "$password" "$totp_secret")

OIDC_ISSUER=http://localhost:$KEYCLOAK_PORT/realms/$KEYCLOAK_REALM
OIDC_CLIENT=coffee-export-cli
OIDC_REDIRECT=http://127.0.0.1/callback

# urlencode: stdin → stdout, RFC 3986.
urlencode() { jq -sRr @uri; }
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# sha1_hmac <key> <message hex>: HMAC-SHA1 in hex, built from two SHA-1 passes so the key never leaves bash.
sha1_hmac() {
  local key=$1 msg=$2 k i ipad="" opad="" inner
  k=$(printf '%s' "$key" | od -An -v -tx1 | tr -d ' \n')
  ((${#k} > 128)) && k=$(printf '%s' "$key" | openssl dgst -sha1 -r | cut -c1-40)
  while ((${#k} < 128)); do k+=00; done
  for ((i = 0; i < 128; i += 2)); do
    ipad+=$(printf '\\x%02x' $((16#${k:i:2} ^ 0x36)))
    opad+=$(printf '\\x%02x' $((16#${k:i:2} ^ 0x5c)))
  done
  inner=$( { printf "$ipad"; printf "$(sed 's/../\\x&/g' <<<"$msg")"; } | openssl dgst -sha1 -r | cut -c1-40)
  { printf "$opad"; printf "$(sed 's/../\\x&/g' <<<"$inner")"; } | openssl dgst -sha1 -r | cut -c1-40
}

# totp <secret> [unix time]: the RFC 6238 code for Keycloak's stored secret (its UTF-8 bytes are the key; the base32
# of those bytes is what `up` prints for an authenticator app).
totp() {
  local now=${2:-$(date +%s)} h offset bin
  h=$(sha1_hmac "$1" "$(printf '%016x' $((now / 30)))")
  offset=$((16#${h:39:1}))
  bin=$((16#${h:offset * 2:8} & 0x7fffffff))
  printf '%06d\n' $((bin % 1000000))
}

# form_action <page file>: the URL the page's form posts to.
form_action() { sed -n 's/.*<form[^>]*action="\([^"]*\)".*/\1/p' "$1" | head -n1 | sed 's/&amp;/\&/g'; }

# oidc_token <username> <password> <totp secret or empty>: prints an access token for the realm's APIs.
oidc_token() {
  local user=$1 password=$2 secret=${3:-} jar page verifier challenge action code window tries
  jar=$(mktemp -d) && chmod 700 "$jar"
  page=$jar/page
  verifier=$(openssl rand 32 | b64url)
  challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | b64url)
  curl -fsS -c "$jar/cookies" -b "$jar/cookies" -o "$page" \
    "$OIDC_ISSUER/protocol/openid-connect/auth?client_id=$OIDC_CLIENT&response_type=code&scope=openid&state=$RANDOM$RANDOM&redirect_uri=$(printf '%s' "$OIDC_REDIRECT" | urlencode)&code_challenge=$challenge&code_challenge_method=S256" ||
    { rm -rf "$jar"; echo "cannot reach Keycloak at $OIDC_ISSUER" >&2; return 1; }
  action=$(form_action "$page")
  printf 'username=%s&password=%s' "$(printf '%s' "$user" | urlencode)" "$(printf '%s' "$password" | urlencode)" |
    curl -sS -c "$jar/cookies" -b "$jar/cookies" -o "$page" -D "$jar/headers" --data-binary @- "$action"
  for tries in 1 2; do
    grep -q 'name="otp"' "$page" || break
    [ -n "$secret" ] || { rm -rf "$jar"; echo "$user needs a one-time code and no TOTP secret was given" >&2; return 1; }
    # Keycloak accepts a code once: a second sign-in within the same 30 s window waits for the next code.
    if ((tries == 2)); then window=$(($(date +%s) / 30)); while (($(date +%s) / 30 == window)); do sleep 0.5; done; fi
    action=$(form_action "$page")
    printf 'otp=%s' "$(totp "$secret")" |
      curl -sS -c "$jar/cookies" -b "$jar/cookies" -o "$page" -D "$jar/headers" --data-binary @- "$action"
  done
  code=$(tr -d '\r' <"$jar/headers" | sed -n 's/^[Ll]ocation: .*[?&]code=\([^&]*\).*/\1/p' | head -n1)
  if [ -z "$code" ]; then
    echo "sign-in of $user failed: $(sed -n 's/.*\(kc-feedback-text\|pf-v5-c-alert__title\)[^>]*>\s*\([^<]*\).*/\2/p' "$page" | head -n1)" >&2
    rm -rf "$jar"; return 1
  fi
  printf 'grant_type=authorization_code&client_id=%s&redirect_uri=%s&code=%s&code_verifier=%s' \
    "$OIDC_CLIENT" "$(printf '%s' "$OIDC_REDIRECT" | urlencode)" "$code" "$verifier" |
    curl -fsS --data-binary @- "$OIDC_ISSUER/protocol/openid-connect/token" | jq -er .access_token
  local rc=$?
  rm -rf "$jar"
  return $rc
}

# dev_user_token <username>: a development user's token, with the password and TOTP secret `up` generated.
dev_user_token() {
  local name pw totp_secret base32
  while IFS=$'\t' read -r name pw totp_secret base32; do
    [ "$name" = "$1" ] && { oidc_token "$name" "$pw" "$totp_secret"; return; }
  done <"$SECRETS/dev-users.tsv"
  echo "no development user $1 (see $SECRETS/dev-users.tsv)" >&2
  return 1
}

# jwt_claim <token> <jq path>: a claim of a token (no signature check: for display only).
jwt_claim() {
  local p=${1#*.}
  p=${p%%.*}
  p=$(printf '%s' "$p" | tr '_-' '/+')
  while ((${#p} % 4)); do p+="="; done
  printf '%s' "$p" | openssl base64 -d -A | jq -r "$2"
}
