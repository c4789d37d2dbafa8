/*
 * test_xlat.c - host unit tests of mmu/xlat.c against the contract of
 * mmu/xlat.h.
 *
 * Owns: xlat_init's argument checks; the leaf sizes xlat_map picks (1 GiB,
 * 2 MiB, 4 KiB by the alignment of VA, PA and size, and the minimal mix
 * for odd ranges); every error code and that a refused call leaves the
 * tables byte-identical; splitting 2 MiB and 1 GiB blocks on unmap and
 * protect; giving back every table page; the top of the TTBR1 range;
 * the statistics (exact counts for small known maps, none for refused
 * calls); refills (xlat_set_refill): tables beyond the pool from an
 * arena, each refill given back whole once empty (and only at the end of
 * the call that emptied it), a refused call keeping none, the largest
 * order the arena has; xlat_attrs_wx, xlat_strerror and xlat_errname.
 * Every call goes through xlat_fake.c, which also checks break-before-make
 * (a tlb_flush while the old entry is invalid), the state at every barrier,
 * and the structure of the tables after every call.
 */
#include "unit.h"
#include "xlat_fake.h"

typedef unsigned long long ull;

#define G  XF_1G
#define M2 XF_2M
#define K4 XF_4K

static const struct pte_attrs RW_NX  = { .attrindx = 4, .sh = 3, .af = true, .pxn = true, .uxn = true };
static const struct pte_attrs RO_X   = { .attrindx = 4, .sh = 3, .af = true, .rdonly = true, .uxn = true };
static const struct pte_attrs RO_NX  = { .attrindx = 4, .sh = 3, .af = true, .rdonly = true,
					 .pxn = true, .uxn = true };
static const struct pte_attrs DEV    = { .attrindx = 0, .sh = 0, .af = true, .pxn = true, .uxn = true };
static const struct pte_attrs USR_RW = { .attrindx = 4, .sh = 3, .af = true, .user = true, .ng = true,
					 .pxn = true, .uxn = true };

/* ---- environment ----------------------------------------------------- */

struct holder {
	struct xf_env e;
	bool open;
};

static int setup(void **state)
{
	struct holder *h = calloc(1, sizeof(*h));

	*state = h;
	return h ? 0 : -1;
}

static int teardown(void **state)
{
	struct holder *h = *state;

	if (h->open)
		xf_teardown(&h->e);
	free(h);
	return 0;
}

static struct xf_env *env_open_pa(void **state, uint64_t va_base, unsigned pa_bits, unsigned pool)
{
	struct holder *h = *state;
	int rc;

	assert_false(h->open);
	rc = xf_setup(&h->e, va_base, pa_bits, pool);
	h->open = true;
	if (rc != XLAT_OK)
		fail_msg("xlat_init(va_base 0x%llx, pa_bits %u, %u pool pages) = %d",
			 (ull)va_base, pa_bits, pool, rc);
	return &h->e;
}

static struct xf_env *env_open_refill(void **state, unsigned pool, unsigned arena,
				      unsigned order, bool any)
{
	struct holder *h = *state;
	int rc;

	assert_false(h->open);
	rc = xf_setup_refill(&h->e, 0, 40, pool, arena, order, any);
	h->open = true;
	if (rc != XLAT_OK)
		fail_msg("xlat_init with refills = %d", rc);
	return &h->e;
}

static struct xf_env *env_open(void **state, uint64_t va_base, unsigned pool)
{
	return env_open_pa(state, va_base, 40, pool);
}

#define CHECK_ENV(e) do { \
		if ((e)->nerr) \
			fail_msg("%s", (e)->err); \
	} while (0)

/* Each call checked by xlat_fake.c, whose first complaint fails the test. */
#define MAP(va, pa, sz, a)   ({ int r_ = xf_map(e, (va), (pa), (sz), (a)); CHECK_ENV(e); r_; })
#define UNMAP(va, sz)        ({ int r_ = xf_unmap(e, (va), (sz)); CHECK_ENV(e); r_; })
#define PROTECT(va, sz, a)   ({ int r_ = xf_protect(e, (va), (sz), (a)); CHECK_ENV(e); r_; })

#define EXPECT_RC(call, want) do { \
		int got_ = (call); \
		if (got_ != (want)) \
			fail_msg("%s = %d (%s), expected %d (%s)", #call, got_, \
				 xlat_strerror(got_), (want), xlat_strerror(want)); \
	} while (0)

static uint64_t lsize(int level)
{
	return 1ULL << (39 - 9 * level);
}

static bool attrs_eq(const struct pte_attrs *a, const struct pte_attrs *b)
{
	return a->attrindx == b->attrindx && a->sh == b->sh && a->rdonly == b->rdonly &&
	       a->user == b->user && a->af == b->af && a->ng == b->ng &&
	       a->pxn == b->pxn && a->uxn == b->uxn;
}

/* va translates to pa through a level-`level` leaf with attrs a, by
 * xlat_query, by the fake's own walk (and its descriptor bits) and by
 * sw_walk. */
static void expect_mapped(struct xf_env *e, uint64_t va, uint64_t pa, int level,
			  const struct pte_attrs *a)
{
	struct xlat_mapping m;
	struct walk_ctx w = xf_walk_ctx(e);
	struct walk_result r;
	uint64_t tpa = 0, desc = 0, want_desc;
	int tlevel = 0, rc, t;

	memset(&m, 0x5a, sizeof(m));
	rc = xlat_query(&e->ctx, va, &m);
	if (rc != XLAT_OK)
		fail_msg("xlat_query(0x%llx) = %d, expected mapped to 0x%llx", (ull)va, rc, (ull)pa);
	if (m.pa != pa || m.level != level || !attrs_eq(&m.attrs, a))
		fail_msg("xlat_query(0x%llx): pa 0x%llx level %d, expected pa 0x%llx level %d%s",
			 (ull)va, (ull)m.pa, m.level, (ull)pa, level,
			 attrs_eq(&m.attrs, a) ? "" : " (and other attributes)");
	t = xf_translate(e, va, &tpa, &tlevel, &desc);
	CHECK_ENV(e);
	want_desc = xf_leaf_desc(pa & ~(lsize(level) - 1) & ((1ULL << XF_OA_MAX) - 1), level, a);
	if (t != 1 || tpa != pa || tlevel != level || desc != want_desc)
		fail_msg("VA 0x%llx walks (%d) to pa 0x%llx level %d desc 0x%llx, expected pa 0x%llx "
			 "level %d desc 0x%llx", (ull)va, t, (ull)tpa, tlevel, (ull)desc, (ull)pa,
			 level, (ull)want_desc);
	sw_walk(&w, va, &r);
	assert_int_equal(r.status, WALK_MAPPED);
	assert_int_equal(r.pa, pa);
	assert_int_equal(r.leaf_level, level);
	assert_true(attrs_eq(&r.attrs, a));
}

static void expect_unmapped(struct xf_env *e, uint64_t va)
{
	struct xlat_mapping m;
	struct walk_ctx w = xf_walk_ctx(e);
	struct walk_result r;
	uint64_t tpa, desc;
	int tlevel, rc;

	rc = xlat_query(&e->ctx, va, &m);
	if (rc != XLAT_ENOTMAPPED)
		fail_msg("xlat_query(0x%llx) = %d (pa 0x%llx), expected XLAT_ENOTMAPPED", (ull)va,
			 rc, rc ? 0ULL : (ull)m.pa);
	assert_int_equal(xf_translate(e, va, &tpa, &tlevel, &desc), 0);
	CHECK_ENV(e);
	sw_walk(&w, va, &r);
	assert_int_equal(r.status, WALK_INVALID_DESC);
}

/* Every page of [va, va + size) maps linearly to pa with attrs a, through
 * leaves of the given level. */
static void expect_range(struct xf_env *e, uint64_t va, uint64_t pa, uint64_t size, int level,
			 const struct pte_attrs *a)
{
	for (uint64_t off = 0; off < size; off += K4)
		expect_mapped(e, va + off, pa + off, level, a);
}

/* Number of leaves in [va, va + size) (offsets from va_base). */
static size_t leaves_in(struct xf_env *e, uint64_t va, uint64_t size, int level)
{
	struct xf_leaf *l;
	size_t n = xf_leaves(e, &l), c = 0;
	uint64_t lo = va - e->va_base, hi = lo + size;

	for (size_t i = 0; i < n; i++)
		if (l[i].off >= lo && l[i].off < hi && (level == 0 || l[i].level == level))
			c++;
	free(l);
	return c;
}

static uint64_t *table_of(struct xf_env *e, uint64_t va, int level)
{
	uint64_t *ent = xf_entry(e, va, level - 1);

	assert_non_null(ent);
	assert_int_equal(*ent & 3, 3);
	return xf_page(e, XF_OA(*ent));
}

/* ---- xlat_init -------------------------------------------------------- */

static uint64_t scratch[512] __attribute__((aligned(4096)));

static uint64_t *scratch_ptr(uint64_t pa, void *cookie)
{
	(void)pa;
	(void)cookie;
	return scratch;
}

static void nop_flush(uint64_t va, uint64_t size, void *cookie)
{
	(void)va; (void)size; (void)cookie;
}

static void nop_publish(void *cookie)
{
	(void)cookie;
}

static int init(uint64_t va_base, uint64_t root, unsigned pa_bits, uint64_t pool, unsigned pages)
{
	struct xlat_ctx c;

	memset(scratch, 0, sizeof(scratch));
	return xlat_init(&c, va_base, root, pa_bits, pool, pages, scratch_ptr, nop_flush,
			 nop_publish, NULL);
}

