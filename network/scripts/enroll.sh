#!/usr/bin/env bash
# Registers (once) and enrolls a person with their organisation's Fabric CA, with attributes in the certificate, and
# prints the folder holding msp/ and tls/. Used by integration tests and operators; the application enrolls its
# users itself.
#   network/scripts/enroll.sh ecx ecx-officer-7 'role=officer:ecert,uid=kc-7:ecert'
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/ca-lib.sh"

org=${1:?organisation} name=${2:?enrollment id} attrs=${3:-}
[ -n "${MSP[$org]:-}" ] || die "unknown organisation $org"
dir=$(org_dir "$org")/users/$name@$(org_domain "$org")
mkdir -p "$LOGS"
enroll_identity "$org" "$dir" "$name" client "$name@$(org_domain "$org")" "$attrs" || die "enrolment failed; see $LOGS/ca-client-$org.log"
echo "$dir"
