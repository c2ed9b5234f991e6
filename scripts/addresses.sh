#!/usr/bin/env bash
# Prints the address table both modes end `make demo` with, so the two cannot drift apart.
# Usage: addresses.sh docker | local
# By default every address is localhost: the Docker stack publishes its ports on 127.0.0.1 only
# (CASINO_BIND, docker-compose.yml) and local mode binds to loopback. One address of this machine in
# CASINO_BIND is where the services answer then (scripts/lib/bind.sh); local PostgreSQL keeps loopback.
set -euo pipefail
# shellcheck source=lib/bind.sh
source "$(dirname "$0")/lib/bind.sh"

mode="${1:-}"
case "$mode" in
  docker) title="Docker stack is running (Redpanda, RisingWave, Redpanda Console, generator, dashboard)." ;;
  local) title="Local stack is running (no Docker: Apache Kafka + PostgreSQL standing in for Redpanda + RisingWave)." ;;
  *) echo "usage: $0 docker | local" >&2; exit 2 ;;
esac

row() { printf '  %-17s %s\n' "$1" "$2"; }

echo
echo "$title"
host=localhost
[[ "$reach_host" == 127.0.0.1 ]] || host="$reach_host"
sql_host="$host"
[[ "$mode" == local ]] && sql_host=localhost
row "Dashboard" "http://$host:8501"
if [[ -n "${CASINO_API_KEY:-}" ]]; then
  row "Generator API" "http://$host:8000/status   (rate: curl -H \"X-API-Key: \$CASINO_API_KEY\" $host:8000/rate/10)"
else
  row "Generator API" "http://$host:8000/status   (rate: curl $host:8000/rate/10)"
fi
row "SQL" "psql -h $sql_host -p 4566 -d dev -U root"
row "Kafka" "$host:19092, topic gaming-transactions"
if [[ -z "${CASINO_HOST_PASSWORD_HASH:-}" || -z "${CASINO_MANAGER_PASSWORD_HASH:-}" ]]; then
  row "Sign in" "host / host-demo (host), manager / manager-demo (manager, also the audit trail)"
  row "WARNING" "these are the demo's published credentials: before anyone else can reach the dashboard,"
  row "" "set CASINO_HOST_PASSWORD_HASH and CASINO_MANAGER_PASSWORD_HASH (make password-hash; docs/operations.md)"
else
  row "Sign in" "the staff accounts of CASINO_HOST_* and CASINO_MANAGER_* (docs/operations.md)"
fi
if [[ "$mode" == docker ]]; then
  row "Redpanda Console" "http://$host:8080"
  row "Logs" "make logs    Stop: make stop"
else
  row "Logs" ".local/logs/    Stop: make stop"
fi
if bind_open; then
  row "Note" "CASINO_BIND=$casino_bind: the ports above are open beyond this machine (docs/operations.md)"
  advertised="${CASINO_ADVERTISED_HOST:-}" why="CASINO_ADVERTISED_HOST"
  if [[ -z "$advertised" ]]; then
    why="CASINO_ADVERTISED_HOST changes it"
    if [[ "$mode" == docker ]]; then advertised=localhost
    elif [[ "$reach_host" != 127.0.0.1 ]]; then advertised="$reach_host"
    else advertised="$(hostname -f 2>/dev/null || hostname)" why="this machine's name; $why"; fi
  fi
  row "" "Kafka tells its clients to connect to $advertised:19092 ($why)"
  if [[ "$mode" == local ]]; then row "" "other machines' SQL clients give the password of CASINO_SQL_PASSWORD"; fi
fi
