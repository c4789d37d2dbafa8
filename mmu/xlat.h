/*
 * xlat.h - change translation tables at run time: map, unmap, protect, query.
 *
 * Owns: the runtime API on one half of the address space (one root table,
 * the build's geometry: pgtable-hwdef.h), in the style of Trusted Firmware-A's
 * xlat_tables_v2: every call first DECIDES (validates the request against
 * the live tables and counts the table pages it needs, writing nothing),
 * then WRITES. A refused call returns a distinct negative error and leaves
 * the tables exactly as they were.
 *
 * Tables already linked under the root before xlat_init (not from the pool)
 * are used like any other; when an unmap empties one it is unlinked (with
 * break-before-make) but, not being the pool's, never reused. (Such a table
 * keeps no count of its valid entries, so an unmap that touches it scans
 * it; pool tables are never scanned.)
 *
 * Writing follows the Arm ARM's break-before-make rule (D8.14.1) whenever a
 * valid entry changes: invalid entry, DSB, TLBI by VA (inner shareable),
 * DSB, ISB, then the new entry. Blocks are split into tables when a change
 * covers only part of them; tables that become empty are freed; a map uses
 * the largest block that the alignment of VA, PA and size allows.
 * A new table (fresh, or split from a block) is built complete while
 * unreachable and then linked: a publish (DSB) before linking it into a
 * reachable table (or, replacing a block, the tlb_flush of the
 * break-before-make), none inside it; one publish ends every call.
 *
 * Cost: linear in the entries a call writes or must look at (its range's
 * entries at each level, and the PTRS_PER_PTE of each new table), with no scan of
 * the pool or of whole tables.
 *
 * The context reaches table memory and the TLB only through callbacks, so
 * the same code runs on the target and in host tests and the fuzzer.
 */
#ifndef XLAT_H
#define XLAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "desc.h"
#include "pgtable-hwdef.h"

/* Error codes: each names exactly why a request was refused. When several
 * apply, the first in this order is returned: EALIGN, ERANGE, EATTR, EWX
 * (checks of the arguments alone), then EOVERLAP or ENOTMAPPED (against the
 * tables), then ENOMEM. */
enum xlat_error {
	XLAT_OK        =  0,
	XLAT_EALIGN    = -1,  /* VA, PA or size not PAGE_SIZE aligned, or size 0 */
	XLAT_ERANGE    = -2,  /* range wraps, leaves the context's VA range, or
			       * its PA range exceeds the CPU's PA size */
	XLAT_EOVERLAP  = -3,  /* map: a page of the range is already mapped */
	XLAT_ENOTMAPPED = -4, /* unmap/protect: a page of the range is not mapped */
	XLAT_EWX       = -5,  /* attributes writable and executable: not read-only
			       * while PXN or UXN is clear (strict: a page writable
			       * at any level is executable at none) */
	XLAT_EATTR     = -6,  /* attributes not encodable: AttrIndx > 7, SH = 0b01
			       * or > 3, access flag clear */
	XLAT_ENOMEM    = -7,  /* not enough free table pages for the splits and
			       * new tables the request needs: the pool is used
			       * up and the refill (if any) has none to give */
};

/* "range overlaps an existing mapping"; and the code's name, "XLAT_EOVERLAP". */
const char *xlat_strerror(int err);
const char *xlat_errname(int err);

/* Table pages come from a pool of physically contiguous pages (PAGE_SIZE),
 * and, once it is used up, from refills (xlat_set_refill): segments of
 * 2^order naturally aligned pages whose first page keeps the segment's
 * counts (mmu/xlat_pool.c), taken up to XLAT_SEG_MAX_ORDER (2 MiB) and
 * down to 2 pages as the source has them, at most XLAT_MAX_SEGS at once,
 * each given back whole when none of its tables is in use. */
