#!/usr/bin/env bash
# Applies risingwave/setup_risingwave.sql to RisingWave by hand, with psql.
#
# The generator applies the same file by itself at start-up (CASINO_SCHEMA_ENABLED=true),
# so this script is for manual use: after changing the SQL, or when the generator runs
# with the schema initialiser switched off. Every statement is IF NOT EXISTS or
# idempotent, so running it twice is harmless. A changed view definition is NOT applied
# to an existing view: drop the view first (see risingwave/README.md).
#
# Prerequisites: psql on PATH (the RisingWave image has none), and the topic
# gaming-transactions already created (redpanda/init-redpanda.sh), because
# CREATE SOURCE fails on a topic that does not exist.
#
# Environment (defaults in brackets):
#   RW_HOST [localhost]  RW_PORT [4566]  RW_DB [dev]  RW_USER [root]
#   RW_KAFKA_BROKER [redpanda:9092]  broker address as seen from RisingWave; replaces
#                                    the literal in the SQL file, as the generator does
#   RW_MAX_ATTEMPTS [60]  RW_RETRY_SECONDS [2]
#   RW_SQL_FILE [setup_risingwave.sql next to this script]
#
# Example from the host while the compose stack runs:
#   ./risingwave/init-risingwave.sh
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
host="${RW_HOST:-localhost}"
port="${RW_PORT:-4566}"
db="${RW_DB:-dev}"
user="${RW_USER:-root}"
broker="${RW_KAFKA_BROKER:-redpanda:9092}"
max_attempts="${RW_MAX_ATTEMPTS:-60}"
retry_seconds="${RW_RETRY_SECONDS:-2}"
sql_file="${RW_SQL_FILE:-${script_dir}/setup_risingwave.sql}"

if ! command -v psql >/dev/null 2>&1; then
  echo "psql not found. Install the PostgreSQL client (Debian/Ubuntu: apt-get install postgresql-client," >&2
  echo "macOS: brew install libpq) and run this script again." >&2
  exit 1
fi
if [[ ! -r "${sql_file}" ]]; then
  echo "Cannot read ${sql_file}." >&2
  exit 1
fi

psql_base=(psql -h "${host}" -p "${port}" -d "${db}" -U "${user}" --no-psqlrc -X -q)

attempt=1
until "${psql_base[@]}" -tA -c 'SELECT 1' >/dev/null 2>&1; do
  if (( attempt >= max_attempts )); then
    echo "RisingWave not ready at ${host}:${port} after ${max_attempts} attempts, giving up." >&2
    echo "Check it with: docker compose ps risingwave ; docker logs risingwave" >&2
    exit 1
  fi
  echo "RisingWave not ready at ${host}:${port}, retrying in ${retry_seconds} s (attempt ${attempt}/${max_attempts})"
  attempt=$(( attempt + 1 ))
  sleep "${retry_seconds}"
done
echo "RisingWave ready at ${host}:${port} (attempt ${attempt}/${max_attempts})"

# The SQL names the broker as the literal 'redpanda:9092' exactly once; replace it when asked.
tmp_sql="$(mktemp)"
trap 'rm -f "${tmp_sql}"' EXIT
sed "s|'redpanda:9092'|'${broker}'|" "${sql_file}" > "${tmp_sql}"

echo "Applying ${sql_file} (broker ${broker}) to ${db} at ${host}:${port} as ${user}"
"${psql_base[@]}" -v ON_ERROR_STOP=1 -f "${tmp_sql}"

echo "Schema applied. Relations now present:"
"${psql_base[@]}" -c 'SHOW SOURCES' -c 'SHOW TABLES' -c 'SHOW MATERIALIZED VIEWS'
