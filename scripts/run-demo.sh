#!/usr/bin/env bash
# Starts the demo: the Docker stack when a Docker engine answers, the local stack otherwise.
# Usage: run-demo.sh [--no-data]   (--no-data: services only, the generator waits for `make inject`)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

if docker info >/dev/null 2>&1; then
  auto_start=true
  [[ "${1:-}" == "--no-data" ]] && auto_start=false
  "$root/scripts/docker-preflight.sh"   # a failed check ends make demo here (set -e)
  exec "$root/scripts/docker-up.sh" "$auto_start"
else
  echo "==> No Docker engine answers: starting the local stack (Apache Kafka + PostgreSQL stand in for Redpanda + RisingWave)"
  exec "$root/scripts/local-mode.sh" start "$@"
fi
