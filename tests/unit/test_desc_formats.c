/*
 * test_desc_formats.c - host unit tests of the descriptor formats of
 * mmu/desc.c in every geometry (unit.mk builds it once per geometry).
 *
 * Owns: for the format the geometry's descriptors have with each VA size
 * it may run with (each_va_size.h: a 48-bit OA; FEAT_LPA2's, OA[51:50] in
 * bits [9:8] and no SH, with 4 and 16 KiB and 52 bits; FEAT_LPA's,
 * OA[51:48] in bits [15:12], with 64 KiB in a 52-bit build), every output
 * address bit from 12 to 51 through desc_make_leaf and desc_make_table and
 * back through desc_decode at every level that holds it: where the format
 * holds the bit it comes back, in the descriptor bit the Arm ARM names
 * (D8.3.1, D8.3.2), the attributes untouched; where it does not (below
 * the granule or the level's block, at or above the format's top), it is
 * not written. And the TTBR's BADDR[51:48] (D17.2.136) the same way.
 */
#include "unit.h"
#include "desc.h"
#include "each_va_size.h"

/* Where OA bit b lies in a descriptor of this boot's format. */
static unsigned desc_bit_of(unsigned b)
{
	if (lpa2_is_enabled() && b >= 50)
		return b - 42;                  /* OA[51:50] -> [9:8] */
	if (PGTABLE_LPA && b >= 48)
		return b - 36;                  /* OA[51:48] -> [15:12] */
	return b;
}

static const struct pte_attrs attrs = {
	.attrindx = MT_NORMAL, .sh = 3, .af = true, .rdonly = true, .ng = true, .uxn = true,
};

static void oa_bits(void)
{
	unsigned top = oa_bits_max();
	struct pte_attrs held = pte_attrs_as_held(&attrs);

	assert_int_equal(top, PGTABLE_LPA || lpa2_is_enabled() ? 52 : 48);
	for (int level = block_min_level(); level <= 3; level++) {
		/* The descriptor with no address: type and attributes only. */
		uint64_t attr_only = desc_make_leaf(0, &attrs, level);

		assert_int_equal(attr_only & 3, level == 3 ? PTE_TYPE_PAGE : PMD_TYPE_SECT);
		for (unsigned b = 12; b <= 51; b++) {
			uint64_t pa = 1ULL << b, d = desc_make_leaf(pa, &attrs, level);
			bool held_bit = b >= level_shift(level) && b < top;
			struct desc_info info = desc_decode(d, level);

			assert_int_equal(info.kind, level == 3 ? DESC_PAGE : DESC_BLOCK);
			assert_true(pte_attrs_equal(&info.attrs, &held));
			assert_int_equal(info.addr, held_bit ? pa : 0);
			assert_int_equal(d, attr_only | (held_bit ? 1ULL << desc_bit_of(b) : 0));
			assert_int_equal(pte_to_phys(d) & ~((1ULL << level_shift(level)) - 1),
					 held_bit ? pa : 0);
		}
	}
	/* A table descriptor: the next table's address, any bit from the
	 * granule to the format's top. */
	for (unsigned b = PAGE_SHIFT; b < top; b++) {
		uint64_t pa = 1ULL << b, d = desc_make_table(pa);
		int level = va_root_level(vabits_actual());

		assert_int_equal(d, (1ULL << desc_bit_of(b)) | PMD_TYPE_TABLE);
		assert_int_equal(desc_decode(d, level).kind, DESC_TABLE);
		assert_int_equal(desc_decode(d, level).addr, pa);
	}
	/* Every bit at once: the whole field, nothing else. */
	{
		uint64_t pa = ((1ULL << top) - 1) & ~((1ULL << PAGE_SHIFT) - 1);

		assert_int_equal(desc_decode(desc_make_leaf(pa, &attrs, 3), 3).addr, pa);
		assert_int_equal(desc_decode(desc_make_table(pa), 2).addr, pa);
		assert_int_equal(desc_make_table(pa) & ~pte_addr_bits(), PMD_TYPE_TABLE);
	}
}

/* SH: the descriptor's bits [9:8], or with FEAT_LPA2's format none at all
 * (every value reads back as the TCR's, inner). */
static void shareability(void)
{
	for (uint8_t sh = 0; sh < 4; sh++) {
		struct pte_attrs a = attrs;
		uint64_t d;

		if (sh == 1)
			continue;               /* reserved */
		a.sh = sh;
		d = desc_make_leaf(0x40000000ULL, &a, 3);
		assert_int_equal(desc_decode(d, 3).attrs.sh, lpa2_is_enabled() ? PTE_SH_TCR : sh);
		assert_int_equal(d & PTE_SH_MASK, lpa2_is_enabled() ? 0 : (uint64_t)sh << 8);
	}
}

/* TTBR_ELx.BADDR (D17.2.136): bits [47:1], and BADDR[51:48] in [5:2]
 * where the build has 52-bit addresses. */
static void ttbr_bits(void)
{
	for (unsigned b = 6; b < PA_BITS_MAX; b++) {
		uint64_t pa = 1ULL << b, t = phys_to_ttbr(pa);

		assert_int_equal(t, b >= 48 ? 1ULL << (b - 46) : pa);
		assert_int_equal(ttbr_to_phys(t), pa);
	}
	assert_int_equal(ttbr_to_phys(phys_to_ttbr(0x12345000ULL) | 1), 0x12345000ULL);   /* CnP */
	assert_int_equal(ttbr_to_phys(0x0001000040001000ULL), 0x40001000ULL);          /* ASID */
}

static void test_oa_bits(void **state) { (void)state; each_va_size(oa_bits); }
static void test_shareability(void **state) { (void)state; each_va_size(shareability); }
static void test_ttbr_bits(void **state) { (void)state; each_va_size(ttbr_bits); }

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_oa_bits),
		cmocka_unit_test(test_shareability),
		cmocka_unit_test(test_ttbr_bits),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