static void test_init_args(void **state)
{
	const uint64_t R = XF_ROOT_PA, P = XF_POOL_PA, T40 = 1ULL << 40;
	struct xlat_ctx c;
	int rc;

	(void)state;
	EXPECT_RC(init(0, R, 40, P, 16), XLAT_OK);
	EXPECT_RC(init(XF_TTBR1_BASE, R, 40, P, 16), XLAT_OK);
	EXPECT_RC(init(0, R, 40, P, XLAT_POOL_MAX_PAGES), XLAT_OK);
	EXPECT_RC(init(0, R, 40, T40 - 2 * K4, 2), XLAT_OK);        /* pool ends at 2^40 */
	EXPECT_RC(init(0, T40 - K4, 40, P, 2), XLAT_OK);             /* root is the last page */

	/* A fresh context: every pool page free, none in use. */
	memset(&c, 0xff, sizeof(c));
	EXPECT_RC(xlat_init(&c, 0, R, 40, P, 16, scratch_ptr, nop_flush, nop_publish, NULL),
		  XLAT_OK);
	assert_int_equal(xlat_pages_used(&c), 0);
	for (unsigned i = 0; i < 16; i++)
		assert_int_equal(c.pool_used[i], 0);

	/* va_base: 0 or VA_START only. */
	EXPECT_RC(init(1ULL << 39, R, 40, P, 16), XLAT_ERANGE);
	EXPECT_RC(init(G, R, 40, P, 16), XLAT_ERANGE);
	EXPECT_RC(init(0xffffffc000000000ULL, R, 40, P, 16), XLAT_ERANGE);
	EXPECT_RC(init(0x8000000000000000ULL, R, 40, P, 16), XLAT_ERANGE);
	rc = init(0x1000, R, 40, P, 16);                 /* both words fit */
	assert_true(rc == XLAT_ERANGE || rc == XLAT_EALIGN);

	/* Alignment of root and pool. */
	EXPECT_RC(init(0, R + 8, 40, P, 16), XLAT_EALIGN);
	EXPECT_RC(init(0, R + 0x800, 40, P, 16), XLAT_EALIGN);
	EXPECT_RC(init(0, R, 40, P + 0x800, 16), XLAT_EALIGN);
	EXPECT_RC(init(XF_TTBR1_BASE, R, 40, P + 8, 16), XLAT_EALIGN);

	EXPECT_RC(init(0, R, 40, P, XLAT_POOL_MAX_PAGES + 1), XLAT_ERANGE);

	/* pa_bits 32..52 (ID_AA64MMFR0_EL1.PARange), callbacks all present. */
	EXPECT_RC(init(0, 0x80000000ULL, 32, 0x80001000ULL, 4), XLAT_OK);
	EXPECT_RC(init(0, R, 52, P, 16), XLAT_OK);
	EXPECT_RC(init(0, 0x80000000ULL, 31, 0x80001000ULL, 4), XLAT_ERANGE);
	EXPECT_RC(init(0, R, 53, P, 16), XLAT_ERANGE);
	EXPECT_RC(init(0, R, 64, P, 16), XLAT_ERANGE);
	EXPECT_RC(init(0, R, 0, P, 16), XLAT_ERANGE);
	EXPECT_RC(xlat_init(&c, 0, R, 40, P, 16, NULL, nop_flush, nop_publish, NULL),
		  XLAT_ERANGE);
	EXPECT_RC(xlat_init(&c, 0, R, 40, P, 16, scratch_ptr, NULL, nop_publish, NULL),
		  XLAT_ERANGE);
	EXPECT_RC(xlat_init(&c, 0, R, 40, P, 16, scratch_ptr, nop_flush, NULL, NULL),
		  XLAT_ERANGE);
}

/* Root and pool must lie inside the CPU's PA size (a table descriptor or
 * TTBR could not reach them otherwise), the pool must not wrap, and the
 * root must not be a pool page. Every case is tried; all misses are listed. */
static void test_init_bad_placement(void **state)
{
	const uint64_t R = XF_ROOT_PA, P = XF_POOL_PA, T40 = 1ULL << 40;
	const struct {
		const char *what;
		uint64_t root, pool;
		unsigned pa_bits, pages;
	} bad[] = {
		{ "pool's last page beyond pa_bits",   R, T40 - K4, 40, 2 },
		{ "pool starts at 2^pa_bits",          R, T40, 40, 1 },
		{ "root at 2^pa_bits",                 T40, P, 40, 16 },
		{ "root and pool above 4 GiB, pa_bits 32", R, P, 32, 16 },
		{ "pool wraps past 2^64",              R, 0xffffffffffffe000ULL, 40, 4 },
		{ "root is pool page 2",               P + 2 * K4, P, 40, 16 },
		{ "root is the pool's first page",     P, P, 40, 1 },
		{ "root is the pool's last page",      P + 15 * K4, P, 40, 16 },
		{ "pool at 2^48 with pa_bits 52",      R, 1ULL << 48, 52, 1 },
		{ "root at 2^48 with pa_bits 52",      1ULL << 48, P, 52, 16 },
	};
	char msg[1024] = "";
	size_t used = 0;

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		int rc = init(0, bad[i].root, bad[i].pa_bits, bad[i].pool, bad[i].pages);

		if (rc == XLAT_OK && used < sizeof(msg))
			used += (size_t)snprintf(msg + used, sizeof(msg) - used,
				"\n  xlat_init(root 0x%llx, pa_bits %u, pool 0x%llx, %u pages) = OK: %s",
				(ull)bad[i].root, bad[i].pa_bits, (ull)bad[i].pool, bad[i].pages,
				bad[i].what);
		else if (rc != XLAT_OK && rc != XLAT_ERANGE && used < sizeof(msg))
			used += (size_t)snprintf(msg + used, sizeof(msg) - used,
				"\n  %s: %d, expected XLAT_ERANGE", bad[i].what, rc);
	}
	if (used)
		fail_msg("bad root or pool accepted:%s", msg);
}

/* Descriptors hold output addresses up to bit 47 (4 KiB granule without
 * FEAT_LPA2): with pa_bits above 48 a PA from 2^48 must be refused rather
 * than cut to its low 48 bits. */
static void test_pa_bits_above_48(void **state)
{
	struct xf_env *e;
	struct holder *h = *state;
	int rc = xf_setup(&h->e, 0, 52, 4);

	h->open = true;
	e = &h->e;
	assert_int_equal(rc, XLAT_OK);
	assert_int_equal(e->ctx.pa_bits, 48);            /* xlat.h: at most 48 */
	rc = xf_map(e, G, 1ULL << 48, G, &RW_NX);
	if (rc == XLAT_OK) {
		struct xlat_mapping m;

		xlat_query(&e->ctx, G, &m);
		fail_msg("pa_bits 52: map(VA 0x%llx -> PA 0x%llx) = OK, but VA 0x%llx now "
			 "translates to PA 0x%llx (descriptor 0x%llx)", (ull)G, 1ULL << 48,
			 (ull)G, (ull)m.pa, (ull)e->mem[0][1]);
	}
	assert_int_equal(rc, XLAT_ERANGE);
	EXPECT_RC(MAP(G, (1ULL << 48) - G, 2 * G, &RW_NX), XLAT_ERANGE);
	EXPECT_RC(MAP(G, (1ULL << 48) - G, G, &RW_NX), XLAT_OK);
	expect_mapped(e, 2 * G - 1, (1ULL << 48) - 1, 1, &RW_NX);
	CHECK_ENV(e);
}

static void test_init_keeps_existing_root(void **state)
{
	struct xf_env *e = env_open(state, 0, 4);
	uint64_t before[512];

	/* A 1 GiB block already in the root (as the early map leaves them). */
	e->mem[0][5] = xf_leaf_desc(7 * G, 1, &RO_X);
	memcpy(before, e->mem[0], sizeof(before));
	EXPECT_RC(xlat_init(&e->ctx, 0, XF_ROOT_PA, 40, XF_POOL_PA, 4, xf_table_ptr,
			    xf_tlb_flush, xf_publish, e), XLAT_OK);
	assert_memory_equal(before, e->mem[0], sizeof(before));
	CHECK_ENV(e);
	expect_mapped(e, 5 * G + 0x123456, 7 * G + 0x123456, 1, &RO_X);
	EXPECT_RC(MAP(5 * G + 3 * M2, 0, K4, &RW_NX), XLAT_EOVERLAP);

	/* It splits like any block. */
	EXPECT_RC(UNMAP(5 * G + 2 * M2, M2), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 1);
	expect_unmapped(e, 5 * G + 2 * M2 + 0x5000);
	expect_mapped(e, 5 * G + 3 * M2, 7 * G + 3 * M2, 2, &RO_X);
	expect_mapped(e, 5 * G + M2 - 1, 7 * G + M2 - 1, 2, &RO_X);
}

/* ---- map: leaf sizes --------------------------------------------------- */

