/*
 * fuzz_pgalloc.c - libFuzzer harness for mmu/pgalloc.c.
 *
 * Owns: reading a fuzz input as a setup (up to 24 add_range / reserve
 * calls in any order, banks placed around 0, 1 GiB, the 4 GiB boundary,
 * 2^40 and the top of the 48-bit space, 1 to ~9000 pages each, with
 * unaligned, empty, wrapping, overlapping and out-of-range values; when
 * MAX_ORDER is large, at most one big bank of 2^MAX_ORDER to ~2^MAX_ORDER +
 * 2100 pages, often max-order aligned, so max-order blocks exist) and up
 * to 128 operations (alloc of orders 0..MAX+1, frees that are right and
 * frees that must be refused: wrong order, inside a block, double,
 * reserved, metadata, outside RAM, misaligned; calls in the wrong phase);
 * and checking every step against a reference model: one state per page
 * of each bank (free, allocated with its block head, reserved, metadata,
 * unusable), changed by the rules of pgalloc.h.
 *  (a) every return code is the one the model predicts, and a refused
 *      call leaves the context byte-identical;
 *  (b) an allocated block is naturally aligned and all its pages were free
 *      in the model (so no page is handed out twice and no reserved or
 *      metadata page ever); alloc fails only when the model has no free,
 *      aligned run of the size in one bank;
 *  (c) the allocator touches (phys_to_ptr) only free pages, its metadata
 *      and the block being freed, and a refused free only the metadata
 *      (whose bytes stay the same); the first and last words of every
 *      allocated block keep what the harness wrote there;
 *  (d) the statistics equal the model's counts, and the free blocks (by
 *      pgalloc_for_each_free) are exactly the model's canonical buddy
 *      decomposition of its free pages (the largest naturally aligned
 *      all-free blocks, in one bank, at most MAX_ORDER): that is
 *      coalescing exact; pgalloc_check agrees;
 *  (e) metadata placement: ceil(pages / 4096) pages at the top of the
 *      highest free stretch that holds them, else none and the free pages
 *      unusable;
 *  (f) at the end, freeing every live block gives back the initial free
 *      page count and the initial blocks exactly.
 * (d) runs after every step while the banks are under 1024 pages in all,
 * else after every (1 + pages / 1024)th. Any mismatch prints the operations so far
 * and the problem, then traps. FUZZ_PGALLOC_TRACE=1 prints every input's
 * operations.
 * Built twice (fuzz.mk): fuzz_pgalloc at the product's PGALLOC_MAX_ORDER
 * (18), where the small banks reach orders up to 13 and the one big bank
 * (1 GiB and a bit: O(2^18) model and check steps, so rare and alone) the
 * max order; and fuzz_pgalloc10 at 10, where every small bank can hold
 * max-order blocks, so splitting from and coalescing up to MAX_ORDER, its
 * clamps and the canonical decomposition at the top are explored on
 * nearly every input, at the old speed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define FUZZ_NAME "fuzz_pgalloc"
#include "fuzz_log.h"
#include "fuzz_input.h"
#include "pgalloc.h"
#include "physmem_fake.h"

typedef unsigned long long ull;

#define K4        ((uint64_t)PAGE_SIZE)
#define MAXO      PGALLOC_MAX_ORDER
#define MAX_SETUP 24
#define MAX_OPS   128
/* The big bank, only when MAX_ORDER is too large for the small banks. */
#define BIG       (MAXO > 13)
#define BIG_PAGES (BIG ? (1ULL << MAXO) + 2100 : 0)
#define MAX_PAGES (PGALLOC_MAX_BANKS * 9100 + BIG_PAGES)

/* The model and the checks are the hot loop: no coverage feedback there. */
#define NOCOV __attribute__((no_sanitize("coverage")))

/* ---- failure reporting ---------------------------------------------- */

static bool trace;


/* ---- input ----------------------------------------------------------- */



/* ---- the model ------------------------------------------------------- */

enum { M_FREE, M_ALLOC, M_RES, M_META, M_UNUSABLE };

