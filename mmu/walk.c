/*
 * walk.c - software translation-table walker (see walk.h).
 * Level structure follows the Arm ARM D8.2 walk for the build's granule
 * and each half's TxSZ (TTBR1: 64 - vabits_actual(), TTBR0: the context's
 * T0SZ): it starts at the level D8.2.7 gives (-1 with 4 KiB pages and
 * 52 bits) and ends at level 3; the root resolves the VA bits left over,
 * every other level a whole page.
 */
#include <stdio.h>
#include "strbuf.h"
#include "walk.h"

_Static_assert(PGTABLE_START_LEVEL + PGTABLE_LEVELS == 4, "the walk ends at level 3");
_Static_assert(PGTABLE_LEVELS <= WALK_MAX_LEVELS && IDMAP_EXT_LEVELS <= WALK_MAX_LEVELS,
	       "every walk fits");
_Static_assert(VA_BITS > PGDIR_SHIFT && VA_BITS <= PGDIR_SHIFT + PTE_INDEX_BITS,
	       "the root resolves the VA bits above PGDIR_SHIFT");

int va_ttbr_bits(uint64_t va, unsigned ttbr0_va_bits)
{
	unsigned bits = ttbr0_va_bits ? ttbr0_va_bits : vabits_actual();

	if (va < (1ULL << bits))
		return 0;
	if (va >= ttbr1_va_start())
		return 1;
	return -1;
}

int va_ttbr(uint64_t va)
{
	return va_ttbr_bits(va, vabits_actual());
}

/* Linux-style accessor (pgd_offset, pud_offset, pmd_offset,
 * pte_offset_kernel in one): the entry for va in the table at a level,
 * the root's index from the half's VA bits. */
static const uint64_t *entry_offset(const struct walk_ctx *ctx, uint64_t table_pa, uint64_t va,
				    int level, unsigned va_bits, unsigned *index)
{
	const uint64_t *t = ctx->read_table(table_pa, ctx->cookie);

	*index = level_index(va, level, va_bits);
	return t ? &t[*index] : NULL;
}

void sw_walk(const struct walk_ctx *ctx, uint64_t va, struct walk_result *r)
{
	uint64_t table_pa;
	unsigned va_bits;

	/* Every field but the steps, which are written as they are taken
	 * (step[0 .. nsteps)): the checks walk once a probe. */
	r->va = va;
	r->ttbr = va_ttbr_bits(va, ctx->ttbr0_va_bits);
	r->status = WALK_MAPPED;
	r->fault_level = -1;
	r->nsteps = 0;
	r->pa = 0;
	r->block_size = 0;
	r->leaf_level = 0;
	r->attrs = (struct pte_attrs){ 0 };
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
	va_bits = walk_half_va_bits(ctx, r->ttbr);

	for (int level = va_root_level(va_bits); level <= 3; level++) {
		struct walk_step *s = &r->step[r->nsteps];
		unsigned index;
		const uint64_t *entry = entry_offset(ctx, table_pa, va, level, va_bits, &index);
		struct desc_info d;

		if (!entry) {
			r->status = WALK_UNREADABLE_TABLE;
			r->fault_level = level;
			return;
		}
		s->level = level;
		s->table_pa = table_pa;
		s->index = index;
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

/* "L1[256]=0x... L2[0]=0x...": printf's "%sL%d[%u]=0x%016llx" a step,
 * built by strbuf.h (the full report writes one a probe). */
char *walk_format_steps(const struct walk_result *r, char *buf, size_t len)
{
	struct strbuf t;

	strbuf_init(&t, buf, len);
	for (int i = 0; i < r->nsteps; i++) {
		strbuf_str(&t, i ? " L" : "L");
#if PGTABLE_START_LEVEL < 0
		if (r->step[i].level < 0) {        /* "L-1": FEAT_LPA2's level -1 */
			strbuf_str(&t, "-1");
		} else
#endif
		strbuf_dec(&t, (uint64_t)r->step[i].level);
		strbuf_char(&t, '[');
		strbuf_dec(&t, r->step[i].index);
		strbuf_str(&t, "]=0x");
		strbuf_hex_width(&t, r->step[i].desc, 16);
	}
	return buf;
}