static void test_map_leaf_levels(void **state)
{
	struct xf_env *e = env_open(state, 0, 16);
	uint64_t *l2, *l3;

	/* VA, PA and size 1 GiB aligned: one level-1 block, no table page. */
	EXPECT_RC(MAP(1 * G, 4 * G, G, &RW_NX), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 0);
	assert_int_equal(e->mem[0][1], xf_leaf_desc(4 * G, 1, &RW_NX));
	expect_mapped(e, 1 * G, 4 * G, 1, &RW_NX);
	expect_mapped(e, 1 * G + 0x123456, 4 * G + 0x123456, 1, &RW_NX);
	expect_mapped(e, 2 * G - 1, 5 * G - 1, 1, &RW_NX);
	expect_unmapped(e, 2 * G);
	expect_unmapped(e, 1 * G - 1);

	/* 2 MiB aligned: a level-2 block in a new level-2 table. */
	EXPECT_RC(MAP(2 * G + M2, 8 * G + M2, M2, &RO_X), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 1);
	l2 = table_of(e, 2 * G, 2);
	assert_int_equal(l2[1], xf_leaf_desc(8 * G + M2, 2, &RO_X));
	for (unsigned i = 0; i < 512; i++)
		if (i != 1)
			assert_int_equal(l2[i] & 1, 0);
	expect_mapped(e, 2 * G + M2 + 0x1abcd, 8 * G + M2 + 0x1abcd, 2, &RO_X);
	expect_unmapped(e, 2 * G + 2 * M2);

	/* 4 KiB: a page in a new level-3 table under the same level-2 table. */
	EXPECT_RC(MAP(2 * G + 2 * M2 + K4, 9 * G + K4, K4, &DEV), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 2);
	l3 = table_of(e, 2 * G + 2 * M2, 3);
	assert_int_equal(l3[1], xf_leaf_desc(9 * G + K4, 3, &DEV));
	for (unsigned i = 0; i < 512; i++)
		if (i != 1)
			assert_int_equal(l3[i] & 1, 0);
	expect_mapped(e, 2 * G + 2 * M2 + K4 + 0xfff, 9 * G + K4 + 0xfff, 3, &DEV);
	expect_unmapped(e, 2 * G + 2 * M2);
	expect_unmapped(e, 2 * G + 2 * M2 + 2 * K4);

	/* VA and size 1 GiB aligned, PA only 2 MiB aligned: 512 level-2 blocks. */
	EXPECT_RC(MAP(3 * G, 10 * G + M2, G, &RW_NX), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 3);
	assert_int_equal(leaves_in(e, 3 * G, G, 2), 512);
	assert_int_equal(leaves_in(e, 3 * G, G, 0), 512);
	expect_mapped(e, 3 * G, 10 * G + M2, 2, &RW_NX);
	expect_mapped(e, 4 * G - 1, 11 * G + M2 - 1, 2, &RW_NX);

	/* VA and PA 2 MiB aligned, size 2 MiB + 4 KiB: a block and a page. */
	EXPECT_RC(MAP(4 * G, 12 * G, M2 + K4, &RW_NX), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 5);
	expect_mapped(e, 4 * G, 12 * G, 2, &RW_NX);
	expect_mapped(e, 4 * G + M2, 12 * G + M2, 3, &RW_NX);
	expect_unmapped(e, 4 * G + M2 + K4);
	assert_int_equal(leaves_in(e, 4 * G, G, 0), 2);

	/* VA 2 MiB aligned, PA only 4 KiB aligned: 512 pages. */
	EXPECT_RC(MAP(5 * G, 13 * G + K4, M2, &RW_NX), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 7);
	assert_int_equal(leaves_in(e, 5 * G, G, 3), 512);
	expect_range(e, 5 * G, 13 * G + K4, M2, 3, &RW_NX);

	/* PA 1 GiB aligned, VA only 2 MiB aligned: 2 MiB blocks. */
	EXPECT_RC(MAP(6 * G + M2, 14 * G, 4 * M2, &RW_NX), XLAT_OK);
	assert_int_equal(leaves_in(e, 6 * G, G, 2), 4);
	assert_int_equal(leaves_in(e, 6 * G, G, 0), 4);
}

static void test_map_mixed_alignment(void **state)
{
	struct xf_env *e = env_open(state, 0, 16);
	uint64_t va = 6 * G + M2 - 3 * K4, pa = 20 * G + M2 - 3 * K4;
	uint64_t size = 3 * K4 + M2 + 2 * K4;

	/* 3 pages, one 2 MiB block, 2 pages: an L2 table and two L3 tables. */
	EXPECT_RC(MAP(va, pa, size, &RO_X), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 3);
	assert_int_equal(leaves_in(e, 6 * G, G, 3), 5);
	assert_int_equal(leaves_in(e, 6 * G, G, 2), 1);
	assert_int_equal(leaves_in(e, 6 * G, G, 1), 0);
	expect_range(e, va, pa, 3 * K4, 3, &RO_X);
	expect_mapped(e, 6 * G + M2, 20 * G + M2, 2, &RO_X);
	expect_mapped(e, 6 * G + 2 * M2 - 1, 20 * G + 2 * M2 - 1, 2, &RO_X);
	expect_range(e, 6 * G + 2 * M2, 20 * G + 2 * M2, 2 * K4, 3, &RO_X);
	expect_unmapped(e, va - K4);
	expect_unmapped(e, va + size);

	/* Across a 1 GiB boundary: page, block | block, page; two tables on
	 * each side. */
	va = 8 * G - M2 - K4;
	pa = 30 * G - M2 - K4;
	size = K4 + 2 * M2 + K4;
	EXPECT_RC(MAP(va, pa, size, &RW_NX), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 7);
	expect_mapped(e, va, pa, 3, &RW_NX);
	expect_mapped(e, 8 * G - M2, 30 * G - M2, 2, &RW_NX);
	expect_mapped(e, 8 * G, 30 * G, 2, &RW_NX);
	expect_mapped(e, 8 * G + M2, 30 * G + M2, 3, &RW_NX);
	expect_unmapped(e, 8 * G + M2 + K4);
	assert_int_equal(leaves_in(e, 7 * G, 2 * G, 0), 4);

	/* 1 GiB + 2 MiB + 4 KiB, all congruent: one leaf of each level. */
	EXPECT_RC(MAP(9 * G, 40 * G, G + M2 + K4, &RW_NX), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 9);
	assert_int_equal(leaves_in(e, 9 * G, 2 * G, 0), 3);
	expect_mapped(e, 9 * G, 40 * G, 1, &RW_NX);
	expect_mapped(e, 10 * G, 41 * G, 2, &RW_NX);
	expect_mapped(e, 10 * G + M2, 41 * G + M2, 3, &RW_NX);

	/* PA congruent to VA only modulo 2 MiB inside a 1 GiB-aligned range. */
	EXPECT_RC(MAP(12 * G - M2, 50 * G + M2, G + 2 * M2, &RW_NX), XLAT_OK);
	assert_int_equal(leaves_in(e, 11 * G, 3 * G, 2), 514);
	assert_int_equal(leaves_in(e, 11 * G, 3 * G, 0), 514);
}

/* ---- refused calls --------------------------------------------------- */

static void test_map_overlap_unchanged(void **state)
{
	struct xf_env *e = env_open(state, 0, 16);
	static uint64_t snap[17][512];
	size_t bytes = sizeof(snap);
	uint8_t used[XLAT_POOL_MAX_PAGES];
	unsigned pages;

	EXPECT_RC(MAP(1 * G + M2, 4 * G + M2, M2, &RW_NX), XLAT_OK);
	EXPECT_RC(MAP(2 * G + 5 * K4, 8 * G + 5 * K4, K4, &RW_NX), XLAT_OK);
	EXPECT_RC(MAP(3 * G, 12 * G, G, &RW_NX), XLAT_OK);
	memcpy(snap, e->mem, bytes);
	memcpy(used, e->ctx.pool_used, sizeof(used));
	pages = xlat_pages_used(&e->ctx);

	EXPECT_RC(MAP(1 * G, 4 * G, 2 * M2, &RW_NX), XLAT_EOVERLAP);           /* block at the end */
	EXPECT_RC(MAP(1 * G + M2 + 3 * K4, 0, K4, &RW_NX), XLAT_EOVERLAP);     /* inside a block */
	EXPECT_RC(MAP(1 * G + M2, 4 * G + M2, M2, &RW_NX), XLAT_EOVERLAP);     /* the same again */
	EXPECT_RC(MAP(2 * G, 8 * G, 6 * K4, &RW_NX), XLAT_EOVERLAP);           /* last page */
	EXPECT_RC(MAP(2 * G + 5 * K4, 9 * G, M2, &RW_NX), XLAT_EOVERLAP);      /* first page */
	EXPECT_RC(MAP(1 * G - 2 * K4, 4 * G - 2 * K4, 2 * K4 + 2 * M2, &RW_NX), XLAT_EOVERLAP);
	EXPECT_RC(MAP(1 * G, 4 * G, G, &RW_NX), XLAT_EOVERLAP);                /* table below */
	EXPECT_RC(MAP(3 * G + 7 * M2 + 9 * K4, 0, K4, &RW_NX), XLAT_EOVERLAP); /* 1 GiB block */
	EXPECT_RC(MAP(2 * G + G - K4, 0, 2 * K4, &RW_NX), XLAT_EOVERLAP);      /* into it */
	EXPECT_RC(MAP(0, 0, 4 * G, &RW_NX), XLAT_EOVERLAP);

	assert_memory_equal(snap, e->mem, bytes);
	assert_memory_equal(used, e->ctx.pool_used, sizeof(used));
	assert_int_equal(xlat_pages_used(&e->ctx), pages);
}

