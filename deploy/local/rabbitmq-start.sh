#!/usr/bin/env bash
# Start a private RabbitMQ node (Debian 12 rabbitmq-server 3.10 / Erlang 25) as root, without
# systemd or containers, in its own folder and on its own ports, so several can run side by side.
#
# usage: rabbitmq-start.sh NAME AMQP_PORT [MGMT_PORT]
#   NAME       instance name (letters, digits, - and _); the node is NAME@localhost
#   AMQP_PORT  AMQP listener on 127.0.0.1
#   MGMT_PORT  optional: enables the management plugin (HTTP API + UI) on 127.0.0.1:MGMT_PORT
# env: RMQ_BASE           parent folder (default /tmp/lishui/rmq); the instance is $RMQ_BASE/NAME
#      RMQ_DIST_PORT      Erlang distribution port (default AMQP_PORT + 20000)
#      RMQ_EPMD_PORT      port of the node's own epmd (default AMQP_PORT + 20001)
#      RMQ_START_TIMEOUT  seconds (default 60)
# The instance starts empty (any earlier state in its folder is wiped). User guest/guest, loopback only.
# Prints "ready NAME@localhost amqp://guest:guest@127.0.0.1:PORT/ ..." when the broker accepts clients.
# Also: rabbitmq-ctl.sh NAME [tool] args..., rabbitmq-stop.sh NAME [--purge].
#
# Why it looks like this:
# - /usr/lib/rabbitmq/bin, not /usr/sbin: the /usr/sbin wrappers 'su rabbitmq' and use that user's cookie.
# - NAME@localhost: a default node name on a host name that does not resolve fails to boot.
# - HOME = the instance folder: server and CLI read $HOME/.erlang.cookie, so the cookie is private.
# - The node gets its own epmd, started here in the foreground on a private port and stopped by
#   rabbitmq-stop.sh; otherwise Erlang spawns a shared 'epmd -daemon' on 4369 that outlives the node.
# - RABBITMQ_ALLOW_INPUT + -noinput: the launcher execs straight into beam.smp, so the PID started
#   here is the broker itself (no signal-forwarding shell in between).
set -euo pipefail

usage() { echo "usage: $0 NAME AMQP_PORT [MGMT_PORT]" >&2; exit 2; }
NAME=${1:-}; PORT=${2:-}; MGMT_PORT=${3:-}
[[ $NAME =~ ^[A-Za-z0-9_-]+$ && $PORT =~ ^[0-9]+$ ]] || usage
[[ -z $MGMT_PORT || $MGMT_PORT =~ ^[0-9]+$ ]] || usage
DIST_PORT=${RMQ_DIST_PORT:-$((PORT + 20000))}
EPMD_PORT=${RMQ_EPMD_PORT:-$((PORT + 20001))}
BASE=${RMQ_BASE:-/tmp/lishui/rmq}
TIMEOUT=${RMQ_START_TIMEOUT:-60}
RMQ_BIN=/usr/lib/rabbitmq/bin
DIR="$BASE/$NAME"
NODE="$NAME@localhost"

[[ -x $RMQ_BIN/rabbitmq-server ]] || { echo "rabbitmq-server is not installed (apt-get install -y rabbitmq-server)" >&2; exit 1; }
[[ -x /usr/bin/epmd ]] || { echo "/usr/bin/epmd missing (it comes with erlang-base)" >&2; exit 1; }
for p in "$PORT" "$DIST_PORT" "$EPMD_PORT" $MGMT_PORT; do
  (( p > 0 && p < 65536 )) || { echo "port $p out of range (the dist port is AMQP_PORT+20000 unless RMQ_DIST_PORT is set)" >&2; exit 2; }
done

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# in use = any TCP socket on that local port, listening or connected (a client's ephemeral port
# blocks a later bind too)
port_busy() { listening "$1" || { command -v ss > /dev/null && ss -Htan exclude time-wait "( sport = :$1 )" | grep -q .; }; }
alive() { [[ -n ${1:-} && -r /proc/$1/stat ]] && [[ $(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) != Z ]]; }
ms() { date +%s%3N; }

if [[ -f $DIR/rabbit.pid ]] && alive "$(cat "$DIR/rabbit.pid")"; then
  echo "instance $NAME already running (pid $(cat "$DIR/rabbit.pid"))" >&2; exit 1
fi
for p in "$PORT" "$DIST_PORT" "$EPMD_PORT" $MGMT_PORT; do
  if port_busy "$p"; then echo "port $p already in use" >&2; exit 1; fi
done

