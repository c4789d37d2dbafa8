/*
 * test_xlat_geometry.c - descriptors, the walker and the runtime map API
 * in the geometry this binary was built for (unit.mk builds it once per
 * geometry of mmu/geometry.mk).
 *
 * Owns: checks written only in terms of the Arm ARM's rules for a granule
 * (D8.2: the levels a walk of TxSZ = 64 - VA_BITS has, each level's index
 * bits; D8.3.1: which levels hold blocks), with expected values worked out
 * here from PAGE_SHIFT and VA_BITS, not read from desc.h or walk.c: leaf
 * encodings at every leaf level and the reserved block encoding where a
 * granule has no blocks; a hand-built walk (one step per level, each index
 * the VA's bits); xlat_map/unmap/protect/query at the edges of both halves,
 * the largest leaf for an aligned range, a block split by a partial unmap,
 * the table pages a map takes and an unmap gives back, the refusals.
 * The table memory is a plain array of PAGE_SIZE pages (test_xlat.c's
 * xlat_fake is the default geometry's deeper checker). A 52-bit geometry
 * runs every check with each VA size (each_va_size.h): 5 levels from
 * level -1 with 4 KiB and 52 bits, the fallback's 4; and, with 52 bits,
 * output addresses with bits 48 to 51 set through the map API (FEAT_LPA2's
 * bits [9:8], FEAT_LPA's [15:12]; a run of blocks across 2^50) and
 * refused on the fallback.
 */
#include "unit.h"
#include "desc.h"
#include "each_va_size.h"
#include "walk.h"
#include "xlat.h"

#define GRANULE     (1ULL << PAGE_SHIFT)
#define BITS        (PAGE_SHIFT - 3)              /* index bits per level */
/* The walk this run (a 52-bit build: either VA size). */
#define RUN_BITS    vabits_actual()
#define NLEVELS     ((RUN_BITS - PAGE_SHIFT + BITS - 1) / BITS)
#define FIRST_LEVEL (4 - (int)NLEVELS)
#define HALF_SPAN   (1ULL << RUN_BITS)
#define HALF_START  (-HALF_SPAN)
#define ROOT_PA     0x880000000ULL
#define POOL_PA     0x900000000ULL
#define POOL_PAGES  32
#define NPAGES      (1 + POOL_PAGES)

static uint64_t *mem;                             /* [0] root, [1 + i] pool page i */
static unsigned flushes, publishes;

static uint64_t shift_at(int level) { return PAGE_SHIFT + (uint64_t)(3 - level) * BITS; }

static uint64_t *page_of(uint64_t pa)
{
	if (pa == ROOT_PA)
		return mem;
	if (pa >= POOL_PA && pa < POOL_PA + POOL_PAGES * GRANULE && !(pa & (GRANULE - 1)))
		return mem + (1 + (pa - POOL_PA) / GRANULE) * (GRANULE / 8);
	fail_msg("table at pa 0x%llx: not the root or a pool page", (unsigned long long)pa);
	return NULL;
}

static uint64_t *table_ptr(uint64_t pa, void *cookie) { (void)cookie; return page_of(pa); }
static const uint64_t *read_table(uint64_t pa, void *cookie) { (void)cookie; return page_of(pa); }
static void tlb_flush(uint64_t va, uint64_t size, void *cookie)
{
	(void)va; (void)size; (void)cookie;
	flushes++;
}
static void publish(void *cookie) { (void)cookie; publishes++; }

static const struct pte_attrs rw = { .attrindx = MT_NORMAL, .sh = 3, .af = true,
				     .pxn = true, .uxn = true };
static const struct pte_attrs ro_x = { .attrindx = MT_NORMAL, .sh = 3, .af = true,
				       .rdonly = true };

static int setup(void **state)
{
	(void)state;
	mem = calloc(NPAGES, GRANULE);
	flushes = publishes = 0;
	return mem ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	free(mem);
	return 0;
}

static struct xlat_ctx *ctx_for_bits(uint64_t va_base, unsigned pa_bits)
{
	static struct xlat_ctx ctx;

	memset(mem, 0, NPAGES * GRANULE);
	assert_int_equal(xlat_init(&ctx, va_base, ROOT_PA, pa_bits, POOL_PA, POOL_PAGES, table_ptr,
				   tlb_flush, publish, NULL), XLAT_OK);
	return &ctx;
}

static struct xlat_ctx *ctx_for(uint64_t va_base)
{
	return ctx_for_bits(va_base, 48);
}

