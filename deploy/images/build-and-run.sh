#!/usr/bin/env bash
# Builds the platform's images on this machine, offline, and runs each as Kubernetes would:
#   deploy/images/build-and-run.sh [SERVICE...]     (default: all six)
#   SERVICE: membership assessment pairing projects notification portal (the manifests' names)
#
# 1. base-image.sh: the ASP.NET Core 10 base image (Debian 12 by debootstrap + the runtime of the SDK
#    here), in a loopback registry ($LISHUI_REGISTRY, default localhost:5000). Cached.
# 2. Each service image exactly as the README tells town IT ('dotnet publish -t:PublishContainer'),
#    with ContainerBaseImage = that base, pushed to the same registry, tag $LISHUI_IMAGES_TAG
#    (default the dev overlay's 0.1.0-dev).
# 3. Throwaway PostgreSQL 15 (with TLS: the manifests ask for SSL Mode=VerifyFull) and RabbitMQ
#    (vhost lishui, a user per service) as local programs on ports from $LISHUI_IMAGES_PORT_BASE
#    (default 27100), stopped and deleted on exit.
# 4. From the rendered deploy/k8s/overlays/dev (kubectl kustomize): each migrations Job, then each
#    Deployment, with podman: the pod's user (1654), read-only root with only the manifest's
#    writable mounts, capabilities dropped, port 8080 (published on 127.0.0.1), the environment of
#    its ConfigMaps/Secrets. What must differ off-cluster is replaced and printed: in-cluster host
#    names and ports -> the local servers; the identity provider -> a development signing key
#    (ASPNETCORE_ENVIRONMENT=Staging, since Production refuses such keys, rightly).
# 5. Checks and prints per image: size, migration, seconds to /health 200, Chinese text (a problem
#    detail's title; the portal's page), the welcome notification of a member registered through the
#    Membership image (needs membership + notification), and the stop on SIGTERM within the
#    manifests' terminationGracePeriodSeconds. Exit status non-zero when a check failed.
# Env: LISHUI_IMAGES_SKIP_BUILD=1 runs the images already in the registry.
#      LISHUI_REGISTRY_KEEP=1 leaves the registry running (stopped on exit when this script started it).
#      LISHUI_IMAGES_CACHE (default /var/tmp/lishui-images): debootstrap output, registry storage.
# A town with registry access needs none of step 1: leave ContainerBaseImage unset (the SDK then uses
# mcr.microsoft.com/dotnet/aspnet:10.0) or set -p:ContainerBaseImage=mcr.microsoft.com/dotnet/aspnet:10.0.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TAG=${LISHUI_IMAGES_TAG:-0.1.0-dev}
PORT_BASE=${LISHUI_IMAGES_PORT_BASE:-27100}
ALL=(membership assessment pairing projects notification portal)
declare -A PROJECT=([membership]=Membership/Lishui.Membership [assessment]=Assessment/Lishui.Assessment
  [pairing]=Pairing/Lishui.Pairing [projects]=PracticalProjects/Lishui.PracticalProjects
  [notification]=Notification/Lishui.Notification [portal]=Portal/Lishui.Portal)
