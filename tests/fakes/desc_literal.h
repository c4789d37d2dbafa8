/*
 * desc_literal.h - block and page descriptors spelled out bit by bit, for
 * the host tests' fake tables (tests/unit/tables_fake.c,
 * tests/fakes/xlat_fake.c): deliberately independent of mmu/desc.c and of
 * pgtable-hwdef.h, so that the code under test is checked against a second
 * reading of Arm ARM D8.3.
 */
#ifndef DESC_LITERAL_H
#define DESC_LITERAL_H

#include <stdint.h>
#include "desc.h"

/* A leaf for pa (already aligned to its level): page at level 3, else block. */
static inline uint64_t literal_leaf_desc(uint64_t pa, int level, const struct pte_attrs *a)
{
	uint64_t d = pa | (level == 3 ? 3ULL : 1ULL);   /* bits[1:0] */

	d |= (uint64_t)(a->attrindx & 7) << 2;          /* AttrIndx */
	d |= (uint64_t)(a->sh & 3) << 8;                /* SH */
	if (a->user)   d |= 1ULL << 6;                  /* AP[1] */
	if (a->rdonly) d |= 1ULL << 7;                  /* AP[2] */
	if (a->af)     d |= 1ULL << 10;
	if (a->ng)     d |= 1ULL << 11;
	if (a->pxn)    d |= 1ULL << 53;
	if (a->uxn)    d |= 1ULL << 54;
	return d;
}

#endif /* DESC_LITERAL_H */
