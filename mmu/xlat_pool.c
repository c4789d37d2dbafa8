/*
 * xlat_pool.c - the runtime API's table pages: the pool and its refills
 * (see xlat_pool.h and xlat.h).
 *
 * Owns: the pool's free pages (never-taken ones counted: [pool_fresh,
 * pool_pages); given-back ones on pool_freed) and valid-entry counts (in
 * the context), the same for each refill segment (counted in its struct
 * xlat_seg, the counts and the stack in its first page: a refill's size
 * is only known at run time, and bounded by RAM, not by the context),
 * and when refills are taken and given back. Every lookup is by address:
 * the pool by a subtraction, a segment by halving the sorted list.
 */
#include <string.h>
#include "xlat_pool.h"

/* A segment's first page: each page's valid-entry count and the stack of
 * pages given back (indices; page 0 is this one, never a table). */
struct seg_counts {
	uint16_t nvalid[XLAT_SEG_MAX_PAGES];
	uint16_t freed[XLAT_SEG_MAX_PAGES];
};
_Static_assert(sizeof(struct seg_counts) <= PAGE_SIZE, "a segment's counts fit its first page");
_Static_assert(XLAT_SEG_MAX_PAGES <= 65536, "page indices fit the stack's uint16_t");
_Static_assert(PTRS_PER_PTE <= 65535, "a table's valid-entry count fits its uint16_t");

static uint64_t seg_pages(const struct xlat_seg *s)
{
	return 1ULL << s->order;
}

static struct seg_counts *counts_of(struct xlat_ctx *ctx, const struct xlat_seg *s)
{
	return (struct seg_counts *)ctx->table_ptr(s->pa, ctx->cookie);
}

static unsigned seg_free(const struct xlat_seg *s)
{
	return (unsigned)(seg_pages(s) - s->fresh) + s->nfreed;
}

void xlat_pool_init(struct xlat_ctx *ctx, uint64_t pool_pa, unsigned pool_pages)
{
	/* Field by field: pool_nvalid and pool_freed are only read where
	 * pool_used and pool_nfreed say they were written. */
	memset(ctx->pool_used, 0, sizeof(ctx->pool_used));
	ctx->pool_fresh = 0;
	ctx->pool_nfreed = 0;
	ctx->pool_pa = pool_pa;
	ctx->pool_pages = pool_pages;
	ctx->refill = NULL;
	ctx->nr_segs = 0;
}

void xlat_set_refill(struct xlat_ctx *ctx, const struct xlat_refill *r)
{
	ctx->refill = r;
}

static unsigned pool_free(const struct xlat_ctx *ctx)
{
	return ctx->pool_pages - ctx->pool_fresh + ctx->pool_nfreed;
}

static unsigned free_pages(const struct xlat_ctx *ctx)
{
	unsigned n = pool_free(ctx);

	for (unsigned i = 0; i < ctx->nr_segs; i++)
		n += seg_free(&ctx->seg[i]);
	return n;
}

unsigned xlat_pages_used(const struct xlat_ctx *ctx)
{
	unsigned n = ctx->pool_pages - pool_free(ctx);

	for (unsigned i = 0; i < ctx->nr_segs; i++)
		n += ctx->seg[i].used;
	return n;
}

void xlat_pool_info(const struct xlat_ctx *ctx, struct xlat_pool_info *out)
{
	*out = (struct xlat_pool_info){
		.pool_pages = ctx->pool_pages, .pool_used = ctx->pool_pages - pool_free(ctx),
		.segs = ctx->nr_segs,
	};
	for (unsigned i = 0; i < ctx->nr_segs; i++) {
		out->seg_pages += (unsigned)seg_pages(&ctx->seg[i]);
		out->seg_used += ctx->seg[i].used;
	}
}

