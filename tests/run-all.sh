#!/bin/bash
# tests/run-all.sh - the whole test suite behind `make test`.
#
# Owns: running the check that tests/README.md maps every product file,
# the host unit tests, the gdb scripts' pure modules' tests, a bounded fuzz
# run, the DTB corpus test, the QEMU boot matrix (in parallel, each run with
# a timeout) and the geometry matrix (each other translation geometry's
# build), the test build's fault and negative tests
# (tests/qemu/negative-cases.sh), the boots through U-Boot (virt's,
# and the Raspberry Pi 3 SD card through the Pi's) and UEFI, the product
# checks, the MMU-off fence (tests/fence/run.sh), the MMU monitor driven
# over the serial (pexpect), the bench
# plugin's self-test and the gdb-multiarch tests, and the one closing line
# "N passed, M failed" (exit status non-zero on any failure).
# Expects the Makefile's exported board variables and built images.
set -u
board=${1:-virt}
jobs=${TEST_JOBS:-$(nproc)}
passed=0 failed=0

# add_suite NAME RC OUTPUT: add the counts of OUTPUT's last "NAME: N passed,
# M failed" line. A suite that failed without a failure counted, or printed
# no such line, counts as one failure more.
add_suite() {
	local name=$1 rc=$2 out=$3 line
	line=$(grep "^$name:" <<<"$out" | tail -1)
	echo "$line"
	if [[ $line =~ ^$name:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
		passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2]))
		[ "$rc" -ne 0 ] && [ "${BASH_REMATCH[2]}" -eq 0 ] && failed=$((failed + 1))
	else
		tail -20 <<<"$out"; echo "$name: no summary line"; failed=$((failed + 1))
	fi
	return 0
}

echo "== every product file has its tests named in tests/README.md (tests/readme-check.sh)"
readme_out=$(tests/readme-check.sh 2>&1); readme_rc=$?
grep -E '^FAIL |^note ' <<<"$readme_out"
add_suite readme "$readme_rc" "$readme_out"

echo "== host unit tests (cmocka)"
unit_out=$(make --no-print-directory -f tests/unit/unit.mk 2>&1); unit_rc=$?
grep -E '^\[  FAILED  \]|error|FAIL' <<<"$unit_out" || true
add_suite unit "$unit_rc" "$unit_out"

echo "== the gdb scripts' pure modules on the host, no gdb (tests/gdbpy/run.py)"
gdbpy_out=$(python3 tests/gdbpy/run.py 2>&1); gdbpy_rc=$?
grep -E '^(FAIL|ERROR): ' <<<"$gdbpy_out"
add_suite gdbpy "$gdbpy_rc" "$gdbpy_out"

echo "== fuzzing the runtime map API (libFuzzer, bounded; make fuzz runs longer)"
fuzz_out=$(make --no-print-directory -f tests/fuzz/fuzz.mk short 2>&1); fuzz_rc=$?
add_suite fuzz "$fuzz_rc" "$fuzz_out"

echo "== DTB reading (lib/machine.c) over Debian's arm64 DTBs against an independent reading (tests/corpus/run.sh)"
corpus_out=$(tests/corpus/run.sh 2>&1); corpus_rc=$?
add_suite corpus "$corpus_rc" "$corpus_out"

echo "== QEMU boots (board $board, $jobs in parallel)"
results=$(export BUILD_DIR=build; { tests/qemu/cases.sh; tests/qemu/dtb-cases.sh; tests/qemu/hostile-cases.sh; tests/qemu/console-cases.sh; } |
	xargs -P "$jobs" -L 1 tests/qemu/boot.sh)
# The test build (tests/target/): the fault tests and the negative cases,
# each deliberate failure caught and reported (tests/qemu/negative-cases.sh).
echo "== QEMU boots of the test build: faults and negative cases (tests/qemu/negative-cases.sh)"
negatives=$(export BUILD_DIR=build/test; tests/qemu/negative-cases.sh |
	xargs -P "$jobs" -L 1 tests/qemu/boot.sh)