struct mbank {
	uint64_t base, pages;
	uint64_t first;              /* index of its first page in page[] */
	uint64_t meta_pa, meta_pages;
	uint64_t free_pages;
};

struct live {
	uint64_t pa;
	unsigned order;
	uint64_t tag;
};

static struct model {
	unsigned nr_banks;
	struct mbank bank[PGALLOC_MAX_BANKS];
	uint64_t total_pages;
	struct phys_range res[64 + MAX_SETUP];   /* as given, widened */
	unsigned nr_res;
	uint8_t page[MAX_PAGES];
	uint8_t head_order[MAX_PAGES];               /* order + 1 at a live head */
	uint32_t live_idx[MAX_PAGES];
	struct live live[MAX_PAGES];
	unsigned nr_live;
	bool have_big;                               /* the big bank is added */
	uint32_t runlen[MAX_PAGES];
} M;

static struct pf_mem mem;
static struct pgalloc_ctx ctx;
static struct pgalloc_ctx saved;

/* What the allocator may touch during the current call. */
static enum { T_SETUP, T_FINALIZE, T_OPS, T_FREEING, T_REFUSAL } touch_mode;
static uint64_t freeing_pa, freeing_end;

static NOCOV struct mbank *model_bank(uint64_t pa)
{
	unsigned i;

	for (i = 0; i < M.nr_banks; i++)
		if (pa >= M.bank[i].base && pa - M.bank[i].base < M.bank[i].pages * K4)
			return &M.bank[i];
	return NULL;
}

static NOCOV uint64_t page_idx(const struct mbank *b, uint64_t pa)
{
	return b->first + ((pa - b->base) >> PAGE_SHIFT);
}

static NOCOV bool in_res(uint64_t pa)
{
	unsigned i;

	for (i = 0; i < M.nr_res; i++)
		if (pa >= M.res[i].phys_start && pa < M.res[i].phys_end)
			return true;
	return false;
}

static NOCOV bool may_touch(uint64_t pa, void *arg)
{
	const struct mbank *b = model_bank(pa);
	unsigned st;

	(void)arg;
	if (!b)
		return false;
	switch (touch_mode) {
	case T_SETUP:
		return false;
	case T_REFUSAL:              /* deciding reads state bytes only */
		return M.page[page_idx(b, pa)] == M_META;
	case T_FINALIZE:
		return !in_res(pa);
	case T_FREEING:
		if (pa >= freeing_pa && pa < freeing_end)
			return true;
		/* fall through */
	case T_OPS:
		st = M.page[page_idx(b, pa)];
		return st == M_FREE || st == M_META;
	}
	return false;
}

/* Memory as the harness sees it (no hook). */
static NOCOV uint64_t *word(uint64_t pa)
{
	bool (*hook)(uint64_t, void *) = mem.may_touch;
	uint64_t *w;

	mem.may_touch = NULL;
	w = pf_phys_to_ptr(pa, &mem);
	mem.may_touch = hook;
	return w;
}

/* Reservations as the model counts them: how many disjoint, not touching
 * pieces the union of all (with one more) has. */
static int cmp_range(const void *a, const void *b)
{
	const struct phys_range *x = a, *y = b;

	return x->phys_start < y->phys_start ? -1 : x->phys_start > y->phys_start;
}

static unsigned union_pieces(void)
{
	static struct phys_range tmp[64 + MAX_SETUP + 1];
	unsigned i, n = 0;
	uint64_t end = 0;

	memcpy(tmp, M.res, M.nr_res * sizeof(tmp[0]));
	qsort(tmp, M.nr_res, sizeof(tmp[0]), cmp_range);
	for (i = 0; i < M.nr_res; i++) {
		if (i == 0 || tmp[i].phys_start > end) {
			n++;
			end = tmp[i].phys_end;
		} else if (tmp[i].phys_end > end) {
			end = tmp[i].phys_end;
		}
	}
	return n;
}

/* ---- setup ----------------------------------------------------------- */

static const uint64_t anchors[] = {
	0, 1ULL << 30, (4ULL << 30) - (8ULL << 20), 1ULL << 40,
	PGALLOC_PA_LIMIT - (64ULL << 20),
};

