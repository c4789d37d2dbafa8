/*
 * test_desc.c - host unit tests of mmu/desc.c.
 *
 * Owns: level_shift, desc_decode of every descriptor kind (table, block,
 * page, invalid, reserved) at levels 1-3 with each level's output-address
 * mask, every attribute bit, desc_make_leaf against hand-encoded values and
 * its round trip through desc_decode, pte_attrs_equal, mair_attr_byte,
 * mair_attr_name and the pte_attrs_format text.
 */
#include "unit.h"
#include "desc.h"

/* The early map's attributes (mmu/maps.c's policy), as literals. */
static const struct pte_attrs image = { .attrindx = 4, .sh = 3, .af = true };
static const struct pte_attrs linear = { .attrindx = 4, .sh = 3, .af = true,
					 .pxn = true, .uxn = true };
static const struct pte_attrs device = { .attrindx = 0, .sh = 0, .af = true,
					 .pxn = true, .uxn = true };

static void assert_attrs(const struct pte_attrs *got, const struct pte_attrs *want)
{
	assert_int_equal(got->attrindx, want->attrindx);
	assert_int_equal(got->sh, want->sh);
	assert_int_equal(got->rdonly, want->rdonly);
	assert_int_equal(got->user, want->user);
	assert_int_equal(got->af, want->af);
	assert_int_equal(got->ng, want->ng);
	assert_int_equal(got->pxn, want->pxn);
	assert_int_equal(got->uxn, want->uxn);
}

static void test_level_shift(void **state)
{
	(void)state;
	assert_int_equal(level_shift(1), 30);
	assert_int_equal(level_shift(2), 21);
	assert_int_equal(level_shift(3), 12);
}

static void test_table_levels_1_2(void **state)
{
	(void)state;
	for (int level = 1; level <= 2; level++) {
		struct desc_info d = desc_decode(0x0000000840002003ULL, level);

		assert_int_equal(d.kind, DESC_TABLE);
		assert_int_equal(d.addr, 0x840002000ULL);
	}
}

static void test_table_ignores_attribute_bits(void **state)
{
	/* NSTable, APTable, UXNTable, PXNTable (63:59), ignored bits 58:52 and
	 * 11:2: none of them is part of the next-table address. */
	struct desc_info d = desc_decode(0xfff0000840002ffbULL | 3, 1);

	(void)state;
	assert_int_equal(d.kind, DESC_TABLE);
	assert_int_equal(d.addr, 0x840002000ULL);
}

static void test_table_address_mask(void **state)
{
	(void)state;
	assert_int_equal(desc_decode(~0ULL, 1).addr, 0x0000fffffffff000ULL);
	assert_int_equal(desc_decode(~0ULL, 2).addr, 0x0000fffffffff000ULL);
}

static void test_block_level1(void **state)
{
	/* 1 GiB block at 0x80000000, AttrIndx 4, SH 3, AF. */
	struct desc_info d = desc_decode(0x0000000080000711ULL, 1);

	(void)state;
	assert_int_equal(d.kind, DESC_BLOCK);
	assert_int_equal(d.addr, 0x80000000ULL);
	assert_attrs(&d.attrs, &image);
}

static void test_block_level2(void **state)
{
	struct desc_info d = desc_decode(0x0060000040200711ULL, 2);

	(void)state;
	assert_int_equal(d.kind, DESC_BLOCK);
	assert_int_equal(d.addr, 0x40200000ULL);
	assert_attrs(&d.attrs, &linear);
}

static void test_page_level3(void **state)
{
	struct desc_info d = desc_decode(0x0060000009000403ULL, 3);

	(void)state;
	assert_int_equal(d.kind, DESC_PAGE);
	assert_int_equal(d.addr, 0x09000000ULL);
	assert_attrs(&d.attrs, &device);
}

static void test_leaf_address_mask_per_level(void **state)
{
	(void)state;
	/* Every bit set except bit 1 (block): OA bits [47:level shift] only. */
	assert_int_equal(desc_decode(~2ULL, 1).addr, 0x0000ffffc0000000ULL);
	assert_int_equal(desc_decode(~2ULL, 2).addr, 0x0000ffffffe00000ULL);
	/* Every bit set is a page at level 3: OA bits [47:12]. */
	assert_int_equal(desc_decode(~0ULL, 3).kind, DESC_PAGE);
	assert_int_equal(desc_decode(~0ULL, 3).addr, 0x0000fffffffff000ULL);
	/* Low OA bits below the block size are dropped. */
	assert_int_equal(desc_decode(0x80323711ULL, 1).addr, 0x80000000ULL);
	assert_int_equal(desc_decode(0x80323711ULL, 2).addr, 0x80200000ULL);
	assert_int_equal(desc_decode(0x80323713ULL, 3).addr, 0x80323000ULL);
}