static void test_errors(void **state)
{
	struct xf_env *e = env_open_pa(state, 0, 40, 16);
	const uint64_t TOP = 1ULL << 39, PTOP = 1ULL << 40;
	const struct pte_attrs wx_el1 = { .attrindx = 4, .sh = 3, .af = true, .uxn = true };
	const struct pte_attrs wx_el0 = { .attrindx = 4, .sh = 3, .af = true, .user = true,
					  .pxn = true };
	const struct pte_attrs bad_idx = { .attrindx = 8, .sh = 3, .af = true, .pxn = true,
					   .uxn = true };
	const struct pte_attrs bad_sh = { .attrindx = 4, .sh = 1, .af = true, .pxn = true,
					  .uxn = true };
	const struct pte_attrs no_af = { .attrindx = 4, .sh = 3, .pxn = true, .uxn = true };
	static uint64_t snap[17][512];
	size_t bytes = sizeof(snap);

	EXPECT_RC(MAP(1 * G + M2, 4 * G + M2, M2, &RW_NX), XLAT_OK);
	EXPECT_RC(MAP(2 * G + 5 * K4, 8 * G + 5 * K4, K4, &RW_NX), XLAT_OK);
	memcpy(snap, e->mem, bytes);

	/* EALIGN */
	EXPECT_RC(MAP(5 * G + 1, 4 * G, K4, &RW_NX), XLAT_EALIGN);
	EXPECT_RC(MAP(5 * G + 0x800, 4 * G, K4, &RW_NX), XLAT_EALIGN);
	EXPECT_RC(MAP(5 * G, 4 * G + 0x800, K4, &RW_NX), XLAT_EALIGN);
	EXPECT_RC(MAP(5 * G, 4 * G + 8, M2, &RW_NX), XLAT_EALIGN);
	EXPECT_RC(MAP(5 * G, 4 * G, 0x1800, &RW_NX), XLAT_EALIGN);
	EXPECT_RC(MAP(5 * G, 4 * G, 1, &RW_NX), XLAT_EALIGN);
	EXPECT_RC(MAP(5 * G, 4 * G, 0, &RW_NX), XLAT_EALIGN);
	EXPECT_RC(UNMAP(1 * G + M2 + 0x10, K4), XLAT_EALIGN);
	EXPECT_RC(UNMAP(1 * G + M2, K4 + 1), XLAT_EALIGN);
	EXPECT_RC(UNMAP(1 * G + M2, 0), XLAT_EALIGN);
	EXPECT_RC(PROTECT(1 * G + M2 + 0x10, K4, &RO_NX), XLAT_EALIGN);
	EXPECT_RC(PROTECT(1 * G + M2, 0x10, &RO_NX), XLAT_EALIGN);
	EXPECT_RC(PROTECT(1 * G + M2, 0, &RO_NX), XLAT_EALIGN);

	/* ERANGE: beyond the context, wrapping, PA beyond pa_bits. */
	EXPECT_RC(MAP(TOP - K4, 4 * G, 2 * K4, &RW_NX), XLAT_ERANGE);
	EXPECT_RC(MAP(TOP, 4 * G, K4, &RW_NX), XLAT_ERANGE);
	EXPECT_RC(MAP(TOP - G, 4 * G, 2 * G, &RW_NX), XLAT_ERANGE);
	EXPECT_RC(MAP(0xfffffffffffff000ULL, 4 * G, K4, &RW_NX), XLAT_ERANGE);
	EXPECT_RC(MAP(XF_TTBR1_BASE, 4 * G, G, &RW_NX), XLAT_ERANGE);
	EXPECT_RC(MAP(5 * G, 4 * G, 0xfffffffffffff000ULL, &RW_NX), XLAT_ERANGE);  /* wraps */
	EXPECT_RC(MAP(5 * G, 4 * G, -(5 * G) + K4, &RW_NX), XLAT_ERANGE);          /* wraps to 4K */
	EXPECT_RC(MAP(5 * G, PTOP - K4, 2 * K4, &RW_NX), XLAT_ERANGE);
	EXPECT_RC(MAP(5 * G, PTOP, K4, &RW_NX), XLAT_ERANGE);
	EXPECT_RC(MAP(5 * G, 0xfffffffffffff000ULL, 2 * K4, &RW_NX), XLAT_ERANGE);   /* PA wraps */
	EXPECT_RC(MAP(5 * G, 1ULL << 48, G, &RW_NX), XLAT_ERANGE);
	EXPECT_RC(UNMAP(TOP - K4, 2 * K4), XLAT_ERANGE);
	EXPECT_RC(UNMAP(TOP, K4), XLAT_ERANGE);
	EXPECT_RC(UNMAP(1 * G + M2, 0xffffffffffe00000ULL), XLAT_ERANGE);
	EXPECT_RC(PROTECT(TOP, K4, &RO_NX), XLAT_ERANGE);
	EXPECT_RC(PROTECT(1 * G + M2, -(1 * G + M2) + M2, &RO_NX), XLAT_ERANGE);
	assert_memory_equal(snap, e->mem, bytes);

	/* The edges themselves are fine. */
	EXPECT_RC(MAP(TOP - K4, PTOP - K4, K4, &RW_NX), XLAT_OK);
	expect_mapped(e, TOP - 1, PTOP - 1, 3, &RW_NX);
	EXPECT_RC(UNMAP(TOP - K4, K4), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 3);   /* the two tables up top went */
	memcpy(snap, e->mem, bytes);

	/* EWX: writable and executable at EL1, or at EL0. */
	EXPECT_RC(MAP(5 * G, 4 * G, K4, &wx_el1), XLAT_EWX);
	EXPECT_RC(MAP(5 * G, 4 * G, G, &wx_el1), XLAT_EWX);
	EXPECT_RC(MAP(5 * G, 4 * G, K4, &wx_el0), XLAT_EWX);
	EXPECT_RC(PROTECT(1 * G + M2, K4, &wx_el1), XLAT_EWX);
	EXPECT_RC(PROTECT(1 * G + M2, M2, &wx_el0), XLAT_EWX);
	EXPECT_RC(PROTECT(2 * G + 5 * K4, K4, &wx_el1), XLAT_EWX);

	/* EATTR: AttrIndx 8, SH 0b01, no access flag. */
	EXPECT_RC(MAP(5 * G, 4 * G, K4, &bad_idx), XLAT_EATTR);
	EXPECT_RC(MAP(5 * G, 4 * G, K4, &bad_sh), XLAT_EATTR);
	EXPECT_RC(MAP(5 * G, 4 * G, K4, &no_af), XLAT_EATTR);
	EXPECT_RC(PROTECT(1 * G + M2 + K4, K4, &bad_idx), XLAT_EATTR);
	EXPECT_RC(PROTECT(1 * G + M2, M2, &bad_sh), XLAT_EATTR);
	EXPECT_RC(PROTECT(2 * G + 5 * K4, K4, &no_af), XLAT_EATTR);
	{
		struct pte_attrs a = RW_NX;

		for (unsigned idx = 8; idx < 256; idx += 31) {
			a.attrindx = (uint8_t)idx;
			EXPECT_RC(MAP(5 * G, 4 * G, K4, &a), XLAT_EATTR);
		}
	}

	/* ENOTMAPPED: a hole anywhere in the range, nothing done. */
	EXPECT_RC(UNMAP(5 * G, K4), XLAT_ENOTMAPPED);
	EXPECT_RC(UNMAP(1 * G + M2, M2 + K4), XLAT_ENOTMAPPED);           /* hole at the end */
	EXPECT_RC(UNMAP(1 * G + M2 - K4, M2), XLAT_ENOTMAPPED);           /* hole at the start */
	EXPECT_RC(UNMAP(2 * G + 4 * K4, 2 * K4), XLAT_ENOTMAPPED);
	EXPECT_RC(UNMAP(2 * G + 5 * K4, 2 * K4), XLAT_ENOTMAPPED);
	EXPECT_RC(UNMAP(1 * G + M2, G), XLAT_ENOTMAPPED);
	EXPECT_RC(PROTECT(5 * G, K4, &RO_NX), XLAT_ENOTMAPPED);
	EXPECT_RC(PROTECT(1 * G + M2 + 3 * K4, M2, &RO_NX), XLAT_ENOTMAPPED);
	EXPECT_RC(PROTECT(2 * G + 5 * K4, 2 * K4, &RO_NX), XLAT_ENOTMAPPED);
	EXPECT_RC(PROTECT(0, G, &RO_NX), XLAT_ENOTMAPPED);
	assert_memory_equal(snap, e->mem, bytes);
	assert_int_equal(xlat_pages_used(&e->ctx), 3);
}

/* SH is two bits: a value above 3 cannot be encoded either. */
static void test_sh_out_of_range(void **state)
{
	struct xf_env *e = env_open(state, 0, 4);
	struct pte_attrs a = RW_NX;

	for (unsigned sh = 4; sh < 256; sh += 63) {
		a.sh = (uint8_t)sh;
		EXPECT_RC(MAP(5 * G, 4 * G, K4, &a), XLAT_EATTR);
	}
	EXPECT_RC(MAP(5 * G, 4 * G, K4, &RW_NX), XLAT_OK);
	a.sh = 7;
	EXPECT_RC(PROTECT(5 * G, K4, &a), XLAT_EATTR);
}

static void test_enomem(void **state)
{
	struct xf_env *e = env_open(state, 0, 1);

	/* A page in an empty GiB needs two tables. */
	EXPECT_RC(MAP(1 * G + K4, 4 * G, K4, &RW_NX), XLAT_ENOMEM);
	assert_int_equal(xlat_pages_used(&e->ctx), 0);
	assert_true(xf_root_zero(e));
	/* A block needs one. */
	EXPECT_RC(MAP(1 * G, 4 * G, M2, &RW_NX), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 1);
	/* Pool empty: no level-3 table for a page, no split, no protect of part. */
	EXPECT_RC(MAP(1 * G + 2 * M2 + K4, 4 * G, K4, &RW_NX), XLAT_ENOMEM);
	EXPECT_RC(UNMAP(1 * G + K4, K4), XLAT_ENOMEM);
	EXPECT_RC(PROTECT(1 * G + K4, K4, &RO_NX), XLAT_ENOMEM);
	EXPECT_RC(MAP(1 * G - K4, 4 * G, K4, &RW_NX), XLAT_ENOMEM);
	expect_mapped(e, 1 * G + K4, 4 * G + K4, 2, &RW_NX);
	/* What needs no table still works: a whole block, a 1 GiB map. */
	EXPECT_RC(PROTECT(1 * G, M2, &RO_NX), XLAT_OK);
	expect_mapped(e, 1 * G + K4, 4 * G + K4, 2, &RO_NX);
	EXPECT_RC(MAP(1 * G + 4 * M2, 4 * G + 4 * M2, 2 * M2, &RW_NX), XLAT_OK);
	EXPECT_RC(MAP(2 * G, 8 * G, G, &RW_NX), XLAT_OK);
	EXPECT_RC(UNMAP(2 * G + M2, M2), XLAT_ENOMEM);
	expect_mapped(e, 2 * G + M2, 8 * G + M2, 1, &RW_NX);
	/* Giving the table back makes room. */
	EXPECT_RC(UNMAP(1 * G, M2), XLAT_OK);
	EXPECT_RC(UNMAP(1 * G + 4 * M2, 2 * M2), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 0);
	assert_int_equal(e->mem[0][1], 0);
	EXPECT_RC(UNMAP(2 * G + M2, M2), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 1);
	expect_unmapped(e, 2 * G + M2);
	expect_mapped(e, 2 * G, 8 * G, 2, &RW_NX);
	/* The 1 GiB block, now a table of blocks, cannot split further. */
	EXPECT_RC(UNMAP(2 * G + K4, K4), XLAT_ENOMEM);
	expect_mapped(e, 2 * G + K4, 8 * G + K4, 2, &RW_NX);
}