#define XLAT_POOL_MAX_PAGES 256
#define XLAT_SEG_MAX_ORDER  (21 - PAGE_SHIFT)
#define XLAT_SEG_MAX_PAGES  (1u << XLAT_SEG_MAX_ORDER)
#define XLAT_MAX_SEGS       64

/* Where refills come from (the final map's: the page allocator). Both
 * are called with the context's cookie (table_ptr's), and only between
 * deciding and writing, or as an unmap gives a table back: never in the
 * middle of a table's change. */
struct xlat_refill {
	/* 2^order pages, naturally aligned, reachable through table_ptr; 0:
	 * none of that order. */
	uint64_t (*take)(unsigned order, void *cookie);
	void (*give)(uint64_t pa, unsigned order, void *cookie);
};

/* One refill: its pages [pa, pa + 2^order pages); page 0 the counts. */
struct xlat_seg {
	uint64_t pa;
	uint16_t order;
	uint16_t fresh;              /* [fresh, 2^order) never taken */
	uint16_t nfreed;             /* given back, on the counts page's stack */
	uint16_t used;               /* holding a table */
};

/* What the calls on a context have written, since xlat_init. */
struct xlat_stats {
	/* Stores of a valid descriptor (a leaf or a table entry), into tables
	 * reachable or being built, the entries a split copies from its block
	 * included. Stores of zero are not counted: neither the zeroing of a
	 * fresh table page nor the invalid half of break-before-make. */
	uint64_t descs_written;
	/* Valid entries of reachable tables made invalid: by unmap, by
	 * break-before-make, by unlinking a table that became empty. */
	uint64_t entries_invalidated;
	uint64_t tables_taken;       /* pool pages taken for new tables */
	uint64_t tables_freed;       /* pool pages given back */
	uint64_t refills_taken;      /* segments taken from the refill */
	uint64_t refills_given;      /* segments given back to it */
};

struct xlat_ctx {
	uint64_t va_base;            /* 0 (TTBR0) or ttbr1_va_start() (TTBR1) */
	uint64_t root_pa;            /* the root table (not from the pool) */
	unsigned pa_bits;            /* the CPU's physical address size, at most
				      * oa_bits_max() (48 without FEAT_LPA/LPA2's
				      * format: mmu/vabits.h) */
	uint64_t pool_pa;            /* first pool page */
	unsigned pool_pages;
	uint8_t pool_used[XLAT_POOL_MAX_PAGES];   /* 1: page i holds a table */
	/* Valid entries of the table in each used pool page: unmap learns that
	 * a table became empty without scanning it. */
	uint16_t pool_nvalid[XLAT_POOL_MAX_PAGES];
	/* Free pages without a scan: [pool_fresh, pool_pages) were never
	 * taken; pool_freed[0 .. pool_nfreed) were given back (taken first). */
	unsigned pool_fresh, pool_nfreed;
	uint16_t pool_freed[XLAT_POOL_MAX_PAGES];
	/* The refills, sorted by pa; none until xlat_set_refill. */
	const struct xlat_refill *refill;
	unsigned nr_segs;
	struct xlat_seg seg[XLAT_MAX_SEGS];
	struct xlat_stats stats;
	/* The last attributes that passed map's or protect's checks, and
	 * their block descriptor bits (valid when last_attrs_ok). */
	bool last_attrs_ok;
	struct pte_attrs last_attrs;
	uint64_t last_block_bits;
	/* Where table memory (by PA) can be read and written. The root's
	 * pointer is asked once, at the first call, and kept in root (the root
	 * does not move in a context's life; a copy of the context over other
	 * table memory, as a test's dry run makes, sets root to NULL). */
	uint64_t *(*table_ptr)(uint64_t table_pa, void *cookie);
	uint64_t *root;
	/* TLB maintenance for [va, va + size) after an entry was invalidated
	 * (DSB ISHST, TLBI VAAE1IS for each page or VMALLE1IS, DSB ISH, ISB). */
	void (*tlb_flush)(uint64_t va, uint64_t size, void *cookie);
	/* Make new entries visible to the walker (DSB ISHST, ISB). */
	void (*publish)(void *cookie);
	void *cookie;
};

