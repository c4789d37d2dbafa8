/*
 * test_dump.c - host unit tests of mmu/dump.c.
 *
 * Owns: pt_dump over tables in a host buffer (tables_fake.c): merging of
 * neighbouring leaves into ranges and every reason to split one (attribute
 * change, PA discontinuity, hole, level change), merging across tables,
 * VA order, the TTBR1 base VA, the virt early map (one root for both
 * halves: each half's ranges seen from the other), -1 on an unreadable
 * table; format_size and the pt_range_format text.
 */
#include "unit.h"
#include "dump.h"
#include "tables_fake.h"

#define MAX_RANGES 16
#define MIB2 0x200000ULL
#define GIB1 0x40000000ULL

struct collected {
	int n;
	struct pt_range r[MAX_RANGES];
};

static const struct pte_attrs image = { .attrindx = 4, .sh = 3, .af = true };
static const struct pte_attrs linear = { .attrindx = 4, .sh = 3, .af = true,
					 .pxn = true, .uxn = true };
static const struct pte_attrs device = { .attrindx = 0, .af = true, .pxn = true, .uxn = true };

static void collect(const struct pt_range *range, void *cookie)
{
	struct collected *c = cookie;

	assert_true(c->n < MAX_RANGES);
	c->r[c->n++] = *range;
}

static void assert_range(const struct collected *c, int i, uint64_t va, uint64_t pa,
			 uint64_t size, int level, const struct pte_attrs *attrs)
{
	assert_true(i < c->n);
	assert_int_equal(c->r[i].va, va);
	assert_int_equal(c->r[i].pa, pa);
	assert_int_equal(c->r[i].size, size);
	assert_int_equal(c->r[i].level, level);
	assert_true(pte_attrs_equal(&c->r[i].attrs, attrs));
}

struct fixture {
	struct fake_tables ft;
	uint64_t root0, root1;
	struct walk_ctx ctx;
	struct collected got;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	fake_init(&f->ft);
	f->root0 = fake_new_table(&f->ft);
	f->root1 = fake_new_table(&f->ft);
	f->ctx = fake_ctx(&f->ft, f->root0, f->root1);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	fake_free(&f->ft);
	free(f);
	return 0;
}

static int dump(struct fixture *f, int ttbr)
{
	f->got.n = 0;
	return pt_dump(&f->ctx, ttbr, collect, &f->got);
}

static void test_empty(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(dump(f, 0), 0);
	assert_int_equal(dump(f, 1), 0);
	assert_int_equal(f->got.n, 0);
}

static void test_merge_contiguous_blocks(void **state)
{
	struct fixture *f = *state;

	/* 64 blocks of 2 MiB, contiguous in VA and PA, equal attributes. */
	fake_map_range(&f->ft, f->root1, 0xffffff8000000000ULL, 0x40000000ULL, 64 * MIB2, 2,
		       &linear);
	assert_int_equal(dump(f, 1), 1);
	assert_int_equal(f->got.n, 1);
	assert_range(&f->got, 0, 0xffffff8000000000ULL, 0x40000000ULL, 0x8000000ULL, 2, &linear);
}

static void test_split_on_attributes(void **state)
{
	struct fixture *f = *state;
	struct pte_attrs ro = image;

	ro.rdonly = true;
	fake_map_range(&f->ft, f->root0, 0x40000000ULL, 0x40000000ULL, 4 * MIB2, 2, &image);
	fake_map_range(&f->ft, f->root0, 0x40800000ULL, 0x40800000ULL, 2 * MIB2, 2, &ro);
	fake_map_range(&f->ft, f->root0, 0x40c00000ULL, 0x40c00000ULL, 1 * MIB2, 2, &image);
	assert_int_equal(dump(f, 0), 3);
	assert_range(&f->got, 0, 0x40000000ULL, 0x40000000ULL, 4 * MIB2, 2, &image);
	assert_range(&f->got, 1, 0x40800000ULL, 0x40800000ULL, 2 * MIB2, 2, &ro);
	assert_range(&f->got, 2, 0x40c00000ULL, 0x40c00000ULL, 1 * MIB2, 2, &image);
}

static void test_split_on_each_attribute(void **state)
{
	struct fixture *f = *state;
	struct pte_attrs a[9];

	for (int i = 0; i < 9; i++)
		a[i] = image;
	a[1].attrindx = 3; a[2].sh = 2; a[3].rdonly = true; a[4].user = true;
	a[5].af = false; a[6].ng = true; a[7].pxn = true; a[8].uxn = true;
	for (int i = 0; i < 9; i++)
		fake_map(&f->ft, f->root0, i * MIB2, i * MIB2, 2, &a[i]);
	assert_int_equal(dump(f, 0), 9);
	for (int i = 0; i < 9; i++)
		assert_range(&f->got, i, i * MIB2, i * MIB2, MIB2, 2, &a[i]);
}

