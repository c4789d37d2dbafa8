#!/bin/bash
# tests/qemu/va52-cases.sh - the 52-bit geometries' QEMU cases (4K/52,
# 16K/52, 64K/52), one command line per case for `xargs -L 1 env` (like
# geometry-cases.sh: "env BUILD_DIR=... tests/qemu/boot.sh NAME ARTIFACT
# CPU MEM EL LOAD EXPECT [QEMU ARGS]").
#
# Owns: what geometry-cases.sh's matrix (which boots these builds on CPUs
# without the feature: Linux's fallback) leaves out. On -cpu max, which has
# FEAT_LPA2, FEAT_LVA and FEAT_LPA: the Image at EL1 with 1 CPU and at EL2
# with 4, the ELF at EL3 with 4, each naming its 52-bit VA and levels
# (five with 4K); the fallback at EL2 with 4 CPUs naming the levels it
# runs with; the full report's level lines either way (pgd/p4d/pud/pmd/pte
# with 4K, the level folded on the fallback); a CPU with FEAT_LPA's 52-bit
# PAs but without FEAT_LPA2 (max,lpa2=off): the fallback, its PA cut to 48
# bits (4K, 16K), or the 52-bit VA still (64K: FEAT_LVA). Real 52-bit output
# addresses: the Image in the RAM of a pc-dimm at 0xb << 48 (OA bits 51,
# 49 and 48: FEAT_LPA2's bits [9:8] = 0b10, FEAT_LPA's [15:12] = 0xb, the
# TTBRs' BADDR[51:48]), the DTB's only RAM, loaded in early blocks and in
# pages, in every 52-bit geometry; the same load refused by name on a CPU
# without FEAT_LPA2 (exit 4). And 16K/52's fallback with the Image above
# 2^47 (neoverse-n1: 48-bit PAs): TTBR0 at the 52-bit root with 48-bit VAs
# reaches it. Needs BOARD_RAM_BASE_PA (virt's) and make geometries.
set -eu
out=build/test-dtbs
mkdir -p "$out"
. tests/qemu/ram-dtb.sh
ram=$BOARD_RAM_BASE_PA
boot() { local g=$1; shift; echo "env BUILD_DIR=build/$g GEOMETRY=$g tests/qemu/boot.sh va52-$g-$*"; }

for g in 4k-52 16k-52 64k-52; do
	case $g in
	4k-*)  feat=FEAT_LPA2 levels=5 root=-1 old=cortex-a72 fold="4_levels_(48-bit_VA,_the_p4d_folded" ;;
	16k-*) feat=FEAT_LPA2 levels=4 root=0 old=neoverse-n1 fold="3_levels_(47-bit_VA,_the_pud_folded" ;;
	64k-*) feat=FEAT_LVA levels=3 root=1 old=cortex-a72 fold="3_levels_(48-bit_VA,_a_root_of_64_entries" ;;
	esac
	# (A marker holds no '_': boot.sh reads one as a space.)
	va52="va:_52-bit_VA_(the_CPU_has_FEAT&${feat#FEAT_}):_running_with_${levels}_levels_from_level_${root}"
	boot "$g" "max-image-el1 image max 1G 1 - pass/$va52&PA_52_bits -smp 1"
	boot "$g" "max-image-el2 image max 1G 2 - pass/$va52 -smp 4"
	boot "$g" "max-elf-el3 elf max 1G 3 - pass/$va52 -smp 4"
	boot "$g" "$old-image-el2 image $old 1G 2 - pass/va:_52-bit_VA_requested,_the_CPU_has_48:_running_with_$fold -smp 4"
done

