#!/bin/bash
# tests/qemu/bench.sh - deterministic figures for `make bench`.
#
# Owns: booting the Image under QEMU -icount (one instruction = one virtual
# ns, so PMCCNTR_EL0 deltas are instruction counts: ../shared notes,
# "Deterministic counts") and printing the stub's bench line, the image
# size and the table pages used. Runs each configuration twice and fails if
# the counts differ, so a figure that is not repeatable is never reported.
# usage: bench.sh BUILD_DIR "QEMU command without -kernel"
set -eu
build=$1 qemu=$2
icount="-icount shift=0,sleep=off -rtc clock=vm,base=2020-01-01"

run() { timeout 60 $qemu $icount -kernel "$build/Image" | tr -d '\r'; }
first=$(run) second=$(run)
b1=$(grep '^bench:' <<<"$first") b2=$(grep '^bench:' <<<"$second")
[ -n "$b1" ] || { echo "bench: the stub printed no bench line"; exit 1; }
[ "$b1" = "$b2" ] || { echo "bench: counts differ between runs:"; echo "$b1"; echo "$b2"; exit 1; }

echo "$b1"
grep -E '^(early tables|final map):' <<<"$first"
image_bytes=$(stat -c %s "$build/Image")
mem_bytes=$(grep '^image:' <<<"$first" | sed -E 's/.*size ([^,]+),.*/\1/')
echo "image: $image_bytes bytes in $build/Image (file), $mem_bytes in memory with bss, tables and stack"
