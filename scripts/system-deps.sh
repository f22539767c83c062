#!/usr/bin/env bash
# Install the Debian packages Storysite needs, only those missing. Usage: system-deps.sh demo|test|prod-like
set -euo pipefail

case "${1:-demo}" in
    demo) wanted=(ffmpeg) ;;
    # The test suite also starts the production-like topology (scripts/prod-like.sh).
    test) wanted=(ffmpeg chromium postgresql fonts-noto-core nginx libnginx-mod-http-brotli-filter redis-server) ;;
    prod-like) wanted=(ffmpeg postgresql nginx libnginx-mod-http-brotli-filter redis-server) ;;
    *) echo "usage: $0 demo|test|prod-like" >&2; exit 2 ;;
esac

if [ "${1:-demo}" = test ] || [ "${1:-demo}" = prod-like ]; then
    # The RUM index that ranks searches (search/migrations/0002): the package for the
    # PostgreSQL major version Debian's `postgresql` installs (15 on bookworm, 17 on trixie).
    pg_major() { apt-cache depends postgresql 2>/dev/null | grep -oP 'Depends: postgresql-\K[0-9]+' | head -n 1; }
    major=$(pg_major)
    if [ -z "$major" ] && [ "$(id -u)" -eq 0 ]; then  # a fresh machine has no package lists yet
        apt-get update -qq && major=$(pg_major)
    fi
    [ -n "$major" ] && wanted+=("postgresql-$major-rum")
fi

missing=()
for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "Storysite needs these Debian packages: ${missing[*]}" >&2
    echo "Run as root, or install them first: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
