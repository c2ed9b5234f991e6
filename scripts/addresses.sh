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
row "Generator API" "http://localhost:8000/status   (rate: curl localhost:8000/rate/10)"
row "SQL" "psql -h localhost -p 4566 -d dev -U root"
row "Kafka" "localhost:19092, topic gaming-transactions"
if [[ "$mode" == docker ]]; then
  row "Redpanda Console" "http://localhost:8080"
  row "Logs" "make logs    Stop: make stop"
  if [[ -n "${CASINO_BIND:-}" && "${CASINO_BIND}" != 127.0.0.1 ]]; then
    row "Note" "CASINO_BIND=${CASINO_BIND}: the ports above are open beyond this machine"
  fi
else
  row "Logs" ".local/logs/    Stop: make stop"
fi
