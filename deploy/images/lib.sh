# shellcheck shell=bash
# Shared by the scripts in deploy/images/: logging, the podman settings this kind of machine needs,
# the loopback registry, and a cached Debian 12 root filesystem.

IMAGES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$IMAGES_DIR/../.." && pwd)
# Survives reruns (debootstrap output, registry storage); not under the checkout.
CACHE=${LISHUI_IMAGES_CACHE:-/var/tmp/lishui-images}
REGISTRY=${LISHUI_REGISTRY:-localhost:5000}
BASE_IMAGE=${LISHUI_BASE_IMAGE:-$REGISTRY/lishui/aspnet:10.0}
# The Debian mirror apt uses here (deb822 or one-line sources), so debootstrap works offline like apt.
MIRROR=${LISHUI_DEBIAN_MIRROR:-$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p; s/^deb \(\[[^]]*\] \)\{0,1\}\(http[^ ]*\) bookworm .*/\2/p' \
  /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2> /dev/null | grep -v security | head -n 1 || true)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}

ms() { date +%s%3N; }
secs() { printf '%d.%d s' $(( $1 / 1000 )) $(( $1 % 1000 / 100 )); }
log() { printf '[images %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "$*"; exit 1; }

# crun refuses this machine's hybrid cgroups, and root lacks CAP_SYS_RESOURCE, so no limit may be
# raised above the host's: runc, and ulimits capped below the host's. CONTAINERS_CONF carries both
# to every podman command, to 'podman system service' and to whatever calls podman (Aspire's DCP).
podman_conf() {
  local conf=$CACHE/containers.conf nofile nproc
  nofile=$(ulimit -n); nproc=$(ulimit -u)
  [[ $nofile == unlimited ]] && nofile=1048576
  [[ $nproc == unlimited ]] && nproc=65536
  mkdir -p "$CACHE"
  cat > "$conf" << CONF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$((nproc < 4096 ? nproc : 4096)):$((nproc < 4096 ? nproc : 4096))"]
[engine]
runtime = "runc"
CONF
  export CONTAINERS_CONF=$conf
}

ensure_packages() { # PACKAGE:FILE ...
  local missing=() spec
  for spec in "$@"; do [[ -e ${spec#*:} ]] || missing+=("${spec%%:*}"); done
  ((${#missing[@]})) || return 0
  (( $(id -u) == 0 )) || die "missing ${missing[*]}: run as root (apt-get install ${missing[*]})"
  log "installing ${missing[*]} (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
}

registry_answers() { curl -s -o /dev/null --max-time 3 "http://$REGISTRY/v2/"; }

# A loopback registry (Debian's docker-registry, no systemd), storage in the cache, so its images
# survive it. A script that starts it stops it on exit (stop_own_registry), unless
# LISHUI_REGISTRY_KEEP=1; one already answering is used and left alone.
REGISTRY_PID=
stop_own_registry() {
  [[ -n $REGISTRY_PID && ${LISHUI_REGISTRY_KEEP:-0} != 1 ]] || return 0
  kill "$REGISTRY_PID" 2> /dev/null || true
  REGISTRY_PID=
}
ensure_registry() {
  registry_answers && { log "registry $REGISTRY answers"; return 0; }
  [[ $REGISTRY == localhost:* || $REGISTRY == 127.0.0.1:* ]] || die "registry $REGISTRY does not answer"
  mkdir -p "$CACHE/registry"
  cat > "$CACHE/registry.yml" << YML
version: 0.1
log: { level: warn }
storage:
  filesystem: { rootdirectory: $CACHE/registry }
  delete: { enabled: true }
http:
  addr: 127.0.0.1:${REGISTRY##*:}
YML
  setsid docker-registry serve "$CACHE/registry.yml" >> "$CACHE/registry.log" 2>&1 < /dev/null &
  REGISTRY_PID=$!
  for _ in $(seq 1 50); do registry_answers && { log "registry $REGISTRY started (pid $REGISTRY_PID)"; return 0; }; sleep 0.1; done
  die "the registry did not start: $CACHE/registry.log"
}

# Debian 12 minbase plus PACKAGES (comma-separated), cleaned, as a tar in the cache: made once per
# package list and mirror. Prints the tar's path.
debian_rootfs() {
  local packages=$1 key tar dir t0
  # Raise the recipe number when the steps below change.
  key=$(printf 'recipe1|%s|%s' "$MIRROR" "$packages" | sha256sum | cut -c1-16)
  tar="$CACHE/rootfs-$key.tar"
  if [[ ! -s $tar ]]; then
    dir=$(mktemp -d "$CACHE/rootfs.XXXXXX")
    t0=$(ms)
    log "debootstrap bookworm from $MIRROR with $packages ..."
    debootstrap --variant=minbase --include="$packages" bookworm "$dir" "$MIRROR" > "$CACHE/debootstrap.log" 2>&1 \
      || { tail -n 20 "$CACHE/debootstrap.log" >&2; rm -rf "$dir"; die "debootstrap failed"; }
    # What a container never needs: package caches and lists, documentation, manual pages.
    rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/usr/share/doc/* \
      "$dir"/usr/share/man/* "$dir"/usr/share/info/* "$dir"/var/log/*.log "$dir"/var/cache/debconf/*-old
    tar -C "$dir" --numeric-owner -cf "$tar.tmp" . && mv "$tar.tmp" "$tar"
    rm -rf "$dir"
    log "root filesystem made in $(secs $(( $(ms) - t0 ))): $tar"
  fi
  echo "$tar"
}
