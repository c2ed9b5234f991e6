#!/usr/bin/env bash
# Generator benchmark (docs/benchmarks.md, "## Generator"): (a) top throughput into a Kafka broker
# against Kafka's ProducerPerformance, (b) rate accuracy at 1 to 10,000 events/s. Takes ~5 minutes.
# Options: BENCH_RECORDS (per throughput round, 1000000), BENCH_ROUNDS (3), BENCH_RATE_SECONDS (30),
# BENCH_RATES (1,5,10,100,1000,10000).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
echo "Building the generator and its benchmark ..."
"$root/scripts/mvn.sh" -B -q -pl generator-service -DskipTests test-compile
exec "$root/scripts/mvn.sh" -B -q -pl generator-service exec:exec@bench-generator \
  -Dbench.records="${BENCH_RECORDS:-1000000}" -Dbench.rounds="${BENCH_ROUNDS:-3}" \
  -Dbench.rateSeconds="${BENCH_RATE_SECONDS:-30}" -Dbench.rates="${BENCH_RATES:-1,5,10,100,1000,10000}"