static void test_enomem_two_levels(void **state)
{
	struct xf_env *e = env_open(state, 0, 3);

	EXPECT_RC(MAP(3 * G, 8 * G, G, &RW_NX), XLAT_OK);
	EXPECT_RC(MAP(1 * G, 4 * G, M2, &RW_NX), XLAT_OK);
	EXPECT_RC(MAP(1 * G + 2 * M2, 4 * G, K4, &RW_NX), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 2);
	/* Splitting the 1 GiB block down to a page needs two tables, one left. */
	EXPECT_RC(UNMAP(3 * G + 5 * K4, K4), XLAT_ENOMEM);
	EXPECT_RC(PROTECT(3 * G + 5 * K4, K4, &RO_NX), XLAT_ENOMEM);
	/* Two pages across a GiB boundary, each side without tables: four. */
	EXPECT_RC(MAP(6 * G - K4, 4 * G, 2 * K4, &RW_NX), XLAT_ENOMEM);
	/* Splitting it to 2 MiB blocks needs one. */
	EXPECT_RC(PROTECT(3 * G + M2, M2, &RO_NX), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 3);
	expect_mapped(e, 3 * G + M2, 8 * G + M2, 2, &RO_NX);
	expect_mapped(e, 3 * G, 8 * G, 2, &RW_NX);
	expect_mapped(e, 4 * G - 1, 9 * G - 1, 2, &RW_NX);
	EXPECT_RC(UNMAP(3 * G + 5 * K4, K4), XLAT_ENOMEM);
}

/* ---- refills ----------------------------------------------------------- */

static void expect_pool(struct xf_env *e, unsigned pool_used, unsigned segs, unsigned seg_used)
{
	struct xlat_pool_info pi;

	xlat_pool_info(&e->ctx, &pi);
	assert_int_equal(pi.pool_used, pool_used);
	assert_int_equal(pi.segs, segs);
	assert_int_equal(pi.seg_used, seg_used);
	assert_int_equal(xlat_pages_used(&e->ctx), pool_used + seg_used);
}

static void test_refill_beyond_the_pool(void **state)
{
	/* Two pool pages; an arena of 4 blocks of 4 pages (3 tables each). */
	struct xf_env *e = env_open_refill(state, 2, 16, 2, false);
	struct xlat_stats st;

	/* A page in each of 8 2 MiB slots: a level-2 table, 8 level-3 ones. */
	for (unsigned i = 0; i < 8; i++)
		EXPECT_RC(MAP(G + i * M2, 4 * G + i * K4, K4, &RW_NX), XLAT_OK);
	expect_pool(e, 2, 3, 7);
	assert_int_equal(xf_arena_free_blocks(e), 1);
	for (unsigned i = 0; i < 8; i++)
		expect_mapped(e, G + i * M2, 4 * G + i * K4, 3, &RW_NX);
	st = xlat_get_stats(&e->ctx);
	assert_int_equal(st.refills_taken, 3);
	/* Emptied: each refill goes back whole, the pool's pages stay. */
	for (unsigned i = 8; i-- > 0;)
		EXPECT_RC(UNMAP(G + i * M2, K4), XLAT_OK);
	expect_pool(e, 0, 0, 0);
	assert_int_equal(xf_arena_free_blocks(e), 4);
	assert_int_equal(xlat_get_stats(&e->ctx).refills_given, 3);
	assert_true(xf_root_zero(e));
}

static void test_refill_enomem(void **state)
{
	struct xf_env *e = env_open_refill(state, 1, 8, 2, false);

	/* One pool page and 6 refill pages: 7 tables at most. */
	EXPECT_RC(MAP(G, 4 * G, M2, &RW_NX), XLAT_OK);               /* the level-2 table */
	for (unsigned i = 1; i <= 6; i++)
		EXPECT_RC(MAP(G + i * M2, 4 * G, K4, &RW_NX), XLAT_OK);
	expect_pool(e, 1, 2, 6);
	/* None left: refused, nothing taken (xlat_fake.c checks the arena). */
	EXPECT_RC(MAP(G + 7 * M2, 4 * G, K4, &RW_NX), XLAT_ENOMEM);
	EXPECT_RC(UNMAP(G + K4, K4), XLAT_ENOMEM);
	expect_pool(e, 1, 2, 6);
	/* A refusal after taking refills gives them back: two tables needed,
	 * one refill of three pages free. */
	EXPECT_RC(UNMAP(G + 6 * M2, K4), XLAT_OK);
	EXPECT_RC(UNMAP(G + 5 * M2, K4), XLAT_OK);
	EXPECT_RC(UNMAP(G + 4 * M2, K4), XLAT_OK);
	expect_pool(e, 1, 1, 3);
	EXPECT_RC(MAP(2 * G + K4, 4 * G, K4, &RW_NX), XLAT_OK);      /* two: 2 + 3 = 5 */
	expect_pool(e, 1, 2, 5);
	EXPECT_RC(MAP(3 * G + K4, 4 * G, K4, &RW_NX), XLAT_ENOMEM);  /* two, one free */
	expect_pool(e, 1, 2, 5);
	assert_int_equal(xf_arena_free_blocks(e), 0);
}

static void test_refill_trimmed_at_the_end(void **state)
{
	/* The pool holds the level-2 table; one refill of 4 pages. */
	struct xf_env *e = env_open_refill(state, 1, 4, 2, false);

	EXPECT_RC(MAP(G + M2 - K4, 4 * G, K4, &RW_NX), XLAT_OK);     /* level-3 T in the refill */
	EXPECT_RC(MAP(G + M2, 5 * G, M2, &RW_NX), XLAT_OK);          /* a block beside it */
	expect_pool(e, 1, 1, 1);
	/* One call empties T (the refill's last table) and then splits the
	 * block: the split takes a page of that same refill. */
	EXPECT_RC(UNMAP(G + M2 - K4, 2 * K4), XLAT_OK);
	expect_pool(e, 1, 1, 1);
	expect_unmapped(e, G + M2 - K4);
	expect_unmapped(e, G + M2);
	expect_mapped(e, G + M2 + K4, 5 * G + K4, 3, &RW_NX);
	EXPECT_RC(UNMAP(G + M2 + K4, M2 - K4), XLAT_OK);
	expect_pool(e, 0, 0, 0);
	assert_int_equal(xf_arena_free_blocks(e), 1);
}

static void test_refill_largest_order(void **state)
{
	/* Blocks of any order up to 3 (8 pages): the largest first, then
	 * smaller ones as the arena fragments. */
	struct xf_env *e = env_open_refill(state, 1, 16, 3, true);
	struct xlat_pool_info pi;

	for (unsigned i = 0; i < 7; i++)
		EXPECT_RC(MAP(G + i * M2, 4 * G, K4, &RW_NX), XLAT_OK);
	xlat_pool_info(&e->ctx, &pi);
	assert_int_equal(pi.segs, 1);
	assert_int_equal(pi.seg_pages, 8);
	for (unsigned i = 7; i < 14; i++)
		EXPECT_RC(MAP(G + i * M2, 4 * G, K4, &RW_NX), XLAT_OK);
	xlat_pool_info(&e->ctx, &pi);
	assert_int_equal(pi.segs, 2);
	assert_int_equal(pi.seg_used, 14);
	EXPECT_RC(MAP(G + 14 * M2, 4 * G, K4, &RW_NX), XLAT_ENOMEM);
	for (unsigned i = 0; i < 14; i++)
		EXPECT_RC(UNMAP(G + i * M2, K4), XLAT_OK);
	expect_pool(e, 0, 0, 0);
}

/* ---- splitting ------------------------------------------------------- */

static void test_unmap_splits_2m_block(void **state)
{
	struct xf_env *e = env_open(state, 0, 8);
	const uint64_t va = 1 * G + M2, pa = 4 * G + M2;
	uint64_t *l3;

	EXPECT_RC(MAP(va, pa, M2, &USR_RW), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 1);
	EXPECT_RC(UNMAP(va + 5 * K4, K4), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 2);
	/* The block's VA range was flushed (while invalid: xlat_fake.c). */
	assert_true(e->nflush_op >= 1);
	assert_true(xf_flushed(e, va, M2));

	l3 = table_of(e, va, 3);
	for (unsigned i = 0; i < 512; i++) {
		if (i == 5) {
			assert_int_equal(l3[i] & 1, 0);
			expect_unmapped(e, va + i * K4);
			continue;
		}
		assert_int_equal(l3[i], xf_leaf_desc(pa + i * K4, 3, &USR_RW));
		expect_mapped(e, va + i * K4 + 0x321, pa + i * K4 + 0x321, 3, &USR_RW);
	}
	assert_int_equal(leaves_in(e, 0, XF_CTX_SIZE, 0), 511);

	/* A second page of the same table: no new table, no second split. */
	EXPECT_RC(UNMAP(va + 511 * K4, K4), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 2);
	assert_true(xf_flushed(e, va + 511 * K4, K4));
	expect_unmapped(e, va + 511 * K4);
	expect_mapped(e, va + 510 * K4, pa + 510 * K4, 3, &USR_RW);
}

