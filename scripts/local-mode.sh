#!/usr/bin/env bash
# Local mode (no Docker): builds the jars and runs local-stack (Kafka :19092, PostgreSQL :4566),
# the generator (:8000) and the dashboard (:8501) as background processes.
# Usage: local-mode.sh build | start [--no-data] | stop | status
# Logs and pid files live under .local/ (ignored by git).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
state="$root/.local"
logs="$state/logs"
pids="$state/pids"
services=(local-stack generator dashboard)

jar_of() {
  case "$1" in
    local-stack) echo "$root/local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar" ;;
    generator) echo "$root/generator-service/target/generator-service-0.1.0-SNAPSHOT-exec.jar" ;;
    dashboard) echo "$root/dashboard-service/target/dashboard-service-0.1.0-SNAPSHOT-exec.jar" ;;
  esac
}
health_of() {
  case "$1" in
    local-stack) echo "http://localhost:8090/actuator/health" ;;
    generator) echo "http://localhost:8000/actuator/health" ;;
    dashboard) echo "http://localhost:8501/actuator/health" ;;
  esac
}
ports_of() {
  case "$1" in
    local-stack) echo "19092 19093 4566 8090" ;;
    generator) echo "8000" ;;
    dashboard) echo "8501" ;;
  esac
}
heap_of() {
  case "$1" in
    local-stack) echo "-Xmx1g" ;;
    generator) echo "-Xmx384m" ;;
    dashboard) echo "-Xmx512m" ;;
  esac
}

say() { printf '%s\n' "$*"; }

# Runs "$@" in the background with its output in a log file, printing the elapsed time every few
# seconds until it ends.
with_progress() {
  local label="$1" log="$2"; shift 2
  local start=$SECONDS
  "$@" >"$log" 2>&1 &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 5
    kill -0 "$pid" 2>/dev/null && say "  ... $label ($((SECONDS - start))s)"
  done
  wait "$pid"
}

pid_alive() { # $1 = service
  local file="$pids/$1.pid"
  [[ -f "$file" ]] && kill -0 "$(cat "$file")" 2>/dev/null
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

jars_stale() {
  local s jar
  for s in "${services[@]}"; do
    jar="$(jar_of "$s")"
    [[ -f "$jar" ]] || return 0
    # Vaadin writes src/main/frontend/generated during the build itself: not a source change.
    if [[ -n "$(find "$root"/pom.xml "$root"/*/pom.xml "$root"/*/src/main "$root"/risingwave -newer "$jar" -type f \
          -not -path '*/src/main/frontend/generated/*' -print -quit 2>/dev/null)" ]]; then
      return 0
    fi
  done
  return 1
}

build() {
  if ! jars_stale; then
    say "==> Jars are up to date"
    return
  fi
  mkdir -p "$logs"
  say "==> Building the three services (the first build downloads dependencies from Maven Central; log: .local/logs/build.log)"
  if ! with_progress "building" "$logs/build.log" "$root/scripts/mvn.sh" -B -DskipTests -Pproduction package; then
    tail -n 40 "$logs/build.log" >&2
    say "error: the build failed; the full log is .local/logs/build.log" >&2
    exit 1
  fi
  say "==> Build done"
}

wait_healthy() { # $1 = service
  local url; url="$(health_of "$1")"
  local start=$SECONDS limit=180
  until "$root/scripts/healthy.sh" "$url"; do
    if ! pid_alive "$1"; then
      say "error: $1 exited during start-up; last lines of .local/logs/$1.log:" >&2
      tail -n 30 "$logs/$1.log" >&2
      exit 1
    fi
    if (( SECONDS - start > limit )); then
      say "error: $1 not healthy at $url after ${limit}s; see .local/logs/$1.log" >&2
      exit 1
    fi
    say "  ... waiting for $1 ($((SECONDS - start))s)"
    sleep 2
  done
  say "==> $1 is up ($((SECONDS - start))s)"
}

start_service() { # $1 = service, rest = application arguments
  local name="$1"; shift
  if pid_alive "$name"; then
    say "==> $name already running (pid $(cat "$pids/$name.pid"))"
    return
  fi
  local port
  for port in $(ports_of "$name"); do
    if port_busy "$port"; then
      say "error: port $port is taken by another process; free it (lsof -ti:$port) or run 'make stop'" >&2
      exit 1
    fi
  done
  local java_home; java_home="$("$root/scripts/find-jdk.sh")"
  mkdir -p "$logs" "$pids"
  say "==> Starting $name (log: .local/logs/$name.log)"
  cd "$root"
  setsid nohup "$java_home/bin/java" $(heap_of "$name") -jar "$(jar_of "$name")" "$@" \
      >"$logs/$name.log" 2>&1 </dev/null &
  echo $! >"$pids/$name.pid"
  wait_healthy "$name"
}

start() {
  local auto_start=true
  [[ "${1:-}" == "--no-data" ]] && auto_start=false
  build
  start_service local-stack "--casino.local-stack.data-directory=$state/data"
  start_service generator "--casino.generator.auto-start=$auto_start"
  start_service dashboard
  "$root/scripts/addresses.sh" local
}

stop() {
  local i name pid waited
  for (( i=${#services[@]}-1; i>=0; i-- )); do
    name="${services[$i]}"
    [[ -f "$pids/$name.pid" ]] || continue
    pid="$(cat "$pids/$name.pid")"
    if kill -0 "$pid" 2>/dev/null; then
      say "==> Stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      waited=0
      while kill -0 "$pid" 2>/dev/null && (( waited < 60 )); do sleep 0.5; waited=$((waited + 1)); done
      if kill -0 "$pid" 2>/dev/null; then
        say "  $name did not stop within 30s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
    rm -f "$pids/$name.pid"
  done
  stop_orphaned_postgres
}

# PostgreSQL runs as its own daemon; if local-stack died without closing it, stop it by its pid file.
stop_orphaned_postgres() {
  local pidfile="$state/data/postgres/postmaster.pid" pid waited=0
  [[ -f "$pidfile" ]] || return 0
  pid="$(head -n 1 "$pidfile")"
  kill -0 "$pid" 2>/dev/null || return 0
  say "==> Stopping PostgreSQL left behind by local-stack (pid $pid)"
  kill -INT "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && (( waited < 40 )); do sleep 0.5; waited=$((waited + 1)); done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
}

status() {
  local name
  for name in "${services[@]}"; do
    if pid_alive "$name"; then
      if "$root/scripts/healthy.sh" "$(health_of "$name")"; then
        printf '  %-12s running (pid %s), healthy\n' "$name" "$(cat "$pids/$name.pid")"
      else
        printf '  %-12s running (pid %s), NOT healthy at %s\n' "$name" "$(cat "$pids/$name.pid")" "$(health_of "$name")"
      fi
    else
      printf '  %-12s stopped\n' "$name"
    fi
  done
}

running() { # exit 0 when any local service runs
  local name
  for name in "${services[@]}"; do pid_alive "$name" && return 0; done
  return 1
}

case "${1:-}" in
  build) build ;;
  start) shift; start "$@" ;;
  stop) stop ;;
  status) status ;;
  running) running ;;
  *) say "usage: $0 build | start [--no-data] | stop | status | running" >&2; exit 2 ;;
esac
