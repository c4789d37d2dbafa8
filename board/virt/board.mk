# board/virt/board.mk - QEMU's "virt" machine: how to run the Image there.
# Owns: the QEMU command line, the ELF's load address, U-Boot's files. The
# machine itself (RAM, console, CPUs, PSCI) comes from QEMU's own DTB.

# The ELF's load address: RAM base + 2 MiB. For an ELF, QEMU puts the DTB
# at the start of RAM (when it fits below the image), and passes no x0:
# the stub looks 2 MiB below itself (start/main.c ELF_DTB_BELOW_IMAGE).
BOARD_LOAD_PA      := 0x40200000
# Start of RAM (hw/arm/virt.c VIRT_MEM): only the tests use it.
BOARD_RAM_BASE_PA  := 0x40000000
BOARD_QEMU_MACHINE := virt
BOARD_QEMU_CPU     := cortex-a53
# CPUs QEMU's machine runs without -smp (the matrix's smp column).
BOARD_QEMU_SMP     := 1
BOARD_QEMU_MEM     := 128M
# Extra machine properties per entry level (EL1 is QEMU's default).
BOARD_QEMU_EL1     :=
BOARD_QEMU_EL2     := ,virtualization=on
BOARD_QEMU_EL3     := ,secure=on,virtualization=on
# QEMU makes the DTB; /chosen/stdout-path names the PL011 (first -serial).
BOARD_QEMU_DTB     :=
BOARD_QEMU_SERIAL  := -serial stdio
# Debian's U-Boot for QEMU (package u-boot-qemu): its environment lives in
# pflash 1 (64 MiB at 0x04000000), CONFIG_ENV_SIZE 0x40000 at offset 0.
BOARD_UBOOT_BIN        := /usr/lib/u-boot/qemu_arm64/u-boot.bin
BOARD_UBOOT_ENV_SIZE   := 0x40000
BOARD_UBOOT_FLASH_SIZE := 0x4000000