static void test_unmap_splits_1g_block(void **state)
{
	struct xf_env *e = env_open(state, 0, 8);
	const uint64_t va = 1 * G, pa = 4 * G, hole = va + 3 * M2 + 7 * K4;

	EXPECT_RC(MAP(va, pa, G, &RO_X), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 0);
	EXPECT_RC(UNMAP(hole, 2 * K4), XLAT_OK);
	/* L1 block -> L2 table of 511 blocks + an L3 table of 510 pages. */
	assert_int_equal(xlat_pages_used(&e->ctx), 2);
	assert_true(xf_flushed(e, va, G));
	assert_int_equal(leaves_in(e, va, G, 2), 511);
	assert_int_equal(leaves_in(e, va, G, 3), 510);
	assert_int_equal(leaves_in(e, va, G, 0), 1021);
	for (unsigned j = 0; j < 512; j++)
		if (j != 3) {
			expect_mapped(e, va + j * M2, pa + j * M2, 2, &RO_X);
			expect_mapped(e, va + j * M2 + M2 - 8, pa + j * M2 + M2 - 8, 2, &RO_X);
		}
	for (unsigned i = 0; i < 512; i++) {
		uint64_t v = va + 3 * M2 + i * K4;

		if (i == 7 || i == 8)
			expect_unmapped(e, v);
		else
			expect_mapped(e, v, pa + 3 * M2 + i * K4, 3, &RO_X);
	}

	/* A whole 2 MiB block out of the new level-2 table: no new table. */
	EXPECT_RC(UNMAP(va + 10 * M2, M2), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 2);
	expect_unmapped(e, va + 10 * M2 + 0x1234);
	expect_mapped(e, va + 11 * M2, pa + 11 * M2, 2, &RO_X);

	/* 2 MiB-aligned part of another 1 GiB block: just a level-2 table. */
	EXPECT_RC(MAP(2 * G, 6 * G, G, &RW_NX), XLAT_OK);
	EXPECT_RC(UNMAP(2 * G + 4 * M2, 2 * M2), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 3);
	assert_int_equal(leaves_in(e, 2 * G, G, 2), 510);
	assert_int_equal(leaves_in(e, 2 * G, G, 0), 510);
	expect_mapped(e, 2 * G + 3 * M2, 6 * G + 3 * M2, 2, &RW_NX);
	expect_unmapped(e, 2 * G + 4 * M2);
	expect_unmapped(e, 2 * G + 6 * M2 - 1);
	expect_mapped(e, 2 * G + 6 * M2, 6 * G + 6 * M2, 2, &RW_NX);

	/* Unmap across the split parts and into the next GiB's block. */
	EXPECT_RC(MAP(3 * G, 7 * G, G, &RW_NX), XLAT_OK);
	EXPECT_RC(UNMAP(3 * G - M2 - K4, 2 * M2 + 2 * K4), XLAT_OK);
	expect_mapped(e, 3 * G - M2 - 2 * K4, 7 * G - M2 - 2 * K4, 3, &RW_NX);
	expect_unmapped(e, 3 * G - M2 - K4);
	expect_unmapped(e, 3 * G + M2);
	expect_mapped(e, 3 * G + M2 + K4, 7 * G + M2 + K4, 3, &RW_NX);
	expect_mapped(e, 3 * G + 2 * M2, 7 * G + 2 * M2, 2, &RW_NX);
	assert_int_equal(xlat_pages_used(&e->ctx), 6);
}

static void test_protect_part_of_block(void **state)
{
	struct xf_env *e = env_open(state, 0, 8);
	const uint64_t va = 1 * G + M2, pa = 4 * G + M2;

	/* One page of a 2 MiB block. */
	EXPECT_RC(MAP(va, pa, M2, &RW_NX), XLAT_OK);
	EXPECT_RC(PROTECT(va + 7 * K4, K4, &RO_NX), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 2);
	assert_true(xf_flushed(e, va, M2));
	for (unsigned i = 0; i < 512; i++)
		expect_mapped(e, va + i * K4, pa + i * K4, 3, i == 7 ? &RO_NX : &RW_NX);

	/* One 2 MiB part of a 1 GiB block stays a 2 MiB block. */
	EXPECT_RC(MAP(2 * G, 6 * G, G, &RW_NX), XLAT_OK);
	EXPECT_RC(PROTECT(2 * G + 4 * M2, M2, &RO_X), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 3);
	assert_true(xf_flushed(e, 2 * G, G));
	assert_int_equal(leaves_in(e, 2 * G, G, 2), 512);
	for (unsigned j = 0; j < 512; j++)
		expect_mapped(e, 2 * G + j * M2 + 0x40, 6 * G + j * M2 + 0x40, 2,
			      j == 4 ? &RO_X : &RW_NX);

	/* A whole 1 GiB block keeps its size. */
	EXPECT_RC(MAP(3 * G, 7 * G, G, &RW_NX), XLAT_OK);
	EXPECT_RC(PROTECT(3 * G, G, &DEV), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 3);
	assert_int_equal(e->mem[0][3], xf_leaf_desc(7 * G, 1, &DEV));

	/* Across blocks and pages: every page gets the attributes, PAs stay. */
	EXPECT_RC(PROTECT(va, M2, &DEV), XLAT_OK);
	for (unsigned i = 0; i < 512; i += 37) {
		struct xlat_mapping m;

		EXPECT_RC(xlat_query(&e->ctx, va + i * K4, &m), XLAT_OK);
		assert_int_equal(m.pa, pa + i * K4);
		assert_true(attrs_eq(&m.attrs, &DEV));
	}
	EXPECT_RC(PROTECT(2 * G + 3 * M2 + 5 * K4, 2 * M2, &RO_NX), XLAT_OK);
	expect_mapped(e, 2 * G + 3 * M2 + 4 * K4, 6 * G + 3 * M2 + 4 * K4, 3, &RW_NX);
	expect_mapped(e, 2 * G + 3 * M2 + 5 * K4, 6 * G + 3 * M2 + 5 * K4, 3, &RO_NX);
	expect_mapped(e, 2 * G + 4 * M2 + 5 * K4, 6 * G + 4 * M2 + 5 * K4, 2, &RO_NX);
	assert_int_equal(xlat_pages_used(&e->ctx), 5);
	expect_mapped(e, 2 * G + 5 * M2 + 4 * K4, 6 * G + 5 * M2 + 4 * K4, 3, &RO_NX);
	expect_mapped(e, 2 * G + 5 * M2 + 5 * K4, 6 * G + 5 * M2 + 5 * K4, 3, &RW_NX);
	expect_mapped(e, 2 * G + 6 * M2, 6 * G + 6 * M2, 2, &RW_NX);
}

/* ---- giving pages back ---------------------------------------------- */

static void test_free_tables(void **state)
{
	struct xf_env *e = env_open(state, 0, 4);

	/* One page: two tables, both back after the unmap, root entry clear. */
	EXPECT_RC(MAP(5 * G + 3 * M2 + 9 * K4, 4 * G, K4, &RW_NX), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 2);
	EXPECT_RC(UNMAP(5 * G + 3 * M2 + 9 * K4, K4), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 0);
	assert_true(xf_root_zero(e));
	for (unsigned i = 0; i < 4; i++)
		assert_int_equal(e->ctx.pool_used[i], 0);

	/* Freed pages full of garbage again: a new table is cleared first. */
	xf_scribble_free(e, 7);
	EXPECT_RC(MAP(5 * G + 3 * M2 + 9 * K4, 4 * G, K4, &RW_NX), XLAT_OK);
	assert_int_equal(leaves_in(e, 0, XF_CTX_SIZE, 0), 1);
	expect_unmapped(e, 5 * G + 3 * M2 + 8 * K4);
	expect_unmapped(e, 5 * G + 4 * M2);
	xf_scribble_free(e, 9);
	EXPECT_RC(MAP(5 * G + 5 * M2, 4 * G + M2, K4, &RW_NX), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 3);
	assert_int_equal(leaves_in(e, 0, XF_CTX_SIZE, 0), 2);

	/* The level-3 table goes, the level-2 one stays for the other page. */
	EXPECT_RC(UNMAP(5 * G + 5 * M2, K4), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 2);
	expect_mapped(e, 5 * G + 3 * M2 + 9 * K4, 4 * G, 3, &RW_NX);
}

static void test_unmap_everything_returns_pool(void **state)
{
	struct xf_env *e = env_open(state, 0, 32);

	EXPECT_RC(MAP(1 * G + M2 - 3 * K4, 8 * G + M2 - 3 * K4, 3 * K4 + M2 + 2 * K4, &RO_X), XLAT_OK);
	EXPECT_RC(MAP(2 * G, 16 * G, G, &RW_NX), XLAT_OK);
	EXPECT_RC(MAP(3 * G, 17 * G + M2, G + 3 * M2, &RW_NX), XLAT_OK);
	EXPECT_RC(MAP(5 * G - M2 - K4, 20 * G + K4, 4 * M2, &DEV), XLAT_OK);
	EXPECT_RC(MAP(6 * G, 24 * G, 4 * G, &RO_NX), XLAT_OK);
	EXPECT_RC(UNMAP(2 * G + 7 * M2 + 3 * K4, K4), XLAT_OK);
	EXPECT_RC(PROTECT(2 * G + 100 * M2 + 5 * K4, 3 * M2, &RO_NX), XLAT_OK);
	EXPECT_RC(UNMAP(7 * G + M2, M2 + K4), XLAT_OK);
	EXPECT_RC(PROTECT(8 * G + 8 * K4, K4, &RW_NX), XLAT_OK);
	assert_true(xlat_pages_used(&e->ctx) >= 10);

	/* Unmap in pieces that cut across what was mapped. */
	EXPECT_RC(UNMAP(8 * G, G + 5 * M2), XLAT_OK);
	EXPECT_RC(UNMAP(9 * G + 5 * M2, G - 5 * M2), XLAT_OK);
	EXPECT_RC(UNMAP(2 * G + 7 * M2 + 4 * K4, G - 7 * M2 - 4 * K4), XLAT_OK);
	EXPECT_RC(UNMAP(2 * G, 7 * M2 + 3 * K4), XLAT_OK);
	EXPECT_RC(UNMAP(1 * G + M2 - 3 * K4, 3 * K4 + M2 + 2 * K4), XLAT_OK);
	EXPECT_RC(UNMAP(3 * G + 3 * K4, G + 3 * M2 - 3 * K4), XLAT_OK);
	EXPECT_RC(UNMAP(3 * G, 3 * K4), XLAT_OK);
	EXPECT_RC(UNMAP(5 * G - M2 - K4, 4 * M2), XLAT_OK);
	EXPECT_RC(UNMAP(6 * G, M2 + 17 * K4), XLAT_OK);
	EXPECT_RC(UNMAP(6 * G + M2 + 17 * K4, G - M2 - 17 * K4), XLAT_OK);
	EXPECT_RC(UNMAP(7 * G, M2), XLAT_OK);
	EXPECT_RC(UNMAP(7 * G + 2 * M2 + K4, G - 2 * M2 - K4), XLAT_OK);

	assert_int_equal(xlat_pages_used(&e->ctx), 0);
	for (unsigned i = 0; i < 32; i++)
		assert_int_equal(e->ctx.pool_used[i], 0);
	assert_true(xf_root_zero(e));
	assert_int_equal(leaves_in(e, 0, XF_CTX_SIZE, 0), 0);
}

