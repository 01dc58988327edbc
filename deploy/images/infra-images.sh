#!/usr/bin/env bash
# PostgreSQL 15 and RabbitMQ 3.10 images made here like the base image (Debian 12 by debootstrap,
# Debian's own packages), for the container paths on a machine without registry access:
#   deploy/images/infra-images.sh  -> $REGISTRY/lishui/postgres:15 and $REGISTRY/lishui/rabbitmq:3.10-management
# in the loopback registry and in podman's local store. They take the settings the official
# postgres and rabbitmq images take, as far as Aspire and Testcontainers use them:
#   postgres: POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB, POSTGRES_HOST_AUTH_METHOD, port 5432,
#             extra arguments go to postgres (e.g. -c fsync=off), pg_isready on PATH;
#   rabbitmq: RABBITMQ_DEFAULT_USER, RABBITMQ_DEFAULT_PASS, AMQP 5672, management 15672,
#             "Server startup complete" in the log.
# Use them with
#   app host:        Infra__Images__RabbitMq=localhost:5000/lishui/rabbitmq:3.10-management
#                    Infra__Images__Postgres=localhost:5000/lishui/postgres:15
#   Testcontainers:  LISHUI_TEST_RABBITMQ_IMAGE=... LISHUI_TEST_POSTGRES_IMAGE=... (same names)
# Cached like the base image: a rerun with the same inputs only checks.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_packages debootstrap:/usr/sbin/debootstrap podman:/usr/bin/podman skopeo:/usr/bin/skopeo \
  docker-registry:/usr/bin/docker-registry runc:/usr/sbin/runc
podman_conf
trap stop_own_registry EXIT
ensure_registry

POSTGRES_IMAGE=$REGISTRY/lishui/postgres:15
RABBITMQ_IMAGE=$REGISTRY/lishui/rabbitmq:3.10-management

# One root filesystem for both (one debootstrap); each image runs only its own server.
rootfs=$(debian_rootfs ca-certificates,tzdata,locales,postgresql-15,rabbitmq-server)
recipe=$(cat "$IMAGES_DIR/infra-images.sh" | sha256sum | cut -c1-12)
key="$(basename "$rootfs" .tar)+$recipe"

make_image() { # IMAGE ENTRYPOINT_SCRIPT PORTS...
  local image=$1 script=$2 dir t0 size change=()
  shift 2
  if [[ $(skopeo inspect --tls-verify=false --format '{{index .Labels "org.lishui.base.key"}}' "docker://$image" 2> /dev/null) == "$key" ]]; then
    podman image exists "$image" || podman pull --quiet --tls-verify=false "$image" > /dev/null
    log "$image is up to date"
    return 0
  fi
  t0=$(ms)
  dir=$(mktemp -d "$CACHE/infra.XXXXXX")
  tar -C "$dir" -xf "$rootfs"
  printf '%s\n' "$script" > "$dir/usr/local/bin/entrypoint.sh"
  chmod 755 "$dir/usr/local/bin/entrypoint.sh"
  ln -sf /usr/lib/postgresql/15/bin/* "$dir/usr/local/bin/" 2> /dev/null || true
  rm -rf "$dir/etc/postgresql/15/main" "$dir/var/lib/postgresql/15/main" # the package's cluster: the entrypoint makes its own
  for port in "$@"; do change+=(--change "EXPOSE $port"); done
  tar -C "$dir" --numeric-owner -c . | podman import --quiet \
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "ENV LANG=C.UTF-8" \
    --change 'ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]' \
    --change "LABEL org.lishui.base.key=$key" "${change[@]}" - "$image" > /dev/null
  rm -rf "$dir"
  podman push --quiet --tls-verify=false "$image" > /dev/null
  size=$(podman image inspect --format '{{.Size}}' "$image")
  log "$image ($(( size / 1000000 )) MB) made and pushed in $(secs $(( $(ms) - t0 )))"
}

read -r -d '' POSTGRES_ENTRYPOINT << 'SH' || true
#!/bin/sh
# What the official image does with its settings, in short: a cluster on first start, then postgres.
set -e
[ "${1:-}" = postgres ] && shift
export PGDATA=${PGDATA:-/var/lib/postgresql/data}
user=${POSTGRES_USER:-postgres}
mkdir -p "$PGDATA" /var/run/postgresql
chown postgres:postgres "$PGDATA" /var/run/postgresql
chmod 700 "$PGDATA"
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  [ -n "${POSTGRES_PASSWORD:-}" ] || { echo "POSTGRES_PASSWORD is not set" >&2; exit 1; }
  printf '%s' "$POSTGRES_PASSWORD" > /tmp/pwfile
  chown postgres /tmp/pwfile
  # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS holds several arguments
  as_postgres initdb -D "$PGDATA" -U "$user" --pwfile=/tmp/pwfile --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}" ${POSTGRES_INITDB_ARGS:-} > /dev/null
  rm -f /tmp/pwfile
  echo "host all all all ${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}" >> "$PGDATA/pg_hba.conf"
  if [ -n "${POSTGRES_DB:-}" ] && [ "$POSTGRES_DB" != postgres ]; then
    as_postgres postgres --single -D "$PGDATA" -c listen_addresses= postgres > /dev/null << SQL
CREATE DATABASE "$POSTGRES_DB";
SQL
  fi
fi
exec setpriv --reuid=postgres --regid=postgres --init-groups -- postgres -D "$PGDATA" -c listen_addresses='*' "$@"
SH

read -r -d '' RABBITMQ_ENTRYPOINT << 'SH' || true
#!/bin/sh
# The official image's settings, written as configuration, then the broker in the foreground.
set -e
export HOME=/var/lib/rabbitmq RABBITMQ_NODENAME=rabbit@localhost
conf=/etc/rabbitmq
cat > $conf/rabbitmq.conf << CONF
loopback_users = none
listeners.tcp.default = 5672
management.tcp.port = 15672
default_user = ${RABBITMQ_DEFAULT_USER:-guest}
default_pass = ${RABBITMQ_DEFAULT_PASS:-guest}
log.console = true
log.console.level = info
log.console.use_colors = off
log.file = false
CONF
echo '[rabbitmq_management].' > $conf/enabled_plugins
: > $conf/rabbitmq-env.conf
mkdir -p /var/lib/rabbitmq /var/log/rabbitmq
chown -R rabbitmq:rabbitmq /var/lib/rabbitmq /var/log/rabbitmq $conf
export RABBITMQ_ALLOW_INPUT=true RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-noinput
exec setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups -- /usr/lib/rabbitmq/bin/rabbitmq-server "$@"
SH

make_image "$POSTGRES_IMAGE" "$POSTGRES_ENTRYPOINT" 5432
make_image "$RABBITMQ_IMAGE" "$RABBITMQ_ENTRYPOINT" 5672 15672
echo "$POSTGRES_IMAGE"
echo "$RABBITMQ_IMAGE"
