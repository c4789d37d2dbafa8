#!/bin/bash
# tests/qemu/cases.sh - the list of QEMU boot cases, one per line, in the
# argument order of boot.sh. Owns the test matrix: both artifacts, four CPU
# models, three RAM sizes, three entry levels; relocated loads; the
# product's refusals (loads it must refuse by name; the test build's
# negative cases are negative-cases.sh's). BOARD_LOAD_PA comes from the
# board (exported by the Makefile). The CPU models: four on every QEMU,
# and on QEMU 10.0 on (the qemu-system-aarch64 first on PATH) the four it
# adds: cortex-a55, cortex-a710 (40-bit PA), neoverse-n2, neoverse-v1
# (48-bit PA).
set -eu
cpus="cortex-a53 cortex-a57 cortex-a72 max"
if scripts/qemu-version.sh at-least 10.0; then
	cpus+=" cortex-a55 cortex-a710 neoverse-n2 neoverse-v1"
fi
for artifact in image elf; do
	for cpu in $cpus; do
		for mem in 128M 1G 4G; do
			for el in 1 2 3; do
				echo "$artifact-$cpu-$mem-el$el $artifact $cpu $mem $el - pass"
			done
		done
	done
done
# SMP: every CPU up, at the boot CPU's EL, with its own checks. The ELF,
# since at EL3 QEMU starts all its cores at the entry (the holding pen);
# an Image given to the generic loader starts on CPU 0 only.
for cpu in $cpus; do
	for el in 1 2 3; do
		for smp in 2 4 8; do
			echo "smp$smp-$cpu-el$el elf $cpu 1G $el - pass -smp $smp"
		done
	done
done
# The product ignores the test build's boot arguments (stub.faults, stub.test),
# and names them as unknown.
echo "product-ignores-test-args image cortex-a53 1G 1 - product/stub:_ignoring_unknown_option_stub.test"
# Runs wherever it is put: raw Image at other 2 MiB-aligned addresses,
# including one 1 GiB into RAM (the loader enters at the reset EL).
ram=$BOARD_RAM_BASE_PA
for off in 0x1000000 0x8000000 0x40000000; do
	addr=$(printf '0x%x' $((ram + off)))
	echo "reloc-$addr-el1 image cortex-a57 2G 1 $addr pass"
	echo "reloc-$addr-el3 image cortex-a72 2G 3 $addr pass"
done
# Loaded at 256 GiB + 2 MiB, the image's 1 GiB has the level-1 index of
# its link address: both early maps then share one level-2 table
# (start/tables.S). 257 GiB of RAM, not reserved on the host (../shared
# notes): the linear map's 256 GiB of VA from RAM's start take all but the
# last GiB, which is named, not mapped.
bigram() { echo "-object memory-backend-ram,id=ram0,size=$1,reserve=off -machine memory-backend=ram0"; }
echo "shared-l1-slot image cortex-a57 257G 1 0x4000200000 pass/beyond_the_linear_map $(bigram 257G)"
# The whole linear map: 255 GiB of RAM from 1 GiB, all of it mapped.
echo "linear-255g image cortex-a57 255G 1 - pass $(bigram 255G)"
# Loaded beyond the linear map's reach (RAM base + 260 GiB): refused by
# name with the MMU on, at the link address (the early map worked).
echo "beyond-linear image cortex-a57 300G 1 $(printf '0x%x' $((BOARD_RAM_BASE_PA + 260 * 1024 * 1024 * 1024))) beyond-linear $(bigram 300G)"
# Any 4 KiB-aligned load: the image at its link address in pages
# (start/tables.S), across a 2 MiB boundary too, at every EL.
for off in 0x80000 0x1ff000; do
	addr=$(printf '0x%x' $((BOARD_LOAD_PA + off)))
	for el in 1 2 3; do
		echo "load-4k-$addr-el$el image cortex-a72 1G $el $addr pass"
	done
done
# Refused by name before the MMU is on: an image across a 1 GiB boundary
# (the identity map has one level-2 table), and the one slot where the
# identity's block and the link address's level-3 table collide.
echo "refuse-straddle-1g image cortex-a53 2G 1 $(printf '0x%x' $((BOARD_RAM_BASE_PA + 0x40000000 - 0x10000))) exit4/crosses_a_1_GiB_boundary"
echo "refuse-shared-slot image cortex-a57 257G 1 0x4000001000 exit4/first_2_MiB_of_physical_GiB_256 $(bigram 257G)"
# Without -semihosting the exit falls back to PSCI SYSTEM_OFF.
echo "psci-exit-el1 image cortex-a53 1G 1 - nosemihosting"
echo "psci-exit-el2 elf cortex-a57 1G 2 - nosemihosting"
# Must refuse, loudly: not even 4 KiB aligned.
echo "refuse-misaligned-4k image cortex-a53 1G 1 $(printf '0x%x' $((BOARD_LOAD_PA + 0x800))) misaligned"