/* ---- TTBR1, query ---------------------------------------------------- */

static void test_ttbr1_top(void **state)
{
	struct xf_env *e = env_open(state, XF_TTBR1_BASE, 4);
	const uint64_t io = 0xffffffffc0000000ULL, last = 0xfffffffffffff000ULL;
	struct xlat_mapping m;

	/* The last GiB as one block: ends at 2^64. */
	EXPECT_RC(MAP(io, 0, G, &DEV), XLAT_OK);
	assert_int_equal(e->mem[0][511], xf_leaf_desc(0, 1, &DEV));
	expect_mapped(e, 0xffffffffffffffffULL, 0x3fffffff, 1, &DEV);
	expect_mapped(e, io, 0, 1, &DEV);
	EXPECT_RC(UNMAP(last, K4), XLAT_OK);
	assert_int_equal(xlat_pages_used(&e->ctx), 2);
	expect_unmapped(e, last);
	expect_mapped(e, last - 1, G - K4 - 1, 3, &DEV);
	/* The last page itself, and ranges that would pass 2^64. */
	EXPECT_RC(MAP(last, 0x12345000ULL, K4, &RW_NX), XLAT_OK);
	expect_mapped(e, last + 0xabc, 0x12345abcULL, 3, &RW_NX);
	EXPECT_RC(UNMAP(last - K4, 2 * K4), XLAT_OK);
	EXPECT_RC(MAP(last, 0, 2 * K4, &RW_NX), XLAT_ERANGE);
	EXPECT_RC(MAP(last - K4, 0, 3 * K4, &RW_NX), XLAT_ERANGE);
	EXPECT_RC(UNMAP(last, 2 * K4), XLAT_ERANGE);
	/* Below the TTBR1 range. */
	EXPECT_RC(MAP(XF_TTBR1_BASE - K4, 0, K4, &RW_NX), XLAT_ERANGE);
	EXPECT_RC(MAP(XF_TTBR1_BASE - K4, 0, 2 * K4, &RW_NX), XLAT_ERANGE);
	EXPECT_RC(MAP(0x1000, 0, K4, &RW_NX), XLAT_ERANGE);
	EXPECT_RC(MAP(XF_TTBR1_BASE, 0, K4, &RW_NX), XLAT_OK);
	expect_mapped(e, XF_TTBR1_BASE, 0, 3, &RW_NX);
	assert_int_equal(e->mem[0][0] & 3, 3);

	EXPECT_RC(xlat_query(&e->ctx, 0, &m), XLAT_ERANGE);
	EXPECT_RC(xlat_query(&e->ctx, 0x7fffffffffULL, &m), XLAT_ERANGE);
	EXPECT_RC(xlat_query(&e->ctx, XF_TTBR1_BASE - 1, &m), XLAT_ERANGE);
	EXPECT_RC(xlat_query(&e->ctx, 0xffffffc000000000ULL, &m), XLAT_ENOTMAPPED);
}

static void test_query(void **state)
{
	struct xf_env *e = env_open(state, 0, 4);
	struct xlat_mapping m;

	EXPECT_RC(MAP(G + M2, 4 * G + M2, M2, &RO_X), XLAT_OK);
	EXPECT_RC(xlat_query(&e->ctx, G + M2 + 0x1fffff, &m), XLAT_OK);
	assert_int_equal(m.pa, 4 * G + M2 + 0x1fffff);
	assert_int_equal(m.level, 2);
	assert_true(attrs_eq(&m.attrs, &RO_X));
	EXPECT_RC(xlat_query(&e->ctx, G + M2 - 1, &m), XLAT_ENOTMAPPED);
	EXPECT_RC(xlat_query(&e->ctx, G + 2 * M2, &m), XLAT_ENOTMAPPED);
	EXPECT_RC(xlat_query(&e->ctx, 0, &m), XLAT_ENOTMAPPED);
	EXPECT_RC(xlat_query(&e->ctx, 0x7fffffffffULL, &m), XLAT_ENOTMAPPED);
	EXPECT_RC(xlat_query(&e->ctx, 0x8000000000ULL, &m), XLAT_ERANGE);
	EXPECT_RC(xlat_query(&e->ctx, 0xffffffffffffffffULL, &m), XLAT_ERANGE);
	EXPECT_RC(xlat_query(&e->ctx, XF_TTBR1_BASE + G + M2, &m), XLAT_ERANGE);
}

/* ---- break-before-make, as recorded --------------------------------- */

static void test_bbm_flushes(void **state)
{
	struct xf_env *e = env_open(state, 0, 8);

	EXPECT_RC(MAP(G, 4 * G, 4 * K4, &RW_NX), XLAT_OK);
	assert_true(e->npublish_op >= 1);
	/* Changing a page: a flush of that page (taken while invalid). */
	EXPECT_RC(PROTECT(G + K4, K4, &RO_NX), XLAT_OK);
	assert_true(e->nflush_op >= 1);
	assert_true(xf_flushed(e, G + K4, K4));
	assert_true(e->npublish_op >= 1);
	/* Removing one. */
	EXPECT_RC(UNMAP(G + 2 * K4, K4), XLAT_OK);
	assert_true(xf_flushed(e, G + 2 * K4, K4));
	/* Removing the last ones, and with them both tables. */
	EXPECT_RC(UNMAP(G, 2 * K4), XLAT_OK);
	EXPECT_RC(UNMAP(G + 3 * K4, K4), XLAT_OK);
	assert_true(xf_flushed(e, G + 3 * K4, K4));
	assert_int_equal(xlat_pages_used(&e->ctx), 0);
	/* Protect to the same attributes changes nothing it must flush;
	 * the checks in xlat_fake.c hold either way. */
	EXPECT_RC(MAP(G, 4 * G, M2, &RW_NX), XLAT_OK);
	EXPECT_RC(PROTECT(G, M2, &RW_NX), XLAT_OK);
	expect_mapped(e, G, 4 * G, 2, &RW_NX);
}

/* ---- statistics ------------------------------------------------------ */

/* What the calls since *since wrote equals the expected counts; then
 * *since is brought up to date. */
static void expect_stats_delta(struct xf_env *e, struct xlat_stats *since, const char *what,
			       uint64_t written, uint64_t invalidated, uint64_t taken,
			       uint64_t freed)
{
	struct xlat_stats now = xlat_get_stats(&e->ctx);
	uint64_t got[4] = { now.descs_written - since->descs_written,
			    now.entries_invalidated - since->entries_invalidated,
			    now.tables_taken - since->tables_taken,
			    now.tables_freed - since->tables_freed };

	if (got[0] != written || got[1] != invalidated || got[2] != taken || got[3] != freed)
		fail_msg("%s: %llu descriptors written, %llu entries invalidated, %llu tables "
			 "taken, %llu freed; expected %llu, %llu, %llu, %llu", what, (ull)got[0],
			 (ull)got[1], (ull)got[2], (ull)got[3], (ull)written, (ull)invalidated,
			 (ull)taken, (ull)freed);
	/* Every table page taken and not given back is in use. */
	assert_int_equal(now.tables_taken - now.tables_freed, xlat_pages_used(&e->ctx));
	*since = now;
}

static void test_stats_map(void **state)
{
	const struct pte_attrs wx = { .attrindx = 4, .sh = 3, .af = true };
	struct xf_env *e = env_open(state, 0, 16);
	struct xlat_stats s = xlat_get_stats(&e->ctx);

	expect_stats_delta(e, &s, "fresh context", 0, 0, 0, 0);
	assert_int_equal(s.descs_written, 0);

	EXPECT_RC(MAP(1 * G, 4 * G, G, &RW_NX), XLAT_OK);
	expect_stats_delta(e, &s, "1 GiB block", 1, 0, 0, 0);
	EXPECT_RC(MAP(2 * G + M2, 8 * G + M2, M2, &RO_X), XLAT_OK);
	expect_stats_delta(e, &s, "2 MiB block in an empty GiB (link + block)", 2, 0, 1, 0);
	EXPECT_RC(MAP(3 * G + 5 * M2 + 7 * K4, 9 * G, K4, &DEV), XLAT_OK);
	expect_stats_delta(e, &s, "page in an empty GiB (two links + page)", 3, 0, 2, 0);
	EXPECT_RC(MAP(3 * G + 5 * M2 + 16 * K4, 9 * G + 16 * K4, 16 * K4, &DEV), XLAT_OK);
	expect_stats_delta(e, &s, "16 pages into that level-3 table", 16, 0, 0, 0);
	/* 3 pages, a block, 2 pages: an L2 table, two L3 tables, 6 leaves. */
	EXPECT_RC(MAP(6 * G + M2 - 3 * K4, 20 * G + M2 - 3 * K4, 3 * K4 + M2 + 2 * K4, &RO_X),
		  XLAT_OK);
	expect_stats_delta(e, &s, "pages, block, pages", 9, 0, 3, 0);
	/* 1 GiB at a PA only 2 MiB aligned: an L2 table of 512 blocks. */
	EXPECT_RC(MAP(7 * G, 30 * G + M2, G, &RW_NX), XLAT_OK);
	expect_stats_delta(e, &s, "512 blocks", 513, 0, 1, 0);

	/* Refused calls write nothing. */
	EXPECT_RC(MAP(1 * G + M2, 0, K4, &RW_NX), XLAT_EOVERLAP);
	EXPECT_RC(MAP(3 * G + 5 * M2 + 8 * K4, 9 * G, 16 * K4, &DEV), XLAT_EOVERLAP);
	EXPECT_RC(MAP(9 * G + K4, 0, 0x800, &RW_NX), XLAT_EALIGN);
	EXPECT_RC(UNMAP(3 * G + 5 * M2 + 6 * K4, 2 * K4), XLAT_ENOTMAPPED);
	EXPECT_RC(PROTECT(1 * G, G, &wx), XLAT_EWX);
	expect_stats_delta(e, &s, "refused calls", 0, 0, 0, 0);
}

