/*
 * hw.c - the live MMU once it runs at the link address: the final switch,
 * and asking it to translate.
 *
 * Owns: mmu_finalize(), the one final switch every CPU makes once it runs
 * at the link address over the final map (TTBR0 walks off, WXN on), and
 * hw_at() (AT S1E1R/W, PAR_EL1 decoded by regs.c). Turning the MMU on is
 * enable.c's, in the MMU-off set.
 */
#include "hw.h"
#include "regs.h"
#include "sysreg.h"
#include "tlbflush.h"

void mmu_finalize(void)
{
	/* The identity map is not needed any more: no TTBR0 walks at all. */
	write_sysreg(read_sysreg(tcr_el1) | TCR_EPD0, tcr_el1);
	/* Every writable mapping is execute-never, whatever its XN bits. */
	write_sysreg(read_sysreg(sctlr_el1) | SCTLR_EL1_WXN, sctlr_el1);
	isb();
	/* TCR and SCTLR fields may be held in TLB entries (D8.13). */
	local_flush_tlb_all();
}

void hw_at(uint64_t va, bool write, struct hw_translation *out, void *cookie)
{
	uint64_t par;

	(void)cookie;
	if (write)
		__asm__ volatile("at s1e1w, %0" : : "r"(va));
	else
		__asm__ volatile("at s1e1r, %0" : : "r"(va));
	isb();
	par = read_sysreg(par_el1);
	par_decode(par, va, out);
}
