# board/raspi3b/board.mk - how to build for and run on a Raspberry Pi 3 B.
# Owns: the load address, the console driver, the QEMU command line.

# kernel8.img's address; QEMU -kernel puts an ELF where its headers say.
BOARD_LOAD_PA      := 0x80000
# Start of RAM (board.h has the rest of the RAM facts).
BOARD_RAM_BASE_PA  := 0x00000000
BOARD_UART_DRIVER  := pl011
BOARD_QEMU_MACHINE := raspi3b
BOARD_QEMU_CPU     := cortex-a53
# CPUs QEMU's machine runs without -smp (the matrix's smp column).
BOARD_QEMU_SMP     := 4
BOARD_QEMU_MEM     := 1G
# QEMU's raspi3b has no EL properties. An ELF starts at EL3 on all four
# cores; a raw Image (kernel8.img) gets QEMU's emulation of the Pi firmware:
# EL2, cores 1-3 in its spin table, as on a real Pi.
BOARD_QEMU_EL2     :=
BOARD_QEMU_EL3     :=
# The smoke cases for tests/qemu/cases-board.sh: ARTIFACT:ENTRY_EL.
BOARD_QEMU_CASES   := elf:3 image:2
# QEMU passes no DTB unless given one with -dtb: RAM is the board default.
BOARD_QEMU_DTB     := no