static void test_stats_enomem(void **state)
{
	struct xf_env *e = env_open(state, 0, 1);
	struct xlat_stats s = xlat_get_stats(&e->ctx);

	EXPECT_RC(MAP(1 * G + K4, 4 * G, K4, &RW_NX), XLAT_ENOMEM);
	expect_stats_delta(e, &s, "ENOMEM", 0, 0, 0, 0);
	EXPECT_RC(MAP(1 * G, 4 * G, M2, &RW_NX), XLAT_OK);
	expect_stats_delta(e, &s, "block", 2, 0, 1, 0);
	EXPECT_RC(UNMAP(1 * G + K4, K4), XLAT_ENOMEM);
	expect_stats_delta(e, &s, "ENOMEM on a split", 0, 0, 0, 0);
}

static void test_stats_split_protect_unmap(void **state)
{
	struct xf_env *e = env_open(state, 0, 16);
	struct xlat_stats s;

	EXPECT_RC(MAP(1 * G + M2, 4 * G + M2, M2, &RW_NX), XLAT_OK);
	s = xlat_get_stats(&e->ctx);

	/* One page out of a 2 MiB block: a level-3 table of the other 511
	 * pages (written while unreachable), then break-before-make of the
	 * block: invalid, then the link. */
	EXPECT_RC(UNMAP(1 * G + M2 + 5 * K4, K4), XLAT_OK);
	expect_stats_delta(e, &s, "split a block for an unmap", 511 + 1, 1, 1, 0);

	/* One page of a reachable table: break, then make. */
	EXPECT_RC(PROTECT(1 * G + M2 + 7 * K4, K4, &RO_NX), XLAT_OK);
	expect_stats_delta(e, &s, "protect a page", 1, 1, 0, 0);
	/* The same attributes again: nothing changes. */
	EXPECT_RC(PROTECT(1 * G + M2 + 7 * K4, K4, &RO_NX), XLAT_OK);
	expect_stats_delta(e, &s, "protect to the same attributes", 0, 0, 0, 0);
	/* 8 pages, one of them already read-only: 7 changed. */
	EXPECT_RC(PROTECT(1 * G + M2 + 6 * K4, 8 * K4, &RO_NX), XLAT_OK);
	expect_stats_delta(e, &s, "protect 8 pages, 7 of them changing", 7, 7, 0, 0);

	/* Unmap 3 pages of the table. */
	EXPECT_RC(UNMAP(1 * G + M2 + 10 * K4, 3 * K4), XLAT_OK);
	expect_stats_delta(e, &s, "unmap 3 pages", 0, 3, 0, 0);

	/* The rest of the 2 MiB: 508 pages, then both tables go (the L3 one
	 * and, empty with it, the L2 one: their links invalidated too). */
	EXPECT_RC(UNMAP(1 * G + M2, 5 * K4), XLAT_OK);
	EXPECT_RC(UNMAP(1 * G + M2 + 6 * K4, 4 * K4), XLAT_OK);
	expect_stats_delta(e, &s, "unmap 9 more pages", 0, 9, 0, 0);
	EXPECT_RC(UNMAP(1 * G + M2 + 13 * K4, M2 - 13 * K4), XLAT_OK);
	expect_stats_delta(e, &s, "unmap the last 499 pages", 0, 499 + 2, 0, 2);
	assert_true(xf_root_zero(e));

	/* A 2-page hole in a 1 GiB block: an L2 table of 511 blocks and, in
	 * it, an L3 table of 510 pages, both built while unreachable (so the
	 * L3 link is just written), then break-before-make of the block. */
	EXPECT_RC(MAP(2 * G, 8 * G, G, &RO_X), XLAT_OK);
	expect_stats_delta(e, &s, "1 GiB block", 1, 0, 0, 0);
	EXPECT_RC(UNMAP(2 * G + 3 * M2 + 7 * K4, 2 * K4), XLAT_OK);
	expect_stats_delta(e, &s, "2-page hole in a 1 GiB block", 511 + 510 + 1 + 1, 1, 2, 0);
	/* Protect a 2 MiB part of it, a block of the new L2 table. */
	EXPECT_RC(PROTECT(2 * G + 9 * M2, M2, &RO_NX), XLAT_OK);
	expect_stats_delta(e, &s, "protect one 2 MiB block", 1, 1, 0, 0);
}

/* ---- xlat_attrs_wx, xlat_strerror ----------------------------------- */

static void test_attrs_wx(void **state)
{
	struct xf_env *e = env_open(state, 0, 4);

	for (unsigned bits = 0; bits < 16; bits++) {
		struct pte_attrs a = { .attrindx = 4, .sh = 3, .af = true,
				       .rdonly = bits & 1, .user = bits >> 1 & 1,
				       .pxn = bits >> 2 & 1, .uxn = bits >> 3 & 1 };
		bool el1_w = !a.rdonly, el0_w = a.user && !a.rdonly;
		/* Arm ARM D8.4: a location writable at EL0 is never executable
		 * at EL1, whatever PXN says; EL0 may execute wherever UXN is
		 * clear, with or without AP[1]. */
		bool el1_x = !a.pxn && !el0_w, el0_x = !a.uxn;
		bool per_el = (el1_w && el1_x) || (el0_w && el0_x);
		/* xlat.h: strict, writable at any level means executable at
		 * none: not read-only while PXN or UXN is clear. */
		bool want = !a.rdonly && (!a.pxn || !a.uxn);
		bool got = xlat_attrs_wx(&a);
		int rc;

		assert_true(want || !per_el);     /* stricter than the architecture */
		if (got != want)
			fail_msg("xlat_attrs_wx(%s%s%s%s) = %d, expected %d",
				 a.rdonly ? "RO" : "RW", a.user ? " USER" : "",
				 a.pxn ? " PXN" : "", a.uxn ? " UXN" : "", got, want);
		/* map and protect refuse exactly those. */
		rc = MAP(G, 4 * G, K4, &a);
		assert_int_equal(rc, got ? XLAT_EWX : XLAT_OK);
		if (!got) {
			EXPECT_RC(PROTECT(G, K4, &RO_NX), XLAT_OK);
			EXPECT_RC(PROTECT(G, K4, &a), XLAT_OK);
			EXPECT_RC(UNMAP(G, K4), XLAT_OK);
		} else {
			EXPECT_RC(MAP(G, 4 * G, K4, &RO_NX), XLAT_OK);
			EXPECT_RC(PROTECT(G, K4, &a), XLAT_EWX);
			EXPECT_RC(UNMAP(G, K4), XLAT_OK);
		}
	}
	/* The other attributes do not matter. */
	{
		struct pte_attrs a = { .attrindx = 0, .sh = 0, .af = true, .ng = true };

		assert_true(xlat_attrs_wx(&a));
		a.rdonly = true;
		assert_false(xlat_attrs_wx(&a));
	}
}

static void test_strerror(void **state)
{
	const int codes[] = { XLAT_OK, XLAT_EALIGN, XLAT_ERANGE, XLAT_EOVERLAP, XLAT_ENOTMAPPED,
			      XLAT_EWX, XLAT_EATTR, XLAT_ENOMEM };

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(codes); i++) {
		const char *s = xlat_strerror(codes[i]);

		assert_non_null(s);
		assert_true(strlen(s) > 0);
		for (size_t j = 0; j < i; j++)
			if (!strcmp(s, xlat_strerror(codes[j])))
				fail_msg("xlat_strerror(%d) == xlat_strerror(%d) == \"%s\"",
					 codes[i], codes[j], s);
	}
}

/* The names as the enum spells them; anything else, positive or beyond
 * the last code, is unknown in both forms. */
static void test_errname(void **state)
{
	(void)state;
	assert_string_equal(xlat_errname(XLAT_OK), "XLAT_OK");
	assert_string_equal(xlat_errname(XLAT_EALIGN), "XLAT_EALIGN");
	assert_string_equal(xlat_errname(XLAT_ENOTMAPPED), "XLAT_ENOTMAPPED");
	assert_string_equal(xlat_errname(XLAT_ENOMEM), "XLAT_ENOMEM");
	assert_string_equal(xlat_errname(-8), "XLAT_?");
	assert_string_equal(xlat_errname(1), "XLAT_?");
	assert_string_equal(xlat_strerror(-8), "unknown xlat error");
	assert_string_equal(xlat_strerror(1), "unknown xlat error");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_init_args),
		T(test_init_bad_placement),
		T(test_pa_bits_above_48),
		T(test_init_keeps_existing_root),
		T(test_map_leaf_levels),
		T(test_map_mixed_alignment),
		T(test_map_overlap_unchanged),
		T(test_errors),
		T(test_sh_out_of_range),
		T(test_enomem),
		T(test_enomem_two_levels),
		T(test_refill_beyond_the_pool),
		T(test_refill_enomem),
		T(test_refill_trimmed_at_the_end),
		T(test_refill_largest_order),
		T(test_unmap_splits_2m_block),
		T(test_unmap_splits_1g_block),
		T(test_protect_part_of_block),
		T(test_free_tables),
		T(test_unmap_everything_returns_pool),
		T(test_ttbr1_top),
		T(test_query),
		T(test_bbm_flushes),
		T(test_stats_map),
		T(test_stats_enomem),
		T(test_stats_split_protect_unmap),
		T(test_attrs_wx),
		T(test_strerror),
		T(test_errname),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