/* The root's alignment: a page, or in a 52-bit build the 64 bytes a
 * TTBR with a 52-bit address needs at least (a 64K/52 early root walked
 * with 48-bit VAs is its own last 64 entries: TTBR1_BADDR_4852_OFFSET). */
#if VA_BITS > VA_BITS_MIN
#define XLAT_ROOT_ALIGN TTBR_ROOT_ALIGN_52
#else
#define XLAT_ROOT_ALIGN PAGE_SIZE
#endif

/* Sets up ctx over an existing, valid root table at root_pa and a pool of
 * pool_pages pages at pool_pa (at most XLAT_POOL_MAX_PAGES); all pool pages
 * start free. The half's VA bits are this boot's (vabits_actual()), its
 * root at the level they give. Returns XLAT_OK; XLAT_EALIGN for a root
 * not XLAT_ROOT_ALIGN aligned or a pool not page aligned; XLAT_ERANGE for
 * a va_base other than 0 or ttbr1_va_start(), pa_bits outside 32..52, too
 * many pool pages, a root or pool beyond pa_bits (cut to oa_bits_max()), a
 * root inside the pool, or a missing callback. */
int xlat_init(struct xlat_ctx *ctx, uint64_t va_base, uint64_t root_pa, unsigned pa_bits,
	      uint64_t pool_pa, unsigned pool_pages,
	      uint64_t *(*table_ptr)(uint64_t, void *),
	      void (*tlb_flush)(uint64_t, uint64_t, void *),
	      void (*publish)(void *), void *cookie);

/* Map [va, va + size) to [pa, pa + size) with attrs. */
int xlat_map(struct xlat_ctx *ctx, uint64_t va, uint64_t pa, uint64_t size,
	     const struct pte_attrs *attrs);
/* Unmap [va, va + size); every page of it must be mapped. */
int xlat_unmap(struct xlat_ctx *ctx, uint64_t va, uint64_t size);
/* Give [va, va + size), every page of it mapped, the attributes attrs (the
 * PAs stay). */
int xlat_protect(struct xlat_ctx *ctx, uint64_t va, uint64_t size,
		 const struct pte_attrs *attrs);

struct xlat_mapping {
	uint64_t pa;                 /* PA of va (with its page offset) */
	int level;                   /* level of the leaf: BLOCK_MIN_LEVEL .. 3 */
	struct pte_attrs attrs;
};
/* XLAT_OK and *out, or XLAT_ENOTMAPPED, or XLAT_ERANGE outside the context. */
int xlat_query(const struct xlat_ctx *ctx, uint64_t va, struct xlat_mapping *out);

/* From now on, a map the pool cannot hold takes table pages from r (NULL:
 * none). Tables in segments are given back as unmaps empty them. */
void xlat_set_refill(struct xlat_ctx *ctx, const struct xlat_refill *r);

/* Pool and refill pages in use: equals the tables reachable from the root. */
unsigned xlat_pages_used(const struct xlat_ctx *ctx);

/* Where the table pages are. */
struct xlat_pool_info {
	unsigned pool_pages, pool_used;          /* the boot's pool */
	unsigned segs, seg_pages, seg_used;      /* refills held (their counts
						  * pages included in seg_pages) */
};
void xlat_pool_info(const struct xlat_ctx *ctx, struct xlat_pool_info *out);
/* Whether the page at pa holds a table of this context's pool or refills. */
bool xlat_pool_page_in_use(const struct xlat_ctx *ctx, uint64_t pa);
/* The counts of struct xlat_stats since xlat_init (refused calls add
 * nothing). */
struct xlat_stats xlat_get_stats(const struct xlat_ctx *ctx);
/* Not read-only while PXN or UXN is clear: refused by map and protect. */
bool xlat_attrs_wx(const struct pte_attrs *attrs);

#endif /* XLAT_H */
