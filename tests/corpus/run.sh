#!/bin/sh
# tests/corpus/run.sh - lib/machine.c against every arm64 DTB Debian ships.
#
# Owns: fetching the DTBs (fetch-dtbs.sh: Debian's arm64 kernel package,
# downloaded and unpacked, never installed; cached in build/linux-dtbs/, apart from make bench's build/linux/),
# building tests/corpus/machine_dump.c with lib/machine.c and the host
# libfdt under ASan and UBSan, running it over every .dtb in batches (a
# crash or sanitizer report fails the DTB it was reading), and handing its
# output to independent.py, which reads the same files through dtc on its
# own, compares, prints the counts and ends with exactly one line
# "corpus: N passed, M failed". Exit status 0 iff M = 0.
# Run from the repository root. Usage: tests/corpus/run.sh [-v]
set -u

out=build/corpus
HOSTCC=${HOSTCC:-gcc}
HOST_LIBFDT=/usr/lib/x86_64-linux-gnu/libfdt.so.1
mkdir -p "$out"

fail() { echo "corpus: $1"; echo "corpus: 0 passed, 1 failed"; exit 1; }

for tool in dtc python3 "$HOSTCC"; do
	command -v "$tool" >/dev/null 2>&1 || fail "$tool missing (.ci/install-deps)"
done
dtb_dir=$(scripts/fetch-dtbs.sh build/linux-dtbs | tail -n 1) || fail "fetch-dtbs.sh failed"

# The same flags as the unit tests (tests/unit/unit.mk).
bin=$out/machine_dump
if [ ! -x "$bin" ] || [ -n "$(find lib/machine.c lib/machine.h lib/dt_walk.c lib/dt_walk.h lib/dt_addr.c lib/dt_addr.h lib/psci.h \
		lib/uart/compat.c lib/uart/uart.h tests/corpus/machine_dump.c -newer "$bin" 2>/dev/null)" ]; then
	$HOSTCC -std=gnu11 -O1 -g -Wall -Wextra -Werror -DHOST_BUILD \
		-fsanitize=address,undefined -fno-sanitize-recover=all \
		-Ilib tests/corpus/machine_dump.c lib/machine.c lib/dt_walk.c lib/dt_addr.c lib/uart/compat.c \
		"$HOST_LIBFDT" -o "$bin" || fail "machine_dump did not build"
fi

find "$dtb_dir" -name '*.dtb' | sort >"$out/list"
[ -s "$out/list" ] || fail "no .dtb under $dtb_dir"

# Batches of 100: one crash costs the rest of its batch, not the run. A
# batch that exits non-zero gets a "# CRASH" line after its last record.
rm -f "$out"/batch.* "$out/driver.out"
split -l 100 "$out/list" "$out/batch."
for batch in "$out"/batch.*; do
	# shellcheck disable=SC2046 # the names have no spaces (Debian's tree)
	ASAN_OPTIONS=detect_leaks=1 "$bin" $(cat "$batch") >"$batch.out" 2>"$batch.err"
	rc=$?
	if [ "$rc" -ne 0 ] || grep -q 'Sanitizer\|runtime error' "$batch.err"; then
		echo "# CRASH exit status $rc" >>"$batch.out"
		echo "machine_dump: exit status $rc on $(tail -n 2 "$batch.out" | head -n 1)"
		head -n 20 "$batch.err"
	fi
	cat "$batch.out" >>"$out/driver.out"
done

show=10
[ "${1:-}" = "-v" ] && show=100000
python3 tests/corpus/independent.py --list "$out/list" --driver-out "$out/driver.out" \
	--cache "$out/dts" --jobs "$(nproc)" --show "$show"