# The full report's levels: five names with 4K; the fallback's fold.
boot 4k-52 "report-levels image max 1G 1 - pass/DS=1&geometry:_4_KiB_pages,_52-bit_VA,_5_levels_from_level_-1&pgd:_level_-1,_VA_bits_[51:48],_16_entries,_each_a_table_of_256T&p4d:_level_0,_VA_bits_[47:39],_512_entries&pud:_level_1,_VA_bits_[38:30]&pmd:_level_2&pte:_level_3&_L-1[15]= -append stub.report=full"
boot 4k-52 "report-levels-fallback image cortex-a72 1G 1 - pass/geometry:_4_KiB_pages,_48-bit_VA_(52_requested:_no_FEAT&LPA2),_4_levels_from_level_0&pgd:_level_0,_VA_bits_[47:39],_512_entries&p4d:_folded_(one_entry&pud:_level_1 -append stub.report=full"
boot 16k-52 "report-levels image max 1G 1 - pass/pgd:_level_0,_VA_bits_[51:47],_32_entries,_each_a_table_of_128T&pud:_level_1,_VA_bits_[46:36] -append stub.report=full"
boot 16k-52 "report-levels-fallback image neoverse-n1 1G 1 - pass/pgd:_level_1,_VA_bits_[46:36],_2048_entries&pud:_folded -append stub.report=full"
boot 64k-52 "report-levels image max 1G 1 - pass/pgd:_level_1,_VA_bits_[51:42],_1024_entries,_each_a_table_of_4T&T1SZ=12_(52-bit)&!DS=1 -append stub.report=full"
boot 64k-52 "report-levels-fallback image cortex-a72 1G 1 - pass/pgd:_level_1,_VA_bits_[47:42],_64_entries&T1SZ=16_(48-bit) -append stub.report=full"
# FEAT_LPA without FEAT_LPA2: 52-bit PAs the 4 and 16 KiB descriptors
# cannot hold without DS (IPS cut to 48); 64 KiB keeps FEAT_LVA's VA.
boot 4k-52 "max-lpa2-off image max,lpa2=off 1G 1 - pass/running_with_4_levels&PA_48_bits -smp 2"
boot 16k-52 "max-lpa2-off image max,lpa2=off 1G 1 - pass/running_with_3_levels&PA_48_bits -smp 2"
boot 64k-52 "max-lpa2-off image max,lpa2=off 1G 1 - pass/running_with_3_levels_from_level_1&PA_52_bits -smp 2"

# dimm NAME GEOMETRY CPU BASE OFFSET EXPECT: the Image at BASE + OFFSET in
# a 4 GiB pc-dimm at BASE, the DTB's only RAM (virt,acpi=on and a firmware,
# the trampoline: the GED hot-pluggable RAM needs); maxmem reaches it.
qemu-system-aarch64 -M "virt,acpi=on,dumpdtb=$out/va52-base.dtb" -cpu max -m 1G -smp 2 \
	-nodefaults -display none >/dev/null 2>&1 </dev/null
dimm() {
	local name=$1 g=$2 cpu=$3 base=$4 offset=$5 expect=$6
	local cell dtb_pa load maxmem
	cell=$(printf '0x%x' $((base >> 32))) dtb_pa=$(printf '0x%x' $((base + 0x10000000)))
	load=$(printf '0x%x' $((base + offset))) maxmem=$(( (base >> 40) + 8 ))T
	ram_dtb "$out/va52-$name.dtb" "$out/va52-base.dtb" "$cell"
	boot "$g" "$name bios-x0=$dtb_pa:$out/va52-$name.dtb $cpu 1G 1 $load $expect" \
		"-machine acpi=on -m 1G,slots=1,maxmem=$maxmem -smp 2" \
		"-object memory-backend-ram,id=dimm0,size=4G,reserve=off" \
		"-device pc-dimm,memdev=dimm0,addr=$(printf '0x%x' "$base")"
}
pa52=$((0xb << 48))
dimm pa52-blocks 4k-52 max $pa52 0x200000 "pass/load_pa_0xb000000200000&PA_52_bits"
dimm pa52-pages 4k-52 max $pa52 0x201000 "pass/load_pa_0xb000000201000&in_4_KiB_pages"
dimm pa52-blocks 16k-52 max $pa52 0x2000000 "pass/load_pa_0xb000002000000&in_32_MiB_blocks"
dimm pa52-pages 16k-52 max $pa52 0x4000 "pass/load_pa_0xb000000004000&in_16_KiB_pages"
dimm pa52-blocks 64k-52 max $pa52 0x20000000 "pass/load_pa_0xb000020000000&in_512_MiB_blocks"
dimm pa52-pages 64k-52 max $pa52 0x10000 "pass/load_pa_0xb000000010000&in_64_KiB_pages"
dimm pa52-refused 4k-52 max,lpa2=off $pa52 0x200000 \
	"exit4/image_above_2^48&reach_on_a_CPU_without_FEAT&LPA2_(52-bit_VAs)"
# 16K/52's fallback walks 47-bit VAs in TTBR1 and 48 in TTBR0 (the root's
# first 2 entries): the Image above 2^47.
dimm above-2e47 16k-52 neoverse-n1 $((1 << 47)) 0x2000000 \
	"pass/running_with_3_levels&TTBR0_at_the_root_(48_bits:_its_first_2_entries)"
