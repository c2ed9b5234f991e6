# Sourced by the scripts that work on the Docker stack: where the repository and its compose file
# are (CASINO_COMPOSE_FILE overrides the file, so the scripts can be tested without the stack), and
# `compose`, Docker Compose on that file. Written for bash 3.2 too (macOS's /bin/bash).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
compose_file="${CASINO_COMPOSE_FILE:-$root/docker-compose.yml}"
compose() { docker compose -f "$compose_file" "$@"; }
