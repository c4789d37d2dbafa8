#!/bin/bash
# tests/qemu/idmap-cases.sh - the extended identity map: Images run from
# RAM above what their VA bits reach, one command line per case for
# `xargs -L 1 env` (like geometry-cases.sh: "BUILD_DIR=... tests/qemu/
# boot.sh NAME ARTIFACT CPU MEM EL LOAD EXPECT [QEMU ARGS]").
#
# Owns: the DTBs these cases hand over (build/test-dtbs/idmap-*.dtb: QEMU
# virt's own, with host memory not reserved, /memory cut to the 4 GiB from
# the first address the geometry's VA bits do not reach, so that RAM
# starts there) and the cases: the default 4K/39 Image at 512 GiB + 2 MiB
# (blocks) and + 2 MiB + 4 KiB (pages), at EL1 and EL2, with two CPUs;
# 16K/36 above 64 GiB and 64K/42 above 4 TiB (each one more level, or
# two). Each must pass every check, its report naming TTBR0's own 48-bit
# identity map and its levels. And the shared-root loads beyond any
# -m this host can back (64 and 128 TiB): the image in the physical block
# whose VA bits are the link address's, so that the identity and the link
# address share every table above the blocks (4K/48 and 16K/48: the
# level-0 entry too), in RAM of a pc-dimm placed there (virt,acpi=on with
# a firmware loaded, the trampoline, has the GED that hot-pluggable RAM
# needs); the report must count the pages written that sharing saves.
set -eu
out=build/test-dtbs
mkdir -p "$out"
. tests/qemu/ram-dtb.sh

# dtb NAME PROPS CPU MEM HIGH_CELL: virt's DTB with RAM only from
# HIGH_CELL << 32 (4 GiB of it).
dtb() {
	local name=$1 props=$2 cpu=$3 mem=$4 high=$5
	qemu-system-aarch64 -M "virt$props,dumpdtb=$out/idmap-$name-base.dtb" \
		-object "memory-backend-ram,id=ram0,size=$mem,reserve=off" -machine memory-backend=ram0 \
		-cpu "$cpu" -smp 2 -m "$mem" -nodefaults -display none >/dev/null 2>&1 </dev/null
	ram_dtb "$out/idmap-$name.dtb" "$out/idmap-$name-base.dtb" "$high"
}
# case NAME BUILD CPU MEM EL LOAD DTB_PA DTB LEVELS
case_() {
	local mem=$4
	local expect="pass/TTBR0_and_TTBR1_share_the_root&_$4_of_${5-}_pages_written"
	[ $# = 4 ] && expect=$4
	echo "BUILD_DIR=$2 tests/qemu/boot.sh idmap-$1 image-x0=$7:$out/idmap-$8.dtb $3 $mem $5 $6" \
		"pass/TTBR0_its_own_48-bit_identity_map,_$9_levels" \
		"-object memory-backend-ram,id=ram0,size=$mem,reserve=off -machine memory-backend=ram0 -smp 2"
}
dtb 4k-el1 "" cortex-a57 520G 0x80
dtb 4k-el2 ",virtualization=on" cortex-a57 520G 0x80
dtb 16k "" max 70G 0x10
dtb 64k "" cortex-a57 4100G 0x400
for load in 0x8000200000 0x8000201000; do
	for el in 1 2; do
		case_ "4k-39-$load-el$el" build cortex-a57 520G $el $load 0x8001000000 4k-el$el 4
	done
done
case_ 16k-36-0x1002000000-el1 build/16k-36 max 70G 1 0x1002000000 0x1001000000 16k 4
case_ 64k-42-0x40020000000-el1 build/64k-42 cortex-a57 4100G 1 0x40020000000 0x40010000000 64k 3

# shared NAME BUILD LOAD (WRITTEN OF | EXPECT): a 4 GiB pc-dimm at LOAD's
# 64 TiB-aligned base, the DTB's only RAM; -cpu max (PA 48 bits at least,
# the 16K granule); passing with WRITTEN of OF early pages, or EXPECT.
qemu-system-aarch64 -M "virt,acpi=on,dumpdtb=$out/shared-base.dtb" -cpu max -m 1G -smp 2 \
	-nodefaults -display none >/dev/null 2>&1 </dev/null
shared() {
	local base=$(( $3 & ~((1 << 46) - 1) ))
	local cell=$(printf '0x%x' $((base >> 32))) dtb_pa=$(printf '0x%x' $((base + 0x10000000)))
	ram_dtb "$out/shared-$1.dtb" "$out/shared-base.dtb" "$cell"
	local expect="pass/TTBR0_and_TTBR1_share_the_root&_$4_of_${5-}_pages_written"
	[ $# = 4 ] && expect=$4
	echo "BUILD_DIR=$2 tests/qemu/boot.sh shared-root-$1 bios-x0=$dtb_pa:$out/shared-$1.dtb max 1G 1 $3" \
		"$expect" \
		"-machine acpi=on -m 1G,slots=1,maxmem=129T -smp 2" \
		"-object memory-backend-ram,id=dimm0,size=4G,reserve=off" \
		"-device pc-dimm,memdev=dimm0,addr=$(printf '0x%x' "$base")"
}
# Every table above the blocks shared (blocks; pages: the level-3 one more).
shared 4k-48-blocks build/4k-48 0x800000200000 3 6
shared 4k-48-pages build/4k-48 0x800000401000 4 6
# 4K/48: the level-0 entry shared, the level-1 entry not (1 GiB up).
shared 4k-48-own-l1 build/4k-48 0x800040200000 4 6
# The one load refused: not block aligned in the shared block.
shared 4k-48-refused build/4k-48 0x800000001000 exit4/need_the_same_level-2_entry
shared 16k-47-blocks build/16k-47 0x400002000000 2 7
shared 16k-47-pages build/16k-47 0x400004004000 3 7
shared 16k-48-blocks build/16k-48 0x800002000000 3 6
shared 64k-48-blocks build/64k-48 0x800020000000 2 4
shared 64k-48-pages build/64k-48 0x800040010000 3 4
