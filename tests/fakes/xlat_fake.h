/*
 * xlat_fake.h - a fake table memory and TLB for testing mmu/xlat.c on the
 * host (tests/unit/test_xlat.c and tests/fuzz/fuzz_xlat.c).
 *
 * Owns: a root table and a pool of page-aligned pages (the build's granule), each with a made-up
 * physical address, and optionally an arena of more pages that refill the
 * pool (xlat_set_refill: naturally aligned blocks of one order, or of any
 * order up to the arena's, each given back with the order it was taken
 * at), behind xlat_ctx's table_ptr (any other address is an
 * error); tlb_flush and publish callbacks that record what they are asked;
 * a table walker of its own (literal descriptor bits, independent of
 * desc.c and walk.c); and wrappers of xlat_map/unmap/protect that check
 * every call against the contract of xlat.h:
 *   - a refused call leaves root, pool, arena, pool_used, the refills held
 *     and the page count byte-identical;
 *   - break-before-make: every leaf that was valid before the call and is
 *     not identical after it was covered by a tlb_flush issued while its
 *     pages walked as invalid; every table that was unlinked was covered by
 *     a tlb_flush issued after its table descriptor was gone;
 *   - at every tlb_flush and publish (the first 128 of a call, then every
 *     32nd), each mapped piece of the address space translates as before
 *     the call or as after it (never through a half-built table or
 *     garbage); "after" comes from the same call run on a copy of the
 *     tables as they were before it, made at the first such barrier;
 *   - no table write after the last barrier (flush or publish);
 *   - the structure: every table is a pool or refill page, reachable
 *     once, marked used, not empty, never a refill's counts page; the page
 *     count equals the reachable tables and the pages marked used; every
 *     block the arena gave is one of the context's refills; no reserved
 *     encodings, no output address bits below the block size or at or
 *     above pa_bits.
 * Free pool pages start (and, after xf_scribble_free, stay) full of
 * valid-looking table descriptors (with 16 and 64 KiB pages 512 of them
 * spread across the page, zeros between), so a table used without being
 * cleared shows up.
 *
 * Offsets ("off") are relative to the context's va_base, so that the top
 * of the TTBR1 range (2^64) does not wrap: off is in [0, 2^VA_BITS].
 * The first problem is kept in err (nerr counts them); on_error, if set,
 * is called with the message at once (the fuzzer prints and traps).
 */
#ifndef XLAT_FAKE_H
#define XLAT_FAKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "xlat.h"
#include "walk.h"
#include "desc_literal.h"

/* The geometry: the build's PAGE_SHIFT and VA_BITS (4K/39 by default;
 * tests/fuzz/fuzz.mk builds the fuzzer for one geometry per granule),
 * levels and sizes worked out here from the Arm ARM's rules (D8.2), not
 * read from pgtable-hwdef.h's derived macros. */
#ifndef PAGE_SHIFT
#define PAGE_SHIFT 12
#endif
#ifndef VA_BITS
#define VA_BITS 39
#endif
#define XF_PAGE       (1ULL << PAGE_SHIFT)
#define XF_BITS       (PAGE_SHIFT - 3)        /* index bits per level */
#define XF_ENTRIES    (1u << XF_BITS)         /* entries per table page */
/* The VA size under test: the build's, or in a 52-bit build the one the
 * harness set for this run (mmu/vabits.h, as TCR_EL1 gives it). */
#define XF_VA_BITS    vabits_actual()
#define XF_NLEVELS    ((XF_VA_BITS - PAGE_SHIFT + XF_BITS - 1) / XF_BITS)
#define XF_FIRST_LEVEL (4 - (int)XF_NLEVELS)  /* the root's level */
/* The first level the stub writes blocks at: 1 with 4 KiB, 2 with 16 and
 * 64 KiB (FEAT_LPA2 would allow one more; a block there is flagged). */
#define XF_BLOCK_MIN_LEVEL (PAGE_SHIFT == 12 ? 1 : 2)
#define XF_ROOT_PA    0x880000000ULL          /* 34 GiB */
#define XF_POOL_PA    0x900000000ULL          /* 36 GiB: pool page i at + i * XF_PAGE */
#define XF_ARENA_PA   0x980000000ULL          /* 38 GiB: the refills' pages */
#define XF_ARENA_MAX  256                     /* arena pages at most */
#define XF_CTX_SIZE   (1ULL << XF_VA_BITS)
#define XF_TTBR1_BASE (0 - XF_CTX_SIZE)
#define XF_1G         0x40000000ULL
#define XF_2M         0x200000ULL
#define XF_4K         0x1000ULL
/* The descriptors' output address format (desc_literal.h): FEAT_LPA's
 * with 64 KiB in a 52-bit build, FEAT_LPA2's with 4 and 16 KiB when the
 * VA is 52 bits (TCR_EL1.DS), else 48 bits; and what follows from it. */
#define XF_FORMAT     (VA_BITS == 52 && PAGE_SHIFT == 16 ? LITERAL_LPA64 : \
		       VA_BITS == 52 && XF_VA_BITS == 52 ? LITERAL_LPA2 : LITERAL_OA48)
#define XF_OA_MAX     (XF_FORMAT == LITERAL_OA48 ? 48u : 52u)
#define XF_OA_BITS    literal_oa_bits(XF_FORMAT, PAGE_SHIFT)
#define XF_OA(d)      literal_oa((d), XF_FORMAT, PAGE_SHIFT)

struct xf_leaf {
	uint64_t off;        /* first VA of the leaf, relative to va_base */
	uint64_t desc;
	int level;           /* 1, 2 or 3 */
};

