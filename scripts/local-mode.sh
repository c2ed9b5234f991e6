#!/usr/bin/env bash
# Local mode (no Docker): builds the jars and runs local-stack (Kafka :19092, PostgreSQL :4566),
# the generator (:8000) and the dashboard (:8501) as background processes.
# Usage: local-mode.sh build | prepare | start [--no-data] | stop | status | running
# Logs and pid files live under .local/ (ignored by git).
# Start-up: local-stack first; the generator and the dashboard as soon as its Kafka and PostgreSQL
# ports answer, the two side by side. On JDK 25+ each service runs from its extracted jar with a JVM
# AOT cache (JEP 483/514, Spring Boot's "AOT cache" recipe) made by a training run after each build
# (.local/aot/; CASINO_AOT=off starts from the plain jars).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=lib/bind.sh
source "$root/scripts/lib/bind.sh" "${1:-}"
# CASINO_LOCAL_STATE: another place for logs, pid files and data (the script tests use a scratch one)
state="${CASINO_LOCAL_STATE:-$root/.local}"
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
    generator) echo "http://localhost:8001/actuator/health" ;;
    dashboard) echo "http://$reach_host:8501/actuator/health" ;;
  esac
}
ports_of() {
  case "$1" in
    local-stack) echo "19092 19093 4566 8090" ;;
    generator) echo "8000 8001" ;;
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

command_of() { ps -o command= -p "$1" 2>/dev/null || true; } # $1 = pid; its command line, empty when gone

# A pid file is trusted only while its process runs this service's jar: after a reboot or a crash the
# number may belong to another program, which must neither be signalled nor taken for the service.
pid_alive() { # $1 = service
  local file="$pids/$1.pid" pid
  [[ -f "$file" ]] || return 1
  pid="$(cat "$file")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && [[ "$(command_of "$pid")" == *"$(basename "$(jar_of "$1")")"* ]]
}

# For a process this script has just launched: it may not have exec'd java yet, so only its pid counts.
still_running() { # $1 = service
  kill -0 "$(cat "$pids/$1.pid")" 2>/dev/null
}

forget_stale_pid() { # $1 = service; removes a pid file whose process is gone or is another program
  local file="$pids/$1.pid"
  if [[ -f "$file" ]] && ! pid_alive "$1"; then
    say "==> Forgetting the pid file of $1: pid $(cat "$file") no longer runs $1"
    rm -f "$file"
  fi
}

# CASINO_BIND moves Kafka's client listener and the two services' ports; PostgreSQL keeps loopback,
# the controller and the management ports (8090, 8001) never leave it (docs/decisions.md D18).
host_of_port() {
  case "$1" in
    19092 | 8000 | 8501) echo "$reach_ip" ;;
    *) echo 127.0.0.1 ;;
  esac
}
port_busy() { (exec 3<>"/dev/tcp/$(host_of_port "$1")/$1") 2>/dev/null; }

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
  build_jars
  prepare
}

