#!/bin/bash
# tests/qemu/geometry-cases.sh - the QEMU geometry matrix's cases.
#
# Owns: which boots each translation geometry other than the default gets
# (mmu/geometry.mk; the default has the whole matrix of cases.sh): the
# Image at EL1, EL2 and the ELF at EL2, EL3, all with 2 CPUs, on CPUs that have the
# granule (ID_AA64MMFR0_EL1: QEMU's cortex-a53/a57/a72 have 4 KiB and
# 64 KiB, not 16 KiB; max and neoverse-n1 have all three; for the 52-bit
# geometries all but max lack FEAT_LPA2 and FEAT_LVA: these boots are
# their fallback, va52-cases.sh has the rest); a block-aligned
# load where the early block is above 2 MiB (QEMU's -kernel puts the Image
# at RAM + 2 MiB: pages); the 16 KiB build refused on cortex-a53
# (EXIT_UNSUPPORTED_CPU); the full report's per-level lines; a load not
# page aligned and an image across a table of blocks refused; and, with 16K/36 (2 levels: the blocks in the
# shared root), a load at the image's own root entry, aligned (shared)
# and not (refused).
# Prints one line per case: "env BUILD_DIR=build/<g> GEOMETRY=<g>
# tests/qemu/boot.sh NAME ARTIFACT CPU MEM EL LOAD EXPECT [QEMU ARGS]",
# for xargs -L 1 (tests/run-all.sh). Needs BOARD_RAM_BASE_PA (virt's).
set -eu
ram=$BOARD_RAM_BASE_PA
geometries=$(sed -n 's/^GEOMETRIES *:= *//p' mmu/geometry.mk)
default=$(sed -n 's/^GEOMETRY_DEFAULT *:= *//p' mmu/geometry.mk)
bigram() { echo "-object memory-backend-ram,id=ram0,size=$1,reserve=off -machine memory-backend=ram0"; }
boot() { local g=$1; shift; echo "env BUILD_DIR=build/$g GEOMETRY=$g tests/qemu/boot.sh geo-$g-$*"; }
for geo in $geometries; do
	[ "$geo" = "$default" ] && continue
	g=$(tr K k <<<"$geo")
	case $g in
	4k-*)  el1=cortex-a53 el3=cortex-a72 block=0x200000 mib=2 ;;
	16k-*) el1=max el3=neoverse-n1 block=0x2000000 mib=32 ;;
	64k-*) el1=cortex-a57 el3=cortex-a72 block=0x20000000 mib=512 ;;
	esac
	boot "$g" "image-$el1-el1 image $el1 1G 1 - pass -smp 2"
	boot "$g" "elf-$el3-el3 elf $el3 1G 3 - pass -smp 2"
	# EL2 (virt's virtualization=on): the Image and the ELF, each on the
	# other CPU than at EL1/EL3.
	boot "$g" "image-$el3-el2 image $el3 1G 2 - pass -smp 2"
	boot "$g" "elf-$el1-el2 elf $el1 1G 2 - pass -smp 2"
	if [ $((block)) -gt $((0x200000)) ]; then
		boot "$g" "block-aligned image $el3 2G 2 $(printf '0x%x' $((ram + block))) pass/in_${mib}_MiB_blocks -smp 2"
	fi
done
# The full report's geometry lines: 4 levels (a root of 2 entries) and 2
# (pud and pmd folded).
boot 16k-48 "report-levels image max 1G 1 - pass/geometry:_16_KiB_pages,_48-bit_VA,_4_levels_from_level_0&pgd:_level_0,_VA_bits_[47:47],_2_entries,_each_a_table_of_128T&pud:_level_1,_VA_bits_[46:36],_2048_entries -append stub.report=full"
boot 64k-42 "report-levels image cortex-a57 1G 1 - pass/pgd:_level_2,_VA_bits_[41:29],_8192_entries,_each_a_512M_block_or_a_table&pmd:_folded&pte:_level_3,_VA_bits_[28:16],_8192_entries,_each_a_64K_page -append stub.report=full"
# Refusals with the MMU off in the granule's terms: a load 4 KiB but not
# 64 KiB aligned; an image across 16K/47's one table of 32 MiB blocks
# (64 GiB).
boot 64k-48 "misaligned image cortex-a72 1G 1 $(printf '0x%x' $((ram + 0x201000))) exit4/load_address_not_64_KiB_aligned"
boot 16k-47 "straddle image max 65G 1 0xffffc0000 exit4/the_image_crosses_a_64_GiB_boundary $(bigram 65G)"
boot 16k-36 "refused-cortex-a53 image cortex-a53 1G 1 - exit3/this_CPU_has_no_16_KiB_translation_granule"
boot 16k-36 "shared-root image max 33G 1 0x800000000 pass/in_32_MiB_blocks&beyond_the_linear_map $(bigram 33G)"
boot 16k-36 "shared-root-refused image max 33G 1 0x800010000 exit4/need_the_same_level-2_entry $(bigram 33G)"
