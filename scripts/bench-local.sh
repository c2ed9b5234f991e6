#!/usr/bin/env bash
# make bench-local: local-stack's ingest throughput, dashboard query latency and start-up time (issue 5).
# Builds e2e-tests in the reactor (local-stack, and the dashboard whose query catalogue it times), runs
# org.casinoloyalty.e2e.bench.LocalStackBenchmark on free ports in a temporary data directory, then times two
# start-ups of local-stack's runnable jar (new and existing data directory). Not part of `make test`.
# Takes 2-5 minutes, at most 10.
# Options as system properties: BENCH_OPTS="-Dbench.events=200000 -Dbench.members=15 -Dbench.query-runs=100"
# The report is printed and written to e2e-tests/target/bench-local.txt.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/e2e-tests"
java_home="$("$root/scripts/find-jdk.sh")"
report=target/bench-local.txt
local_stack_jar="$root/local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar"

echo "==> Building e2e-tests and the modules it uses (log: e2e-tests/target/bench-build.log)"
mkdir -p target
if ! "$root/scripts/mvn.sh" -B -q -pl e2e-tests -am -DskipTests package dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >target/bench-build.log 2>&1; then
  tail -n 30 target/bench-build.log >&2
  echo "error: the build failed; see e2e-tests/target/bench-build.log" >&2
  exit 1
fi

echo "==> Ingest and query benchmark (1,000,000 events by default; progress every 5 s)"
timeout 480 "$java_home/bin/java" -Xmx1g ${BENCH_OPTS:-} \
  -cp "target/test-classes:$(cat target/bench-classpath.txt)" \
  org.casinoloyalty.e2e.bench.LocalStackBenchmark

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Starts the runnable jar on $1 (data directory) and prints the time until Actuator reports UP.
time_start_up() {
  local data="$1" label="$2" port pid started elapsed
  port="$(free_port)"
  started=$(date +%s%N)
  "$java_home/bin/java" -Xmx1g -jar "$local_stack_jar" --server.port="$port" \
      --casino.local-stack.data-directory="$data" --casino.local-stack.kafka.port=0 \
      --casino.local-stack.kafka.controller-port=0 --casino.local-stack.sql.port=0 >"target/bench-start-$label.log" 2>&1 &
  pid=$!
  until "$root/scripts/healthy.sh" "http://127.0.0.1:$port/actuator/health"; do
    if ! kill -0 "$pid" 2>/dev/null || (( ($(date +%s%N) - started) / 1000000000 > 60 )); then
      kill -TERM "$pid" 2>/dev/null || true
      echo "error: local-stack did not become healthy; see e2e-tests/target/bench-start-$label.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
  printf 'start-up, %s data directory: %d.%01d s to healthy [goal <= 15 s warm]\n' "$label" \
    $((elapsed / 1000)) $((elapsed % 1000 / 100)) | tee -a "$report"
  started=$(date +%s%N)
  kill -TERM "$pid"
  wait "$pid" || true
  elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
  # A clean stop leaves no PostgreSQL behind: its pid file goes with it.
  if [[ -e "$data/postgres/postmaster.pid" ]]; then
    echo "error: after SIGTERM PostgreSQL is still running or left its pid file ($data/postgres/postmaster.pid)" | tee -a "$report" >&2
    exit 1
  fi
  printf 'stop on SIGTERM: %d.%01d s, PostgreSQL and the broker shut down cleanly\n' \
    $((elapsed / 1000)) $((elapsed % 1000 / 100)) | tee -a "$report"
}

echo "==> Start-up of the runnable jar (java -jar, until /actuator/health is UP)"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
time_start_up "$data" new
time_start_up "$data" existing
echo "Report: e2e-tests/target/bench-local.txt"
