#!/bin/bash
# tests/bench/bench.sh - `make bench`: the stub and Debian's Linux side by side.
#
# Owns: the instruction counts of the stub's boot path and of Debian's Linux
# 6.1 arm64 Image, measured by a TCG plugin (tests/bench/insn_plugin.c) with
# no help from either guest, the stub's console report size, and the table
# that compares them: the boot's stages, the DTB read, the boot at 128 MiB,
# 8 GiB and 255 GiB, a secondary CPU, the demand fault beside Linux's
# anonymous-page fault (tests/bench/fault_init.c, in an initramfs:
# tests/bench/newc.py), one-page map and unmap; then the wall-clock ratios
# against QEMU's launch floor (tests/bench/floor.S). Every measured run is
# made twice; differing results stop the script before any figure is
# printed.
# usage: bench.sh [BUILD_DIR [PLUGIN.so]]   (defaults build, the plugin for $QEMU's API;
#        BUILD_DIR build/<page>-<bits> for another geometry: its figures in BUILD_DIR/bench;
#        env BENCH_CPU, BENCH_OUT: another CPU, another folder for the figures)
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/bench/lib.sh

# ---- Marker symbols: change these when the boot path is renamed ----------
# The instruction that turns the MMU on: a label on it, else the one
# `msr sctlr_el1` inside MMU_ON_FALLBACK_FN.
MMU_ON_SYM=__mmu_on_sctlr
MMU_ON_FALLBACK_FN=mmu_enable
HIGH_SYM=__primary_switched            # first code at the high-half address
CHECKS_DONE_SYM=check_print_summary    # "checks done"
FINAL_START_SYM=kernel_map_build       # final map: from the first execution of this
FINAL_END_SYM=kernel_map_install       # ... to the first execution of this
DESC_RE='([0-9]+) descriptors written' # the stub's count of the final map's descriptors
EARLY_RE='early tables: pa 0x[0-9a-f]+, ([0-9]+) of [0-9]+ pages written'
MMU_TALLY_RE='mmu: ([0-9]+) passed'   # the checks' count
REPORT_SUMMARY='stub.report=summary'
REPORT_FULL='stub.report=full'
EXIT_SYM=stub_exit                     # entry -> exit
DTB_READ_SYM=machine_read              # the DTB read: this call to its return
CHECKS_SYM=check_run                   # the checks: this function, called from ...
CHECKS_CALLERS="verify_early_map verify_final_map"   # ... these, to its returns
MEMSET_SYM=memset                      # its calls (to its rets) in MMU on -> checks done
SECONDARY_ENTRY_SYM=secondary_entry    # a secondary: its first instruction ...
SECONDARY_PARK_SYM=secondary_park      # ... to where it parks
VECTORS_SYM=vectors                    # a fault: VBAR_EL1 + VECTOR_CUR_SYNC ...
VECTOR_CUR_SYNC=0x200                  # (current EL with SP_ELx, synchronous)
ERET_FN=exception_entry                # ... to the eret in this routine
DEMAND_APPEND=stub.demand              # the demand-paging demonstration ...
DEMAND_SYM=demand_demo_run             # ... whose faults are counted,
DEMAND_PAGES_RE='demand-demo: touched ([0-9]+) pages'   # as many as it touches
XLAT_MAP_SYM=xlat_map XLAT_MAP_CALLER=demand_resolve      # one page mapped
XLAT_UNMAP_SYM=xlat_unmap XLAT_UNMAP_CALLER=demand_remove # one page unmapped
SMP_CPUS=8                             # the SMP run's CPUs
BIG_RAM="8G 255G"                      # the boots at more RAM (and 128M)
WALL_PAIRS=${WALL_PAIRS:-9}            # wall-clock runs of each (odd: a median)
LINUX_APPEND=nokaslr
LINUX_MMU_FN=__enable_mmu
LINUX_HIGH_SYM=__primary_switched
# Linux's DTB read: each FUNC:CALLER, the call to its return, summed.
LINUX_DTB_CALLS="early_init_dt_scan:setup_arch unflatten_device_tree:setup_arch"
LINUX_VECTORS_SYM=vectors LINUX_EL0_SYNC=0x400  # EL0 (AArch64) synchronous ...
LINUX_ERET_FN=ret_to_user                       # ... to the eret back to EL0
LINUX_FAULT_APPEND="nokaslr console=ttyAMA0 rdinit=/init transparent_hugepage=never"
FAULT_LOOP_SYM=touch_loop              # /init: the faults after its first insn
FAULT_PAGES=1024                       # ... as many as it touches
# ---------------------------------------------------------------------------

