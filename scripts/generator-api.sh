#!/usr/bin/env bash
# Calls the generator's control API and prints the JSON answer readably.
# Usage: generator-api.sh METHOD PATH
set -uo pipefail
# shellcheck source=lib/bind.sh
source "$(dirname "$0")/lib/bind.sh"
base="${GENERATOR_URL:-http://$reach_host:8000}"
# With CASINO_API_KEY set, the generator refuses state-changing calls that lack it (docs/operations.md).
key=()
[[ -n "${CASINO_API_KEY:-}" ]] && key=(-H "X-API-Key: $CASINO_API_KEY")
body="$(curl -sS -X "$1" "${key[@]}" -w '\n%{http_code}' "$base$2" 2>&1)" || {
  echo "error: the generator does not answer at $base — is the demo running? (make status)" >&2
  exit 1
}
code="${body##*$'\n'}"
body="${body%$'\n'*}"
if command -v python3 >/dev/null 2>&1; then
  printf '%s' "$body" | python3 -m json.tool 2>/dev/null || printf '%s\n' "$body"
else
  printf '%s\n' "$body"
fi
[[ "$code" == 401 ]] && { echo "error: the generator wants its API key: export CASINO_API_KEY (the value it was started with)" >&2; exit 1; }
[[ "$code" =~ ^2 ]] || { echo "error: HTTP $code from $1 $2" >&2; exit 1; }
