# board/zcu102/board.mk - how to build for and run on a Xilinx ZCU102
# (Zynq UltraScale+), real or QEMU's -M xlnx-zcu102.
# Owns: the load address, the console driver, the QEMU command line.
# The machine's boot behaviour (ELs, cores, PSCI, DTB) is in board.h.

# 2 MiB into DDR low: where QEMU -kernel puts an Image with text_offset 0
# (RAM base + 2 MiB; its boot stub and ATAGs use the first block), so the
# ELF and the Image share one address. The image fits in the one 2 MiB
# block 0x200000-0x400000, clear of what Xilinx's U-Boot uses (itself at
# 0x8000000, ramdisk_addr_r 0x2100000). Its kernel_addr_r 0x18000000 lies
# beyond QEMU's default 128 MiB; booti keeps the "anywhere" Image at any
# 2 MiB-aligned address, so the stub runs there too.
BOARD_LOAD_PA      := 0x200000
# Start of RAM (board.h has the rest of the RAM facts).
BOARD_RAM_BASE_PA  := 0x00000000
BOARD_UART_DRIVER  := cadence_uart
BOARD_QEMU_MACHINE := xlnx-zcu102
# The only CPU this machine has: QEMU ignores -cpu here.
BOARD_QEMU_CPU     := cortex-a53
# QEMU's default; with no DTB the stub cannot see -m and uses
# BOARD_RAM_SIZE_DEFAULT (board.h), which is this size.
# CPUs QEMU's machine runs without -smp (the matrix's smp column).
BOARD_QEMU_SMP     := 4
BOARD_QEMU_MEM     := 128M
# Extra machine properties per entry level (EL1 is QEMU's default). EL3
# with EL2 present, as on the real SoC (secure=on alone also enters at EL3).
BOARD_QEMU_EL1     :=
BOARD_QEMU_EL2     := ,virtualization=on
BOARD_QEMU_EL3     := ,secure=on,virtualization=on
# The smoke cases for tests/qemu/cases-board.sh: ARTIFACT:ENTRY_EL. The ELF
# through -kernel at each EL; the Image through -kernel at EL1 and EL2 and,
# at EL3, through the generic loader at BOARD_LOAD_PA (tests/qemu/boot.sh).
BOARD_QEMU_CASES   := elf:1 elf:2 elf:3 image:1 image:2 image:3
# QEMU passes no DTB on this machine (x0 is 0 or its ATAGs at 0x100): RAM is
# the board default.
BOARD_QEMU_DTB     := no
