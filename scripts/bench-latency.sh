#!/usr/bin/env bash
# Latency benchmark: for N real 5-minute windows (default 3) of the running local demo, the seconds from
# a window's end to (a) its rows in member_daily_summary, (b) its first record on loyalty-offers, (c) its
# offers on the Hotel tab of headless chromium signed in as the demo's host; p50 and p95 of each.
# Uses the running local demo (`make demo`), or starts it for the run and stops it after. Takes up to
# 5 minutes before the first window ends, then 5 minutes per window: about 20 minutes for 3.
# Harness: e2e-tests/src/test/.../LatencyBenchIT.
# Usage: scripts/bench-latency.sh [windows=3]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
windows="${1:-3}"
[[ "$windows" =~ ^[1-9][0-9]*$ ]] || { echo "error: windows must be a positive whole number, got '$windows'" >&2; exit 2; }
url="http://localhost:8501"

if ! curl -fsS "$url/actuator/health" >/dev/null 2>&1; then
  echo "==> No local demo running: starting it for the benchmark (stopped again afterwards)"
  trap '"$root/scripts/local-mode.sh" stop' EXIT
  "$root/scripts/local-mode.sh" start
fi
command -v chromium >/dev/null || { echo "error: chromium is needed (apt-get install chromium)" >&2; exit 1; }
echo "==> Measuring $windows windows from their end to the summary, the topic and the screen"
echo "    (builds the test classes first; progress every 30 s; log: e2e-tests/target/bench-latency.log)"
mkdir -p "$root/e2e-tests/target"
# repackage.skip: the running demo uses the exec jars; leave them alone.
"$root/scripts/mvn.sh" -B -pl e2e-tests -am verify -Dspring-boot.repackage.skip=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=LatencyBenchIT -Dit.failIfNoSpecifiedTests=false -Dbench.url="$url" -Dbench.windows="$windows" \
  >"$root/e2e-tests/target/bench-latency.log" 2>&1 &
build=$!
shown=0
while kill -0 "$build" 2>/dev/null; do
  sleep 5
  lines="$(grep -c -E '^(bench-latency:|  \.\.\. )' "$root/e2e-tests/target/bench-latency.log" 2>/dev/null || true)"
  if (( lines > shown )); then
    grep -E '^(bench-latency:|  \.\.\. )' "$root/e2e-tests/target/bench-latency.log" | tail -n +$((shown + 1))
    shown=$lines
  fi
done
if ! wait "$build"; then
  tail -n 40 "$root/e2e-tests/target/bench-latency.log" >&2
  echo "error: the benchmark failed; see e2e-tests/target/bench-latency.log" >&2
  exit 1
fi
cat "$root/e2e-tests/target/bench-latency.txt"