static void test_invalid_encodings(void **state)
{
	(void)state;
	for (int level = 1; level <= 3; level++) {
		/* bit 0 clear: invalid whatever the rest holds */
		const uint64_t descs[] = { 0, 0x40200710ULL, 0x40200712ULL, ~1ULL, ~3ULL };

		for (size_t i = 0; i < ARRAY_LEN(descs); i++) {
			struct desc_info d = desc_decode(descs[i], level);

			assert_int_equal(d.kind, DESC_INVALID);
			assert_int_equal(d.addr, 0);
			assert_int_equal(d.attrs.attrindx, 0);
			assert_false(d.attrs.af);
		}
	}
}

static void test_reserved_block_at_level3(void **state)
{
	/* Type 0b01 at level 3 is reserved (no level-3 blocks): invalid. */
	struct desc_info d = desc_decode(0x40200711ULL, 3);

	(void)state;
	assert_int_equal(d.kind, DESC_INVALID);
	assert_int_equal(d.addr, 0);
}

static void test_no_level0_block(void **state)
{
	(void)state;
	assert_int_equal(desc_decode(0x40200711ULL, 0).kind, DESC_INVALID);
}

static void test_each_attribute_bit(void **state)
{
	(void)state;
	for (int level = 1; level <= 3; level++) {
		uint64_t type = level == 3 ? 3 : 1;
		struct desc_info d;

		d = desc_decode(type | (1ULL << 6), level);
		assert_true(d.attrs.user);
		assert_false(d.attrs.rdonly || d.attrs.af || d.attrs.ng || d.attrs.pxn || d.attrs.uxn);
		d = desc_decode(type | (1ULL << 7), level);
		assert_true(d.attrs.rdonly);
		assert_false(d.attrs.user || d.attrs.af || d.attrs.ng || d.attrs.pxn || d.attrs.uxn);
		d = desc_decode(type | (1ULL << 10), level);
		assert_true(d.attrs.af);
		assert_false(d.attrs.user || d.attrs.rdonly || d.attrs.ng || d.attrs.pxn || d.attrs.uxn);
		d = desc_decode(type | (1ULL << 11), level);
		assert_true(d.attrs.ng);
		assert_false(d.attrs.user || d.attrs.rdonly || d.attrs.af || d.attrs.pxn || d.attrs.uxn);
		d = desc_decode(type | (1ULL << 53), level);
		assert_true(d.attrs.pxn);
		assert_false(d.attrs.user || d.attrs.rdonly || d.attrs.af || d.attrs.ng || d.attrs.uxn);
		d = desc_decode(type | (1ULL << 54), level);
		assert_true(d.attrs.uxn);
		assert_false(d.attrs.user || d.attrs.rdonly || d.attrs.af || d.attrs.ng || d.attrs.pxn);
		for (unsigned idx = 0; idx < 8; idx++) {
			d = desc_decode(type | (idx << 2), level);
			assert_int_equal(d.attrs.attrindx, idx);
			assert_int_equal(d.attrs.sh, 0);
		}
		for (unsigned sh = 0; sh < 4; sh++) {
			d = desc_decode(type | (sh << 8), level);
			assert_int_equal(d.attrs.sh, sh);
			assert_int_equal(d.attrs.attrindx, 0);
		}
		/* Contiguous (52), software bits (58:55), nT/GP etc: no attribute. */
		d = desc_decode(type | (1ULL << 52) | (0xfULL << 55), level);
		assert_attrs(&d.attrs, &(struct pte_attrs){ 0 });
	}
}

