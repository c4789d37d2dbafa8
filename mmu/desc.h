/*
 * desc.h - decode and encode translation-table descriptors.
 *
 * Owns: the C view of one descriptor (kind, output or next-table address,
 * attributes) and its text form. Pure functions: used on the target and in
 * host unit tests. Reference: Arm ARM D8.3 (VMSAv8-64 descriptor formats).
 */
#ifndef DESC_H
#define DESC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "pgtable-hwdef.h"
#include "vabits.h"

/* The attributes of a block or page mapping (lower and upper attributes). */
struct pte_attrs {
	uint8_t attrindx;   /* AttrIndx: which MAIR_EL1 byte (MT_*) */
	uint8_t sh;         /* SH[1:0]: 0 non-, 2 outer, 3 inner shareable */
	bool rdonly;        /* AP[2] */
	bool user;          /* AP[1]: EL0 may access */
	bool af;            /* access flag */
	bool ng;            /* not global */
	bool pxn;           /* privileged execute-never */
	bool uxn;           /* unprivileged execute-never */
} __attribute__((aligned(8)));   /* one doubleword: copied whole */

enum desc_kind { DESC_INVALID, DESC_TABLE, DESC_BLOCK, DESC_PAGE };

struct desc_info {
	enum desc_kind kind;
	uint64_t addr;          /* next table (TABLE) or output address (BLOCK, PAGE) */
	struct pte_attrs attrs; /* BLOCK and PAGE only */
};

/* Bit position of the lowest VA bit an architectural level's index covers
 * (D8.2): 4 KiB granule level -1 -> 48, 0 -> 39, 1 -> 30, 2 -> 21, 3 ->
 * 12; 16 KiB 47, 36, 25, 14; 64 KiB 42, 29, 16. Inline: the runtime API's
 * hot path. */
static inline unsigned level_shift(int level)
{
	/* In unsigned arithmetic 3 - (unsigned)-1 is 4, as it should be. */
	return LEVEL_SHIFT((unsigned)level);
}

/* Entries of a table at a level in a half of va_bits: the VA bits at and
 * above its shift, a page of descriptors at most (D8.2.7: the root
 * resolves the bits left over, PTRS_PER_PGD for TTBR1 with the build's
 * VA_BITS; every level below it a whole page). Asked only for the root
 * and the levels below it: a level above the root has no table. */
static inline unsigned level_entries(int level, unsigned va_bits)
{
	unsigned bits = va_bits - level_shift(level);

	return 1u << (bits < PTE_INDEX_BITS ? bits : PTE_INDEX_BITS);
}

/* True where the stub writes a block or page descriptor: level 3 (pages)
 * and the levels from BLOCK_MIN_LEVEL (blocks), in either format. */
static inline bool level_has_leaf(int level)
{
	return level >= BLOCK_MIN_LEVEL;
}

/* The first level where a block is valid (D8.3.1): BLOCK_MIN_LEVEL, one
 * higher with FEAT_LPA2's format (a 512 GiB block at level 0 with 4 KiB,
 * 64 GiB at level 1 with 16 KiB). */
static inline int block_min_level(void)
{
	return lpa2_is_enabled() ? BLOCK_MIN_LEVEL - 1 : BLOCK_MIN_LEVEL;
}

/* What a descriptor is at a level, from its type bits alone (D8.3.1):
 * 0b11 a table above level 3, a page at it; 0b01 a block at the levels
 * that have blocks (block_min_level() .. 2; never level -1), reserved
 * elsewhere; bit 0 clear invalid. Inline: the runtime API's hot path
 * needs no attributes. */
static inline enum desc_kind desc_kind_of(uint64_t desc, int level)
{
	if (!(desc & 1))
		return DESC_INVALID;
	if (desc & 2)
		return level < 3 ? DESC_TABLE : DESC_PAGE;
	return level >= block_min_level() && level <= 2 ? DESC_BLOCK : DESC_INVALID;
}

/* The address a table, block or page descriptor holds (the next table's,
 * or the output address: Linux's __pte_to_phys), and the address bits of
 * a descriptor for pa (__phys_to_pte_val), in this boot's format
 * (pgtable-hwdef.h: PTE_ADDR_LOW, PTE_ADDR_HIGH). A 48-bit OA is the one
 * field; FEAT_LPA2's bits [49:48] exist only with DS (else RES0: 48 bits,
 * as the walk reads them). */