struct xf_ival { uint64_t lo, hi; };            /* [lo, hi), offsets */

struct xf_table {
	uint64_t off;        /* first VA the table covers */
	int level;           /* level of the entries in it: 2 or 3 */
	uint64_t pa;
	bool flushed;        /* a flush covered it after it was unlinked */
};

struct xf_env {
	struct xlat_ctx ctx;
	uint64_t va_base, root_pa, pool_pa;
	unsigned pa_bits, pool_pages;
	/* The arena: arena_pages pages from XF_ARENA_PA, handed out as
	 * naturally aligned blocks of arena_order pages (2^order), or of any
	 * order up to it when arena_any; arena_taken[i]: 1 + the order of the
	 * block starting at page i, 0 if none does. */
	unsigned arena_pages, arena_order;
	bool arena_any;
	uint8_t arena_taken[XF_ARENA_MAX];
	uint8_t snap_arena_taken[XF_ARENA_MAX];
	struct xlat_refill refill;
	uint64_t (*mem)[XF_ENTRIES];   /* [0] root, [1 + i] pool page i, then the arena's */
	size_t buf_pages;                       /* pages mem, snap, dry_mem hold */
	uint64_t (*snap)[XF_ENTRIES];
	uint8_t snap_pool_used[XLAT_POOL_MAX_PAGES];
	unsigned snap_pages_used;
	bool dry;                               /* a clone: no checks */
	bool check_barriers;                    /* default true */

	/* Over the env's life. */
	unsigned nflush, npublish, nbad_ptr;

	/* The current call. */
	bool in_op;
	bool have_fin;                          /* the dry run is done */
	int dry_rc;                             /* what the dry run returned */
	const void *op;                         /* the call being made */
	struct xlat_ctx snap_ctx;
	uint64_t (*dry_mem)[XF_ENTRIES];
	unsigned nflush_op, npublish_op;
	struct xf_ival *fl;                     /* the flushes of the call */
	size_t nfl, capfl;
	struct xf_leaf *old, *cur, *fin;
	size_t nold, ncur, nfin, cap;
	struct xf_table *oldt;
	size_t noldt, capt;
	struct xf_ival *cov;                    /* flushed while unmapped */
	size_t ncov, capcov;
	uint64_t hash_start, hash_barrier;
	unsigned nbarrier;

	unsigned nerr;
	char err[2048];
	void (*on_error)(const char *msg);
};

/* Allocate the memory (root zeroed, pool filled with garbage) and call
 * xlat_init. Returns xlat_init's result. */
int xf_setup(struct xf_env *e, uint64_t va_base, unsigned pa_bits, unsigned pool_pages);
/* The same with an arena of arena_pages (at most XF_ARENA_MAX, whole
 * blocks of 2^arena_order) refilling the pool: blocks of that order
 * only, or (any) of every order up to it. */
int xf_setup_refill(struct xf_env *e, uint64_t va_base, unsigned pa_bits, unsigned pool_pages,
		    unsigned arena_pages, unsigned arena_order, bool any);
/* Blocks of the arena not taken. */
unsigned xf_arena_free_blocks(const struct xf_env *e);
void xf_teardown(struct xf_env *e);

/* The page at a root or pool PA, or NULL. */
uint64_t *xf_page(struct xf_env *e, uint64_t pa);
/* The callbacks (cookie: the env). */
uint64_t *xf_table_ptr(uint64_t pa, void *cookie);
void xf_tlb_flush(uint64_t va, uint64_t size, void *cookie);
void xf_publish(void *cookie);
/* A table_reader_fn for sw_walk, and a walk_ctx over the env's root. */
const uint64_t *xf_read(uint64_t pa, void *cookie);
struct walk_ctx xf_walk_ctx(struct xf_env *e);

/* Hand-encoded leaf descriptor (literal bits, Arm ARM D8.3; XF_FORMAT). */
uint64_t xf_leaf_desc(uint64_t pa, int level, const struct pte_attrs *a);
/* Attributes of a leaf descriptor (literal bits). */
struct pte_attrs xf_desc_attrs(uint64_t desc);

/* Own walker: 1 and *pa, *level, *desc when va is mapped; 0 when not;
 * -1 (and an error recorded) on an unreadable table or reserved encoding. */
int xf_translate(struct xf_env *e, uint64_t va, uint64_t *pa, int *level, uint64_t *desc);
/* The entry of va at level (1..3) or NULL when no table reaches there. */
uint64_t *xf_entry(struct xf_env *e, uint64_t va, int level);

/* Every leaf, in VA order, into *out (malloc'd, caller frees). */
size_t xf_leaves(struct xf_env *e, struct xf_leaf **out);
/* Structure checks (see above); false and an error recorded on a problem. */
bool xf_check_structure(struct xf_env *e);
/* Fill every free pool page with valid-looking table descriptors. */
void xf_scribble_free(struct xf_env *e, uint64_t salt);
/* Every entry of the root table is zero. */
bool xf_root_zero(struct xf_env *e);

/* The checked calls. */
int xf_map(struct xf_env *e, uint64_t va, uint64_t pa, uint64_t size,
	   const struct pte_attrs *a);
int xf_unmap(struct xf_env *e, uint64_t va, uint64_t size);
int xf_protect(struct xf_env *e, uint64_t va, uint64_t size, const struct pte_attrs *a);

/* Was [va, va + size) covered by the flushes of the last call? */
bool xf_flushed(const struct xf_env *e, uint64_t va, uint64_t size);

#endif /* XLAT_FAKE_H */
