/*
 * tests/bench/floor.S - QEMU's launch floor for make bench's wall-clock
 * ratios: an image that exits at once.
 *
 * Owns: the first instruction's semihosting SYS_EXIT (x0 = 0x18, x1 the
 * address of {ADP_Stopped_ApplicationExit, 0}: QEMU exits with status 0),
 * so that what a QEMU run of it costs is QEMU's start and end alone. Built
 * by the bench as an ELF at 0x40080000 (QEMU virt's -kernel enters an ELF
 * at its entry, at EL1).
 */
	.text
	.global	_start
_start:
	mov	x0, #0x18			// SYS_EXIT
	adr	x1, exit_block
	hlt	#0xf000				// AArch64 semihosting call
	b	.

	.balign	8
exit_block:
	.quad	0x20026				// ADP_Stopped_ApplicationExit
	.quad	0				// the exit status
