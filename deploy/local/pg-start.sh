#!/usr/bin/env bash
# Start a private PostgreSQL 15 cluster without systemd or containers (Debian 12, postgresql-15).
#
# usage: pg-start.sh NAME PORT [--throwaway]
#   NAME         instance name; the cluster lives in $PG_BASE/NAME (default /tmp/lishui/pg/NAME)
#   PORT         TCP port on 127.0.0.1 (the unix socket is in the instance folder)
#   --throwaway  no durability (fsync, synchronous_commit, full_page_writes off): for test
#                clusters only, never for data anyone keeps
# An existing cluster in that folder is started again (its data kept); otherwise initdb makes one.
# Prints "ready pg NAME ..." and then the server-level connection string:
#   Host=127.0.0.1;Port=PORT;Username=postgres;Password=postgres
# Stop with pg-stop.sh NAME [--purge].
# PG_PRELOAD=pg_stat_statements loads that library at start (shared_preload_libraries), e.g. for
# the latency benchmark's statements per registration.
#
# postgres refuses to run as root: initdb and pg_ctl run as the 'postgres' OS user (created by the
# postgresql-15 package; created here as a system user if missing), from a folder that user can enter.
set -euo pipefail

usage() { echo "usage: $0 NAME PORT [--throwaway]" >&2; exit 2; }
NAME=${1:-}; PORT=${2:-}; MODE=${3:-}
[[ $NAME =~ ^[A-Za-z0-9_-]+$ && $PORT =~ ^[0-9]+$ ]] || usage
[[ -z $MODE || $MODE == --throwaway ]] || usage

BASE=${PG_BASE:-/tmp/lishui/pg}
DIR="$BASE/$NAME"
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PG_OS_USER=${PG_OS_USER:-postgres}
TIMEOUT=${PG_START_TIMEOUT:-60}

[[ -x $PGBIN/initdb ]] || { echo "PostgreSQL 15 not found in $PGBIN (apt-get install -y postgresql-15)" >&2; exit 1; }
# in use = any TCP socket on that local port, listening or connected
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null || { command -v ss > /dev/null && ss -Htan exclude time-wait "( sport = :$1 )" | grep -q .; }; }
as_pg() { runuser -u "$PG_OS_USER" -- "$@"; }
ms() { date +%s%3N; }

if ! id "$PG_OS_USER" > /dev/null 2>&1; then
  useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_OS_USER"
fi
if [[ -f $DIR/data/postmaster.pid ]] && kill -0 "$(head -1 "$DIR/data/postmaster.pid")" 2>/dev/null; then
  echo "cluster $NAME already running (pid $(head -1 "$DIR/data/postmaster.pid"))" >&2; exit 1
fi
if port_busy "$PORT"; then echo "port $PORT already in use" >&2; exit 1; fi

t0=$(ms)
mkdir -p "$DIR"
chown "$PG_OS_USER": "$DIR"
chmod 700 "$DIR"
# every parent folder must be enterable by the postgres user (/root is 700, mktemp -d makes 700)
if ! as_pg test -x "$DIR"; then
  echo "the '$PG_OS_USER' user cannot enter $DIR: make its parent folders traversable (chmod o+x) or set PG_BASE" >&2
  exit 1
fi
cd "$DIR" # tools run as postgres complain when they cannot enter the caller's folder

initdb_ms=0
if [[ ! -f $DIR/data/PG_VERSION ]]; then
  rm -rf "$DIR/data"
  as_pg "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    --no-sync > "$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
  echo "include_if_exists = 'lishui.conf'" >> "$DIR/data/postgresql.conf"
  initdb_ms=$(( $(ms) - t0 ))
fi

# Settings rewritten on every start (port and durability may differ from the last run).
{
  echo "listen_addresses = '127.0.0.1'"
  echo "port = $PORT"
  echo "unix_socket_directories = '$DIR'"
  if [[ $MODE == --throwaway ]]; then
    # every test assembly runs at once, each host with its own pools: room for all of them
    echo "max_connections = 600"
    echo "fsync = off"
    echo "synchronous_commit = off"
    echo "full_page_writes = off"
    # tests leave hundreds of small databases behind; autovacuum would start a worker for each of
    # them in turn (every 60 s / N), CPU the 2-core CI machine needs for the tests
    echo "autovacuum = off"
  else
    echo "max_connections = 200"
  fi
  if [[ -n ${PG_PRELOAD:-} ]]; then echo "shared_preload_libraries = '$PG_PRELOAD'"; fi
} > "$DIR/data/lishui.conf"
chown "$PG_OS_USER": "$DIR/data/lishui.conf"

t1=$(ms)
as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/postgres.log" -w -t "$TIMEOUT" start > /dev/null \
  || { echo "PostgreSQL $NAME failed to start:" >&2; tail -n 30 "$DIR/postgres.log" >&2; exit 1; }
# trust authentication on 127.0.0.1; the password is set for clients that insist on sending one
as_pg "$PGBIN/psql" -h "$DIR" -p "$PORT" -U postgres -d postgres -qAt \
  -c "ALTER USER postgres PASSWORD 'postgres'" > /dev/null
echo "ready pg $NAME port=$PORT dir=$DIR pid=$(head -1 "$DIR/data/postmaster.pid") initdb=${initdb_ms}ms start=$(( $(ms) - t1 ))ms${MODE:+ (throwaway: fsync off)}"
echo "Host=127.0.0.1;Port=$PORT;Username=postgres;Password=postgres"
