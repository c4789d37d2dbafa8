/*
 * bench.c - record the cycle counter at the marks of bench.h.
 * Called with the MMU on only (a value written with it off could be
 * hidden by a stale cache line once it is on).
 */
#include "bench.h"
#include "sysreg.h"

uint64_t bench_counts[BENCH_NR_MARKS];

/* Without PMUv3 PMCCNTR_EL0 is UNDEFINED (mmu/sysreg.h: PMUVer). */
bool bench_have_counter(void)
{
	uint64_t dfr0;
	unsigned ver;

	__asm__ volatile("mrs %0, id_aa64dfr0_el1" : "=r"(dfr0));
	ver = (unsigned)((dfr0 >> ID_AA64DFR0_PMUVER_SHIFT) & 0xf);
	return ver != ID_AA64DFR0_PMUVER_NI && ver != ID_AA64DFR0_PMUVER_IMPDEF;
}

void bench_mark(unsigned mark)
{
	uint64_t now;

	if (!bench_have_counter())
		return;
	__asm__ volatile("isb; mrs %0, pmccntr_el0" : "=r"(now));
	if (mark < BENCH_NR_MARKS)
		bench_counts[mark] = now;
}
