#!/bin/bash
# tests/uboot/cases-rpi.sh - the Raspberry Pis' SD card cases of one Pi
# board, in boot.sh's argument order (run with that board's variables,
# make board-env: raspi3b, raspi3ap, raspi4b).
#
# Owns: which of Debian's Pi U-Boot builds are proven to boot the stub from
# the one card (make sdcard: build/sdcard-rpi.img) on the board's QEMU
# model with no typing: the board's BOARD_SDCARD_UBOOTS, among them the
# card's own (rpi_arm64), which is taken from the card itself. Distro boot
# finds boot.scr on mmc 0:1, which loads Image and runs booti. QEMU plays
# the Pi firmware: it starts U-Boot (-kernel) at EL2 on CPU 0 with the
# board's DTB (-dtb, Debian's, as the firmware loads it from the card),
# cores 1-3 in its spin table. Each case requires the report on the mini
# UART (the second -serial, U-Boot's console too), four CPUs online, the
# RAM the board's DTB reports (BOARD_QEMU_RAM) and the /memreserve/ entry
# from the DTB U-Boot handed over, the Image moved by booti to 0x200000
# and exit status 0. And a card whose Image was cut short (its first 64
# KiB, as a half-written card leaves it), booted by the card's own U-Boot:
# the stub must refuse it by name at entry (exit 9).
# usage: cases-rpi.sh UBOOT_RPI_DIR CARD
set -eu
u=${1:?usage: cases-rpi.sh UBOOT_RPI_DIR CARD} card=${2:?usage: cases-rpi.sh UBOOT_RPI_DIR CARD}
dtb=${BOARD_DTB_FILE:?no board DTB (make BOARD=$BOARD board-dtb)}
# The card's own U-Boot, as the firmware would load it (kernel= in
# config.txt), kept under the name of the build it is.
export MTOOLS_SKIP_CHECK=1
from_card=${TEST_LOG_DIR:-build/test-logs}/sdcard-$BOARD
mkdir -p "$from_card"
kernel=$(mtype -i "$card@@1M" ::config.txt | sed -n 's/^kernel=//p' | tr -d '\r' | head -n 1)
mcopy -o -n -i "$card@@1M" "::${kernel:?no kernel= line in config.txt on the card}" "$from_card/$kernel"
# booti's 2 MiB rounding of kernel_addr_r (0x80000) is where the stub runs.
load=0x200000
marks='Found_U-Boot_script_/boot.scr&boot.scr_(devtype_mmc)&Moving_Image_from_0x80000_to_0x200000'
marks+='&reserved:_2_ranges_(1_from_/memreserve/'
for build in ${BOARD_SDCARD_UBOOTS:?the board boots no SD card}; do
	bin=$u/$build/u-boot.bin
	if cmp -s "$bin" "$from_card/$kernel"; then
		mkdir -p "$from_card/$build" && cp "$from_card/$kernel" "$from_card/$build/u-boot.bin"
		bin=$from_card/$build/u-boot.bin
	fi
	echo "$BOARD-sd-uboot-$build uboot-sd=$bin:$card $BOARD_QEMU_CPU $BOARD_QEMU_MEM 2 $load pass/$marks -dtb $dtb"
done
# The cut card: a copy of the card with Image replaced by its first 64 KiB.
cut=$from_card/cut-64k.img
cp "$card" "$cut"
head -c 65536 "$(dirname "$card")/Image" >"$from_card/Image"
mcopy -o -i "$cut@@1M" "$from_card/Image" ::Image
echo "$BOARD-sd-cut-64k uboot-sd=$from_card/$kernel:$cut $BOARD_QEMU_CPU $BOARD_QEMU_MEM 2 $load exit9/its_end_marker_(the_last_bytes_of_the_Image_file)_is_not_in_memory -dtb $dtb"
