#!/bin/bash
# tests/gdb/run.sh - gdb-multiarch against QEMU's gdbstub, in batch mode.
#
# Owns: the gdb test cases (which QEMU, which gdb script), their processes
# (a free port per QEMU, `timeout` on every process, QEMU killed at the end)
# and the one closing line "gdb: N passed, M failed" (non-zero exit on any
# failure). The checks themselves are in tests/gdb/t_*.py, run inside gdb:
#   t_breakpoints.py  hbreak before/after the MMU switch (stub-symbols)
#   t_report.py       pt-walk / mmu-regs / pt-dump vs the stub's own report
#                     (also every other geometry's build: make geometries)
#   t_uboot.py        pt-walk / pt-dump on Debian's U-Boot (EL1 and EL2)
#   t_result.py       stub-result after boots that printed nothing
#   t_debug.py        `make debug` itself (scripts/gdb/debug.mk, debug.py),
#                     gdb being tests/gdb/debug-gdb.sh: attached, symbols,
#                     stops across the MMU switch; QEMU gone when it returns
# What needs neither gdb nor QEMU (register decoders, the walker on
# hand-built tables in every granule, the output's text) is tested by
# tests/gdbpy/run.py with plain python3.
# Expects built images (make); board facts come from the Makefile's exports
# (BOARD_QEMU_MACHINE, BOARD_QEMU_EL2/EL3, BOARD_LOAD_PA), with virt defaults.
# QEMU: $QEMU, else the qemu-system-aarch64 first on PATH (tests/run-all.sh
# sets both to each half's: the system's, QEMU 10.0); `make debug` in
# t_debug.py finds the same one on PATH.
# Logs: build/test-logs/gdb/CASE.{gdb,serial,qemu} (make-debug: CASE.gdb,
# CASE.serial; QEMU's own output in build/debug-qemu.log, as make debug's).
set -u
cd "$(dirname "$0")/../.." || exit 1

build=${BUILD_DIR:-build}
machine=${BOARD_QEMU_MACHINE:-virt}
load=${BOARD_LOAD_PA:-0x40200000}
el2=${BOARD_QEMU_EL2-,virtualization=on}
el3=${BOARD_QEMU_EL3-,secure=on,virtualization=on}
uboot=${BOARD_UBOOT_BIN:-/usr/lib/u-boot/qemu_arm64/u-boot.bin}
gdb=${GDB:-gdb-multiarch}
qemu=${QEMU:-qemu-system-aarch64}
limit=${GDB_TEST_TIMEOUT:-20}
logdir=${GDB_TEST_LOGDIR:-build/test-logs/gdb}
mkdir -p "$logdir"
passed=0 failed=0
pids=()

cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# run_case NAME SCRIPT WAIT_FOR ENV... -- QEMU_ARGS...
#   WAIT_FOR: '-' (QEMU starts paused with -S) or a string to wait for in
#   the serial log before gdb attaches. ENV: VAR=value for the gdb script.
run_case() {
	local name=$1 script=$2 wait_for=$3; shift 3
	local envs=() port qpid ok i rc
	while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
	shift
	local serial=$logdir/$name.serial out=$logdir/$name.gdb qlog=$logdir/$name.qemu
	local paused=()
	[ "$wait_for" = - ] && paused=(-S)
	local start=$SECONDS
	for attempt in 1 2 3; do    # the port may be taken between pick and bind
		port=$(python3 scripts/gdb/gdbport.py) || { echo "FAIL $name: no free port"; failed=$((failed + 1)); return; }
		: > "$serial"
		timeout "$limit" "$qemu" -M "$machine${MACHINE_PROPS:-}" "$@" -nographic -nodefaults \
			-serial "file:$serial" -no-reboot "${paused[@]}" -gdb "tcp:127.0.0.1:$port" \
			</dev/null >"$qlog" 2>&1 &
		qpid=$!
		pids+=("$qpid")
		ok=
		python3 scripts/gdb/gdbport.py --wait "$qpid" "$port" 10 && { ok=1; break; }
		kill "$qpid" 2>/dev/null; wait "$qpid" 2>/dev/null
	done
	if [ -z "$ok" ]; then
		echo "FAIL $name: QEMU did not open its gdbstub ($(head -c 300 "$qlog"))"
		failed=$((failed + 1)); return
	fi
	if [ "$wait_for" != - ]; then
		ok=
		for i in $(seq 200); do
			grep -qF "$wait_for" "$serial" && { ok=1; break; }
			kill -0 "$qpid" 2>/dev/null || break
			sleep 0.1
		done
		if [ -z "$ok" ]; then
			echo "FAIL $name: '$wait_for' never appeared on the console (log: $serial)"
			failed=$((failed + 1)); kill "$qpid" 2>/dev/null; wait "$qpid" 2>/dev/null; return
		fi
	fi
	env GDBT_CASE="$name" GDBT_PORT="$port" GDBT_SERIAL="$serial" GDBT_ELF="$build/stub.elf" \
		GDBT_LOAD="$load" "${envs[@]}" \
		timeout "$limit" "$gdb" -q -nx -batch -x "tests/gdb/$script" </dev/null >"$out" 2>&1
	rc=$?
	kill "$qpid" 2>/dev/null; wait "$qpid" 2>/dev/null
	local p f
	p=$(grep -c "^PASS $name: " "$out")
	f=$(grep -c "^FAIL $name: " "$out")
	grep "^FAIL $name: " "$out"
	if ! grep -q "^DONE $name: " "$out"; then
		[ $rc -eq 124 ] && echo "FAIL $name: gdb timed out after ${limit}s (log: $out)" \
			|| echo "FAIL $name: gdb script did not finish, status $rc (log: $out)"
		f=$((f + 1))
	fi
	[ "$f" -gt 0 ] && echo "     log: $out"
	echo "case $name: $p passed, $f failed ($((SECONDS - start))s)"
	passed=$((passed + p)); failed=$((failed + f))
}

