/*
 * board/virt/board.h - facts of QEMU's "virt" machine, for C and assembly.
 *
 * Owns: the RAM default, the console UART's physical address, and which CPU
 * is the boot CPU. Nothing architectural lives here. The load address and
 * the QEMU command line are in board.mk (the build needs them).
 */
#ifndef BOARD_H
#define BOARD_H

#define BOARD_NAME            "virt"
/* RAM starts at 1 GiB (hw/arm/virt.c memmap VIRT_MEM). The size comes from
 * the DTB; this default is QEMU's own default -m, used with no DTB. */
/* BOARD_RAM_BASE_PA: in board.mk (the tests need it too). */
#define BOARD_RAM_SIZE_DEFAULT 0x08000000
/* PL011 UART0 (VIRT_UART). */
#define BOARD_UART_PA         0x09000000
/* Device ranges (hw/arm/virt.c memmap, default GICv2), mapped Device-nGnRnE
 * and execute-never in the final map; all within 1 GiB from the base. */
#define BOARD_DEVICE_PA_BASE  0x0
#define BOARD_DEVICE_RANGES \
	{ "gic", 0x08000000, 0x00020000 }, \
	{ "uart-rtc-fwcfg-gpio", 0x09000000, 0x00040000 }, \
	{ "virtio-mmio", 0x0a000000, 0x00004000 }
/* Image header text_offset: where _text lies above a 2 MiB boundary. The
 * load address (board.mk) minus this must be 2 MiB aligned. */
#define BOARD_TEXT_OFFSET     0x0
/* PSCI conduit when there is no DTB to name it (QEMU always gives one). */
#define BOARD_PSCI_CONDUIT_NO_DTB PSCI_CONDUIT_NONE
/* Other CPUs: the DTB lists them; PSCI CPU_ON starts them. Entered at EL3
 * (secure=on: no PSCI), QEMU starts every core at the entry: holding pen. */
#define BOARD_NR_CPUS         1
#define BOARD_SMP_AT_EL3      SMP_PEN
#define BOARD_SMP_FIRMWARE    SMP_NONE
/* Boot CPU: MPIDR_EL1 affinity 0.0.0.0; QEMU keeps the others off (PSCI). */
#define BOARD_BOOT_CPU_MPIDR  0x0

#endif /* BOARD_H */
