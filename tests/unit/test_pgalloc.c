/*
 * test_pgalloc.c - host unit tests of mmu/pgalloc.c against the contract
 * of mmu/pgalloc.h.
 *
 * Owns: the phases and their ESTATE refusals; add_range's and reserve's
 * argument checks and semantics (merging, widening, outside RAM, either
 * order); the initial shape of the free blocks (aligned and unaligned bank
 * edges, metadata placement, unusable banks, a 255 GiB bank, PA 0); split
 * and coalesce exactness; best fit; exhaustion; that no reserved page is
 * handed out; every refusal of free, each leaving context and memory
 * unchanged; exact statistics per bank and per order; linear mode
 * (pgalloc_set_linear) giving what the callback gives, without calling it.
 * Memory is physmem_fake.c's: any touch outside the banks is an error, and
 * pgalloc_check runs after every test's changes.
 * Built twice (unit.mk): at the product's PGALLOC_MAX_ORDER (18, 1 GiB
 * blocks) and, as test_pgalloc10, at 10 (4 MiB). The expected shapes are
 * written in MAXO, BLK (a max-order block) and BPG (its pages), with banks
 * sized relative to BLK; the fake memory backs only the pages touched, and
 * a bank whose pages are nearly all touched (every page allocated once) has
 * only the list node of each page behind it (pf_allow_sparse).
 */
#include "unit.h"
#include "pgalloc.h"
#include "physmem_fake.h"

typedef unsigned long long ull;

#define K4  0x1000ULL
#define M1  0x100000ULL
#define M4  0x400000ULL
#define G   0x40000000ULL
#define MAXO PGALLOC_MAX_ORDER
#define BPG  (1ULL << MAXO)             /* pages of a max-order block */
#define BLK  (K4 << MAXO)               /* its bytes: 4 MiB at 10, 1 GiB at 18 */

struct env {
	struct pf_mem mem;
	struct pgalloc_ctx ctx;
};

static int setup(void **state)
{
	struct env *e = calloc(1, sizeof(*e));

	if (!e)
		return -1;
	pf_init(&e->mem);
	pf_garbage(&e->mem);
	assert_int_equal(pgalloc_init(&e->ctx, pf_phys_to_ptr, &e->mem), PGALLOC_OK);
	*state = e;
	return 0;
}

static int teardown(void **state)
{
	struct env *e = *state;

	pf_destroy(&e->mem);
	free(e);
	return 0;
}

/* Metadata pages of a bank of free + meta pages, its metadata at its top:
 * the least m with m >= ceil((free + m) / 4096). */
static uint64_t meta_for(uint64_t free_pages)
{
	uint64_t m = 1;

	while (m * 4096 < free_pages + m)
		m++;
	return m;
}

/* A bank the fake memory backs. */
static void bank(struct env *e, uint64_t pa, uint64_t size)
{
	pf_allow(&e->mem, pa, size);
	assert_int_equal(pgalloc_add_range(&e->ctx, pa, size), PGALLOC_OK);
}

static void finalize(struct env *e)
{
	assert_int_equal(pgalloc_finalize(&e->ctx), PGALLOC_OK);
	assert_int_equal(pgalloc_check(&e->ctx), PGALLOC_OK);
	assert_int_equal(e->mem.errors, 0);
}

static void check(struct env *e)
{
	assert_int_equal(pgalloc_check(&e->ctx), PGALLOC_OK);
	assert_int_equal(e->mem.errors, 0);
}

static struct pgalloc_stats stats(struct env *e, unsigned b)
{
	struct pgalloc_stats s;

	assert_int_equal(pgalloc_stats(&e->ctx, b, &s), PGALLOC_OK);
	return s;
}

/* The free blocks, sorted by PA, as "pa:order" pairs. */
struct blocks {
	unsigned n;
	struct { uint64_t pa; unsigned order, bank; } b[4096];
};

static void collect(uint64_t pa, unsigned order, unsigned bank_idx, void *cookie)
{
	struct blocks *bl = cookie;

	assert_true(bl->n < ARRAY_LEN(bl->b));
	bl->b[bl->n].pa = pa;
	bl->b[bl->n].order = order;
	bl->b[bl->n].bank = bank_idx;
	bl->n++;
}

