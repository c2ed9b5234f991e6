#!/usr/bin/env bash
# make bench-scale (issue 14): the local demo with a 20,000-member roster and 10,000,000 events already stored,
# played at 2,000 events/s for 5 to 9 minutes (until a minute after the close of a window with 150 s of the run in
# it). Measures ingest, lag from event time to the live view, every dashboard
# query (p95 of the slowest) and the resident memory of the three processes. Not part of `make test`.
# Runs on a scratch state directory with the demo's ports, so the demo must be stopped. Takes 10-14 minutes.
# Options as system properties: BENCH_OPTS="-Dbench.backfill=1000000 -Dbench.live-seconds=60 -Dbench.rate=2000"
# (bench.members must equal MEMBERS). The last line reads:
#   scale: members=N rate=R ingest=X lag_p95=S query_p95=M rss_mb=T
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
members="${MEMBERS:-20000}"
if "$root/scripts/local-mode.sh" running || curl -fsS http://127.0.0.1:8501/actuator/health >/dev/null 2>&1; then
  echo "error: make bench-scale starts its own local stack on the demo's ports; stop the demo first (make stop)" >&2
  exit 1
fi
cd "$root/e2e-tests"
java_home="$("$root/scripts/find-jdk.sh")"
mkdir -p target
echo "==> Building the services and the benchmark (log: e2e-tests/target/bench-build.log)"
if ! "$root/scripts/mvn.sh" -B -q -pl e2e-tests -am -DskipTests package dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >target/bench-build.log 2>&1; then
  tail -n 30 target/bench-build.log >&2
  echo "error: the build failed; see e2e-tests/target/bench-build.log" >&2
  exit 1
fi
state="$(mktemp -d /tmp/bench-scale-XXXXXX)"
finish() {
  echo "==> Stopping the benchmark's stack"
  CASINO_LOCAL_STATE="$state" "$root/scripts/local-mode.sh" stop >/dev/null 2>&1 || true
  rm -rf "$state"
}
trap finish EXIT
echo "==> Starting the local stack with $members members, the generator idle (state: $state)"
CASINO_LOCAL_STATE="$state" CASINO_SIMULATION_MEMBERS="$members" CASINO_AOT=off \
  "$root/scripts/local-mode.sh" start --no-data
echo "==> Backfill, then the live run (progress every 5 s while loading, every 30 s while live)"
timeout 840 "$java_home/bin/java" -Xmx2g -Dbench.members="$members" -Dbench.state="$state" ${BENCH_OPTS:-} \
  -cp "target/test-classes:$(cat target/bench-classpath.txt)" org.casinoloyalty.e2e.bench.ScaleBenchmark \
  | tee target/bench-scale.log
# the report's last line is the result; printed last, after the stack is stopped
trap - EXIT
finish
tail -n 1 target/bench-scale.txt