static uint64_t gen_pa(struct input *in)
{
	unsigned a = get8(in);
	uint64_t off = get16(in) % 16384;

	if (a & 0x80)
		off &= ~1023ULL;             /* a 4 MiB boundary */
	return anchors[(a & 0x7f) % 5] + off * K4;
}

static void check_rc(const char *what, int rc, int want)
{
	if (rc != want)
		die("%s returned %d (%s), the model expects %d (%s)", what, rc,
		    pgalloc_strerror(rc), want, pgalloc_strerror(want));
}

static void setup_add(struct input *in)
{
	unsigned kind = get8(in);
	uint64_t pa = gen_pa(in), pages, size;
	int want = PGALLOC_OK, rc;
	bool big = false;
	unsigned i;

	pages = 1 + get16(in) % 2100;
	if ((kind & 0x3f) == 1)
		pages = 4097 + get16(in) % 5000;        /* more than one state page */
	if ((kind & 0x3f) == 2 && BIG && !M.have_big) {
		big = true;                             /* max-order blocks */
		pages = (1ULL << MAXO) + get16(in) % 2100;
		if (kind & 0x80)
			pa &= ~((K4 << MAXO) - 1);
	}
	size = pages * K4;
	if ((kind & 0xf0) == 0x10)
		pa += 1 + (kind & 7) * 0x100;
	else if ((kind & 0xf0) == 0x20)
		size -= 0x800;
	else if ((kind & 0xf0) == 0x30)
		size = 0;
	else if ((kind & 0xf0) == 0x40)
		size = UINT64_MAX - 0xfff;

	if (size == 0 || pa >= PGALLOC_PA_LIMIT || size > PGALLOC_PA_LIMIT - pa)
		want = PGALLOC_ERANGE;
	else if ((pa | size) & (K4 - 1))
		want = PGALLOC_EALIGN;
	else {
		for (i = 0; i < M.nr_banks; i++)
			if (pa < M.bank[i].base + M.bank[i].pages * K4 && M.bank[i].base < pa + size)
				want = PGALLOC_EOVERLAP;
		if (want == PGALLOC_OK && M.nr_banks == PGALLOC_MAX_BANKS)
			want = PGALLOC_EFULL;
	}
	logf_("add_range(%#llx, %#llx)\n", (ull)pa, (ull)size);
	memcpy(&saved, &ctx, sizeof(ctx));
	rc = pgalloc_add_range(&ctx, pa, size);
	check_rc("add_range", rc, want);
	if (rc) {
		if (memcmp(&saved, &ctx, sizeof(ctx)))
			die("a refused add_range changed the context");
		return;
	}
	/* Kept in address order, as the banks' indices in the statistics. */
	for (i = M.nr_banks; i > 0 && M.bank[i - 1].base > pa; i--)
		M.bank[i] = M.bank[i - 1];
	memset(&M.bank[i], 0, sizeof(M.bank[i]));
	M.bank[i].base = pa;
	M.bank[i].pages = pages;
	M.nr_banks++;
	M.have_big |= big;
	pf_allow(&mem, pa, size);
}

