/*
 * enable.c - turning the MMU on: mmu_enable(), the one routine that does
 * it, for the boot CPU and every secondary (MAIR, TCR, TTBRs, TLB, SCTLR
 * with the barriers the architecture requires, Arm ARM D8.11 / B2.3).
 * In the MMU-off set (start/start.mk). The TCR value it is given is
 * decided in tcr.c and tested on the host.
 */
#include "hw.h"
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