SERVICES=("$@")
((${#SERVICES[@]})) || SERVICES=("${ALL[@]}")
for s in "${SERVICES[@]}"; do [[ -n ${PROJECT[$s]:-} ]] || die "unknown service '$s' (one of: ${ALL[*]})"; done
has() { [[ " ${SERVICES[*]} " == *" $1 "* ]]; }

PG_PORT=$PORT_BASE AMQP_PORT=$((PORT_BASE + 1)) MGMT_PORT=$((PORT_BASE + 2))
declare -A HOST_PORT
i=10; for s in "${ALL[@]}"; do HOST_PORT[$s]=$((PORT_BASE + i)); i=$((i + 1)); done
# Seen from a container on slirp4netns with allow_host_loopback: the host's 127.0.0.1.
HOST_GW=10.0.2.2
NETWORK=slirp4netns:allow_host_loopback=true
RUN=$(mktemp -d "/tmp/lishui-images.XXXXXX")
chmod 755 "$RUN" # the postgres user enters it
export PG_BASE=$RUN/pg RMQ_BASE=$RUN/rmq RMQ_DIST_PORT=$((PORT_BASE + 3)) RMQ_EPMD_PORT=$((PORT_BASE + 4))
STARTED=()
FAILED=0
declare -A SIZE MIGRATE HEALTH CHINESE STOP

cleanup() {
  local rc=$? c
  trap - EXIT INT TERM
  set +e
  for c in "${STARTED[@]}"; do podman rm -f -t 0 "$c" > /dev/null 2>&1; done
  "$ROOT/deploy/local/rabbitmq-stop.sh" lishui-images --purge > /dev/null 2>&1
  "$ROOT/deploy/local/pg-stop.sh" lishui-images --purge > /dev/null 2>&1
  rm -rf "$RUN"
  stop_own_registry
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. base image ----------------------------------------------------------------------------
ensure_packages podman:/usr/bin/podman runc:/usr/sbin/runc slirp4netns:/usr/bin/slirp4netns \
  python3-yaml:/usr/lib/python3/dist-packages/yaml/__init__.py openssl:/usr/bin/openssl
command -v kubectl > /dev/null || die "kubectl (with kustomize) is needed to render deploy/k8s/overlays/dev"
podman_conf
ensure_registry
"$IMAGES_DIR/base-image.sh"

# --- 2. service images ------------------------------------------------------------------------
for s in "${SERVICES[@]}"; do
  image=$REGISTRY/lishui/$(basename "${PROJECT[$s]}" | cut -c8- | tr '[:upper:]' '[:lower:]'):$TAG
  if [[ ${LISHUI_IMAGES_SKIP_BUILD:-0} != 1 ]]; then
    t0=$(ms)
    dotnet publish "$ROOT/services/${PROJECT[$s]}" -t:PublishContainer -r linux-x64 -p:ContainerBaseImage="$BASE_IMAGE" \
      -p:ContainerRegistry="$REGISTRY" -p:ContainerImageTag="$TAG" > "$RUN/publish-$s.log" 2>&1 \
      || { tail -n 30 "$RUN/publish-$s.log" >&2; die "$s: dotnet publish -t:PublishContainer failed"; }
    log "$s: $image built and pushed in $(secs $(( $(ms) - t0 )))"
  fi
  podman pull --quiet --tls-verify=false "$image" > /dev/null
  SIZE[$s]=$(( $(podman image inspect --format '{{.Size}}' "$image") / 1000000 ))
done

# --- 3. PostgreSQL (TLS) and RabbitMQ ---------------------------------------------------------
t0=$(ms)
mkdir -p "$RUN/ca"
# The CA the operator would make (Secret lishui-pg-ca) and a server certificate for the
# manifests' host name, so SSL Mode=VerifyFull is checked as in the cluster.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=lishui-pg-ca" \
  -keyout "$RUN/ca/ca.key" -out "$RUN/ca/ca.crt" 2> /dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=lishui-pg-rw" -keyout "$RUN/server.key" -out "$RUN/server.csr" 2> /dev/null
openssl x509 -req -in "$RUN/server.csr" -CA "$RUN/ca/ca.crt" -CAkey "$RUN/ca/ca.key" -CAcreateserial -days 2 \
  -extfile <(printf 'subjectAltName=DNS:lishui-pg-rw') -out "$RUN/server.crt" 2> /dev/null
rm -f "$RUN/ca/ca.key" "$RUN/ca/ca.srl"
chmod 644 "$RUN/ca/ca.crt"
"$ROOT/deploy/local/pg-start.sh" lishui-images "$PG_PORT" --throwaway > "$RUN/pg.log" 2>&1 || { cat "$RUN/pg.log" >&2; die "PostgreSQL did not start"; }
"$ROOT/deploy/local/rabbitmq-start.sh" lishui-images "$AMQP_PORT" "$MGMT_PORT" > "$RUN/rmq.log" 2>&1 || { cat "$RUN/rmq.log" >&2; die "RabbitMQ did not start"; }
PGDATA_DIR=$(find "$PG_BASE/lishui-images" -maxdepth 2 -name PG_VERSION -printf '%h\n' | head -n 1)
install -o postgres -g postgres -m 600 "$RUN/server.key" "$PGDATA_DIR/server.key"
install -o postgres -g postgres -m 644 "$RUN/server.crt" "$PGDATA_DIR/server.crt"
psql_admin() { psql "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres" -qAt -v ON_ERROR_STOP=1 "$@"; }
psql_admin -c "ALTER SYSTEM SET ssl = on" -c "SELECT pg_reload_conf()" > /dev/null
# Through the management API (guest, loopback): one rabbitmqctl call costs seconds of Erlang start.
rmqapi() { curl -sf -o /dev/null --max-time 10 -u guest:guest -X PUT -H 'Content-Type: application/json' -d "$2" "http://127.0.0.1:$MGMT_PORT/api/$1"; }
rmq_user() { # NAME PASSWORD TAGS
  rmqapi "users/$1" "{\"password\":\"$2\",\"tags\":\"$3\"}"
  rmqapi "permissions/lishui/$1" '{"configure":".*","write":".*","read":".*"}'
}
rmqapi vhosts/lishui '{}'
rmq_user lishui-admin dev-admin administrator
rmqapi permissions/%2F/lishui-admin '{"configure":".*","write":".*","read":".*"}'
# What the operators would make: a login role and database per service (CloudNativePG, password
# from the Secret <service>-db), a broker user per service (<service>-user-credentials).
SECRETS=(--secret lishui-rabbitmq-default-user/username=lishui-admin --secret lishui-rabbitmq-default-user/password=dev-admin
  --secret "membership-personal-data/encryption-key=$(openssl rand -base64 32)" --secret "membership-personal-data/hash-key=$(openssl rand -base64 32)")
for s in membership assessment pairing projects notification; do
  psql_admin -c "CREATE ROLE $s LOGIN PASSWORD 'dev-$s'" -c "CREATE DATABASE ${s}db OWNER $s" > /dev/null
  rmq_user "$s-broker" "dev-$s-broker" ""
  SECRETS+=(--secret "$s-user-credentials/username=$s-broker" --secret "$s-user-credentials/password=dev-$s-broker")
done
log "PostgreSQL 15 (TLS) on $PG_PORT and RabbitMQ on $AMQP_PORT (management $MGMT_PORT) ready in $(secs $(( $(ms) - t0 )))"

# --- 4. the manifests, as podman arguments ----------------------------------------------------
kubectl kustomize "$ROOT/deploy/k8s/overlays/dev" > "$RUN/dev.yaml"
SIGNING_KEY=$(openssl rand -base64 32)
export LISHUI_DEV_SIGNING_KEY=$SIGNING_KEY # for dev-token.py
bearer=Authentication__Schemes__Bearer__
OFF_CLUSTER=(--replace "lishui-pg-rw;Port=5432|lishui-pg-rw;Port=$PG_PORT"
  --replace "@lishui-rabbitmq:5672/|@lishui-rabbitmq:$AMQP_PORT/" --replace "@lishui-rabbitmq:15672/|@lishui-rabbitmq:$MGMT_PORT/"
  --drop ${bearer}Authority --drop Security__ServiceClient__TokenEndpoint
  --set ASPNETCORE_ENVIRONMENT=Staging --set ${bearer}ValidIssuer=lishui-local-dev
  --set ${bearer}SigningKeys__0__Issuer=lishui-local-dev --set "${bearer}SigningKeys__0__Value=$SIGNING_KEY"
  --mount "postgres-ca=$RUN/ca")
# In the cluster these are Service names on port 80; here the other containers' published ports.
for s in membership assessment pairing projects notification; do
  OFF_CLUSTER+=(--set "services__${s}__http__0=http://$HOST_GW:${HOST_PORT[$s]}" --set "Portal__Services__$s=http://$HOST_GW:${HOST_PORT[$s]}")
done
log "off the cluster: in-cluster host names -> the local servers (--add-host), ports -> $PG_PORT/$AMQP_PORT/$MGMT_PORT;" \
  "identity provider -> a development signing key (ASPNETCORE_ENVIRONMENT=Staging); otel-collector -> nowhere"

# run_pod KIND NAME DETACH -> podman arguments in RUN_ARGS, grace period in GRACE
run_args() {
  local lines line
  mapfile -t lines < <(python3 "$IMAGES_DIR/k8s-run-args.py" "$RUN/dev.yaml" "$1" "$2" "${SECRETS[@]}" "${OFF_CLUSTER[@]}")
  ((${#lines[@]})) || die "$2: no arguments from the manifests"
  GRACE=${lines[0]#grace=}; RUN_ARGS=()
  for line in "${lines[@]:2}"; do
    # The manifests' image name, from the registry the images were pushed to.
    if [[ $line == lishui/*:* ]]; then line=$REGISTRY/$line; fi
    RUN_ARGS+=("$line")
  done
}
POD_NET=(--network "$NETWORK" --add-host "lishui-pg-rw:$HOST_GW" --add-host "lishui-rabbitmq:$HOST_GW" --add-host otel-collector:127.0.0.1)

# --- 5. migrations, start, checks -------------------------------------------------------------
for s in "${SERVICES[@]}"; do
  [[ $s == portal ]] && { MIGRATE[$s]="none"; continue; }
  run_args Job "$s-migrations-$TAG"
  t0=$(ms)
  if podman run --rm --name "lishui-img-$s-migrations" "${POD_NET[@]}" "${RUN_ARGS[@]}" > "$RUN/migrate-$s.log" 2>&1; then
    MIGRATE[$s]="ok $(secs $(( $(ms) - t0 )))"
  else
    MIGRATE[$s]=FAILED; FAILED=1; tail -n 20 "$RUN/migrate-$s.log" >&2
  fi
done

declare -A T_START
for s in "${SERVICES[@]}"; do
  run_args Deployment "$s"
  T_START[$s]=$(ms)
  podman run -d --name "lishui-img-$s" "${POD_NET[@]}" -p "127.0.0.1:${HOST_PORT[$s]}:8080" \
    --stop-timeout "$GRACE" "${RUN_ARGS[@]}" > /dev/null
  STARTED+=("lishui-img-$s")
  declare "GRACE_$s=$GRACE"
done
for s in "${SERVICES[@]}"; do
  HEALTH[$s]=FAILED
  for _ in $(seq 1 1200); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:${HOST_PORT[$s]}/health") == 200 ]]; then
      HEALTH[$s]=$(secs $(( $(ms) - T_START[$s] ))); break
    fi
    [[ $(podman inspect --format '{{.State.Running}}' "lishui-img-$s" 2> /dev/null) == true ]] || break
    sleep 0.1
  done
  if [[ ${HEALTH[$s]} == FAILED ]]; then FAILED=1; log "$s: no /health 200; its log:"; podman logs --tail 30 "lishui-img-$s" >&2; fi
done

token=$(python3 "$ROOT/deploy/local/dev-token.py")
cjk() { grep -qP '[\x{4e00}-\x{9fff}]'; }
for s in "${SERVICES[@]}"; do
  url=http://127.0.0.1:${HOST_PORT[$s]}
  if [[ $s == portal ]]; then
    body=$(curl -s --max-time 20 "$url/")
    if grep -q '里水镇' <<< "$body"; then CHINESE[$s]="ok (home page: 里水镇)"; else CHINESE[$s]=FAILED; FAILED=1; fi
  else
    # A validation problem: an empty body where the API wants fields. Its title is Chinese.
    title=$(curl -s --max-time 10 -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" -d '{}' "$url/organisations" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin).get("title",""))' 2> /dev/null || true)
    [[ -n $title ]] || title=$(curl -s --max-time 10 "$url/members/not-a-guid" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("title",""))' 2> /dev/null || true)
    if cjk <<< "$title"; then CHINESE[$s]="ok ($title)"; else CHINESE[$s]="FAILED ($title)"; FAILED=1; fi
  fi
done

WELCOME="- (needs membership and notification)"
if has membership && has notification; then
  m=http://127.0.0.1:${HOST_PORT[membership]} n=http://127.0.0.1:${HOST_PORT[notification]}
  t0=$(ms)
  org=$(curl -s --max-time 10 -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -H "Idempotency-Key: images-town-$RANDOM" \
    -d '{"name":"里水镇党委","kind":"PartyCommittee"}' "$m/organisations" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  # A synthetic ID number (Nanhai, 440605) with its GB 11643 check digit.
  id_number=$(python3 -c '
import random
b = "440605" + "19750308" + "%03d" % (random.randrange(0, 500) * 2)
w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
print(b + "10X98765432"[sum(int(c) * x for c, x in zip(b, w)) % 11])')
  member=$(curl -s --max-time 10 -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -H "Idempotency-Key: images-member-$RANDOM" \
    -d "{\"name\":\"何丽萍\",\"gender\":\"Female\",\"birthDate\":\"1975-03-08\",\"idNumber\":\"$id_number\",\"joinedOn\":\"1998-07-01\",\"fullMemberOn\":\"1999-07-01\",\"organisationId\":\"$org\"}" \
    "$m/members" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  WELCOME=FAILED
  for _ in $(seq 1 600); do
    title=$(curl -s --max-time 5 -H "Authorization: Bearer $token" "$n/members/$member/notifications" \
      | python3 -c 'import json,sys; p=json.load(sys.stdin); print(p["items"][0]["title"] if p.get("total") else "")' 2> /dev/null || true)
    if [[ -n $title ]]; then WELCOME="ok: '$title' in $(secs $(( $(ms) - t0 ))) (member $member)"; break; fi
    sleep 0.1
  done
  [[ $WELCOME != FAILED ]] || FAILED=1
fi

# SIGTERM, as the kubelet sends it; podman would SIGKILL after --stop-timeout (the grace period).
for s in "${SERVICES[@]}"; do
  grace_var=GRACE_$s
  t0=$(ms)
  podman kill --signal TERM "lishui-img-$s" > /dev/null 2>&1 || true
  if code=$(timeout "${!grace_var}" podman wait "lishui-img-$s" 2> /dev/null); then
    STOP[$s]="exit $code in $(secs $(( $(ms) - t0 )))"
    [[ $code == 0 || $code == 143 ]] || { STOP[$s]="FAILED (${STOP[$s]})"; FAILED=1; }
  else
    STOP[$s]="FAILED (still running after ${!grace_var} s)"; FAILED=1
  fi
done

printf '\n%-13s %8s  %-14s %-8s %-18s %s\n' image size migration /health sigterm chinese
for s in "${SERVICES[@]}"; do
  printf '%-13s %5s MB  %-14s %-8s %-18s %s\n' "$s" "${SIZE[$s]}" "${MIGRATE[$s]}" "${HEALTH[$s]}" "${STOP[$s]}" "${CHINESE[$s]}"
done
echo "welcome notification (member registered through the membership image): $WELCOME"
((FAILED == 0)) || { log "some checks failed (see above)"; exit 1; }
log "all images built and ran as the manifests describe"