static void setup_reserve(struct input *in)
{
	unsigned kind = get8(in);
	uint64_t pa = gen_pa(in), size = (uint64_t)(get16(in) % 700) * K4;
	int want = PGALLOC_OK, rc;

	if (kind & 1)
		pa += get8(in) * 16;
	if (kind & 2)
		size += get8(in) * 16 + 1;
	if ((kind & 0x1c) == 0x04)
		size = 0;
	else if ((kind & 0x1c) == 0x08)
		size = 0 - pa + get8(in);               /* ends past 2^64 when > 0 */
	else if ((kind & 0x1c) == 0x0c)
		size = PGALLOC_PA_LIMIT;                /* runs past 2^48 */
	else if ((kind & 0x1c) == 0x10)
		pa = PGALLOC_PA_LIMIT + pa;             /* entirely above 2^48 */

	logf_("reserve(%#llx, %#llx)\n", (ull)pa, (ull)size);
	if (size == 0 || size - 1 > UINT64_MAX - pa) {
		want = PGALLOC_ERANGE;
	} else if (pa < PGALLOC_PA_LIMIT) {
		uint64_t end = pa + (size - 1) < PGALLOC_PA_LIMIT ? pa + (size - 1) : PGALLOC_PA_LIMIT - 1;

		M.res[M.nr_res].phys_start = pa & ~(K4 - 1);
		M.res[M.nr_res].phys_end = (end | (K4 - 1)) + 1;
		M.nr_res++;
		if (union_pieces() > PGALLOC_MAX_RESERVED) {
			want = PGALLOC_EFULL;
			M.nr_res--;
		}
	}
	memcpy(&saved, &ctx, sizeof(ctx));
	rc = pgalloc_reserve(&ctx, pa, size);
	check_rc("reserve", rc, want);
	if (rc && memcmp(&saved, &ctx, sizeof(ctx)))
		die("a refused reserve changed the context");
}

/* ---- checks ---------------------------------------------------------- */

struct blk {
	uint64_t pa;
	unsigned order;
};

static struct blk got[MAX_PAGES], want_blocks[MAX_PAGES], initial[MAX_PAGES];
static unsigned nr_got, nr_initial;

static NOCOV void collect(uint64_t pa, unsigned order, unsigned bank, void *cookie)
{
	(void)bank;
	(void)cookie;
	if (nr_got >= MAX_PAGES)
		die("more free blocks than pages");
	got[nr_got].pa = pa;
	got[nr_got].order = order;
	nr_got++;
}

static int cmp_blk(const void *a, const void *b)
{
	const struct blk *x = a, *y = b;

	return x->pa < y->pa ? -1 : x->pa > y->pa;
}

/* The canonical decomposition of the model's free pages, by PA. */
static NOCOV unsigned canonical(struct blk *out, uint64_t *nr_free)
{
	unsigned i, n = 0, k;

	for (k = 0; k <= MAXO; k++)
		nr_free[k] = 0;
	for (i = 0; i < M.nr_banks; i++) {
		const struct mbank *b = &M.bank[i];
		uint64_t p, run = 0;

		for (p = b->pages; p-- > 0;) {
			run = M.page[b->first + p] == M_FREE ? run + 1 : 0;
			M.runlen[b->first + p] = (uint32_t)(run > (1ULL << MAXO) ? 1ULL << MAXO : run);
		}
		for (p = 0; p < b->pages;) {
			uint64_t pfn = (b->base >> PAGE_SHIFT) + p, r = M.runlen[b->first + p];

			if (!r) {
				p++;
				continue;
			}
			for (k = MAXO; (pfn & ((1ULL << k) - 1)) || (1ULL << k) > r; k--)
				;
			out[n].pa = pfn << PAGE_SHIFT;
			out[n].order = k;
			n++;
			nr_free[k]++;
			p += 1ULL << k;
		}
	}
	return n;
}

static NOCOV void check_shape(const char *when)
{
	uint64_t nr_free[PGALLOC_NR_ORDERS];
	struct pgalloc_stats s;
	unsigned n, i, k;
	int rc;

	touch_mode = T_OPS;
	nr_got = 0;
	check_rc("for_each_free", pgalloc_for_each_free(&ctx, collect, NULL), PGALLOC_OK);
	qsort(got, nr_got, sizeof(got[0]), cmp_blk);
	n = canonical(want_blocks, nr_free);
	for (i = 0; i < n && i < nr_got; i++)
		if (got[i].pa != want_blocks[i].pa || got[i].order != want_blocks[i].order)
			die("%s: free block %u is %#llx order %u, the model's %#llx order %u", when, i,
			    (ull)got[i].pa, got[i].order, (ull)want_blocks[i].pa, want_blocks[i].order);
	if (n != nr_got)
		die("%s: %u free blocks, the model has %u", when, nr_got, n);
	check_rc("stats", pgalloc_stats(&ctx, PGALLOC_ALL_BANKS, &s), PGALLOC_OK);
	for (k = 0; k <= MAXO; k++)
		if (s.nr_free[k] != nr_free[k])
			die("%s: %llu free blocks of order %u, the model has %llu", when,
			    (ull)s.nr_free[k], k, (ull)nr_free[k]);
	rc = pgalloc_check(&ctx);
	if (rc)
		die("%s: pgalloc_check: %s", when, pgalloc_strerror(rc));
}

