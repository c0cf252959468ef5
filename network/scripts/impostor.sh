#!/usr/bin/env bash
# TEST ONLY (ByzantineMemberIT): makes one organisation a Byzantine member by replacing its honest chaincode server
# with another jar under the same package id, on the same port, so that the organisation's own peer runs that code
# and endorses whatever it writes; then puts the honest server back.
#
#   impostor.sh start <org> <chaincode> <jar>   stop cc-<chaincode>-<org>, serve <jar> as impostor-<chaincode>-<org>
#   impostor.sh stop <org> <chaincode>          stop the impostor, serve the honest package again exactly as
#                                                deploy.sh does (the package id and the jar it installed)
#
# The peer reconnects to whatever listens on the port when it next launches the chaincode; the caller checks through
# the peer which code answers. `cec down` stops an impostor like any other process with a pid file.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

usage() { die "usage: impostor.sh start <org> <chaincode> <jar> | stop <org> <chaincode>"; }

port_free() { ! port_open "$1" "$2"; }

installed_package() { # org chaincode -> the package id deploy.sh serves to that org's peer
  local file=$PIDS/cc-$2-$1.pkgid
  [ -s "$file" ] || die "no package id for $2 at $1 ($file): was the chaincode deployed?"
  cat "$file"
}

(($# >= 3)) || usage
action=$1 org=$2 cc=$3
[ -n "${MSP[$org]:-}" ] || die "unknown organisation $org"
port=$(ccaas_port "$org" "$cc")
pkgid=$(installed_package "$org" "$cc")
honest=cc-$cc-$org
impostor=impostor-$cc-$org

case $action in
  start)
    (($# == 4)) || usage
    jar=$(realpath "$4")
    [ -f "$jar" ] || die "no jar $jar"
    stop_process "$honest"
    wait_until "$honest (port $port released)" 30 port_free "${HOST[$org]}" "$port"
    run_chaincode_server "$impostor" "$org" "$cc" "$pkgid" "$jar"
    wait_until "$impostor (port $port)" 90 port_open "${HOST[$org]}" "$port"
    ;;
  stop)
    (($# == 3)) || usage
    stop_process "$impostor"
    wait_until "$impostor (port $port released)" 30 port_free "${HOST[$org]}" "$port"
    jar=$CONF/chaincode/$cc/${pkgid%%:*}.jar
    [ -f "$jar" ] || die "the honest jar $jar is gone: run network/cec start"
    if ! is_running "$honest"; then
      run_chaincode_server "$honest" "$org" "$cc" "$pkgid" "$jar"
    fi
    wait_until "$honest (port $port)" 90 port_open "${HOST[$org]}" "$port"
    ;;
  *) usage ;;
esac
