/*
 * board/raspi3b/board.h - facts of the Raspberry Pi 3 Model B (BCM2837,
 * 4x Cortex-A53), as real hardware and as QEMU's -M raspi3b.
 *
 * Owns: RAM, the console UART, the text_offset and the boot CPU. The load
 * address and the QEMU command line are in board.mk.
 */
#ifndef BOARD_H
#define BOARD_H

#define BOARD_NAME            "raspi3b"
/* SDRAM starts at 0. Of its 1 GiB the top belongs to the GPU (QEMU: 64 MiB
 * of VideoCore RAM at 0x3c000000) and the peripherals sit at 0x3f000000, so
 * the ARM's RAM, when no DTB says otherwise, is 0 .. 0x3c000000. */
/* BOARD_RAM_BASE_PA: in board.mk (the tests need it too). */
#define BOARD_RAM_SIZE_DEFAULT 0x3c000000
/* PL011 UART0 (BCM2837 peripherals at 0x3f000000 + 0x201000). */
#define BOARD_UART_PA         0x3f201000
/* Device ranges, mapped Device-nGnRnE and execute-never in the final map:
 * the BCM2837 peripherals (the ARM-local block at 0x40000000 is not used). */
#define BOARD_DEVICE_PA_BASE  0x0
#define BOARD_DEVICE_RANGES \
	{ "peripherals", 0x3f000000, 0x01000000 }
/* Loaded at 0x80000 (kernel8.img, QEMU -kernel): 512 KiB into a 2 MiB
 * block, as Linux's old TEXT_OFFSET. */
#define BOARD_TEXT_OFFSET     0x80000
/* The Pi's firmware has no PSCI (secondaries wait in a spin table). */
#define BOARD_PSCI_CONDUIT_NO_DTB PSCI_CONDUIT_NONE
/* Four cores. An ELF at EL3 runs on all of them: holding pen. Under the
 * firmware (a real Pi, or QEMU with a raw Image) cores 1-3 spin on the
 * firmware's mailboxes at 0xd8 + 8 * core, waiting for an entry address. */
#define BOARD_NR_CPUS         4
#define BOARD_SMP_AT_EL3      SMP_PEN
#define BOARD_SMP_FIRMWARE    SMP_SPIN_TABLE
#define BOARD_SPIN_TABLE_PA   0xd8
/* Core 0 boots; QEMU's -kernel ELF starts all four cores at the entry (they
 * park), the Pi firmware holds 1-3 in its spin table. */
#define BOARD_BOOT_CPU_MPIDR  0x0

#endif /* BOARD_H */