static void test_make_leaf_known_values(void **state)
{
	(void)state;
	/* The values SWAPPER/LINEAR/DEVICE_MM_MMUFLAGS give in tables.S. */
	assert_int_equal(desc_make_leaf(0x40200000ULL, &image, 2), 0x0000000040200711ULL);
	assert_int_equal(desc_make_leaf(0x40000000ULL, &linear, 2), 0x0060000040000711ULL);
	assert_int_equal(desc_make_leaf(0x09000000ULL, &device, 2), 0x0060000009000401ULL);
	assert_int_equal(desc_make_leaf(0x80000000ULL, &image, 1), 0x0000000080000711ULL);
	assert_int_equal(desc_make_leaf(0x12345000ULL, &image, 3), 0x0000000012345713ULL);
	assert_int_equal(desc_make_leaf(0x12345000ULL,
					&(struct pte_attrs){ .rdonly = true, .user = true,
							     .ng = true, .attrindx = 3, .sh = 2 }, 3),
			 0x0000000012345acfULL);
}

static void test_make_leaf_masks(void **state)
{
	(void)state;
	/* Offsets inside the block and bits above the 48-bit OA are dropped. */
	assert_int_equal(desc_make_leaf(0x40212345ULL, &image, 2), 0x40200711ULL);
	assert_int_equal(desc_make_leaf(0x7fffffffULL, &image, 1), 0x40000711ULL);
	assert_int_equal(desc_make_leaf(0xffff000012345fffULL, &image, 3), 0x12345713ULL);
	/* AttrIndx and SH are truncated to their fields. */
	assert_int_equal(desc_make_leaf(0, &(struct pte_attrs){ .attrindx = 9, .sh = 7 }, 2),
			 0x0000000000000305ULL);
}

static void test_make_leaf_round_trip(void **state)
{
	const uint64_t pa[4] = { 0, 0xc0000000ULL, 0x0000ffffffe00000ULL, 0x0000fffffffff000ULL };

	(void)state;
	for (int level = 1; level <= 3; level++) {
		for (unsigned bits = 0; bits < 64; bits++) {
			for (unsigned idx = 0; idx < 8; idx++) {
				for (unsigned sh = 0; sh < 4; sh++) {
					struct pte_attrs a = {
						.attrindx = (uint8_t)idx, .sh = (uint8_t)sh,
						.rdonly = bits & 1, .user = bits & 2, .af = bits & 4,
						.ng = bits & 8, .pxn = bits & 16, .uxn = bits & 32,
					};
					uint64_t want_pa = pa[level] & ~((1ULL << level_shift(level)) - 1);
					struct desc_info d = desc_decode(desc_make_leaf(pa[level], &a, level),
									 level);

					assert_int_equal(d.kind, level == 3 ? DESC_PAGE : DESC_BLOCK);
					assert_int_equal(d.addr, want_pa);
					assert_true(pte_attrs_equal(&d.attrs, &a));
				}
			}
		}
	}
}

static void test_attrs_equal(void **state)
{
	const struct pte_attrs base = { .attrindx = 4, .sh = 3, .af = true, .pxn = true };
	struct pte_attrs b;

	(void)state;
	b = base;
	assert_true(pte_attrs_equal(&base, &b));
	b = base; b.attrindx = 3;        assert_false(pte_attrs_equal(&base, &b));
	b = base; b.sh = 2;              assert_false(pte_attrs_equal(&base, &b));
	b = base; b.rdonly = true;       assert_false(pte_attrs_equal(&base, &b));
	b = base; b.user = true;         assert_false(pte_attrs_equal(&base, &b));
	b = base; b.af = false;          assert_false(pte_attrs_equal(&base, &b));
	b = base; b.ng = true;           assert_false(pte_attrs_equal(&base, &b));
	b = base; b.pxn = false;         assert_false(pte_attrs_equal(&base, &b));
	b = base; b.uxn = true;          assert_false(pte_attrs_equal(&base, &b));
	assert_false(pte_attrs_equal(&b, &base));   /* symmetric */
}

