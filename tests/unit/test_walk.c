/*
 * test_walk.c - host unit tests of mmu/walk.c.
 *
 * Owns: va_ttbr at the edges of both halves, the index helpers, sw_walk on
 * tables built in a host buffer (tables_fake.c): 1 GiB, 2 MiB and 4 KiB
 * leaves in both halves, an invalid or reserved descriptor at each level,
 * non-canonical VAs, unreadable tables at each level, the recorded steps,
 * agreement with the reference walk of tables_fake.c, the
 * walk_format_steps text, and a TTBR0 wider than TTBR1 (the extended
 * identity map: a level-0 root under a 39-bit build).
 */
#include "unit.h"
#include "tables_fake.h"
#include "walk.h"

static const struct pte_attrs image = { .attrindx = 4, .sh = 3, .af = true };

static int setup(void **state)
{
	struct fake_tables *ft = malloc(sizeof(*ft));

	if (!ft)
		return -1;
	fake_init(ft);
	*state = ft;
	return 0;
}

static int teardown(void **state)
{
	fake_free(*state);
	free(*state);
	return 0;
}

static void assert_step(const struct walk_result *r, int i, int level, unsigned index,
			uint64_t table_pa, uint64_t desc)
{
	assert_true(i < r->nsteps);
	assert_int_equal(r->step[i].level, level);
	assert_int_equal(r->step[i].index, index);
	assert_int_equal(r->step[i].table_pa, table_pa);
	assert_int_equal(r->step[i].desc, desc);
}

static void test_va_ttbr_edges(void **state)
{
	(void)state;
	assert_int_equal(va_ttbr(0), 0);
	assert_int_equal(va_ttbr(0x40200000ULL), 0);
	assert_int_equal(va_ttbr(0x7fffffffffULL), 0);
	assert_int_equal(va_ttbr(0x8000000000ULL), -1);
	assert_int_equal(va_ttbr(0x0000800000000000ULL), -1);
	assert_int_equal(va_ttbr(0x8000000000000000ULL), -1);
	assert_int_equal(va_ttbr(0xffffff7fffffffffULL), -1);
	assert_int_equal(va_ttbr(0xffffff8000000000ULL), 1);
	assert_int_equal(va_ttbr(0xffffffc000000000ULL), 1);
	assert_int_equal(va_ttbr(0xffffffffffffffffULL), 1);
}

static void test_index_helpers(void **state)
{
	(void)state;
	assert_int_equal(pgd_index(0xffffff8000000000ULL), 0);
	assert_int_equal(pgd_index(0xffffffc000000000ULL), 256);
	assert_int_equal(pgd_index(0xffffffffc0000000ULL), 511);
	assert_int_equal(pgd_index(0x40200000ULL), 1);
	assert_int_equal(pmd_index(0x40200000ULL), 1);
	assert_int_equal(pmd_index(0xffffffffffe00000ULL), 511);
	assert_int_equal(pte_index(0x40201abcULL), 1);
	assert_int_equal(pte_index(0x401ff000ULL), 511);
}

static void test_block_2m_ttbr0(void **state)
{
	struct fake_tables *ft = *state;
	uint64_t root = fake_new_table(ft);
	struct walk_ctx ctx;
	struct walk_result r;

	fake_map(ft, root, 0x40200000ULL, 0x40200000ULL, 2, &image);
	ctx = fake_ctx(ft, root, FAKE_UNKNOWN_PA);
	sw_walk(&ctx, 0x40212345ULL, &r);
	assert_int_equal(r.va, 0x40212345ULL);
	assert_int_equal(r.ttbr, 0);
	assert_int_equal(r.status, WALK_MAPPED);
	assert_int_equal(r.fault_level, -1);
	assert_int_equal(r.pa, 0x40212345ULL);
	assert_int_equal(r.block_size, 0x200000);
	assert_int_equal(r.leaf_level, 2);
	assert_true(pte_attrs_equal(&r.attrs, &image));
	assert_int_equal(r.nsteps, 2);
	assert_step(&r, 0, 1, 1, root, FAKE_TABLE_PA(1) | 3);
	assert_step(&r, 1, 2, 1, FAKE_TABLE_PA(1), 0x40200711ULL);
	assert_int_equal(ft->reads, 2);

	/* Last byte of the block, and a VA mapped to another PA. */
	fake_map(ft, root, 0x40400000ULL, 0x7fe00000ULL, 2, &image);
	sw_walk(&ctx, 0x405fffffULL, &r);
	assert_int_equal(r.status, WALK_MAPPED);
	assert_int_equal(r.pa, 0x7fffffffULL);
	assert_step(&r, 1, 2, 2, FAKE_TABLE_PA(1), 0x7fe00711ULL);
}