/* Free and allocated pages per bank, and the sums. */
static NOCOV void check_counts(void)
{
	struct pgalloc_stats s;
	uint64_t free_all = 0, alloc_all = 0;
	unsigned i, j;

	for (i = 0; i < M.nr_banks; i++) {
		uint64_t alloc = 0;

		for (j = 0; j < M.nr_live; j++)
			if (model_bank(M.live[j].pa) == &M.bank[i])
				alloc += 1ULL << M.live[j].order;
		check_rc("stats", pgalloc_stats(&ctx, i, &s), PGALLOC_OK);
		if (s.free_pages != M.bank[i].free_pages || s.allocated_pages != alloc ||
		    s.total_pages != M.bank[i].pages ||
		    s.free_pages + s.allocated_pages + s.reserved_pages + s.meta_pages +
		    s.unusable_pages != s.total_pages)
			die("bank %u: stats free %llu alloc %llu total %llu, the model's %llu %llu %llu",
			    i, (ull)s.free_pages, (ull)s.allocated_pages, (ull)s.total_pages,
			    (ull)M.bank[i].free_pages, (ull)alloc, (ull)M.bank[i].pages);
		free_all += s.free_pages;
		alloc_all += alloc;
	}
	check_rc("stats", pgalloc_stats(&ctx, PGALLOC_ALL_BANKS, &s), PGALLOC_OK);
	if (s.free_pages != free_all || s.allocated_pages != alloc_all || s.total_pages != M.total_pages)
		die("stats over all banks do not add up");
	if (mem.errors)
		die("the allocator touched %#llx, which it must not (%llu times)",
		    (ull)mem.first_error_pa, (ull)mem.errors);
}

/* After finalize: the model's pages, the metadata placement. */
static NOCOV void model_finalize(void)
{
	unsigned i;
	uint64_t p;

	M.total_pages = 0;
	for (i = 0; i < M.nr_banks; i++) {
		struct mbank *b = &M.bank[i];
		uint64_t need = (b->pages + 4095) / 4096, best = 0, free_pages = 0, run = 0;
		struct pgalloc_stats s;

		b->first = M.total_pages;
		M.total_pages += b->pages;
		for (p = 0; p < b->pages; p++) {
			bool r = in_res(b->base + p * K4);

			M.page[b->first + p] = r ? M_RES : M_FREE;
			M.head_order[b->first + p] = 0;
			free_pages += !r;
			run = r ? 0 : run + 1;
			/* The top of a stretch that holds the metadata (the last
			 * such stretch wins: its end is the highest). */
			if (run >= need && (p + 1 == b->pages || in_res(b->base + (p + 1) * K4)))
				best = b->base + (p + 1 - need) * K4;
		}
		check_rc("stats", pgalloc_stats(&ctx, i, &s), PGALLOC_OK);
		if (s.base_pa != b->base || s.total_pages != b->pages)
			die("bank %u: stats say %#llx, %llu pages; the model %#llx, %llu", i,
			    (ull)s.base_pa, (ull)s.total_pages, (ull)b->base, (ull)b->pages);
		if (s.meta_pa != best || s.meta_pages != (best ? need : 0))
			die("bank %u: metadata at %#llx (%llu pages), the model expects %#llx (%llu)", i,
			    (ull)s.meta_pa, (ull)s.meta_pages, (ull)best, (ull)need);
		if (s.reserved_pages != b->pages - free_pages ||
		    s.unusable_pages != (best ? 0 : free_pages))
			die("bank %u: %llu reserved, %llu unusable pages", i, (ull)s.reserved_pages,
			    (ull)s.unusable_pages);
		b->meta_pa = s.meta_pa;
		b->meta_pages = s.meta_pages;
		for (p = 0; p < b->pages; p++) {
			uint64_t pa = b->base + p * K4;

			if (M.page[b->first + p] != M_FREE)
				continue;
			if (!best)
				M.page[b->first + p] = M_UNUSABLE;
			else if (pa >= best && pa < best + need * K4)
				M.page[b->first + p] = M_META;
		}
		b->free_pages = best ? free_pages - need : 0;
	}
}

