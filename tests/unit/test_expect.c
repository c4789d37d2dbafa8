/*
 * test_expect.c - host unit tests of mmu/expect.c, the oracle
 * (expect_early_map, expect_final_map).
 *
 * Owns: expect_early_map for a QEMU-virt boot (maps_fixture.h's virt) at
 * the identity's and the image's edges (first byte, last byte, one past the
 * end), through the shared root's aliases (the identity at VA_START + its
 * PA in TTBR1, the image and its windows at KIMAGE_VADDR's low bits in
 * TTBR0; the image's physical GiB at KIMAGE_VADDR's level-1 index, both
 * maps in one level-2 table), for non-canonical VAs and for the linear
 * map's VAs (none in the early map); expect_final_map for fvirt at each
 * region's edges (text running to rodata, data and .pgdir, the boot CPU's
 * guard page and stack, the linear alias read-only over text and rodata
 * and writable after, the UART's page, the DTB's) and where nothing is
 * mapped (VA 0, TTBR0, the early map's aliases, the device window). The
 * regions behind both are test_maps.c's.
 */
#include "maps_fixture.h"

/* ---- the early map: identity, image, aliases, what is not mapped ---------- */

static void test_expect_idmap_edges(void **state)
{
	(void)state;
	expect_mapped(&virt, 0x40200000ULL, "idmap", 0x40200000ULL, &image);
	expect_mapped(&virt, 0x40212345ULL, "idmap", 0x40212345ULL, &image);
	expect_mapped(&virt, 0x403fffffULL, "idmap", 0x403fffffULL, &image);
	expect_unmapped(&virt, 0x40400000ULL);
	expect_unmapped(&virt, 0x401fffffULL);
	expect_unmapped(&virt, 0);
	expect_unmapped(&virt, 0x7fffffffffULL);
}

static void test_expect_kimage_edges(void **state)
{
	(void)state;
	expect_mapped(&virt, 0xffffffc000000000ULL, "kimage", 0x40200000ULL, &image);
	expect_mapped(&virt, 0xffffffc0001fffffULL, "kimage", 0x403fffffULL, &image);
	expect_unmapped(&virt, 0xffffffc000200000ULL);
	expect_unmapped(&virt, 0xffffffbfffffffffULL);
}

static void test_expect_aliases(void **state)
{
	(void)state;
	/* TTBR1 at VA_START + the identity's VA: the identity map's entry. */
	assert_int_equal((uint64_t)VA_START + 0x40200000ULL, 0xffffff8040200000ULL);
	expect_mapped(&virt, 0xffffff8040200000ULL, "idmap", 0x40200000ULL, &image);
	expect_mapped(&virt, 0xffffff80403fffffULL, "idmap", 0x403fffffULL, &image);
	expect_unmapped(&virt, 0xffffff8040400000ULL);
	expect_unmapped(&virt, 0xffffff80401fffffULL);
	/* TTBR0 at KIMAGE_VADDR's low bits: the image's entry. */
	assert_int_equal((uint64_t)KIMAGE_VADDR & VA_LOW_MASK, 0x4000000000ULL);
	expect_mapped(&virt, 0x4000000000ULL, "kimage", 0x40200000ULL, &image);
	expect_mapped(&virt, 0x40001fffffULL, "kimage", 0x403fffffULL, &image);
	expect_unmapped(&virt, 0x4000200000ULL);
	expect_unmapped(&virt, 0x3fffffffffULL);
	/* ... and the windows in the image's level-2 table with it. */
	expect_mapped(&virt, VA_FDT & LOW39, "dtb", 0x40000000ULL, &fdt);
	expect_mapped(&virt, (VA_FDT & LOW39) + 0xfffff, "dtb", 0x400fffffULL, &fdt);
	expect_unmapped(&virt, (VA_FDT & LOW39) + 0x100000);
	expect_mapped(&virt, VA_CONSOLE & LOW39, "uart", 0x09000000ULL, &device);
	expect_unmapped(&virt, (VA_CONSOLE & LOW39) + 0x1000);
}

/* The image's physical GiB has KIMAGE_VADDR's level-1 index (256): both
 * maps in one level-2 table (tables.S). */
