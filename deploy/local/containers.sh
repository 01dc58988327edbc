# shellcheck shell=bash
# Sourced by up.sh and test.sh: may containers be used? Same rule as the app host and the tests
# (aspire/Lishui.AppHost/Infrastructure/ContainerRuntimeProbe.cs): an engine answers ('docker info'
# / 'podman info', by exit code) AND each image is present locally or its registry answers. An engine
# alone is not enough: without registry access the containers would wait for a pull that never comes.
#
#   containers_usable IMAGE...   -> 0 when usable; sets CONTAINER_CLI and CONTAINER_REASON either way

# The images each path runs, unless configured (a test keeps these equal to the C# defaults).
LISHUI_APPHOST_RABBITMQ_IMAGE_DEFAULT=docker.io/library/rabbitmq:4.3-management # Infra__Images__RabbitMq
LISHUI_APPHOST_POSTGRES_IMAGE_DEFAULT=docker.io/library/postgres:18.3           # Infra__Images__Postgres
LISHUI_TEST_POSTGRES_IMAGE_DEFAULT=postgres:15                                   # LISHUI_TEST_POSTGRES_IMAGE
LISHUI_TEST_RABBITMQ_IMAGE_DEFAULT=rabbitmq:3.13-management                      # LISHUI_TEST_RABBITMQ_IMAGE

# The registry's /v2/ URL for an image reference, read as docker does (docker.io when none is named).
image_registry_url() {
  local first=${1%%/*} host=registry-1.docker.io
  if [[ $1 == */* && ( $first == *.* || $first == *:* || $first == localhost ) ]]; then host=$first; fi
  [[ $host == docker.io ]] && host=registry-1.docker.io
  if [[ $host == localhost* || $host == 127.* ]]; then echo "http://$host/v2/"; else echo "https://$host/v2/"; fi
}

containers_usable() {
  local cli image registry pulls=()
  CONTAINER_CLI=
  for cli in ${ASPIRE_CONTAINER_RUNTIME:-docker podman}; do
    if command -v "$cli" > /dev/null && timeout 20 "$cli" info > /dev/null 2>&1; then CONTAINER_CLI=$cli; break; fi
  done
  # deploy/images/ writes the podman settings this kind of machine needs (runc, capped ulimits).
  if [[ $CONTAINER_CLI == podman && -z ${CONTAINERS_CONF:-} && -f ${LISHUI_IMAGES_CACHE:-/var/tmp/lishui-images}/containers.conf ]]; then
    export CONTAINERS_CONF=${LISHUI_IMAGES_CACHE:-/var/tmp/lishui-images}/containers.conf
  fi
  if [[ -z $CONTAINER_CLI ]]; then
    CONTAINER_REASON="no container engine answered ('docker info' / 'podman info')"
    return 1
  fi
  for image in "$@"; do
    timeout 20 "$CONTAINER_CLI" image inspect --format '{{.Id}}' "$image" > /dev/null 2>&1 && continue
    registry=$(image_registry_url "$image")
    # Any HTTP answer (401 included) means a pull can be tried.
    if ! curl -s -o /dev/null --max-time 5 "$registry" 2> /dev/null; then
      CONTAINER_REASON="'$CONTAINER_CLI info' answered, but image $image is not present locally and its registry ($registry) does not answer"
      return 1
    fi
    pulls+=("$image")
  done
  if ((${#pulls[@]})); then
    CONTAINER_REASON="'$CONTAINER_CLI info' answered; ${pulls[*]} will be pulled (the registry answers)"
  else
    CONTAINER_REASON="'$CONTAINER_CLI info' answered and $* are present locally"
  fi
}
