#!/bin/bash
# tests/uboot/prepare.sh - the files the U-Boot boot tests need.
#
# Owns: in DIR (default $BUILD_DIR/uboot-test): a pflash environment per
# kind of case (bootdelay=0; bootcmd for the bootm/booti cases), a folder
# for QEMU's fat: virtio disk, one with the Image as EFI/BOOT/BOOTAA64.EFI
# (EDK2, U-Boot bootefi), one for its TFTP server, and a FIT with one
# byte of the kernel changed. Prints nothing on success.
# usage: prepare.sh [DIR]   (BUILD_DIR, BOARD_* from the Makefile)
set -euo pipefail
build=${BUILD_DIR:?}
dir=${1:-$build/uboot-test}
mkdir -p "$dir/disk" "$dir/tftp" "$dir/efidisk/EFI/BOOT"
env() { tests/uboot/uboot-env.py "$BOARD_UBOOT_BIN" "$BOARD_UBOOT_ENV_SIZE" \
	"$BOARD_UBOOT_FLASH_SIZE" "$dir/$1" bootdelay=0 "${@:2}"; }

env env-autoboot.img
qfw='qfw load ${kernel_addr_r} ${ramdisk_addr_r}'
env env-bootm.img "bootcmd=$qfw; bootm \${kernel_addr_r}; poweroff"
env env-bootm-fdt.img "bootcmd=$qfw; bootm \${kernel_addr_r} - \${fdtcontroladdr}; poweroff"
# One environment per booti address that cases.sh uses.
for addr in $(UBOOT_DIR=$dir tests/uboot/cases.sh | grep -o 'env-booti-0x[0-9a-f]*' | sort -u | cut -d- -f3); do
	env "env-booti-$addr.img" \
		"bootcmd=qfw load $addr \${ramdisk_addr_r}; booti $addr - \${fdtcontroladdr}; poweroff"
done

cp "$build/boot.scr" "$build/Image" "$dir/disk/"
cp "$build/Image" "$dir/tftp/"
cp "$build/Image" "$dir/efidisk/EFI/BOOT/BOOTAA64.EFI"   # the removable-media path (UEFI 3.5.1.1)
# No removable-media file: EDK2 falls to its shell, whose startup.nsh runs
# the Image with arguments (the load options: the command line under UEFI).
mkdir -p "$dir/efishell"
cp "$build/Image" "$dir/efishell/Image.efi"
printf 'fs0:\\Image.efi stub.report=full stub.SHELL\r\n' >"$dir/efishell/startup.nsh"
cp "$build/boot.scr" "$dir/tftp/boot.scr.uimg"   # distro boot's DHCP script name

# Change one byte in the middle of the kernel data of the FIT.
python3 - "$build/stub.itb" "$build/Image" "$dir/tampered.itb" <<'PY'
import sys
fit, image = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
at = fit.find(image)
assert at > 0 and fit.count(image[:256]) == 1, "kernel data not found once in the FIT"
bad = bytearray(fit)
bad[at + len(image) // 2] ^= 0x01
open(sys.argv[3], "wb").write(bad)
PY
