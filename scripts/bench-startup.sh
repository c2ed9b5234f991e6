#!/usr/bin/env bash
# Start-up benchmark (local mode): from a stopped demo with a warm build, times `make demo`'s start
# (scripts/local-mode.sh start) until all three services answer healthy, stops the demo, and does
# that BENCH_RUNS times (3). Prints every run, then last one line:  startup: runs=3 p50=14.2s
# The build, the AOT caches and any data-directory set-up happen before the first timed run.
# Holds /tmp/casino-ports.lock for the whole benchmark, so it never overlaps another engineer's
# run on the fixed ports (4566 19092 19093 8000 8090 8501).
# Usage: scripts/bench-startup.sh        (BENCH_RUNS=N for another number of runs)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
lock=/tmp/casino-ports.lock
runs="${BENCH_RUNS:-3}"
local_mode="$root/scripts/local-mode.sh"
log="$root/.local/logs/bench-startup.log"

if [[ "${CASINO_PORTS_LOCKED:-}" != yes ]]; then
  echo "==> Waiting for $lock (another engineer's demo or test may hold the ports)"
  CASINO_PORTS_LOCKED=yes exec flock "$lock" "$0" "$@"
fi

if "$local_mode" running; then
  echo "error: the local demo is running; the benchmark starts from a stopped demo: run 'make stop' first" >&2
  exit 1
fi
# Untimed: the jars, the AOT caches (training runs, where the JDK supports them), a data directory.
"$local_mode" build
if [[ ! -d "$root/.local/data/postgres" ]]; then
  echo "==> No data directory yet: one untimed start makes it, so every timed run starts on existing data"
  "$local_mode" start --no-data >/dev/null
  "$local_mode" stop >/dev/null
fi

mkdir -p "$(dirname "$log")"
: >"$log"
echo "==> $runs timed starts (output of each in .local/logs/bench-startup.log); load before: $(uptime | sed 's/.*load average: //')"
times=()
for (( i = 1; i <= runs; i++ )); do
  begin=$(date +%s.%N)
  if ! "$local_mode" start >>"$log" 2>&1; then
    "$local_mode" stop >>"$log" 2>&1 || true
    tail -n 30 "$log" >&2
    echo "error: run $i did not start; see .local/logs/bench-startup.log" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  seconds=$(awk -v b="$begin" -v e="$end" 'BEGIN { printf "%.1f", e - b }')
  times+=("$seconds")
  "$local_mode" stop >>"$log" 2>&1
  echo "  run $i: ${seconds}s until all three healthy (load average $(uptime | sed 's/.*load average: //'))"
done
p50=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
echo "startup: runs=$runs p50=${p50}s"
