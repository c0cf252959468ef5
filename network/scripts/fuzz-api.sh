#!/usr/bin/env bash
# Fuzzes the running submission API with Schemathesis, from the OpenAPI document the application generates
# (/api/openapi.yaml), signed in as the development exporter. Every answer must be no server error (5xx), with a
# status and a content type the document declares for that operation. Any finding fails; the figures are printed.
# Schemathesis is installed once into a virtualenv in the cache folder, never into the clone.
#   fuzz-api.sh     (`network/cec test` runs it after `mvn verify`)
# Bounded: FUZZ_MAX_EXAMPLES cases per operation and phase (default 40), FUZZ_SECONDS of wall clock (default 300, the life of its token; about 1,000 requests take 1-3 minutes).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/oidc.sh"

SCHEMATHESIS_VERSION=${SCHEMATHESIS_VERSION:-4.32.5}
# Newer Hypothesis parses whole modules to describe its filters, which CPython 3.11 refuses on Schemathesis' own
# deeply nested code ("AST constructor recursion depth mismatch"): the run would end in a runtime error.
HYPOTHESIS_VERSION=${HYPOTHESIS_VERSION:-6.140.0}
VENV=$CEC_CACHE_DIR/schemathesis-$SCHEMATHESIS_VERSION-hypothesis-$HYPOTHESIS_VERSION
API=http://$WORKFLOW_HOST:$WORKFLOW_PORT
MAX_EXAMPLES=${FUZZ_MAX_EXAMPLES:-40}
SECONDS_BUDGET=${FUZZ_SECONDS:-300}
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance

install_schemathesis() {
  [ -f "$VENV/.installed" ] && return 0
  if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    log "installing python3-venv (Debian) for Schemathesis' virtualenv"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
  fi
  log "installing Schemathesis $SCHEMATHESIS_VERSION (Hypothesis $HYPOTHESIS_VERSION) into $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV" &&
    "$VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" \
      "hypothesis==$HYPOTHESIS_VERSION" ||
    { rm -rf "$VENV"; die "cannot install Schemathesis $SCHEMATHESIS_VERSION from PyPI"; }
  touch "$VENV/.installed"
}

# figures <events.ndjson>: requests sent, answers that were server errors, findings by check.
figures() {
  "$VENV/bin/python" - "$1" <<'PY'
import collections, json, sys
requests = server_errors = 0
findings = collections.Counter()
for line in open(sys.argv[1]):
    finished = json.loads(line).get("ScenarioFinished")
    if not finished:
        continue
    for interaction in finished["recorder"].get("interactions", {}).values():
        requests += 1
        server_errors += (interaction.get("response") or {}).get("status_code", 0) >= 500
    for checks in finished["recorder"].get("checks", {}).values():
        findings.update(check["name"] for check in checks if check["status"] == "failure")
print(f"fuzz figures: {requests} requests, {server_errors} answered 5xx, findings: "
      + (", ".join(f"{name} {n}" for name, n in sorted(findings.items())) or "none"))
PY
}

install_schemathesis
log "checking the workflow application is ready"
http_ok "http://$WORKFLOW_HOST:$WORKFLOW_MANAGEMENT_PORT/actuator/health/readiness" ||
  die "the workflow application is not ready at port $WORKFLOW_MANAGEMENT_PORT: network/cec up"
http_ok "$API/api/openapi.yaml" || die "no OpenAPI document at $API/api/openapi.yaml"

work=$(mktemp -d) && chmod 700 "$work"
trap 'rm -rf "$work"' EXIT
log "signing in as the development exporter"
# The token reaches Schemathesis through its environment and a config file that names only the variable:
# neither is visible to other users (ps shows command lines; /proc/<pid>/environ is the owner's).
CEC_FUZZ_TOKEN=$(dev_user_token exporter) || die "cannot get the exporter's token"
export CEC_FUZZ_TOKEN
cat >"$work/schemathesis.toml" <<'EOF'
[headers]
Authorization = "Bearer ${CEC_FUZZ_TOKEN}"
EOF

log "fuzzing $API/api/openapi.yaml: checks $CHECKS; at most $MAX_EXAMPLES cases per operation and phase, ${SECONDS_BUDGET}s"
rc=0
(cd "$work" && timeout --kill-after=15 "$SECONDS_BUDGET" "$VENV/bin/schemathesis" --config-file "$work/schemathesis.toml" \
  run "$API/api/openapi.yaml" --url "$API" --checks "$CHECKS" --max-examples "$MAX_EXAMPLES" --seed 1 \
  --workers 2 --request-timeout 30 --no-shrink --continue-on-failure --report ndjson --report-dir "$work/report") >"$work/out.txt" 2>&1 || rc=$?
# The findings first (the first 300 lines of them), then Schemathesis' summary.
sed -n '/= FAILURES =/,/= WARNINGS =\|= SUMMARY =/p' "$work/out.txt" >"$work/failures.txt"
head -n 300 "$work/failures.txt" >&2
tail -n 22 "$work/out.txt" >&2
ndjson=$(find "$work/report" -name '*.ndjson' -print -quit 2>/dev/null || true)
[ -n "$ndjson" ] && { figures "$ndjson" >&2 || true; }
# The whole output and the events stay with the platform's logs (authorization headers are filtered out).
mkdir -p "$LOGS" && cp "$work/out.txt" "$LOGS/fuzz-api.txt" && { [ -z "$ndjson" ] || cp "$ndjson" "$LOGS/fuzz-api.ndjson"; }
log "the whole run: $LOGS/fuzz-api.txt"
((rc == 124 || rc == 137)) && die "Schemathesis did not finish within ${SECONDS_BUDGET}s"
((rc == 0)) || die "API fuzzing found problems (above; Schemathesis exit code $rc)"
log "API fuzzing: no findings"
