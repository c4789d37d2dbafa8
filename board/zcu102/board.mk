# board/zcu102/board.mk - the Xilinx ZCU102 (Zynq UltraScale+ MPSoC, 4x
# Cortex-A53), as QEMU's -M xlnx-zcu102: how to run the Image there.
# Owns: the QEMU command line, which DTB QEMU is given (it makes none), the
# ELF's load address. Its behaviour at EL3 (no PSCI: reset release of the
# other cores) is board.c, behind board/board_ops.h.
#
# QEMU 7.2 (checked): -cpu is ignored, four A53s; only CPU 0 runs the image,
# 1-3 start powered off (PSCI CPU_ON over SMC below EL3; board.c at EL3).
# An ELF enters at EL1, EL2 (virtualization=on) or EL3 (secure=on); a raw
# Image through -kernel at EL1 or EL2 only (QEMU drops out of EL3 itself):
# at EL3 the tests load it with -device loader at BOARD_LOAD_PA, and the DTB
# with another loader 2 MiB below it. The UART's transmitter is disabled at
# reset (CR 0x128): the Cadence driver enables it.

BOARD_LOAD_PA      := 0x200000
BOARD_RAM_BASE_PA  := 0x0
BOARD_QEMU_MACHINE := xlnx-zcu102
BOARD_QEMU_CPU     := cortex-a53
BOARD_QEMU_SMP     := 4
BOARD_QEMU_MEM     := 128M
BOARD_QEMU_EL1     :=
BOARD_QEMU_EL2     := ,virtualization=on
BOARD_QEMU_EL3     := ,secure=on,virtualization=on
BOARD_QEMU_CASES   := elf:1 elf:2 elf:3 image:1 image:2 image:3
# Debian's kernel DTB for this board (QEMU patches /memory from -m);
# stdout-path serial0 = UART0 at 0xff000000, the first -serial.
BOARD_QEMU_DTB     := xilinx/zynqmp-zcu102-rev1.0.dtb
BOARD_QEMU_SERIAL  := -serial stdio
# Its DisplayPort has a sound device: a silent backend (QEMU 10 will not
# start without one; spelled per QEMU version: scripts/qemu-version.sh).
BOARD_QEMU_AUDIO   := none