static void levels_and_shifts(void)
{
	assert_int_equal(PGTABLE_LEVELS, (VA_BITS - PAGE_SHIFT + BITS - 1) / BITS);
	assert_int_equal(PGTABLE_START_LEVEL, 4 - PGTABLE_LEVELS);
	assert_int_equal(va_root_level(RUN_BITS), FIRST_LEVEL);
	for (int l = FIRST_LEVEL; l <= 3; l++)
		assert_int_equal(level_shift(l), shift_at(l));
	assert_int_equal(level_entries(FIRST_LEVEL, RUN_BITS), 1u << (RUN_BITS - shift_at(FIRST_LEVEL)));
	if (FIRST_LEVEL < 3)
		assert_int_equal(level_entries(3, RUN_BITS), 1u << BITS);
}

/* D8.3.1: blocks at levels 1 and 2 with 4 KiB, at level 2 with 16 and
 * 64 KiB; with FEAT_LPA2 (TCR_EL1.DS) one level higher too (level 0 with
 * 4 KiB, 1 with 16 KiB), which the stub reads but never writes; 0b01
 * elsewhere is reserved (invalid). */
static void leaf_levels(void)
{
	for (int l = FIRST_LEVEL; l <= 3; l++) {
		bool lpa2_block = lpa2_is_enabled() && l == (PAGE_SHIFT == 12 ? 0 : 1);
		bool block_ok = l == 2 || (l == 1 && PAGE_SHIFT == 12) || lpa2_block;
		uint64_t pa = 1ULL << shift_at(l);     /* aligned to the level's span */
		uint64_t d = ((pa << 1) & 0x0000ffffffffffffULL) | 0x401 | (l == 3 ? 2 : 0);
		struct desc_info info = desc_decode(d, l);

		if (l == 3 || block_ok) {
			assert_int_equal(info.kind, l == 3 ? DESC_PAGE : DESC_BLOCK);
			assert_int_equal(info.addr, (pa << 1) & 0x0000ffffffffffffULL);
			assert_true(info.attrs.af);
			assert_int_equal(desc_make_leaf(info.addr, &info.attrs, l), d);
			assert_int_equal(level_has_leaf(l), !lpa2_block);
		} else {
			assert_int_equal(info.kind, DESC_INVALID);
			assert_false(level_has_leaf(l));
		}
		if (l < 3)
			assert_int_equal(desc_decode(d | 2, l).kind, DESC_TABLE);
	}
}

/* A walk by hand: root -> ... -> a page, one pool page per level. */
static void walk_steps(void)
{
	uint64_t va = HALF_START | (0x5a5a5a5a5a5aULL & (HALF_SPAN - 1) & ~(GRANULE - 1));
	uint64_t table = ROOT_PA, page_pa = 0x4321ULL << PAGE_SHIFT;
	struct walk_ctx w = { .ttbr1_pa = ROOT_PA, .read_table = read_table };
	struct walk_result r;
	char text[256];

	memset(mem, 0, NPAGES * GRANULE);
	for (int l = FIRST_LEVEL, next = 0; l <= 3; l++, next++) {
		uint64_t idx = (va >> shift_at(l)) & ((l == FIRST_LEVEL ?
			(1ULL << (RUN_BITS - shift_at(l))) : (1ULL << BITS)) - 1);
		uint64_t next_pa = POOL_PA + (uint64_t)next * GRANULE;

		page_of(table)[idx] = l == 3 ? page_pa | 0x403 : next_pa | 3;
		table = next_pa;
	}
	sw_walk(&w, va + 0x10, &r);
	assert_int_equal(r.status, WALK_MAPPED);
	assert_int_equal(r.ttbr, 1);
	assert_int_equal(r.nsteps, NLEVELS);
	assert_int_equal(r.leaf_level, 3);
	assert_int_equal(r.block_size, GRANULE);
	assert_int_equal(r.pa, page_pa + 0x10);
	for (int i = 0; i < r.nsteps; i++) {
		assert_int_equal(r.step[i].level, FIRST_LEVEL + i);
		assert_int_equal(r.step[i].index, level_index(va, FIRST_LEVEL + i, RUN_BITS));
	}
	walk_format_steps(&r, text, sizeof(text));
	assert_true(!strncmp(text, FIRST_LEVEL < 0 ? "L-1[" : FIRST_LEVEL == 0 ? "L0[" :
			     FIRST_LEVEL == 1 ? "L1[" : "L2[", 3 + (FIRST_LEVEL < 0)));
	/* Just below TTBR1's range and just above TTBR0's: no TTBR. */
	sw_walk(&w, HALF_START - 1, &r);
	assert_int_equal(r.status, WALK_NOT_CANONICAL);
	sw_walk(&w, HALF_SPAN, &r);
	assert_int_equal(r.status, WALK_NOT_CANONICAL);
}

