# board/virt/board.mk - how to build for and run on QEMU's "virt" machine.
# Owns: the load address, the console driver, the QEMU command line.

# 2 MiB above the start of RAM: QEMU puts the DTB at the start of RAM for an
# ELF only when it fits below the image (../shared notes, "QEMU virt").
BOARD_LOAD_PA      := 0x40200000
BOARD_UART_DRIVER  := pl011
BOARD_QEMU_MACHINE := virt
BOARD_QEMU_CPU     := cortex-a53
BOARD_QEMU_MEM     := 128M
# Extra machine properties per entry level (EL1 is QEMU's default).
BOARD_QEMU_EL1     :=
BOARD_QEMU_EL2     := ,virtualization=on
BOARD_QEMU_EL3     := ,secure=on,virtualization=on
