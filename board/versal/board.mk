# board/versal/board.mk - QEMU's -M xlnx-versal-virt (Xilinx Versal, 2x
# Cortex-A72): how to run the Image there.
# Owns: the QEMU command line and the ELF's load address. QEMU makes the
# DTB (/chosen/stdout-path = the PL011 at 0xff000000, the first -serial).
#
# QEMU 7.2: an ELF enters at EL3 on core 0 only, no PSCI (core 1 is never
# started: named, left off); an Image at EL2 with PSCI over SMC.

BOARD_LOAD_PA      := 0x200000
BOARD_RAM_BASE_PA  := 0x0
BOARD_QEMU_MACHINE := xlnx-versal-virt
BOARD_QEMU_CPU     := cortex-a72
BOARD_QEMU_SMP     := 2
BOARD_QEMU_MEM     := 128M
BOARD_QEMU_EL2     :=
BOARD_QEMU_EL3     :=
BOARD_QEMU_CASES   := elf:3:1 image:2
BOARD_QEMU_DTB     :=
BOARD_QEMU_SERIAL  := -serial stdio
