#!/usr/bin/env bash
# Calls the generator's control API and prints the JSON answer readably.
# Usage: generator-api.sh METHOD PATH
set -uo pipefail
base="${GENERATOR_URL:-http://localhost:8000}"
body="$(curl -sS -X "$1" -w '\n%{http_code}' "$base$2" 2>&1)" || {
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
[[ "$code" =~ ^2 ]] || { echo "error: HTTP $code from $1 $2" >&2; exit 1; }
