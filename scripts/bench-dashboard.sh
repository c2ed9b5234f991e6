#!/usr/bin/env bash
# Dashboard benchmark: server heap per open browser session (50 sessions) and SQL statements per
# refresh interval with 1 and with 50 sessions. Needs the local demo running (`make demo`, local mode):
# it reads the dashboard's pid from .local/pids and triggers GCs with jcmd.
# Sessions are opened over plain HTTP: GET /hotel creates a Vaadin session and UI (the initial UI state is
# in the page), whose layout subscribes to the shared poller; the poller's subscriber gauge confirms it.
# Usage: scripts/bench-dashboard.sh [sessions=50] [seconds per measurement=30]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sessions="${1:-50}"
span="${2:-30}"
url="http://localhost:8501"
pid_file="$root/.local/pids/dashboard.pid"
java_home="$("$root/scripts/find-jdk.sh")"
jcmd="$java_home/bin/jcmd"

if ! curl -fsS "$url/actuator/health" >/dev/null 2>&1 || [[ ! -f "$pid_file" ]]; then
  echo "error: no local dashboard on $url; start the demo first: make demo (local mode)" >&2
  exit 1
fi
pid="$(cat "$pid_file")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

metric() { # $1 = name, $2 = optional tag
  curl -fsS "$url/actuator/metrics/$1${2:+?tag=$2}" | sed -E 's/.*"value":([0-9.E+-]+).*/\1/'
}
heap_after_gc() {
  "$jcmd" "$pid" GC.run >/dev/null
  "$jcmd" "$pid" GC.run >/dev/null
  metric jvm.memory.used area:heap
}
open_session() { # $1 = index
  curl -fsS -c "$work/jar$1" -b "$work/jar$1" "$url/hotel" -o /dev/null
}
wait_subscribers() { # $1 = at least
  local n=0
  for _ in $(seq 1 30); do
    n="$(metric dashboard.poll.subscribers | cut -d. -f1)"
    (( n >= $1 )) && { echo "$n"; return; }
    sleep 1
  done
  echo "error: only $n browsers subscribed, expected $1" >&2
  exit 1
}
per_interval() { # prints "reads statements statements-per-read" over $span seconds
  local r0 s0 r1 s1
  r0="$(metric dashboard.poll.reads)"; s0="$(metric dashboard.sql.statements)"
  sleep "$span"
  r1="$(metric dashboard.poll.reads)"; s1="$(metric dashboard.sql.statements)"
  awk -v r0="$r0" -v s0="$s0" -v r1="$r1" -v s1="$s1" 'BEGIN { r = r1 - r0; s = s1 - s0; printf "%d %d %.2f\n", r, s, (r > 0 ? s / r : 0) }'
}

echo "==> Dashboard pid $pid; $sessions sessions; ${span}s per measurement"
existing="$(metric dashboard.poll.subscribers | cut -d. -f1)"
echo "    browsers already subscribed (other tabs, earlier runs): $existing"

open_session 0
base_subs="$(wait_subscribers $((existing + 1)))"
read -r reads1 stmts1 per1 < <(per_interval)
heap1="$(heap_after_gc)"
echo "    1 session:  $reads1 reads, $stmts1 statements in ${span}s ($per1 per read); heap after GC $(awk -v h="$heap1" 'BEGIN{printf "%.1f MB", h/1048576}')"

for i in $(seq 1 $((sessions - 1))); do open_session "$i"; done
subs="$(wait_subscribers $((existing + sessions)))"
read -r readsN stmtsN perN < <(per_interval)
heapN="$(heap_after_gc)"
echo "    $sessions sessions ($subs subscribed): $readsN reads, $stmtsN statements in ${span}s ($perN per read); heap after GC $(awk -v h="$heapN" 'BEGIN{printf "%.1f MB", h/1048576}')"

awk -v h1="$heap1" -v hn="$heapN" -v n="$sessions" -v p1="$per1" -v pn="$perN" -v r1="$reads1" -v rn="$readsN" -v span="$span" 'BEGIN {
  per = (hn - h1) / (n - 1) / 1048576
  printf "\nRESULT heap per session: %.3f MB (goal <= 1 MB) -> %s\n", per, (per <= 1 ? "OK" : "OVER")
  printf "RESULT statements per read: %.2f with 1 session, %.2f with %d sessions -> %s\n", p1, pn, n, (p1 == pn ? "constant" : "DIFFERENT")
  printf "RESULT reads per %ds: %d with 1 session, %d with %d sessions (refresh 5 s)\n", span, r1, rn, n
}'
echo "(Sessions expire after the servlet session timeout, 30 min; restart the dashboard for a clean baseline.)"
