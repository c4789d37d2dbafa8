/*
 * cache.c - data cache maintenance to the point of coherency (cache.h).
 */
#include "cache.h"

static uint64_t dcache_line_size(void)
{
	uint64_t ctr;

	__asm__ volatile("mrs %0, ctr_el0" : "=r"(ctr));
	return 4ULL << ((ctr >> 16) & 0xf);   /* DminLine: log2 words (D17.2.34) */
}

void dcache_inval_poc(uintptr_t start, uintptr_t end)
{
	uint64_t line = dcache_line_size();

	for (uintptr_t p = start & ~(line - 1); p < end; p += line)
		__asm__ volatile("dc ivac, %0" : : "r"(p) : "memory");
	__asm__ volatile("dsb sy" : : : "memory");
}

void dcache_clean_poc(uintptr_t start, uintptr_t end)
{
	uint64_t line = dcache_line_size();

	for (uintptr_t p = start & ~(line - 1); p < end; p += line)
		__asm__ volatile("dc cvac, %0" : : "r"(p) : "memory");
	__asm__ volatile("dsb sy" : : : "memory");
}