#define PTE_ADDR_LOW_48 (((ULL(1) << (48 - PAGE_SHIFT)) - 1) << PAGE_SHIFT)
static inline uint64_t pte_to_phys(uint64_t desc)
{
#if PGTABLE_LPA2
	if (!lpa2_is_enabled())
		return desc & PTE_ADDR_LOW_48;
	return (desc & PTE_ADDR_LOW) | ((desc & PTE_ADDR_HIGH) << PTE_ADDR_HIGH_SHIFT);
#elif PGTABLE_LPA
	return (desc & PTE_ADDR_LOW) | ((desc & PTE_ADDR_HIGH) << PTE_ADDR_HIGH_SHIFT);
#else
	return desc & PTE_ADDR_MASK;
#endif
}

static inline uint64_t phys_to_pte(uint64_t pa)
{
#if PGTABLE_LPA2 || PGTABLE_LPA
	return (pa & PTE_ADDR_LOW) | ((pa >> PTE_ADDR_HIGH_SHIFT) & PTE_ADDR_HIGH);
#else
	return pa;
#endif
}

/* The bits of a descriptor that hold its address this boot (the rest are
 * type and attributes: FEAT_LPA2's bits [9:8] are SH without DS). */
static inline uint64_t pte_addr_bits(void)
{
#if PGTABLE_LPA2
	return lpa2_is_enabled() ? PTE_ADDR_LOW | PTE_ADDR_HIGH : PTE_ADDR_LOW_48;
#elif PGTABLE_LPA
	return PTE_ADDR_LOW | PTE_ADDR_HIGH;
#else
	return PTE_ADDR_MASK;
#endif
}

/* The leaf after `leaf` in a run: the same bits, the output address one
 * span further. A 52-bit OA keeps its top bits apart from the rest
 * (pgtable-hwdef.h), so a run across 2^50 (FEAT_LPA2) or 2^48 (FEAT_LPA)
 * carries into them. */
static inline uint64_t desc_next_leaf(uint64_t leaf, uint64_t span)
{
#if PA_BITS_MAX > 48
	return (leaf & ~pte_addr_bits()) | phys_to_pte(pte_to_phys(leaf) + span);
#else
	return leaf + span;
#endif
}

/* The output address of a block (levels block_min_level() .. 2) or page
 * (level 3) descriptor: its address bits down to the level's shift. */
static inline uint64_t desc_leaf_addr(uint64_t desc, int level)
{
	return pte_to_phys(desc) & ~((1ULL << level_shift(level)) - 1);
}

struct desc_info desc_decode(uint64_t desc, int level);
/* A block (BLOCK_MIN_LEVEL .. 2) or page (level 3) descriptor for pa with
 * attrs (pa's bits below the level's shift and from oa_bits_max() up are
 * not written). With FEAT_LPA2's format the descriptor has no SH field:
 * attrs->sh is not written (TCR_EL1's SH1, inner, applies). */
uint64_t desc_make_leaf(uint64_t pa, const struct pte_attrs *attrs, int level);
/* A table descriptor for the next-level table at table_pa. */
static inline uint64_t desc_make_table(uint64_t table_pa)
{
	return phys_to_pte(table_pa) | PMD_TYPE_TABLE;
}
/* attrs as a leaf descriptor of this boot's format holds them (what
 * desc_decode gives back from desc_make_leaf): with FEAT_LPA2's, SH is the
 * TCR's (inner shareable), whatever attrs said. */
struct pte_attrs pte_attrs_as_held(const struct pte_attrs *attrs);
bool pte_attrs_equal(const struct pte_attrs *a, const struct pte_attrs *b);
/* MAIR_EL1 attribute byte for an AttrIndx under MAIR_EL1_VALUE. */
uint8_t mair_attr_byte(uint64_t mair, unsigned attrindx);
/* Name of a MAIR attribute byte, e.g. "MEM/NORMAL", "DEVICE/nGnRnE". */
const char *mair_attr_name(uint8_t attr);
/* Linux ptdump-style text: "RW NX SHD AF UXN MEM/NORMAL". Returns buf. */
char *pte_attrs_format(const struct pte_attrs *attrs, char *buf, size_t len);

#endif /* DESC_H */
