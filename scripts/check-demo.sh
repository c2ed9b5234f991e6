#!/usr/bin/env bash
# Health of every service and whether data flows (counts read over the SQL port with psql).
set -uo pipefail
# shellcheck source=lib/bind.sh
source "$(dirname "$0")/lib/bind.sh"
failures=0
sql_host=localhost   # local PostgreSQL keeps loopback whatever CASINO_BIND says; Docker publishes on it alone
check() { # name url
  if "$(dirname "$0")/healthy.sh" "$2"; then
    printf '  ok    %-22s %s\n' "$1" "$2"
  else
    printf '  FAIL  %-22s %s\n' "$1" "$2"; failures=$((failures + 1))
  fi
}
echo "Services:"
if docker info >/dev/null 2>&1 && [[ -n "$(docker compose ps -q 2>/dev/null)" ]]; then
  for c in redpanda risingwave redpanda-console casino-data-generator casino-dashboard; do
    h="$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$c" 2>/dev/null || echo missing)"
    # "running" is printed only for a container without a healthcheck (the Console's): up is all it can say.
    if [[ "$h" == healthy || "$h" == running ]]; then printf '  ok    %s (%s)\n' "$c" "$h"; else printf '  FAIL  %s (%s)\n' "$c" "$h"; failures=$((failures + 1)); fi
  done
  sql_host="$reach_ip"
else
  check "local-stack" http://localhost:8090/actuator/health
fi
check "generator" "http://$reach_host:8000/health"
check "dashboard" "http://$reach_host:8501/actuator/health"

echo "Dashboard queries on the engine (http://$reach_host:8501/actuator/enginecheck, as the manager):"
# The endpoint is a manager's (HTTP basic); replaced demo accounts need their password in the environment.
manager="${CASINO_MANAGER_USERNAME:-manager}:${CASINO_MANAGER_PASSWORD:-manager-demo}"
queries="$(curl -sS --max-time 30 -u "$manager" -w '\n%{http_code}' "http://$reach_host:8501/actuator/enginecheck" 2>/dev/null || true)"
code="${queries##*$'\n'}"
if [[ "$code" == 401 || "$code" == 403 ]]; then
  echo "  FAIL  the dashboard refused the manager's credentials: export CASINO_MANAGER_USERNAME and CASINO_MANAGER_PASSWORD"
  failures=$((failures + 1))
elif [[ "$queries" == *'"queries"'* ]]; then
  # One line per query: the dashboard runs each once with harmless arguments and reports the engine's answer.
  while IFS= read -r line; do
    name="$(sed -n 's/.*"name":"\([^"]*\)".*/\1/p' <<<"$line")"
    outcome="$(sed -n 's/.*"outcome":"\([^"]*\)".*/\1/p' <<<"$line")"
    case "$outcome" in
      ok) printf '  ok    %s\n' "$name" ;;
      failed) printf '  FAIL  %s: %s\n' "$name" "$(sed -n 's/.*"error":"\(.*\)"[]}]*$/\1/p' <<<"$line")"; failures=$((failures + 1)) ;;
      *) printf '  -     %s (%s)\n' "$name" "$outcome" ;;
    esac
  done < <(sed 's/},{/}\n{/g' <<<"$queries" | grep '"name"')
else
  echo "  FAIL  the dashboard does not answer; see 'make logs'"; failures=$((failures + 1))
fi

echo "Data (psql -h $sql_host -p 4566 -d dev -U root):"
if ! command -v psql >/dev/null 2>&1; then
  echo "  psql not installed (apt-get install postgresql-client); skipping the data checks"
else
  q() { psql -h "$sql_host" -p 4566 -d dev -U root -tA -c "$1" 2>/dev/null; }
  # Events counted in the views, the open windows included: it grows with every bet and win.
  counted() { q 'SELECT coalesce(sum(transaction_count), 0) FROM member_window_live'; }
  # local-stack's stream watermark (its health); RisingWave keeps its own internal.
  watermark() { curl -fsS http://localhost:8090/actuator/health 2>/dev/null | sed -n 's/.*"watermark":"\([^"]*\)".*/\1/p'; }
  first="$(counted)"
  if [[ -z "$first" ]]; then
    echo "  FAIL  the SQL engine does not answer on $sql_host:4566"; failures=$((failures + 1))
  else
    status="$(curl -fsS "$reach_host:8000/status" 2>/dev/null)"
    local_mode=false
    curl -fsS http://localhost:8090/actuator/health >/dev/null 2>&1 && local_mode=true
    if [[ "$status" == *'"running":true'* ]]; then
      # at 0.1 events/s (the slowest rate) a bet may take 10 s: wait up to 15 s for the count to rise
      waited=0 now="$first"
      while (( waited < 15 )) && [[ "$now" == "$first" ]]; do sleep 1; waited=$((waited + 1)); now="$(counted)"; done
      if [[ "$now" != "$first" ]]; then
        printf '  ok    data flows: %s events counted, %s more after %s s\n' "$now" "$((now - first))" "$waited"
      else
        echo "  FAIL  the generator runs but no new event reached the views in 15 s (make logs)"; failures=$((failures + 1))
      fi
    elif [[ "$local_mode" == true ]]; then
      # stopped: the generator's heartbeats keep the watermark moving, so windows still close
      before="$(watermark)"; sleep 3; after="$(watermark)"
      if [[ -n "$after" && "$after" > "$before" ]]; then
        printf '  ok    generator stopped, the watermark moves with its heartbeats: %s -> %s\n' "$before" "$after"
      else
        echo "  FAIL  generator stopped and the watermark stands at ${after:-unknown}: are heartbeats arriving? (make logs)"
        failures=$((failures + 1))
      fi
    else
      echo "  -     generator stopped: RisingWave keeps its watermark internal; make inject to check the flow"
    fi
    printf '  member_window_live rows:   %s\n' "$(q 'SELECT count(*) FROM member_window_live')"
    printf '  member_daily_summary rows: %s (closed windows; the first closes 5 min 10 s after data starts)\n' "$(q 'SELECT count(*) FROM member_daily_summary')"
    printf '  hotel_room_offers:         %s\n' "$(q 'SELECT count(*) FROM hotel_room_offers')"
    printf '  drink_offers:              %s\n' "$(q 'SELECT count(*) FROM drink_offers')"
    printf '  generator:                 %s\n' "${status:-not answering}"
  fi
fi
if (( failures > 0 )); then echo "$failures check(s) failed"; exit 1; fi
echo "All checks passed"
