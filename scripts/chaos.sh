#!/usr/bin/env bash
# make chaos: faults done to the running local demo, one scenario after the other (issue 13). Starts the
# local demo when none runs (and stops it afterwards). Each scenario prints one line; the last line is
# "chaos: N scenarios, N passed, N failed". Takes 6 to 9 minutes. Harness: e2e-tests/src/test/.../chaos/ChaosIT.
# It kills and freezes the demo's processes on purpose; make demo brings it back in the first scenario.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v chromium >/dev/null || { echo "error: chromium is needed for the dashboards scenario (apt-get install chromium)" >&2; exit 1; }
started=""
if ! "$root/scripts/local-mode.sh" running; then
  if curl -fsS http://127.0.0.1:8501/actuator/health >/dev/null 2>&1; then
    echo "error: make chaos kills and freezes the local stack's processes; the dashboard here is not the local demo's (the Docker stack?). Stop it first (make stop)." >&2
    exit 1
  fi
  echo "==> No local demo running: starting it for the chaos run (stopped again afterwards)"
  "$root/scripts/local-mode.sh" start
  started=yes
fi
finish() {
  if [[ -n "$started" ]]; then "$root/scripts/local-mode.sh" stop; fi
}
trap finish EXIT
echo "==> Building the harness, then running the scenarios (log: e2e-tests/target/chaos.log)"
mkdir -p "$root/e2e-tests/target"
rm -f "$root/e2e-tests/target/chaos.txt"
# repackage.skip: the running demo uses the exec jars; leave them alone.
"$root/scripts/mvn.sh" -B -pl e2e-tests -am verify -Dspring-boot.repackage.skip=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ChaosIT -Dit.failIfNoSpecifiedTests=false -Dchaos.root="$root" \
  >"$root/e2e-tests/target/chaos.log" 2>&1 &
build=$!
shown=0
while kill -0 "$build" 2>/dev/null; do
  sleep 2
  lines="$(grep -c -E '^chaos: (running|PASSED|FAILED)' "$root/e2e-tests/target/chaos.log" 2>/dev/null || true)"
  if (( lines > shown )); then
    grep -E '^chaos: (running|PASSED|FAILED)' "$root/e2e-tests/target/chaos.log" | tail -n +$((shown + 1))
    shown=$lines
  fi
done
wait "$build" || true
if [[ ! -f "$root/e2e-tests/target/chaos.txt" ]]; then
  tail -n 40 "$root/e2e-tests/target/chaos.log" >&2
  echo "error: the chaos harness did not finish; see e2e-tests/target/chaos.log" >&2
  exit 1
fi
summary="$(tail -n 1 "$root/e2e-tests/target/chaos.txt")"
finish
trap - EXIT
echo "$summary"
[[ "$summary" == *", 0 failed" ]]