static void test_expect_shared_level2(void **state)
{
	struct boot_layout l = virt;
	struct expectation e;

	(void)state;
	/* Different 2 MiB entries of one table: each VA sees the other's. */
	l.phys_text = 0x4000400000ULL;
	expect_mapped(&l, 0x4000400000ULL, "idmap", 0x4000400000ULL, &image);
	expect_mapped(&l, 0xffffffc000000000ULL, "kimage", 0x4000400000ULL, &image);
	expect_mapped(&l, 0x4000000000ULL, "kimage", 0x4000400000ULL, &image);
	expect_mapped(&l, 0xffffffc000400000ULL, "idmap", 0x4000400000ULL, &image);
	expect_unmapped(&l, 0x4000200000ULL);
	expect_unmapped(&l, 0xffffffc000600000ULL);
	/* Not 2 MiB aligned, in another block of that GiB: the identity's
	 * block (entry 2) and the link address's level-3 table (entry 0) are
	 * different entries of the one table, each seen from the other half. */
	l.phys_text = 0x4000481000ULL;
	expect_mapped(&l, 0x4000481000ULL, "idmap", 0x4000481000ULL, &image);
	expect_mapped(&l, 0xffffffc000000000ULL, "kimage", 0x4000481000ULL, &image);
	expect_mapped(&l, 0x4000000000ULL, "kimage", 0x4000481000ULL, &image);
	expect_mapped(&l, 0xffffffc000481000ULL, "idmap", 0x4000481000ULL, &image);
	(void)e;
	expect_unmapped(&l, 0x4000200000ULL);
}

static void test_expect_non_canonical(void **state)
{
	(void)state;
	expect_unmapped(&virt, 0x8000000000ULL);
	expect_unmapped(&virt, 0x0000800000000000ULL);
	expect_unmapped(&virt, 0xffffff7fffffffffULL);
	expect_unmapped(&virt, 0x8000000000000000ULL);
	/* Bits [38:0] of a mapped VA, the upper bits neither all 0 nor all 1. */
	expect_unmapped(&virt, 0x8040200000ULL);
	expect_unmapped(&virt, 0x0001004040200000ULL);
	expect_unmapped(&virt, 0xfffffec000000000ULL);
	expect_unmapped(&virt, 0x7fffffc000000000ULL);
	expect_unmapped(&virt, 0xffff00c03fe00000ULL);
}

static void test_expect_linear_unmapped(void **state)
{
	(void)state;
	/* The early map has no linear map: none of RAM's linear VAs. */
	for (uint64_t pa = 0x40000000ULL; pa < 0x48000000ULL; pa += 0x1234567) {
		uint64_t va = maps_phys_to_virt(&virt, pa);

		expect_unmapped(&virt, va);
	}
	expect_unmapped(&virt, 0xffffff8000000000ULL);
	expect_unmapped(&virt, 0xffffff8000200000ULL);   /* linear of text */
	expect_unmapped(&virt, 0xffffff8007fff000ULL);
	expect_unmapped(&virt, 0xffffff8007ffffffULL);
}

/* ---- the final map -------------------------------------------------------- */