results+=$'\n'$negatives
# Every other translation geometry (make geometries built them).
echo "== QEMU boots of the other geometries (tests/qemu/geometry-cases.sh)"
results+=$'\n'$({ tests/qemu/geometry-cases.sh; tests/qemu/idmap-cases.sh; } | xargs -P "$jobs" -L 1 env)
echo "== other boards"
# A board is a folder with a board.mk (board/ also holds shared code).
for board_mk in board/*/board.mk; do
	other=$(basename "$(dirname "$board_mk")")
	[ "$other" = "$board" ] && continue
	# A board the Image is too big for (one-image.ok): skipped with the line.
	if [ -f "build/$other/skipped" ]; then
		echo "SKIP $(cat "build/$other/skipped")"
		continue
	fi
	board_results=$(eval "$(make -s --no-print-directory BOARD=$other board-env)"
		export BUILD_DIR=build
		tests/qemu/cases-board.sh | xargs -P "$jobs" -L 1 tests/qemu/boot.sh)
	# A board whose cases could not even be listed is a failure, not silence.
	grep -q '^PASS \|^FAIL ' <<<"$board_results" ||
		board_results+=$'\n'"FAIL board-$other: no case ran (make board-env or tests/qemu/cases-board.sh failed)"
	results+=$'\n'$board_results
done

echo "== U-Boot boots (Debian's u-boot-qemu)"
export UBOOT_DIR=build/uboot-test
if BUILD_DIR=build tests/uboot/prepare.sh "$UBOOT_DIR"; then
	uboot=$(export BUILD_DIR=build; tests/uboot/cases.sh |
		xargs -P "$jobs" -L 1 tests/qemu/boot.sh)
else
	uboot="FAIL uboot-prepare: tests/uboot/prepare.sh failed"
fi
results+=$'\n'$uboot
echo "== ACPI-only boots through EDK2 (tests/qemu/acpi-cases.sh)"; results+=$'\n'$(export BUILD_DIR=build; tests/qemu/acpi-cases.sh | xargs -P "$jobs" -L 1 tests/qemu/acpi-boot.sh)

echo "== Raspberry Pi 3 SD card through Debian's U-Boot (u-boot-rpi: rpi_3, rpi_arm64)"
# make sdcard built the card and fetched both U-Boot builds; U-Boot's
# distro boot waits 2 s, so the cases get more time than the default.
rpi=$(eval "$(make -s --no-print-directory BOARD=raspi3b board-env)"
	export BUILD_DIR=build QEMU_TIMEOUT=40
	tests/uboot/cases-rpi.sh build/u-boot-rpi/root/usr/lib/u-boot build/sdcard-rpi3.img |
		xargs -P "$jobs" -L 1 tests/qemu/boot.sh)
results+=$'\n'$rpi

echo "== boot matrix (instructions to MMU on: entry to SCTLR.M, under -icount)"
{
	echo "board|cpu|EL|smp|RAM|artifact|result|checks passed|insns to MMU on"
	grep '^ROW|' <<<"$results" | cut -d'|' -f2- | sort -t'|' -k1,1 -k2,2 -k3,3 -k5,5V
} | column -t -s'|'

qemu_pass=$(grep -c '^PASS ' <<<"$results")
qemu_fail=$(grep -c '^FAIL ' <<<"$results")
grep '^FAIL ' <<<"$results"
echo "qemu: $qemu_pass passed, $qemu_fail failed"
passed=$((passed + qemu_pass)); failed=$((failed + qemu_fail))

echo "== plain make in every geometry: every artifact, a board too small skipped by name (tests/build/geometries.sh)"
build_out=$(tests/build/geometries.sh 2>&1); build_rc=$?
grep -E '^FAIL |skipped' <<<"$build_out"
add_suite build "$build_rc" "$build_out"

echo "== the MMU-off fence refuses an absolute relocation and a call out of the set (tests/fence/run.sh)"
fence_out=$(tests/fence/run.sh 2>&1); fence_rc=$?
grep '^FAIL ' <<<"$fence_out"
add_suite fence "$fence_rc" "$fence_out"

echo "== the product: no test code, no EL0 page, the default report's size (tests/qemu/product.sh)"
product_out=$(tests/qemu/product.sh 2>&1); product_rc=$?
grep '^FAIL ' <<<"$product_out"
add_suite product "$product_rc" "$product_out"

echo "== the MMU monitor over QEMU's serial, and stub.demand (tests/qemu/shell.py, pexpect)"
shell_out=$(timeout 180 python3 tests/qemu/shell.py build 2>&1); shell_rc=$?
grep -E '^FAIL |^     also: |^     \(' <<<"$shell_out"
add_suite shell "$shell_rc" "$shell_out"

echo "== the bench plugin counts (tests/bench/selftest.sh; make bench for the figures)"
bench_out=$(tests/bench/selftest.sh build 2>&1); bench_rc=$?
add_suite bench "$bench_rc" "$bench_out"

echo "== gdb-multiarch against QEMU (tests/gdb/run.sh)"
gdb_out=$(BUILD_DIR=build tests/gdb/run.sh 2>&1); gdb_rc=$?
grep -E '^FAIL |^     log: ' <<<"$gdb_out"
add_suite gdb "$gdb_rc" "$gdb_out"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