static void test_split_on_pa_discontinuity(void **state)
{
	struct fixture *f = *state;

	fake_map_range(&f->ft, f->root0, 0x40000000ULL, 0x40000000ULL, 4 * MIB2, 2, &image);
	/* VA goes on, PA jumps by 2 MiB; then PA goes backwards. */
	fake_map_range(&f->ft, f->root0, 0x40800000ULL, 0x40a00000ULL, 2 * MIB2, 2, &image);
	fake_map(&f->ft, f->root0, 0x40c00000ULL, 0x00000000ULL, 2, &image);
	assert_int_equal(dump(f, 0), 3);
	assert_range(&f->got, 0, 0x40000000ULL, 0x40000000ULL, 4 * MIB2, 2, &image);
	assert_range(&f->got, 1, 0x40800000ULL, 0x40a00000ULL, 2 * MIB2, 2, &image);
	assert_range(&f->got, 2, 0x40c00000ULL, 0x00000000ULL, MIB2, 2, &image);
}

static void test_split_on_hole(void **state)
{
	struct fixture *f = *state;

	/* PA as if nothing were missing: only the hole separates the ranges. */
	fake_map_range(&f->ft, f->root0, 0x40000000ULL, 0x40000000ULL, 8 * MIB2, 2, &image);
	*fake_entry(&f->ft, f->root0, 0x40400000ULL, 2) = 0;
	assert_int_equal(dump(f, 0), 2);
	assert_range(&f->got, 0, 0x40000000ULL, 0x40000000ULL, 2 * MIB2, 2, &image);
	assert_range(&f->got, 1, 0x40600000ULL, 0x40600000ULL, 5 * MIB2, 2, &image);
}

static void test_split_on_level(void **state)
{
	struct fixture *f = *state;

	/* Two 2 MiB blocks, then the next 2 MiB as 512 pages, contiguous. */
	fake_map_range(&f->ft, f->root0, 0x40000000ULL, 0x40000000ULL, 2 * MIB2, 2, &image);
	fake_map_range(&f->ft, f->root0, 0x40400000ULL, 0x40400000ULL, MIB2, 3, &image);
	fake_map(&f->ft, f->root0, 0x40600000ULL, 0x40600000ULL, 2, &image);
	assert_int_equal(dump(f, 0), 3);
	assert_range(&f->got, 0, 0x40000000ULL, 0x40000000ULL, 2 * MIB2, 2, &image);
	assert_range(&f->got, 1, 0x40400000ULL, 0x40400000ULL, MIB2, 3, &image);
	assert_range(&f->got, 2, 0x40600000ULL, 0x40600000ULL, MIB2, 2, &image);
}

static void test_pages_with_holes(void **state)
{
	struct fixture *f = *state;

	fake_map_range(&f->ft, f->root0, 0x1000ULL, 0x80001000ULL, 3 * 0x1000, 3, &image);
	fake_map(&f->ft, f->root0, 0x5000ULL, 0x80005000ULL, 3, &image);
	assert_int_equal(dump(f, 0), 2);
	assert_range(&f->got, 0, 0x1000ULL, 0x80001000ULL, 0x3000, 3, &image);
	assert_range(&f->got, 1, 0x5000ULL, 0x80005000ULL, 0x1000, 3, &image);
}

static void test_merge_across_level2_tables(void **state)
{
	struct fixture *f = *state;

	/* 2 GiB of 2 MiB blocks under two level-2 tables: one range. */
	fake_map_range(&f->ft, f->root0, 0x0ULL, 0x100000000ULL, 2 * GIB1, 2, &image);
	assert_int_equal(dump(f, 0), 1);
	assert_range(&f->got, 0, 0x0ULL, 0x100000000ULL, 2 * GIB1, 2, &image);
}

static void test_level1_blocks(void **state)
{
	struct fixture *f = *state;

	fake_map(&f->ft, f->root0, 1 * GIB1, 0x40000000ULL, 1, &image);
	fake_map(&f->ft, f->root0, 2 * GIB1, 0x80000000ULL, 1, &image);
	fake_map(&f->ft, f->root0, 3 * GIB1, 0x40000000ULL, 1, &image);   /* alias */
	fake_map(&f->ft, f->root0, 511 * GIB1, 0x0ULL, 1, &device);
	assert_int_equal(dump(f, 0), 3);
	assert_range(&f->got, 0, 1 * GIB1, 0x40000000ULL, 2 * GIB1, 1, &image);
	assert_range(&f->got, 1, 3 * GIB1, 0x40000000ULL, GIB1, 1, &image);
	assert_range(&f->got, 2, 511 * GIB1, 0x0ULL, GIB1, 1, &device);
}