rm -rf "$DIR"
mkdir -p "$DIR/mnesia" "$DIR/log"
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$DIR/.erlang.cookie"
chmod 400 "$DIR/.erlang.cookie"

cat > "$DIR/env.sh" << EOF
# sourced by rabbitmq-ctl.sh / rabbitmq-stop.sh: the environment the node runs with
export HOME='$DIR'
export ERL_EPMD_PORT=$EPMD_PORT
export RABBITMQ_NODENAME='$NODE'
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$PORT
export RABBITMQ_DIST_PORT=$DIST_PORT
export RABBITMQ_MNESIA_BASE='$DIR/mnesia'
export RABBITMQ_LOG_BASE='$DIR/log'
export RABBITMQ_PID_FILE='$DIR/rabbit.pid'
export RABBITMQ_CONFIG_FILE='$DIR/rabbitmq.conf'
export RABBITMQ_ADVANCED_CONFIG_FILE='$DIR/advanced.config'
export RABBITMQ_ENABLED_PLUGINS_FILE='$DIR/enabled_plugins'
export RABBITMQ_CONF_ENV_FILE='$DIR/rabbitmq-env.conf'
EOF
: > "$DIR/rabbitmq-env.conf" # so /etc/rabbitmq/rabbitmq-env.conf is not read
{
  echo "loopback_users.guest = true"
  echo "disk_free_limit.absolute = 50MB"
  echo "log.console = false"
  echo "log.file.level = info"
  if [[ -n $MGMT_PORT ]]; then
    echo "management.tcp.port = $MGMT_PORT"
    echo "management.tcp.ip = 127.0.0.1"
  fi
} > "$DIR/rabbitmq.conf"
echo "[]." > "$DIR/advanced.config"
if [[ -n $MGMT_PORT ]]; then echo "[rabbitmq_management]." > "$DIR/enabled_plugins"; else echo "[]." > "$DIR/enabled_plugins"; fi

# shellcheck disable=SC1091
. "$DIR/env.sh"
cd "$DIR"
t0=$(ms)
fail() {
  echo "RabbitMQ $NAME failed to start: $*" >&2
  tail -n 30 "$DIR/stdout.log" "$DIR"/log/*.log >&2 2> /dev/null || true
  "$HERE/rabbitmq-stop.sh" "$NAME" > /dev/null 2>&1 || true
  exit 1
}

# setsid: own session, so the caller's Ctrl-C does not reach the broker; stdin from /dev/null.
setsid /usr/bin/epmd -address 127.0.0.1 -port "$EPMD_PORT" > "$DIR/epmd.log" 2>&1 < /dev/null &
echo $! > "$DIR/epmd.pid"
deadline=$(( $(date +%s) + TIMEOUT ))
until listening "$EPMD_PORT"; do
  alive "$(cat "$DIR/epmd.pid")" || fail "epmd exited: $(cat "$DIR/epmd.log")"
  (( $(date +%s) < deadline )) || fail "timeout waiting for epmd on port $EPMD_PORT"
  sleep 0.05
done

RABBITMQ_ALLOW_INPUT=true RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-noinput -start_epmd false -kernel inet_dist_use_interface {127,0,0,1}" \
  setsid "$RMQ_BIN/rabbitmq-server" > "$DIR/stdout.log" 2>&1 < /dev/null &
BEAM_PID=$!
echo "$BEAM_PID" > "$DIR/launcher.pid"

# Ready = 'rabbitmqctl wait --pid' (blocks until the rabbit application has booted; 'await_startup'
# fails when called before the boot has begun), then the listeners accept connections.
while [[ ! -s $DIR/rabbit.pid ]]; do
  alive "$BEAM_PID" || fail "the broker exited during boot"
  (( $(date +%s) < deadline )) || fail "timeout waiting for $DIR/rabbit.pid"
  sleep 0.1
done
"$RMQ_BIN/rabbitmqctl" -q -n "$NODE" wait --pid "$BEAM_PID" --timeout "$TIMEOUT" > /dev/null 2>&1 \
  || fail "rabbitmqctl wait failed"
for p in "$PORT" $MGMT_PORT; do
  until listening "$p"; do
    alive "$BEAM_PID" || fail "the broker exited during boot"
    (( $(date +%s) < deadline )) || fail "timeout waiting for port $p"
    sleep 0.1
  done
done
echo "ready $NODE amqp://guest:guest@127.0.0.1:$PORT/ pid=$BEAM_PID${MGMT_PORT:+ management=http://127.0.0.1:$MGMT_PORT/} in $(( $(ms) - t0 )) ms"