static void test_final_expectations(void **state)
{
	struct expectation e;

	(void)state;
	/* The header page (the headers, the result record): data. */
	expect_final_map(&fvirt, &fsyms, fsyms.text, &e);
	assert_true(e.mapped);
	assert_string_equal(e.region, "head");
	assert_int_equal(e.pa, 0x40200000ULL);
	assert_false(e.attrs.rdonly);
	assert_true(e.attrs.pxn);
	assert_true(e.attrs.uxn);
	expect_final_map(&fvirt, &fsyms, fsyms.text + 0x1000, &e);
	assert_true(e.mapped);
	assert_string_equal(e.region, "text");
	assert_int_equal(e.pa, 0x40201000ULL);
	assert_true(e.attrs.rdonly);
	assert_false(e.attrs.pxn);
	assert_true(e.attrs.uxn);
	assert_false(e.attrs.user);

	/* Text runs to rodata: the end of its last page is text too. */
	expect_final_map(&fvirt, &fsyms, fsyms.srodata - 1, &e);
	assert_string_equal(e.region, "text");
	assert_int_equal(e.pa, 0x40206fffULL);

	expect_final_map(&fvirt, &fsyms, fsyms.srodata, &e);
	assert_string_equal(e.region, "rodata");
	assert_true(e.attrs.rdonly && e.attrs.pxn && e.attrs.uxn);

	expect_final_map(&fvirt, &fsyms, fsyms.early_pgd, &e);
	assert_string_equal(e.region, "data");
	assert_int_equal(e.pa, 0x40209000ULL);
	expect_final_map(&fvirt, &fsyms, fsyms.early_pg_end - 8, &e);
	assert_string_equal(e.region, "data");
	assert_false(e.attrs.rdonly);
	assert_true(e.attrs.pxn && e.attrs.uxn);
	assert_int_equal(e.pa, 0x4020bff8ULL);
	/* The windows' level-3 tables (.pgdir), right below the guard: data. */
	expect_final_map(&fvirt, &fsyms, fsyms.stack_guard - 8, &e);
	assert_string_equal(e.region, "data");
	assert_int_equal(e.pa, 0x40211ff8ULL);

	/* The guard page below the boot CPU's stack, and VA 0 and TTBR0:
	 * nothing. */
	expect_final_map(&fvirt, &fsyms, fsyms.stack_guard, &e);
	assert_false(e.mapped);
	expect_final_map(&fvirt, &fsyms, fsyms.stack_bottom - 1, &e);
	assert_false(e.mapped);
	expect_final_map(&fvirt, &fsyms, fsyms.stack_bottom, &e);
	assert_string_equal(e.region, "stack");
	assert_int_equal(e.pa, 0x40213000ULL);
	expect_final_map(&fvirt, &fsyms, fsyms.stack_top - 8, &e);
	assert_string_equal(e.region, "stack");
	/* Past the boot CPU's stack (the image's end): nothing. */
	expect_final_map(&fvirt, &fsyms, fsyms.stack_top, &e);
	assert_false(e.mapped);
	expect_final_map(&fvirt, &fsyms, 0, &e);
	assert_false(e.mapped);
	expect_final_map(&fvirt, &fsyms, fvirt.phys_text, &e);
	assert_false(e.mapped);
	/* The early map's aliases are gone. */
	expect_final_map(&fvirt, &fsyms, 0x4000000000ULL, &e);
	assert_false(e.mapped);

	/* The linear alias of text and rodata is read-only; of data, writable. */
	expect_final_map(&fvirt, &fsyms, VA_LINEAR + 0x200000ULL, &e);
	assert_string_equal(e.region, "linear-ro");
	assert_true(e.attrs.rdonly && e.attrs.pxn);
	expect_final_map(&fvirt, &fsyms, VA_LINEAR + 0x208ff8ULL, &e);
	assert_string_equal(e.region, "linear-ro");
	expect_final_map(&fvirt, &fsyms, VA_LINEAR + 0x209000ULL, &e);
	assert_string_equal(e.region, "linear");
	assert_false(e.attrs.rdonly);
	assert_int_equal(e.pa, 0x40209000ULL);
	expect_final_map(&fvirt, &fsyms, VA_LINEAR + 0x300000ULL, &e);
	assert_string_equal(e.region, "linear");
	expect_final_map(&fvirt, &fsyms, VA_LINEAR + 0x3fffffffULL, &e);
	assert_string_equal(e.region, "linear");
	assert_int_equal(e.pa, 0x7fffffffULL);
	expect_final_map(&fvirt, &fsyms, VA_LINEAR + 0x40000000ULL, &e);
	assert_false(e.mapped);

	/* The UART's page at CONSOLE_VADDR, as in the early map. */
	expect_final_map(&fvirt, &fsyms, maps_virt_uart(&fvirt), &e);
	assert_string_equal(e.region, "uart");
	assert_int_equal(e.pa, 0x09000000ULL);
	expect_final_map(&fvirt, &fsyms, VA_CONSOLE + 0xff8, &e);
	assert_string_equal(e.region, "uart");
	assert_int_equal(e.attrs.attrindx, MT_DEVICE_nGnRnE);
	assert_true(e.attrs.pxn && e.attrs.uxn);
	expect_final_map(&fvirt, &fsyms, VA_CONSOLE + 0x1000, &e);
	assert_false(e.mapped);
	expect_final_map(&fvirt, &fsyms, VA_CONSOLE - 1, &e);
	assert_false(e.mapped);
	expect_final_map(&fvirt, &fsyms, 0xffffffffc0000000ULL, &e);
	assert_false(e.mapped);
	/* Devices are mapped at run time (ioremap), not in the expected map. */
	expect_final_map(&fvirt, &fsyms, (uint64_t)DEVICE_VADDR, &e);
	assert_false(e.mapped);

	/* The DTB, read-only, at the early map's VA. */
	expect_final_map(&fvirt, &fsyms, maps_virt_fdt(&fvirt), &e);
	assert_string_equal(e.region, "dtb");
	assert_int_equal(e.pa, 0x40000000ULL);
	assert_true(pte_attrs_equal(&e.attrs, &fdt));
	expect_final_map(&fvirt, &fsyms, VA_FDT + 0xfffff, &e);
	assert_string_equal(e.region, "dtb");
	assert_int_equal(e.pa, 0x400fffffULL);
	expect_final_map(&fvirt, &fsyms, VA_FDT + 0x100000, &e);
	assert_false(e.mapped);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_expect_idmap_edges),
		cmocka_unit_test(test_expect_kimage_edges),
		cmocka_unit_test(test_expect_aliases),
		cmocka_unit_test(test_expect_shared_level2),
		cmocka_unit_test(test_expect_non_canonical),
		cmocka_unit_test(test_expect_linear_unmapped),
		cmocka_unit_test(test_final_expectations),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