for f in "$build/stub.elf" "$build/Image"; do
	[ -f "$f" ] || { echo "FAIL: $f missing (run make first)"; echo "gdb: 0 passed, 1 failed"; exit 1; }
done
command -v "$gdb" >/dev/null || { echo "FAIL: $gdb not installed"; echo "gdb: 0 passed, 1 failed"; exit 1; }

ram=$((load & ~0x3fffffff))
reloc=$(printf '0x%x' $((ram + 0x8000000)))   # 128 MiB into RAM, 2 MiB aligned
# QEMU's generic loader sets only the PC: a trampoline in the page below
# the Image hands over QEMU's own DTB (at the start of RAM on virt) in x0.
mkdir -p "$logdir"
tests/qemu/trampoline.py "$logdir/reloc.tramp" "$(printf '0x%x' $ram)" "$reloc"
reloc_load=(-device "loader,file=$build/Image,addr=$reloc"
	    -device "loader,file=$logdir/reloc.tramp,addr=$(printf '0x%x' $((reloc - 0x1000))),cpu-num=0")

# Breakpoints across the MMU switch: the Image as `make run` boots it, and
# loaded elsewhere (QEMU's generic loader) with stub-symbols at that address.
run_case bp-image-el1 t_breakpoints.py - -- \
	-cpu cortex-a53 -m 128M -semihosting -kernel "$build/Image"
MACHINE_PROPS=$el2 run_case bp-image-el2 t_breakpoints.py - GDBT_EL=2 -- \
	-cpu cortex-a72 -m 1G -semihosting -kernel "$build/Image"
run_case bp-reloc-el1 t_breakpoints.py - GDBT_LOAD="$reloc" -- \
	-cpu cortex-a57 -m 1G -semihosting "${reloc_load[@]}"

# `make debug` as a user types it, but non-interactive: debug.mk's QEMU
# line and load address, debug.py's free port, gdb command line and
# clean-up; the debugger is debug-gdb.sh (batch, t_debug.py last). setsid:
# no controlling terminal, so debug.py runs gdb without job control (its
# fall-back) and never takes this terminal; timeout inside it, so that a
# hang ends make, debug.py (which then ends QEMU) and gdb together.
run_make_debug() {
	local name=make-debug out=$logdir/make-debug.gdb start=$SECONDS p f rc qpid
	env GDBT_CASE=$name GDBT_LOAD="$load" GDB_REAL="$gdb" \
		setsid -w timeout "$limit" make --no-print-directory -s debug \
		GDB="$PWD/tests/gdb/debug-gdb.sh" DEBUG_SERIAL="$logdir/$name.serial" \
		</dev/null >"$out" 2>&1
	rc=$?
	p=$(grep -c "^PASS $name: " "$out")
	f=$(grep -c "^FAIL $name: " "$out")
	grep "^FAIL $name: " "$out"
	if ! grep -q "^DONE $name: " "$out"; then
		echo "FAIL $name: gdb script did not finish, status $rc (log: $out)"
		f=$((f + 1))
	fi
	qpid=$(sed -n 's/^debug: QEMU (pid \([0-9]*\)) paused.*/\1/p' "$out")
	if [ -n "$qpid" ] && ! kill -0 "$qpid" 2>/dev/null; then
		p=$((p + 1))            # QEMU ended with gdb
	else
		echo "FAIL $name: QEMU ${qpid:-(no pid printed)} still running after make debug"
		[ -n "$qpid" ] && kill "$qpid" 2>/dev/null
		f=$((f + 1))
	fi
	[ "$f" -gt 0 ] && echo "     log: $out"
	echo "case $name: $p passed, $f failed ($((SECONDS - start))s)"
	passed=$((passed + p)); failed=$((failed + f))
}
run_make_debug

