#!/bin/bash
# tests/bench/bench.sh - `make bench`: the stub and Debian's Linux side by side.
#
# Owns: the instruction counts of the stub's boot path and of Debian's Linux
# 6.1 arm64 Image, measured by a TCG plugin (tests/bench/insn_plugin.c) with
# no help from either guest, the stub's console report size, and the table
# that compares them. Every measured run is made twice; differing results
# stop the script before any figure is printed.
# usage: bench.sh [BUILD_DIR [PLUGIN.so]]   (defaults build, the plugin for $QEMU's API;
#        BUILD_DIR build/<page>-<bits> for another geometry: its figures in BUILD_DIR/bench)
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
REPORT_SUMMARY='stub.report=summary'
REPORT_FULL='stub.report=full'
LINUX_APPEND=nokaslr
LINUX_MMU_FN=__enable_mmu
LINUX_HIGH_SYM=__primary_switched
# ---------------------------------------------------------------------------

build=${1:-build}
# QEMU's cortex-a53 has no 16 KiB granule: a 16 KiB build, and Linux beside
# it, run on max.
if [[ $build == build/16k-* ]]; then
	QEMU_ARGS=("${QEMU_ARGS[@]/#cortex-a53/max}")
fi
plugin=${2:-$BENCH_PLUGIN}
out=$build/bench                       # build/bench for the default geometry
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

stub_marks=("mark=entry:$stub_load")
stub_mmu_on "$elf"
notes+=("$mmu_on_note")
[ -n "$mmu_on_va" ] && stub_marks+=("mark=mmu_on:$(stub_pa "$mmu_on_va")")
# The rest runs with the MMU on, at the link address.
for m in high:$HIGH_SYM checks:$CHECKS_DONE_SYM final_start:$FINAL_START_SYM final_end:$FINAL_END_SYM; do
	va=$(sym_va "$elf" "${m#*:}")
	if [ -n "$va" ]; then stub_marks+=("mark=${m%%:*}:$va")
	else notes+=("n/a: symbol ${m#*:} not in the ELF"); fi
done
stub_marks+=("above=high_any:$HIGH_HALF")

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

# ---- The runs, each twice ----------------------------------------------------
join() { local IFS=,; echo "$*"; }
run_twice stub "$image" "" "$(join "${stub_marks[@]}")"
run_twice summary "$image" "$REPORT_SUMMARY" ""
run_twice full "$image" "$REPORT_FULL" ""
# Linux stops right after its last marker: no need to boot it.
run_twice linux "$linux_image" "$LINUX_APPEND" "$(join "${linux_marks[@]}"),stop=on"

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
for m in entry mmu_on high checks final_start final_end high_any; do must_hit stub $m "marker $m"; done
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
s_mem=$(($(sym_va "$elf" _end) - stub_text)) s_file=$(stat -c %s "$image")
l_mem=$(($(map_va "$linux_map" _end) - linux_text)) l_file=$(stat -c %s "$linux_image")

# ---- The table -----------------------------------------------------------------
row() {
	local r
	r=$(ratio "$2" "$3")
	printf '%-34s %20s %20s%s\n' "$1" "$2" "$3" "${r:+ $(printf '%7s' "$r")}"
}
echo
printf '%-34s %20s %20s %7s\n' "QEMU $(scripts/qemu-version.sh "$QEMU")" stub linux ratio
row "entry -> MMU on" "$(group "$s_mmu")" "$(group "$l_mmu")"
row "entry -> first high-half insn" "$(group "$s_high")" "$(group "$l_high")"
row "MMU on -> checks done" "$(group "$s_checks")" -
row "final map: insns per descriptor" "${per_desc:-n/a}" -
row "report bytes (summary / full)" "$(group "$bytes_summary") / $(group "$bytes_full")" -
row "early table pages written" "${early:-n/a}" -
row "image size in memory / file" "$(kib "$s_mem") / $(kib "$s_file")" "$(kib "$l_mem") / $(kib "$l_file")"
echo
echo "Counts: instructions executed (TCG plugin, vCPU 0, -icount shift=0) from the first"
echo "execution of the first marker (included) to the first execution of the second"
echo "(excluded); QEMU's own boot code before the entry is not counted."
echo "stub: $image, entry (load PA) $stub_load; linux: $linux_image, entry $linux_load, -append $LINUX_APPEND"
for n in "${notes[@]}"; do echo "  $n"; done
# A geometry's build folder (build/64k-48) names it; build is the default's.
reproduce="make bench"
if [[ $build =~ ^build/([0-9]+)k-([0-9]+)$ ]]; then
	reproduce="make PAGE_SIZE=${BASH_REMATCH[1]}K VA_BITS=${BASH_REMATCH[2]} bench"
	echo "  stub geometry: ${BASH_REMATCH[1]} KiB pages, ${BASH_REMATCH[2]}-bit VA (linux: 4 KiB, its own); QEMU: ${QEMU_ARGS[*]}"
fi
echo "Each run made twice with identical results. Reproduce: $reproduce"
echo "  (QEMU command lines: $out/commands.txt; raw marker counts: $out/stub.plugin, $out/linux.plugin)"
