#!/usr/bin/env bash
# Checks, before anything starts in Docker mode, what would otherwise fail minutes into `make demo`:
# Compose v2 (>= 2.17.0 for `up --wait --wait-timeout`), free host ports, AVX2 for RisingWave's
# x86_64 image and Async I/O capacity for Redpanda. Each failure prints one line of cause and one of
# fix; any failure exits 1, warnings do not. Written for bash 3.2 too (macOS's /bin/bash).
# Usage: docker-preflight.sh [--list-ports]   (--list-ports: print "port service" per published port)
#
# Where to look is overridable, so the checks can be tested without Docker or this machine's CPU:
#   CASINO_COMPOSE_FILE (docker-compose.yml)  CASINO_CPUINFO (/proc/cpuinfo)
#   CASINO_PROC_SYS_FS (/proc/sys/fs)         CASINO_UNAME_S, CASINO_UNAME_M (uname -s, uname -m)
set -euo pipefail

. "$(dirname "$0")/lib/compose.sh"
cpuinfo="${CASINO_CPUINFO:-/proc/cpuinfo}"
proc_sys_fs="${CASINO_PROC_SYS_FS:-/proc/sys/fs}"
os="${CASINO_UNAME_S:-$(uname -s)}"
arch="${CASINO_UNAME_M:-$(uname -m)}"
bind="${CASINO_BIND:-127.0.0.1}"

# `up --wait` exists since Compose v2.1.1, `--wait-timeout` since v2.17.0 (docker/compose 9ac0392ba);
# `pull --ignore-buildable` since v2.15.0.
compose_min=2.17.0
# Async I/O slots Redpanda's one shard (--smp 1) asks for: Seastar's storage queue plus its
# networking control blocks. Redpanda's own report of the failure (redpanda-data/docs#287) shows
# "requested:132312" for 12 shards, 11,026 per shard.
aio_needed=11026

failures=0
ok() { printf '  ok    %s\n' "$1"; }
fail() { printf '  FAIL  %s\n        fix: %s\n' "$1" "$2"; failures=$((failures + 1)); }
warn() { printf '  warn  %s\n' "$1"; }

# "port service" for every port the single-node stack of docker-compose.yml publishes (the cluster
# profile's are the same ports, held by other services, and make demo does not start them). Its invariant
# test (StackInvariants) holds every published port to the form "${CASINO_BIND:-127.0.0.1}:HOST:CONTAINER",
# so this reads the one list there is instead of keeping a second one here.
published_ports() {
  single_node_compose | awk '
    /^  [A-Za-z0-9_.-]+:[[:space:]]*$/ { service = $1; sub(":", "", service) }
    /^[[:space:]]*- "\$\{CASINO_BIND:-127\.0\.0\.1\}:[0-9]+:[0-9]+/ {
      line = $0; sub(/.*\}:/, "", line); split(line, parts, ":"); print parts[1], service
    }'
}

port_in_use() { # $1 = port; a connection that opens means something listens there
  local host="$bind"
  [[ "$host" == 0.0.0.0 ]] && host=127.0.0.1
  (exec 3<>"/dev/tcp/$host/$1") 2>/dev/null
}

version_at_least() { # $1 = version, $2 = minimum, both x.y.z
  local IFS=.
  local -a have want
  read -r -a have <<<"$1"
  read -r -a want <<<"$2"
  local i
  for i in 0 1 2; do
    local h="${have[$i]:-0}" w="${want[$i]:-0}"
    h="${h%%[!0-9]*}"; h="${h:-0}"
    if (( h > w )); then return 0; fi
    if (( h < w )); then return 1; fi
  done
  return 0
}

check_compose() {
  local version
  if ! version="$(docker compose version --short 2>/dev/null)" || [[ -z "$version" ]]; then
    fail "Docker Compose v2 not found: 'docker compose version' fails (the old 'docker-compose' v1 is not enough)" \
      "install the Compose plugin (Docker Desktop has it; on Linux the docker-compose-plugin package), or use local mode: make local"
    return
  fi
  version="${version#v}"
  if version_at_least "$version" "$compose_min"; then
    ok "Docker Compose $version (>= $compose_min)"
  else
    fail "Docker Compose $version is older than $compose_min, which 'make demo' needs for 'up --wait --wait-timeout'" \
      "update Docker Desktop or the docker-compose-plugin package, or use local mode: make local"
  fi
}

