/*
 * bench.c - record the cycle counter at the marks of bench.h.
 * Called with the MMU on only (a value written with it off could be
 * hidden by a stale cache line once it is on).
 */
#include "bench.h"

uint64_t bench_counts[BENCH_NR_MARKS];

void bench_mark(unsigned mark)
{
	uint64_t now;

	__asm__ volatile("isb; mrs %0, pmccntr_el0" : "=r"(now));
	if (mark < BENCH_NR_MARKS)
		bench_counts[mark] = now;
}
