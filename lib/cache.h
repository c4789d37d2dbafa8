/*
 * cache.h - data cache maintenance to the point of coherency, by VA.
 *
 * Owns: the cache line size (CTR_EL0.DminLine, Arm ARM D17.2.34) and the
 * two loops the C code needs: invalidate memory written with the caches
 * off, clean memory another CPU reads with its caches off. Target only;
 * safe with the MMU off (no absolute pointers). start/pgtable-macros.h has
 * the assembly twin, dcache_inval_range.
 */
#ifndef CACHE_H
#define CACHE_H

#include <stdint.h>

/* DC IVAC over every line holding a byte of [start, end), then DSB SY. */
void dcache_inval_poc(uintptr_t start, uintptr_t end);
/* DC CVAC over every line holding a byte of [start, end), then DSB SY. */
void dcache_clean_poc(uintptr_t start, uintptr_t end);

#endif /* CACHE_H */
