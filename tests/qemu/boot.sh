#!/bin/bash
# tests/qemu/boot.sh - boot the stub once under QEMU and judge the run.
#
# Owns: the QEMU command line for one test case and the verdict on its
# output, and the hand-over of a DTB to an Image put in memory by QEMU's
# generic loader: the DTB loaded byte for byte (or QEMU's own, at the start
# of RAM, on virt) and a four-instruction trampoline that enters the Image
# with x0 = the DTB, as a boot loader does. Board facts come from the
# environment the Makefile exports (BOARD, BOARD_QEMU_*, BOARD_DTB_FILE,
# BOARD_ROM_DIR, BOARD_LOAD_PA, BOARD_RAM_BASE_PA, BUILD_DIR; GEOMETRY,
# when not the default one, only names the build in the matrix row:
# image@16k-48). QEMU is the qemu-system-aarch64 first on PATH
# (tests/run-all.sh puts the one under test there); the options whose
# spelling depends on its version come from scripts/qemu-version.sh.
# Logs go to TEST_LOG_DIR (default build/test-logs).
#
# usage: boot.sh NAME ARTIFACT CPU MEM EL [LOAD_PA] [EXPECT] [EXTRA_QEMU_ARGS...]
#   ARTIFACT  image | elf | image@GEOMETRY, elf@GEOMETRY (the build of
#             another geometry: BUILD_DIR/GEOMETRY, e.g. image@4k-48) |
#             image-x0=PA[:FILE] (the Image through the generic
#             loader at LOAD_PA, entered with x0 = PA, FILE loaded there
#             if given: DTB hand-over tests) | bios-x0=PA:FILE (the same
#             with the trampoline as -bios: QEMU then counts a firmware as
#             loaded, and virt,acpi=on gets the ACPI GED that a pc-dimm, RAM
#             at any address, needs) | kernel=FILE (FILE through
#             -kernel: a damaged Image) | bios=FILE (FILE as -bios: in
#             flash) | edk2 (EDK2 as -bios, the disk
#             with EFI/BOOT/BOOTAA64.EFI from EXTRA_QEMU_ARGS) | uboot (U-Boot as -bios, the rest from
#             EXTRA_QEMU_ARGS) | uboot-kernel=FILE (U-Boot, and FILE as
#             -kernel for its qfw loader) | uboot-sd=BIN:CARD (a board's
#             U-Boot BIN as -kernel, as the Raspberry Pi's firmware starts
#             it, with a copy of the SD card image CARD; -dtb etc. from
#             EXTRA_QEMU_ARGS)
#   EL        1 | 2 | 3   entry exception level (machine properties per board)
#   LOAD_PA   image: where QEMU's generic loader puts the raw Image ('-' for
#             -kernel; an Image entered at EL3 always uses the loader);
#             uboot*: the load address the stub must report ('-': any)
#   EXPECT    pass (default) | misaligned | nosemihosting | fit-refused |
#             uart-exitN (no -semihosting: a refusal said on the DTB's UART,
#             the run ended by PSCI SYSTEM_OFF, "stub: exit status N")
#             (U-Boot refuses a tampered FIT; the stub never runs) |
#             beyond-linear (refused by name with the MMU on) | product
#             (the product given the test build's arguments must ignore them),
#             or, with the test build (make CONFIG_TEST_HOOKS=1,
#             tests/target/testhooks.c), faults (boot argument stub.faults:
#             the fault tests must run and all pass) | corrupt-desc | fault |
#             fault-early | stack-overflow | psci-nofw (a PSCI call nothing
#             answers, named, exit 8) (passed to the stub as
#             stub.test=EXPECT).
#             EXPECT/MARKER also requires MARKER in the log ('_' = space),
#             e.g. pass/devtype_virtio: the path the loader took; several
#             markers are joined by '&' (a marker may hold '/'); a
#             marker starting with '!' must NOT be in the log; what QEMU
#             writes to a -D FILE among EXTRA_QEMU_ARGS (e.g. -trace
#             output) is added to the log after the run, so markers see it;
#             EXPECT@N: N CPUs must come up (the others named, left off),
#             instead of every CPU QEMU runs; EXPECT@N+L: N come up and L
#             are named and left off (a DTB that lists more CPUs than
#             QEMU runs)
# Prints one line "PASS NAME" or "FAIL NAME: reason" (+ log path), then one
# "ROW|board|cpu|EL|smp|RAM|artifact|result|checks passed|instructions to
# MMU on" line for the matrix table (tests/run-all.sh). Direct boots run
# under -icount shift=0 so that the instruction count is exact.
set -u
name=$1 artifact=$2 cpu=$3 mem=$4 el=$5 load=${6:--} expect=${7:-pass}
shift 7 2>/dev/null || shift $#
marker= online= summary=
if [[ $expect == */* ]]; then
	marker=${expect#*/} marker=${marker//_/ } expect=${expect%%/*}
fi
IFS='&' read -r -a markers <<<"$marker"

if [[ $expect == *@* ]]; then
	online=${expect#*@} expect=${expect%%@*}
fi
build=${BUILD_DIR:?BUILD_DIR not set}
if [[ $artifact == image@* || $artifact == elf@* ]]; then
	GEOMETRY=${artifact#*@} build=${build%/}/${artifact#*@} artifact=${artifact%%@*}
fi
logdir=${TEST_LOG_DIR:-build/test-logs}
mkdir -p "$logdir"
log="$logdir/$name.log"
timeout_s=${QEMU_TIMEOUT:-30}
[ "$expect" = efi-refused ] && timeout_s=15     # EDK2 goes on to its shell

case $el in
1) props=${BOARD_QEMU_EL1-} ;;
2) props=${BOARD_QEMU_EL2-} ;;
3) props=${BOARD_QEMU_EL3-} ;;
*) echo "FAIL $name: bad EL '$el'"; exit 1 ;;
esac

