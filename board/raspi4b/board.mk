# board/raspi4b/board.mk - the Raspberry Pi 4 Model B (BCM2711, 4x
# Cortex-A72), as QEMU's -M raspi4b (tested on QEMU 10.0): how to
# run the Image there.
# Owns: the QEMU command line, which DTB QEMU is given (it makes none), the
# ELF's load address, the first QEMU tested. Everything else comes from
# that DTB.

# RAM base (0) + 2 MiB, where QEMU also puts an Image (text_offset 0).
BOARD_LOAD_PA      := 0x200000
BOARD_RAM_BASE_PA  := 0x0
BOARD_QEMU_MACHINE := raspi4b
BOARD_QEMU_CPU     := cortex-a72
BOARD_QEMU_SMP     := 4
# QEMU's raspi4b has 2 GiB, fixed; its DTB /memory says 960 MiB (the RAM
# below the VideoCore's, as on the Pi 3; the rest above 1 GiB is not
# described).
BOARD_QEMU_MEM     := 2G
BOARD_QEMU_RAM     := 960M
# As on the Pi 3: an ELF starts at EL3 on all four cores (the holding pen);
# an Image gets QEMU's emulation of the Pi firmware: EL2, cores 1-3 in its
# spin table. QEMU warns that it disabled the DTB's PCIe, RNG, thermal and
# GENET nodes (it models none of them).
BOARD_QEMU_EL2     :=
BOARD_QEMU_EL3     :=
BOARD_QEMU_CASES   := elf:3 image:2
# Debian's kernel DTB; its stdout-path is the mini UART (serial1), QEMU's
# second -serial; the PL011 (first) is wired to Bluetooth on a real Pi 4.
BOARD_QEMU_DTB     := broadcom/bcm2711-rpi-4-b.dtb
BOARD_QEMU_SERIAL  := -serial null -serial stdio
# Debian's u-boot-rpi builds make test boots the Pis' SD card with (make
# sdcard, tests/uboot/cases-rpi.sh): rpi_arm64 (the card's own) and the
# Pi 4's own rpi_4.
BOARD_SDCARD_UBOOTS := rpi_arm64 rpi_4
# The first QEMU this project runs it on: 7.2 has no raspi4b (a QEMU older
# than this one without the machine skips its cases, named).
BOARD_QEMU_SINCE   := 10.0
