#!/usr/bin/env bash
# The ASP.NET Core 10 base image, made on this machine without any registry access:
#   deploy/images/base-image.sh        -> $LISHUI_BASE_IMAGE (default localhost:5000/lishui/aspnet:10.0)
# A Debian 12 minbase root filesystem (debootstrap from the mirror apt uses) with what ASP.NET Core
# needs (ICU for Chinese text and cultures, tzdata, CA certificates), the ASP.NET Core and .NET
# runtimes copied from the SDK on this machine (the versions the SDK targets), the non-root user
# 'app' (uid/gid 1654, as in mcr.microsoft.com/dotnet/aspnet), pushed to the loopback registry.
# Cached: a rerun with the same inputs (mirror, packages, runtime version) finds the image and stops.
# A town with registry access skips all this: -p:ContainerBaseImage=mcr.microsoft.com/dotnet/aspnet:10.0.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PACKAGES=ca-certificates,libicu72,tzdata
DOTNET_ROOT_HOST=$(dirname "$(readlink -f "$(command -v dotnet)")")
# The newest 10.0 runtime pair the SDK has: ASP.NET Core and .NET of the same version.
VERSION=$(find "$DOTNET_ROOT_HOST/shared/Microsoft.AspNetCore.App" -maxdepth 1 -name '10.0.*' -printf '%f\n' | sort -V | tail -n 1)
[[ -n $VERSION && -d $DOTNET_ROOT_HOST/shared/Microsoft.NETCore.App/$VERSION ]] \
  || die "no ASP.NET Core 10.0 runtime with a matching .NET runtime in $DOTNET_ROOT_HOST/shared"

ensure_packages debootstrap:/usr/sbin/debootstrap podman:/usr/bin/podman skopeo:/usr/bin/skopeo \
  docker-registry:/usr/bin/docker-registry runc:/usr/sbin/runc
podman_conf
trap stop_own_registry EXIT
ensure_registry

rootfs=$(debian_rootfs "$PACKAGES")
key="$(basename "$rootfs" .tar)+dotnet-$VERSION"
if [[ $(skopeo inspect --tls-verify=false --format '{{index .Labels "org.lishui.base.key"}}' "docker://$BASE_IMAGE" 2> /dev/null) == "$key" ]]; then
  log "base image $BASE_IMAGE is up to date ($key)"
  exit 0
fi

t0=$(ms)
dir=$(mktemp -d "$CACHE/base.XXXXXX")
trap 'rm -rf "$dir"; stop_own_registry' EXIT
tar -C "$dir" -xf "$rootfs"
dotnet_root=$dir/usr/share/dotnet
mkdir -p "$dotnet_root/shared/Microsoft.NETCore.App" "$dotnet_root/shared/Microsoft.AspNetCore.App" "$dotnet_root/host/fxr"
cp -a "$DOTNET_ROOT_HOST/dotnet" "$DOTNET_ROOT_HOST/LICENSE.txt" "$DOTNET_ROOT_HOST/ThirdPartyNotices.txt" "$dotnet_root/"
cp -a "$DOTNET_ROOT_HOST/host/fxr/$VERSION" "$dotnet_root/host/fxr/"
cp -a "$DOTNET_ROOT_HOST/shared/Microsoft.NETCore.App/$VERSION" "$dotnet_root/shared/Microsoft.NETCore.App/"
cp -a "$DOTNET_ROOT_HOST/shared/Microsoft.AspNetCore.App/$VERSION" "$dotnet_root/shared/Microsoft.AspNetCore.App/"
ln -sf /usr/share/dotnet/dotnet "$dir/usr/bin/dotnet"
# The user of Microsoft's images, by number: the manifests' runAsUser and the SDK's ContainerUser.
echo 'app:x:1654:1654::/home/app:/usr/sbin/nologin' >> "$dir/etc/passwd"
echo 'app:x:1654:' >> "$dir/etc/group"
mkdir -p "$dir/home/app" "$dir/app"
chown 1654:1654 "$dir/home/app"

# The environment of mcr.microsoft.com/dotnet/aspnet:10.0, so the SDK and the services see the same.
tar -C "$dir" --numeric-owner -c . | podman import --quiet \
  --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --change "ENV APP_UID=1654" \
  --change "ENV ASPNETCORE_HTTP_PORTS=8080" \
  --change "ENV DOTNET_RUNNING_IN_CONTAINER=true" \
  --change "ENV DOTNET_VERSION=$VERSION" \
  --change "ENV ASPNET_VERSION=$VERSION" \
  --change "ENV DOTNET_ROOT=/usr/share/dotnet" \
  --change "WORKDIR /app" \
  --change "USER 1654" \
  --change "LABEL org.lishui.base.key=$key" \
  --change "LABEL org.opencontainers.image.base.name=debian:bookworm" \
  - "$BASE_IMAGE" > /dev/null
podman push --quiet --tls-verify=false "$BASE_IMAGE" > /dev/null
size=$(podman image inspect --format '{{.Size}}' "$BASE_IMAGE")
log "base image $BASE_IMAGE ($key, $(( size / 1000000 )) MB) made and pushed in $(secs $(( $(ms) - t0 )))"
