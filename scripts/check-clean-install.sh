#!/usr/bin/env bash
# Proves the README's set-up on a machine where nothing of CA Lens was ever installed: builds a minimal Debian 12
# root from Debian's own packages (mmdebstrap, variant minbase), copies this checkout in, and inside it runs
# scripts/install-deps.sh and then `cmake --preset ci`. Fails with the configure error when a package is missing.
#
# Usage: scripts/check-clean-install.sh [--test]    (--test also builds and runs the whole suite inside the root)
# Needs root (chroot, mounts). The pristine base root is cached as a tarball under $CALENS_ROOT_CACHE (default
# /var/cache/calens/clean-root) for a week; every run unpacks it afresh, so the check always starts from the
# packages of a minimal Debian 12 and nothing a previous run installed.
# Environment: CALENS_DEBIAN_MIRROR (default http://deb.debian.org/debian), CALENS_DEBIAN_SECURITY_MIRROR.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD

run_tests=0
case "${1:-}" in
  --test) run_tests=1 ;;
  "") ;;
  *) echo "usage: $0 [--test]" >&2; exit 2 ;;
esac
if [ "$(id -u)" -ne 0 ]; then
  echo "check-clean-install: needs root (it builds a chroot); run it with sudo" >&2
  exit 2
fi
# mmdebstrap itself comes from Debian; install it (and only it) on the host when missing.
if ! command -v mmdebstrap >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mmdebstrap >/dev/null
fi

mirror=${CALENS_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${CALENS_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
cache=${CALENS_ROOT_CACHE:-/var/cache/calens/clean-root}
base=$cache/debian12-minbase.tar
mkdir -p "$cache"

start=$SECONDS
if [ ! -s "$base" ] || [ -n "$(find "$base" -mtime +7 2>/dev/null)" ]; then
  echo "== building a minimal Debian 12 root (mmdebstrap, minbase)"
  # Written next to the cache and renamed, so an interrupted build never leaves a half tarball behind.
  mmdebstrap --quiet --variant=minbase --mode=root --format=tar bookworm "$base.part" \
    "deb $mirror bookworm main" "deb $mirror bookworm-updates main" "deb $security bookworm-security main"
  mv -f "$base.part" "$base"
fi
echo "   base root: $((SECONDS - start)) s"

root=$(mktemp -d /var/tmp/calens-clean-root.XXXXXX)
cleanup() {
  # Mounts and processes live in their own namespaces (unshare below) and end with it; only files remain.
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT
tar -C "$root" -xf "$base"
# The host's network settings, and no services started by package scripts inside the chroot.
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
# The host's local certificate authorities (e.g. a proxy on the way to the package registries) and Node's use
# of them, as on the host: network settings of this machine, not packages.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  export CALENS_ROOT_NODE_CA=/etc/ssl/certs/ca-certificates.crt # Node reads its own list unless told
fi
# The same apt settings as the host (e.g. a snapshot mirror whose Release files are past their Valid-Until).
for conf in /etc/apt/apt.conf.d/*; do
  if grep -qE '^[[:space:]]*Acquire::(Check-Valid-Until|Check-Date|http::Proxy|https::Proxy)' "$conf" 2>/dev/null; then
    cp "$conf" "$root/etc/apt/apt.conf.d/"
  fi
done

# The checkout as git sees it: tracked files plus new files not ignored (never build/ or other local state).
mkdir -p "$root/src/main"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [ -e "$f" ] && printf '%s\0' "$f"
done | tar -C "$src" --null -T - -cf - | tar -C "$root/src/main" -xf -
# The shared documents and fixtures live beside the checkout; the test suite reads them.
if [ "$run_tests" -eq 1 ] && [ -d "$src/../shared" ]; then
  cp -a "$src/../shared" "$root/src/shared"
fi

inner='set -euo pipefail
cd /src/main
export HOME=/root LANG=C.UTF-8
echo "== scripts/install-deps.sh"
t=$SECONDS
bash scripts/install-deps.sh >/tmp/install.log 2>&1 || { tail -40 /tmp/install.log; exit 1; }
head -1 /tmp/install.log
echo "   install-deps: $((SECONDS - t)) s"
echo "== scripts/install-deps.sh again (nothing left to install)"
out=$(bash scripts/install-deps.sh)
if [ -n "$out" ]; then echo "$out"; echo "install-deps.sh is not idempotent" >&2; exit 1; fi
echo "== cmake --preset ci"
t=$SECONDS
cmake --preset ci >/tmp/configure.log 2>&1 || { cat /tmp/configure.log; exit 1; }
if grep -E "Could NOT find|could not be found" /tmp/configure.log; then
  echo "configure found the required packages but reported others missing (see above)" >&2
  exit 1
fi
echo "   configure: $((SECONDS - t)) s"'
if [ "$run_tests" -eq 1 ]; then
  inner+='
echo "== build and ctest"
t=$SECONDS
cmake --build --preset ci
ctest --preset ci
echo "   build and test: $((SECONDS - t)) s"'
fi

status=0
unshare --mount --propagation private --pid --fork -- bash -c '
  set -e
  root=$1; shift
  mount -t proc proc "$root/proc"
  mount --rbind /sys "$root/sys"
  mount --rbind /dev "$root/dev"
  mount -t tmpfs tmpfs "$root/tmp"
  exec chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin TERM=dumb \
    ${CALENS_ROOT_NODE_CA:+NODE_EXTRA_CA_CERTS=$CALENS_ROOT_NODE_CA} bash -c "$1"
' bash "$root" "$inner" || status=$?
if [ $status -ne 0 ]; then
  echo "check-clean-install: FAILED after $((SECONDS - start)) s (exit $status)" >&2
  exit 1
fi
echo "check-clean-install: passed in $((SECONDS - start)) s"
