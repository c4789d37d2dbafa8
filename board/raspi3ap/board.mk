# board/raspi3ap/board.mk - the Raspberry Pi 3 Model A+ (BCM2837B0, 512 MiB),
# as QEMU's -M raspi3ap: how to run the Image there.
# Owns: the QEMU command line, which DTB QEMU is given (it makes none), the
# ELF's load address. Everything else comes from that DTB.

BOARD_LOAD_PA      := 0x200000
BOARD_RAM_BASE_PA  := 0x0
BOARD_QEMU_MACHINE := raspi3ap
BOARD_QEMU_CPU     := cortex-a53
BOARD_QEMU_SMP     := 4
BOARD_QEMU_MEM     := 512M
# QEMU's DTB /memory: -m less the VideoCore's 64 MiB.
BOARD_QEMU_RAM     := 448M
BOARD_QEMU_EL2     :=
BOARD_QEMU_EL3     :=
BOARD_QEMU_CASES   := elf:3 image:2
BOARD_QEMU_DTB     := broadcom/bcm2837-rpi-3-a-plus.dtb
BOARD_QEMU_SERIAL  := -serial null -serial stdio
# Debian's u-boot-rpi build make test boots the Pis' SD card with (make
# sdcard, tests/uboot/cases-rpi.sh): the card's own, rpi_arm64.
BOARD_SDCARD_UBOOTS := rpi_arm64
