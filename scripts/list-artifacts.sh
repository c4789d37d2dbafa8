#!/bin/sh
# scripts/list-artifacts.sh - what `make image` prints: every artifact the
# build makes and the command that loads it (QEMU lines as the tests run
# them; docs/loading.md has each path in full).
# usage: scripts/list-artifacts.sh BUILD_DIR
set -eu
b=${1:-build}
row() { printf '  %-28s %s\n' "$1" "$2"; }
echo "artifacts (docs/loading.md):"
row "$b/Image" "QEMU: -kernel $b/Image (+ -dtb FILE where the machine makes none); U-Boot: booti \${kernel_addr_r} - \${fdtcontroladdr}"
row "$b/Image as BOOTAA64.EFI" "UEFI: copy to EFI/BOOT/BOOTAA64.EFI on a FAT disk (EDK2: -bios QEMU_EFI.fd -M virt,acpi=off; U-Boot: bootefi)"
row "$b/<board>/stub.elf" "QEMU: -kernel $b/<board>/stub.elf (the DTB QEMU puts 2 MiB below it); gdb: symbols"
row "$b/uImage" "U-Boot: bootm \${kernel_addr_r} - \${fdtcontroladdr} (legacy image, load address of virt)"
row "$b/stub.itb" "U-Boot: bootm \${kernel_addr_r} (FIT: Image + QEMU virt's DTB, sha256)"
row "$b/boot.scr" "U-Boot distro boot: found on a disk, SD card or TFTP; loads Image, runs booti"
row "build/sdcard-rpi.img" "make sdcard; Raspberry Pi 3 and 4: dd to a card (+ the Pi firmware files); QEMU: -M raspi3b|raspi3ap|raspi4b -kernel u-boot.bin -dtb DTB -drive if=sd,file=..."
