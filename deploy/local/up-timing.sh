#!/usr/bin/env bash
# Times the real deploy/local/up.sh and prints its phases beside a floor measured in the same run.
#
# usage: deploy/local/up-timing.sh [warm|fresh|all]      (default: all)
#   floor  always first: a bare PostgreSQL 15 (initdb + start) and RabbitMQ (with the management
#          plugin, as the app host runs it) started side by side by pg-start.sh / rabbitmq-start.sh,
#          then stopped. No start of the platform can bring its infrastructure up faster.
#   warm   this checkout, already built and with its data kept (when something changed since the
#          last build, or no demo data was loaded yet, one unmeasured run does that first).
#   fresh  a fresh clone of this checkout's HEAD into a temp folder: nothing built, no data (the
#          NuGet cache is the machine's). Commit what you want timed.
# Each run goes until up.sh prints that the platform is up, then stops it (SIGTERM, as Ctrl-C does).
# Phases come from up.sh (LISHUI_UP_TIMINGS: build, each service healthy, demo data confirmed) and from
# the app host's log ("timeline <resource> healthy|finished at <ms>": RabbitMQ, PostgreSQL, migrations).
# up.sh uses the dashboard port 15888: no other up.sh may run meanwhile.
# Env: LISHUI_UP_TIMING_TIMEOUT (s, default 1800) per run; anything up.sh reads (e.g. Infra__Mode).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/deploy/local"
WHAT=${1:-all}
[[ $WHAT =~ ^(warm|fresh|all)$ ]] || { echo "usage: $0 [warm|fresh|all]" >&2; exit 2; }
TIMEOUT=${LISHUI_UP_TIMING_TIMEOUT:-1800}
WORK=$(mktemp -d /tmp/lishui-up-timing.XXXXXX)
chmod 755 "$WORK" # the postgres user must reach a fresh clone's state folder
UP_PID=
FLOOR_NAME="uptiming$$"

