#!/usr/bin/env bash
# Starts the demo: the Docker stack when a Docker engine answers, the local stack otherwise.
# Usage: run-demo.sh [--no-data]   (--no-data: services only, the generator waits for `make inject`)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

# Refused here, before anything starts, rather than as a binding error in the generator's log.
if [[ -n "${CASINO_SIMULATION_MEMBERS:-}" ]] && ! [[ "$CASINO_SIMULATION_MEMBERS" =~ ^[1-9][0-9]{0,6}$ && "$CASINO_SIMULATION_MEMBERS" -le 1000000 ]]; then
  echo "MEMBERS (CASINO_SIMULATION_MEMBERS) must be a whole number from 1 to 1000000, not '$CASINO_SIMULATION_MEMBERS'" >&2
  exit 2
fi

if docker info >/dev/null 2>&1; then
  auto_start=true
  [[ "${1:-}" == "--no-data" ]] && auto_start=false
  "$root/scripts/docker-preflight.sh"   # a failed check ends make demo here (set -e)
  exec "$root/scripts/docker-up.sh" "$auto_start"
else
  echo "==> No Docker engine answers: starting the local stack (Apache Kafka + PostgreSQL stand in for Redpanda + RisingWave)"
  exec "$root/scripts/local-mode.sh" start "$@"
fi
