/*
 * pgalloc.h - the physical page-frame allocator (binary buddy).
 *
 * Owns: handing out and taking back naturally aligned power-of-two blocks
 * of 4 KiB pages ("order" k = 2^k pages) from free RAM = the RAM banks
 * given to pgalloc_add_range minus every range given to pgalloc_reserve
 * (and minus the allocator's own metadata); the statistics of what is
 * free, per bank and per order.
 *
 * Life cycle, two phases:
 *   SETUP   pgalloc_init, then pgalloc_add_range (the banks) and
 *           pgalloc_reserve (image, DTB, /memreserve/, ...) in any order
 *           and any number of times: they only record ranges, nothing in
 *           RAM is touched yet (so a reservation given after its bank
 *           still protects it: the DTB is not overwritten by metadata).
 *   READY   pgalloc_finalize places the metadata and builds the free
 *           lists; from then on pgalloc_alloc / pgalloc_free / the
 *           statistics work, and add_range / reserve are refused with
 *           PGALLOC_ESTATE (and alloc / free / stats before it).
 *
 * Semantics of the ranges:
 *   - a bank (add_range) is 4 KiB aligned, non-empty, below PGALLOC_PA_LIMIT
 *     (2^48; 2^52 in a 52-bit build) and does
 *     not overlap another bank (adjacent banks stay separate banks: blocks
 *     never cross a bank boundary, so each bank's statistics are its own);
 *   - a reservation is any byte range that does not wrap; it is widened to
 *     the 4 KiB pages it touches, may overlap banks partly, other
 *     reservations (the union counts), or no bank at all (then it has no
 *     effect); the part at or above PGALLOC_PA_LIMIT is ignored;
 *   - the page at PA 0 is always reserved: 0 is alloc's failure value;
 *   - after finalize, no page of a reservation is ever handed out.
 * The free pages of a bank are carved into the largest naturally aligned
 * blocks that fit (at most PGALLOC_MAX_ORDER), so an unaligned bank edge
 * just gives smaller blocks there.
 *
 * Metadata, and why: one state byte per page of each bank, read and
 * written only at the head of a block (free or allocated, and of which
 * order), which makes the buddy test, double-free and wrong-order
 * detection exact; the bytes inside blocks are never read, so never
 * written, and reserved and metadata pages are known from the ranges:
 * finalize writes one byte per free block, not per page (start-up linear
 * in blocks: 255 blocks for 255 GiB). It costs 1/4096 of the bank (64 MiB
 * for 255 GiB, of which finalize touches one page per 1 GiB block). It is
 * too large to be
 * a static buffer of a stub of at most 2 MiB, so finalize carves it from
 * the bank's own free RAM: the top ceil(pages / 4096) pages of the
 * highest free stretch that holds them (no other bank's RAM needs to be
 * reachable for it). A bank with no such stretch (almost all reserved)
 * stays unused: its free pages are counted as unusable_pages. The free
 * lists (doubly linked, for O(1) removal of a buddy) are threaded through
 * the first 16 bytes of the free blocks themselves; the context itself
 * (a few KiB, fixed-size tables) is the caller's, e.g. in .bss.
 * Both are reached only through phys_to_ptr, which must give, for any PA
 * of a bank, a pointer valid from that PA to the end of its 4 KiB page,
 * as long as the allocator is used (on the stub: the linear map).
 *
 * Policy: alloc takes the smallest free block of order >= the request
 * (banks in address order, the most recently freed block first), splits
 * it, returns the lower half and puts the upper halves on the free lists
 * (as Linux's expand() does). free merges a block with its buddy while the
 * buddy is a free block of exactly the same order in the same bank. The
 * contents of a block handed out are undefined (callers clear tables).
 */
#ifndef PGALLOC_H
#define PGALLOC_H

#include <stdbool.h>
#include <stdint.h>
#include "phys_range.h"
#include "pgtable-hwdef.h"