ms() { date +%s%3N; }
s() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%6.1f", (b - a) / 1000 }'; }
log() { printf '[up-timing %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
alive() { [[ -n ${1:-} && -r /proc/$1/stat ]] && [[ $(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) != Z ]]; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

stop_up() {
  alive "$UP_PID" || { UP_PID=; return 0; }
  # The whole group (up.sh runs under setsid): a demo load in progress stops too, so up.sh gets to
  # its trap at once and stops the app host (it runs in a session of its own).
  kill -TERM -- -"$UP_PID" 2> /dev/null || kill -TERM "$UP_PID" 2> /dev/null || true
  for _ in $(seq 1 900); do alive "$UP_PID" || break; sleep 0.1; done
  wait "$UP_PID" 2> /dev/null || true
  UP_PID=
}
cleanup() {
  stop_up
  PG_BASE="$WORK/floor/pg" "$HERE/pg-stop.sh" "$FLOOR_NAME" --purge > /dev/null 2>&1 || true
  RMQ_BASE="$WORK/floor/rmq" "$HERE/rabbitmq-stop.sh" "$FLOOR_NAME" --purge > /dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

declare -a SUMMARY=()
uptime_now() { uptime | sed 's/.*load average: /load /'; }

# --- the floor: bare PostgreSQL and RabbitMQ, side by side ----------------------------------------
floor() {
  local pg_port rmq_port mgmt_port t0 pg_ms rmq_ms
  pg_port=$(free_port); rmq_port=$(free_port); mgmt_port=$(free_port)
  mkdir -p "$WORK/floor/pg" "$WORK/floor/rmq"; chmod 755 "$WORK/floor" "$WORK/floor/pg"
  log "floor: bare PostgreSQL + RabbitMQ ($(uptime_now))"
  t0=$(ms)
  ( PG_BASE="$WORK/floor/pg" "$HERE/pg-start.sh" "$FLOOR_NAME" "$pg_port" > "$WORK/floor-pg.out" 2>&1 || true; echo "$(ms)" > "$WORK/floor-pg.ms" ) &
  local pg_job=$!
  ( RMQ_BASE="$WORK/floor/rmq" RMQ_DIST_PORT=$(free_port) RMQ_EPMD_PORT=$(free_port) \
      "$HERE/rabbitmq-start.sh" "$FLOOR_NAME" "$rmq_port" "$mgmt_port" > "$WORK/floor-rmq.out" 2>&1 || true; echo "$(ms)" > "$WORK/floor-rmq.ms" ) &
  local rmq_job=$!
  wait "$pg_job" "$rmq_job" || true
  pg_ms=$(cat "$WORK/floor-pg.ms"); rmq_ms=$(cat "$WORK/floor-rmq.ms")
  grep -q '^ready' "$WORK/floor-pg.out" || { log "floor: PostgreSQL did not start"; cat "$WORK/floor-pg.out"; }
  grep -q '^ready' "$WORK/floor-rmq.out" || { log "floor: RabbitMQ did not start"; cat "$WORK/floor-rmq.out"; }
  SUMMARY+=("floor: PostgreSQL initdb+start $(s "$t0" "$pg_ms") s, RabbitMQ start $(s "$t0" "$rmq_ms") s (side by side)")
  PG_BASE="$WORK/floor/pg" "$HERE/pg-stop.sh" "$FLOOR_NAME" --purge > /dev/null 2>&1 || true
  RMQ_BASE="$WORK/floor/rmq" "$HERE/rabbitmq-stop.sh" "$FLOOR_NAME" --purge > /dev/null 2>&1 || true
}

# --- one run of up.sh ----------------------------------------------------------------------------
run_up() { # LABEL CHECKOUT
  local label=$1 dir=$2 timings="$WORK/$1.timings" out="$WORK/$1.out" deadline
  : > "$timings"
  log "$label: $dir/deploy/local/up.sh ($(uptime_now))"
  ( cd "$dir" && LISHUI_UP_FOLLOW=0 LISHUI_UP_TIMINGS="$timings" exec setsid deploy/local/up.sh ) > "$out" 2>&1 < /dev/null &
  UP_PID=$!
  deadline=$(( $(date +%s) + TIMEOUT ))
  until grep -q '^up ' "$timings"; do
    if ! alive "$UP_PID"; then log "$label: up.sh exited before the platform was up:"; tail -n 30 "$out"; UP_PID=; return 1; fi
    if (( $(date +%s) >= deadline )); then log "$label: not up after $TIMEOUT s"; tail -n 30 "$out"; stop_up; return 1; fi
    sleep 0.2
  done
  grep -E 'seeded in' "$out" || true
  grep -E '演示数据|demo data' "$out" | tail -n 1 || true
  stack_memory "$label"
  stop_up
  report "$label" "$timings" "$dir/artifacts/up/apphost.log"
}

# Memory of everything up.sh started, once the platform is up: RSS summed (counts shared pages once
# per process) and PSS (shares them out), from /proc. The app host's orchestrator (dcp) leaves the
# process tree (its parent is init), so its tree counts too: it names the app host in `--monitor PID`.
# The build servers a build leaves behind (MSBuild nodes, the compiler and Razor servers) are in
# up.sh's tree after a build but are not the platform: they are counted apart.
stack_memory() { # LABEL
  local pid rss=0 pss=0 n=0 kb args part parts=() build_pss=0 build_n=0
  declare -A by_part=()
  for pid in $(stack_pids "$UP_PID"); do
    args=$(tr '\0' ' ' 2> /dev/null < "/proc/$pid/cmdline" || true)
    kb=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2> /dev/null || true)
    if grep -qE 'MSBuild\.dll.*nodemode|VBCSCompiler|rzc\.dll|Razor.*server' <<< "$args"; then
      build_pss=$(( build_pss + ${kb:-0} )); build_n=$(( build_n + 1 ))
      continue
    fi
    pss=$(( pss + ${kb:-0} ))
    case $args in
      *Lishui.AppHost*|*/dcp\ *|*/dcpctrl*|*Aspire.Dashboard*|*dcpproc*) part=Aspire ;;
      *Lishui.*) part=services ;;
      *postgres*|*beam.smp*|*erl_child_setup*|*epmd*|*inet_gethost*) part=servers ;;
      *) part=other ;;
    esac
    by_part[$part]=$(( ${by_part[$part]:-0} + ${kb:-0} ))
    kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2> /dev/null || true); rss=$(( rss + ${kb:-0} ))
    n=$(( n + 1 ))
  done
  for part in services servers Aspire other; do parts+=("$part $(( ${by_part[$part]:-0} / 1024 ))"); done
  SUMMARY+=("$1: whole stack once up: $n processes, RSS $(( rss / 1024 )) MB summed, PSS $(( pss / 1024 )) MB (by PSS: $(IFS=,; echo "${parts[*]}" | sed 's/,/, /g')) target PSS ≤ 1536 MB: $( (( pss <= 1536 * 1024 )) && echo met || echo 'NOT met')")
  (( build_n == 0 )) || SUMMARY+=("$1: build servers left by the build, not counted: $build_n processes, PSS $(( build_pss / 1024 )) MB")
}

