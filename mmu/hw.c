/*
 * hw.c - the live MMU: turning it on, the final switch, and asking it to
 * translate.
 *
 * Owns: mmu_enable(), the one routine that turns the MMU on, for the boot
 * CPU and every secondary (MAIR, TCR, TTBRs, TLB, SCTLR with the barriers
 * the architecture requires, Arm ARM D8.11 / B2.3); mmu_finalize(), the one
 * final switch every CPU makes once it runs at the link address over the
 * final map (TTBR0 walks off, WXN on); and hw_at() (AT S1E1R/W, PAR_EL1).
 * The values they use are decided in regs.c (tcr_el1_value) and tested on
 * the host.
 */
#include "hw.h"
#include "regs.h"
#include "sysreg.h"
#include "tlbflush.h"

/*
 * Runs in the identity map (PC = physical) with the MMU and caches off and
 * returns with them on; the caller jumps to the link address next, which
 * TTBR1 maps. It must not touch memory at all (the build checks that it
 * never uses sp): a value written with the MMU off (non-cacheable) and read
 * back with it on could come from a stale cache line instead. MAIR and
 * SCTLR are constants; TCR is the caller's (the boot CPU's tcr_el1_value(),
 * which every secondary then receives), so every CPU runs the same values.
 * In .head.text with the rest of the MMU-off code.
 */
__attribute__((section(".head.text"), noinline))
void mmu_enable(uint64_t phys_ttbr0, uint64_t phys_ttbr1, uint64_t tcr)
{
	write_sysreg(MAIR_EL1_VALUE, mair_el1);
	write_sysreg(tcr, tcr_el1);
	write_sysreg(phys_ttbr0, ttbr0_el1);
	write_sysreg(phys_ttbr1, ttbr1_el1);
	isb();
	local_flush_tlb_all();                  /* no stale walks */
	/* __mmu_on_sctlr: the instruction that turns the MMU on (make bench). */
	__asm__ volatile(".global __mmu_on_sctlr\n__mmu_on_sctlr:\n\tmsr sctlr_el1, %0"
			 : : "r"((uint64_t)SCTLR_EL1_MMU_ON) : "memory");
	isb();
	/* Drop instructions fetched speculatively from the PoC before. */
	__asm__ volatile("ic iallu" : : : "memory");
	dsb(nsh);
	isb();
}

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
