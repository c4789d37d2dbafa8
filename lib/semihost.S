/*
 * semihost.S - the Arm semihosting call (AArch64: HLT #0xF000).
 *
 * Owns: semihost_call(op = x0, param = x1) -> x0, and the label of its trap
 * instruction, which traps.c recognises when semihosting is not enabled
 * (HLT is then UNDEFINED: EC 0x00) and resumes after with x0 = -2.
 * Preserves everything but x0 (as the semihosting ABI).
 */
	.text
	.global	semihost_call, semihost_trap
semihost_call:
semihost_trap:
	hlt	#0xf000
	ret
