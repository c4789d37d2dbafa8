/*
 * board/zcu102/board.h - facts of the Xilinx ZCU102 (Zynq UltraScale+
 * MPSoC, 4x Cortex-A53 APU), as real hardware and as QEMU's -M xlnx-zcu102.
 *
 * Owns: RAM, the console UART, the text_offset and the boot CPU, and (in
 * this comment) how QEMU 7.2 starts an image on this machine. The load
 * address and the QEMU command line are in board.mk.
 *
 * Checked here with QEMU 7.2 (Debian 1:7.2+dfsg-7+deb12u18):
 *
 * Entry exception level (the stub's first line, and a probe image):
 *
 *   machine properties              -kernel stub.elf   -kernel Image
 *   (none)                          EL1                EL1
 *   virtualization=on               EL2                EL2
 *   secure=on                       EL3                EL1 (*)
 *   secure=on,virtualization=on     EL3                EL2 (*)
 *
 *   (*) for a raw Image QEMU emulates a Linux boot loader and drops out of
 *   EL3 itself. An Image entered at EL3 needs -device loader,file=Image,
 *   addr=0x200000,cpu-num=0 instead of -kernel (CPU 0 starts at addr at
 *   its reset EL, EL3 with secure=on).
 *
 * Cores: QEMU always builds four Cortex-A53s (-cpu is ignored; -smp N
 * gives fewer). Only CPU 0 (MPIDR 0) runs the image. CPUs 1-3 start
 * powered off in every case above — an ELF, an Image, or the generic
 * loader (whose cpu-num=1 sets that core's PC but does not power it on) —
 * and do not execute anything until started:
 *   - entered at EL1 or EL2: PSCI over SMC (below) CPU_ON (0xc4000003,
 *     x1 = MPIDR 1..3, x2 = entry PA, x3 = context) returns 0 and the core
 *     starts at x2 at the caller's EL, MMU off; with -smp 1 it returns -2;
 *   - entered at EL3 (no PSCI): write the entry to APU_CTRL RVBARADDRnL/H
 *     (0xfd5c0040 + 8n, +4) and clear bit n, ACPUn_RESET, of CRF_APB
 *     RST_FPD_APU (0xfd1a0104, reset value 0x3d0f); core n then starts at
 *     its RVBAR at EL3. Clearing only ACPUn_PWRON_RESET (bit 10 + n) does
 *     nothing in QEMU. (On hardware the core's power island is the PMU
 *     firmware's job first; not modelled by QEMU, not checked here.)
 *
 * PSCI: QEMU's built-in PSCI 1.1 (PSCI_VERSION returns 0x10001) over SMC
 * whenever the image runs below EL3 (every entry at EL1 or EL2 above,
 * ELF or Image). HVC is not a conduit: UNDEFINED at EL1 without EL2, and
 * at EL2 it traps to the image's own EL2 vectors. SYSTEM_OFF (0x84000008)
 * over SMC ends QEMU. Entered at EL3 there is no PSCI: SMC traps to the
 * image's own EL3 vectors. No DTB says any of this (next paragraph), so
 * the stub's report shows "psci conduit: none".
 *
 * DTB: none. QEMU generates no device tree for this machine; only -dtb
 * FILE would give one. An ELF gets x0 = 0; a raw Image gets x0 = 0x100,
 * where QEMU writes 32-bit-style ATAGs (ATAG_CORE, ATAG_MEM with the -m
 * size at 0), not a DTB; QEMU's boot stub for the Image sits at 0. So RAM
 * is always the board default below.
 *
 * Memory: QEMU's -m defaults to 128 MiB for this machine; DDR low is at 0
 * and holds up to 2 GiB, the rest of -m goes to DDR high at 0x8_0000_0000.
 * The real ZCU102 has 4 GiB DDR4 (2 GiB at 0 + 2 GiB at 0x8_0000_0000).
 * The machine ignores bus errors (ignore_memory_transaction_failures):
 * a read of an unbacked PA returns 0 instead of an external abort.
 *
 * UART: two Cadence UARTs; UART0 at 0xff000000 is serial0 (the first
 * -serial, stdio with -nographic), UART1 at 0xff010000 is serial1.
 * -nodefaults keeps UART0 working with -serial stdio. The transmitter is
 * disabled at reset (CR 0x128) and QEMU drops what is written to the FIFO
 * until it is enabled: lib/cadence_uart.c enables it. Reset baud
 * registers: CD 0x28b, BDIV 0xf (as on hardware).
 */
#ifndef BOARD_H
#define BOARD_H

#define BOARD_NAME            "zcu102"
/* DDR low starts at 0 (UG1085 address map). With no DTB the stub uses this
 * size: QEMU's default -m (128 MiB), safely below the real board's 2 GiB
 * of DDR low. */
/* BOARD_RAM_BASE_PA: in board.mk (the tests need it too). */
#define BOARD_RAM_SIZE_DEFAULT 0x08000000
/* Cadence UART0 (UG1085 "UART Controller"; QEMU xlnx-zynqmp uart[0]). */
#define BOARD_UART_PA         0xff000000
/* Device ranges (UG1085 address map), mapped Device-nGnRnE and
 * execute-never in the final map: the APU's GIC-400, the full-power domain
 * (CRF_APB, APU_CTRL, ...) and the low-power domain (UARTs, ...). */
#define BOARD_DEVICE_PA_BASE  0xc0000000
#define BOARD_DEVICE_RANGES \
	{ "gic", 0xf9000000, 0x00080000 }, \
	{ "fpd", 0xfd000000, 0x01000000 }, \
	{ "lpd", 0xff000000, 0x01000000 }
/* Image header text_offset: 0, the image starts on a 2 MiB boundary (QEMU
 * -kernel and U-Boot booti both honour it). */
#define BOARD_TEXT_OFFSET     0x0
/* With no DTB (always, under QEMU): below EL3 the firmware (QEMU's, or
 * ATF on the real board) answers PSCI over SMC (above). */
#define BOARD_PSCI_CONDUIT_NO_DTB PSCI_CONDUIT_SMC
/* Four A53 cores, 1-3 powered off: PSCI CPU_ON over SMC below EL3. At EL3
 * (no PSCI): the core's reset vector in APU_CTRL RVBARADDRnL/H, then its
 * ACPUn_RESET bit cleared in CRF_APB RST_FPD_APU (UG1085); it starts at EL3.
 * (On the real board the PMU firmware must have powered the core.) */
#define BOARD_NR_CPUS         4
#define BOARD_SMP_AT_EL3      SMP_RESET_RELEASE
#define BOARD_RVBAR_PA        0xfd5c0040
#define BOARD_CORE_RESET_PA   0xfd1a0104
#define BOARD_CORE_RESET_BIT(n) (1u << (n))
#define BOARD_SMP_FIRMWARE    SMP_NONE
/* Boot CPU: APU core 0, MPIDR_EL1 affinity 0.0.0.0; 1-3 are held powered
 * off (above). */
#define BOARD_BOOT_CPU_MPIDR  0x0

#endif /* BOARD_H */
