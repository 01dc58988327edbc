#!/usr/bin/env bash
# Run a RabbitMQ CLI tool against a node started by rabbitmq-start.sh (same HOME/cookie, epmd port, node name).
# usage: rabbitmq-ctl.sh NAME [TOOL] args...
#   TOOL = rabbitmqctl (default) | rabbitmq-diagnostics | rabbitmq-plugins | rabbitmq-queues | rabbitmq-upgrade
# e.g.   rabbitmq-ctl.sh lishui list_queues name messages
#        rabbitmq-ctl.sh lishui rabbitmq-diagnostics status
set -euo pipefail
NAME=${1:?usage: $0 NAME [tool] args...}
shift
[[ $NAME =~ ^[A-Za-z0-9_-]+$ ]] || { echo "bad instance name: $NAME" >&2; exit 2; }
DIR="${RMQ_BASE:-/tmp/lishui/rmq}/$NAME"
[[ -f $DIR/env.sh ]] || { echo "no RabbitMQ instance $NAME in $DIR" >&2; exit 1; }
# shellcheck disable=SC1091
. "$DIR/env.sh"
TOOL=rabbitmqctl
case "${1:-}" in
  rabbitmqctl | rabbitmq-diagnostics | rabbitmq-plugins | rabbitmq-queues | rabbitmq-upgrade) TOOL=$1; shift ;;
esac
cd "$DIR"
exec "/usr/lib/rabbitmq/bin/$TOOL" -n "$RABBITMQ_NODENAME" "$@"
