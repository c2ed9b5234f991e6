# Sourced by the scripts that reach the demo's services: `reach_host`, the host that reaches the
# listeners CASINO_BIND opens (docs/operations.md, "Ports on the network"). Loopback and the
# wildcards are reached on 127.0.0.1; one address of this machine only on that address, in both
# modes (Docker publishes the ports there alone, local mode's services listen there alone).
# The scripts that start the demo source it with `start`: CASINO_BIND alone decides, and
# `remember_bind` keeps the choice in .local/bind, so the other commands (make check, make inject)
# reach the demo where it runs without the variable. Written for bash 3.2 too (macOS's /bin/bash).
bind_file="${CASINO_LOCAL_STATE:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.local}/bind"
if [[ "${1:-}" == start ]]; then
  casino_bind="${CASINO_BIND:-127.0.0.1}"
else
  casino_bind="${CASINO_BIND:-$(cat "$bind_file" 2>/dev/null || echo 127.0.0.1)}"
fi
case "$casino_bind" in
  127.0.0.1 | localhost | 0.0.0.0 | :: | '[::]') reach_host=127.0.0.1 ;;
  *:*) reach_host="[$casino_bind]" ;;
  *) reach_host="$casino_bind" ;;
esac
reach_ip="${reach_host#[}" reach_ip="${reach_ip%]}" # without an IPv6 address's brackets: for psql and /dev/tcp
bind_open() { [[ "$casino_bind" != 127.* && "$casino_bind" != localhost && "$casino_bind" != ::1 ]]; }
remember_bind() { mkdir -p "$(dirname "$bind_file")" && printf '%s\n' "$casino_bind" >"$bind_file"; }
forget_bind() { rm -f "$bind_file"; }