/* ---- operations ------------------------------------------------------ */

static NOCOV bool model_has_run(unsigned order)
{
	unsigned i;

	for (i = 0; i < M.nr_banks; i++) {
		const struct mbank *b = &M.bank[i];
		uint64_t size = 1ULL << order, pfn0 = b->base >> PAGE_SHIFT, p, q;

		for (p = (size - (pfn0 & (size - 1))) & (size - 1); p + size <= b->pages; p += size) {
			for (q = 0; q < size && M.page[b->first + p + q] == M_FREE; q++)
				;
			if (q == size)
				return true;
		}
	}
	return false;
}

static uint64_t tag_seq;

/* Model pages [i, i + n) := to; the index of the first that was not
 * `from`, or n. (A big bank's blocks are 2^18 pages: no coverage here.) */
static NOCOV uint64_t model_mark(uint64_t i, uint64_t n, uint8_t from, uint8_t to)
{
	uint64_t q, bad = n;

	for (q = 0; q < n; q++) {
		if (M.page[i + q] != from && bad == n)
			bad = q;
		M.page[i + q] = to;
	}
	return bad;
}

static void op_alloc(unsigned order)
{
	uint64_t pa, size, q;
	struct mbank *b;
	struct live *l;

	logf_("alloc(%u)", order);
	touch_mode = T_OPS;
	memcpy(&saved, &ctx, sizeof(ctx));
	pa = pgalloc_alloc(&ctx, order);
	logf_(" = %#llx\n", (ull)pa);
	if (!pa) {
		if (memcmp(&saved, &ctx, sizeof(ctx)))
			die("a failed alloc changed the context");
		if (order <= MAXO && model_has_run(order))
			die("alloc(%u) failed, but the model has a free aligned run", order);
		return;
	}
	if (order > MAXO)
		die("alloc of order %u > MAX_ORDER succeeded", order);
	size = K4 << order;
	b = model_bank(pa);
	if ((pa & (size - 1)) || !b || pa - b->base + size > b->pages * K4)
		die("alloc(%u) = %#llx: not aligned or not inside one bank", order, (ull)pa);
	q = model_mark(page_idx(b, pa), 1ULL << order, M_FREE, M_ALLOC);
	if (q != 1ULL << order)
		die("alloc(%u) = %#llx: page %#llx is not free in the model", order, (ull)pa,
		    (ull)(pa + q * K4));
	b->free_pages -= 1ULL << order;
	M.head_order[page_idx(b, pa)] = (uint8_t)(order + 1);
	M.live_idx[page_idx(b, pa)] = M.nr_live;
	l = &M.live[M.nr_live++];
	l->pa = pa;
	l->order = order;
	l->tag = 0x5a5a000000000000ULL ^ ++tag_seq;
	*word(pa) = l->tag;
	*word(pa + size - 8) = ~l->tag;
}

/* The return code pgalloc_free must give for (pa, order). */
static NOCOV int expected_free(uint64_t pa, unsigned order)
{
	const struct mbank *b;
	uint64_t i;

	if (order > MAXO)
		return PGALLOC_ERANGE;
	if (pa & ((K4 << order) - 1))
		return PGALLOC_EALIGN;
	b = model_bank(pa);
	if (!b)
		return PGALLOC_ENOTRAM;
	i = page_idx(b, pa);
	switch (M.page[i]) {
	case M_RES:
	case M_META:
		return PGALLOC_ERESERVED;
	case M_UNUSABLE:
		return PGALLOC_ENOTALLOC;
	case M_FREE:
		return PGALLOC_EDOUBLE;
	default:
		if (!M.head_order[i])
			return PGALLOC_ENOTALLOC;
		return M.head_order[i] == order + 1 ? PGALLOC_OK : PGALLOC_EORDER;
	}
}

