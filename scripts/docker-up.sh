#!/usr/bin/env bash
# Starts the Docker stack and waits until every service is healthy (running, for the Console, which
# has no healthcheck), printing each container's state while it waits; then the address table.
# Usage: docker-up.sh [true|false]   (false: the generator starts idle, `make inject` starts it)
# CASINO_WAIT_TIMEOUT (s, default 600) bounds the wait once the containers are started; pulling and
# building come first and do not count (docker compose pkg/compose/start.go starts the clock there).
set -euo pipefail
. "$(dirname "$0")/lib/compose.sh"
. "$(dirname "$0")/lib/bind.sh" start
remember_bind
# Published on one address of this machine only, Redpanda's external listener must advertise it:
# localhost:19092 would not answer.
if [[ -z "${CASINO_ADVERTISED_HOST:-}" && "$reach_host" != 127.0.0.1 ]]; then
  export CASINO_ADVERTISED_HOST="$reach_host"
fi
timeout="${CASINO_WAIT_TIMEOUT:-600}"
interval="${CASINO_PROGRESS_INTERVAL:-5}"
log="$root/.local/logs/compose-up.log"

# Container names as docker-compose.yml sets them for the single-node stack, in its order.
containers() { single_node_compose | awk '/^    container_name:/ { print $2 }'; }

state_of() { # $1 = container: its health where it has a healthcheck, else its state
  docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$1" 2>/dev/null \
    || echo "not created"
}

progress() { # one line: every container and its state
  local line="" c
  for c in $(containers); do line="$line  $c: $(state_of "$c");"; done
  printf '  ... %3ss%s\n' "$1" "${line%;}"
}

mkdir -p "$(dirname "$log")"
echo "==> Pulling the Redpanda, RisingWave and Console images (only what is missing; the first pull is about 2 GB)"
compose pull --ignore-buildable
echo "==> Building the generator and dashboard images (the first build downloads Maven's dependencies)"
compose build
echo "==> Starting the stack; waiting up to ${timeout}s for every service (log: .local/logs/compose-up.log)"
CASINO_GENERATOR_AUTOSTART="${1:-true}" compose up -d --wait --wait-timeout "$timeout" >"$log" 2>&1 &
up=$!
start=$SECONDS
while kill -0 "$up" 2>/dev/null; do
  sleep "$interval"
  kill -0 "$up" 2>/dev/null && progress $((SECONDS - start))
done
if ! wait "$up"; then
  tail -n 20 "$log" >&2
  progress $((SECONDS - start)) >&2
  echo "error: the stack did not become healthy; 'docker logs <container>' of the one not healthy above tells why (docs/operations.md, Troubleshooting)" >&2
  exit 1
fi
progress $((SECONDS - start))
echo "==> Every service is up ($((SECONDS - start))s)"
"$root/scripts/addresses.sh" docker