# ROOT and its descendants, and the trees of the processes started with `--monitor <one of them>`.
stack_pids() { # ROOT
  ps -e -o pid=,ppid=,args= | awk -v root="$1" '
    { parent[$1] = $2; for (i = 3; i < NF; i++) if ($i == "--monitor") monitor[$1] = $(i + 1) }
    END {
      in_stack[root] = 1
      do {
        grew = 0
        for (p in parent) if (!(p in in_stack) && ((parent[p] in in_stack) || ((p in monitor) && (monitor[p] in in_stack)))) { in_stack[p] = 1; grew = 1 }
      } while (grew)
      for (p in in_stack) print p
    }'
}

report() { # LABEL TIMINGS APPHOST_LOG
  local label=$1 timings=$2 apphost_log=$3 start at
  start=$(awk '$1 == "start" { print $2 }' "$timings")
  at() { awk -v p="$1" '$1 == p { print $2; exit }' "$timings"; }
  {
    awk '{ print $2, "up.sh", $1 }' "$timings"
    grep -o 'timeline [^ ]* .* at [0-9]*' "$apphost_log" 2> /dev/null \
      | awk '{ name = $2; $1 = ""; $2 = ""; at = $NF; $NF = ""; sub(/ at $/, ""); gsub(/^ +| +$/, ""); print at, "apphost", name ": " $0 }' || true
  } | sort -n | while read -r t source what; do
    printf '  %s s  %-8s %s\n' "$(s "$start" "$t")" "$source" "$what"
  done
  local built infra migrations services demo up rabbit pg
  built=$(at built)
  rabbit=$(grep -o 'timeline messaging healthy at [0-9]*' "$apphost_log" 2> /dev/null | awk '{ print $NF; exit }' || true)
  pg=$(grep -o 'timeline postgres healthy at [0-9]*' "$apphost_log" 2> /dev/null | awk '{ print $NF; exit }' || true)
  migrations=$(grep -o 'timeline [a-z]*-migrations finished (exit [0-9]*) at [0-9]*' "$apphost_log" 2> /dev/null | awk '{ print $NF }' | sort -n | tail -1 || true)
  services=$(awk '$1 ~ /^healthy:/ && $1 != "healthy:portal" { print $2 }' "$timings" | sort -n | tail -1)
  demo=$(at demo-data); up=$(at up)
  SUMMARY+=("$label ($(uptime_now)), at s since up.sh started: built $(s "$start" "$built"), PostgreSQL healthy $(s "$start" "${pg:-$start}"), RabbitMQ healthy $(s "$start" "${rabbit:-$start}"), migrations done $(s "$start" "${migrations:-$start}"), five services healthy $(s "$start" "${services:-$start}"), demo data confirmed $(s "$start" "${demo:-$start}"), up $(s "$start" "$up")")
}

floor
if [[ $WHAT == warm || $WHAT == all ]]; then
  state=${Infra__StateDir:-$ROOT/aspire/Lishui.AppHost/.infra} stamp="$ROOT/artifacts/up/build.stamp"
  if [[ ! -f $state/demo-seed.json || ! -f $stamp || -n $(find "$ROOT/aspire" "$ROOT/services" "$ROOT/contracts" "$ROOT"/Directory.*.props \
        \( -name bin -o -name obj -o -name .infra \) -prune -o -newer "$stamp" -print -quit) ]]; then
    log "warm: not built or no demo data yet: one unmeasured run first"
    run_up prime "$ROOT" > /dev/null
  fi
  run_up warm "$ROOT"
fi
if [[ $WHAT == fresh || $WHAT == all ]]; then
  log "fresh: cloning $(git -C "$ROOT" rev-parse --short HEAD) into $WORK/clone"
  git clone -q "$ROOT" "$WORK/clone"
  run_up fresh "$WORK/clone"
fi

echo
echo "up.sh timing"
printf '  %s\n' "${SUMMARY[@]}"
