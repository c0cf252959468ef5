# Sourced: the platform's people calling its APIs as they do, each with their own token (authorization code flow,
# TOTP from the secrets `up` generated): the submission API under /api, and the engine REST API the way Tasklist
# uses it (find a task, claim it, complete it with its form's fields). A token never goes on a command line: it
# reaches curl through /dev/fd. Used by price-floors.sh and seed.sh.
#   source network/scripts/people.sh; sign_in ecta.officer; engine_api ecta.officer GET "task?..."

PEOPLE_APP=http://localhost:$WORKFLOW_PORT
declare -A PEOPLE_TOKEN

# sign_in <user>...: signs each development user in (once per script run; tokens live 5 minutes).
sign_in() {
  local user
  [ -f "$SECRETS/dev-users.tsv" ] || die "no development users in $SECRETS (network/cec up creates them)"
  for user in "$@"; do
    PEOPLE_TOKEN[$user]=$(dev_user_token "$user") || die "$user could not sign in"
  done
}

# people_api <user> <method> <path> [json body | @<file>:<content type>] [header] → body on stdout; fails unless
# 2xx, and logs the status and the problem the platform answered.
people_api() {
  local user=$1 method=$2 path=$3 body=${4:-} out code type
  out=$(mktemp)
  local args=(-sS -X "$method" -o "$out" -w '%{http_code}')
  [ -z "${5:-}" ] || args+=(-H "$5")
  if [[ "$body" == @* ]]; then
    type=${body##*:}
    code=$(curl "${args[@]}" -H "Content-Type: $type" --data-binary "${body%:*}" \
      -H @<(printf 'Authorization: Bearer %s\n' "${PEOPLE_TOKEN[$user]}") "$PEOPLE_APP/$path")
  elif [ -n "$body" ]; then
    code=$(curl "${args[@]}" -H 'Content-Type: application/json' --data-binary @<(printf '%s' "$body") \
      -H @<(printf 'Authorization: Bearer %s\n' "${PEOPLE_TOKEN[$user]}") "$PEOPLE_APP/$path")
  else
    code=$(curl "${args[@]}" -H @<(printf 'Authorization: Bearer %s\n' "${PEOPLE_TOKEN[$user]}") "$PEOPLE_APP/$path")
  fi
  cat "$out"
  [[ "$code" == 2?? ]] || { log "$user: $method /$path answered HTTP $code $(cat "$out")"; rm -f "$out"; return 1; }
  rm -f "$out"
}

# engine_api <user> <method> <engine REST path> [json]
engine_api() { people_api "$1" "$2" "engine-rest/$3" "${4:-}"; }

# engine_task <user> <task query> <seconds>: the id of the first open task the query finds as <user> sees it,
# waiting up to <seconds> for one.
engine_task() {
  local user=$1 query=$2 deadline=$((SECONDS + $3)) id
  while :; do
    id=$(engine_api "$user" GET "task?$query" | jq -r '.[0].id // empty')
    [ -n "$id" ] && { echo "$id"; return; }
    ((SECONDS < deadline)) || return 1
    sleep 1
  done
}

# engine_complete <user> <task id> <variables json object {name: value}>: claims the task, then completes it.
engine_complete() {
  local user=$1 task=$2 vars=$3
  engine_api "$user" POST "task/$task/claim" "$(jq -cn --arg u "$user" '{userId: $u}')" >/dev/null
  engine_api "$user" POST "task/$task/complete" "$(jq -c '{variables: with_entries(.value = {value: .value})}' <<<"$vars")" >/dev/null
}

# engine_refusal <task id>: why the ledger sent the task back, if it did (read by the administrator).
engine_refusal() {
  engine_api admin GET "task/$1/variables/ledgerRefusal" 2>/dev/null | jq -r '.value // empty' || true
}