/* One page at each end of each half: a table per level below the root. */
static void map_edges(void)
{
	const uint64_t bases[2] = { 0, HALF_START };

	for (int h = 0; h < 2; h++) {
		struct xlat_ctx *ctx = ctx_for(bases[h]);
		uint64_t ends[2] = { bases[h], bases[h] + (HALF_SPAN - GRANULE) };
		struct xlat_mapping m;

		for (int i = 0; i < 2; i++) {
			assert_int_equal(xlat_map(ctx, ends[i], 0x40000000ULL + i * GRANULE, GRANULE,
						  &rw), XLAT_OK);
			assert_int_equal(xlat_query(ctx, ends[i] + 8, &m), XLAT_OK);
			assert_int_equal(m.pa, 0x40000000ULL + i * GRANULE + 8);
			assert_int_equal(m.level, 3);
		}
		/* Both ends share only the root: NLEVELS - 1 tables each. */
		assert_int_equal(xlat_pages_used(ctx), 2 * (NLEVELS - 1));
		assert_int_equal(xlat_map(ctx, ends[1], 0, GRANULE, &rw), XLAT_EOVERLAP);
		assert_int_equal(xlat_map(ctx, ends[1], 0, 2 * GRANULE, &rw), XLAT_ERANGE);
		assert_int_equal(xlat_map(ctx, ends[0] + GRANULE / 2, 0, GRANULE, &rw), XLAT_EALIGN);
		for (int i = 0; i < 2; i++)
			assert_int_equal(xlat_unmap(ctx, ends[i], GRANULE), XLAT_OK);
		assert_int_equal(xlat_pages_used(ctx), 0);
		assert_int_equal(xlat_query(ctx, ends[0], &m), XLAT_ENOTMAPPED);
	}
}

/* An aligned range of one level-2 span is one block (every granule has
 * level-2 blocks); unmapping one page of it splits it into a level-3
 * table of which the rest still maps; protect keeps the PAs. */
static void block_split(void)
{
	uint64_t blk = 1ULL << shift_at(2), va = HALF_START + 3 * blk, pa = 5 * blk;
	struct xlat_ctx *ctx = ctx_for(HALF_START);
	struct xlat_mapping m;

	assert_int_equal(xlat_map(ctx, va, pa, blk, &rw), XLAT_OK);
	assert_int_equal(xlat_query(ctx, va + blk - 1, &m), XLAT_OK);
	assert_int_equal(m.level, 2);
	assert_int_equal(m.pa, pa + blk - 1);
	assert_int_equal(xlat_pages_used(ctx), NLEVELS - 2);   /* tables above level 2 */
	flushes = 0;
	assert_int_equal(xlat_unmap(ctx, va + GRANULE, GRANULE), XLAT_OK);
	assert_true(flushes >= 1);                           /* break-before-make */
	assert_int_equal(xlat_pages_used(ctx), NLEVELS - 1);
	assert_int_equal(xlat_query(ctx, va + GRANULE, &m), XLAT_ENOTMAPPED);
	assert_int_equal(xlat_query(ctx, va + 2 * GRANULE, &m), XLAT_OK);
	assert_int_equal(m.level, 3);
	assert_int_equal(m.pa, pa + 2 * GRANULE);
	assert_int_equal(xlat_protect(ctx, va, GRANULE, &ro_x), XLAT_OK);
	assert_int_equal(xlat_query(ctx, va, &m), XLAT_OK);
	assert_true(m.attrs.rdonly);
	assert_false(m.attrs.pxn);
	assert_int_equal(m.pa, pa);
	assert_int_equal(xlat_unmap(ctx, va, GRANULE), XLAT_OK);
	assert_int_equal(xlat_unmap(ctx, va + 2 * GRANULE, blk - 2 * GRANULE), XLAT_OK);
	assert_int_equal(xlat_pages_used(ctx), 0);
}

/* The largest leaf: with 4 KiB a level-1 block (1 GiB) for an aligned
 * GiB; with 16 and 64 KiB level 1 has no blocks, so the same-sized
 * range is level-2 blocks. Two levels (no level 1): four level-2 spans
 * are four blocks. */
static void largest_leaf(void)
{
	uint64_t span1 = FIRST_LEVEL <= 1 ? 1ULL << shift_at(1) : 4ULL << shift_at(2);
	struct xlat_ctx *ctx = ctx_for(0);
	struct xlat_mapping m;

	assert_int_equal(xlat_map(ctx, span1, span1, span1, &rw), XLAT_OK);
	assert_int_equal(xlat_query(ctx, span1 + span1 / 2, &m), XLAT_OK);
	assert_int_equal(m.level, PAGE_SHIFT == 12 ? 1 : 2);
	assert_int_equal(m.pa, span1 + span1 / 2);
	assert_int_equal(xlat_unmap(ctx, span1, span1), XLAT_OK);
	assert_int_equal(xlat_pages_used(ctx), 0);
}

#if PA_BITS_MAX > 48
/* A 52-bit OA through the map API (52-bit VAs: FEAT_LPA2's or FEAT_LPA's
 * format): a page and a block with PA bits 51, 49 and 48 set, the top
 * bits where the format keeps them; a run of level-2 blocks across 2^50
 * (each entry its own high bits); on the fallback the CPU's PA is cut to
 * 48 bits (4 and 16 KiB) and such a map refused. */