build_jars() {
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

# --- JVM AOT cache --------------------------------------------------------------------------------
# Spring Boot's recipe: extract the executable jar (java -Djarmode=tools -jar app.jar extract), do a
# training run with -XX:AOTCacheOutput and -Dspring.context.exit=onRefresh, then run the extracted
# jar with -XX:AOTCache. A cache belongs to one jar and one JDK: .local/aot/<service>/stamp records
# both (jar size and mtime, the JDK's version) with the heap setting, and a cache whose stamp differs
# is made again before it is used. The JDK would refuse a mismatched one anyway (with a warning, and
# a start as slow as without a cache).
aot="$state/aot"
java_home=""

need_jdk() { [[ -n "$java_home" ]] || java_home="$("$root/scripts/find-jdk.sh")"; }

aot_supported() { # exit 0 when the JDK has -XX:AOTCacheOutput (JDK 25+) and CASINO_AOT is not off
  [[ "${CASINO_AOT:-auto}" != off ]] || return 1
  local major; major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$java_home/release")"
  [[ -n "$major" && "$major" -ge 25 ]]
}

aot_stamp() { # $1 = service; what the cache was made from
  local jar; jar="$(jar_of "$1")"
  printf '%s\n' "jar $(basename "$jar") $(stat -c '%s %Y' "$jar")" \
    "jdk $(sed -n 's/^JAVA_RUNTIME_VERSION=//p' "$java_home/release")" "heap $(heap_of "$1")"
}

aot_current() { # $1 = service; exit 0 when its cache exists and matches jar and JDK
  local dir="$aot/$1"
  [[ -s "$dir/app.aot" && -f "$dir/stamp" && -f "$dir/app/$(basename "$(jar_of "$1")")" ]] &&
    [[ "$(cat "$dir/stamp")" == "$(aot_stamp "$1")" ]]
}

# The training run refreshes the application context and exits (spring.context.exit=onRefresh halts
# the JVM before any lifecycle bean starts: no web server binds, no pump or ingest loop runs). Beans
# that start servers during the refresh must not touch the demo's ports or data: local-stack's broker
# and PostgreSQL get free ports and a temporary data directory, and the halted JVM leaves PostgreSQL
# behind, which is stopped here; the generator and the dashboard point at an address nobody serves.
training_args() { # $1 = service, $2 = scratch directory
  case "$1" in
    local-stack) echo "--server.port=0 --casino.local-stack.data-directory=$2 --casino.local-stack.kafka.port=0" \
      "--casino.local-stack.kafka.controller-port=0 --casino.local-stack.sql.port=0" ;;
    generator) echo "--server.port=0 --spring.kafka.bootstrap-servers=127.0.0.1:9 --spring.kafka.admin.auto-create=false" \
      "--casino.generator.auto-start=false --logging.level.org.apache.kafka.clients.NetworkClient=error" ;;
    dashboard) echo "--server.port=0 --spring.datasource.url=jdbc:postgresql://127.0.0.1:9/dev" ;;
  esac
}

train() { # $1 = service; extracts its jar and makes its AOT cache (runs in the background)
  local name="$1" dir="$aot/$1" jar; jar="$(jar_of "$1")"
  local rc=0 scratch; scratch="$(mktemp -d "${TMPDIR:-/tmp}/casino-aot-$name.XXXXXX")"
  rm -rf "$dir" && mkdir -p "$dir"
  (
    cd "$dir"
    "$java_home/bin/java" -Djarmode=tools -jar "$jar" extract --destination "$dir/app" &&
      "$java_home/bin/java" $(heap_of "$name") -XX:AOTCacheOutput="$dir/app.aot" -Dspring.context.exit=onRefresh \
        -jar "$dir/app/$(basename "$jar")" $(training_args "$name" "$scratch")
  ) >"$logs/aot-$name.log" 2>&1 || rc=$?
  local pg="$scratch/postgres/postmaster.pid"
  if [[ -f "$pg" ]]; then
    local pid waited=0; pid="$(head -n 1 "$pg")"
    kill -INT "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && (( waited < 40 )); do sleep 0.5; waited=$((waited + 1)); done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -rf "$scratch"
  if (( rc == 0 )) && [[ -s "$dir/app.aot" ]]; then
    aot_stamp "$name" >"$dir/stamp"
  else
    rm -rf "$dir"
    return 1
  fi
}