/* The segment holding pa, or -1. */
static int seg_of(const struct xlat_ctx *ctx, uint64_t pa)
{
	unsigned lo = 0, hi = ctx->nr_segs;

	while (lo < hi) {                     /* the first segment ending above pa */
		unsigned mid = (lo + hi) / 2;

		if (ctx->seg[mid].pa + seg_pages(&ctx->seg[mid]) * PAGE_SIZE <= pa)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ctx->nr_segs && pa >= ctx->seg[lo].pa ? (int)lo : -1;
}

uint16_t *xlat_pool_nvalid_refill(struct xlat_ctx *ctx, uint64_t table_pa)
{
	int s = seg_of(ctx, table_pa);
	uint64_t i;

	if (s < 0)
		return NULL;
	i = (table_pa - ctx->seg[s].pa) >> PAGE_SHIFT;
	return i ? &counts_of(ctx, &ctx->seg[s])->nvalid[i] : NULL;
}

bool xlat_pool_page_in_use(const struct xlat_ctx *ctx, uint64_t pa)
{
	uint64_t i = (pa - ctx->pool_pa) >> PAGE_SHIFT;
	const struct xlat_seg *s;
	const struct seg_counts *c;
	int k;

	if (i < ctx->pool_pages)
		return ctx->pool_used[i];
	if ((k = seg_of(ctx, pa)) < 0)
		return false;
	s = &ctx->seg[k];
	i = (pa - s->pa) >> PAGE_SHIFT;
	if (!i || i >= s->fresh)
		return false;
	c = (const struct seg_counts *)ctx->table_ptr(s->pa, ctx->cookie);
	for (unsigned j = 0; j < s->nfreed; j++)
		if (c->freed[j] == i)
			return false;
	return true;
}

/* ---- refills ----------------------------------------------------------- */

/* A refill as large as the source has, up to XLAT_SEG_MAX_ORDER: its
 * first page the counts, so at least two pages. */
static bool take_refill(struct xlat_ctx *ctx)
{
	unsigned i, order;
	uint64_t pa = 0;

	if (!ctx->refill || ctx->nr_segs == XLAT_MAX_SEGS)
		return false;
	for (order = XLAT_SEG_MAX_ORDER; order >= 1 && !pa; order--)
		pa = ctx->refill->take(order, ctx->cookie);
	if (!pa)
		return false;
	order++;
	for (i = ctx->nr_segs; i > 0 && ctx->seg[i - 1].pa > pa; i--)
		ctx->seg[i] = ctx->seg[i - 1];
	ctx->seg[i] = (struct xlat_seg){ .pa = pa, .order = order, .fresh = 1 };
	ctx->nr_segs++;
	ctx->stats.refills_taken++;
	return true;
}

static void give_refill(struct xlat_ctx *ctx, unsigned i)
{
	ctx->refill->give(ctx->seg[i].pa, ctx->seg[i].order, ctx->cookie);
	memmove(&ctx->seg[i], &ctx->seg[i + 1], (ctx->nr_segs - i - 1) * sizeof(ctx->seg[0]));
	ctx->nr_segs--;
	ctx->stats.refills_given++;
}

bool xlat_pool_reserve(struct xlat_ctx *ctx, unsigned needed)
{
	unsigned have = free_pages(ctx);

	while (have < needed && take_refill(ctx))
		have = free_pages(ctx);
	if (have >= needed)
		return true;
	/* Only refills taken just now hold no table (xlat_pool_trim). */
	xlat_pool_trim(ctx);
	return false;
}

/* ---- taking and giving back -------------------------------------------- */

uint64_t xlat_pool_take(struct xlat_ctx *ctx, uint16_t **nvalid)
{
	unsigned i;

	ctx->stats.tables_taken++;
	if (pool_free(ctx)) {
		i = ctx->pool_nfreed ? ctx->pool_freed[--ctx->pool_nfreed] : ctx->pool_fresh++;
		ctx->pool_used[i] = 1;
		*nvalid = &ctx->pool_nvalid[i];
		return ctx->pool_pa + (uint64_t)i * PAGE_SIZE;
	}
	for (unsigned k = 0; k < ctx->nr_segs; k++) {
		struct xlat_seg *s = &ctx->seg[k];
		struct seg_counts *c;

		if (!seg_free(s))
			continue;
		c = counts_of(ctx, s);
		i = s->nfreed ? c->freed[--s->nfreed] : s->fresh++;
		s->used++;
		*nvalid = &c->nvalid[i];
		return s->pa + (uint64_t)i * PAGE_SIZE;
	}
	/* Not reached: xlat_pool_reserve made the pages free. */
	*nvalid = NULL;
	return 0;
}

void xlat_pool_give_back(struct xlat_ctx *ctx, uint64_t table_pa)
{
	uint64_t i = (table_pa - ctx->pool_pa) >> PAGE_SHIFT;
	struct xlat_seg *s;
	int k;

	ctx->stats.tables_freed++;
	if (i < ctx->pool_pages) {
		ctx->pool_used[i] = 0;
		ctx->pool_freed[ctx->pool_nfreed++] = (uint16_t)i;
		return;
	}
	k = seg_of(ctx, table_pa);
	if (k < 0)
		return;
	s = &ctx->seg[k];
	counts_of(ctx, s)->freed[s->nfreed++] = (uint16_t)((table_pa - s->pa) >> PAGE_SHIFT);
	s->used--;
}

void xlat_pool_trim(struct xlat_ctx *ctx)
{
	for (unsigned i = ctx->nr_segs; i-- > 0;)
		if (!ctx->seg[i].used)
			give_refill(ctx, i);
}
