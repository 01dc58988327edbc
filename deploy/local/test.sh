#!/usr/bin/env bash
# Runs every test of the platform: deploy/local/test.sh [extra dotnet test args, e.g. --filter X]
#    deploy/local/test.sh --unit [args]: only the tests that need no server (trait Category=Unit):
#    no PostgreSQL, RabbitMQ or browser is started or installed.
#
# 1. Where the tests get PostgreSQL and RabbitMQ from:
#    - LISHUI_TEST_POSTGRES and LISHUI_TEST_RABBITMQ already set: those servers (nothing installed);
#    - else, when a container engine answers ('docker info'/'podman info' exit 0) and the images are
#      present locally or their registry answers (LISHUI_TEST_POSTGRES_IMAGE, LISHUI_TEST_RABBITMQ_IMAGE;
#      default postgres:15, rabbitmq:3.13-management): nothing here, the tests start their own with
#      Testcontainers (with podman, DOCKER_HOST is pointed at its API socket, 'podman system service'
#      started when none answers; Ryuk turned off when its image cannot be had);
#    - else (the usual case on Debian 12 without containers): a throwaway PostgreSQL 15 and RabbitMQ
#      (with the management plugin) under a temp folder, on free ports, stopped and deleted on exit
#      whatever happens. rabbitmq-server is installed with apt-get when missing.
#    Force a choice with LISHUI_TEST_INFRA=local|containers (default auto).
#    The portal's browser tests need chromium, poppler-utils (pdftotext) and a Chinese font
#    (fonts-wqy-microhei), installed with apt-get when missing.
#    Tests that use Aspire start their own broker and database through the app host; they only need
#    rabbitmq-server installed (or a container runtime).
# 2. dotnet test Lishui.Platform.sln "$@", TRX files into artifacts/test-results/ (wiped first).
# 3. The last line of output is "N passed, N failed" (", N skipped" when some were), counted from
#    the TRX files. Exit status non-zero when a test failed, dotnet test failed, or no test ran.
# Env: LISHUI_TEST_HANG_TIMEOUT (default 15m; 'off' disables): a single test running longer is
#      reported as hung, its test host killed (dotnet test --blame-hang-timeout).
# shellcheck disable=SC2317 # on_exit and what it calls run from the EXIT trap
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/deploy/local"
RESULTS="$ROOT/artifacts/test-results"
SOLUTION="$ROOT/Lishui.Platform.sln"

