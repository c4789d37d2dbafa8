#!/bin/sh
# tests/corpus/run.sh - lib/machine.c against every arm64 DTB Debian ships,
# and the MMU-off reader (lib/early_dtb.c) against lib/machine.c.
#
# Owns: fetching the DTBs (fetch-dtbs.sh: Debian's arm64 kernel package,
# downloaded and unpacked, never installed; cached in build/linux-dtbs/, apart from make bench's build/linux/),
# running build/host/machine-check --records (the stub's own readings,
# with ASan and UBSan: lib/machine.c's, then lib/early_dtb.c's of the
# same blob) over every .dtb in batches (a crash or sanitizer
# report fails the DTB it was reading), and handing its
# output to independent.py, which reads the same files through dtc on its
# own, compares, holds the MMU-off reader's console and PSCI conduit to
# the full reader's, prints the counts and ends with exactly one line
# "corpus: N passed, M failed". Exit status 0 iff M = 0.
# Run from the repository root. Usage: tests/corpus/run.sh [-v]
set -u

out=build/corpus
mkdir -p "$out"

fail() { echo "corpus: $1"; echo "corpus: 0 passed, 1 failed"; exit 1; }

for tool in dtc python3; do
	command -v "$tool" >/dev/null 2>&1 || fail "$tool missing (.ci/install-deps)"
done
dtb_dir=$(scripts/fetch-dtbs.sh build/linux-dtbs | tail -n 1) || fail "fetch-dtbs.sh failed"

# build/host/machine-check --records: the stub's own reading, built by
# make with ASan and UBSan (scripts/host/host.mk).
bin=build/host/machine-check
make --no-print-directory -s "$bin" || fail "machine-check did not build"

find "$dtb_dir" -name '*.dtb' | sort >"$out/list"
[ -s "$out/list" ] || fail "no .dtb under $dtb_dir"

# Batches of 100: one crash costs the rest of its batch, not the run. A
# batch that exits non-zero gets a "# CRASH" line after its last record.
rm -f "$out"/batch.* "$out/driver.out"
split -l 100 "$out/list" "$out/batch."
for batch in "$out"/batch.*; do
	# shellcheck disable=SC2046 # the names have no spaces (Debian's tree)
	ASAN_OPTIONS=detect_leaks=1 "$bin" --records $(cat "$batch") >"$batch.out" 2>"$batch.err"
	rc=$?
	if [ "$rc" -ne 0 ] || grep -q 'Sanitizer\|runtime error' "$batch.err"; then
		echo "# CRASH exit status $rc" >>"$batch.out"
		echo "machine-check: exit status $rc on $(tail -n 2 "$batch.out" | head -n 1)"
		head -n 20 "$batch.err"
	fi
	cat "$batch.out" >>"$out/driver.out"
done

show=10
[ "${1:-}" = "-v" ] && show=100000
python3 tests/corpus/independent.py --list "$out/list" --driver-out "$out/driver.out" \
	--cache "$out/dts" --jobs "$(nproc)" --show "$show"