semihosting=-semihosting
[ "$expect" = nosemihosting ] && semihosting=
[[ $expect == uart-exit* ]] && semihosting=
append=()
case $expect in
corrupt-desc|fault|fault-early|stack-overflow|psci-nofw) append=(-append "stub.test=$expect") ;;
faults) append=(-append "stub.faults") ;;
product) append=(-append "stub.faults stub.test=fault") ;;
esac

# The board's DTB where QEMU makes none, as the loader's -dtb.
dtb=()
[ -n "${BOARD_DTB_FILE:-}" ] && dtb=(-dtb "$BOARD_DTB_FILE")
# What the board's machine needs, spelled for this QEMU (a sound device's
# backend, the ROM folder).
board_opts=()
if [ -n "${BOARD_QEMU_AUDIO:-}${BOARD_QEMU_ROMS:-}" ]; then
	read -r -a board_opts <<<"$(scripts/qemu-version.sh qemu-system-aarch64 board-opts)" ||
		{ echo "FAIL $name: scripts/qemu-version.sh board-opts failed"; exit 1; }
fi

case $artifact in
elf) payload=(-kernel "$build/${BOARD:-virt}/stub.elf" "${dtb[@]}") ;;
image)
	if [ "$el" = 3 ] && [ "$load" = - ]; then
		load=$BOARD_LOAD_PA      # -kernel would emulate firmware: no EL3 entry
	fi
	if [ "$load" = - ]; then
		payload=(-kernel "$build/Image" "${dtb[@]}")
	else
		# The generic loader passes nothing: the DTB 2 MiB below the
		# Image (virt: QEMU's own, at the start of RAM), the trampoline
		# in the page below the Image, entered at the reset EL.
		tramp_pa=$(printf '0x%x' $((load - 0x1000)))
		if [ ${#dtb[@]} -gt 0 ]; then
			# The DTB as QEMU would hand it to -kernel (its /memory
			# from -m), dumped, then loaded byte for byte.
			qemu-system-aarch64 -M "${BOARD_QEMU_MACHINE}${props},dumpdtb=$logdir/$name.dtb" \
				-m "$mem" -nodefaults -display none "${board_opts[@]}" \
				-kernel "$build/Image" "${dtb[@]}" \
				>/dev/null 2>&1 </dev/null
			dtb_pa=$(printf '0x%x' $((load - 0x200000)))
			payload=(-device "loader,file=$logdir/$name.dtb,addr=$dtb_pa")
		else
			dtb_pa=$BOARD_RAM_BASE_PA
			payload=()
		fi
		tests/qemu/trampoline.py "$logdir/$name.tramp" "$dtb_pa" "$load"
		payload+=(-device "loader,file=$build/Image,addr=$load"
			  -device "loader,file=$logdir/$name.tramp,addr=$tramp_pa,cpu-num=0")
	fi ;;
image-x0=*)
	spec=${artifact#image-x0=} dtb_pa=${spec%%:*} file=
	[[ $spec == *:* ]] && file=${spec#*:}
	tests/qemu/trampoline.py "$logdir/$name.tramp" "$dtb_pa" "$load"
	payload=(-device "loader,file=$build/Image,addr=$load"
		 -device "loader,file=$logdir/$name.tramp,addr=$(printf '0x%x' $((load - 0x1000))),cpu-num=0")
	[ -n "$file" ] && payload+=(-device "loader,file=$file,addr=$dtb_pa") ;;
bios-x0=*)
	spec=${artifact#bios-x0=} dtb_pa=${spec%%:*} file=${spec#*:}
	tests/qemu/trampoline.py "$logdir/$name.tramp" "$dtb_pa" "$load"
	payload=(-bios "$logdir/$name.tramp" -device "loader,file=$build/Image,addr=$load"
		 -device "loader,file=$file,addr=$dtb_pa") ;;
kernel=*) payload=(-kernel "${artifact#kernel=}" "${dtb[@]}") ;;
bios=*) payload=(-bios "${artifact#bios=}") ;;
edk2) payload=(-bios /usr/share/qemu-efi-aarch64/QEMU_EFI.fd) ;;
uboot) payload=(-bios "$BOARD_UBOOT_BIN") ;;
uboot-kernel=*) payload=(-bios "$BOARD_UBOOT_BIN" -kernel "${artifact#uboot-kernel=}") ;;
uboot-sd=*)
	spec=${artifact#uboot-sd=} bin=${spec%%:*} card=${spec#*:}
	[ -f "$bin" ] || { echo "FAIL $name: no U-Boot binary $bin"; exit 1; }
	[ -f "$card" ] || { echo "FAIL $name: no SD card image $card (make sdcard)"; exit 1; }
	# A copy: QEMU opens the card read-write, and cases run in parallel.
	cp "$card" "$logdir/$name.sd.img"
	payload=(-kernel "$bin" -drive "if=sd,file=$logdir/$name.sd.img,format=raw" -nic none) ;;
*) echo "FAIL $name: bad artifact '$artifact'"; exit 1 ;;
esac

