# board/raspi3b/board.mk - the Raspberry Pi 3 Model B (BCM2837, 4x
# Cortex-A53), as QEMU's -M raspi3b: how to run the Image there.
# Owns: the QEMU command line, which DTB QEMU is given (it makes none), the
# ELF's load address. Everything else comes from that DTB.

# The ELF's load address: RAM base (0) + 2 MiB, where QEMU also puts an
# Image whose header says text_offset 0; an ELF's DTB goes to RAM start.
BOARD_LOAD_PA      := 0x200000
BOARD_RAM_BASE_PA  := 0x0
BOARD_QEMU_MACHINE := raspi3b
BOARD_QEMU_CPU     := cortex-a53
BOARD_QEMU_SMP     := 4
BOARD_QEMU_MEM     := 1G
# QEMU's DTB /memory: -m less the VideoCore's 64 MiB (the GPU's).
BOARD_QEMU_RAM     := 960M
# No EL properties: an ELF starts at EL3 on all four cores (holding pen); a
# raw Image gets QEMU's emulation of the Pi firmware: EL2, cores 1-3 in its
# spin table (the DTB's cpu-release-addr), as on a real Pi.
BOARD_QEMU_EL2     :=
BOARD_QEMU_EL3     :=
BOARD_QEMU_CASES   := elf:3 image:2
# Debian's kernel DTB for this board (QEMU patches /memory from -m). Its
# stdout-path is the mini UART (serial1), the second -serial; on a real Pi
# 3 the PL011 (first -serial) is wired to Bluetooth.
BOARD_QEMU_DTB     := broadcom/bcm2837-rpi-3-b.dtb
BOARD_QEMU_SERIAL  := -serial null -serial stdio
# Debian's rpi_3 U-Boot leaves its DTB in place at 0xf3830, 0x73830 above
# its kernel_addr_r (0x80000): an image_size beyond would overwrite it if
# the Image ran there (booti moves it to 0x200000; the build keeps the
# margin anyway: Makefile, one-image.ok).
BOARD_IMAGE_SIZE_MAX := 0x73830
# Debian's u-boot-rpi builds make test boots the Pis' SD card with (make
# sdcard, tests/uboot/cases-rpi.sh): rpi_arm64 (the card's own) and the
# Pi 3's own rpi_3 (its DTB built in).
BOARD_SDCARD_UBOOTS := rpi_arm64 rpi_3
