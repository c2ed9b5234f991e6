#!/bin/sh
# Creates the Kafka topics of the demo on Redpanda with rpk. Safe to run again.
#
#   gaming-transactions      3 partitions  events from the generator (key = member_id)
#   gaming-transactions-dlt  1 partition   dead-letter topic for records a consumer could not handle
#
# The generator also creates gaming-transactions at start-up, so this script is for manual
# use and for setups without the generator. The topic must exist before RisingWave's
# CREATE SOURCE runs (risingwave/init-risingwave.sh).
#
# rpk ships in the Redpanda image. Typical use while the compose stack runs:
#   docker exec -i redpanda sh -s < redpanda/init-redpanda.sh
# or from the host with rpk installed:
#   REDPANDA_BROKERS=localhost:19092 ./redpanda/init-redpanda.sh
#
# Environment (defaults in brackets):
#   REDPANDA_BROKERS [localhost:9092]  Kafka API address as seen from where this runs
#   TOPIC [gaming-transactions]  PARTITIONS [3]  DLT_PARTITIONS [1]  REPLICAS [1]
#   MAX_ATTEMPTS [30]  RETRY_SECONDS [2]
set -eu

brokers="${REDPANDA_BROKERS:-localhost:9092}"
topic="${TOPIC:-gaming-transactions}"
dlt_topic="${topic}-dlt"
partitions="${PARTITIONS:-3}"
dlt_partitions="${DLT_PARTITIONS:-1}"
replicas="${REPLICAS:-1}"
max_attempts="${MAX_ATTEMPTS:-30}"
retry_seconds="${RETRY_SECONDS:-2}"

if ! command -v rpk >/dev/null 2>&1; then
  echo "rpk not found. Run this script inside the Redpanda container" >&2
  echo "(docker exec -i redpanda sh -s < redpanda/init-redpanda.sh) or install rpk." >&2
  exit 1
fi

attempt=1
until rpk topic list -X brokers="${brokers}" >/dev/null 2>&1; do
  if [ "${attempt}" -ge "${max_attempts}" ]; then
    echo "Redpanda not ready at ${brokers} after ${max_attempts} attempts, giving up." >&2
    echo "Check it with: docker compose ps redpanda ; docker logs redpanda" >&2
    exit 1
  fi
  echo "Redpanda not ready at ${brokers}, retrying in ${retry_seconds} s (attempt ${attempt}/${max_attempts})"
  attempt=$((attempt + 1))
  sleep "${retry_seconds}"
done
echo "Redpanda ready at ${brokers} (attempt ${attempt}/${max_attempts})"

# create_topic NAME PARTITIONS
# --if-not-exists exists in rpk since v25.3 (redpanda PR #28193). Older rpk answers
# TOPIC_ALREADY_EXISTS with exit code 1, which is treated as success here too.
create_topic() {
  name="$1"
  count="$2"
  if output="$(rpk topic create "${name}" -p "${count}" -r "${replicas}" --if-not-exists -X brokers="${brokers}" 2>&1)"; then
    echo "Topic ${name}: present (${count} partitions requested)"
    return 0
  fi
  case "${output}" in
    *TOPIC_ALREADY_EXISTS*)
      echo "Topic ${name}: already exists"
      return 0
      ;;
    *"unknown flag"*)
      if output="$(rpk topic create "${name}" -p "${count}" -r "${replicas}" -X brokers="${brokers}" 2>&1)"; then
        echo "Topic ${name}: created"
        return 0
      fi
      case "${output}" in
        *TOPIC_ALREADY_EXISTS*)
          echo "Topic ${name}: already exists"
          return 0
          ;;
      esac
      ;;
  esac
  echo "Topic ${name}: creation failed:" >&2
  echo "${output}" >&2
  return 1
}

create_topic "${topic}" "${partitions}"
create_topic "${dlt_topic}" "${dlt_partitions}"

rpk topic list -X brokers="${brokers}"