static void test_block_2m_ttbr1(void **state)
{
	struct fake_tables *ft = *state;
	uint64_t root0 = fake_new_table(ft), root1 = fake_new_table(ft);
	struct walk_ctx ctx = fake_ctx(ft, root0, root1);
	struct walk_result r;
	const struct pte_attrs linear = { .attrindx = 4, .sh = 3, .af = true,
					  .pxn = true, .uxn = true };

	fake_map(ft, root1, 0xffffffc000000000ULL, 0x40200000ULL, 2, &image);
	fake_map(ft, root1, 0xffffff8000000000ULL, 0x40000000ULL, 2, &linear);
	fake_map(ft, root1, 0xffffffffffe00000ULL, 0x1fe00000ULL, 2, &image);

	sw_walk(&ctx, 0xffffffc000123456ULL, &r);
	assert_int_equal(r.ttbr, 1);
	assert_int_equal(r.status, WALK_MAPPED);
	assert_int_equal(r.pa, 0x40323456ULL);
	assert_int_equal(r.nsteps, 2);
	assert_step(&r, 0, 1, 256, root1, FAKE_TABLE_PA(2) | 3);
	assert_step(&r, 1, 2, 0, FAKE_TABLE_PA(2), 0x40200711ULL);

	sw_walk(&ctx, 0xffffff8000000000ULL, &r);
	assert_int_equal(r.status, WALK_MAPPED);
	assert_int_equal(r.pa, 0x40000000ULL);
	assert_true(pte_attrs_equal(&r.attrs, &linear));
	assert_step(&r, 0, 1, 0, root1, FAKE_TABLE_PA(3) | 3);

	sw_walk(&ctx, 0xffffffffffffffffULL, &r);
	assert_int_equal(r.status, WALK_MAPPED);
	assert_int_equal(r.pa, 0x1fffffffULL);
	assert_step(&r, 0, 1, 511, root1, FAKE_TABLE_PA(4) | 3);
	assert_step(&r, 1, 2, 511, FAKE_TABLE_PA(4), 0x1fe00711ULL);

	/* The same low bits in TTBR0 find nothing: the halves are apart. */
	sw_walk(&ctx, 0x0000000000123456ULL, &r);
	assert_int_equal(r.ttbr, 0);
	assert_int_equal(r.status, WALK_INVALID_DESC);
	assert_int_equal(r.step[0].table_pa, root0);
}

static void test_block_1g(void **state)
{
	struct fake_tables *ft = *state;
	uint64_t root = fake_new_table(ft);
	struct walk_ctx ctx = fake_ctx(ft, root, FAKE_UNKNOWN_PA);
	struct walk_result r;

	fake_map(ft, root, 0x80000000ULL, 0x1c0000000ULL, 1, &image);
	sw_walk(&ctx, 0xbfffffffULL, &r);
	assert_int_equal(r.status, WALK_MAPPED);
	assert_int_equal(r.pa, 0x1ffffffffULL);
	assert_int_equal(r.block_size, 0x40000000ULL);
	assert_int_equal(r.leaf_level, 1);
	assert_int_equal(r.nsteps, 1);
	assert_step(&r, 0, 1, 2, root, 0x1c0000711ULL);

	sw_walk(&ctx, 0x80000000ULL, &r);
	assert_int_equal(r.pa, 0x1c0000000ULL);
	sw_walk(&ctx, 0xc0000000ULL, &r);
	assert_int_equal(r.status, WALK_INVALID_DESC);
	assert_int_equal(r.fault_level, 1);
}