static int by_pa(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static struct blocks *free_blocks(struct env *e)
{
	static struct blocks bl;

	bl.n = 0;
	assert_int_equal(pgalloc_for_each_free(&e->ctx, collect, &bl), PGALLOC_OK);
	qsort(bl.b, bl.n, sizeof(bl.b[0]), by_pa);
	return &bl;
}

/* The free blocks must be exactly these (pa, order) pairs, by PA. */
static void expect_blocks(struct env *e, const uint64_t *want, unsigned n)
{
	struct blocks *bl = free_blocks(e);
	unsigned i;

	for (i = 0; i < bl->n && i < n; i++) {
		if (bl->b[i].pa != want[2 * i] || bl->b[i].order != want[2 * i + 1])
			fail_msg("block %u: %#llx order %u, want %#llx order %u", i,
				 (ull)bl->b[i].pa, bl->b[i].order, (ull)want[2 * i],
				 (unsigned)want[2 * i + 1]);
	}
	assert_int_equal(bl->n, n);
}

/* A call that must be refused with err and change nothing at all. */
struct snapshot {
	struct pgalloc_ctx ctx;
	uint64_t digest;
};

static void snap(struct env *e, struct snapshot *s)
{
	memcpy(&s->ctx, &e->ctx, sizeof(s->ctx));
	s->digest = pf_digest(&e->mem);
}

static void same(struct env *e, const struct snapshot *s)
{
	assert_memory_equal(&s->ctx, &e->ctx, sizeof(s->ctx));
	assert_int_equal(s->digest, pf_digest(&e->mem));
	assert_int_equal(e->mem.errors, 0);
}

static void expect_free_refused(struct env *e, uint64_t pa, unsigned order, int err)
{
	struct snapshot s;
	int rc;

	snap(e, &s);
	rc = pgalloc_free(&e->ctx, pa, order);
	if (rc != err)
		fail_msg("free(%#llx, %u) = %d (%s), want %d (%s)", (ull)pa, order, rc,
			 pgalloc_strerror(rc), err, pgalloc_strerror(err));
	same(e, &s);
}

/* The same, its metadata (of free_pages pages below it) at its top in
 * whole pages, and only the first 64 bytes (the list node) of every other
 * page: for banks whose every page may be handed out, at MAXO 18 too. */
static void bank_nodes_only(struct env *e, uint64_t pa, uint64_t free_pages)
{
	uint64_t meta = meta_for(free_pages);

	pf_allow(&e->mem, pa + free_pages * K4, meta * K4);
	pf_allow_sparse(&e->mem, pa, free_pages * K4, 64);
	assert_int_equal(pgalloc_add_range(&e->ctx, pa, (free_pages + meta) * K4), PGALLOC_OK);
}

/* One order-MAXO block at 1 GiB: the bank is BLK plus its metadata at the
 * top (1 page at MAXO 10, 65 at 18). */
static void one_max_block(struct env *e)
{
	bank_nodes_only(e, G, BPG);
	finalize(e);
	assert_int_equal(stats(e, 0).meta_pa, G + BLK);
	const uint64_t want[] = { G, MAXO };
	expect_blocks(e, want, 1);
}

/* ---- phases ----------------------------------------------------------- */

static void test_init_needs_callback(void **state)
{
	struct env *e = *state;

	assert_int_equal(pgalloc_init(&e->ctx, NULL, NULL), PGALLOC_EINVAL);
}

static void test_phases(void **state)
{
	struct env *e = *state;
	struct pgalloc_stats s;

	bank(e, G, M4 + K4);
	assert_int_equal(pgalloc_alloc(&e->ctx, 0), 0);
	assert_int_equal(pgalloc_free(&e->ctx, G, 0), PGALLOC_ESTATE);
	assert_int_equal(pgalloc_stats(&e->ctx, PGALLOC_ALL_BANKS, &s), PGALLOC_ESTATE);
	assert_int_equal(pgalloc_check(&e->ctx), PGALLOC_ESTATE);
	assert_int_equal(e->mem.touches, 0);       /* setup touches no RAM */
	finalize(e);

	struct snapshot sn;
	snap(e, &sn);
	assert_int_equal(pgalloc_add_range(&e->ctx, 2 * G, M4), PGALLOC_ESTATE);
	assert_int_equal(pgalloc_reserve(&e->ctx, G, K4), PGALLOC_ESTATE);
	assert_int_equal(pgalloc_finalize(&e->ctx), PGALLOC_ESTATE);
	same(e, &sn);
	assert_int_equal(pgalloc_stats(&e->ctx, 1, &s), PGALLOC_EINVAL);
	assert_int_equal(pgalloc_nr_banks(&e->ctx), 1);
}

static void test_strerror_distinct(void **state)
{
	const char *seen[13];
	int err, i;

	(void)state;
	for (err = 0; err >= -12; err--) {
		seen[-err] = pgalloc_strerror(err);
		assert_non_null(seen[-err]);
		for (i = 0; i < -err; i++)
			assert_string_not_equal(seen[i], seen[-err]);
	}
	assert_string_equal(pgalloc_strerror(-13), "unknown pgalloc error");
}

/* ---- add_range and reserve -------------------------------------------- */

static void test_add_range_refusals(void **state)
{
	struct env *e = *state;
	struct snapshot s;
	unsigned i;

	bank(e, G, 16 * M1);
	snap(e, &s);
	assert_int_equal(pgalloc_add_range(&e->ctx, 2 * G + 0x800, K4), PGALLOC_EALIGN);
	assert_int_equal(pgalloc_add_range(&e->ctx, 2 * G, K4 + 1), PGALLOC_EALIGN);
	assert_int_equal(pgalloc_add_range(&e->ctx, 2 * G, 0), PGALLOC_ERANGE);
	assert_int_equal(pgalloc_add_range(&e->ctx, PGALLOC_PA_LIMIT - K4, 2 * K4), PGALLOC_ERANGE);
	assert_int_equal(pgalloc_add_range(&e->ctx, PGALLOC_PA_LIMIT, K4), PGALLOC_ERANGE);
	assert_int_equal(pgalloc_add_range(&e->ctx, 0xfffffffffffff000ULL, 2 * K4), PGALLOC_ERANGE);
	assert_int_equal(pgalloc_add_range(&e->ctx, G - K4, 2 * K4), PGALLOC_EOVERLAP);
	assert_int_equal(pgalloc_add_range(&e->ctx, G + 16 * M1 - K4, 2 * K4), PGALLOC_EOVERLAP);
	assert_int_equal(pgalloc_add_range(&e->ctx, G + M1, K4), PGALLOC_EOVERLAP);
	assert_int_equal(pgalloc_add_range(&e->ctx, G - M1, 32 * M1), PGALLOC_EOVERLAP);
	assert_int_equal(pgalloc_add_range(&e->ctx, G, 16 * M1), PGALLOC_EOVERLAP);
	same(e, &s);
	/* Adjacent banks are fine and stay separate; the top page of the PA
	 * space is a valid bank. */
	assert_int_equal(pgalloc_add_range(&e->ctx, G - K4, K4), PGALLOC_OK);
	assert_int_equal(pgalloc_add_range(&e->ctx, G + 16 * M1, K4), PGALLOC_OK);
	assert_int_equal(pgalloc_add_range(&e->ctx, PGALLOC_PA_LIMIT - K4, K4), PGALLOC_OK);
	assert_int_equal(pgalloc_nr_banks(&e->ctx), 4);
	for (i = 4; i < PGALLOC_MAX_BANKS; i++)
		assert_int_equal(pgalloc_add_range(&e->ctx, 4 * G + i * G, K4), PGALLOC_OK);
	snap(e, &s);
	assert_int_equal(pgalloc_add_range(&e->ctx, 100 * G, K4), PGALLOC_EFULL);
	same(e, &s);
	/* Sorted by address whatever the order of the calls. */
	for (i = 1; i < PGALLOC_MAX_BANKS; i++)
		assert_true(e->ctx.bank[i - 1].base_pa < e->ctx.bank[i].base_pa);
}

static void test_reserve_semantics(void **state)
{
	struct env *e = *state;
	struct snapshot s;
	const struct phys_range *r = e->ctx.reserved;
	unsigned i;

	/* PA 0 is reserved from the start. */
	assert_int_equal(e->ctx.nr_reserved, 1);
	assert_int_equal(r[0].phys_start, 0);
	assert_int_equal(r[0].phys_end, K4);

	snap(e, &s);
	assert_int_equal(pgalloc_reserve(&e->ctx, G, 0), PGALLOC_ERANGE);
	assert_int_equal(pgalloc_reserve(&e->ctx, 0xfffffffffffff000ULL, 0x2000), PGALLOC_ERANGE);
	/* Entirely at or above 2^48: no RAM there, accepted, nothing recorded. */
	assert_int_equal(pgalloc_reserve(&e->ctx, PGALLOC_PA_LIMIT, G), PGALLOC_OK);
	assert_int_equal(pgalloc_reserve(&e->ctx, 0xfffffffffffff000ULL, 0x1000), PGALLOC_OK);
	same(e, &s);

	/* Widened to whole pages. */
	assert_int_equal(pgalloc_reserve(&e->ctx, G + 0x1234, 0x10), PGALLOC_OK);
	assert_int_equal(e->ctx.nr_reserved, 2);
	assert_int_equal(r[1].phys_start, G + K4);
	assert_int_equal(r[1].phys_end, G + 2 * K4);
	/* Crossing a page boundary by one byte: two pages. */
	assert_int_equal(pgalloc_reserve(&e->ctx, G + 0x4fff, 2), PGALLOC_OK);
	assert_int_equal(r[2].phys_start, G + 4 * K4);
	assert_int_equal(r[2].phys_end, G + 6 * K4);
	/* Adjacent to both: merges the three into one. */
	assert_int_equal(pgalloc_reserve(&e->ctx, G + 2 * K4, 2 * K4), PGALLOC_OK);
	assert_int_equal(e->ctx.nr_reserved, 2);
	assert_int_equal(r[1].phys_start, G + K4);
	assert_int_equal(r[1].phys_end, G + 6 * K4);
	/* Contained in it: no change. Containing it: grows it. */
	assert_int_equal(pgalloc_reserve(&e->ctx, G + 2 * K4, 1), PGALLOC_OK);
	assert_int_equal(e->ctx.nr_reserved, 2);
	assert_int_equal(r[1].phys_end, G + 6 * K4);
	assert_int_equal(pgalloc_reserve(&e->ctx, G, M1), PGALLOC_OK);
	assert_int_equal(e->ctx.nr_reserved, 2);
	assert_int_equal(r[1].phys_start, G);
	assert_int_equal(r[1].phys_end, G + M1);
	/* Clipped at 2^48. */
	assert_int_equal(pgalloc_reserve(&e->ctx, PGALLOC_PA_LIMIT - K4, 16 * K4), PGALLOC_OK);
	assert_int_equal(r[2].phys_start, PGALLOC_PA_LIMIT - K4);
	assert_int_equal(r[2].phys_end, PGALLOC_PA_LIMIT);
	/* Up to 32 disjoint ones (PA 0's included), then EFULL; a 33rd that
	 * merges with one still fits. */
	for (i = e->ctx.nr_reserved; i < PGALLOC_MAX_RESERVED; i++)
		assert_int_equal(pgalloc_reserve(&e->ctx, 2 * G + i * M1, K4), PGALLOC_OK);
	snap(e, &s);
	assert_int_equal(pgalloc_reserve(&e->ctx, 3 * G, K4), PGALLOC_EFULL);
	same(e, &s);
	assert_int_equal(pgalloc_reserve(&e->ctx, 2 * G + 4 * M1 + K4, K4), PGALLOC_OK);
	assert_int_equal(e->ctx.nr_reserved, PGALLOC_MAX_RESERVED);
	/* One that bridges two merges them and frees a slot. */
	assert_int_equal(pgalloc_reserve(&e->ctx, 2 * G + 4 * M1, M1), PGALLOC_OK);
	assert_int_equal(e->ctx.nr_reserved, PGALLOC_MAX_RESERVED - 1);
	for (i = 1; i < e->ctx.nr_reserved; i++)
		assert_true(r[i - 1].phys_end < r[i].phys_start);
}

/* Reservations before or after their bank, in any order, give the same. */
static void build_mixed(struct env *e, bool reserve_first)
{
	if (reserve_first) {
		assert_int_equal(pgalloc_reserve(&e->ctx, G + 0x200123, 0x5000), PGALLOC_OK);
		assert_int_equal(pgalloc_reserve(&e->ctx, G - M1, 2 * M1), PGALLOC_OK);
		assert_int_equal(pgalloc_reserve(&e->ctx, 7 * G, M1), PGALLOC_OK);  /* no RAM */
	}
	bank(e, G, 16 * M1);
	bank(e, 3 * G + K4, 3 * M1);
	if (!reserve_first) {
		assert_int_equal(pgalloc_reserve(&e->ctx, 7 * G, M1), PGALLOC_OK);
		assert_int_equal(pgalloc_reserve(&e->ctx, G - M1, 2 * M1), PGALLOC_OK);
		assert_int_equal(pgalloc_reserve(&e->ctx, G + 0x200123, 0x5000), PGALLOC_OK);
	}
	finalize(e);
}

static void test_reserve_either_order(void **state)
{
	struct env *e = *state, other;
	struct blocks *bl;
	static struct blocks first;

	build_mixed(e, false);
	bl = free_blocks(e);
	memcpy(&first, bl, sizeof(first));

	pf_init(&other.mem);
	pf_garbage(&other.mem);
	assert_int_equal(pgalloc_init(&other.ctx, pf_phys_to_ptr, &other.mem), PGALLOC_OK);
	build_mixed(&other, true);
	bl = free_blocks(&other);
	assert_int_equal(bl->n, first.n);
	assert_memory_equal(bl->b, first.b, first.n * sizeof(first.b[0]));
	struct pgalloc_stats a = stats(e, PGALLOC_ALL_BANKS), b = stats(&other, PGALLOC_ALL_BANKS);
	assert_memory_equal(&a, &b, sizeof(a));
	/* [G, G + 1 MiB) and [G + 2 MiB, G + 2 MiB + 24 KiB) reserved. */
	assert_int_equal(a.reserved_pages, 256 + 6);
	pf_destroy(&other.mem);
}

/* ---- initial shape ---------------------------------------------------- */

static void test_shape_aligned_bank(void **state)
{
	struct env *e = *state;
	struct pgalloc_stats s;
	unsigned k;

	/* 4 * BPG - 1 free pages and the metadata at the top (at MAXO 10:
	 * 16 MiB = 4096 pages, one metadata page; at 18: 257 metadata pages):
	 * 3 max-order blocks and one block of each smaller order below it. */
	const uint64_t free_pages = 4 * BPG - 1, meta = meta_for(free_pages);
	uint64_t want[2 * (3 + MAXO)], pa = G;
	unsigned n = 0;

	assert_int_equal(meta, MAXO == 10 ? 1 : MAXO == 18 ? 257 : meta);
	bank(e, G, (free_pages + meta) * K4);
	finalize(e);
	s = stats(e, 0);
	assert_int_equal(s.base_pa, G);
	assert_int_equal(s.size, (free_pages + meta) * K4);
	assert_int_equal(s.meta_pa, G + free_pages * K4);
	assert_int_equal(s.total_pages, free_pages + meta);
	assert_int_equal(s.meta_pages, meta);
	assert_int_equal(s.free_pages, free_pages);
	assert_int_equal(s.allocated_pages + s.reserved_pages + s.unusable_pages, 0);
	assert_int_equal(s.nr_free[MAXO], 3);
	for (k = 0; k < MAXO; k++)
		assert_int_equal(s.nr_free[k], 1);
	for (k = 0; k < 3; k++, pa += BLK) {
		want[n++] = pa;
		want[n++] = MAXO;
	}
	for (k = MAXO; k-- > 0; pa += K4 << k) {
		want[n++] = pa;
		want[n++] = k;
	}
	assert_int_equal(pa, s.meta_pa);
	expect_blocks(e, want, n / 2);
}

static void test_shape_unaligned_edges(void **state)
{
	struct env *e = *state;

	/* 16 pages from G + 4 KiB: metadata at the top page; 15 free pages
	 * from an odd page: orders 0, 1, 2, 3 upwards. */
	bank(e, G + K4, 16 * K4);
	/* A bank that starts 8 KiB below a BLK boundary and has 8 KiB free
	 * after the next one, then its metadata (1 page at MAXO 10, 65 at
	 * 18): small blocks at both edges. */
	const uint64_t meta = meta_for(BPG + 4);
	bank(e, 2 * G + BLK - 2 * K4, (BPG + 4 + meta) * K4);
	finalize(e);
	const uint64_t want[] = {
		G + K4, 0, G + 2 * K4, 1, G + 4 * K4, 2, G + 8 * K4, 3,
		2 * G + BLK - 2 * K4, 1, 2 * G + BLK, MAXO, 2 * G + 2 * BLK, 1,
	};
	expect_blocks(e, want, ARRAY_LEN(want) / 2);
	assert_int_equal(stats(e, 1).meta_pa, 2 * G + 2 * BLK + 2 * K4);
	assert_int_equal(stats(e, 1).meta_pages, meta);
	assert_int_equal(stats(e, PGALLOC_ALL_BANKS).free_pages, 15 + 2 + BPG + 2);
}

static void test_meta_below_top_reservation(void **state)
{
	struct env *e = *state;
	struct pgalloc_stats s;

	/* The DTB in the top 64 KiB: the metadata goes just below it. */
	bank(e, G, 32 * M1);
	assert_int_equal(pgalloc_reserve(&e->ctx, G + 32 * M1 - 0x10000, 0x10000), PGALLOC_OK);
	finalize(e);
	s = stats(e, 0);
	assert_int_equal(s.meta_pages, 2);
	assert_int_equal(s.meta_pa, G + 32 * M1 - 0x10000 - 2 * K4);
	assert_int_equal(s.reserved_pages, 16);
	assert_int_equal(s.free_pages, 8192 - 16 - 2);
	/* A stretch too small for the metadata is skipped for a lower one. */
	struct env f;
	pf_init(&f.mem);
	pf_garbage(&f.mem);
	assert_int_equal(pgalloc_init(&f.ctx, pf_phys_to_ptr, &f.mem), PGALLOC_OK);
	bank(&f, G, 32 * M1);
	assert_int_equal(pgalloc_reserve(&f.ctx, G + 32 * M1 - 3 * K4, 2 * K4), PGALLOC_OK);
	finalize(&f);
	s = stats(&f, 0);
	assert_int_equal(s.meta_pa, G + 32 * M1 - 5 * K4);
	assert_int_equal(s.free_pages, 8192 - 2 - 2);
	pf_destroy(&f.mem);
	/* Two stretches that both hold it (the image in the middle): the
	 * higher one's top. */
	pf_init(&f.mem);
	pf_garbage(&f.mem);
	assert_int_equal(pgalloc_init(&f.ctx, pf_phys_to_ptr, &f.mem), PGALLOC_OK);
	assert_int_equal(pgalloc_reserve(&f.ctx, G + 8 * M1, 2 * M1), PGALLOC_OK);
	bank(&f, G, 32 * M1);
	finalize(&f);
	assert_int_equal(stats(&f, 0).meta_pa, G + 32 * M1 - 2 * K4);
	pf_destroy(&f.mem);
}

static void test_unusable_bank(void **state)
{
	struct env *e = *state;
	struct pgalloc_stats s;
	uint64_t base = 4 * G;

	/* 4097 pages need 2 metadata pages; only two single pages are free. */
	bank(e, base, 4097 * K4);
	assert_int_equal(pgalloc_reserve(&e->ctx, base + K4, K4), PGALLOC_OK);
	assert_int_equal(pgalloc_reserve(&e->ctx, base + 3 * K4, 4094 * K4), PGALLOC_OK);
	/* A fully reserved bank: nothing free, nothing unusable. */
	bank(e, 5 * G, M1);
	assert_int_equal(pgalloc_reserve(&e->ctx, 5 * G - K4, M1 + 2 * K4), PGALLOC_OK);
	/* And a usable one: a max-order block and its metadata. */
	const uint64_t meta = meta_for(BPG);
	bank(e, G, BLK + meta * K4);
	finalize(e);
	s = stats(e, 1);
	assert_int_equal(s.meta_pa, 0);
	assert_int_equal(s.meta_pages, 0);
	assert_int_equal(s.unusable_pages, 2);
	assert_int_equal(s.reserved_pages, 4095);
	assert_int_equal(s.free_pages, 0);
	s = stats(e, 2);
	assert_int_equal(s.reserved_pages, 256);
	assert_int_equal(s.free_pages + s.unusable_pages + s.meta_pages, 0);
	s = stats(e, PGALLOC_ALL_BANKS);
	assert_int_equal(s.total_pages, 4097 + 256 + BPG + meta);
	assert_int_equal(s.free_pages, BPG);
	assert_int_equal(s.unusable_pages, 2);
	assert_int_equal(s.meta_pages, meta);
	assert_int_equal(s.reserved_pages, 4095 + 256);
	expect_free_refused(e, base, 0, PGALLOC_ENOTALLOC);
	expect_free_refused(e, base + K4, 0, PGALLOC_ERESERVED);
	expect_free_refused(e, 5 * G, 0, PGALLOC_ERESERVED);
	/* Only the usable bank's memory is ever handed out. */
	assert_int_equal(pgalloc_alloc(&e->ctx, MAXO), G);
	assert_int_equal(pgalloc_alloc(&e->ctx, 0), 0);
	check(e);
}

static void test_bank_at_pa0(void **state)
{
	struct env *e = *state;
	uint64_t pa, n = 0;

	bank(e, 0, 64 * K4);
	finalize(e);
	assert_int_equal(stats(e, 0).reserved_pages, 1);
	assert_int_equal(stats(e, 0).free_pages, 62);
	expect_free_refused(e, 0, 0, PGALLOC_ERESERVED);
	expect_free_refused(e, 0, 3, PGALLOC_ERESERVED);
	while ((pa = pgalloc_alloc(&e->ctx, 0)) != 0) {
		assert_true(pa >= K4 && pa < 63 * K4);
		n++;
	}
	assert_int_equal(n, 62);
	check(e);
}

/* The metadata pages of bank 0 (at base) that hold a free block's head
 * byte or, for a block of 32 pages or more, its list node (at the first
 * 16-byte boundary above the head's byte: pgalloc.c): each page of state
 * bytes covers 4096 pages. */
static uint8_t head_page_seen[1 << 16];

static void note_head_page(uint64_t pa, unsigned order, unsigned bank, void *cookie)
{
	uint64_t byte = (pa - *(const uint64_t *)cookie) / K4;

	if (bank != 0 || byte / 4096 >= sizeof(head_page_seen))
		return;
	head_page_seen[byte / 4096] = 1;
	if (order >= 5)
		head_page_seen[((byte + 1 + 15) & ~15ULL) / 4096] = 1;
}

static uint64_t head_meta_pages(struct env *e, uint64_t base)
{
	uint64_t n = 0;

	memset(head_page_seen, 0, sizeof(head_page_seen));
	assert_int_equal(pgalloc_for_each_free(&e->ctx, note_head_page, &base), PGALLOC_OK);
	for (size_t i = 0; i < sizeof(head_page_seen); i++)
		n += head_page_seen[i];
	return n;
}

static void test_huge_bank(void **state)
{
	struct env *e = *state;
	const uint64_t base = 1ULL << 40, size = 255 * G, pages = size / K4;
	const uint64_t meta_pages = pages / 4096;      /* 16320 */
	const uint64_t free_pages = pages - meta_pages, meta_pa = base + size - meta_pages * K4;
	struct pgalloc_stats s;
	uint64_t blocks = 0;
	unsigned k;

	/* Metadata pages whole; elsewhere only the list nodes exist. */
	pf_allow(&e->mem, base + size - meta_pages * K4, meta_pages * K4);
	pf_allow_sparse(&e->mem, base, size, 64);
	assert_int_equal(pgalloc_add_range(&e->ctx, base, size), PGALLOC_OK);
	/* A second, small bank high in the PA space. */
	bank(e, PGALLOC_PA_LIMIT - 8 * M1, 8 * M1);
	assert_int_equal(pgalloc_finalize(&e->ctx), PGALLOC_OK);
	assert_int_equal(e->mem.errors, 0);
	s = stats(e, 0);
	assert_int_equal(s.total_pages, pages);
	assert_int_equal(s.meta_pages, meta_pages);
	assert_int_equal(s.meta_pa, meta_pa);
	assert_int_equal(s.free_pages, free_pages);
	/* The free pages below the metadata (from 2^40, aligned to any
	 * order): as many max-order blocks as fit, then one block per bit of
	 * the rest. At MAXO 10: 65264 blocks of 1024 pages + 64 pages; at 18:
	 * 254 of 1 GiB + 245824 pages (orders 17, 16, 15, 14, 6). */
	assert_int_equal(s.nr_free[MAXO], free_pages >> MAXO);
	for (k = 0; k < MAXO; k++)
		assert_int_equal(s.nr_free[k], (free_pages >> k) & 1);
	for (k = 0; k <= MAXO; k++)
		blocks += s.nr_free[k];
	if (MAXO == 10)
		assert_true(s.nr_free[MAXO] == 65264 && s.nr_free[6] == 1 && blocks == 65265);
	if (MAXO == 18)
		assert_true(s.nr_free[MAXO] == 254 && s.nr_free[17] && s.nr_free[14] &&
			    s.nr_free[6] && blocks == 259);
	/* Start-up linear in blocks: every free block here is of 32 pages or
	 * more (orders 6 and up), so its list node is among the state bytes:
	 * finalize touched no page outside the metadata, and of the metadata
	 * only the pages that hold a free block's head byte or node. */
	assert_int_equal(pf_pages_in(&e->mem, base, meta_pa - base), 0);
	assert_int_equal(pf_pages_in(&e->mem, meta_pa, meta_pages * K4), head_meta_pages(e, base));
	s = stats(e, PGALLOC_ALL_BANKS);
	assert_int_equal(s.total_pages, pages + 2048);
	assert_int_equal(s.free_pages, pages - meta_pages + 2047);
	/* Best fit: the small orders come from the small bank's leftovers. */
	assert_int_equal(pgalloc_alloc(&e->ctx, 0), PGALLOC_PA_LIMIT - 2 * K4);
	uint64_t big = pgalloc_alloc(&e->ctx, MAXO);
	assert_true(big >= base && big < base + size);
	assert_int_equal(pgalloc_free(&e->ctx, big, MAXO), PGALLOC_OK);
	assert_int_equal(stats(e, 0).free_pages, pages - meta_pages);
	assert_int_equal(e->mem.errors, 0);
}

/* ---- split and coalesce ----------------------------------------------- */

/* The max-order block at G with pages 0-1 free as an order-1 block, page
 * 2 allocated, page 3 free, and the upper halves G + 2^k pages (orders 2
 * to MAXO - 1) free. */
static void expect_low_split(struct env *e)
{
	uint64_t want[2 * (MAXO + 1)] = { G, 1, G + 3 * K4, 0 };
	unsigned n = 4, k;

	for (k = 2; k < MAXO; k++) {
		want[n++] = G + (K4 << k);
		want[n++] = k;
	}
	expect_blocks(e, want, n / 2);
}

static void test_split_and_coalesce(void **state)
{
	struct env *e = *state;
	struct pgalloc_stats s;
	unsigned k;

	one_max_block(e);
	/* The lower half each time; the upper halves stay free. */
	assert_int_equal(pgalloc_alloc(&e->ctx, 0), G);
	s = stats(e, 0);
	for (k = 0; k < MAXO; k++)
		assert_int_equal(s.nr_free[k], 1);
	assert_int_equal(s.nr_free[MAXO], 0);
	assert_int_equal(s.free_pages, BPG - 1);
	assert_int_equal(s.allocated_pages, 1);
	check(e);
	/* Best fit: the free order-0 buddy, then the order-1 block split. */
	assert_int_equal(pgalloc_alloc(&e->ctx, 0), G + K4);
	assert_int_equal(pgalloc_alloc(&e->ctx, 0), G + 2 * K4);
	s = stats(e, 0);
	assert_int_equal(s.nr_free[0], 1);      /* G + 3 pages */
	assert_int_equal(s.nr_free[1], 0);
	check(e);
	/* G + 1 page back: its buddy G is allocated, no merge. */
	assert_int_equal(pgalloc_free(&e->ctx, G + K4, 0), PGALLOC_OK);
	assert_int_equal(stats(e, 0).nr_free[0], 2);
	check(e);
	/* G back: merges with G + 1 page into order 1; that block's buddy
	 * (G + 2 pages, order 1) is split (one page allocated): no merge. */
	assert_int_equal(pgalloc_free(&e->ctx, G, 0), PGALLOC_OK);
	s = stats(e, 0);
	assert_int_equal(s.nr_free[0], 1);
	assert_int_equal(s.nr_free[1], 1);
	expect_low_split(e);
	check(e);
	/* The last page back: everything merges up to the one max-order block. */
	assert_int_equal(pgalloc_free(&e->ctx, G + 2 * K4, 0), PGALLOC_OK);
	const uint64_t whole[] = { G, MAXO };
	expect_blocks(e, whole, 1);
	/* Any page of it is now free: a double free, however it merged. */
	expect_free_refused(e, G + K4, 0, PGALLOC_EDOUBLE);
	expect_free_refused(e, G + 2 * K4, 0, PGALLOC_EDOUBLE);
	expect_free_refused(e, G + BLK / 2, MAXO - 1, PGALLOC_EDOUBLE);
	s = stats(e, 0);
	assert_int_equal(s.free_pages, BPG);
	assert_int_equal(s.allocated_pages, 0);
	check(e);
}

static void test_coalesce_needs_same_order(void **state)
{
	struct env *e = *state;

	one_max_block(e);
	assert_int_equal(pgalloc_alloc(&e->ctx, 1), G);          /* pages 0-1 */
	assert_int_equal(pgalloc_alloc(&e->ctx, 0), G + 2 * K4); /* page 2; 3 free */
	/* Order 1 at G: its buddy (pages 2-3) is partly free, an order-0
	 * block: it must stay order 1. */
	assert_int_equal(pgalloc_free(&e->ctx, G, 1), PGALLOC_OK);
	expect_low_split(e);
	check(e);
	/* And an order-1 block is not taken for an order-1 request's buddy
	 * of another order: alloc(1) reuses exactly G. */
	assert_int_equal(pgalloc_alloc(&e->ctx, 1), G);
	assert_int_equal(pgalloc_free(&e->ctx, G, 1), PGALLOC_OK);
	assert_int_equal(pgalloc_free(&e->ctx, G + 2 * K4, 0), PGALLOC_OK);
	const uint64_t whole[] = { G, MAXO };
	expect_blocks(e, whole, 1);
}

static void test_no_merge_across_banks(void **state)
{
	struct env *e = *state;
	static uint64_t got[8192];
	struct blocks *bl;
	static struct blocks initial;
	uint64_t pa;
	unsigned n = 0, i;

	/* Bank A: 4097 pages, 2 metadata pages; page 4095 reserved, so the top
	 * page (G + 16 MiB, order 0) is free and the metadata sits below the
	 * reservation. Bank B starts right after it: its first page is an
	 * order-0 block whose buddy is A's top page, free too. */
	bank(e, G, 16 * M1 + K4);
	assert_int_equal(pgalloc_reserve(&e->ctx, G + 16 * M1 - K4, K4), PGALLOC_OK);
	bank(e, G + 16 * M1 + K4, M4 + K4);
	finalize(e);
	assert_int_equal(stats(e, 0).meta_pa, G + 16 * M1 - 3 * K4);
	bl = free_blocks(e);
	memcpy(&initial, bl, sizeof(initial));
	for (i = 0; i < initial.n; i++) {
		if (initial.b[i].pa == G + 16 * M1)
			assert_true(initial.b[i].order == 0 && initial.b[i].bank == 0);
		if (initial.b[i].pa == G + 16 * M1 + K4)
			assert_true(initial.b[i].order == 0 && initial.b[i].bank == 1);
	}
	/* Take every page, give them all back: the two stay apart. */
	while ((pa = pgalloc_alloc(&e->ctx, 0)) != 0) {
		assert_true(n < ARRAY_LEN(got));
		got[n++] = pa;
	}
	assert_int_equal(n, 4093 + 1 + 1024);
	check(e);
	for (i = 0; i < n; i++)
		assert_int_equal(pgalloc_free(&e->ctx, got[n - 1 - i], 0), PGALLOC_OK);
	bl = free_blocks(e);
	assert_int_equal(bl->n, initial.n);
	assert_memory_equal(bl->b, initial.b, initial.n * sizeof(initial.b[0]));
	check(e);
}

/* ---- exhaustion and reservations ------------------------------------- */

static void test_exhaustion(void **state)
{
	struct env *e = *state;
	static uint64_t got[BPG];
	static bool seen[BPG];
	uint64_t i;

	one_max_block(e);
	assert_int_equal(pgalloc_alloc(&e->ctx, MAXO + 1), 0);
	assert_int_equal(pgalloc_alloc(&e->ctx, MAXO), G);
	assert_int_equal(pgalloc_alloc(&e->ctx, 0), 0);
	assert_int_equal(stats(e, 0).free_pages, 0);
	assert_int_equal(pgalloc_free(&e->ctx, G, MAXO), PGALLOC_OK);
	/* BPG single pages, all different, in the block; then none. */
	memset(seen, 0, sizeof(seen));
	for (i = 0; i < BPG; i++) {
		got[i] = pgalloc_alloc(&e->ctx, 0);
		if (got[i] < G || got[i] >= G + BLK || (got[i] & (K4 - 1)) || seen[(got[i] - G) / K4])
			fail_msg("alloc %llu: %#llx", (ull)i, (ull)got[i]);
		seen[(got[i] - G) / K4] = true;
	}
	assert_int_equal(pgalloc_alloc(&e->ctx, 0), 0);
	assert_int_equal(stats(e, 0).allocated_pages, BPG);
	check(e);
	/* Back in a scattered order (389 is odd: a permutation): whole again. */
	for (i = 0; i < BPG; i++)
		assert_int_equal(pgalloc_free(&e->ctx, got[(i * 389) % BPG], 0), PGALLOC_OK);
	const uint64_t whole[] = { G, MAXO };
	expect_blocks(e, whole, 1);
	check(e);
}

static void test_reserved_never_handed_out(void **state)
{
	struct env *e = *state;
	uint64_t pa, pages = 0;
	unsigned order;

	bank(e, G, 16 * M1);
	bank(e, 2 * G, 2 * M1);
	/* The image, the DTB (unaligned), overlapping each other, one partly
	 * outside RAM, one entirely outside. */
	assert_int_equal(pgalloc_reserve(&e->ctx, G + 0x80000, 0x180000), PGALLOC_OK);
	assert_int_equal(pgalloc_reserve(&e->ctx, G + 0x1ff800, 0x3001), PGALLOC_OK);
	assert_int_equal(pgalloc_reserve(&e->ctx, G + 15 * M1, 2 * M1), PGALLOC_OK);
	assert_int_equal(pgalloc_reserve(&e->ctx, 2 * G - K4, 3 * K4), PGALLOC_OK);
	assert_int_equal(pgalloc_reserve(&e->ctx, 9 * G, M1), PGALLOC_OK);
	finalize(e);
	/* 0x80000..0x203000 = 387 pages; 1 MiB at the top = 256; 2 pages. */
	assert_int_equal(stats(e, 0).reserved_pages, 387 + 256);
	assert_int_equal(stats(e, 1).reserved_pages, 2);
	uint64_t free_before = stats(e, PGALLOC_ALL_BANKS).free_pages;
	/* Take everything, largest first, and check every page. */
	for (order = MAXO + 1; order-- > 0;) {
		while ((pa = pgalloc_alloc(&e->ctx, order)) != 0) {
			uint64_t end = pa + (K4 << order);

			assert_true(!(pa & ((K4 << order) - 1)));
			assert_false(pa < G + 0x203000 && end > G + 0x80000);
			assert_false(end > G + 15 * M1 && pa < 2 * G);
			assert_false(pa < 2 * G + 2 * K4 && end > 2 * G - K4);
			assert_true((pa >= G && end <= G + 16 * M1 - K4) ||
				    (pa >= 2 * G && end <= 2 * G + 2 * M1 - K4));
			pages += 1ULL << order;
		}
	}
	assert_int_equal(pages, free_before);
	assert_int_equal(stats(e, PGALLOC_ALL_BANKS).free_pages, 0);
	check(e);
}

/* ---- refusals of free ------------------------------------------------- */

static void test_free_refusals(void **state)
{
	struct env *e = *state;
	uint64_t a, b, c;

	/* Two max-order blocks' worth: the lower one whole, the upper one cut
	 * by a reservation and the metadata at the top. */
	bank(e, G, 2 * BLK);
	assert_int_equal(pgalloc_reserve(&e->ctx, G + BLK + 0x10000, 0x1000), PGALLOC_OK);
	finalize(e);
	a = pgalloc_alloc(&e->ctx, 3);      /* 8 pages */
	b = pgalloc_alloc(&e->ctx, 0);
	c = pgalloc_alloc(&e->ctx, 2);
	assert_true(a && b && c);
	check(e);

	expect_free_refused(e, a, MAXO + 1, PGALLOC_ERANGE);
	expect_free_refused(e, a + 0x10, 0, PGALLOC_EALIGN);
	expect_free_refused(e, a + K4, 3, PGALLOC_EALIGN);
	expect_free_refused(e, 3 * G, 0, PGALLOC_ENOTRAM);
	expect_free_refused(e, 0, 0, PGALLOC_ENOTRAM);
	expect_free_refused(e, G + BLK + 0x10000, 0, PGALLOC_ERESERVED);
	expect_free_refused(e, stats(e, 0).meta_pa, 0, PGALLOC_ERESERVED);
	/* Wrong order, either way. */
	expect_free_refused(e, a, 2, PGALLOC_EORDER);
	expect_free_refused(e, a, 4, (a & (K4 << 3)) ? PGALLOC_EALIGN : PGALLOC_EORDER);
	expect_free_refused(e, c, 0, PGALLOC_EORDER);
	expect_free_refused(e, b, 1, (b & K4) ? PGALLOC_EALIGN : PGALLOC_EORDER);
	/* Never allocated as such: inside an allocated block. */
	expect_free_refused(e, a + K4, 0, PGALLOC_ENOTALLOC);
	expect_free_refused(e, a + 4 * K4, 2, PGALLOC_ENOTALLOC);
	/* Free memory: a block head, and a page inside a free block. */
	uint64_t big = G + BLK + 0x100000;      /* an order-8 free block */
	expect_free_refused(e, big, 8, PGALLOC_EDOUBLE);
	expect_free_refused(e, big + 5 * K4, 0, PGALLOC_EDOUBLE);
	expect_free_refused(e, big, 0, PGALLOC_EDOUBLE);
	/* Double free after a real free, also once it has coalesced. */
	assert_int_equal(pgalloc_free(&e->ctx, b, 0), PGALLOC_OK);
	expect_free_refused(e, b, 0, PGALLOC_EDOUBLE);
	assert_int_equal(pgalloc_free(&e->ctx, c, 2), PGALLOC_OK);
	assert_int_equal(pgalloc_free(&e->ctx, a, 3), PGALLOC_OK);
	expect_free_refused(e, a, 3, PGALLOC_EDOUBLE);
	expect_free_refused(e, b, 0, PGALLOC_EDOUBLE);
	expect_free_refused(e, c, 2, PGALLOC_EDOUBLE);
	/* Back to the initial shape: G..G + BLK whole. */
	assert_int_equal(stats(e, 0).nr_free[MAXO], 1);
	assert_int_equal(stats(e, 0).allocated_pages, 0);
	check(e);
}


/* ---- linear mode ------------------------------------------------------- */

/* A bank backed by one host buffer, its PAs at base: phys_to_ptr is then
 * pa + (buffer - base), what pgalloc_set_linear declares. */
struct arena {
	uint8_t *mem;
	uint64_t base;
	unsigned calls;
};

static void *arena_ptr(uint64_t pa, void *cookie)
{
	struct arena *a = cookie;

	a->calls++;
	return a->mem + (pa - a->base);
}

/* The same operations on two allocators over two arenas, one told it is
 * linear: the same blocks handed out, the same refusals, the same
 * statistics, both self-consistent; the linear one never calls
 * phys_to_ptr. */
static void test_linear_same_as_callback(void **state)
{
	const uint64_t base = G, size = 8 * M1;
	struct arena a[2] = { { .base = base }, { .base = base } };
	static struct pgalloc_ctx ctx[2];
	uint64_t got[2][64];

	(void)state;
	for (int i = 0; i < 2; i++) {
		a[i].mem = aligned_alloc(4096, size);
		assert_non_null(a[i].mem);
		memset(a[i].mem, 0xa5, size);       /* garbage, as RAM */
		assert_int_equal(pgalloc_init(&ctx[i], arena_ptr, &a[i]), PGALLOC_OK);
		if (i)
			pgalloc_set_linear(&ctx[i], (uint64_t)(uintptr_t)a[i].mem - base);
		assert_int_equal(pgalloc_add_range(&ctx[i], base, size), PGALLOC_OK);
		assert_int_equal(pgalloc_reserve(&ctx[i], base + 3 * K4, 5 * K4), PGALLOC_OK);
		assert_int_equal(pgalloc_finalize(&ctx[i]), PGALLOC_OK);
	}
	for (unsigned n = 0; n < 64; n++)
		for (int i = 0; i < 2; i++)
			got[i][n] = pgalloc_alloc(&ctx[i], n % 5);
	assert_memory_equal(got[0], got[1], sizeof(got[0]));
	for (unsigned n = 0; n < 64; n += 2)
		for (int i = 0; i < 2; i++)
			assert_int_equal(pgalloc_free(&ctx[i], got[i][n], n % 5), PGALLOC_OK);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(pgalloc_free(&ctx[i], got[i][1] + K4, 0), PGALLOC_ENOTALLOC);
		assert_int_equal(pgalloc_free(&ctx[i], got[i][0], 0), PGALLOC_EDOUBLE);
		assert_int_equal(pgalloc_check(&ctx[i]), PGALLOC_OK);
	}
	{
		struct pgalloc_stats s0, s1;

		assert_int_equal(pgalloc_stats(&ctx[0], 0, &s0), PGALLOC_OK);
		assert_int_equal(pgalloc_stats(&ctx[1], 0, &s1), PGALLOC_OK);
		assert_memory_equal(&s0, &s1, sizeof(s0));
	}
	assert_true(a[0].calls > 0);
	assert_int_equal(a[1].calls, 0);
	assert_ptr_equal(pgalloc_ptr(&ctx[1], base + K4), a[1].mem + K4);
	free(a[0].mem);
	free(a[1].mem);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_init_needs_callback, setup, teardown),
		cmocka_unit_test_setup_teardown(test_phases, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strerror_distinct, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_range_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reserve_semantics, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reserve_either_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shape_aligned_bank, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shape_unaligned_edges, setup, teardown),
		cmocka_unit_test_setup_teardown(test_meta_below_top_reservation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unusable_bank, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bank_at_pa0, setup, teardown),
		cmocka_unit_test_setup_teardown(test_huge_bank, setup, teardown),
		cmocka_unit_test_setup_teardown(test_split_and_coalesce, setup, teardown),
		cmocka_unit_test_setup_teardown(test_coalesce_needs_same_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_merge_across_banks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exhaustion, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reserved_never_handed_out, setup, teardown),
		cmocka_unit_test_setup_teardown(test_free_refusals, setup, teardown),
		cmocka_unit_test(test_linear_same_as_callback),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
