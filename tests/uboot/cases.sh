#!/bin/bash
# tests/uboot/cases.sh - U-Boot boot cases, in boot.sh's argument order.
#
# Owns: which U-Boot paths are proven: autoboot over qfw, a virtio disk and
# TFTP; bootm of the uImage and of the FIT (with and without naming the DTB);
# a tampered FIT refused; booti at several load addresses (one 1 GiB into
# RAM, one that booti must move to a 2 MiB boundary); the RAM size U-Boot's
# DTB reports. Needs prepare.sh's files in $UBOOT_DIR.
set -eu
b=$BUILD_DIR u=$UBOOT_DIR
flash() { echo "-drive if=pflash,format=raw,index=1,file=$u/$1,readonly=on"; }
auto=$(flash env-autoboot.img)
kaddr=0x40400000   # U-Boot's kernel_addr_r, where qfw and boot.scr load

echo "uboot-qfw uboot-kernel=$b/Image cortex-a57 1G 1 $kaddr pass/loading_kernel_to_address $auto"
echo "uboot-qfw-el2 uboot-kernel=$b/Image cortex-a72 1G 2 $kaddr pass/loading_kernel_to_address $auto"
# A 64 KiB-granule build (make geometries: build/64k-48/) through the same
# path: booti places it on a 2 MiB boundary, the stub maps it in pages.
echo "uboot-qfw-64k-48 uboot-kernel=$b/64k-48/Image cortex-a72 1G 1 - pass/loading_kernel_to_address&in_64_KiB_pages_at_its_link_address $auto"
echo "uboot-virtio-disk uboot cortex-a53 1G 1 $kaddr pass/boot.scr_(devtype_virtio) $auto" \
	"-drive if=none,file=fat:$u/disk,format=raw,id=hd0,readonly=on" \
	"-device virtio-blk-device,drive=hd0"
echo "uboot-tftp uboot cortex-a57 1G 1 $kaddr pass/boot.scr_(devtype_dhcp) $auto" \
	"-netdev user,id=n0,tftp=$u/tftp -device virtio-net-device,netdev=n0"
echo "uboot-bootm-uimage uboot-kernel=$b/uImage cortex-a57 1G 1 $BOARD_LOAD_PA pass/Legacy_Image $(flash env-bootm-fdt.img)"
echo "uboot-bootm-fit uboot-kernel=$b/stub.itb cortex-a53 1G 1 $BOARD_LOAD_PA pass/Loading_fdt_from_FIT_Image $(flash env-bootm.img)"
echo "uboot-bootm-fit-fdt uboot-kernel=$b/stub.itb max 1G 2 $BOARD_LOAD_PA pass/conf-1 $(flash env-bootm-fdt.img)"
echo "uboot-bootm-fit-tampered uboot-kernel=$u/tampered.itb cortex-a57 1G 1 - fit-refused $(flash env-bootm.img)"
# booti relocation: the address given, or booti's 2 MiB rounding of it
# (U-Boot 2023.01 rounds up: "Moving Image from 0x48100000 to 0x48200000").
for spec in 0x48000000:0x48000000:1G 0x48100000:0x48200000:1G \
	    0x80000000:0x80000000:2G 0xbfe00000:0xbfe00000:3G; do
	IFS=: read -r given expect mem <<<"$spec"
	marker=pass
	[ "$given" = "$expect" ] || marker=pass/Moving_Image_from_$given
	echo "uboot-booti-$given uboot-kernel=$b/Image cortex-a72 $mem 1 $expect $marker $(flash env-booti-$given.img)"
done
# UEFI: the same Image as EFI/BOOT/BOOTAA64.EFI, found on a virtio disk by
# EDK2 (acpi=off: it then passes QEMU's DTB; at EL1 and EL2) and by
# U-Boot's distro boot (bootefi); with ACPI only, read from its tables.
efidisk="-drive if=none,file=fat:$u/efidisk,format=raw,id=hd0,readonly=on -device virtio-blk-device,drive=hd0"
echo "uefi-edk2-el1 edk2 cortex-a57 1G 1 - pass/configuration_table -machine acpi=off -smp 2 $efidisk"
echo "uefi-edk2-el2 edk2 cortex-a72 2G 2 - pass/configuration_table -machine acpi=off $efidisk"
echo "uefi-edk2-load-options edk2 cortex-a57 1G 1 - pass/cmdline:_the_UEFI_load_options&stub.report=full_stub.SHELL&final_map_root&ignoring_stub.SHELL:_the_stub -machine acpi=off -drive if=none,file=fat:$u/efishell,format=raw,id=hd0,readonly=on -device virtio-blk-device,drive=hd0"
echo "uefi-edk2-acpi-only edk2 cortex-a57 1G 1 - pass/ACPI_RSDP_at_pa&acpi:_console:_SPCR $efidisk"
echo "uboot-bootefi uboot cortex-a57 1G 1 - pass/Found_EFI_removable_media_binary $auto $efidisk"
# The RAM size comes from the DTB U-Boot passes.
echo "uboot-ram-512M uboot-kernel=$b/Image cortex-a53 512M 1 $kaddr pass $auto"
echo "uboot-ram-3G uboot-kernel=$b/Image cortex-a57 3G 1 $kaddr pass $auto"
