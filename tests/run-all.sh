#!/bin/bash
# tests/run-all.sh - the whole test suite behind `make test`.
#
# Owns: the suites' order and the two halves. First the suites that need
# no QEMU: the check that tests/README.md maps every product file, the
# host unit tests, the gdb scripts' pure modules' tests, a bounded fuzz
# run, the DTB corpus test, the MMU-off fence (tests/fence/run.sh). Then,
# once per QEMU, every suite that runs one: the QEMU boot matrix (in
# parallel, each run with a timeout) and the geometry matrix (each other
# translation geometry's build), the test build's fault and negative tests
# (tests/qemu/negative-cases.sh), the other boards (those a QEMU older
# than their BOARD_QEMU_SINCE lacks are skipped, named), the boots through
# U-Boot (virt's, and the Pis' SD card through the Pis' own) and UEFI, the
# product checks, the MMU monitor driven over the serial (pexpect), the
# bench plugin's self-test and the gdb-multiarch tests. The QEMUs: the ones
# named as arguments (make QEMU=... test), else the system's
# qemu-system-aarch64 and, where that is older than 10.0, Debian's 10.0
# from bookworm-backports (scripts/fetch-qemu.sh: fetched into build/
# once, never installed). Each half runs with its QEMU first on PATH (and
# in QEMU) and ends with one line "QEMU VERSION: N passed, M failed (TIME)"
# (the first half counts the suites without QEMU too); then the one
# closing line "N passed, M failed" (exit status non-zero on any failure).
# The second half's boot logs go to build/test-logs/qemu-VERSION/.
# Expects the Makefile's exported board variables and built images.
# usage: run-all.sh [BOARD [QEMU...]]
set -u
board=${1:-virt}
shift $(($# > 0 ? 1 : 0))
jobs=${TEST_JOBS:-$(nproc)}
passed=0 failed=0
# The QEMU that is new enough without a second half (Debian 13's).
newer=10.0
start=$SECONDS

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

echo "== plain make in every geometry: every artifact, a board too small skipped by name (tests/build/geometries.sh)"
build_out=$(tests/build/geometries.sh 2>&1); build_rc=$?
grep -E '^FAIL |skipped' <<<"$build_out"
add_suite build "$build_rc" "$build_out"

echo "== the MMU-off fence refuses an absolute relocation and a call out of the set (tests/fence/run.sh)"
fence_out=$(tests/fence/run.sh 2>&1); fence_rc=$?
grep '^FAIL ' <<<"$fence_out"
add_suite fence "$fence_rc" "$fence_out"

# ---- the suites that run a QEMU: once per QEMU ------------------------------
# board_env NAME: that board's facts as shell assignments (make board-env).
board_env() { make -s --no-print-directory BOARD="$1" board-env; }
# board_skipped ENV: the reason the QEMU under test cannot run the board
# (older than its BOARD_QEMU_SINCE and without its machine); empty if it can.
board_skipped() {
	local since machine
	read -r since machine < <(eval "$1"; echo "${BOARD_QEMU_SINCE:--} $BOARD_QEMU_MACHINE")
	[ "$since" = - ] && return 0
	scripts/qemu-version.sh at-least "$since" && return 0
	qemu-system-aarch64 -M help 2>/dev/null | grep -q "^$machine " && return 0
	echo "QEMU $version has no -M $machine (this project runs it from QEMU $since)"
}

qemu_suites() {
	local results board_results other env_sh why uboot negatives
	echo "== QEMU boots (board $board, $jobs in parallel)"
	results=$(export BUILD_DIR=build; { tests/qemu/cases.sh; tests/qemu/dtb-cases.sh;
		tests/qemu/hostile-cases.sh; tests/qemu/console-cases.sh; tests/qemu/ram-cases.sh; } |
		xargs -P "$jobs" -L 1 tests/qemu/boot.sh)
	# The test build (tests/target/): the fault tests and the negative cases,
	# each deliberate failure caught and reported (tests/qemu/negative-cases.sh).
	echo "== QEMU boots of the test build: faults and negative cases (tests/qemu/negative-cases.sh)"
	negatives=$(export BUILD_DIR=build/test; tests/qemu/negative-cases.sh |
		xargs -P "$jobs" -L 1 tests/qemu/boot.sh)
	results+=$'\n'$negatives
	# Every other translation geometry (make geometries built them).
	echo "== QEMU boots of the other geometries (tests/qemu/geometry-cases.sh, idmap-cases.sh, va52-cases.sh)"
	results+=$'\n'$({ tests/qemu/geometry-cases.sh; tests/qemu/idmap-cases.sh;
		tests/qemu/va52-cases.sh; } | xargs -P "$jobs" -L 1 env)
	echo "== build/host/machine-check on those DTBs: the boots' own lines (tests/qemu/machine-check-compare.py)"
	results+=$'\n'$(python3 tests/qemu/machine-check-compare.py "$TEST_LOG_DIR"/console-*.log \
		"$TEST_LOG_DIR"/hostile-release-*.log "$TEST_LOG_DIR"/hostile-duplicate-mpidr.log)
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
		env_sh=$(board_env "$other")
		why=$(board_skipped "$env_sh")
		if [ -n "$why" ]; then echo "note: board $other skipped: $why"; continue; fi
		board_results=$(eval "$env_sh"
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
	echo "== ACPI-only boots through EDK2 (tests/qemu/acpi-cases.sh)"
	results+=$'\n'$(export BUILD_DIR=build; tests/qemu/acpi-cases.sh |
		xargs -P "$jobs" -L 1 tests/qemu/acpi-boot.sh)

	echo "== the Pis' SD card (build/sdcard-rpi.img) through Debian's U-Boot (u-boot-rpi)"
	# make sdcard built the card and fetched the U-Boot builds; each Pi
	# board boots it with the builds its BOARD_SDCARD_UBOOTS names. U-Boot's
	# distro boot waits 2 s, so the cases get more time than the default.
	for board_mk in board/*/board.mk; do
		other=$(basename "$(dirname "$board_mk")")
		env_sh=$(board_env "$other")
		grep -q "^export BOARD_SDCARD_UBOOTS=''" <<<"$env_sh" && continue
		why=$(board_skipped "$env_sh")
		if [ -n "$why" ]; then echo "note: SD card on $other skipped: $why"; continue; fi
		board_results=$(eval "$env_sh"
			export BUILD_DIR=build QEMU_TIMEOUT=40
			tests/uboot/cases-rpi.sh build/u-boot-rpi/root/usr/lib/u-boot build/sdcard-rpi.img |
				xargs -P "$jobs" -L 1 tests/qemu/boot.sh)
		grep -q '^PASS \|^FAIL ' <<<"$board_results" ||
			board_results+=$'\n'"FAIL sdcard-$other: no case ran (tests/uboot/cases-rpi.sh failed)"
		results+=$'\n'$board_results
	done

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
}

# The QEMUs: the arguments, else the system's and, where it is older than
# $newer, Debian's $newer (fetched once; a failed fetch is a failure).
qemus=("$@") fetch_failed=
if [ ${#qemus[@]} -eq 0 ]; then
	qemus=(qemu-system-aarch64)
	if ! scripts/qemu-version.sh qemu-system-aarch64 at-least "$newer"; then
		echo "== QEMU $newer beside the system's $(scripts/qemu-version.sh 2>/dev/null) (scripts/fetch-qemu.sh)"
		if q=$(scripts/fetch-qemu.sh build/qemu-backports 2>build/fetch-qemu.log | tail -n 1) && [ -x "$q" ]; then
			qemus+=("$q")
		else
			tail -5 build/fetch-qemu.log; fetch_failed=1
		fi
	fi
fi
halves=()
base_path=$PATH
for i in "${!qemus[@]}"; do
	q=${qemus[$i]}
	# The command itself, not what a link resolves to (fetch-qemu.sh's is a
	# script that gives QEMU its ROMs), first on PATH in a folder of its own.
	case $q in */*) q=$(cd "$(dirname "$q")" && pwd)/$(basename "$q") ;; *) q=$(command -v "$q") ;; esac
	version=$(scripts/qemu-version.sh "$q") || { halves+=("QEMU ${qemus[$i]}: 0 passed, 1 failed (does not run)"); failed=$((failed + 1)); continue; }
	bindir=build/test-qemu/$version
	mkdir -p "$bindir" && ln -sfn "$q" "$bindir/qemu-system-aarch64"
	export PATH=$PWD/$bindir:$base_path QEMU=$q
	logs=build/test-logs
	[ "$i" -gt 0 ] && logs=build/test-logs/qemu-$version
	export TEST_LOG_DIR=$logs GDB_TEST_LOGDIR=$logs/gdb
	echo "==== the suites on QEMU $version ($q)"
	# The first half counts (and times) the suites without QEMU too.
	p0=0 f0=0 t0=$start
	[ "$i" -gt 0 ] && p0=$passed f0=$failed t0=$SECONDS
	qemu_suites
	t=$((SECONDS - t0))
	what=
	[ "$i" = 0 ] && what=", with the suites without QEMU"
	halves+=("QEMU $version: $((passed - p0)) passed, $((failed - f0)) failed ($((t / 60))m $((t % 60))s$what)")
	echo "${halves[-1]}"
done
export PATH=$base_path
unset TEST_LOG_DIR GDB_TEST_LOGDIR
if [ -n "$fetch_failed" ]; then
	halves+=("QEMU $newer: 0 passed, 1 failed (scripts/fetch-qemu.sh failed: build/fetch-qemu.log)")
	failed=$((failed + 1))
fi
echo "==== the halves"
printf '%s\n' "${halves[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
