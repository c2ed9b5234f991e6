#!/usr/bin/env bash
# Prints the address table both modes end `make demo` with, so the two cannot drift apart.
# Usage: addresses.sh docker | local
# Every address is localhost: by default the Docker stack publishes its ports on 127.0.0.1 only
# (CASINO_BIND, docker-compose.yml) and local mode binds to loopback.
set -euo pipefail

mode="${1:-}"
case "$mode" in
  docker) title="Docker stack is running (Redpanda, RisingWave, Redpanda Console, generator, dashboard)." ;;
  local) title="Local stack is running (no Docker: Apache Kafka + PostgreSQL standing in for Redpanda + RisingWave)." ;;
  *) echo "usage: $0 docker | local" >&2; exit 2 ;;
esac

row() { printf '  %-17s %s\n' "$1" "$2"; }

echo
echo "$title"
row "Dashboard" "http://localhost:8501"
if [[ -n "${CASINO_API_KEY:-}" ]]; then
  row "Generator API" "http://localhost:8000/status   (rate: curl -H \"X-API-Key: \$CASINO_API_KEY\" localhost:8000/rate/10)"
else
  row "Generator API" "http://localhost:8000/status   (rate: curl localhost:8000/rate/10)"
fi
row "SQL" "psql -h localhost -p 4566 -d dev -U root"
row "Kafka" "localhost:19092, topic gaming-transactions"
if [[ -z "${CASINO_HOST_PASSWORD_HASH:-}" || -z "${CASINO_MANAGER_PASSWORD_HASH:-}" ]]; then
  row "Sign in" "host / host-demo (host), manager / manager-demo (manager, also the audit trail)"
  row "WARNING" "these are the demo's published credentials: before anyone else can reach the dashboard,"
  row "" "set CASINO_HOST_PASSWORD_HASH and CASINO_MANAGER_PASSWORD_HASH (make password-hash; docs/operations.md)"
else
  row "Sign in" "the staff accounts of CASINO_HOST_* and CASINO_MANAGER_* (docs/operations.md)"
fi
if [[ "$mode" == docker ]]; then
  row "Redpanda Console" "http://localhost:8080"
  row "Logs" "make logs    Stop: make stop"
else
  row "Logs" ".local/logs/    Stop: make stop"
fi
if [[ -n "${CASINO_BIND:-}" && "${CASINO_BIND}" != 127.0.0.1 ]]; then
  # local mode opens only the two services; its Kafka and PostgreSQL stay on loopback (docs/decisions.md D18)
  row "Note" "CASINO_BIND=${CASINO_BIND}: $([[ "$mode" == docker ]] && echo "the ports above are" || echo "the dashboard and the generator API are") open beyond this machine"
fi
