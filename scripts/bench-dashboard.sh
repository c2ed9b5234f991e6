#!/usr/bin/env bash
# Dashboard benchmark: server heap per open browser session (50 sessions) and SQL statements per
# refresh with 1 and with 50 sessions. Uses the running local demo (`make demo`, local mode), or starts
# it for the run and stops it after. The dashboard's pid comes from .local/pids; GCs are triggered
# with jcmd before each heap reading.
# Sessions are real: headless chromium (Playwright), one browser context per session, each showing
# the Hotel tab and receiving the pushes, signed in as the demo's host; the metrics are read as the
# manager (CASINO_MANAGER_USERNAME / CASINO_MANAGER_PASSWORD when the demo accounts were replaced).
# Harness: e2e-tests/src/test/.../DashboardSessionsBenchIT.
# Usage: scripts/bench-dashboard.sh [sessions=50] [seconds per measurement=30]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sessions="${1:-50}"
span="${2:-30}"
url="http://localhost:8501"
pid_file="$root/.local/pids/dashboard.pid"

if ! curl -fsS "$url/actuator/health" >/dev/null 2>&1 || [[ ! -f "$pid_file" ]]; then
  # `make bench` runs unattended: bring the local demo up for the measurement and down again after.
  echo "==> No local demo running: starting it for the benchmark (stopped again afterwards)"
  trap '"$root/scripts/local-mode.sh" stop' EXIT
  "$root/scripts/local-mode.sh" start
fi
command -v chromium >/dev/null || { echo "error: chromium is needed (apt-get install chromium)" >&2; exit 1; }
echo "==> Benchmarking the dashboard (pid $(cat "$pid_file")) with $sessions browser sessions, ${span}s per measurement"
echo "    (builds the test classes first; log: e2e-tests/target/bench-dashboard.log)"
mkdir -p "$root/e2e-tests/target"
# repackage.skip: the running demo uses the exec jars; leave them alone.
# it.failIfNoSpecifiedTests: local-stack, built in the same reactor, has Failsafe tests of its own.
if ! "$root/scripts/mvn.sh" -B -pl e2e-tests -am verify -Dspring-boot.repackage.skip=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=DashboardSessionsBenchIT -Dit.failIfNoSpecifiedTests=false -Dbench.url="$url" -Dbench.pid="$(cat "$pid_file")" \
    -Dbench.sessions="$sessions" -Dbench.seconds="$span" -Ddashboard.user="${CASINO_MANAGER_USERNAME:-manager}" \
    -Ddashboard.password="${CASINO_MANAGER_PASSWORD:-manager-demo}" >"$root/e2e-tests/target/bench-dashboard.log" 2>&1; then
  tail -n 40 "$root/e2e-tests/target/bench-dashboard.log" >&2
  echo "error: the benchmark failed; see e2e-tests/target/bench-dashboard.log" >&2
  exit 1
fi
cat "$root/e2e-tests/target/bench-dashboard.txt"
