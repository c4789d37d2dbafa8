/*
 * desc_literal.h - block and page descriptors spelled out bit by bit, in
 * each output address format (48 bits, FEAT_LPA2's, FEAT_LPA's), for
 * the host tests' fake tables (tests/unit/tables_fake.c,
 * tests/fakes/xlat_fake.c): deliberately independent of mmu/desc.c and of
 * pgtable-hwdef.h, so that the code under test is checked against a second
 * reading of Arm ARM D8.3.
 */
#ifndef DESC_LITERAL_H
#define DESC_LITERAL_H

#include <stdint.h>
#include "desc.h"

/* Where a descriptor keeps its output address (or next table's), D8.3.1:
 *   LITERAL_OA48   bits [47:g] (g: the granule's shift)
 *   LITERAL_LPA2   FEAT_LPA2 with TCR_EL1.DS = 1 (4 and 16 KiB): bits
 *                  [49:g], OA[51:50] in bits [9:8]; no SH field
 *   LITERAL_LPA64  FEAT_LPA with 64 KiB: bits [47:16], OA[51:48] in [15:12] */
enum literal_format { LITERAL_OA48, LITERAL_LPA2, LITERAL_LPA64 };

/* The descriptor bits that hold the address. */
static inline uint64_t literal_oa_bits(enum literal_format f, unsigned g)
{
	uint64_t low = ((f == LITERAL_LPA2 ? 1ULL << 50 : 1ULL << 48) - 1) & ~((1ULL << g) - 1);

	return low | (f == LITERAL_LPA2 ? 0x300ULL : f == LITERAL_LPA64 ? 0xf000ULL : 0);
}

/* The address a descriptor holds. */
static inline uint64_t literal_oa(uint64_t d, enum literal_format f, unsigned g)
{
	uint64_t low = d & literal_oa_bits(f, g) & ~0xffffULL;

	if (f == LITERAL_LPA2)
		return (d & literal_oa_bits(f, g) & ~0x300ULL) | ((d >> 8 & 3) << 50);
	if (f == LITERAL_LPA64)
		return low | ((d >> 12 & 0xf) << 48);
	return d & literal_oa_bits(f, g);
}

/* pa (aligned to its granule at least) in a descriptor's address bits. */
static inline uint64_t literal_oa_desc(uint64_t pa, enum literal_format f)
{
	if (f == LITERAL_LPA2)
		return (pa & ((1ULL << 50) - 1)) | ((pa >> 50 & 3) << 8);
	if (f == LITERAL_LPA64)
		return (pa & ((1ULL << 48) - 1)) | ((pa >> 48 & 0xf) << 12);
	return pa;
}

/* A leaf for pa (already aligned to its level): page at level 3, else
 * block, in format f. */
static inline uint64_t literal_leaf_desc_in(uint64_t pa, int level, const struct pte_attrs *a,
					    enum literal_format f)
{
	uint64_t d = literal_oa_desc(pa, f) | (level == 3 ? 3ULL : 1ULL);   /* bits[1:0] */

	d |= (uint64_t)(a->attrindx & 7) << 2;          /* AttrIndx */
	if (f != LITERAL_LPA2)
		d |= (uint64_t)(a->sh & 3) << 8;        /* SH */
	if (a->user)   d |= 1ULL << 6;                  /* AP[1] */
	if (a->rdonly) d |= 1ULL << 7;                  /* AP[2] */
	if (a->af)     d |= 1ULL << 10;
	if (a->ng)     d |= 1ULL << 11;
	if (a->pxn)    d |= 1ULL << 53;
	if (a->uxn)    d |= 1ULL << 54;
	return d;
}

/* The same with a 48-bit output address. */
static inline uint64_t literal_leaf_desc(uint64_t pa, int level, const struct pte_attrs *a)
{
	return literal_leaf_desc_in(pa, level, a, LITERAL_OA48);
}

#endif /* DESC_LITERAL_H */