# Makes every missing or stale AOT cache, the training runs side by side, with progress lines.
prepare() {
  need_jdk
  if ! aot_supported; then
    if [[ "${CASINO_AOT:-auto}" == off ]]; then
      say "==> CASINO_AOT=off: the services start from their jars, without an AOT cache"
    else
      say "==> JDK $(sed -n 's/^JAVA_VERSION="\([^"]*\)"/\1/p' "$java_home/release") has no -XX:AOTCache (JDK 25+): the services start from their jars"
    fi
    return 0
  fi
  local s todo=() pids_of=() i start=$SECONDS
  for s in "${services[@]}"; do aot_current "$s" || todo+=("$s"); done
  (( ${#todo[@]} )) || return 0
  mkdir -p "$logs" "$aot"
  say "==> Making the JVM's AOT cache for ${todo[*]} (a training run each, once per build; logs: .local/logs/aot-*.log)"
  for s in "${todo[@]}"; do train "$s" & pids_of+=($!); done
  local pending=("${todo[@]}") left
  while (( ${#pending[@]} )); do
    sleep 1
    left=()
    for i in "${!todo[@]}"; do
      [[ " ${pending[*]} " == *" ${todo[$i]} "* ]] || continue
      if kill -0 "${pids_of[$i]}" 2>/dev/null; then
        left+=("${todo[$i]}")
      elif wait "${pids_of[$i]}"; then
        say "==> AOT cache of ${todo[$i]} ready ($((SECONDS - start))s)"
      else
        say "warning: the training run of ${todo[$i]} failed (.local/logs/aot-${todo[$i]}.log); it starts without a cache" >&2
      fi
    done
    pending=("${left[@]}")
    (( ${#pending[@]} && (SECONDS - start) % 10 == 0 )) && say "  ... training ${pending[*]} ($((SECONDS - start))s)"
  done
  return 0
}

# The JVM starts without a cache it cannot use, saying so in the log ("[error][aot] ... Unable to map
# shared spaces"): then the stamp goes, and the next start makes the cache again.
aot_check() { # $1 = service
  [[ -f "$logs/$1.log" ]] && grep -qE '^\[[0-9.]+s\]\[error *\]\[aot' "$logs/$1.log" || return 0
  say "note: the JVM could not use the AOT cache of $1 (see .local/logs/$1.log); the next start makes it again"
  rm -f "$aot/$1/stamp"
}

java_args() { # $1 = service; the JVM options and the jar it runs
  local name="$1" jar; jar="$(jar_of "$1")"
  if aot_supported && aot_current "$name"; then
    echo "$(heap_of "$name") -XX:AOTCache=$aot/$name/app.aot -jar $aot/$name/app/$(basename "$jar")"
  else
    echo "$(heap_of "$name") -jar $jar"
  fi
}

# Waits until every service named answers healthy, with one line as each comes up and a progress
# line every few seconds; ends the script when one exits or stays unhealthy past its limit.
wait_healthy() { # $@ = services
  local pending=("$@") left name limit=180 start=$SECONDS last=$SECONDS
  while (( ${#pending[@]} )); do
    left=()
    for name in "${pending[@]}"; do
      if "$root/scripts/healthy.sh" "$(health_of "$name")"; then
        say "==> $name is up ($(( SECONDS - ${launched[$name]:-$start} ))s)"
        aot_check "$name"
        continue
      fi
      if ! still_running "$name"; then
        say "error: $name exited during start-up; last lines of .local/logs/$name.log:" >&2
        tail -n 30 "$logs/$name.log" >&2
        say "  (the services that did start keep running: make status shows them, make stop stops them)" >&2
        exit 1
      fi
      if (( SECONDS - ${launched[$name]:-$start} > limit )); then
        say "error: $name not healthy at $(health_of "$name") after ${limit}s; see .local/logs/$name.log" >&2
        say "  (the services that did start keep running: make status shows them, make stop stops them)" >&2
        exit 1
      fi
      left+=("$name")
    done
    pending=("${left[@]}")
    if (( ${#pending[@]} )); then
      if (( SECONDS - last >= 3 )); then
        say "  ... waiting for ${pending[*]} ($((SECONDS - start))s)"
        last=$SECONDS
      fi
      sleep 0.5
    fi
  done
}

# Waits until local-stack's Kafka and PostgreSQL ports accept connections: from then on the generator
# finds its broker (and a topic with 3 partitions: local-stack creates it right after it listens, the
# broker's num.partitions is 3 too) and the dashboard its database.
wait_ports_open() {
  local start=$SECONDS last=$SECONDS port
  while true; do
    port_busy 19092 && port_busy 4566 && return 0
    if ! still_running local-stack; then
      say "error: local-stack exited during start-up; last lines of .local/logs/local-stack.log:" >&2
      tail -n 30 "$logs/local-stack.log" >&2
      exit 1
    fi
    if (( SECONDS - start > 180 )); then
      say "error: local-stack's ports 19092 and 4566 not open after 180s; see .local/logs/local-stack.log" >&2
      exit 1
    fi
    if (( SECONDS - last >= 3 )); then
      say "  ... waiting for local-stack's Kafka and PostgreSQL ($((SECONDS - start))s)"
      last=$SECONDS
    fi
    sleep 0.25
  done
}

declare -A launched=()

launch() { # $1 = service, rest = application arguments; starts it in the background
  local name="$1"; shift
  if pid_alive "$name"; then
    say "==> $name already running (pid $(cat "$pids/$name.pid"))"
    return
  fi
  need_jdk
  mkdir -p "$logs" "$pids"
  say "==> Starting $name (log: .local/logs/$name.log)"
  cd "$root"
  # shellcheck disable=SC2046 # java_args is a list of words
  setsid nohup "$java_home/bin/java" $(java_args "$name") "$@" >"$logs/$name.log" 2>&1 </dev/null &
  echo $! >"$pids/$name.pid"
  launched[$name]=$SECONDS
}

check_ports_free() { # every port of every service that is not running, before anything starts
  local name port
  for name in "${services[@]}"; do
    pid_alive "$name" && continue
    for port in $(ports_of "$name"); do
      if port_busy "$port"; then
        say "error: port $port ($name) is taken by another process; free it (lsof -ti:$port) or run 'make stop'" >&2
        exit 1
      fi
    done
  done
}

start() {
  local auto_start=true
  [[ "${1:-}" == "--no-data" ]] && auto_start=false
  build
  recover_from_crash
  check_ports_free
  remember_bind
  launch local-stack "--casino.local-stack.data-directory=$state/data"
  wait_ports_open
  launch generator "--casino.generator.auto-start=$auto_start" "--spring.kafka.bootstrap-servers=$reach_host:19092"
  launch dashboard "--spring.kafka.bootstrap-servers=$reach_host:19092"
  wait_healthy local-stack generator dashboard
  "$root/scripts/addresses.sh" local
}

stop() {
  local i name pid waited
  for (( i=${#services[@]}-1; i>=0; i-- )); do
    name="${services[$i]}"
    [[ -f "$pids/$name.pid" ]] || continue
    pid="$(cat "$pids/$name.pid")"
    if ! pid_alive "$name"; then
      forget_stale_pid "$name"
      continue
    fi
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
  forget_bind
}

# PostgreSQL runs as its own daemon and outlives a local-stack that was killed (kill -9, an OOM kill):
# found by its data directory's postmaster.pid, whose first line is its pid and second its data
# directory, and stopped only when that pid runs postgres on this data directory.
orphaned_postgres() { # prints the pid of the PostgreSQL this demo started, if it runs
  local pidfile="$state/data/postgres/postmaster.pid" pid dir
  [[ -f "$pidfile" ]] || return 0
  pid="$(sed -n 1p "$pidfile")" dir="$(sed -n 2p "$pidfile")"
  [[ "$pid" =~ ^[0-9]+$ && "$dir" == "$state/data/postgres" ]] || return 0
  [[ "$(command_of "$pid")" == *postgres*" -D $dir"* ]] && echo "$pid"
  return 0
}

stop_orphaned_postgres() {
  local pid waited=0
  pid="$(orphaned_postgres)"
  [[ -n "$pid" ]] || return 0
  say "==> Stopping PostgreSQL left behind by local-stack (pid $pid)"
  kill -INT "$pid" 2>/dev/null || true # fast shutdown: rolls back what was open, keeps what was committed
  while kill -0 "$pid" 2>/dev/null && (( waited < 40 )); do sleep 0.5; waited=$((waited + 1)); done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
}

# After a crash of local-stack: forget pid files that point elsewhere, and stop the PostgreSQL it left.
recover_from_crash() {
  local name
  for name in "${services[@]}"; do forget_stale_pid "$name"; done
  # a local-stack whose pid file went missing still answers on its management port: leave its database alone
  if ! pid_alive local-stack && [[ -n "$(orphaned_postgres)" ]] \
      && ! "$root/scripts/healthy.sh" "$(health_of local-stack)" >/dev/null 2>&1; then
    say "==> local-stack did not stop cleanly last time (a crash or kill -9): its PostgreSQL still runs"
    stop_orphaned_postgres
  fi
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
  prepare) prepare ;;
  start) shift; start "$@" ;;
  stop) stop ;;
  status) status ;;
  running) running ;;
  *) say "usage: $0 build | prepare | start [--no-data] | stop | status | running" >&2; exit 2 ;;
esac
