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
} __attribute__((aligned(8)));   /* one doubleword: copied and compared whole */

enum desc_kind { DESC_INVALID, DESC_TABLE, DESC_BLOCK, DESC_PAGE };

struct desc_info {
	enum desc_kind kind;
	uint64_t addr;          /* next table (TABLE) or output address (BLOCK, PAGE) */
	struct pte_attrs attrs; /* BLOCK and PAGE only */
};

/* Bit position of the lowest VA bit an architectural level's index covers
 * (D8.2): 4 KiB granule level 1 -> 30, 2 -> 21, 3 -> 12; 16 KiB 36, 25,
 * 14; 64 KiB 42, 29, 16. Inline: the runtime API's hot path. */
static inline unsigned level_shift(int level)
{
	return LEVEL_SHIFT((unsigned)level);
}

/* Entries of a table at a level: the root resolves the VA bits left over
 * (PTRS_PER_PGD), every other level a whole page of descriptors. */
static inline unsigned level_entries(int level)
{
	return level == PGTABLE_START_LEVEL ? PTRS_PER_PGD : PTRS_PER_PTE;
}

/* True where a block or page descriptor may be: level 3 (pages) and the
 * levels from BLOCK_MIN_LEVEL (blocks). */
static inline bool level_has_leaf(int level)
{
	return level >= BLOCK_MIN_LEVEL;
}

/* What a descriptor is at a level, from its type bits alone (D8.3.1):
 * 0b11 a table above level 3, a page at it; 0b01 a block at the levels
 * that have blocks (BLOCK_MIN_LEVEL .. 2; never level 0), reserved
 * elsewhere; bit 0 clear invalid. Inline: the runtime API's hot path
 * needs no attributes. */
static inline enum desc_kind desc_kind_of(uint64_t desc, int level)
{
	if (!(desc & 1))
		return DESC_INVALID;
	if (desc & 2)
		return level < 3 ? DESC_TABLE : DESC_PAGE;
	return level >= BLOCK_MIN_LEVEL && level <= 2 ? DESC_BLOCK : DESC_INVALID;
}

/* Output address bits of a leaf at this level: [47:shift] (48-bit OA:
 * no FEAT_LPA's bits [15:12] with 64 KiB pages). */
static inline uint64_t leaf_addr_mask(int level)
{
	return PTE_ADDR_MASK & ~((1ULL << level_shift(level)) - 1);
}

struct desc_info desc_decode(uint64_t desc, int level);
/* A block (BLOCK_MIN_LEVEL .. 2) or page (level 3) descriptor for pa with
 * attrs. */
uint64_t desc_make_leaf(uint64_t pa, const struct pte_attrs *attrs, int level);
bool pte_attrs_equal(const struct pte_attrs *a, const struct pte_attrs *b);
/* MAIR_EL1 attribute byte for an AttrIndx under MAIR_EL1_VALUE. */
uint8_t mair_attr_byte(uint64_t mair, unsigned attrindx);
/* Name of a MAIR attribute byte, e.g. "MEM/NORMAL", "DEVICE/nGnRnE". */
const char *mair_attr_name(uint8_t attr);
/* Linux ptdump-style text: "RW NX SHD AF UXN MEM/NORMAL". Returns buf. */
char *pte_attrs_format(const struct pte_attrs *attrs, char *buf, size_t len);

#endif /* DESC_H */