/*
 * The largest block, order 18 = 1 GiB = a level-1 block, the largest a
 * mapping can use. Linux stops at 4 MiB (MAX_ORDER 10) because its lists
 * live in struct page; here they live in the free blocks themselves, so
 * every block finalize lists is RAM written: with 4 MiB blocks a 255 GiB
 * bank is 65280 of them, each a page of RAM touched (under QEMU with a
 * sparse memory backend, a 2 MiB host huge page each: 127 GiB of host
 * RAM). With 1 GiB blocks it is 255, and the O(MAX_ORDER) loops are 19
 * steps.
 * The product never overrides it. Only the host tests build the allocator
 * a second time with a smaller -DPGALLOC_MAX_ORDER (1..18, e.g. 10), to
 * reach max-order blocks with a few MiB of fake RAM; every file of such a
 * binary (this header's structs depend on it) must then see the same value.
 */
#ifndef PGALLOC_MAX_ORDER
#define PGALLOC_MAX_ORDER  (BLOCK_MAX_SHIFT - PAGE_SHIFT)
#endif
#define PGALLOC_NR_ORDERS  (PGALLOC_MAX_ORDER + 1)
/* Physical addresses are below 2^PA_BITS_MAX: what the build's
 * descriptors hold (2^48; 2^52 in a 52-bit build). */
#define PGALLOC_PA_LIMIT   (ULL(1) << PA_BITS_MAX)
/* Banks: the linear map's ranges (mmu/maps.h's MAX_LINEAR_RANGES).
 * Reservations (after merging overlapping and adjacent ones), including
 * the implicit one of PA 0: image, DTB, /memreserve/, /reserved-memory
 * (64 of them: lib/machine.h), the boot's own pieces; mmu/ram_plan.c
 * checks at compile time that a plan within its limits fits. */
#define PGALLOC_MAX_BANKS     16
#define PGALLOC_MAX_RESERVED  128
/* pgalloc_stats over all banks. */
#define PGALLOC_ALL_BANKS     (~0u)

/* Error codes. When several apply, the first in this order is returned:
 * ESTATE, then the argument checks (ERANGE, EALIGN), then the checks
 * against the recorded state. A refused call changes nothing. */
enum pgalloc_error {
	PGALLOC_OK        =   0,
	PGALLOC_EALIGN    =  -1,  /* add_range: PA or size not 4 KiB aligned;
				   * free: PA not aligned to the block's size */
	PGALLOC_ERANGE    =  -2,  /* size 0, range wraps, bank reaches PGALLOC_PA_LIMIT, or
				   * order > PGALLOC_MAX_ORDER */
	PGALLOC_ESTATE    =  -3,  /* wrong phase: add/reserve/finalize after
				   * finalize, alloc/free/stats before it */
	PGALLOC_EOVERLAP  =  -4,  /* add_range: overlaps a bank already added */
	PGALLOC_EFULL     =  -5,  /* no room for another bank or reservation */
	PGALLOC_ENOTRAM   =  -6,  /* free: PA in no bank */
	PGALLOC_ERESERVED =  -7,  /* free: PA in a reservation or the metadata */
	PGALLOC_EDOUBLE   =  -8,  /* free: the block is already free */
	PGALLOC_ENOTALLOC =  -9,  /* free: PA is not the start of an allocated
				   * block (inside one, or in an unusable bank) */
	PGALLOC_EORDER    = -10,  /* free: PA starts an allocated block of
				   * another order */
	PGALLOC_ECORRUPT  = -11,  /* pgalloc_check: the metadata is inconsistent */
	PGALLOC_EINVAL    = -12,  /* init: no phys_to_ptr; stats: no such bank */
};

const char *pgalloc_strerror(int err);

struct pgalloc_bank {
	uint64_t base_pa;
	uint64_t size;                      /* bytes, a multiple of PAGE_SIZE */
	uint64_t meta_pa;                   /* the state bytes; 0: none (unusable) */
	uint64_t meta_pages;
	uint64_t reserved_pages;            /* covered by reservations */
	uint64_t unusable_pages;            /* free but without metadata */
	uint64_t free_pages;
	uint64_t alloc_pages;
	uint64_t free_head_pa[PGALLOC_NR_ORDERS];  /* 0: empty list */
	uint64_t nr_free[PGALLOC_NR_ORDERS];
};

