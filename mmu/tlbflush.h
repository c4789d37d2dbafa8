/*
 * tlbflush.h - TLB maintenance for the EL1&0 regime: the one copy of each
 * sequence (as Linux's asm/tlbflush.h).
 *
 * Owns: the barriers around each invalidation (Arm ARM D8.14.3 "TLB
 * maintenance": the table stores complete before the TLBI (DSB ISHST),
 * the TLBI complete before anything depends on it (DSB), then the
 * pipeline resynchronized (ISB)), the VA operand of TLBI VAAE1IS, and when
 * a range is cheaper to invalidate whole. Target only; inline, no memory
 * but the operand, so mmu_enable may use them with the MMU off.
 */
#ifndef TLBFLUSH_H
#define TLBFLUSH_H

#include <stdint.h>
#include "pgtable-hwdef.h"
#include "sysreg.h"

/* Beyond this many pages, one TLBI VMALLE1IS is cheaper than one by VA
 * for each page. */
#define TLBI_BY_VA_MAX_PAGES 64

/* TLBI VAAE1IS's operand holds VA[55:12] in bits [43:0]; bits [47:44] are
 * the TTL hint (FEAT_TTL: 0 = no hint) and must not be the VA's upper
 * bits, which a TTBR1 address has set: a wrong hint may invalidate
 * nothing (D8.17, TLBI operand). The operand is in 4 KiB units whatever
 * the granule. */
#define TLBI_VA_OPERAND_MASK ((1ULL << 44) - 1)

static inline void __tlbi_vaae1is(uint64_t va)
{
	__asm__ volatile("tlbi vaae1is, %0" : : "r"((va >> 12) & TLBI_VA_OPERAND_MASK)
			 : "memory");
}

/* This CPU only, no table stores to order: for a CPU that just changed
 * its own TCR, SCTLR or TTBRs (D8.13: their fields may be cached in TLB
 * entries). */
static inline void local_flush_tlb_all(void)
{
	__asm__ volatile("tlbi vmalle1" : : : "memory");
	dsb(nsh);
	isb();
}

/* Every EL1&0 entry on every CPU of the inner shareable domain, after the
 * table stores made so far. */
static inline void flush_tlb_all(void)
{
	dsb(ishst);
	__asm__ volatile("tlbi vmalle1is" : : : "memory");
	dsb(ish);
	isb();
}

/* The pages of [va, va + size), any ASID, inner shareable; whole when
 * there are more than TLBI_BY_VA_MAX_PAGES of them. */
static inline void flush_tlb_kernel_range(uint64_t va, uint64_t size)
{
	if (size / PAGE_SIZE > TLBI_BY_VA_MAX_PAGES) {
		flush_tlb_all();
		return;
	}
	dsb(ishst);
	for (uint64_t off = 0; off < size; off += PAGE_SIZE)
		__tlbi_vaae1is(va + off);
	dsb(ish);
	isb();
}

#endif /* TLBFLUSH_H */