static void test_page_4k(void **state)
{
	struct fake_tables *ft = *state;
	uint64_t root = fake_new_table(ft);
	struct walk_ctx ctx = fake_ctx(ft, root, FAKE_UNKNOWN_PA);
	struct walk_result r;
	const struct pte_attrs ro = { .attrindx = 4, .sh = 3, .af = true, .rdonly = true,
				      .ng = true };

	fake_map(ft, root, 0x40201000ULL, 0x12345000ULL, 3, &ro);
	sw_walk(&ctx, 0x40201abcULL, &r);
	assert_int_equal(r.status, WALK_MAPPED);
	assert_int_equal(r.pa, 0x12345abcULL);
	assert_int_equal(r.block_size, 4096);
	assert_int_equal(r.leaf_level, 3);
	assert_true(pte_attrs_equal(&r.attrs, &ro));
	assert_int_equal(r.nsteps, 3);
	assert_step(&r, 0, 1, 1, root, FAKE_TABLE_PA(1) | 3);
	assert_step(&r, 1, 2, 1, FAKE_TABLE_PA(1), FAKE_TABLE_PA(2) | 3);
	assert_step(&r, 2, 3, 1, FAKE_TABLE_PA(2), 0x12345f93ULL);
}

static void test_invalid_at_each_level(void **state)
{
	struct fake_tables *ft = *state;
	uint64_t root = fake_new_table(ft);
	struct walk_ctx ctx = fake_ctx(ft, root, FAKE_UNKNOWN_PA);
	struct walk_result r;

	fake_map(ft, root, 0x40201000ULL, 0x12345000ULL, 3, &image);

	sw_walk(&ctx, 0x00201000ULL, &r);           /* L1[0] empty */
	assert_int_equal(r.status, WALK_INVALID_DESC);
	assert_int_equal(r.fault_level, 1);
	assert_int_equal(r.nsteps, 1);
	assert_step(&r, 0, 1, 0, root, 0);

	sw_walk(&ctx, 0x40401000ULL, &r);           /* L2[2] empty */
	assert_int_equal(r.status, WALK_INVALID_DESC);
	assert_int_equal(r.fault_level, 2);
	assert_int_equal(r.nsteps, 2);
	assert_step(&r, 1, 2, 2, FAKE_TABLE_PA(1), 0);

	sw_walk(&ctx, 0x40202000ULL, &r);           /* L3[2] empty */
	assert_int_equal(r.status, WALK_INVALID_DESC);
	assert_int_equal(r.fault_level, 3);
	assert_int_equal(r.nsteps, 3);
	assert_step(&r, 2, 3, 2, FAKE_TABLE_PA(2), 0);
	assert_int_equal(r.pa, 0);
}

static void test_invalid_encodings_fault(void **state)
{
	struct fake_tables *ft = *state;
	uint64_t root = fake_new_table(ft);
	struct walk_ctx ctx = fake_ctx(ft, root, FAKE_UNKNOWN_PA);
	struct walk_result r;

	fake_map(ft, root, 0x40201000ULL, 0x12345000ULL, 3, &image);
	/* Reserved: a "block" (type 0b01) at level 3. */
	*fake_entry(ft, root, 0x40203000ULL, 3) = 0x12347711ULL;
	sw_walk(&ctx, 0x40203000ULL, &r);
	assert_int_equal(r.status, WALK_INVALID_DESC);
	assert_int_equal(r.fault_level, 3);
	assert_step(&r, 2, 3, 3, FAKE_TABLE_PA(2), 0x12347711ULL);
	/* Type 0b10 (bit 0 clear) at level 2 and at level 1. */
	*fake_entry(ft, root, 0x40600000ULL, 2) = 0x40600712ULL;
	sw_walk(&ctx, 0x40600000ULL, &r);
	assert_int_equal(r.status, WALK_INVALID_DESC);
	assert_int_equal(r.fault_level, 2);
	*fake_entry(ft, root, 0xc0000000ULL, 1) = FAKE_TABLE_PA(1) | 2;
	sw_walk(&ctx, 0xc0000000ULL, &r);
	assert_int_equal(r.status, WALK_INVALID_DESC);
	assert_int_equal(r.fault_level, 1);
	assert_int_equal(r.nsteps, 1);
}