struct pgalloc_ctx {
	bool ready;                         /* finalized */
	unsigned nr_banks;                  /* sorted by base_pa */
	unsigned nr_reserved;               /* sorted, disjoint, not adjacent */
	struct pgalloc_bank bank[PGALLOC_MAX_BANKS];
	struct phys_range reserved[PGALLOC_MAX_RESERVED];   /* page aligned */
	void *(*phys_to_ptr)(uint64_t pa, void *cookie);
	void *cookie;
	bool linear;                        /* pgalloc_set_linear: pa + linear_offset */
	uint64_t linear_offset;
};

/* Statistics of one bank or, for PGALLOC_ALL_BANKS, their sums (base_pa,
 * size and meta_pa are then 0). For any bank:
 * total = free + allocated + reserved + meta + unusable. */
struct pgalloc_stats {
	uint64_t base_pa, size, meta_pa;
	uint64_t total_pages;
	uint64_t free_pages;
	uint64_t allocated_pages;
	uint64_t reserved_pages;
	uint64_t meta_pages;
	uint64_t unusable_pages;
	uint64_t nr_free[PGALLOC_NR_ORDERS];   /* free blocks of each order */
};

/* Starts SETUP with no banks and PA 0's page reserved. PGALLOC_EINVAL
 * without phys_to_ptr. */
int pgalloc_init(struct pgalloc_ctx *ctx, void *(*phys_to_ptr)(uint64_t pa, void *cookie),
		 void *cookie);
/* Declares phys_to_ptr(pa) == (void *)(pa + offset) for every PA of every
 * bank (the stub's linear map): the allocator then adds the offset
 * instead of calling it (a few calls each alloc and free, the demand
 * fault's path). Any phase. */
void pgalloc_set_linear(struct pgalloc_ctx *ctx, uint64_t offset);

/* Records the bank [pa, pa + size). EALIGN, ERANGE, EOVERLAP, EFULL. */
int pgalloc_add_range(struct pgalloc_ctx *ctx, uint64_t pa, uint64_t size);
/* Records the reservation of the pages touched by [pa, pa + size).
 * ERANGE (size 0, wraps), EFULL. */
int pgalloc_reserve(struct pgalloc_ctx *ctx, uint64_t pa, uint64_t size);
/* Places the metadata, builds the free lists: READY. */
int pgalloc_finalize(struct pgalloc_ctx *ctx);

/* A free block of 2^order pages, naturally aligned; 0 if there is none of
 * that order or larger (or order > PGALLOC_MAX_ORDER, or not READY). */
uint64_t pgalloc_alloc(struct pgalloc_ctx *ctx, unsigned order);
/* Gives back the block pa of 2^order pages that pgalloc_alloc returned.
 * Refusals: ESTATE, ERANGE, EALIGN, ENOTRAM, ERESERVED, EDOUBLE,
 * ENOTALLOC, EORDER. */
int pgalloc_free(struct pgalloc_ctx *ctx, uint64_t pa, unsigned order);

unsigned pgalloc_nr_banks(const struct pgalloc_ctx *ctx);
int pgalloc_stats(const struct pgalloc_ctx *ctx, unsigned bank, struct pgalloc_stats *out);
/* Calls fn for every free block: bank by bank, order by order, in list
 * order. ESTATE before finalize. */
int pgalloc_for_each_free(const struct pgalloc_ctx *ctx,
			  void (*fn)(uint64_t pa, unsigned order, unsigned bank, void *cookie),
			  void *cookie);
/* Checks the metadata against itself (O(blocks)): block by block, every
 * head's byte (aligned, inside its bank, clear of reservations and
 * metadata), list, counter and reservation; and that no free block has a
 * free buddy of its order (fully coalesced). PGALLOC_OK or
 * PGALLOC_ECORRUPT. */
int pgalloc_check(const struct pgalloc_ctx *ctx);

/* Where the allocator reaches pa: phys_to_ptr's answer, or pa plus the
 * offset pgalloc_set_linear gave (inline: the demand fault asks it). */
static inline void *pgalloc_ptr(const struct pgalloc_ctx *ctx, uint64_t pa)
{
	return ctx->linear ? (void *)(uintptr_t)(pa + ctx->linear_offset)
			   : ctx->phys_to_ptr(pa, ctx->cookie);
}

#endif /* PGALLOC_H */
