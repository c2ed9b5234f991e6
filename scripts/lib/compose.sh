# Sourced by the scripts that work on the Docker stack: where the repository and its compose file
# are (CASINO_COMPOSE_FILE overrides the file, so the scripts can be tested without the stack), and
# `compose`, Docker Compose on that file. Written for bash 3.2 too (macOS's /bin/bash).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
compose_file="${CASINO_COMPOSE_FILE:-$root/docker-compose.yml}"
compose() { docker compose -f "$compose_file" "$@"; }
# The compose file as `make demo` starts it: without the services of the cluster profile, which `.env`'s
# COMPOSE_PROFILES=single-node leaves off. Each of those names `profiles: [cluster]` itself (docker-compose.yml,
# StackInvariants), so a service's block of lines is enough to tell; every other line passes unchanged.
single_node_compose() {
  awk '
    function flush() { if (!cluster) printf "%s", block; block = ""; cluster = 0 }
    /^[^[:space:]#]/ { flush(); in_services = ($0 ~ /^services:/); print; next }
    in_services && /^  [A-Za-z0-9_.-]+:[[:space:]]*$/ { flush() }
    in_services { block = block $0 "\n"; if ($0 ~ /^    profiles: \[cluster\]/) cluster = 1; next }
    { print }
    END { flush() }' "$compose_file"
}
