/*
 * cache.c - data cache maintenance to the point of coherency (cache.h).
 */
#include "cache.h"
#include "sysreg.h"

static uint64_t dcache_line_size(void)
{
	return 4ULL << ((read_sysreg(ctr_el0) >> 16) & 0xf);   /* DminLine: log2 words */
}

void dcache_inval_poc(uintptr_t start, uintptr_t end)
{
	uint64_t line = dcache_line_size();

	for (uintptr_t p = start & ~(line - 1); p < end; p += line)
		__asm__ volatile("dc ivac, %0" : : "r"(p) : "memory");
	dsb(sy);
}

void dcache_clean_poc(uintptr_t start, uintptr_t end)
{
	uint64_t line = dcache_line_size();

	for (uintptr_t p = start & ~(line - 1); p < end; p += line)
		__asm__ volatile("dc cvac, %0" : : "r"(p) : "memory");
	dsb(sy);
}
