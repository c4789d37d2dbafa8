#!/bin/sh
# scripts/fetch-dtbs.sh - fetch the arm64 DTBs of Debian's kernel package.
#
# Owns: finding the kernel package linux-image-arm64:arm64 depends on,
# downloading it with `apt-get download` (nothing is installed) and
# unpacking it with `dpkg -x` into $DEST (default build/linux-dtbs/), cached:
# a second run with the DTBs already there does nothing. Adds the arm64
# architecture to dpkg (and runs apt-get update) only when apt does not
# know the package yet. Prints the DTB directory on its last line.
# Usage: scripts/fetch-dtbs.sh [DEST]
set -eu

dest=${1:-build/linux-dtbs}
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

dtb_dir() { ls -d "$dest"/root/usr/lib/linux-image-*/ 2>/dev/null | head -n 1; }

dir=$(dtb_dir)
if [ -n "$dir" ] && [ -f "$dest/.complete" ]; then
	echo "${dir%/}"
	exit 0
fi

# The metapackage's Depends names the versioned kernel package.
kernel_pkg() {
	apt-cache depends linux-image-arm64:arm64 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*\)$/\1/p' | head -n 1
}
pkg=$(kernel_pkg)
if [ -z "$pkg" ]; then
	dpkg --print-foreign-architectures | grep -qx arm64 || $SUDO dpkg --add-architecture arm64
	$SUDO apt-get update -q >&2
	pkg=$(kernel_pkg)
fi
[ -n "$pkg" ] || { echo "fetch-dtbs: cannot resolve linux-image-arm64:arm64" >&2; exit 1; }
case "$pkg" in *:arm64) ;; *) pkg="$pkg:arm64" ;; esac

rm -rf "$dest/root" "$dest/.complete"
mkdir -p "$dest/root"
# A scratch directory _apt can write to (apt drops root for downloads).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 0777 "$tmp"
echo "fetch-dtbs: downloading $pkg" >&2
(cd "$tmp" && apt-get download -q "$pkg" >&2)
deb=$(ls "$tmp"/*.deb | head -n 1)
# Like `dpkg -x`, but only the DTB tree (the modules are 300 MB more).
dpkg-deb --fsys-tarfile "$deb" |
	tar -x -C "$dest/root" --wildcards './usr/lib/linux-image-*'
dir=$(dtb_dir)
[ -n "$dir" ] || { echo "fetch-dtbs: no usr/lib/linux-image-*/ in $pkg" >&2; exit 1; }
touch "$dest/.complete"
echo "${dir%/}"