static NOCOV uint64_t meta_digest(void)
{
	uint64_t sum = 0;
	unsigned i;

	for (i = 0; i < M.nr_banks; i++)
		sum += pf_digest_range(&mem, M.bank[i].meta_pa, M.bank[i].meta_pages * K4);
	return sum;
}

static void op_free(uint64_t pa, unsigned order)
{
	int want = expected_free(pa, order), rc;
	uint64_t digest = 0;

	logf_("free(%#llx, %u) want %d\n", (ull)pa, order, want);
	if (want == PGALLOC_OK) {
		struct mbank *b = model_bank(pa);
		uint64_t size = K4 << order, i = page_idx(b, pa);
		struct live *l = &M.live[M.live_idx[i]];

		if (*word(pa) != l->tag || *word(pa + size - 8) != ~l->tag)
			die("the contents of the allocated block %#llx changed", (ull)pa);
		touch_mode = T_FREEING;
		freeing_pa = pa;
		freeing_end = pa + size;
		rc = pgalloc_free(&ctx, pa, order);
		touch_mode = T_OPS;
		check_rc("free", rc, want);
		model_mark(i, 1ULL << order, M_ALLOC, M_FREE);
		b->free_pages += 1ULL << order;
		M.head_order[i] = 0;
		/* The last live block takes this one's place. */
		*l = M.live[--M.nr_live];
		if (l != &M.live[M.nr_live])
			M.live_idx[page_idx(model_bank(l->pa), l->pa)] = (uint32_t)(l - M.live);
		return;
	}
	/* A refusal reads the state bytes and nothing else, and writes none. */
	touch_mode = T_REFUSAL;
	memcpy(&saved, &ctx, sizeof(ctx));
	digest = meta_digest();
	rc = pgalloc_free(&ctx, pa, order);
	touch_mode = T_OPS;
	check_rc("free", rc, want);
	if (memcmp(&saved, &ctx, sizeof(ctx)))
		die("a refused free changed the context");
	if (digest != meta_digest())
		die("a refused free changed the state bytes");
}

/* A PA for a free that is (mostly) wrong. */
static uint64_t gen_free_target(struct input *in, unsigned kind, unsigned *order)
{
	unsigned sel = get8(in);
	const struct live *l = M.nr_live ? &M.live[sel % M.nr_live] : NULL;
	const struct mbank *b = M.nr_banks ? &M.bank[sel % M.nr_banks] : NULL;

	*order = get8(in) % (MAXO + 2);
	switch (kind % 6) {
	case 0:                      /* a live block, maybe of the wrong order */
		if (l) {
			if (!(sel & 0x80))
				*order = l->order;
			return l->pa;
		}
		break;
	case 1:                      /* inside a live block */
		if (l)
			return l->pa + (get16(in) % (1u << l->order)) * K4;
		break;
	case 2:                      /* a page of a bank: free, reserved, metadata... */
		if (b)
			return b->base + (get16(in) % b->pages) * K4;
		break;
	case 3:                      /* the metadata */
		if (b && b->meta_pa)
			return b->meta_pa + (get8(in) % b->meta_pages) * K4;
		break;
	case 4:                      /* misaligned */
		if (l)
			return l->pa + 8 * (1 + get8(in));
		break;
	}
	return gen_pa(in);           /* anywhere, often outside every bank */
}

/* ---- the run ---------------------------------------------------------- */

