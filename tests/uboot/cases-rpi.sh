#!/bin/bash
# tests/uboot/cases-rpi.sh - the Raspberry Pi 3 SD card cases, in boot.sh's
# argument order (run with the raspi3b board's variables, make board-env).
#
# Owns: which of Debian's Pi U-Boot builds are proven to boot the stub from
# build/sdcard-rpi3.img (make sdcard) on QEMU -M raspi3b with no typing:
# distro boot finds boot.scr on mmc 0:1, which loads Image and runs booti.
# QEMU plays the Pi firmware: it starts U-Boot (-kernel) at EL2 on CPU 0,
# cores 1-3 in its spin table. rpi_3 carries its own DTB; rpi_arm64 takes
# the firmware's, here Debian's kernel DTB (-dtb). Each case requires the
# report on the mini UART (the second -serial, U-Boot's console too), four
# CPUs online, 960 MiB and the /memreserve/ entry from the DTB U-Boot
# handed over, the Image moved by booti to 0x200000 and exit status 0.
# usage: cases-rpi.sh UBOOT_RPI_DIR CARD
set -eu
u=${1:?usage: cases-rpi.sh UBOOT_RPI_DIR CARD} card=${2:?usage: cases-rpi.sh UBOOT_RPI_DIR CARD}
# booti's 2 MiB rounding of kernel_addr_r (0x80000) is where the stub runs.
load=0x200000
marks='Found_U-Boot_script_/boot.scr&boot.scr_(devtype_mmc)&Moving_Image_from_0x80000_to_0x200000'
marks+='&reserved:_2_ranges_(1_from_/memreserve/'
echo "rpi3-uboot-rpi_3-sd uboot-sd=$u/rpi_3/u-boot.bin:$card cortex-a53 1G 2 $load pass/$marks"
echo "rpi3-uboot-rpi_arm64-sd uboot-sd=$u/rpi_arm64/u-boot.bin:$card cortex-a53 1G 2 $load pass/$marks" \
	"-dtb ${BOARD_DTB_FILE:?no board DTB (make BOARD=raspi3b board-dtb)}"
