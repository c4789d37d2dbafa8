#!/bin/bash
# tests/qemu/acpi-cases.sh - boots on firmware that describes the machine
# with ACPI alone: EDK2 on QEMU virt as it comes (acpi=on), the Image as
# EFI/BOOT/BOOTAA64.EFI on a virtio disk (boot.sh's edk2 artifact).
#
# Owns: which ACPI boots are proven, one per line in acpi-boot.sh's
# argument order (boot.sh's, the log's tables compared after the test
# build's): the product Image with -smp 1 and 4 at EL1 and EL2 (PSCI over
# HVC, and over SMC with virtualization=on: EL2), the test build's with
# -smp 4 and with GICv3, virtualization=on and -smp 20 (two Aff1 clusters,
# PSCI over SMC, EL2), its tables then compared field by field with what it
# printed (acpi-compare.py). Each must show the SPCR console, PSCI's
# conduit, every CPU online (boot.sh: "cpus: N online", each secondary's
# entry) and every check passed. The same Image with acpi=off keeps its
# DTB: tests/uboot/cases.sh's uefi-edk2-* cases. Makes the two disk
# folders it names under $BUILD_DIR/acpi-test/.
# usage: acpi-cases.sh | xargs -L 1 tests/qemu/acpi-boot.sh   (BUILD_DIR)
set -eu
b=$BUILD_DIR d=$BUILD_DIR/acpi-test
for image in product:$b/Image test:$b/test/Image; do
	mkdir -p "$d/${image%%:*}/EFI/BOOT"
	cp "${image#*:}" "$d/${image%%:*}/EFI/BOOT/BOOTAA64.EFI"
done
# No removable-media file: EDK2's shell runs startup.nsh, the Image with
# load options (the command line under UEFI): earlycon= over the SPCR.
mkdir -p "$d/earlycon"
cp "$b/Image" "$d/earlycon/Image.efi"
printf 'fs0:\\Image.efi earlycon=pl011,0x9000000\r\n' >"$d/earlycon/startup.nsh"
disk() { echo "-drive if=none,file=fat:$d/$1,format=raw,id=hd0,readonly=on -device virtio-blk-device,drive=hd0 -nic none"; }
# The FADT's revision is the QEMU's (7.2: 6.0, 10.0: 6.3): not part of the marker.
seen='pass/acpi:_console:_SPCR&driven_as_pl011&:_hardware-reduced;_PSCI_compliant'
echo "acpi-edk2-smp1-el1 edk2 cortex-a57 1G 1 - $seen&psci_conduit:_hvc&cpus:_1_in_the_MADT $(disk product)"
echo "acpi-edk2-smp4-el1 edk2 cortex-a72 1G 1 - $seen&psci_conduit:_hvc&smp:_3_other_CPUs_in_the_MADT:_3_by_PSCI -smp 4 $(disk product)"
echo "acpi-edk2-smp4-el2 edk2 cortex-a57 1G 2 - $seen&psci_conduit:_smc&GIC_version_2 -smp 4 $(disk product)"
echo "acpi-edk2-smp4-el1-tables edk2 cortex-a57 1G 1 - $seen&psci_conduit:_hvc&acpi-dump:_end -smp 4 $(disk test)"
echo "acpi-edk2-gicv3-smp20-el2-tables edk2 max 1G 2 - $seen&psci_conduit:_smc&GIC_version_3&MPIDR_0x80000103&acpi-dump:_end -machine gic-version=3 -smp 20 $(disk test)"
echo "acpi-edk2-earlycon edk2 cortex-a57 1G 1 - pass/console:_pl011_at_pa_0x9000000_by_earlycon=pl011,0x9000000,_over_the_SPCR -smp 1 $(disk earlycon)"