check_ports() {
  local ports; ports="$(published_ports)"
  if [[ -z "$ports" ]]; then
    fail "no published port found in $compose_file" "publish ports as \"\${CASINO_BIND:-127.0.0.1}:HOST:CONTAINER\" (see StackInvariants)"
    return
  fi
  if [[ -n "$(compose ps -q 2>/dev/null)" ]]; then
    ok "host ports: the Docker stack already runs and holds them"
    return
  fi
  local port service busy=0
  while read -r port service; do
    if port_in_use "$port"; then
      fail "port $port (for $service) is already in use on $bind" \
        "free it (see who holds it: lsof -i :$port), or run 'make stop' if a local-mode demo runs"
      busy=1
    fi
  done <<<"$ports"
  (( busy )) || ok "host ports free on $bind: $(echo $(cut -d' ' -f1 <<<"$ports"))"
}

check_cpu() {
  case "$arch" in
    x86_64 | amd64) ;;
    arm64 | aarch64)
      ok "CPU $arch: RisingWave's ARM64 image needs NEON, standard on ARMv8"
      return ;;
    *)
      warn "CPU $arch: RisingWave publishes images for x86_64 and ARM64 only"
      return ;;
  esac
  local fix="use local mode (make local), or build RisingWave's image with --build-arg simd_disabled=true (docs.risingwave.com/deploy/hardware-requirements)"
  local flags
  if [[ "$os" == Darwin ]]; then
    if ! flags="$(sysctl -n machdep.cpu.leaf7_features 2>/dev/null)"; then
      warn "cannot read the CPU features (sysctl machdep.cpu.leaf7_features); RisingWave's x86_64 image needs AVX2"
      return
    fi
  elif [[ -r "$cpuinfo" ]]; then
    flags="$(grep -m1 '^flags' "$cpuinfo" || true)"
  else
    warn "cannot read $cpuinfo; RisingWave's x86_64 image needs AVX2"
    return
  fi
  if grep -qiw avx2 <<<"$flags"; then
    ok "CPU has AVX2 (RisingWave's x86_64 image needs it)"
  else
    fail "this CPU lacks AVX2, which RisingWave's x86_64 image needs (it would exit with code 132, SIGILL)" "$fix"
  fi
}

check_aio() {
  local backend="${CASINO_REDPANDA_REACTOR_BACKEND:-linux-aio}"
  if [[ "$backend" == epoll ]]; then
    ok "Redpanda runs on the epoll reactor (CASINO_REDPANDA_REACTOR_BACKEND=epoll): no Async I/O slots needed"
    return
  fi
  if [[ "$os" != Linux ]]; then
    ok "Async I/O: checked inside Docker Desktop's VM, not here; if Redpanda logs 'Could not setup Async I/O', run CASINO_REDPANDA_REACTOR_BACKEND=epoll make demo"
    return
  fi
  local max used
  if ! max="$(cat "$proc_sys_fs/aio-max-nr" 2>/dev/null)" || ! used="$(cat "$proc_sys_fs/aio-nr" 2>/dev/null)"; then
    warn "cannot read $proc_sys_fs/aio-max-nr; Redpanda needs about $aio_needed Async I/O slots"
    return
  fi
  local free=$((max - used))
  if (( free >= aio_needed )); then
    ok "Async I/O: $free slots free (fs.aio-max-nr $max, in use $used), Redpanda needs about $aio_needed"
  else
    fail "only $free Async I/O slots free (fs.aio-max-nr $max, in use $used); Redpanda needs about $aio_needed and would exit with 'Could not setup Async I/O'" \
      "sudo sysctl -w fs.aio-max-nr=1048576 (keep it: echo fs.aio-max-nr=1048576 | sudo tee /etc/sysctl.d/99-redpanda.conf), or CASINO_REDPANDA_REACTOR_BACKEND=epoll make demo"
  fi
}

# Warnings only: the stack may still start.
check_memory() {
  local bytes
  bytes="$(docker info --format '{{.MemTotal}}' 2>/dev/null || true)"
  [[ "$bytes" =~ ^[0-9]+$ ]] || return 0
  local mib=$((bytes / 1048576))
  if (( mib < 6144 )); then
    warn "Docker has ${mib} MiB of memory; the stack's limits add up to almost 6 GiB, so a service may be OOM-killed (raise Docker Desktop's memory, or use make local)"
  fi
}

check_bind() {
  case "$bind" in
    127.0.0.1 | localhost | ::1) ;;
    *) warn "CASINO_BIND=$bind: every published port is reachable from other machines (no sign-in on Console or RisingWave)" ;;
  esac
}

if [[ "${1:-}" == --list-ports ]]; then
  published_ports
  exit 0
fi

echo "==> Preflight for the Docker stack"
check_compose
check_ports
check_cpu
check_aio
check_memory
check_bind
if (( failures > 0 )); then
  echo "error: $failures preflight check(s) failed; nothing was started (docs/operations.md, Troubleshooting)" >&2
  exit 1
fi
