#!/usr/bin/env bash
# Starts the demo: the Docker stack when a Docker engine answers, the local stack otherwise.
# Usage: run-demo.sh [--no-data]   (--no-data: services only, the generator waits for `make inject`)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

if docker info >/dev/null 2>&1; then
  auto_start=true
  [[ "${1:-}" == "--no-data" ]] && auto_start=false
  echo "==> Docker engine found: starting Redpanda, RisingWave, Console, generator and dashboard"
  CASINO_GENERATOR_AUTOSTART=$auto_start docker compose -f "$root/docker-compose.yml" up -d --build
  for service in redpanda risingwave casino-data-generator casino-dashboard; do
    start=$SECONDS
    until [[ "$(docker inspect -f '{{.State.Health.Status}}' "$service" 2>/dev/null)" == healthy ]]; do
      if (( SECONDS - start > 300 )); then
        echo "error: $service not healthy after 300s; see 'make logs'" >&2
        exit 1
      fi
      echo "  ... waiting for $service ($((SECONDS - start))s)"
      sleep 3
    done
    echo "==> $service is healthy"
  done
  cat <<INFO

Docker stack is running.
  Dashboard         http://localhost:8501
  Generator API     http://localhost:8000/status   (docs: http://localhost:8000/docs)
  Redpanda Console  http://localhost:8080
  SQL               psql -h localhost -p 4566 -d dev -U root
  Stop: make stop
INFO
else
  echo "==> No Docker engine answers: starting the local stack (Apache Kafka + PostgreSQL stand in for Redpanda + RisingWave)"
  exec "$root/scripts/local-mode.sh" start "$@"
fi
