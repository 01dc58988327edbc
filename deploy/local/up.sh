#!/usr/bin/env bash
# Brings the whole platform up on this machine with demo data: deploy/local/up.sh
#
# 1. The app host runs RabbitMQ and PostgreSQL in containers only when a container engine answers
#    ('docker info'/'podman info') and its two images are present locally or their registry answers
#    (Infra__Images__RabbitMq / Infra__Images__Postgres name other images, e.g. deploy/images/'s);
#    then nothing is installed. Otherwise it runs RabbitMQ and PostgreSQL 15 as local programs
#    (rabbitmq-server is installed with apt-get when missing). The reason is printed either way.
# 2. Builds the Aspire app host (aspire/Lishui.AppHost, which builds the five services) and runs it.
#    Its console output goes to artifacts/up/apphost.log (and to this terminal once it is up).
#    Data lives in aspire/Lishui.AppHost/.infra/ (local mode) and survives restarts.
# 3. Waits for the services to report healthy, then loads the demo data through their APIs
#    (seed-demo.py: the town tree and 鹤峰村党支部 from demo-data/lishui.json, then each service's own
#    demo module in seed/); re-running adds nothing.
# 4. Prints the portal's address, the dashboard URL and each service's API, OpenAPI and API reference
#    (Scalar, Development only) URLs, then stays in the foreground:
#    Ctrl-C (or SIGTERM) stops the app host, which stops everything it started (a few seconds).
#
# Service URLs: each service is a process under the app host whose environment holds the Aspire
# resource name (OTEL_SERVICE_NAME) and the address Kestrel listens on (ASPNETCORE_URLS); the script
# reads them from /proc, checks /health, and prints those addresses. They change on every start
# (the dashboard lists the same services, behind its proxy ports).
#
# Env: LISHUI_UP_TIMEOUT (s, default 600): how long to wait for the membership service.
#      LISHUI_UP_SEED=0: do not load demo data.  LISHUI_UP_FOLLOW=0: do not stream the app host log.
#      Anything the app host reads, e.g. Infra__Mode=executables|containers|external.
# shellcheck disable=SC2317 # functions called from traps and through wait_until
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/deploy/local"
APPHOST_PROJECT="$ROOT/aspire/Lishui.AppHost/Lishui.AppHost.csproj"
LOG_DIR="$ROOT/artifacts/up"
LOG="$LOG_DIR/apphost.log"
DASHBOARD_URL=http://localhost:15888
OTLP_URL=http://localhost:18889
TIMEOUT=${LISHUI_UP_TIMEOUT:-600}
APPHOST_PID=
TAIL_PID=

