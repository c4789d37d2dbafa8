/*
 * el.S - reach EL1h from whatever exception level the loader used.
 *
 * Owns: el_setup. From EL3 it drops to EL2 (if implemented) else EL1,
 * non-secure, AArch64; from EL2 it configures what EL1 needs (HCR_EL2.RW,
 * timer access, no FP/SIMD traps, PMU counters visible) and drops to EL1h.
 * Every step leaves interrupts masked (SPSR.DAIF) and SCTLR with MMU off.
 * Returns to the caller at EL1 with w20 = the exception level at entry.
 * Preserves: x19, x21-x29. Corrupts: x0, x1, w20. Uses no stack or memory.
 */
#include "sysreg.h"

	.section ".head.text", "ax"
	.global	el_setup
el_setup:
	mrs	x0, CurrentEL
	ubfx	x20, x0, #2, #2
	msr	daifset, #0xf
	cmp	x20, #3
	b.eq	from_el3
	cmp	x20, #2
	b.eq	from_el2

in_el1:
	ldr	x0, =SCTLR_EL1_MMU_OFF
	msr	sctlr_el1, x0
	mov	x0, #CPACR_EL1_FPEN		// library code may use FP/SIMD
	msr	cpacr_el1, x0
	isb
	ret

from_el3:
	msr	cptr_el3, xzr			// no FP/SIMD traps to EL3
	msr	mdcr_el3, xzr			// PMU usable below EL3
	mrs	x1, id_aa64pfr0_el1
	ubfx	x1, x1, #ID_AA64PFR0_EL2_SHIFT, #4
	ldr	x0, =(SCR_EL3_RES1 | SCR_EL3_NS | SCR_EL3_RW | SCR_EL3_HCE)
	msr	scr_el3, x0
	cbz	x1, 1f
	adr	x0, from_el2			// EL2 exists: go through it
	msr	elr_el3, x0
	mov	x0, #SPSR_EL2H_DAIF
	msr	spsr_el3, x0
	eret
1:	ldr	x0, =SCTLR_EL1_MMU_OFF
	msr	sctlr_el1, x0
	adr	x0, in_el1
	msr	elr_el3, x0
	mov	x0, #SPSR_EL1H_DAIF
	msr	spsr_el3, x0
	eret

from_el2:
	ldr	x0, =SCTLR_EL2_MMU_OFF
	msr	sctlr_el2, x0
	ldr	x0, =HCR_EL2_RW			// EL1 is AArch64, nothing trapped
	msr	hcr_el2, x0
	mov	x0, #(CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN)
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr
	ldr	x0, =CPTR_EL2_DEFAULT
	msr	cptr_el2, x0
	msr	hstr_el2, xzr
	msr	vttbr_el2, xzr
	mov	x0, #0				// HPMN 0 without PMUv3 (x1 tests it)
	pmu_or_branch x1, 2f			// no PMUv3: PMCR_EL0 is UNDEFINED
	mrs	x0, pmcr_el0			// MDCR_EL2.HPMN = PMCR_EL0.N: EL1 sees
	ubfx	x0, x0, #11, #5			// every counter; TPM/TPMCR = 0
2:	msr	mdcr_el2, x0
	mrs	x0, midr_el1
	msr	vpidr_el2, x0
	mrs	x0, mpidr_el1
	msr	vmpidr_el2, x0
	ldr	x0, =SCTLR_EL1_MMU_OFF
	msr	sctlr_el1, x0
	adr	x0, in_el1
	msr	elr_el2, x0
	mov	x0, #SPSR_EL1H_DAIF
	msr	spsr_el2, x0
	eret
	.ltorg
