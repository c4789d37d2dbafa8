/*
 * clear_pages.h - zeroing whole pages (lib/string.c).
 *
 * Owns: clear_pages, the zero fill of whole pages taken from the page
 * allocator (a demand page: mmu/demand.c). dst and n are page multiples
 * in practice; any value works (memset's way where DC ZVA cannot be used).
 */
#ifndef CLEAR_PAGES_H
#define CLEAR_PAGES_H

#include <stddef.h>

/* [dst, dst + n) := 0: DC ZVA straight away when dst and n are multiples
 * of its block and it is allowed now (the MMU and data cache on), else
 * memset. */
void clear_pages(void *dst, size_t n);

#endif /* CLEAR_PAGES_H */
