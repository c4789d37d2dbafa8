/*
 * hw.c - the live MMU: turning it on, and asking it to translate.
 *
 * Owns: mmu_enable() (MAIR, TCR, TTBRs, TLB, SCTLR with the barriers the
 * architecture requires, Arm ARM D8.11 / B2.3) and hw_at() (AT S1E1R/W,
 * PAR_EL1). Target only: the decisions it uses (tcr_el1_value, par_decode)
 * are in regs.c and tested on the host.
 */
#include "boot.h"
#include "cache.h"
#include "check.h"
#include "console.h"
#include "regs.h"
#include "sysreg.h"

extern char _sdata[], _end[];

/* Runs in the identity map (PC = physical) with the MMU off; returns with
 * it on. Everything it touches is identity mapped, and TTBR1 covers the
 * link addresses the caller jumps to next. */
void mmu_enable(uint64_t phys_idmap_pg_dir, uint64_t phys_init_pg_dir)
{
	uint64_t tcr = tcr_el1_value(boot_facts.mmfr0);

	console_puts("stub: tables built; MMU on with TCR_EL1 ");
	console_put_hex(tcr);
	console_puts("\n");
	/* Data, bss and stack were written uncached: drop any line a loader
	 * left for them before the caches go on. */
	dcache_inval_poc((uintptr_t)_sdata, (uintptr_t)_end);

	write_sysreg(MAIR_EL1_VALUE, mair_el1);
	write_sysreg(tcr, tcr_el1);
	write_sysreg(phys_idmap_pg_dir, ttbr0_el1);
	write_sysreg(phys_init_pg_dir, ttbr1_el1);
	isb();
	__asm__ volatile("tlbi vmalle1" : : : "memory");   /* no stale walks */
	dsb(nsh);
	isb();
	write_sysreg(SCTLR_EL1_MMU_ON, sctlr_el1);
	isb();
	__asm__ volatile("ic iallu" : : : "memory");       /* drop fetches made with MMU off */
	dsb(nsh);
	isb();
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