static void test_not_canonical(void **state)
{
	struct fake_tables *ft = *state;
	uint64_t root = fake_new_table(ft);
	struct walk_ctx ctx = fake_ctx(ft, root, root);
	const uint64_t vas[] = { 0x8000000000ULL, 0x0000800000000000ULL, 0xffff000000000000ULL,
				 0xffffff7fffffffffULL, 0x8000000000000000ULL };

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(vas); i++) {
		struct walk_result r;

		sw_walk(&ctx, vas[i], &r);
		assert_int_equal(r.va, vas[i]);
		assert_int_equal(r.status, WALK_NOT_CANONICAL);
		assert_int_equal(r.ttbr, -1);
		assert_int_equal(r.fault_level, 0);
		assert_int_equal(r.nsteps, 0);
	}
	assert_int_equal(ft->reads, 0);
}

static void test_unreadable_tables(void **state)
{
	struct fake_tables *ft = *state;
	uint64_t root = fake_new_table(ft);
	struct walk_ctx ctx = fake_ctx(ft, root, FAKE_UNKNOWN_PA);
	struct walk_result r;
	uint64_t *l1 = fake_table(ft, root);

	sw_walk(&ctx, 0xffffffc000000000ULL, &r);    /* TTBR1 root unknown */
	assert_int_equal(r.ttbr, 1);
	assert_int_equal(r.status, WALK_UNREADABLE_TABLE);
	assert_int_equal(r.fault_level, 1);
	assert_int_equal(r.nsteps, 0);
	assert_int_equal(ft->last_read_pa, FAKE_UNKNOWN_PA);

	l1[1] = FAKE_UNKNOWN_PA | 3;                  /* level-2 table unknown */
	sw_walk(&ctx, 0x40200000ULL, &r);
	assert_int_equal(r.status, WALK_UNREADABLE_TABLE);
	assert_int_equal(r.fault_level, 2);
	assert_int_equal(r.nsteps, 1);
	assert_step(&r, 0, 1, 1, root, FAKE_UNKNOWN_PA | 3);

	fake_map(ft, root, 0x80000000ULL, 0x80000000ULL, 2, &image);
	*fake_entry(ft, root, 0x80200000ULL, 2) = 0x0000fffffffff003ULL;  /* level-3 table */
	sw_walk(&ctx, 0x80200000ULL, &r);
	assert_int_equal(r.status, WALK_UNREADABLE_TABLE);
	assert_int_equal(r.fault_level, 3);
	assert_int_equal(r.nsteps, 2);
	assert_int_equal(ft->last_read_pa, 0x0000fffffffff000ULL);
}

static void test_table_attribute_bits_ignored(void **state)
{
	struct fake_tables *ft = *state;
	uint64_t root = fake_new_table(ft);
	struct walk_ctx ctx = fake_ctx(ft, root, FAKE_UNKNOWN_PA);
	struct walk_result r;

	fake_map(ft, root, 0x40200000ULL, 0x40200000ULL, 2, &image);
	/* NSTable, APTable, XNTable bits and ignored bits in the table descriptor. */
	*fake_entry(ft, root, 0x40200000ULL, 1) |= 0xf800000000000c00ULL;
	/* Contiguous hint and software bits in the block descriptor. */
	*fake_entry(ft, root, 0x40200000ULL, 2) |= 0x0790000000000000ULL;
	sw_walk(&ctx, 0x40200008ULL, &r);
	assert_int_equal(r.status, WALK_MAPPED);
	assert_int_equal(r.pa, 0x40200008ULL);
	assert_true(pte_attrs_equal(&r.attrs, &image));
	assert_int_equal(r.step[1].table_pa, FAKE_TABLE_PA(1));
}

/* sw_walk and the reference walk agree all over the virt early map (its
 * shared root, both halves, the aliases and the windows). */