ms() { date +%s%3N; }
secs() { printf '%d.%d s' $(( $1 / 1000 )) $(( $1 % 1000 / 100 )); }
log() { printf '[test.sh %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
T_START=$(ms)
INFRA_MS=
TEST_MS=
BASE=
PG_JOB=
TEST_STARTED=0

export DOTNET_CLI_TELEMETRY_OPTOUT=${DOTNET_CLI_TELEMETRY_OPTOUT:-1}
export DOTNET_NOLOGO=${DOTNET_NOLOGO:-1}

# shellcheck source=containers.sh
source "$HERE/containers.sh"

# Testcontainers speaks the Docker API: with podman that is its service's socket, started here
# (and stopped on exit) when it is not running. Ryuk, Testcontainers' reaper, is an image too: when
# it is neither present nor pullable it is turned off (the fixtures remove their containers).
PODMAN_SERVICE_PID=
use_container_engine() {
  if [[ $CONTAINER_CLI == podman && -z ${DOCKER_HOST:-} ]]; then
    local socket=/run/podman/podman.sock
    (( $(id -u) == 0 )) || socket=${XDG_RUNTIME_DIR:-/run/user/$(id -u)}/podman/podman.sock
    if ! curl -s -o /dev/null --max-time 3 --unix-socket "$socket" http://d/_ping; then
      socket=$(mktemp -u /tmp/lishui-podman.XXXXXX.sock)
      podman system service --time=0 "unix://$socket" > /dev/null 2>&1 &
      PODMAN_SERVICE_PID=$!
      for _ in $(seq 1 100); do curl -s -o /dev/null --max-time 1 --unix-socket "$socket" http://d/_ping && break; sleep 0.1; done
      log "started 'podman system service' on $socket (pid $PODMAN_SERVICE_PID)"
    fi
    export DOCKER_HOST=unix://$socket
    log "DOCKER_HOST=$DOCKER_HOST (podman)"
  fi
  if [[ -z ${TESTCONTAINERS_RYUK_DISABLED:-} ]] && ! "$CONTAINER_CLI" image ls --format '{{.Repository}}' 2> /dev/null | grep -q ryuk \
    && ! curl -s -o /dev/null --max-time 5 https://registry-1.docker.io/v2/; then
    export TESTCONTAINERS_RYUK_DISABLED=true
    log "TESTCONTAINERS_RYUK_DISABLED=true: the Ryuk image is not present and docker.io does not answer"
  fi
}

ensure_debian_packages() { # PACKAGE:FILE_IT_PROVIDES ...
  local missing=() spec
  for spec in "$@"; do [[ -e ${spec#*:} ]] || missing+=("${spec%%:*}"); done
  ((${#missing[@]})) || return 0
  command -v apt-get > /dev/null || { log "missing ${missing[*]} and no apt-get: install them by hand"; return 1; }
  local sudo=
  if (( $(id -u) != 0 )); then
    command -v sudo > /dev/null || { log "missing ${missing[*]}: run as root or install them by hand"; return 1; }
    sudo=sudo
  fi
  log "installing ${missing[*]} (apt-get)"
  local t0; t0=$(ms)
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" > /dev/null
  log "installed ${missing[*]} in $(secs $(( $(ms) - t0 )))"
}

# A port nobody listens on or is connected from (TIME-WAIT ignored), not picked already.
PICKED=" "
port_free() {
  ! (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null \
    && ! ss -Htan exclude time-wait "( sport = :$1 )" 2> /dev/null | grep -q .
}
pick_port() { # START -> PORT; stays below the kernel's ephemeral range (32768+ here) where it can
  local p
  for ((p = $1; p < $1 + 100; p++)); do
    if [[ $PICKED != *" $p "* ]] && port_free "$p"; then PICKED+="$p "; PORT=$p; return 0; fi
  done
  log "no free port in $1..$(($1 + 99))"; return 1
}

start_local_infra() {
  [[ -x /usr/lib/postgresql/15/bin/initdb ]] \
    || { log "PostgreSQL 15 is missing (/usr/lib/postgresql/15/bin): apt-get install -y postgresql-15"; return 1; }
  ensure_debian_packages rabbitmq-server:/usr/lib/rabbitmq/bin/rabbitmq-server
  BASE=$(mktemp -d /tmp/lishui-test.XXXXXX)
  chmod 755 "$BASE" # the postgres user must be able to enter it
  export PG_BASE="$BASE/pg" RMQ_BASE="$BASE/rmq"
  local t0 attempt pg amqp mgmt
  t0=$(ms)
  # PostgreSQL starts in the background while RabbitMQ starts here (the port ranges do not overlap).
  # A port can be taken between the check and the bind (other test runs): retry with the next ones.
  (
    for attempt in 1 2 3; do
      pick_port 25432
      if "$HERE/pg-start.sh" test "$PORT" --throwaway; then echo "$PORT" > "$BASE/pg.port"; exit 0; fi
      "$HERE/pg-stop.sh" test --purge > /dev/null
    done
    exit 1
  ) > "$BASE/pg-start.log" 2>&1 &
  PG_JOB=$!
  for attempt in 1 2 3; do
    pick_port 25672; amqp=$PORT
    pick_port 25772; mgmt=$PORT
    pick_port 25872; export RMQ_DIST_PORT=$PORT
    pick_port 25972; export RMQ_EPMD_PORT=$PORT
    if "$HERE/rabbitmq-start.sh" test "$amqp" "$mgmt"; then break; fi
    (( attempt < 3 )) || return 1
  done
  local pg_rc=0
  wait "$PG_JOB" || pg_rc=$?
  PG_JOB=
  cat "$BASE/pg-start.log"
  (( pg_rc == 0 )) || return 1
  pg=$(cat "$BASE/pg.port")
  export LISHUI_TEST_POSTGRES="Host=127.0.0.1;Port=$pg;Username=postgres;Password=postgres"
  export LISHUI_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$amqp/"
  export LISHUI_TEST_RABBITMQ_MANAGEMENT="http://guest:guest@127.0.0.1:$mgmt/"
  INFRA_MS=$(( $(ms) - t0 ))
  log "throwaway PostgreSQL on $pg and RabbitMQ on $amqp (management $mgmt) ready in $(secs "$INFRA_MS"), under $BASE"
}

stop_local_infra() {
  [[ -n $BASE && -d $BASE ]] || return 0
  local t0; t0=$(ms)
  if [[ -n $PG_JOB ]]; then wait "$PG_JOB"; fi # interrupted while PostgreSQL was starting
  "$HERE/rabbitmq-stop.sh" test --purge > /dev/null &
  "$HERE/pg-stop.sh" test --purge > /dev/null
  wait
  rm -rf "$BASE"
  BASE=
  log "throwaway servers stopped and deleted in $(secs $(( $(ms) - t0 )))"
}

# Prints per-file lines, then "PASSED FAILED SKIPPED" as the last line.
count_trx() {
  if command -v python3 > /dev/null; then
    python3 - "$RESULTS" << 'PY'
import glob, os, re, sys
import xml.etree.ElementTree as ET
ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
total = [0, 0, 0]
for path in sorted(glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True)):
    counts = [0, 0, 0]
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print(f"  {os.path.basename(path)}: unreadable ({e})"); counts[1] += 1
    else:
        storages = {t.get("codeBase", "") for t in root.iter(ns + "TestMethod")}
        failures = []
        for r in root.iterfind(f"{ns}Results/{ns}UnitTestResult"):
            outcome = r.get("outcome", "")
            # NotExecuted = skipped; Error, Timeout, Aborted, ... count as failed
            counts[0 if outcome == "Passed" else 2 if outcome == "NotExecuted" else 1] += 1
            if outcome not in ("Passed", "NotExecuted"):
                message = " ".join(r.findtext(f"{ns}Output/{ns}ErrorInfo/{ns}Message", "").split())
                failures.append(f"{r.get('testName', '?')} ({outcome}): {message[:600]}")
        # run-level errors (a test host that crashed or could not start), not the per-test [FAIL] echoes
        errors = [t for t in (i.findtext(ns + "Text", "").strip() for i in root.iter(ns + "RunInfo")
                              if i.get("outcome") == "Error") if t and "[FAIL]" not in t]
        if not storages:  # no test ran: the test host names its assembly in the error
            storages = set(re.findall(r"source\(s\) '([^']+)'", " ".join(errors)))
        name = ", ".join(sorted(os.path.splitext(os.path.basename(s))[0] for s in storages if s)) or os.path.basename(path)
        print(f"  {name}: {counts[0]} passed, {counts[1]} failed, {counts[2]} skipped")
        for e in errors[:3]:
            print(f"    run error: {' '.join(e.split())[:400]}")
        # the failed tests themselves, so the end of a long CI log says what broke
        for f in failures[:10]:
            print(f"    FAILED {f}")
    total = [a + b for a, b in zip(total, counts)]
print(*total)
PY
  else # no python3: count the outcome attribute of each <UnitTestResult ...> element
    local p=0 f=0 s=0 outcome
    while read -r outcome; do
      case $outcome in Passed) ((p += 1)) ;; NotExecuted) ((s += 1)) ;; *) ((f += 1)) ;; esac
    done < <(find "$RESULTS" -name '*.trx' -exec grep -ho '<UnitTestResult [^>]*>' {} + 2> /dev/null \
      | sed -n 's/.* outcome="\([A-Za-z]*\)".*/\1/p')
    echo "$p $f $s"
  fi
}

on_exit() {
  local rc=$? passed=0 failed=0 skipped=0 last
  trap - EXIT INT TERM
  set +e
  stop_local_infra
  if [[ -n $PODMAN_SERVICE_PID ]]; then kill "$PODMAN_SERVICE_PID" 2> /dev/null; wait "$PODMAN_SERVICE_PID" 2> /dev/null; fi
  if ((TEST_STARTED)) && [[ -d $RESULTS ]]; then
    log "results: $RESULTS"
    while IFS= read -r line; do
      if [[ $line == " "* ]]; then echo "$line"; else last=$line; fi
    done < <(count_trx)
    read -r passed failed skipped <<< "${last:-0 0 0}"
  fi
  log "timings: infra start $(if [[ -n $INFRA_MS ]]; then secs "$INFRA_MS"; else echo "-"; fi)," \
    "dotnet test $(if [[ -n $TEST_MS ]]; then secs "$TEST_MS"; else echo "-"; fi), total $(secs $(( $(ms) - T_START )))"
  if (( passed + failed + skipped == 0 )); then
    log "no test ran"
    ((rc)) || rc=1
  elif ((failed)); then
    ((rc)) || rc=1
  elif ((rc)); then
    log "dotnet test exited with $rc although no test failed (build error, crashed or hung test host?): see above"
  fi
  echo "$passed passed, $failed failed$( ((skipped)) && echo ", $skipped skipped")"
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

command -v dotnet > /dev/null || { log "the .NET 10 SDK (dotnet) is not on PATH"; exit 1; }
cd "$ROOT"

UNIT=0
if [[ ${1:-} == --unit ]]; then UNIT=1; shift; fi

mode=${LISHUI_TEST_INFRA:-auto}
if ((UNIT)); then
  log "--unit: only the tests of trait Category=Unit, no servers"
elif [[ -n ${LISHUI_TEST_POSTGRES:-} && -n ${LISHUI_TEST_RABBITMQ:-} ]]; then
  log "using the servers in LISHUI_TEST_POSTGRES / LISHUI_TEST_RABBITMQ"
elif [[ $mode == auto || $mode == containers ]] && containers_usable \
    "${LISHUI_TEST_POSTGRES_IMAGE:-$LISHUI_TEST_POSTGRES_IMAGE_DEFAULT}" "${LISHUI_TEST_RABBITMQ_IMAGE:-$LISHUI_TEST_RABBITMQ_IMAGE_DEFAULT}"; then
  log "$CONTAINER_REASON: the tests start PostgreSQL and RabbitMQ with Testcontainers"
  use_container_engine
elif [[ $mode == containers ]]; then
  log "LISHUI_TEST_INFRA=containers, but containers cannot be used: $CONTAINER_REASON"; exit 2
elif [[ $mode == auto || $mode == local ]]; then
  [[ $mode == local ]] || log "$CONTAINER_REASON: throwaway local PostgreSQL and RabbitMQ instead"
  start_local_infra
else
  log "LISHUI_TEST_INFRA must be auto, local or containers (not '$mode')"; exit 2
fi

# The portal's browser tests drive Debian's Chromium and read its printed PDFs with pdftotext; a
# Chinese font makes their screenshots and PDFs readable (the machine may have none).
((UNIT)) || ensure_debian_packages chromium:/usr/bin/chromium poppler-utils:/usr/bin/pdftotext \
  fonts-wqy-microhei:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc

rm -rf "$RESULTS"
mkdir -p "$RESULTS"
args=(test "$SOLUTION" --results-directory "$RESULTS" --logger trx --logger "console;verbosity=normal")
if ((UNIT)); then args+=(--filter "Category=Unit"); fi
# One trx per test project: a fixed LogFileName would make each project overwrite the last one's
# file; the default names are unique.
hang=${LISHUI_TEST_HANG_TIMEOUT:-15m}
if [[ $hang != off && $hang != 0 ]]; then args+=(--blame-hang-timeout "$hang" --blame-hang-dump-type none); fi
log "dotnet ${args[*]} $*"
TEST_STARTED=1
t0=$(ms)
rc=0
dotnet "${args[@]}" "$@" || rc=$?
TEST_MS=$(( $(ms) - t0 ))
log "dotnet test exited with $rc after $(secs "$TEST_MS")"
exit "$rc"
