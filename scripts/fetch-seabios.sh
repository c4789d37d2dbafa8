#!/bin/sh
# scripts/fetch-seabios.sh - the SeaBIOS ROMs a QEMU machine loads, found
# on the system or fetched.
#
# Owns: a folder DEST (given to QEMU with -L) holding each ROM FILE named:
# a link to /usr/share/seabios/FILE when the system has it (package
# seabios), else the file from Debian's seabios package, downloaded once
# with `apt-get download` and unpacked with `dpkg-deb -x` into DEST/root
# (never installed), cached: a second run with every FILE there does
# nothing. sbsa-ref needs one to start at all (its VGA's: QEMU 7.2 loads
# vgabios-stdvga.bin, 10.0 vgabios-bochs-display.bin). Prints DEST.
# Usage: scripts/fetch-seabios.sh DEST FILE...
set -eu

[ $# -ge 2 ] || { echo "usage: $0 DEST FILE..." >&2; exit 2; }
dest=$1
shift
system=/usr/share/seabios
mkdir -p "$dest"

missing=""
for f in "$@"; do [ -e "$dest/$f" ] || missing="$missing $f"; done
if [ -z "$missing" ]; then echo "$dest"; exit 0; fi

fetched=$dest/root/usr/share/seabios
for f in $missing; do
	[ -f "$system/$f" ] || [ -f "$fetched/$f" ] && continue
	# Not on the system: Debian's package (architecture all), once.
	rm -rf "$dest/root"
	mkdir -p "$dest/root"
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	chmod 0777 "$tmp"       # apt drops root for downloads
	echo "fetch-seabios: downloading Debian's seabios (for $f)" >&2
	(cd "$tmp" && apt-get download -q seabios >&2) ||
		{ echo "fetch-seabios: apt-get download seabios failed" >&2; exit 1; }
	dpkg-deb -x "$tmp"/seabios_*.deb "$dest/root"
	break
done
for f in $missing; do
	if [ -f "$system/$f" ]; then
		ln -sf "$system/$f" "$dest/$f"
	elif [ -f "$fetched/$f" ]; then
		ln -sf "root/usr/share/seabios/$f" "$dest/$f"
	else
		echo "fetch-seabios: no $f in $system or in Debian's seabios package" >&2
		exit 1
	fi
done
echo "$dest"