build=${1:-build}
# The CPU: cortex-a53, but QEMU's cortex-a53 has no 16 KiB granule, and
# only max has FEAT_LPA2 and FEAT_LVA: a 16 KiB build and a 52-bit one (and
# Linux beside them) run on max. BENCH_CPU=... another (a 52-bit build's
# fallback: BENCH_CPU=cortex-a53), with BENCH_OUT=... for its figures.
cpu=${BENCH_CPU:-}
if [ -z "$cpu" ] && [[ $build == build/16k-* || $build == build/*-52 ]]; then
	cpu=max
fi
[ -n "$cpu" ] && QEMU_ARGS=("${QEMU_ARGS[@]/#cortex-a53/$cpu}")
plugin=${2:-$BENCH_PLUGIN}
out=${BENCH_OUT:-$build/bench}         # build/bench for the default geometry
elf=$build/stub.elf image=$build/Image
mkdir -p "$out"
[ "${BOARD_QEMU_MACHINE:-virt}" = virt ] ||
	die "the comparison with Linux is made on QEMU virt; run it with BOARD=virt"
[ -f "$elf" ] && [ -f "$image" ] || die "no $elf or $image: run make first"
[ -f "$plugin" ] || die "no $plugin: make $BENCH_PLUGIN"
: >"$out/commands.txt"
notes=()   # every n/a and every choice made, printed under the table

# ---- Stub: marker addresses ----------------------------------------------
stub_text=$(sym_va "$elf" _text)
[ -n "$stub_text" ] || die "symbol _text not in $elf"
stub_load=$(qemu_load_pa "$image")
# Code that runs with the MMU off is fetched at its physical address.
stub_pa() { hex $(($stub_load + ($1 - $stub_text))); }
# add_mark ARRAY KIND NAME VA WHAT: "KIND=NAME:VA" added to ARRAY, or a note
# when VA is empty (the figures that need it then say n/a).
add_mark() {
	local -n arr=$1
	if [ -n "$4" ]; then arr+=("$2=$3:$4"); else notes+=("n/a: $5 not found in $elf"); fi
}

stub_marks=("mark=entry:$stub_load")
stub_mmu_on "$elf"
notes+=("$mmu_on_note")
[ -n "$mmu_on_va" ] && stub_marks+=("mark=mmu_on:$(stub_pa "$mmu_on_va")")
# The rest runs with the MMU on, at the link address.
for m in high:$HIGH_SYM checks:$CHECKS_DONE_SYM final_start:$FINAL_START_SYM \
	 final_end:$FINAL_END_SYM exit:$EXIT_SYM dtb:$DTB_READ_SYM; do
	add_mark stub_marks mark "${m%%:*}" "$(sym_va "$elf" "${m#*:}")" "symbol ${m#*:}"
done
add_mark stub_marks mark dtb_end "$(return_site "$elf" "$DTB_READ_SYM")" "the one call of $DTB_READ_SYM"
add_mark stub_marks every chk "$(sym_va "$elf" "$CHECKS_SYM")" "symbol $CHECKS_SYM"
for c in $CHECKS_CALLERS; do
	add_mark stub_marks every chk_ret "$(return_site "$elf" "$CHECKS_SYM" "$c")" "the call of $CHECKS_SYM in $c"
done
add_mark stub_marks every ms "$(sym_va "$elf" "$MEMSET_SYM")" "symbol $MEMSET_SYM"
for r in $(insns_in "$elf" "$MEMSET_SYM" ret); do stub_marks+=("every=ms_ret:$r"); done
stub_marks+=("above=high_any:$HIGH_HALF")
full_marks=("${stub_marks[@]}")
exit_marks=("mark=entry:$stub_load")
add_mark exit_marks mark exit "$(sym_va "$elf" "$EXIT_SYM")" "symbol $EXIT_SYM"
# A secondary from its entry (MMU off: physical) to its park.
smp_marks=("${exit_marks[@]}" "smp=on")
sec=$(sym_va "$elf" "$SECONDARY_ENTRY_SYM")
add_mark smp_marks every sec "${sec:+$(stub_pa "$sec")}" "symbol $SECONDARY_ENTRY_SYM"
add_mark smp_marks every park "$(sym_va "$elf" "$SECONDARY_PARK_SYM")" "symbol $SECONDARY_PARK_SYM"
# The demonstration's faults: the vector to the eret; one-page map and unmap.
vec=$(sym_va "$elf" "$VECTORS_SYM")
demand_marks=()
add_mark demand_marks mark demo "$(sym_va "$elf" "$DEMAND_SYM")" "symbol $DEMAND_SYM"
add_mark demand_marks every vec "${vec:+$(hex $((vec + VECTOR_CUR_SYNC)))}" "symbol $VECTORS_SYM"
add_mark demand_marks every eret "$(insn_in "$elf" "$ERET_FN" eret)" "the eret in $ERET_FN"
add_mark demand_marks every map "$(sym_va "$elf" "$XLAT_MAP_SYM")" "symbol $XLAT_MAP_SYM"
add_mark demand_marks every map_ret "$(return_site "$elf" "$XLAT_MAP_SYM" "$XLAT_MAP_CALLER")" \
	"the call of $XLAT_MAP_SYM in $XLAT_MAP_CALLER"
add_mark demand_marks every unmap "$(sym_va "$elf" "$XLAT_UNMAP_SYM")" "symbol $XLAT_UNMAP_SYM"
add_mark demand_marks every unmap_ret "$(return_site "$elf" "$XLAT_UNMAP_SYM" "$XLAT_UNMAP_CALLER")" \
	"the call of $XLAT_UNMAP_SYM in $XLAT_UNMAP_CALLER"

# ---- Linux: fetch once, marker addresses -----------------------------------
linux_fetch
linux_text=$(map_va "$linux_map" _text)
linux_load=$(qemu_load_pa "$linux_image")
linux_off() { hex $(($1 - $linux_text)); }
linux_marks=("mark=entry:$linux_load")
fn=$(map_va "$linux_map" "$LINUX_MMU_FN")
[ -n "$fn" ] || die "$LINUX_MMU_FN not in $linux_map"
fn_end=$(map_next_va "$linux_map" "$fn")
# The Image is the kernel's bytes from _text on: disassemble them in place.
msr=$($OBJDUMP -D -b binary -m aarch64 --adjust-vma="$linux_load" \
	--start-address=$(($linux_load + $(linux_off "$fn"))) \
	--stop-address=$(($linux_load + $(linux_off "$fn_end"))) "$linux_image" |
	awk '/\tmsr\tsctlr_el1,/ && !f++ { sub(":", "", $1); print "0x" $1 }')
[ -n "$msr" ] || die "no msr sctlr_el1 in $LINUX_MMU_FN: System.map does not match $linux_image?"
linux_marks+=("mark=mmu_on:$msr")
high=$(map_va "$linux_map" "$LINUX_HIGH_SYM")
[ -n "$high" ] || die "$LINUX_HIGH_SYM not in $linux_map"
linux_marks+=("mark=high:$high" "above=high_any:$HIGH_HALF")

# Linux's fault run: /init (built here) in an initramfs (made here).
$CROSS_COMPILE"gcc" -static -nostdlib -ffreestanding -fno-stack-protector -O2 -Wall -Wextra \
	-o "$out/fault_init" tests/bench/fault_init.c || die "tests/bench/fault_init.c does not build"
python3 tests/bench/newc.py "$out/fault_init" "$out/initramfs.cpio" || die "newc.py failed"
lvec=$(map_va "$linux_map" "$LINUX_VECTORS_SYM")
[ -n "$lvec" ] || die "$LINUX_VECTORS_SYM not in $linux_map"
leret=$(linux_insn_in "$LINUX_ERET_FN" eret)
[ -n "$leret" ] || die "no single eret in $LINUX_ERET_FN"
loop=$(sym_va "$out/fault_init" "$FAULT_LOOP_SYM")
fault_marks=("mark=touch:$loop" "every=vec:$(hex $((lvec + LINUX_EL0_SYNC)))" "every=eret:$leret")
i=0
for c in $LINUX_DTB_CALLS; do
	f=$(map_va "$linux_map" "${c%%:*}") r=$(linux_return_site "${c%%:*}" "${c#*:}")
	[ -n "$f" ] && [ -n "$r" ] || die "the call of ${c%%:*} in ${c#*:} not found in $linux_image"
	fault_marks+=("mark=dtb$i:$f" "mark=dtb${i}_end:$r")
	i=$((i + 1))
done

# ---- The runs, each twice ----------------------------------------------------
join() { local IFS=,; echo "$*"; }
run_twice stub "$image" "" "$(join "${stub_marks[@]}")"
run_twice summary "$image" "$REPORT_SUMMARY" ""
run_twice full "$image" "$REPORT_FULL" "$(join "${full_marks[@]}")"
for m in $BIG_RAM; do
	with_qemu "$m" 1 -- run_twice "ram$m" "$image" "" "$(join "${exit_marks[@]}")"
done
with_qemu 128M "$SMP_CPUS" -- run_twice smp "$image" "" "$(join "${smp_marks[@]}")"
run_twice demand "$image" "$DEMAND_APPEND" "$(join "${demand_marks[@]}")"
# Linux stops right after its last marker: no need to boot it.
run_twice linux "$linux_image" "$LINUX_APPEND" "$(join "${linux_marks[@]}"),stop=on"
# Linux's faults on cortex-a53 whatever the stub's CPU: on max (a 16 KiB
# build's), its RNDR seeds Linux differently on every run.
cpu_args=("${QEMU_ARGS[@]}")
QEMU_ARGS=("${QEMU_ARGS[@]/#max/cortex-a53}")
with_qemu 128M 1 -initrd "$out/initramfs.cpio" -- \
	run_twice linux-fault "$linux_image" "$LINUX_FAULT_APPEND" "$(join "${fault_marks[@]}")"
QEMU_ARGS=("${cpu_args[@]}")
grep -q "pages touched" "$out/linux-fault.serial" || die "linux-fault: /init did not run (see $out/linux-fault.serial)"

# ---- Figures -----------------------------------------------------------------
# since TAG FROM TO: instructions from marker FROM (included) to TO (excluded).
since() {
	local a b
	a=$(mark_count "$out/$1.plugin" "$2") b=$(mark_count "$out/$1.plugin" "$3")
	if [ -n "$a" ] && [ -n "$b" ]; then echo $((b - a)); fi
}
# must_hit TAG MARK WHAT: note markers that were given but never executed.
must_hit() {
	grep -q "^mark $2 .* -$" "$out/$1.plugin" && notes+=("n/a: $1: $3 never executed")
	return 0
}
# span_stats TAG FROM TO [AFTER [N]]: "first median count" of the spans FROM..TO
# (both included) that start after marker AFTER, the first N of them.
span_stats() {
	local after=0 lens
	[ -n "${4:-}" ] && after=$(mark_count "$out/$1.plugin" "$4")
	[ -n "$after" ] || return 0
	lens=$(spans "$out/$1.plugin" "$2" "$3" "$after" | head -n "${5:-1000000}" | awk '{ print $2 }')
	[ -n "$lens" ] || return 0
	echo "$(head -n 1 <<<"$lens") $(median <<<"$lens") $(wc -l <<<"$lens")"
}
for m in entry mmu_on high checks final_start final_end high_any exit dtb dtb_end; do
	must_hit stub $m "marker $m"
done
must_hit linux entry "the entry at $linux_load"
must_hit stub entry "the entry at $stub_load (QEMU's load rule no longer holds?)"

s_mmu=$(since stub entry mmu_on) s_high=$(since stub entry high_any)
s_sym_high=$(since stub entry high) s_checks=$(since stub mmu_on checks)
s_final=$(since stub final_start final_end)
l_mmu=$(since linux entry mmu_on) l_high=$(since linux entry high_any)
l_sym_high=$(since linux entry high)
[ -n "$s_high" ] && [ -n "$s_sym_high" ] && [ "$s_high" != "$s_sym_high" ] &&
	notes+=("stub: the first high-half insn ($(hit_addr stub high_any)) is not $HIGH_SYM ($(group "$s_sym_high") from entry)")
[ -n "$l_high" ] && [ -n "$l_sym_high" ] && [ "$l_high" != "$l_sym_high" ] &&
	notes+=("linux: the first high-half insn ($(hit_addr linux high_any)) is not $LINUX_HIGH_SYM ($(group "$l_sym_high") from entry)")

# The DTB read, the boot's stages (the checks, memset's calls), RAM.
s_dtb=$(since stub dtb dtb_end) s_checks_full=$(since full mmu_on checks)
read -r s_probe_sum s_probe_runs < <(span_sum "$out/stub.plugin" chk chk_ret 0 1e30)
n_probes=$(first_capture "$MMU_TALLY_RE" "$out/stub.serial")
s_memset="" ms_calls=""
a=$(mark_count "$out/stub.plugin" mmu_on) b=$(mark_count "$out/stub.plugin" checks)
[ -n "$a" ] && [ -n "$b" ] && read -r s_memset ms_calls < <(span_sum "$out/stub.plugin" ms ms_ret "$a" "$b")
l_dtb=0
for ((j = 0; j < i; j++)); do
	d=$(since linux-fault "dtb$j" "dtb${j}_end")
	[ -n "$d" ] && [ -n "$l_dtb" ] && l_dtb=$((l_dtb + d)) || l_dtb=""
done
declare -A s_exit
s_exit[128M]=$(since stub entry exit)
for m in $BIG_RAM; do s_exit[$m]=$(since "ram$m" entry exit); done
lo=$(awk '{ print $1 }' <<<"$BIG_RAM") hi=$(awk '{ print $NF }' <<<"$BIG_RAM")
per_gib=""
[ -n "${s_exit[$lo]}" ] && [ -n "${s_exit[$hi]}" ] &&
	per_gib=$(( (${s_exit[$hi]} - ${s_exit[$lo]}) / (${hi%G} - ${lo%G}) ))

# The secondaries: each one's entry to its park; the boot CPU's share of
# the rest, per extra CPU.
s_smp=$(since smp entry exit)
sec_lens=$(spans "$out/smp.plugin" sec park | awk '{ print $2 }')
sec_n=$(grep -c . <<<"$sec_lens" || true) sec_med="" boot_per_cpu=""
if [ "$sec_n" -gt 0 ]; then
	sec_med=$(median <<<"$sec_lens")
	[ -n "$s_smp" ] && [ -n "${s_exit[128M]}" ] &&
		boot_per_cpu=$(( (s_smp - ${s_exit[128M]} - $(paste -sd+ <<<"$sec_lens" | bc)) / (SMP_CPUS - 1) ))
fi
[ "$sec_n" = $((SMP_CPUS - 1)) ] ||
	notes+=("smp: $sec_n of $((SMP_CPUS - 1)) secondaries went from $SECONDARY_ENTRY_SYM to $SECONDARY_PARK_SYM")

# The faults and one-page map and unmap (first, median, how many).
# The demonstration's own faults (its last fault, a guarded read of the
# range unmapped again, is not one).
demo_pages=$(first_capture "$DEMAND_PAGES_RE" "$out/demand.serial")
[ -n "$demo_pages" ] || notes+=("n/a: demand fault: the stub printed no line matching '$DEMAND_PAGES_RE'")
read -r d_first d_med d_n < <(span_stats demand vec eret demo "${demo_pages:-0}"; echo)
read -r m_first m_med m_n < <(span_stats demand map map_ret demo; echo)
read -r u_first u_med u_n < <(span_stats demand unmap unmap_ret demo; echo)
read -r l_first l_med l_n < <(span_stats linux-fault vec eret touch "$FAULT_PAGES"; echo)
[ "${l_n:-0}" = "$FAULT_PAGES" ] ||
	notes+=("linux: ${l_n:-0} faults counted after $FAULT_LOOP_SYM, $FAULT_PAGES touched")

per_desc=""
desc=$(first_capture "$DESC_RE" "$out/stub.serial")
if [ -z "$desc" ]; then
	notes+=("n/a: final map per descriptor: the stub printed no line matching '$DESC_RE'${s_final:+ ($FINAL_START_SYM -> $FINAL_END_SYM: $(group "$s_final") insns)}")
elif [ -z "$s_final" ]; then
	notes+=("n/a: final map per descriptor: $FINAL_START_SYM/$FINAL_END_SYM not both executed")
elif [ "$desc" -eq 0 ]; then
	notes+=("n/a: final map per descriptor: the stub wrote 0 descriptors")
else
	per_desc=$(awk -v i="$s_final" -v d="$desc" 'BEGIN { printf "%.1f", i / d }')
	notes+=("final map: $(group "$s_final") insns from $FINAL_START_SYM to $FINAL_END_SYM, $desc descriptors")
fi
early=$(first_capture "$EARLY_RE" "$out/stub.serial")
[ -n "$early" ] || notes+=("n/a: early table pages: the stub printed no line matching '$EARLY_RE'")

bytes_summary=$(stat -c %s "$out/summary.serial") bytes_full=$(stat -c %s "$out/full.serial")
[ "$bytes_summary" = "$bytes_full" ] &&
	notes+=("report bytes: the same for $REPORT_SUMMARY and $REPORT_FULL (a stub that ignores stub.report= prints one report)")
# What QEMU translated for the default boot, entry to exit (and the few
# instructions of QEMU's own boot code before the entry): what its wall
# time is mostly made of (docs/bench.md).
read -r s_tr_insns s_tr_tbs < <(awk '$1 == "translated" { print $2, $3 }' "$out/stub.plugin"; echo)
s_mem=$(($(sym_va "$elf" _end) - stub_text)) s_file=$(stat -c %s "$image")
l_mem=$(($(map_va "$linux_map" _end) - linux_text)) l_file=$(stat -c %s "$linux_image")

# ---- Wall clock: paired runs against QEMU's launch floor ------------------------
$CROSS_COMPILE"gcc" -nostdlib -static -Wl,-Ttext=0x40080000 -Wl,--build-id=none \
	-o "$out/floor.elf" tests/bench/floor.S || die "tests/bench/floor.S does not build"
wall_1=$(wall_ratio "$WALL_PAIRS" "$image" "$out/floor.elf")
wall_1_extra=$(($(median <"$out/wall.kernel") - $(median <"$out/wall.floor")))
wall_n=$(with_qemu 128M "$SMP_CPUS" -- wall_ratio "$WALL_PAIRS" "$image" "$out/floor.elf")

# ---- The table -----------------------------------------------------------------
row() {
	local r
	r=$(ratio "$2" "$3")
	printf '%-38s %18s %18s%s\n' "$1" "$2" "$3" "${r:+ $(printf '%7s' "$r")}"
}
echo
printf '%-38s %18s %18s %7s\n' "QEMU $(scripts/qemu-version.sh "$QEMU")" stub linux ratio
row "entry -> MMU on" "$(group "$s_mmu")" "$(group "$l_mmu")"
row "entry -> first high-half insn" "$(group "$s_high")" "$(group "$l_high")"
row "DTB read" "$(group "$s_dtb")" "$(group "$l_dtb")"
row "MMU on -> checks done (summary)" "$(group "$s_checks")" -
row "  of which the checks (${n_probes:-?} probes)" "$(group "$s_probe_sum")" -
row "  of which memset ($ms_calls calls)" "$(group "$s_memset")" -
row "MMU on -> checks done (full)" "$(group "$s_checks_full")" -
row "entry -> exit, 128 MiB" "$(group "${s_exit[128M]}")" -
for m in $BIG_RAM; do row "entry -> exit, ${m%G} GiB" "$(group "${s_exit[$m]}")" -; done
row "  growth per GiB (${lo%G} -> ${hi%G} GiB)" "$(group "$per_gib")" -
row "secondary CPU: entry -> parked" "$(group "$sec_med")" -
row "boot CPU per extra CPU (-smp $SMP_CPUS)" "$(group "$boot_per_cpu")" -
row "demand fault, vector -> eret: median" "$(group "$d_med")" "$(group "$l_med")"
row "demand fault: the first" "$(group "$d_first")" "$(group "$l_first")"
row "one page: xlat_map, median" "$(group "$m_med")" -
row "one page: xlat_unmap, median" "$(group "$u_med")" -
row "final map: insns per descriptor" "${per_desc:-n/a}" -
row "report bytes (summary / full)" "$(group "$bytes_summary") / $(group "$bytes_full")" -
row "early table pages written" "${early:-n/a}" -
row "code run: distinct insns / TBs" "$(group "$s_tr_insns") / $(group "$s_tr_tbs")" -
row "image size in memory / file" "$(kib "$s_mem") / $(kib "$s_file")" "$(kib "$l_mem") / $(kib "$l_file")"
echo
echo "Wall time / QEMU's launch floor (wall-clock, machine-dependent: median of $WALL_PAIRS"
echo "paired runs, the floor $out/floor.elf then the default boot): 1 CPU $wall_1, $SMP_CPUS CPUs $wall_n"
echo "  (1 CPU: $(awk -v ns="$wall_1_extra" 'BEGIN { printf "%.1f", ns / 1e6 }') ms over the floor;" \
	"$(awk -v ns="$wall_1_extra" -v t="${s_tr_tbs:-0}" 'BEGIN { if (t > 0) printf "%.1f", ns / t / 1e3; else printf "n/a" }')" \
	"us per translation block of the code run)"
echo
echo "Counts: instructions executed (TCG plugin, vCPU 0, -icount shift=0) from the first"
echo "execution of the first marker (included) to the first execution of the second"
echo "(excluded); QEMU's own boot code before the entry is not counted. Spans (faults,"
echo "map, unmap, a secondary) count both ends, each execution paired; -smp $SMP_CPUS counts every CPU."
echo "stub: $image, entry (load PA) $stub_load; linux: $linux_image, entry $linux_load, -append $LINUX_APPEND"
echo "  DTB read: stub $DTB_READ_SYM, call to return; linux the same for $LINUX_DTB_CALLS, summed"
echo "  the checks: $CHECKS_SYM from $CHECKS_CALLERS ($s_probe_runs calls), call to return; memset: its calls to its rets"
echo "  entry -> exit: to $EXIT_SYM; more RAM from a memory backend without host reservation"
echo "  secondary: $SECONDARY_ENTRY_SYM -> $SECONDARY_PARK_SYM, median of $sec_n; boot CPU per extra CPU:"
echo "    (entry -> exit at -smp $SMP_CPUS - at -smp 1 - the secondaries' spans) / $((SMP_CPUS - 1))"
echo "  demand fault: $DEMAND_APPEND, $VECTORS_SYM+$VECTOR_CUR_SYNC -> the eret in $ERET_FN, ${d_n:-0} faults;"
echo "    linux: /init ($FAULT_LOOP_SYM) touches $FAULT_PAGES anonymous pages, $LINUX_VECTORS_SYM+$LINUX_EL0_SYNC -> the eret in $LINUX_ERET_FN"
echo "  code run: the distinct instruction addresses QEMU translated from its reset to $EXIT_SYM"
echo "    (its own boot code's few included), default boot, and its translation blocks"
echo "  one page: $XLAT_MAP_SYM in $XLAT_MAP_CALLER (${m_n:-0}), $XLAT_UNMAP_SYM in $XLAT_UNMAP_CALLER (${u_n:-0}), call to return"
for n in "${notes[@]}"; do echo "  $n"; done
# A geometry's build folder (build/64k-48) names it; build is the default's.
reproduce="make bench"
if [[ $build =~ ^build/([0-9]+)k-([0-9]+)$ ]]; then
	reproduce="make PAGE_SIZE=${BASH_REMATCH[1]}K VA_BITS=${BASH_REMATCH[2]} bench"
	echo "  stub geometry: ${BASH_REMATCH[1]} KiB pages, ${BASH_REMATCH[2]}-bit VA (linux: 4 KiB, its own); QEMU: ${QEMU_ARGS[*]}"
fi
echo "Each run made twice with identical results. Reproduce: $reproduce"
echo "  (QEMU command lines: $out/commands.txt; raw marker counts: $out/*.plugin)"