icount=(-icount shift=0,sleep=off)
[[ $artifact == uboot* || $artifact == edk2 ]] && icount=()   # firmware timeouts want real time
[ "${BOARD_QEMU_ICOUNT:-}" = off ] && icount=()                # the machine crawls under it (board.mk)
read -r -a serial <<<"${BOARD_QEMU_SERIAL:--serial stdio}"
cmd=(qemu-system-aarch64 -M "${BOARD_QEMU_MACHINE}${props}" -cpu "$cpu" -m "$mem"
     -nographic -nodefaults "${board_opts[@]}" "${serial[@]}" -no-reboot $semihosting "${icount[@]}"
     "${payload[@]}" "${append[@]}" "$@")
echo "${cmd[*]}" > "$log"
qemu_log=
for ((i = 1; i < $#; i++)); do [ "${!i}" = -D ] && { j=$((i + 1)); qemu_log=${!j}; }; done
[ -n "$qemu_log" ] && rm -f "$qemu_log"
timeout "$timeout_s" "${cmd[@]}" >> "$log" 2>&1 </dev/null
rc=$?
sed -i 's/\r$//' "$log"      # the console sends CR LF
if [ -n "$qemu_log" ]; then
	# Trace offsets as one form: QEMU 7.2 prints "addr 0x00000030", 10.0
	# "addr 0x030": both become "addr 0x30".
	{ echo "== QEMU's log ($qemu_log)"
	  sed -E 's/addr 0x0*([0-9a-f]+) /addr 0x\1 /' "$qemu_log" 2>/dev/null; } >> "$log"
fi

smp=${BOARD_QEMU_SMP:-1}
for ((i = 1; i <= $#; i++)); do [ "${!i}" = -smp ] && { j=$((i + 1)); smp=${!j}; }; done
online=${online:-$smp} left_off=
[[ $online == *+* ]] && left_off=${online#*+} online=${online%%+*}
left_off=${left_off:-$((smp - online))}
row() {
	local checks=- insns=- bench
	[[ $summary =~ ^mmu:\ ([0-9]+)\ passed ]] && checks=${BASH_REMATCH[1]}
	bench=$(grep -m1 '^bench:' "$log")
	[[ $bench =~ entry-\>mmu-on\ ([0-9]+), ]] && [ ${#icount[@]} -gt 0 ] &&
		insns=${BASH_REMATCH[1]}
	local art=$artifact
	[[ $art == uboot-kernel=* ]] && art="uboot+${art##*/}"
	[ -n "${GEOMETRY:-}" ] && art="$art@$GEOMETRY"
	[[ $art == uboot-sd=* ]] && { art=${art#uboot-sd=} art=${art%%:*} art=${art%/*}; art="uboot-${art##*/}+sd"; }
	echo "ROW|$BOARD_QEMU_MACHINE|$cpu|EL$el|$smp|$mem|$art|$1|$checks|$insns"
}
fail() { echo "FAIL $name: $* (log: $log)"; row FAIL; exit 1; }
[ $rc -eq 124 ] && [ "$expect" != efi-refused ] && fail "timed out after ${timeout_s}s"
for m in "${markers[@]}"; do
	if [[ $m == '!'* ]]; then
		! grep -qF -- "${m#!}" "$log" || fail "'${m#!}' in the log"
	else
		grep -qF -- "$m" "$log" || fail "'$m' not in the log"
	fi
done
summary=$(grep -E '^mmu: [0-9]+ passed, [0-9]+ failed' "$log" | tail -1)

case $expect in
pass|nosemihosting|faults|product)
	[ $rc -eq 0 ] || fail "exit status $rc, expected 0"
	[[ $summary =~ ^mmu:\ ([0-9]+)\ passed,\ 0\ failed$ ]] || fail "summary '$summary'"
	[ "${BASH_REMATCH[1]}" -ge 20 ] || fail "only ${BASH_REMATCH[1]} checks ran"
	grep -q "^stub: .*, entered at EL$el, now EL1, MMU on" "$log" \
		|| fail "did not report entry at EL$el"
	# Every CPU comes up (or as many as the case says, the others named),
	# each entered at the boot CPU's EL (smp.c).
	if [ "$left_off" = 0 ]; then
		grep -q "^cpus: $online online$" "$log" || fail "not 'cpus: $online online'"
	else
		grep -q "^cpus: $online online, $left_off left off$" "$log" \
			|| fail "not 'cpus: $online online, $left_off left off'"
	fi
	! grep -q '^cpu[0-9]*: FAIL' "$log" || fail "$(grep -m1 '^cpu[0-9]*: FAIL' "$log")"
	[ "$(grep -c "^cpu[0-9]*: entered at EL$el, now EL1," "$log")" -eq $((online - 1)) ] \
		|| fail "not every secondary entered at EL$el"
	# The RAM comes from the DTB: -m (less the GPU's share on a Pi:
	# BOARD_QEMU_RAM, also through the Pi's U-Boot), or through virt's
	# U-Boot -m; a test's own DTB says its own.
	want_size=$(numfmt --from=iec "${mem}")
	[ -n "${BOARD_QEMU_RAM:-}" ] && [[ $artifact != uboot && $artifact != uboot-kernel=* ]] &&
		want_size=$(numfmt --from=iec "$BOARD_QEMU_RAM")
	got_size=$(sed -n 's/^ram: \(0x[0-9a-f]*\) bytes .*/\1/p' "$log" | head -1)
	[ -n "$got_size" ] || fail "no 'ram:' line"
	# Under UEFI, what the EFI memory map lets an OS use: -m less the
	# firmware's own regions (at most 64 MiB of them here).
	if grep -q '^ram: .* of the EFI memory map;' "$log"; then
		[ $((got_size)) -le "$want_size" ] && [ $((got_size)) -gt $((want_size - 0x4000000)) ] ||
			fail "RAM from the EFI map $((got_size)), expected a little below $want_size"
	elif [[ $artifact != image-x0=* && $artifact != bios-x0=* ]] && [ $((got_size)) -ne "$want_size" ]; then
		fail "RAM size $((got_size)), expected $want_size"
	fi
	grep -q '^memory: [0-9]*K available of [0-9]*K' "$log" || fail "no 'memory:' line"
	if [ "$load" != - ]; then
		grep -q "^image: load pa $(printf '0x%x' "$load")," "$log" \
			|| fail "load pa not reported as $load"
	fi
	if [ "$expect" = nosemihosting ]; then
		grep -q '^stub: exit status 0' "$log" || fail "no exit status line"
	fi
	if [ "$expect" = faults ]; then
		faults=$(grep -E '^faults: [0-9]+ passed, [0-9]+ failed$' "$log")
		[[ $faults =~ ^faults:\ ([0-9]+)\ passed,\ 0\ failed$ ]] || fail "fault tests: '$faults'"
		[ "${BASH_REMATCH[1]}" -ge 11 ] || fail "only ${BASH_REMATCH[1]} fault tests ran"
	else
		! grep -q '^faults:' "$log" || fail "fault tests ran without stub.faults (or in the product)"
		! grep -q '^TEST:' "$log" || fail "the product obeyed a test build's argument"
	fi ;;
corrupt-desc)
	[ $rc -eq 1 ] || fail "exit status $rc, expected 1 (checks failed)"
	[[ $summary =~ ^mmu:\ [0-9]+\ passed,\ 1\ failed$ ]] || fail "summary '$summary'"
	grep -q '^\[FAIL\] linear last ' "$log" || fail "the corrupted probe was not the one flagged"
	grep -q 'why: hw: pa ' "$log" || fail "no hardware disagreement reported" ;;
fault|fault-early)
	ram_end=$(( BOARD_RAM_BASE_PA + $(numfmt --from=iec "$mem") ))
	# Both read the VA just past the linear map: its start, as reported,
	# + -m; fault-early while only the early map (no linear map) is live.
	linear=$(sed -n 's/.*; linear map va \(0x[0-9a-f]*\) = pa \(0x[0-9a-f]*\),.*/\1 \2/p' "$log")
	[ -n "$linear" ] || fail "no linear map on the 'ram:' line"
	read -r linear_va memstart <<<"$linear"
	far=$(printf '0x%x' $(( linear_va + ram_end - memstart )))
	fsc='translation fault, level [12]'
	if [ "$expect" = fault-early ]; then
		! grep -q '^final map: built' "$log" || fail "the fault came after the final map"
	fi
	[ $rc -eq 2 ] || fail "exit status $rc, expected 2 (unexpected exception)"
	grep -q '^\*\*\* unexpected exception: synchronous, current EL with SP_ELx' "$log" \
		|| fail "no exception report"
	grep -q '^    EC 0x25: data abort from the same EL' "$log" || fail "EC not decoded"
	grep -Eq "^    FSC 0x[0-9a-f]+: $fsc \(read\)" "$log" || fail "fault status not '$fsc (read)'"
	grep -q "FAR_EL1 $far\$" "$log" || fail "FAR is not $far"
	[ -z "$summary" ] || fail "went on to the checks" ;;
psci-nofw)
	# The handler names the PSCI call, not an undefined instruction.
	[ $rc -eq 8 ] || fail "exit status $rc, expected 8 (EXIT_PSCI_NO_FIRMWARE)"
	grep -Eq '^stub: FATAL: PSCI PSCI_VERSION over (hvc|smc) trapped \(EC 0x0: .*no firmware answers this conduit' "$log" \
		|| fail "the trapped PSCI call was not named"
	! grep -q '^\*\*\* unexpected exception' "$log" || fail "reported as an unexpected exception"
	[ -z "$summary" ] || fail "went on to the checks" ;;
beyond-linear)
	# Refused with the MMU on, at the link address: the early map worked.
	[ $rc -eq 4 ] || fail "exit status $rc, expected 4 (EXIT_BAD_LOAD)"
	grep -q "FATAL: RAM: the image is not inside one linear-map range" "$log" \
		|| fail "no clear refusal"
	[ -z "$summary" ] || fail "went on to the checks" ;;
efi-refused)
	[ -n "$marker" ] || fail "an efi-refused case names what it must say"
	grep -q 'stub: FATAL: ' "$log" || fail "no FATAL line"
	grep -q 'failed to start .*: Unsupported' "$log" || fail "EDK2 did not report EFI_UNSUPPORTED"
	[ -z "$summary" ] || fail "went on to the checks" ;;
uart-exit[0-9]*)
	# No semihosting: the refusal on the DTB's UART, found with the MMU
	# off, and the run ended by PSCI SYSTEM_OFF (QEMU's exit status 0).
	[ $rc -eq 0 ] || fail "exit status $rc, expected 0 (PSCI SYSTEM_OFF)"
	[ -n "$marker" ] || fail "a uart-exitN case names what it must say (EXIT/MARKER)"
	grep -q 'stub: FATAL: ' "$log" || fail "no FATAL line on the UART"
	grep -q "^stub: exit status ${expect#uart-exit}\$" "$log" \
		|| fail "no 'stub: exit status ${expect#uart-exit}' on the UART"
	[ -z "$summary" ] || fail "went on to the checks" ;;
exit[0-9]*)
	[ $rc -eq "${expect#exit}" ] || fail "exit status $rc, expected ${expect#exit}"
	[ -n "$marker" ] || fail "an exitN case names what it must say (EXIT/MARKER)"
	grep -q 'stub: FATAL: ' "$log" || fail "no FATAL line"
	[ -z "$summary" ] || fail "went on to the checks" ;;
misaligned)
	[ $rc -eq 4 ] || fail "exit status $rc, expected 4 (EXIT_BAD_LOAD)"
	grep -q 'FATAL: load address not 4 KiB aligned' "$log" \
		|| fail "no clear refusal"
	[ -z "$summary" ] || fail "went on to the checks" ;;
