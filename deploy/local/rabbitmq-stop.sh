#!/usr/bin/env bash
# Stop a node started by rabbitmq-start.sh, and its own epmd. Kills only the PIDs it recorded.
# usage: rabbitmq-stop.sh NAME [--purge]      --purge also deletes the instance folder
set -uo pipefail
NAME=${1:?usage: $0 NAME [--purge]}
[[ $NAME =~ ^[A-Za-z0-9_-]+$ ]] || { echo "bad instance name: $NAME" >&2; exit 2; }
DIR="${RMQ_BASE:-/tmp/lishui/rmq}/$NAME"
[[ -f $DIR/env.sh ]] || { echo "no RabbitMQ instance $NAME in $DIR" >&2; exit 0; }

# alive = exists and is not a zombie (kill -0 succeeds on zombies)
alive() { [[ -n ${1:-} && -r /proc/$1/stat ]] && [[ $(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) != Z ]]; }
# ours = started by rabbitmq-start.sh for this instance (guards against a recycled PID)
ours() { tr '\0' '\n' < "/proc/$1/environ" 2> /dev/null | grep -qxF "HOME=$DIR"; }
stop_pid() { # PID WHAT SECONDS: SIGTERM, wait, then SIGKILL
  alive "$1" && ours "$1" || return 0
  kill -TERM "$1" 2> /dev/null
  for _ in $(seq 1 $(( $3 * 10 ))); do alive "$1" || return 0; sleep 0.1; done
  echo "force-killing $2 $1" >&2
  kill -KILL "$1" 2> /dev/null
  for _ in $(seq 1 20); do alive "$1" || return 0; sleep 0.1; done
}

BEAM_PID=$(cat "$DIR/launcher.pid" 2> /dev/null || true)
EPMD_PID=$(cat "$DIR/epmd.pid" 2> /dev/null || true)
# SIGTERM makes the node shut down cleanly (as 'rabbitmqctl shutdown' does, without starting a CLI VM)
stop_pid "$BEAM_PID" beam.smp 30
stop_pid "$EPMD_PID" epmd 2
cd /
if [[ ${2:-} == --purge ]]; then rm -rf "$DIR"; fi
echo "stopped rabbitmq $NAME"