static void test_agrees_with_reference(void **state)
{
	struct fake_tables *ft = *state;
	struct boot_layout l = fake_virt_layout();
	uint64_t t0, t1, seed = 0x2545f4914f6cdd1dULL;
	struct walk_ctx ctx;
	const uint64_t edges[] = {
		0, 0x401fffffULL, 0x40200000ULL, 0x403fffffULL, 0x40400000ULL,
		0xffffff8000000000ULL, 0xffffff8040200000ULL, 0xffffff80403fffffULL,
		0xffffffc000000000ULL, 0xffffffc0001fffffULL, 0xffffffc000200000ULL,
		0x4000000000ULL, 0x40001fffffULL, 0x4000200000ULL,
		0xffffffc03f7fffffULL, 0xffffffc03f800000ULL, 0xffffffc03f8fffffULL,
		0xffffffc03f900000ULL, 0xffffffc03fdfffffULL, 0xffffffc03fe00000ULL,
		0xffffffc03fe00fffULL, 0xffffffc03fe01000ULL, 0x403fe00000ULL,
		0xffffffffc0000000ULL, 0xffffffffffffffffULL, 0x7fffffffffULL,
	};
	unsigned mapped = 0;

	fake_build_early_map(ft, &l, &t0, &t1);
	ctx = fake_ctx(ft, t0, t1);
	for (unsigned i = 0; i < 4000 + ARRAY_LEN(edges); i++) {
		uint64_t va, pa = 0, leaf = 0;
		int level = -1;
		enum fake_xlate x;
		struct walk_result r;

		if (i < ARRAY_LEN(edges)) {
			va = edges[i];
		} else {
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			/* Bias to the mapped GiBs (one root: the same two in each
			 * half) and to the windows at the top of the image's. */
			switch (seed >> 61) {
			case 0: va = 0x40000000ULL | (seed >> 40 & 0x3fffff); break;
			case 1: va = 0xffffff8040000000ULL | (seed >> 40 & 0x3fffff); break;
			case 2: va = 0xffffffc000000000ULL | (seed >> 40 & 0x3fffff); break;
			case 3: va = 0x4000000000ULL | (seed >> 40 & 0x3fffff); break;
			case 4: va = 0xffffffc03f800000ULL | (seed >> 40 & 0x1fffff); break;
			case 5: va = 0x403f800000ULL | (seed >> 40 & 0x7fffff); break;
			case 6: va = 0xffffffc03fe00000ULL | (seed >> 40 & 0x1fff); break;
			default: va = 0xffffff8000000000ULL | (seed >> 30 & 0xfffffff); break;
			}
		}
		x = fake_translate(ft, t0, t1, va, &pa, &leaf, &level);
		sw_walk(&ctx, va, &r);
		if (x == FAKE_XLATE_MAPPED) {
			mapped++;
			assert_int_equal(r.status, WALK_MAPPED);
			assert_int_equal(r.pa, pa);
			assert_int_equal(r.leaf_level, level);
			assert_int_equal(r.step[r.nsteps - 1].desc, leaf);
		} else {
			assert_int_equal(x, FAKE_XLATE_FAULT);
			assert_int_equal(r.status, WALK_INVALID_DESC);
			assert_int_equal(r.fault_level, level);
		}
	}
	assert_true(mapped > 1000);
}

static void test_format_steps(void **state)
{
	struct fake_tables *ft = *state;
	uint64_t root0 = fake_new_table(ft), root1 = fake_new_table(ft);
	struct walk_ctx ctx = fake_ctx(ft, root0, root1);
	struct walk_result r;
	char buf[160];

	fake_map(ft, root0, 0x40200000ULL, 0x40200000ULL, 2, &image);
	fake_map(ft, root1, 0xffffffc000001000ULL, 0x40201000ULL, 3, &image);

	sw_walk(&ctx, 0x40200000ULL, &r);
	assert_string_equal(walk_format_steps(&r, buf, sizeof(buf)),
			    "L1[1]=0x0000000800004003 L2[1]=0x0000000040200711");
	sw_walk(&ctx, 0xffffffc000001234ULL, &r);
	assert_string_equal(walk_format_steps(&r, buf, sizeof(buf)),
			    "L1[256]=0x0000000800006003 L2[0]=0x0000000800008003 "
			    "L3[1]=0x0000000040201713");
	sw_walk(&ctx, 0x1000ULL, &r);
	assert_string_equal(walk_format_steps(&r, buf, sizeof(buf)), "L1[0]=0x0000000000000000");
	sw_walk(&ctx, 0x8000000000ULL, &r);
	memset(buf, 'z', sizeof(buf));
	assert_string_equal(walk_format_steps(&r, buf, sizeof(buf)), "");
}

