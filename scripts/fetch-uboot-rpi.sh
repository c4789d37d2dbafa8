#!/bin/sh
# scripts/fetch-uboot-rpi.sh - fetch Debian's Raspberry Pi U-Boot binaries.
#
# Owns: downloading u-boot-rpi:arm64 (a foreign-architecture package) with
# `apt-get download` (nothing is installed) and unpacking it with `dpkg -x`
# into $DEST (default build/u-boot-rpi/), cached: a second run with the
# files already there does nothing. Adds the arm64 architecture to dpkg
# (and runs apt-get update) only when apt does not know the package yet.
# Prints the directory holding rpi_3/, rpi_4/ and rpi_arm64/ on its last
# line.
# Usage: scripts/fetch-uboot-rpi.sh [DEST]
set -eu

dest=${1:-build/u-boot-rpi}
pkg=u-boot-rpi:arm64
dir=$dest/root/usr/lib/u-boot
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

if [ -f "$dest/.complete" ] && [ -f "$dir/rpi_4/u-boot.bin" ]; then
	echo "$dir"
	exit 0
fi

if ! apt-cache show "$pkg" >/dev/null 2>&1; then
	dpkg --print-foreign-architectures | grep -qx arm64 || $SUDO dpkg --add-architecture arm64
	$SUDO apt-get update -q >&2
fi
apt-cache show "$pkg" >/dev/null 2>&1 ||
	{ echo "fetch-uboot-rpi: apt knows no package $pkg (Debian main, arm64)" >&2; exit 1; }

rm -rf "$dest/root" "$dest/.complete"
mkdir -p "$dest/root"
# A scratch directory _apt can write to (apt drops root for downloads).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 0777 "$tmp"
echo "fetch-uboot-rpi: downloading $pkg" >&2
(cd "$tmp" && apt-get download -q "$pkg" >&2) ||
	{ echo "fetch-uboot-rpi: apt-get download $pkg failed" >&2; exit 1; }
deb=$(ls "$tmp"/*.deb | head -n 1)
dpkg -x "$deb" "$dest/root"
for b in rpi_3 rpi_4 rpi_arm64; do
	[ -f "$dir/$b/u-boot.bin" ] ||
		{ echo "fetch-uboot-rpi: no usr/lib/u-boot/$b/u-boot.bin in $pkg" >&2; exit 1; }
done
touch "$dest/.complete"
echo "$dir"
