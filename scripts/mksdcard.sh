#!/bin/sh
# scripts/mksdcard.sh - build a Raspberry Pi SD card image (make sdcard).
#
# Owns: the card's layout: a 64 MiB image, an MBR with one FAT partition
# (type 0x0c, FAT32 LBA, from LBA 2048 = 1 MiB to the end), formatted with
# mformat and filled with mcopy (mtools: no root, no loop device), each FILE
# copied to the partition's root under its own name.
# Usage: scripts/mksdcard.sh OUT FILE...
set -eu

[ $# -ge 2 ] || { echo "usage: $0 OUT FILE..." >&2; exit 2; }
out=$1
shift
for f in "$@"; do
	[ -f "$f" ] || { echo "mksdcard: $f: no such file" >&2; exit 1; }
done
for t in mformat mcopy python3; do
	command -v $t >/dev/null || { echo "mksdcard: $t not found (.ci/install-deps installs mtools)" >&2; exit 1; }
done

size_mib=64
start=2048                     # first sector of the partition (1 MiB)
tmp=$out.tmp
rm -f "$tmp"
# The MBR: one primary partition entry at 0x1be, the signature at 0x1fe.
python3 - "$tmp" "$size_mib" "$start" <<'PY'
import struct, sys
path, size_mib, start = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sectors = size_mib * 2048
with open(path, "wb") as f:
    f.truncate(sectors * 512)
    mbr = bytearray(512)
    # status, CHS first (unused: 0xfe 0xff 0xff), type 0x0c, CHS last, LBA, count
    mbr[0x1be:0x1ce] = struct.pack("<B3sB3sII", 0x00, b"\xfe\xff\xff", 0x0c,
                                   b"\xfe\xff\xff", start, sectors - start)
    mbr[0x1fe:0x200] = b"\x55\xaa"
    f.seek(0)
    f.write(mbr)
PY
export MTOOLS_SKIP_CHECK=1
mformat -i "$tmp@@$((start * 512))" -F -v STUB ::
for f in "$@"; do
	mcopy -i "$tmp@@$((start * 512))" "$f" "::$(basename "$f")"
done
mv "$tmp" "$out"
