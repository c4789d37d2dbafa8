/*
 * test_memory_layout.c - host unit tests of mmu/memory.h's virtual layout in
 * every geometry.
 *
 * Owns: the layout's values per geometry (unit.mk builds this once per
 * geometry of mmu/geometry.mk) against a table written out by hand from
 * the design (fractions of the TTBR1 span, the kimage region, windows
 * counted in early blocks from its end), not from the macros; for the
 * default geometry, a _Static_assert that the values are exactly those
 * of the layout written for 4 KiB/39 bits before it was generic; and the
 * properties the early map relies on (each window in the image's early
 * table, apart, block aligned; the root entry of the image). A 52-bit
 * geometry's fixed regions are the 48-bit (47 with 16K) geometry's, in
 * the span every CPU has, and its linear map starts this boot's TTBR1
 * span: 2^52 below the top, or the fallback's.
 */
#include "unit.h"
#include "memory.h"
#include "desc.h"
#include "vabits.h"

/* 4 KiB pages, 39 bits: the layout as it was written in 1 GiB slots and
 * 2 MiB blocks (and the early table count: 4 pages). */
#if PAGE_SHIFT == 12 && VA_BITS == 39
_Static_assert(PAGE_OFFSET == 0xffffff8000000000UL, "PAGE_OFFSET");
_Static_assert(KIMAGE_VADDR == 0xffffffc000000000UL, "KIMAGE_VADDR");
_Static_assert(FDT_VADDR == 0xffffffc000000000UL + (1UL << 30) - (8UL << 20), "FDT_VADDR");
_Static_assert(CONSOLE_VADDR == 0xffffffc000000000UL + (1UL << 30) - (2UL << 20), "CONSOLE_VADDR");
_Static_assert(POOL_VADDR == 0xffffffc000000000UL + (1UL << 30) - (16UL << 20), "POOL_VADDR");
_Static_assert(STACKS_VADDR == 0xffffffe000000000UL, "STACKS_VADDR");
_Static_assert(DEVICE_VADDR == 0xffffffff80000000UL && DEVICE_SPAN == (1UL << 30), "DEVICE_VADDR");
_Static_assert(DEMAND_VADDR == 0xfffffff000000000UL, "DEMAND_VADDR");
_Static_assert(LINEAR_MAP_VA_SIZE == 256UL << 30, "LINEAR_MAP_VA_SIZE");
_Static_assert(EARLY_PG_PAGES == 4 && EARLY_WINDOW_PAGES == 4, "EARLY_PG_PAGES");
_Static_assert(KIMAGE_MAX_SIZE == 2UL << 20, "KIMAGE_MAX_SIZE");
_Static_assert(FDT_WINDOW_SIZE == 4UL << 20 && POOL_WINDOW_SIZE == 2UL << 20, "window sizes");
_Static_assert(KIMAGE_PGD_INDEX == 256, "the image's level-1 entry");
#endif

struct layout_row {
	unsigned page_shift, va_bits;
	uint64_t page_offset, kimage, fdt, console, pool, stacks, device, demand, linear_size;
	unsigned early_pg_pages;
	uint64_t block, region;
	unsigned window_pages;
};