static void free_everything(void)
{
	while (M.nr_live)
		op_free(M.live[M.nr_live - 1].pa, M.live[M.nr_live - 1].order);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size, 0 };
	unsigned n, i, every;
	uint64_t initial_free;
	struct pgalloc_stats s;

	static bool once;
	if (!once) {
		once = true;
		trace = getenv("FUZZ_PGALLOC_TRACE") != NULL;
		pf_init(&mem);
		pf_garbage(&mem);
		mem.may_touch = may_touch;
	}
	pf_clear(&mem);
	mem.nr_allowed = 0;
	memset(&M, 0, offsetof(struct model, page));
	M.have_big = false;
	oplog_reset();
	tag_seq = 0;

	touch_mode = T_SETUP;
	check_rc("init", pgalloc_init(&ctx, pf_phys_to_ptr, &mem), PGALLOC_OK);
	M.res[0] = (struct phys_range){ 0, K4, NULL };
	M.nr_res = 1;
	n = 1 + get8(&in) % MAX_SETUP;
	for (i = 0; i < n; i++) {
		unsigned kind = get8(&in);

		if (kind < 0x70)
			setup_add(&in);
		else if (kind < 0xf8)
			setup_reserve(&in);
		else {                   /* before finalize */
			logf_("early alloc/free\n");
			if (pgalloc_alloc(&ctx, 0) != 0)
				die("alloc before finalize succeeded");
			check_rc("free", pgalloc_free(&ctx, 1ULL << 30, 0), PGALLOC_ESTATE);
			check_rc("stats", pgalloc_stats(&ctx, PGALLOC_ALL_BANKS, &s), PGALLOC_ESTATE);
		}
	}
	if (mem.touches)
		die("setup touched memory");
	logf_("finalize\n");
	touch_mode = T_FINALIZE;
	check_rc("finalize", pgalloc_finalize(&ctx), PGALLOC_OK);
	touch_mode = T_OPS;
	model_finalize();
	check_counts();
	check_shape("after finalize");
	nr_initial = nr_got;
	memcpy(initial, got, nr_got * sizeof(got[0]));
	check_rc("stats", pgalloc_stats(&ctx, PGALLOC_ALL_BANKS, &s), PGALLOC_OK);
	initial_free = s.free_pages;

	/* The full check costs O(pages): run it about once per 1024 pages. */
	every = 1 + (unsigned)(M.total_pages / 1024);
	for (i = 0; i < MAX_OPS && more(&in); i++) {
		unsigned kind = get8(&in), order;
		uint64_t pa;

		if (kind < 0x60) {
			order = kind & 0x0f;
			if (order > MAXO + 1)
				order &= 3;
			else if (MAXO > 13 && order >= 12 && (kind & 0x10))
				order += MAXO - 2 - 12;         /* MAXO - 2 .. MAXO + 1 */
			op_alloc(order);
		} else if (kind < 0xa0) {
			if (M.nr_live) {
				const struct live *l = &M.live[get8(&in) % M.nr_live];

				op_free(l->pa, l->order);
			}
		} else if (kind < 0xfc) {
			pa = gen_free_target(&in, kind, &order);
			op_free(pa, order);
		} else {
			logf_("add/reserve/finalize after finalize\n");
			memcpy(&saved, &ctx, sizeof(ctx));
			check_rc("add_range", pgalloc_add_range(&ctx, 8ULL << 30, K4), PGALLOC_ESTATE);
			check_rc("reserve", pgalloc_reserve(&ctx, 1ULL << 30, K4), PGALLOC_ESTATE);
			check_rc("finalize", pgalloc_finalize(&ctx), PGALLOC_ESTATE);
			if (memcmp(&saved, &ctx, sizeof(ctx)))
				die("a refused call after finalize changed the context");
		}
		check_counts();
		if (i % every == every - 1)
			check_shape("after an operation");
	}
	check_shape("after the operations");
	free_everything();
	check_counts();
	check_shape("after freeing everything");
	check_rc("stats", pgalloc_stats(&ctx, PGALLOC_ALL_BANKS, &s), PGALLOC_OK);
	if (s.free_pages != initial_free || s.allocated_pages)
		die("leak: %llu free pages at the end, %llu at the start", (ull)s.free_pages,
		    (ull)initial_free);
	if (nr_got != nr_initial || memcmp(got, initial, nr_got * sizeof(got[0])))
		die("the free blocks at the end differ from those at the start");
	if (trace)
		fputs(oplog, stderr);
	return 0;
}
