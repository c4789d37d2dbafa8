# board/virt/board.mk - how to build for and run on QEMU's "virt" machine.
# Owns: the load address, the console driver, the QEMU command line.

# 2 MiB above the start of RAM: QEMU puts the DTB at the start of RAM for an
# ELF only when it fits below the image (../shared notes, "QEMU virt").
BOARD_LOAD_PA      := 0x40200000
# Start of RAM (board.h has the rest of the RAM facts).
BOARD_RAM_BASE_PA  := 0x40000000
BOARD_UART_DRIVER  := pl011
BOARD_QEMU_MACHINE := virt
BOARD_QEMU_CPU     := cortex-a53
# CPUs QEMU's machine runs without -smp (the matrix's smp column).
BOARD_QEMU_SMP     := 1
BOARD_QEMU_MEM     := 128M
# Extra machine properties per entry level (EL1 is QEMU's default).
BOARD_QEMU_EL1     :=
BOARD_QEMU_EL2     := ,virtualization=on
BOARD_QEMU_EL3     := ,secure=on,virtualization=on
# QEMU gives the image a DTB (x0 for an Image, start of RAM for an ELF).
BOARD_QEMU_DTB     := yes
# Debian's U-Boot for QEMU (package u-boot-qemu): its environment lives in
# pflash 1 (64 MiB at 0x04000000), CONFIG_ENV_SIZE 0x40000 at offset 0.
BOARD_UBOOT_BIN        := /usr/lib/u-boot/qemu_arm64/u-boot.bin
BOARD_UBOOT_ENV_SIZE   := 0x40000
BOARD_UBOOT_FLASH_SIZE := 0x4000000

# virt has no DTB file: QEMU describes the machine itself. The FIT carries
# QEMU's description of the default machine (EL1, PSCI over hvc, 128 MiB);
# U-Boot rewrites /memory and /chosen in it before booting, so the RAM size
# is still right. dtc drops the 1 MiB of padding QEMU adds.
$(BUILD)/board.dtb: | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  DTB     $@")
	$(Q)$(QEMU) -M virt,dumpdtb=$@.qemu -cpu cortex-a53 -m 128M -nographic -nodefaults >/dev/null 2>&1
	$(Q)dtc -q -I dtb -O dtb -o $@ $@.qemu && rm -f $@.qemu