fit-refused)
	grep -q "Bad hash value for 'hash-1' hash node" "$log" || fail "U-Boot did not report the bad hash"
	grep -q "ERROR: can't get kernel image!" "$log" || fail "U-Boot did not refuse the kernel"
	! grep -q '^stub: .*, entered at EL' "$log" || fail "the tampered stub ran" ;;
stack-overflow)
	guard=$(sed -n 's/^TEST: overflowing the stack into its guard page at \(0x[0-9a-f]*\)$/\1/p' "$log")
	[ -n "$guard" ] || fail "the test hook did not run"
	far=$(sed -n 's/.*FAR_EL1 \(0x[0-9a-f]*\)$/\1/p' "$log" | head -1)
	[ $rc -eq 2 ] || fail "exit status $rc, expected 2 (unexpected exception)"
	grep -Eq '^    FSC 0x7: translation fault, level 3 \(write\)' "$log" \
		|| fail "not a level-3 translation fault on a write"
	[ -n "$far" ] && (( far >= guard && far < guard + 4096 )) \
		|| fail "FAR $far is not in the guard page at $guard"
	[ -z "$summary" ] || fail "went on to the checks" ;;
*) fail "bad EXPECT '$expect'" ;;
esac
echo "PASS $name"
if [ "$expect" = pass ]; then row pass; else row "pass: $expect"; fi