static void test_ttbr1_base_and_order(void **state)
{
	struct fixture *f = *state;

	fake_map(&f->ft, f->root1, 0xffffffffc0000000ULL, 0x09000000ULL, 2, &device);
	fake_map(&f->ft, f->root1, 0xffffff8000000000ULL, 0x40000000ULL, 2, &linear);
	fake_map(&f->ft, f->root1, 0xffffffc000000000ULL, 0x40200000ULL, 2, &image);
	/* The same entries in TTBR0's tables must not show in TTBR1's dump. */
	fake_map(&f->ft, f->root0, 0x0ULL, 0x40000000ULL, 2, &linear);
	assert_int_equal(dump(f, 1), 3);
	assert_range(&f->got, 0, 0xffffff8000000000ULL, 0x40000000ULL, MIB2, 2, &linear);
	assert_range(&f->got, 1, 0xffffffc000000000ULL, 0x40200000ULL, MIB2, 2, &image);
	assert_range(&f->got, 2, 0xffffffffc0000000ULL, 0x09000000ULL, MIB2, 2, &device);
	assert_int_equal(dump(f, 0), 1);
	assert_range(&f->got, 0, 0x0ULL, 0x40000000ULL, MIB2, 2, &linear);
}

static void test_virt_early_map(void **state)
{
	static const struct pte_attrs ro = { .attrindx = 4, .sh = 3, .af = true, .rdonly = true,
					     .pxn = true, .uxn = true };
	struct fixture *f = *state;
	struct fake_tables ft;
	struct boot_layout l = fake_virt_layout();
	uint64_t t0, t1;
	struct walk_ctx ctx;
	struct collected got0 = { 0 };
	int n0, n1;

	fake_init(&ft);
	fake_build_early_map(&ft, &l, &t0, &t1);
	ctx = fake_ctx(&ft, t0, t1);
	n0 = pt_dump(&ctx, 0, collect, &got0);
	f->got.n = 0;
	n1 = pt_dump(&ctx, 1, collect, &f->got);
	fake_free(&ft);
	/* One root for both halves: each shows the same four ranges at the
	 * same VA bits [38:0], the other half's entries as aliases. */
	assert_int_equal(t0, t1);
	assert_int_equal(n0, 4);
	assert_range(&got0, 0, 0x40200000ULL, 0x40200000ULL, MIB2, 2, &image);
	assert_range(&got0, 1, 0x4000000000ULL, 0x40200000ULL, MIB2, 2, &image);
	assert_range(&got0, 2, 0x403f800000ULL, 0x40000000ULL, 0x100000, 3, &ro);
	assert_range(&got0, 3, 0x403fe00000ULL, 0x09000000ULL, 0x1000, 3, &device);
	assert_int_equal(n1, 4);
	assert_range(&f->got, 0, 0xffffff8040200000ULL, 0x40200000ULL, MIB2, 2, &image);
	assert_range(&f->got, 1, 0xffffffc000000000ULL, 0x40200000ULL, MIB2, 2, &image);
	assert_range(&f->got, 2, 0xffffffc03f800000ULL, 0x40000000ULL, 0x100000, 3, &ro);
	assert_range(&f->got, 3, 0xffffffc03fe00000ULL, 0x09000000ULL, 0x1000, 3, &device);
}

static void test_unreadable(void **state)
{
	struct fixture *f = *state;

	fake_map(&f->ft, f->root0, 0x0ULL, 0x40000000ULL, 2, &image);
	fake_table(&f->ft, f->root0)[5] = FAKE_UNKNOWN_PA | 3;
	assert_int_equal(dump(f, 0), -1);
	assert_int_equal(f->ft.last_read_pa, FAKE_UNKNOWN_PA);

	/* An unreadable level-3 table. */
	fake_table(&f->ft, f->root0)[5] = 0;
	fake_map(&f->ft, f->root1, 0xffffffc000000000ULL, 0x40200000ULL, 2, &image);
	*fake_entry(&f->ft, f->root1, 0xffffffc000200000ULL, 2) = FAKE_UNKNOWN_PA | 3;
	assert_int_equal(dump(f, 1), -1);
	assert_int_equal(dump(f, 0), 1);

	/* An unreadable root: nothing emitted. */
	f->ctx.ttbr1_pa = FAKE_UNKNOWN_PA;
	assert_int_equal(dump(f, 1), -1);
	assert_int_equal(f->got.n, 0);
}