static void test_mair_value_and_bytes(void **state)
{
	(void)state;
	assert_int_equal(MAIR_EL1_VALUE, 0x000000ff440c0400ULL);
	assert_int_equal(mair_attr_byte(MAIR_EL1_VALUE, 0), 0x00);
	assert_int_equal(mair_attr_byte(MAIR_EL1_VALUE, 1), 0x04);
	assert_int_equal(mair_attr_byte(MAIR_EL1_VALUE, 2), 0x0c);
	assert_int_equal(mair_attr_byte(MAIR_EL1_VALUE, 3), 0x44);
	assert_int_equal(mair_attr_byte(MAIR_EL1_VALUE, 4), 0xff);
	assert_int_equal(mair_attr_byte(MAIR_EL1_VALUE, 5), 0x00);
	assert_int_equal(mair_attr_byte(0x0123456789abcdefULL, 0), 0xef);
	assert_int_equal(mair_attr_byte(0x0123456789abcdefULL, 3), 0x89);
	assert_int_equal(mair_attr_byte(0x0123456789abcdefULL, 7), 0x01);
	/* AttrIndx is 3 bits: index 8 is index 0. */
	assert_int_equal(mair_attr_byte(0x0123456789abcdefULL, 8), 0xef);
}

static void test_mair_attr_names(void **state)
{
	(void)state;
	assert_string_equal(mair_attr_name(0x00), "DEVICE/nGnRnE");
	assert_string_equal(mair_attr_name(0x04), "DEVICE/nGnRE");
	assert_string_equal(mair_attr_name(0x0c), "DEVICE/GRE");
	assert_string_equal(mair_attr_name(0x44), "MEM/NORMAL-NC");
	assert_string_equal(mair_attr_name(0xff), "MEM/NORMAL");
	assert_string_equal(mair_attr_name(0xbb), "MEM/OTHER");
	assert_string_equal(mair_attr_name(0x08), "MEM/OTHER");
}

static void test_attrs_format(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(pte_attrs_format(&linear, buf, sizeof(buf)),
			    "RW NX SHD AF UXN MEM/NORMAL");
	assert_string_equal(pte_attrs_format(&image, buf, sizeof(buf)),
			    "RW x  SHD AF MEM/NORMAL");
	assert_string_equal(pte_attrs_format(&device, buf, sizeof(buf)),
			    "RW NX NSH AF UXN DEVICE/nGnRnE");
	assert_string_equal(pte_attrs_format(&(struct pte_attrs){ .rdonly = true, .sh = 2,
				.ng = true, .uxn = true, .user = true, .attrindx = 3 },
				buf, sizeof(buf)),
			    "ro x  OSH -- nG UXN USR MEM/NORMAL-NC");
	assert_string_equal(pte_attrs_format(&(struct pte_attrs){ .sh = 1, .attrindx = 1 },
					     buf, sizeof(buf)),
			    "RW x  ??? -- DEVICE/nGnRE");
	assert_string_equal(pte_attrs_format(&(struct pte_attrs){ .attrindx = 2, .af = true },
					     buf, sizeof(buf)),
			    "RW x  NSH AF DEVICE/GRE");
	/* AttrIndx 5..7 are 0x00 in MAIR_EL1_VALUE. */
	assert_string_equal(pte_attrs_format(&(struct pte_attrs){ .attrindx = 7 }, buf, sizeof(buf)),
			    "RW x  NSH -- DEVICE/nGnRnE");
}

static void test_attrs_format_truncates(void **state)
{
	char buf[12];

	(void)state;
	memset(buf, 'z', sizeof(buf));
	assert_ptr_equal(pte_attrs_format(&linear, buf, 8), buf);
	assert_string_equal(buf, "RW NX S");
	assert_int_equal(buf[8], 'z');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_level_shift),
		cmocka_unit_test(test_table_levels_1_2),
		cmocka_unit_test(test_table_ignores_attribute_bits),
		cmocka_unit_test(test_table_address_mask),
		cmocka_unit_test(test_block_level1),
		cmocka_unit_test(test_block_level2),
		cmocka_unit_test(test_page_level3),
		cmocka_unit_test(test_leaf_address_mask_per_level),
		cmocka_unit_test(test_invalid_encodings),
		cmocka_unit_test(test_reserved_block_at_level3),
		cmocka_unit_test(test_no_level0_block),
		cmocka_unit_test(test_each_attribute_bit),
		cmocka_unit_test(test_make_leaf_known_values),
		cmocka_unit_test(test_make_leaf_masks),
		cmocka_unit_test(test_make_leaf_round_trip),
		cmocka_unit_test(test_attrs_equal),
		cmocka_unit_test(test_mair_value_and_bytes),
		cmocka_unit_test(test_mair_attr_names),
		cmocka_unit_test(test_attrs_format),
		cmocka_unit_test(test_attrs_format_truncates),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
