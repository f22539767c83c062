#!/usr/bin/env bash
# Install the Debian packages Storysite needs, only those missing. Usage: system-deps.sh demo|test
set -euo pipefail

case "${1:-demo}" in
    demo) wanted=(ffmpeg) ;;
    test) wanted=(ffmpeg chromium postgresql fonts-noto-core) ;;
    *) echo "usage: $0 demo|test" >&2; exit 2 ;;
esac

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
