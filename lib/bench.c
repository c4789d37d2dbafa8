/*
 * bench.c - record the cycle counter at the marks of bench.h.
 * Called with the MMU on only (a value written with it off could be
 * hidden by a stale cache line once it is on).
 */
#include "bench.h"

uint64_t bench_counts[BENCH_NR_MARKS];

/* ID_AA64DFR0_EL1.PMUVer (bits [11:8]): 0 none, 0xf IMPLEMENTATION
 * DEFINED; without PMUv3 PMCCNTR_EL0 is UNDEFINED. (mmu/sysreg.h has the
 * names; lib/ sees only its own headers.) */
bool bench_have_counter(void)
{
	uint64_t dfr0;
	unsigned ver;

	__asm__ volatile("mrs %0, id_aa64dfr0_el1" : "=r"(dfr0));
	ver = (unsigned)((dfr0 >> 8) & 0xf);
	return ver != 0 && ver != 0xf;
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