static const struct layout_row rows[] = {
	{ 12, 39, 0xffffff8000000000ULL, 0xffffffc000000000ULL, 0xffffffc03f800000ULL, 0xffffffc03fe00000ULL, 0xffffffc03f000000ULL,
	  0xffffffe000000000ULL, 0xffffffff80000000ULL, 0xfffffff000000000ULL, 0x4000000000ULL, 4, 0x200000ULL, 0x40000000ULL, 4 },
	{ 12, 48, 0xffff000000000000ULL, 0xffff800000000000ULL, 0xffff80003f800000ULL, 0xffff80003fe00000ULL, 0xffff80003f000000ULL,
	  0xffffc00000000000ULL, 0xffffff0000000000ULL, 0xffffe00000000000ULL, 0x800000000000ULL, 6, 0x200000ULL, 0x40000000ULL, 4 },
	{ 14, 36, 0xfffffff000000000ULL, 0xfffffff800000000ULL, 0xfffffff9f8000000ULL, 0xfffffff9fe000000ULL, 0xfffffff9f0000000ULL,
	  0xfffffffc00000000ULL, 0xfffffffff0000000ULL, 0xfffffffe00000000ULL, 0x800000000ULL, 2, 0x2000000ULL, 0x200000000ULL, 3 },
	{ 14, 47, 0xffff800000000000ULL, 0xffffc00000000000ULL, 0xffffc00ff8000000ULL, 0xffffc00ffe000000ULL, 0xffffc00ff0000000ULL,
	  0xffffe00000000000ULL, 0xffffff8000000000ULL, 0xfffff00000000000ULL, 0x400000000000ULL, 4, 0x2000000ULL, 0x1000000000ULL, 3 },
	{ 14, 48, 0xffff000000000000ULL, 0xffff800000000000ULL, 0xffff800ff8000000ULL, 0xffff800ffe000000ULL, 0xffff800ff0000000ULL,
	  0xffffc00000000000ULL, 0xffffff0000000000ULL, 0xffffe00000000000ULL, 0x800000000000ULL, 6, 0x2000000ULL, 0x1000000000ULL, 3 },
	{ 16, 42, 0xfffffc0000000000ULL, 0xfffffe0000000000ULL, 0xfffffe7f80000000ULL, 0xfffffe7fe0000000ULL, 0xfffffe7f00000000ULL,
	  0xffffff0000000000ULL, 0xfffffffc00000000ULL, 0xffffff8000000000ULL, 0x20000000000ULL, 2, 0x20000000ULL, 0x8000000000ULL, 3 },
	{ 16, 48, 0xffff000000000000ULL, 0xffff800000000000ULL, 0xffff83ff80000000ULL, 0xffff83ffe0000000ULL, 0xffff83ff00000000ULL,
	  0xffffc00000000000ULL, 0xffffff0000000000ULL, 0xffffe00000000000ULL, 0x800000000000ULL, 4, 0x20000000ULL, 0x40000000000ULL, 3 },
	/* The 52-bit geometries with the 52-bit VA (PAGE_OFFSET -2^52). */
	{ 12, 52, 0xfff0000000000000ULL, 0xffff800000000000ULL, 0xffff80003f800000ULL, 0xffff80003fe00000ULL, 0xffff80003f000000ULL,
	  0xffffc00000000000ULL, 0xffffff0000000000ULL, 0xffffe00000000000ULL, 0x800000000000ULL, 8, 0x200000ULL, 0x40000000ULL, 4 },
	{ 14, 52, 0xfff0000000000000ULL, 0xffffc00000000000ULL, 0xffffc00ff8000000ULL, 0xffffc00ffe000000ULL, 0xffffc00ff0000000ULL,
	  0xffffe00000000000ULL, 0xffffff8000000000ULL, 0xfffff00000000000ULL, 0x400000000000ULL, 6, 0x2000000ULL, 0x1000000000ULL, 3 },
	{ 16, 52, 0xfff0000000000000ULL, 0xffff800000000000ULL, 0xffff83ff80000000ULL, 0xffff83ffe0000000ULL, 0xffff83ff00000000ULL,
	  0xffffc00000000000ULL, 0xffffff0000000000ULL, 0xffffe00000000000ULL, 0x800000000000ULL, 4, 0x20000000ULL, 0x40000000000ULL, 3 },
};

static const struct layout_row *this_row(void)
{
	for (size_t i = 0; i < ARRAY_LEN(rows); i++)
		if (rows[i].page_shift == PAGE_SHIFT && rows[i].va_bits == VA_BITS)
			return &rows[i];
	fail_msg("PAGE_SHIFT %d VA_BITS %d: no row", PAGE_SHIFT, VA_BITS);
	return NULL;
}