static void test_format_steps_truncates(void **state)
{
	struct fake_tables *ft = *state;
	uint64_t root = fake_new_table(ft);
	struct walk_ctx ctx = fake_ctx(ft, root, FAKE_UNKNOWN_PA);
	struct walk_result r;
	char buf[40];

	fake_map(ft, root, 0x40201000ULL, 0x40201000ULL, 3, &image);
	sw_walk(&ctx, 0x40201000ULL, &r);
	for (size_t len = 1; len <= 36; len += 5) {
		memset(buf, 'z', sizeof(buf));
		walk_format_steps(&r, buf, len);
		assert_int_equal(strlen(buf), len - 1);
		assert_memory_equal(buf, "L1[1]=0x0000000800002003 L2[1]=0x000", len - 1);
		assert_int_equal(buf[len], 'z');
	}
}

/* The extended identity map: TTBR0 with 48 VA bits (a level-0 root, one
 * level more than the build's 39), TTBR1 as built. 4K/39 only. */
static void test_ttbr0_wider_than_ttbr1(void **state)
{
#if PAGE_SHIFT == 12 && VA_BITS == 39
	struct fake_tables *ft = *state;
	uint64_t l0 = fake_new_table(ft), l1 = fake_new_table(ft), l2 = fake_new_table(ft);
	uint64_t ttbr1 = fake_new_table(ft);
	struct walk_ctx ctx = fake_ctx(ft, l0, ttbr1);
	struct walk_result r;

	ctx.ttbr0_va_bits = 48;
	fake_table(ft, l0)[1] = fake_table_desc(l1);                  /* VA[47:39] = 1 */
	fake_table(ft, l1)[0] = fake_table_desc(l2);
	fake_table(ft, l2)[1] = fake_leaf_desc(0x8000200000ULL, 2, &image);
	sw_walk(&ctx, 0x8000212345ULL, &r);
	assert_int_equal(r.ttbr, 0);
	assert_int_equal(r.status, WALK_MAPPED);
	assert_int_equal(r.nsteps, 3);
	assert_step(&r, 0, 0, 1, l0, fake_table_desc(l1));
	assert_step(&r, 1, 1, 0, l1, fake_table_desc(l2));
	assert_step(&r, 2, 2, 1, l2, fake_leaf_desc(0x8000200000ULL, 2, &image));
	assert_int_equal(r.pa, 0x8000212345ULL);
	/* The edges: 2^48 - 1 is TTBR0's, 2^48 neither's; TTBR1 unchanged. */
	assert_int_equal(va_ttbr_bits(0xffffffffffffULL, 48), 0);
	assert_int_equal(va_ttbr_bits(0x1000000000000ULL, 48), -1);
	assert_int_equal(va_ttbr_bits(0xffffffc000000000ULL, 48), 1);
	assert_int_equal(va_ttbr_bits(0x8000000000ULL, 0), -1);     /* 0: VA_BITS */
	sw_walk(&ctx, 0x1000000000000ULL, &r);
	assert_int_equal(r.status, WALK_NOT_CANONICAL);
	sw_walk(&ctx, 0x0000000000001000ULL, &r);                    /* L0[0] empty */
	assert_int_equal(r.status, WALK_INVALID_DESC);
	assert_int_equal(r.fault_level, 0);
	/* TTBR1 still starts at level 1. */
	fake_table(ft, ttbr1)[256] = fake_leaf_desc(0x40000000ULL, 1, &image);
	sw_walk(&ctx, 0xffffffc000000000ULL, &r);
	assert_int_equal(r.status, WALK_MAPPED);
	assert_int_equal(r.step[0].level, 1);
	assert_int_equal(r.step[0].index, 256);
#else
	(void)state;
#endif
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_va_ttbr_edges),
		cmocka_unit_test(test_index_helpers),
		T(test_block_2m_ttbr0),
		T(test_block_2m_ttbr1),
		T(test_block_1g),
		T(test_page_4k),
		T(test_invalid_at_each_level),
		T(test_invalid_encodings_fault),
		T(test_not_canonical),
		T(test_unreadable_tables),
		T(test_table_attribute_bits_ignored),
		T(test_agrees_with_reference),
		T(test_format_steps),
		T(test_format_steps_truncates),
		T(test_ttbr0_wider_than_ttbr1),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
