/*
 * walk.h - software translation-table walker (the build's granule: 2 to 5
 * levels, from the start level each half's VA bits give to level 3).
 *
 * Owns: translating a VA by reading the tables the way the Linux kernel
 * walks them (pgd_offset, pmd_offset, pte_offset_kernel), recording every
 * level's table, index and descriptor. Tables are reached through a reader
 * callback, so the same code walks live tables on the target (through the
 * linear map) and tables built in a buffer in host tests.
 */
#ifndef WALK_H
#define WALK_H

#include <stdbool.h>
#include <stdint.h>
#include "desc.h"
#include "pgtable-hwdef.h"

/* Returns the entries of the table page at physical table_pa, or NULL
 * if that address cannot be read (the walk then stops with an error). */
typedef const uint64_t *(*table_reader_fn)(uint64_t table_pa, void *cookie);

struct walk_ctx {
	bool ttbr0_disabled;     /* TCR_EL1.EPD0: TTBR0 walks fault at level 0 */
	/* 64 - T0SZ; 0 reads as TTBR1's (vabits_actual(): 64 - T1SZ) */
	unsigned ttbr0_va_bits;
	uint64_t ttbr0_pa;       /* root table of the lower VA range */
	uint64_t ttbr1_pa;       /* root table of the upper VA range */
	table_reader_fn read_table;
	void *cookie;
};

/* A walk has at most five levels (-1 to 3: 4 KiB pages with FEAT_LPA2);
 * TTBR0's may have more than TTBR1's (the extended identity map). */
#define WALK_MAX_LEVELS 5

struct walk_step {
	int level;
	unsigned index;
	uint64_t table_pa;
	uint64_t desc;
};

enum walk_status {
	WALK_MAPPED,             /* pa/size/attrs valid */
	WALK_NOT_CANONICAL,      /* VA in neither TTBR0's nor TTBR1's range */
	WALK_INVALID_DESC,       /* translation fault at fault_level */
	WALK_UNREADABLE_TABLE,   /* the reader could not reach a table */
	WALK_DISABLED,           /* TTBR0 walks disabled (EPD0): fault at level 0 */
};

struct walk_result {
	uint64_t va;
	int ttbr;                /* 0 or 1; -1 when not canonical */
	enum walk_status status;
	int fault_level;         /* level of the invalid descriptor */
	int nsteps;
	struct walk_step step[WALK_MAX_LEVELS];
	uint64_t pa;
	uint64_t block_size;     /* 1 << level_shift(leaf_level) */
	int leaf_level;
	struct pte_attrs attrs;
};

/* Linux's indexes in the build's largest geometry (VA_BITS); a folded
 * level's is 0 (one entry). */
static inline unsigned pgd_index(uint64_t va) { return (va >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1); }
static inline unsigned pud_index(uint64_t va) { return (va >> PUD_SHIFT) & (PTRS_PER_PUD - 1); }
static inline unsigned pmd_index(uint64_t va) { return (va >> PMD_SHIFT) & (PTRS_PER_PMD - 1); }
static inline unsigned pte_index(uint64_t va) { return (va >> PAGE_SHIFT) & (PTRS_PER_PTE - 1); }

/* Which TTBR translates va this boot: 0 below 2^vabits_actual(), 1 from
 * ttbr1_va_start(), else -1. */
int va_ttbr(uint64_t va);
/* The same with TTBR0 reaching below 2^ttbr0_va_bits (0: vabits_actual()). */
int va_ttbr_bits(uint64_t va, unsigned ttbr0_va_bits);

void sw_walk(const struct walk_ctx *ctx, uint64_t va, struct walk_result *out);

/* The VA bits of a half: TTBR1's this boot's (vabits_actual()), TTBR0's
 * its own (the extended identity map's may be more). */
static inline unsigned walk_half_va_bits(const struct walk_ctx *ctx, int ttbr)
{
	return ttbr || !ctx->ttbr0_va_bits ? vabits_actual() : ctx->ttbr0_va_bits;
}

/* The index of va in a table at an architectural level of a half of
 * va_bits (D8.2.7: the root's resolves the bits left over). */
static inline unsigned level_index(uint64_t va, int level, unsigned va_bits)
{
	return (unsigned)((va >> level_shift(level)) & (level_entries(level, va_bits) - 1));
}

/* "L1[256]=0x... L2[1]=0x...": the steps of a walk as text. Returns buf. */
char *walk_format_steps(const struct walk_result *r, char *buf, size_t len);

#endif /* WALK_H */