static void test_layout_values(void **state)
{
	const struct layout_row *r = this_row();

	(void)state;
	assert_int_equal((uint64_t)PAGE_OFFSET, r->page_offset);
	assert_int_equal((uint64_t)KIMAGE_VADDR, r->kimage);
	assert_int_equal((uint64_t)FDT_VADDR, r->fdt);
	assert_int_equal((uint64_t)CONSOLE_VADDR, r->console);
	assert_int_equal((uint64_t)POOL_VADDR, r->pool);
	assert_int_equal((uint64_t)STACKS_VADDR, r->stacks);
	assert_int_equal((uint64_t)DEVICE_VADDR, r->device);
	assert_int_equal((uint64_t)DEMAND_VADDR, r->demand);
	assert_int_equal((uint64_t)LINEAR_MAP_VA_SIZE, r->linear_size);
	assert_int_equal(EARLY_PG_PAGES, r->early_pg_pages);
	assert_int_equal((uint64_t)KIMAGE_MAX_SIZE, r->block);
	assert_int_equal((uint64_t)KIMAGE_REGION_SIZE, r->region);
	assert_int_equal(EARLY_WINDOW_PAGES, r->window_pages);
#if VA_BITS > VA_BITS_MIN
	/* On the fallback only the linear map moves: to the bottom of the
	 * span every CPU has, where the budget is measured from. */
	vabits_set(VA_BITS_MIN);
	assert_int_equal((uint64_t)PAGE_OFFSET, (uint64_t)PAGE_OFFSET_MIN);
	assert_int_equal((uint64_t)PAGE_OFFSET, r->kimage - r->linear_size);
	vabits_set(VA_BITS);
#endif
}

/* Each window (and the image) in the one early table at the block level
 * that holds the image's entry, each starting a block of its own, apart;
 * the DTB window holds a DTB of MAX_FDT_SIZE at any page offset. */
static void test_windows_in_kimage_table(void **state)
{
	const uint64_t k = KIMAGE_VADDR, span = (uint64_t)SWAPPER_BLOCK_SIZE << PTE_INDEX_BITS;
	const uint64_t w[] = { POOL_VADDR, FDT_VADDR, FDT_VADDR + FDT_WINDOW_SIZE - 1, CONSOLE_VADDR };

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(w); i++)
		assert_int_equal(w[i] / span, k / span);
	assert_int_equal(POOL_VADDR % SWAPPER_BLOCK_SIZE, 0);
	assert_int_equal(FDT_VADDR % SWAPPER_BLOCK_SIZE, 0);
	assert_int_equal(CONSOLE_VADDR % SWAPPER_BLOCK_SIZE, 0);
	assert_true((uint64_t)POOL_VADDR >= k + KIMAGE_MAX_SIZE);
	assert_true((uint64_t)FDT_VADDR >= POOL_VADDR + POOL_WINDOW_SIZE);
	assert_true((uint64_t)CONSOLE_VADDR >= FDT_VADDR + FDT_WINDOW_SIZE);
	assert_true(FDT_WINDOW_SIZE >= MAX_FDT_SIZE + PAGE_SIZE);
	assert_true(BOOT_POOL_PAGES * PAGE_SIZE <= POOL_WINDOW_SIZE);
}

/* The image's root entry is the middle one of the root every CPU walks
 * (in a 52-bit build the fallback's; with 52-bit VAs one of the top
 * entries); every secondary's stack lies below DEMAND_VADDR; the devices'
 * window ends before the span does. */
static void test_layout_order(void **state)
{
	unsigned min_root = level_entries(va_root_level(VA_BITS_MIN), VA_BITS_MIN);
	int min_level = va_root_level(VA_BITS_MIN);

	(void)state;
	assert_int_equal(((uint64_t)KIMAGE_VADDR >> LEVEL_SHIFT(min_level)) & (min_root - 1),
			 min_root / 2);
	assert_int_equal(KIMAGE_PGD_INDEX, ((uint64_t)KIMAGE_VADDR >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1));
	if (VA_BITS == VA_BITS_MIN)
		assert_int_equal(KIMAGE_PGD_INDEX, PTRS_PER_PGD / 2);
	else {   /* 52 bits: the middle of the root's last n entries (n = 1: the last) */
		unsigned n = 1u << (VA_BITS_MIN - PGDIR_SHIFT);

		assert_int_equal(KIMAGE_PGD_INDEX, PTRS_PER_PGD - n + n / 2);
	}
	assert_true((uint64_t)STACKS_VADDR + NR_CPUS * (uint64_t)CPU_STACK_STRIDE <= DEMAND_VADDR);
	assert_true((uint64_t)KIMAGE_VADDR + KIMAGE_REGION_SIZE <= STACKS_VADDR);
	assert_true((uint64_t)DEVICE_VADDR + DEVICE_SPAN > DEVICE_VADDR);   /* no wrap to 0 */
	assert_int_equal(DEVICE_SPAN % BLOCK_MAX_SIZE, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_values),
		cmocka_unit_test(test_windows_in_kimage_table),
		cmocka_unit_test(test_layout_order),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