ms() { date +%s%3N; }
secs() { printf '%d.%d s' $(( $1 / 1000 )) $(( $1 % 1000 / 100 )); }
log() { printf '[up.sh %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
alive() { [[ -n ${1:-} && -r /proc/$1/stat ]] && [[ $(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) != Z ]]; }
T_START=$(ms)
# LISHUI_UP_TIMINGS=FILE: "phase unix-ms" lines for deploy/local/up-timing.sh.
phase() { [[ -z ${LISHUI_UP_TIMINGS:-} ]] || echo "$1 $(ms)" >> "$LISHUI_UP_TIMINGS"; }
phase start

# shellcheck source=containers.sh
source "$HERE/containers.sh"

ensure_debian_packages() { # PACKAGE:FILE_IT_PROVIDES ...
  local missing=() spec sudo=
  for spec in "$@"; do [[ -e ${spec#*:} ]] || missing+=("${spec%%:*}"); done
  ((${#missing[@]})) || return 0
  command -v apt-get > /dev/null || { log "missing ${missing[*]} and no apt-get: install them by hand"; return 1; }
  if (( $(id -u) != 0 )); then
    command -v sudo > /dev/null || { log "missing ${missing[*]}: run as root or install them by hand"; return 1; }
    sudo=sudo
  fi
  log "installing ${missing[*]} (apt-get)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" > /dev/null
}

stop_apphost() {
  if [[ -n $TAIL_PID ]]; then kill "$TAIL_PID" 2> /dev/null || true; TAIL_PID=; fi
  alive "$APPHOST_PID" || { APPHOST_PID=; return 0; }
  log "stopping the app host (pid $APPHOST_PID) and everything it started..."
  local t0 tree dcp pid left
  t0=$(ms)
  tree=$(apphost_tree | awk '{ print $1 }')
  dcp=$(apphost_tree | awk '$2 ~ /dcp$/ && / start-apiserver / { print $1 }')
  kill -TERM "$APPHOST_PID" 2> /dev/null || true
  for _ in $(seq 1 600); do alive "$APPHOST_PID" || break; sleep 0.1; done
  if alive "$APPHOST_PID"; then
    log "the app host did not stop within 60 s: killing it"
    kill -KILL "$APPHOST_PID" 2> /dev/null || true
  fi
  wait "$APPHOST_PID" 2> /dev/null || true
  # DCP finishes stopping the resources (RabbitMQ, PostgreSQL, the services) after the app host is gone.
  left_alive() { left=; for pid in $tree; do if alive "$pid"; then left+="$pid "; fi; done; [[ -n $left ]]; }
  for _ in $(seq 1 600); do left_alive || break; sleep 0.1; done
  if left_alive && [[ -n $dcp ]]; then
    log "DCP still running after 60 s: SIGTERM to $dcp"
    # shellcheck disable=SC2086 # one or more PIDs
    kill -TERM $dcp 2> /dev/null || true
    for _ in $(seq 1 300); do left_alive || break; sleep 0.1; done
  fi
  if left_alive; then
    log "still running: $(for pid in $left; do ps -o pid=,args= -p "$pid" 2> /dev/null | cut -c1-100; done | paste -sd ';')"
  fi
  log "stopped in $(secs $(( $(ms) - t0 )))"
  APPHOST_PID=
}
trap 'stop_apphost' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

show_log_tail() { log "last lines of $LOG:"; tail -n 40 "$LOG" 2> /dev/null || true; }

# Process IDs in the app host's tree ("pid args" lines). DCP, which runs the resources, is not the
# app host's child (it re-parents itself) but watches it: 'dcp start-apiserver --monitor <pid>'.
apphost_tree() {
  [[ -n $APPHOST_PID ]] || return 0
  ps -e -o pid=,ppid=,args= 2> /dev/null | awk -v root="$APPHOST_PID" '
    { pid[NR] = $1; ppid[NR] = $2; line[NR] = $0 }
    $1 == root || ($3 ~ /dcp$/ && $0 ~ (" --monitor " root "( |$)")) { tree[$1] = 1 }
    END {
      do { grown = 0
        for (i = 1; i <= NR; i++) if (!(pid[i] in tree) && (ppid[i] in tree)) { tree[pid[i]] = 1; grown = 1 }
      } while (grown)
      for (i = 1; i <= NR; i++) if (pid[i] in tree) { sub(/^ *[0-9]+ +[0-9]+ +/, "", line[i]); print pid[i], line[i] }
    }'
}

# The platform's services: processes of that tree (not the app host) running a Lishui.* executable or DLL.
service_pids() { apphost_tree | awk -v root="$APPHOST_PID" '$1 != root && /Lishui\./ { print $1 }'; }

# "name url" for each service (one per Aspire resource; the one-shot migration runs left out), from
# the process environment: OTEL_SERVICE_NAME (the resource name) and ASPNETCORE_URLS.
discover_services() {
  local pid env name urls url seen=" "
  for pid in $(service_pids); do
    env=$({ tr '\0' '\n' < "/proc/$pid/environ"; } 2> /dev/null) || continue
    urls=$(sed -n 's/^ASPNETCORE_URLS=//p' <<< "$env")
    name=$(sed -n 's/^OTEL_SERVICE_NAME=//p' <<< "$env")
    [[ -n $urls && -n $name && $name != *-migrations && $seen != *" $name "* ]] || continue
    seen+="$name "
    url=${urls%%;*}
    url=${url/\/\/+:/\/\/localhost:}
    url=${url/\/\/\*:/\/\/localhost:}
    url=${url/\/\/0.0.0.0:/\/\/localhost:}
    echo "$name ${url%/}"
  done
}

http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" 2> /dev/null || true; }

# --- 1. prerequisites ---------------------------------------------------------------------------
command -v dotnet > /dev/null || { log "the .NET 10 SDK (dotnet) is not on PATH"; exit 1; }
command -v curl > /dev/null || ensure_debian_packages curl:/usr/bin/curl
[[ -f $APPHOST_PROJECT ]] || { log "no app host at $APPHOST_PROJECT"; exit 1; }
if [[ ${Infra__Mode:-auto} == external ]]; then
  log "Infra__Mode=external: RabbitMQ and PostgreSQL come from ConnectionStrings__*"
elif [[ ${Infra__Mode:-auto} == containers ]]; then
  log "Infra__Mode=containers: the app host runs RabbitMQ and PostgreSQL in containers"
elif [[ ${Infra__Mode:-auto} == auto ]] && containers_usable "${Infra__Images__RabbitMq:-$LISHUI_APPHOST_RABBITMQ_IMAGE_DEFAULT}" \
    "${Infra__Images__Postgres:-$LISHUI_APPHOST_POSTGRES_IMAGE_DEFAULT}"; then
  log "$CONTAINER_REASON: the app host runs RabbitMQ and PostgreSQL in containers"
  # The app host would ask the same questions again: tell it the answer.
  export Infra__Mode=containers ASPIRE_CONTAINER_RUNTIME=${ASPIRE_CONTAINER_RUNTIME:-$CONTAINER_CLI}
else
  if [[ ${Infra__Mode:-auto} == auto ]]; then
    log "$CONTAINER_REASON: the app host runs RabbitMQ and PostgreSQL 15 as local programs"
    export Infra__Mode=executables
  else
    log "Infra__Mode=${Infra__Mode}: the app host runs RabbitMQ and PostgreSQL 15 as local programs"
  fi
  [[ -x /usr/lib/postgresql/15/bin/postgres ]] \
    || { log "PostgreSQL 15 is missing (/usr/lib/postgresql/15/bin): apt-get install -y postgresql-15"; exit 1; }
  ensure_debian_packages rabbitmq-server:/usr/lib/rabbitmq/bin/rabbitmq-server
fi
for url in "$DASHBOARD_URL" "$OTLP_URL"; do
  port=${url##*:}
  if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
    log "port $port is taken: is the platform already running (another up.sh)?"; exit 1
  fi
done

# --- 2. build and start the app host -------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=${DOTNET_CLI_TELEMETRY_OPTOUT:-1} DOTNET_NOLOGO=${DOTNET_NOLOGO:-1}
# A successful build leaves a stamp holding the app host's path. When no source, project or props
# file is newer than the stamp, nothing is built (an up-to-date 'dotnet build' still costs 10-20 s
# here); when no project or props file is newer, the build skips the restore.
STAMP="$LOG_DIR/build.stamp"
newer_than_stamp() { # find arguments narrowing the files
  find "$ROOT/aspire" "$ROOT/services" "$ROOT/contracts" "$ROOT"/Directory.*.props "$ROOT/global.json" \
    \( -name bin -o -name obj -o -name .infra -o -name node_modules \) -prune -o -newer "$STAMP" "$@" -print -quit 2> /dev/null
}
APPHOST_DLL=$(head -n 1 "$STAMP" 2> /dev/null || true)
t0=$(ms)
if [[ ${LISHUI_UP_BUILD:-auto} == auto && -f $APPHOST_DLL && -z $(newer_than_stamp) ]]; then
  log "nothing changed since the last build: not building (LISHUI_UP_BUILD=always builds anyway)"
else
  restore=()
  [[ -f $APPHOST_DLL && -z $(newer_than_stamp \( -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name global.json \)) ]] && restore=(--no-restore)
  log "building the app host and the services (dotnet build ${restore[*]})..."
  mkdir -p "$LOG_DIR"
  started="$LOG_DIR/build.started"
  : > "$started" # the stamp gets this time: files saved during the build count as changed next time
  dotnet build "$APPHOST_PROJECT" "${restore[@]}" -nologo -v quiet -clp:NoSummary \
    || { log "build failed"; exit 1; }
  APPHOST_DLL=$(dotnet msbuild "$APPHOST_PROJECT" -nologo -getProperty:TargetPath)
  [[ -f $APPHOST_DLL ]] || { log "built app host not found ($APPHOST_DLL)"; exit 1; }
  echo "$APPHOST_DLL" > "$STAMP" && touch -r "$started" "$STAMP" && rm -f "$started"
  log "built in $(secs $(( $(ms) - t0 )))"
fi
phase built

mkdir -p "$LOG_DIR"
: > "$LOG"
# The launch profile's settings, since the built app host runs directly (not 'dotnet run', which
# would not pass SIGTERM on). setsid: Ctrl-C reaches this script, which stops the app host cleanly.
export DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS=$DASHBOARD_URL
export ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=$OTLP_URL DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=$OTLP_URL
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true
cd "$(dirname "$APPHOST_PROJECT")"
t0=$(ms)
setsid dotnet "$APPHOST_DLL" > "$LOG" 2>&1 < /dev/null &
APPHOST_PID=$!
cd "$ROOT"
log "app host started (pid $APPHOST_PID), log: $LOG"

# --- 3. wait for the dashboard and the membership service, then seed -------------------------------
deadline=$(( $(date +%s) + TIMEOUT ))
wait_until() { # DESCRIPTION COMMAND...: poll every second while the app host lives
  until "${@:2}"; do
    if ! alive "$APPHOST_PID"; then
      wait "$APPHOST_PID" 2> /dev/null && rc=0 || rc=$?
      APPHOST_PID=
      log "the app host exited (status $rc) before $1"; show_log_tail; exit 1
    fi
    if (( $(date +%s) >= deadline )); then
      log "gave up waiting for $1 after ${TIMEOUT} s"; show_log_tail; exit 1
    fi
    sleep 0.25
  done
}
dashboard_answers() { [[ $(http_status "$DASHBOARD_URL") != 000 ]]; }
wait_until "the dashboard answered" dashboard_answers
log "dashboard up after $(secs $(( $(ms) - t0 ))): $DASHBOARD_URL"
phase dashboard

MEMBERSHIP_URL=
membership_healthy() {
  MEMBERSHIP_URL=$(discover_services | awk '$1 == "membership" { print $2 }')
  [[ -n $MEMBERSHIP_URL && $(http_status "$MEMBERSHIP_URL/health") == 200 ]]
}
log "waiting for the membership service (RabbitMQ, PostgreSQL, migrations; the first start takes longest)..."
wait_until "the membership service was healthy" membership_healthy
log "membership healthy after $(secs $(( $(ms) - t0 ))): $MEMBERSHIP_URL"

# The other services may still be starting: give them a little while to report healthy.
services=$(discover_services | sort)
healthy=" "
for _ in $(seq 1 120); do
  pending=0
  while read -r name url; do
    if [[ -n $name && $(http_status "$url/health") == 200 ]]; then
      [[ $healthy == *" $name "* ]] || { healthy+="$name "; phase "healthy:$name"; }
    else
      pending=1
    fi
  done <<< "$services"
  services=$(discover_services | sort)
  (( pending )) || break
  sleep 0.5
done

if [[ ${LISHUI_UP_SEED:-1} != 0 ]]; then
  log "loading demo data (里水镇, 鹤峰村党支部) into every service through its API..."
  # shellcheck disable=SC2046 # one name=url argument per service
  "$HERE/seed-demo.sh" $(awk 'NF == 2 { print $1 "=" $2 }' <<< "$services") \
    --keys "${Infra__StateDir:-$ROOT/aspire/Lishui.AppHost/.infra}/local-keys.json" \
    --marker "${Infra__StateDir:-$ROOT/aspire/Lishui.AppHost/.infra}/demo-seed.json" \
    || log "some demo data could not be loaded (see above)"
  phase demo-data
fi

# The portal starts once the five services are healthy.
PORTAL_URL=
portal_healthy() {
  PORTAL_URL=$(discover_services | awk '$1 == "portal" { print $2 }')
  [[ -n $PORTAL_URL && $(http_status "$PORTAL_URL/health") == 200 ]]
}
wait_until "the portal was healthy" portal_healthy
phase healthy:portal
IDENTITY_URL=$(discover_services | awk '$1 == "identity" { print $2 }')
services=$(discover_services | awk '$1 != "portal" && $1 != "identity"' | sort)

# --- 4. where everything is -----------------------------------------------------------------------
echo
phase up
echo "================================================================================"
echo " 平台已启动 / Lishui Platform is up  ($(secs $(( $(ms) - T_START ))) in all)"
echo
echo " 门户 Portal  $PORTAL_URL  (首页, 公示栏, 办实事项目, 诉求查询, 回音壁)"
echo " 登录 Sign-in  $PORTAL_URL/signin  (开发用身份认证 development OpenID provider: $IDENTITY_URL/account/login)"
python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import devtoken; devtoken.print_demo_accounts()' "$HERE/seed" | sed 's/^/ /'
echo " Dashboard  $DASHBOARD_URL  (resources, logs, traces, metrics)"
while read -r name url; do
  [[ -n $name ]] || continue
  health=$(http_status "$url/health")
  [[ $health == 200 ]] && state=healthy || state="not healthy yet (HTTP $health)"
  printf ' %-13s %-28s OpenAPI %s/openapi/v1.json  API reference %s/scalar/v1   %s\n' "$name" "$url" "$url" "$url" "$state"
done <<< "$services"
echo
echo " e.g. curl $MEMBERSHIP_URL/members"
echo " App host log: $LOG"
echo " Ctrl-C stops the platform (data is kept for the next start)."
echo "================================================================================"
echo

if [[ ${LISHUI_UP_FOLLOW:-1} != 0 ]]; then
  tail -n 0 -f --pid="$APPHOST_PID" "$LOG" &
  TAIL_PID=$!
fi
rc=0
wait "$APPHOST_PID" || rc=$?
APPHOST_PID=
log "the app host exited (status $rc)"
exit "$rc"