static void test_format_size(void **state)
{
	char buf[16];

	(void)state;
	assert_string_equal(format_size(0x1000, buf, sizeof(buf)), "4K");
	assert_string_equal(format_size(0x200000, buf, sizeof(buf)), "2M");
	assert_string_equal(format_size(0x8000000, buf, sizeof(buf)), "128M");
	assert_string_equal(format_size(0x40000000, buf, sizeof(buf)), "1G");
	assert_string_equal(format_size(0xc0000000ULL, buf, sizeof(buf)), "3G");
	assert_string_equal(format_size(0x180000, buf, sizeof(buf)), "1536K");
	assert_string_equal(format_size(0x60000000, buf, sizeof(buf)), "1536M");
	assert_string_equal(format_size(0x1e000, buf, sizeof(buf)), "120K");
	assert_string_equal(format_size(0x10000000000ULL, buf, sizeof(buf)), "1T");
	assert_string_equal(format_size(0x4000000000000ULL, buf, sizeof(buf)), "1024T");
	assert_string_equal(format_size(1024, buf, sizeof(buf)), "1K");
	assert_string_equal(format_size(1536, buf, sizeof(buf)), "1536B");
	assert_string_equal(format_size(1, buf, sizeof(buf)), "1B");
	assert_string_equal(format_size(0, buf, sizeof(buf)), "0B");
}

static void test_range_format(void **state)
{
	char buf[160];
	struct pt_range r = { 0xffffff8000000000ULL, 0x40000000ULL, 0x8000000ULL, 2, linear };

	(void)state;
	assert_string_equal(pt_range_format(&r, buf, sizeof(buf)),
			    "0xffffff8000000000-0xffffff8008000000 pa 0x0040000000   128M L2 "
			    "RW NX SHD AF UXN MEM/NORMAL");
	r = (struct pt_range){ 0xffffffffc0000000ULL, 0x09000000ULL, MIB2, 2, device };
	assert_string_equal(pt_range_format(&r, buf, sizeof(buf)),
			    "0xffffffffc0000000-0xffffffffc0200000 pa 0x0009000000     2M L2 "
			    "RW NX NSH AF UXN DEVICE/nGnRnE");
	r = (struct pt_range){ 0x40201000ULL, 0x123456789000ULL, 0x3000, 3, image };
	assert_string_equal(pt_range_format(&r, buf, sizeof(buf)),
			    "0x0000000040201000-0x0000000040204000 pa 0x123456789000    12K L3 "
			    "RW x  SHD AF MEM/NORMAL");
}

/* The extended identity map: TTBR0 with 48 VA bits (4K/39 only). */
static void test_ttbr0_wider_than_ttbr1(void **state)
{
#if PAGE_SHIFT == 12 && VA_BITS == 39
	struct fake_tables *ft = *state;
	uint64_t l0 = fake_new_table(ft), l1 = fake_new_table(ft), l2 = fake_new_table(ft);
	struct walk_ctx ctx = fake_ctx(ft, l0, fake_new_table(ft));
	struct collected c = { 0 };

	ctx.ttbr0_va_bits = 48;
	fake_table(ft, l0)[1] = fake_table_desc(l1);
	fake_table(ft, l1)[0] = fake_table_desc(l2);
	fake_table(ft, l2)[1] = fake_leaf_desc(0x8000200000ULL, 2, &image);
	fake_table(ft, l2)[2] = fake_leaf_desc(0x8000400000ULL, 2, &image);
	assert_int_equal(pt_dump(&ctx, 0, collect, &c), 1);
	assert_int_equal(c.r[0].va, 0x8000200000ULL);
	assert_int_equal(c.r[0].pa, 0x8000200000ULL);
	assert_int_equal(c.r[0].size, 0x400000);
	assert_int_equal(c.r[0].level, 2);
#else
	(void)state;
#endif
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_empty),
		T(test_merge_contiguous_blocks),
		T(test_split_on_attributes),
		T(test_split_on_each_attribute),
		T(test_split_on_pa_discontinuity),
		T(test_split_on_hole),
		T(test_split_on_level),
		T(test_pages_with_holes),
		T(test_merge_across_level2_tables),
		T(test_level1_blocks),
		T(test_ttbr1_base_and_order),
		T(test_virt_early_map),
		T(test_unreadable),
		T(test_ttbr0_wider_than_ttbr1),
		cmocka_unit_test(test_format_size),
		cmocka_unit_test(test_range_format),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
