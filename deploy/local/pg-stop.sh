#!/usr/bin/env bash
# Stop a cluster started by pg-start.sh (fast shutdown: open sessions are rolled back).
# usage: pg-stop.sh NAME [--purge]      --purge also deletes the instance folder (all its data)
set -uo pipefail
NAME=${1:?usage: $0 NAME [--purge]}
[[ $NAME =~ ^[A-Za-z0-9_-]+$ ]] || { echo "bad instance name: $NAME" >&2; exit 2; }
DIR="${PG_BASE:-/tmp/lishui/pg}/$NAME"
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

alive() { [[ -n ${1:-} && -r /proc/$1/stat ]] && [[ $(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) != Z ]]; }

if [[ -f $DIR/data/postmaster.pid ]]; then
  PID=$(head -1 "$DIR/data/postmaster.pid")
  if alive "$PID"; then
    cd "$DIR" || exit 1
    if ! runuser -u "${PG_OS_USER:-postgres}" -- "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w -t 30 stop > /dev/null; then
      echo "pg_ctl stop failed; SIGQUIT (immediate shutdown) to $PID" >&2
      kill -QUIT "$PID" 2> /dev/null
      for _ in $(seq 1 50); do alive "$PID" || break; sleep 0.1; done
      alive "$PID" && { echo "force-killing postgres $PID" >&2; kill -KILL "$PID" 2> /dev/null; }
    fi
  fi
fi
cd /
if [[ ${2:-} == --purge ]]; then rm -rf "$DIR"; fi
echo "stopped pg $NAME"
