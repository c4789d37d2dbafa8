/*
 * xlat_pool.h - the runtime API's table pages (mmu/xlat.c's only; the
 * public side is in xlat.h).
 *
 * Owns: which page a new table goes in and what becomes of a page whose
 * table was freed, for the pool given to xlat_init and the refills
 * (xlat_set_refill): the free pages of each (never-taken ones counted,
 * given-back ones on a stack: no scan), each table page's count of valid
 * entries (an unmap learns a table became empty without reading it), the
 * refills taken as a map needs them and given back whole when empty.
 */
#ifndef XLAT_POOL_H
#define XLAT_POOL_H

#include <stdbool.h>
#include <stdint.h>
#include "xlat.h"

/* The pool at pool_pa, all free; no refill. */
void xlat_pool_init(struct xlat_ctx *ctx, uint64_t pool_pa, unsigned pool_pages);

/* While deciding: makes needed pages free, taking refills as far as the
 * source has them. false if it cannot; the refills it took are given
 * back then (a refused call changes nothing). */
bool xlat_pool_reserve(struct xlat_ctx *ctx, unsigned needed);

/* While writing, after xlat_pool_reserve: a page for a new table (pool
 * first, then the refills in address order) and its valid-entry count. */
uint64_t xlat_pool_take(struct xlat_ctx *ctx, uint16_t **nvalid);

/* The table at table_pa (a page xlat_pool_take gave) is unlinked: free
 * again. */
void xlat_pool_give_back(struct xlat_ctx *ctx, uint64_t table_pa);

/* At the end of a call: every refill none of whose pages is in use goes
 * back to its source (not sooner: a page the call gave back may be what
 * a later step of the same call takes, as deciding counted). */
void xlat_pool_trim(struct xlat_ctx *ctx);

/* The valid-entry count of the table at table_pa, or NULL for a table that
 * is neither the pool's nor a refill's (linked before xlat_init). Inline
 * for the pool (every walk of a call asks it), out of line for refills. */
uint16_t *xlat_pool_nvalid_refill(struct xlat_ctx *ctx, uint64_t table_pa);

static inline uint16_t *xlat_pool_nvalid(struct xlat_ctx *ctx, uint64_t table_pa)
{
	uint64_t i = (table_pa - ctx->pool_pa) >> PAGE_SHIFT;

	if (i < ctx->pool_pages)
		return &ctx->pool_nvalid[i];
	return ctx->nr_segs ? xlat_pool_nvalid_refill(ctx, table_pa) : NULL;
}

#endif /* XLAT_POOL_H */