static void oa_52(void)
{
	uint64_t blk = 1ULL << shift_at(2), pa = 0xbULL << 48, va = HALF_START + 8 * blk;
	uint64_t high = PGTABLE_LPA2 ? (pa >> 42) & 0x300 : (pa >> 36) & 0xf000;
	struct xlat_ctx *ctx = ctx_for_bits(HALF_START, 52);
	struct xlat_mapping m;
	struct walk_ctx w = { .ttbr1_pa = ROOT_PA, .read_table = read_table };
	struct walk_result r;

	if (RUN_BITS < VA_BITS && PGTABLE_LPA2) {
		assert_int_equal(ctx->pa_bits, 48);
		assert_int_equal(xlat_map(ctx, va, pa, GRANULE, &rw), XLAT_ERANGE);
		return;
	}
	assert_int_equal(ctx->pa_bits, 52);
	assert_int_equal(xlat_map(ctx, va, pa + GRANULE, GRANULE, &rw), XLAT_OK);
	sw_walk(&w, va + 4, &r);
	assert_int_equal(r.status, WALK_MAPPED);
	assert_int_equal(r.pa, pa + GRANULE + 4);
	assert_int_equal(r.step[r.nsteps - 1].desc & (PTE_ADDR_HIGH | PTE_ADDR_LOW),
			 high | ((pa + GRANULE) & PTE_ADDR_LOW));
	assert_int_equal(xlat_query(ctx, va, &m), XLAT_OK);
	assert_int_equal(m.pa, pa + GRANULE);
	assert_int_equal(m.attrs.sh, 3);
	assert_int_equal(xlat_unmap(ctx, va, GRANULE), XLAT_OK);
	/* Blocks across 2^50: the last two below it, the next two above. */
	pa = (1ULL << 50) - 2 * blk;
	assert_int_equal(xlat_map(ctx, va, pa, 4 * blk, &rw), XLAT_OK);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(xlat_query(ctx, va + i * blk + 0x40, &m), XLAT_OK);
		assert_int_equal(m.level, 2);
		assert_int_equal(m.pa, pa + i * blk + 0x40);
	}
	assert_int_equal(xlat_protect(ctx, va + blk, 2 * blk, &ro_x), XLAT_OK);
	assert_int_equal(xlat_query(ctx, va + 2 * blk, &m), XLAT_OK);
	assert_int_equal(m.pa, 1ULL << 50);
	assert_true(m.attrs.rdonly);
	/* A split of the block at 2^50 keeps each page's high bits. */
	assert_int_equal(xlat_unmap(ctx, va + 2 * blk + GRANULE, GRANULE), XLAT_OK);
	assert_int_equal(xlat_query(ctx, va + 2 * blk + 2 * GRANULE, &m), XLAT_OK);
	assert_int_equal(m.pa, (1ULL << 50) + 2 * GRANULE);
	assert_int_equal(m.level, 3);
	/* The 52 bits' end: PA 2^52 - a page maps, 2^52 does not. */
	assert_int_equal(xlat_map(ctx, HALF_START + 64 * blk, (1ULL << 52) - GRANULE, GRANULE, &rw),
			 XLAT_OK);
	assert_int_equal(xlat_query(ctx, HALF_START + 64 * blk, &m), XLAT_OK);
	assert_int_equal(m.pa, (1ULL << 52) - GRANULE);
	assert_int_equal(xlat_map(ctx, HALF_START + 66 * blk, 1ULL << 52, GRANULE, &rw), XLAT_ERANGE);
}
#endif

static void test_levels_and_shifts(void **state) { (void)state; each_va_size(levels_and_shifts); }
static void test_leaf_levels(void **state) { (void)state; each_va_size(leaf_levels); }
static void test_walk_steps(void **state) { (void)state; each_va_size(walk_steps); }
static void test_map_edges(void **state) { (void)state; each_va_size(map_edges); }
static void test_block_split(void **state) { (void)state; each_va_size(block_split); }
static void test_largest_leaf(void **state) { (void)state; each_va_size(largest_leaf); }
#if PA_BITS_MAX > 48
static void test_oa_52(void **state) { (void)state; each_va_size(oa_52); }
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_levels_and_shifts),
		cmocka_unit_test(test_leaf_levels),
		cmocka_unit_test(test_walk_steps),
		cmocka_unit_test(test_map_edges),
		cmocka_unit_test(test_block_split),
		cmocka_unit_test(test_largest_leaf),
#if PA_BITS_MAX > 48
		cmocka_unit_test(test_oa_52),
#endif
	};

	unit_init();
	return cmocka_run_group_tests(tests, setup, teardown);
}
