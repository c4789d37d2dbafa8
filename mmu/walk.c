/*
 * walk.c - software translation-table walker (see walk.h).
 * Level structure follows the Arm ARM D8.2 walk for a 4 KiB granule with
 * TxSZ = 25: the walk starts at level 1 (no level 0).
 */
#include <stdio.h>
#include "walk.h"

_Static_assert(PTRS_PER_PGD == 512 && PTRS_PER_PMD == 512 && PTRS_PER_PTE == 512,
	       "the walker indexes 512-entry tables at every level");
_Static_assert(VA_BITS == PGDIR_SHIFT + 9, "the walk starts at level 1 (no level 0)");

int va_ttbr(uint64_t va)
{
	if (va < IDMAP_VA_LIMIT)
		return 0;
	if (va >= (uint64_t)VA_START)
		return 1;
	return -1;
}

/* Linux-style accessors: each returns the entry for va in a table. */
static const uint64_t *pgd_offset(const struct walk_ctx *ctx, uint64_t pgd_pa, uint64_t va)
{
	const uint64_t *pgd = ctx->read_table(pgd_pa, ctx->cookie);
	return pgd ? &pgd[pgd_index(va)] : NULL;
}

static const uint64_t *pmd_offset(const struct walk_ctx *ctx, uint64_t pmd_pa, uint64_t va)
{
	const uint64_t *pmd = ctx->read_table(pmd_pa, ctx->cookie);
	return pmd ? &pmd[pmd_index(va)] : NULL;
}

static const uint64_t *pte_offset_kernel(const struct walk_ctx *ctx, uint64_t pte_pa, uint64_t va)
{
	const uint64_t *pte = ctx->read_table(pte_pa, ctx->cookie);
	return pte ? &pte[pte_index(va)] : NULL;
}

void sw_walk(const struct walk_ctx *ctx, uint64_t va, struct walk_result *r)
{
	typedef const uint64_t *(*offset_fn)(const struct walk_ctx *, uint64_t, uint64_t);
	const offset_fn offset[4] = { NULL, pgd_offset, pmd_offset, pte_offset_kernel };
	uint64_t table_pa;

	*r = (struct walk_result){ .va = va, .fault_level = -1 };
	r->ttbr = va_ttbr(va);
	if (r->ttbr < 0) {
		r->status = WALK_NOT_CANONICAL;
		r->fault_level = 0;
		return;
	}
	if (r->ttbr == 0 && ctx->ttbr0_disabled) {
		r->status = WALK_DISABLED;
		r->fault_level = 0;
		return;
	}
	table_pa = r->ttbr ? ctx->ttbr1_pa : ctx->ttbr0_pa;

	for (int level = 1; level <= 3; level++) {
		const uint64_t *entry = offset[level](ctx, table_pa, va);
		struct walk_step *s = &r->step[r->nsteps];
		struct desc_info d;

		if (!entry) {
			r->status = WALK_UNREADABLE_TABLE;
			r->fault_level = level;
			return;
		}
		s->level = level;
		s->table_pa = table_pa;
		s->index = (unsigned)((va >> level_shift(level)) & (PTRS_PER_PTE - 1));
		s->desc = *entry;
		r->nsteps++;

		d = desc_decode(s->desc, level);
		if (d.kind == DESC_TABLE) {
			table_pa = d.addr;
			continue;
		}
		if (d.kind == DESC_INVALID) {
			r->status = WALK_INVALID_DESC;
			r->fault_level = level;
			return;
		}
		r->status = WALK_MAPPED;
		r->leaf_level = level;
		r->block_size = 1ULL << level_shift(level);
		r->pa = d.addr | (va & (r->block_size - 1));
		r->attrs = d.attrs;
		return;
	}
}

char *walk_format_steps(const struct walk_result *r, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < r->nsteps && used < len; i++) {
		int n = snprintf(buf + used, len - used, "%sL%d[%u]=0x%016llx",
				 i ? " " : "", r->step[i].level, r->step[i].index,
				 (unsigned long long)r->step[i].desc);
		if (n < 0)
			break;
		used += (size_t)n;
	}
	return buf;
}