# gdb's pt-walk / mmu-regs / pt-dump against the stub's report.
# (stub.report=full: every probe's lines; a boot through QEMU's generic
# loader gets no boot arguments: gdb sets the flag itself, GDBT_FORCE_FULL.)
run_case report-image-a53-128M-el1 t_report.py - -- \
	-cpu cortex-a53 -m 128M -semihosting -kernel "$build/Image" -append stub.report=full
MACHINE_PROPS=$el2 run_case report-image-max-4G-el2 t_report.py - -- \
	-cpu max -m 4G -semihosting -kernel "$build/Image" -append stub.report=full
MACHINE_PROPS=$el3 run_case report-reloc-a72-2G-el3 t_report.py - GDBT_LOAD="$reloc" GDBT_FORCE_FULL=1 -- \
	-cpu cortex-a72 -m 2G -semihosting "${reloc_load[@]}"

# The same report checks in every other geometry (make geometries): 16K on
# max (QEMU's cortex-a5x/a72 have no 16 KiB granule), 4K and 64K on
# cortex-a72; the 52-bit ones on max (FEAT_LPA2: five levels with 4K;
# FEAT_LVA) and on a CPU without the feature (the fallback: neoverse-n1
# for 16K). The gdb scripts read the geometry from TCR_EL1
# (scripts/gdb/stub.py).
for geo in 4k-48:cortex-a72 4k-52:max 4k-52:cortex-a72 16k-36:max 16k-47:max 16k-48:max \
	16k-52:max 16k-52:neoverse-n1 64k-42:cortex-a72 64k-48:cortex-a72 64k-52:max \
	64k-52:cortex-a72; do
	g=${geo%%:*} cpu=${geo#*:}
	if [ -f "build/$g/Image" ] && [ -f "build/$g/virt/stub.elf" ]; then
		run_case "report-$g-$cpu-1G-el1" t_report.py - GDBT_ELF="build/$g/virt/stub.elf" -- \
			-cpu "$cpu" -m 1G -semihosting -kernel "build/$g/Image" -append stub.report=full
	else
		echo "FAIL report-$g: build/$g not built (make geometries)"
		failed=$((failed + 1))
	fi
done

# The result record after a boot that printed nothing (lib/result.h): no
# console in the DTB and no semihosting, then a refusal with the MMU off
# (an image across a 1 GiB boundary) without semihosting either.
silent_dtb=$logdir/no-console.dtb
"$qemu" -M "virt,dumpdtb=$silent_dtb" -cpu cortex-a57 -m 1G -nodefaults -display none \
	</dev/null >/dev/null 2>&1
fdtput -d "$silent_dtb" /chosen stdout-path
fdtput -d "$silent_dtb" /aliases serial0 2>/dev/null || true    # QEMU 10's virt has one
run_case result-silent t_result.py - -- \
	-cpu cortex-a57 -m 1G -kernel "$build/Image" -dtb "$silent_dtb"
run_case result-refusal-mmu-off t_result.py - GDBT_LOAD=0x7fff0000 GDBT_MMU_OFF=1 \
	GDBT_EXPECT_STATUS=4 GDBT_EXPECT_MESSAGE="crosses a 1 GiB boundary" -- \
	-cpu cortex-a57 -m 2G -device "loader,file=$build/Image,addr=0x7fff0000,cpu-num=0"

# The test build (make CONFIG_TEST_HOOKS=1, as make test does) with one
# block moved after the MMU is on: pt-walk follows the live tables.
if [ -f "$build/test/Image" ]; then
	run_case report-corrupt-desc t_report.py - GDBT_ELF="$build/test/stub.elf" \
		GDBT_EXPECT_FAILED=1 -- -cpu cortex-a53 -m 1G -semihosting \
		-kernel "$build/test/Image" -append "stub.test=corrupt-desc stub.report=full"
else
	echo "case report-corrupt-desc: skipped ($build/test not built: make CONFIG_TEST_HOOKS=1)"
fi

# Not only the stub: U-Boot's own tables, at EL1 and at EL2.
if [ -f "$uboot" ]; then
	run_case uboot-el1 t_uboot.py "autoboot" GDBT_EL=1 -- \
		-cpu cortex-a57 -m 1G -bios "$uboot"
	MACHINE_PROPS=$el2 run_case uboot-el2 t_uboot.py "autoboot" GDBT_EL=2 -- \
		-cpu cortex-a57 -m 1G -bios "$uboot"
else
	echo "FAIL uboot: $uboot missing (Debian package u-boot-qemu)"
	failed=$((failed + 1))
fi

echo "gdb: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
