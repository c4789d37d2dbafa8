#!/bin/sh
# scripts/fetch-qemu.sh - fetch Debian's QEMU 10.0 (bookworm-backports)
# beside the system's, never installing it.
#
# Owns: a private apt configuration whose only source is the system
# release's backports suite (the mirror the system already uses, or
# DEBIAN_MIRROR), `apt-get update` into it (as the user, under DEST/apt/:
# the system's lists, cache and packages are untouched), `apt-get download`
# of qemu-system-arm, qemu-system-common and qemu-system-data from that
# suite (13 MB) and `dpkg-deb -x` of each into DEST/root (default
# build/qemu-backports/; 85 MB), cached: a second run with the binary
# there does nothing. Installing them would replace the system's QEMU
# (same package names): this script never does. The binary finds its own
# ROMs (ROOT/usr/share/qemu, relative to itself) and every library it
# needs in Debian 12, but not its ROMs (Debian builds it to look in
# /usr/share/qemu, 7.2's): DEST/bin/qemu-system-aarch64 runs it with
# `-L DEST/root/usr/share/qemu` first. Prints that command's path on its
# last line: give it to `make QEMU=...`, or put DEST/bin first on PATH.
# Usage: scripts/fetch-qemu.sh [DEST]
set -eu

dest=${1:-build/qemu-backports}
mkdir -p "$dest"
dest=$(cd "$dest" && pwd)
bin=$dest/root/usr/bin/qemu-system-aarch64
wrapper=$dest/bin/qemu-system-aarch64

if [ -f "$dest/.complete" ] && [ -x "$bin" ] && grep -qF "\"$bin\"" "$wrapper" 2>/dev/null; then
	echo "$wrapper"
	exit 0
fi

codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
[ -n "$codename" ] || { echo "fetch-qemu: no VERSION_CODENAME in /etc/os-release" >&2; exit 1; }
suite=$codename-backports
# The mirror the system takes its release from (apt's own index targets).
mirror=${DEBIAN_MIRROR:-$(apt-get indextargets --format '$(RELEASE) $(REPO_URI)' 2>/dev/null |
	awk -v r="$codename" '$1 == r { print $2; exit }')}
mirror=${mirror:-http://deb.debian.org/debian/}
arch=$(dpkg --print-architecture)

rm -rf "$dest/root" "$dest/bin" "$dest/apt" "$dest/.complete"
# apt drops root for downloads: the folders it writes must be _apt's too.
mkdir -p "$dest/root" "$dest/apt/lists/partial" "$dest/apt/cache/archives/partial" "$dest/apt/debs"
chmod -R 0777 "$dest/apt"
echo "deb $mirror $suite main" >"$dest/apt/sources.list"
apt_private() {
	apt-get -q -o Dir::Etc::SourceList="$dest/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null \
		-o Dir::State::Lists="$dest/apt/lists" -o Dir::Cache="$dest/apt/cache" \
		-o APT::Architectures::="$arch" -o Debug::NoLocking=1 "$@"
}
echo "fetch-qemu: apt-get update of $mirror $suite (private lists in $dest/apt)" >&2
apt_private update >&2 || { echo "fetch-qemu: apt-get update of $suite failed" >&2; exit 1; }
pkgs="qemu-system-arm qemu-system-common qemu-system-data"
echo "fetch-qemu: downloading $pkgs from $suite" >&2
(cd "$dest/apt/debs" && apt_private download $(for p in $pkgs; do echo "$p/$suite"; done) >&2) ||
	{ echo "fetch-qemu: apt-get download from $suite failed" >&2; exit 1; }
for deb in "$dest"/apt/debs/*.deb; do
	dpkg-deb -x "$deb" "$dest/root"
done
[ -x "$bin" ] || { echo "fetch-qemu: no usr/bin/qemu-system-aarch64 in $pkgs" >&2; exit 1; }
mkdir -p "$dest/bin"
printf '#!/bin/sh\n# QEMU from %s, its own ROMs first (scripts/fetch-qemu.sh)\nexec "%s" -L "%s" "$@"\n' \
	"$suite" "$bin" "$dest/root/usr/share/qemu" >"$wrapper"
chmod +x "$wrapper"
version=$("$wrapper" --version | sed -n '1s/^QEMU emulator version \([0-9.]*\).*/\1/p')
[ -n "$version" ] || { echo "fetch-qemu: $bin does not run: $("$wrapper" --version 2>&1 | head -1)" >&2; exit 1; }
echo "fetch-qemu: QEMU $version in $dest/root" >&2
rm -rf "$dest/apt"
touch "$dest/.complete"
echo "$wrapper"
