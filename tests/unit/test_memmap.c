/*
 * test_memmap.c - host unit tests of mmu/memmap.c.
 *
 * Owns: the expected regions of the early map for a QEMU-virt layout (load
 * pa 0x40200000, link va 0xffffffc000000000, 128 MiB of RAM at 0x40000000
 * in one linear range, UART at 0x09000000, a 1 MiB DTB at 0x40000000) and
 * others (a load not 2 MiB aligned, an image of two blocks, an unaligned DTB, no DTB, no
 * console, the image's physical GiB at KIMAGE_VADDR's level-1 index);
 * expect_early_map at every region's edges (first byte, last byte, one past
 * the end), through the shared root's aliases, for non-canonical and
 * linear-map VAs; the UART's, the DTB's and the pool's VAs;
 * maps_phys_to_virt and the linear helpers (maps_linear_has,
 * maps_linear_end_virt, maps_linear_bytes) at their edges; the final
 * map's regions (W^X, nothing for EL0, the DTB, the UART at CONSOLE_VADDR,
 * the table pool, the secondaries' stacks as one strided region above guard
 * pages, linear ranges with holes and phys_memstart below them, the image's
 * read-only alias only in its range, MAX_LINEAR_RANGES ranges) and
 * expectations; and the probe list (count, names, addresses, and that each
 * probe's expectation in either map agrees with that map's regions, read
 * here independently, strided copies included).
 */
#include "unit.h"
#include "maps.h"
#include "expect.h"
#include "probes.h"
#include "linear_fake.h"

static const struct pte_attrs image = { .attrindx = 4, .sh = 3, .af = true };
static const struct pte_attrs linear = { .attrindx = 4, .sh = 3, .af = true,
					 .pxn = true, .uxn = true };
static const struct pte_attrs device = { .attrindx = 0, .sh = 0, .af = true,
					 .pxn = true, .uxn = true };
static const struct pte_attrs fdt = { .attrindx = 4, .sh = 3, .af = true, .rdonly = true,
				      .pxn = true, .uxn = true };

/* memory.h's windows, spelled out: KIMAGE_VADDR + 1 GiB - 8 MiB, - 2 MiB,
 * - 16 MiB; the secondaries' stacks at VA_START + 384 GiB; the pool's size
 * (BOOT_POOL_PAGES 64) and a stack's (BOOT_STACK_SIZE), a guard page and a
 * stack per CPU (CPU_STACK_STRIDE). */
#define VA_FDT     0xffffffc03f800000ULL
#define VA_CONSOLE 0xffffffc03fe00000ULL
#define VA_POOL    0xffffffc03f000000ULL
#define VA_STACKS  0xffffffe000000000ULL
#define VA_LINEAR  0xffffff8000000000ULL
#define POOL_SIZE  0x40000ULL
#define STACK_SIZE 0x4000ULL
#define STRIDE     0x5000ULL
#define LOW39      0x7fffffffffULL

static const struct boot_layout virt = {
	.phys_text = 0x40200000ULL, .virt_text = 0xffffffc000000000ULL,
	.image_size = 0x18000ULL, .phys_memstart = 0x40000000ULL,
	.linear = (const struct phys_range[]){ { 0x40000000ULL, 0x48000000ULL, NULL } },
	.nr_linear = 1,
	.phys_uart = 0x09000000ULL,
	.phys_dtb = 0x40000000ULL, .dtb_size = 0x100000ULL,
};

#include "early_syms.h"

static void assert_region(const struct mem_region *r, const char *name, int ttbr,
			  uint64_t virt_addr, uint64_t phys, uint64_t size,
			  const struct pte_attrs *attrs)
{
	assert_string_equal(r->name, name);
	assert_int_equal(r->ttbr, ttbr);
	assert_int_equal(r->virt, virt_addr);
	assert_int_equal(r->phys, phys);
	assert_int_equal(r->size, size);
	assert_true(pte_attrs_equal(&r->attrs, attrs));
}

static void expect_mapped(const struct boot_layout *l, uint64_t va, const char *region,
			  uint64_t pa, const struct pte_attrs *attrs)
{
	struct expectation e;

	memset(&e, 0x5a, sizeof(e));
	expect_early_map(l, va, &e);
	if (!e.mapped)
		fail_msg("va 0x%llx: expected mapped in %s, got unmapped",
			 (unsigned long long)va, region);
	assert_string_equal(e.region, region);
	assert_int_equal(e.pa, pa);
	assert_true(pte_attrs_equal(&e.attrs, attrs));
}

static void expect_unmapped(const struct boot_layout *l, uint64_t va)
{
	struct expectation e;

	memset(&e, 0x5a, sizeof(e));
	expect_early_map(l, va, &e);
	if (e.mapped)
		fail_msg("va 0x%llx: expected unmapped, got %s pa 0x%llx",
			 (unsigned long long)va, e.region, (unsigned long long)e.pa);
	assert_string_equal(e.region, "unmapped");
}

/* ---- the early map: regions ----------------------------------------------- */

static void test_window_vas(void **state)
{
	(void)state;
	assert_int_equal((uint64_t)FDT_VADDR, VA_FDT);
	assert_int_equal((uint64_t)CONSOLE_VADDR, VA_CONSOLE);
	assert_int_equal((uint64_t)POOL_VADDR, VA_POOL);
	assert_int_equal((uint64_t)STACKS_VADDR, VA_STACKS);
	assert_int_equal((uint64_t)PAGE_OFFSET, VA_LINEAR);
	assert_int_equal((uint64_t)VA_LOW_MASK, LOW39);
	assert_int_equal(BOOT_POOL_PAGES * PAGE_SIZE, POOL_SIZE);
	assert_int_equal(BOOT_STACK_SIZE, STACK_SIZE);
	assert_int_equal(CPU_STACK_STRIDE, STRIDE);
	/* The linear map's budget: PAGE_OFFSET up to the image's slot. */
	assert_int_equal((uint64_t)LINEAR_MAP_VA_SIZE, 256ULL << 30);
	/* All three in the image's level-1 slot, after its block, each
	 * starting a level-2 entry, apart: pool, DTB, console. */
	assert_int_equal(VA_FDT >> 30, 0xffffffc000000000ULL >> 30);
	assert_int_equal(VA_CONSOLE >> 30, 0xffffffc000000000ULL >> 30);
	assert_int_equal(VA_POOL >> 30, 0xffffffc000000000ULL >> 30);
	assert_true(VA_FDT + FDT_WINDOW_SIZE <= VA_CONSOLE);
	assert_true(VA_POOL + POOL_WINDOW_SIZE <= VA_FDT);
	assert_true(VA_POOL >= 0xffffffc000000000ULL + KIMAGE_MAX_SIZE);
	/* Every CPU's stack fits the stacks' level-1 slot. */
	assert_true(NR_CPUS * STRIDE <= 1ULL << 30);
	assert_int_equal((maps_virt_stack(NR_CPUS - 1) + STACK_SIZE - 1) >> 30, VA_STACKS >> 30);
}

static void test_regions_virt(void **state)
{
	struct mem_region r[NR_REGIONS];

	(void)state;
	assert_int_equal(NR_REGIONS, 5);
	maps_early_regions(&virt, r);
	assert_region(&r[REGION_IDMAP], "idmap", 0, 0x40200000ULL, 0x40200000ULL, 0x200000,
		      &image);
	assert_region(&r[REGION_KIMAGE], "kimage", 1, 0xffffffc000000000ULL, 0x40200000ULL,
		      0x200000, &image);
	assert_region(&r[REGION_FDT], "dtb", 1, VA_FDT, 0x40000000ULL, 0x100000ULL, &fdt);
	assert_region(&r[REGION_CONSOLE], "uart", 1, VA_CONSOLE, 0x09000000ULL, 0x1000, &device);
	/* No pool taken yet: the region is there, empty. */
	assert_string_equal(r[REGION_POOL].name, "tables");
	assert_int_equal(r[REGION_POOL].size, 0);
	for (int i = 0; i < NR_REGIONS; i++)
		assert_true(r[i].count <= 1);
}

static void test_regions_image_rounding(void **state)
{
	struct boot_layout l = virt;
	struct mem_region r[NR_REGIONS];

	(void)state;
	l.image_size = 0x200000;
	maps_early_regions(&l, r);
	assert_int_equal(r[REGION_IDMAP].size, 0x200000);
	assert_int_equal(r[REGION_KIMAGE].size, 0x200000);
	expect_mapped(&l, 0x403fffffULL, "idmap", 0x403fffffULL, &image);
	expect_unmapped(&l, 0x40400000ULL);
	expect_unmapped(&l, 0xffffffc000200000ULL);
	l.image_size = 0x200001;
	maps_early_regions(&l, r);
	assert_int_equal(r[REGION_IDMAP].size, 0x400000);
	assert_int_equal(r[REGION_KIMAGE].size, 0x400000);
	assert_int_equal(r[REGION_IDMAP].phys, 0x40200000ULL);
	assert_int_equal(r[REGION_KIMAGE].phys, 0x40200000ULL);
	expect_mapped(&l, 0x405fffffULL, "idmap", 0x405fffffULL, &image);
	expect_unmapped(&l, 0x40600000ULL);
	expect_mapped(&l, 0xffffffc0003fffffULL, "kimage", 0x405fffffULL, &image);
	expect_unmapped(&l, 0xffffffc000400000ULL);
	l.image_size = 1;
	maps_early_regions(&l, r);
	assert_int_equal(r[REGION_IDMAP].size, 0x200000);
	assert_int_equal(r[REGION_KIMAGE].size, 0x200000);
}

/* A load that is not 2 MiB aligned (raspi3b's old kernel8.img address,
 * 0x80000): the identity still takes the 2 MiB block, the link address
 * (KIMAGE_VADDR, text_offset 0) takes the image's pages (start/tables.S). */
static const struct boot_layout pi = {
	.phys_text = 0x80000ULL, .virt_text = 0xffffffc000000000ULL,
	.image_size = 0x4a000ULL, .phys_memstart = 0,
	.linear = (const struct phys_range[]){ { 0, 0x3c000000ULL, NULL } }, .nr_linear = 1,
	.phys_uart = 0x3f201000ULL,
	.phys_dtb = 0x2eff2000ULL, .dtb_size = 0x7c8fULL,
};

static void test_regions_unaligned_load(void **state)
{
	struct mem_region r[NR_REGIONS];

	(void)state;
	maps_early_regions(&pi, r);
	assert_region(&r[REGION_IDMAP], "idmap", 0, 0, 0, 0x200000ULL, &image);
	assert_region(&r[REGION_KIMAGE], "kimage", 1, 0xffffffc000000000ULL, 0x80000ULL,
		      0x4a000ULL, &image);
	assert_region(&r[REGION_FDT], "dtb", 1, VA_FDT, 0x2eff2000ULL, 0x8000ULL, &fdt);
	assert_region(&r[REGION_CONSOLE], "uart", 1, VA_CONSOLE, 0x3f201000ULL, 0x1000,
		      &device);
	expect_mapped(&pi, pi.virt_text, "kimage", 0x80000ULL, &image);
	expect_mapped(&pi, pi.virt_text + 0x49fffULL, "kimage", 0xc9fffULL, &image);
	expect_unmapped(&pi, pi.virt_text + 0x4a000ULL);       /* pages: nothing after */
	assert_int_equal(maps_virt_uart(&pi), VA_CONSOLE);
	assert_int_equal(maps_virt_fdt(&pi), VA_FDT);
	/* The image's GiB is the linear map's first: in the early map, the
	 * shared root shows the identity map at PAGE_OFFSET. */
	expect_mapped(&pi, 0xffffff8000000000ULL, "idmap", 0, &image);
	expect_mapped(&pi, 0xffffff80001fffffULL, "idmap", 0x1fffffULL, &image);
	expect_unmapped(&pi, 0xffffff8000200000ULL);
	/* An image reaching past its first block: two identity blocks, its
	 * pages at the link address. */
	{
		struct boot_layout big = pi;

		big.phys_text = 0x1ff000ULL;
		maps_early_regions(&big, r);
		assert_int_equal(r[REGION_IDMAP].phys, 0);
		assert_int_equal(r[REGION_IDMAP].size, 0x400000ULL);
		assert_int_equal(r[REGION_KIMAGE].size, 0x4a000ULL);
		expect_mapped(&big, 0xffffffc000001000ULL, "kimage", 0x200000ULL, &image);
		expect_mapped(&big, 0x3fffffULL, "idmap", 0x3fffffULL, &image);
		expect_unmapped(&big, 0xffffffc00004a000ULL);
	}
}

/* ---- the early map: the console page -------------------------------------- */

static void test_console_virt(void **state)
{
	(void)state;
	assert_int_equal(maps_virt_uart(&virt), (uint64_t)CONSOLE_VADDR);
	assert_int_equal(maps_virt_uart(&virt), VA_CONSOLE);
	expect_mapped(&virt, VA_CONSOLE, "uart", 0x09000000ULL, &device);
	expect_mapped(&virt, VA_CONSOLE + 0xfff, "uart", 0x09000fffULL, &device);
	expect_unmapped(&virt, VA_CONSOLE + 0x1000);
	expect_unmapped(&virt, VA_CONSOLE - 1);
	expect_unmapped(&virt, VA_CONSOLE + 0x1fffff);
	/* No early-io 2 MiB block any more: its old VA and the UART's
	 * neighbours are not mapped. */
	expect_unmapped(&virt, 0xffffffffc0000000ULL);
	expect_unmapped(&virt, 0xffffffffffffffffULL);
}

static void test_console_not_page_aligned(void **state)
{
	struct boot_layout l = virt;
	struct mem_region r[NR_REGIONS];

	(void)state;
	l.phys_uart = 0x3f215040ULL;      /* raspi3b's mini UART */
	maps_early_regions(&l, r);
	assert_region(&r[REGION_CONSOLE], "uart", 1, VA_CONSOLE, 0x3f215000ULL, 0x1000, &device);
	assert_int_equal(maps_virt_uart(&l), (uint64_t)CONSOLE_VADDR + 0x40);
	assert_int_equal(maps_virt_uart(&l), 0xffffffc03fe00040ULL);
	expect_mapped(&l, maps_virt_uart(&l), "uart", 0x3f215040ULL, &device);
	expect_mapped(&l, VA_CONSOLE, "uart", 0x3f215000ULL, &device);
	expect_mapped(&l, VA_CONSOLE + 0xfff, "uart", 0x3f215fffULL, &device);
	expect_unmapped(&l, VA_CONSOLE + 0x1000);
	l.phys_uart = 0x1c090000ULL;      /* vexpress UART0: page aligned, offset 0 */
	assert_int_equal(maps_virt_uart(&l), VA_CONSOLE);
	expect_mapped(&l, VA_CONSOLE + 8, "uart", 0x1c090008ULL, &device);
}

/* ---- the early map: the DTB window ---------------------------------------- */

static void test_fdt_virt(void **state)
{
	(void)state;
	assert_int_equal(maps_virt_fdt(&virt), (uint64_t)FDT_VADDR);
	expect_mapped(&virt, VA_FDT, "dtb", 0x40000000ULL, &fdt);
	expect_mapped(&virt, VA_FDT + 0x12345, "dtb", 0x40012345ULL, &fdt);
	expect_mapped(&virt, VA_FDT + 0xfffff, "dtb", 0x400fffffULL, &fdt);   /* last byte */
	expect_unmapped(&virt, VA_FDT + 0x100000);                             /* one past */
	expect_unmapped(&virt, VA_FDT - 1);
	/* Only through the window: the DTB's identity VA is not mapped. */
	expect_unmapped(&virt, 0x40000000ULL);
}

static void test_fdt_unaligned(void **state)
{
	struct boot_layout l = virt;
	struct mem_region r[NR_REGIONS];
	uint64_t first, last;

	(void)state;
	l.phys_dtb = 0x47ff8238ULL;       /* 8-byte aligned, 0x238 into its page */
	l.dtb_size = 0x1dc9ULL;           /* last byte 0x47ffa000: one byte into a third page */
	maps_early_regions(&l, r);
	assert_region(&r[REGION_FDT], "dtb", 1, VA_FDT, 0x47ff8000ULL, 0x3000ULL, &fdt);
	first = maps_virt_fdt(&l);
	last = first + l.dtb_size - 1;
	assert_int_equal(first, (uint64_t)FDT_VADDR + 0x238);
	assert_int_equal(last, VA_FDT + 0x2000);
	expect_mapped(&l, first, "dtb", 0x47ff8238ULL, &fdt);
	expect_mapped(&l, last, "dtb", 0x47ffa000ULL, &fdt);
	/* Whole pages: the rest of the first and last pages too, no more. */
	expect_mapped(&l, VA_FDT, "dtb", 0x47ff8000ULL, &fdt);
	expect_mapped(&l, VA_FDT + 0x2fff, "dtb", 0x47ffafffULL, &fdt);
	expect_unmapped(&l, VA_FDT + 0x3000);
	expect_unmapped(&l, VA_FDT - 1);

	/* Ending exactly on a page: no extra page. */
	l.phys_dtb = 0x48000000ULL - 0x1f00;
	l.dtb_size = 0x1f00;
	maps_early_regions(&l, r);
	assert_region(&r[REGION_FDT], "dtb", 1, VA_FDT, 0x47ffe000ULL, 0x2000ULL, &fdt);
	expect_mapped(&l, maps_virt_fdt(&l) + l.dtb_size - 1, "dtb", 0x47ffffffULL, &fdt);
	expect_unmapped(&l, VA_FDT + 0x2000);

	/* The largest DTB (MAX_FDT_SIZE) at the worst page offset still fits
	 * its window, below the console's. */
	l.phys_dtb = 0x48000ff8ULL;
	l.dtb_size = MAX_FDT_SIZE;
	maps_early_regions(&l, r);
	assert_int_equal(r[REGION_FDT].phys, 0x48000000ULL);
	assert_int_equal(r[REGION_FDT].size, 0x201000ULL);
	assert_true(r[REGION_FDT].size <= FDT_WINDOW_SIZE);
	expect_mapped(&l, maps_virt_fdt(&l) + l.dtb_size - 1, "dtb", 0x48200ff7ULL, &fdt);
	expect_unmapped(&l, VA_FDT + 0x201000);

	/* A DTB at pa 0 (RAM starts there on a Raspberry Pi: QEMU puts an
	 * ELF's DTB at the start of RAM) is a DTB: dtb_size says there is one. */
	l.phys_dtb = 0;
	l.dtb_size = 0x7c8fULL;
	maps_early_regions(&l, r);
	assert_region(&r[REGION_FDT], "dtb", 1, VA_FDT, 0, 0x8000ULL, &fdt);
	expect_mapped(&l, maps_virt_fdt(&l), "dtb", 0, &fdt);
	expect_mapped(&l, maps_virt_fdt(&l) + l.dtb_size - 1, "dtb", 0x7c8eULL, &fdt);
	expect_unmapped(&l, VA_FDT + 0x8000);
}

static void test_fdt_none(void **state)
{
	struct boot_layout l = virt;
	struct mem_region r[NR_REGIONS];
	struct probe p[MAX_PROBES];
	int n;

	(void)state;
	l.phys_dtb = 0x47ff8238ULL;
	l.dtb_size = 0;                   /* no DTB: a stale pa means nothing */
	maps_early_regions(&l, r);
	assert_string_equal(r[REGION_FDT].name, "dtb");
	assert_int_equal(r[REGION_FDT].size, 0);
	expect_unmapped(&l, VA_FDT);
	expect_unmapped(&l, VA_FDT + 0xfff);
	expect_unmapped(&l, VA_FDT + 0x238);
	/* The rest is as with a DTB. */
	expect_mapped(&l, VA_CONSOLE, "uart", 0x09000000ULL, &device);
	expect_mapped(&l, 0xffffffc000000000ULL, "kimage", 0x40200000ULL, &image);
	n = probes_build(&l, &syms, p);
	assert_int_equal(n, 27);
	for (int i = 0; i < n; i++)
		assert_true(strncmp(p[i].name, "dtb", 3) != 0);
}

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

static void test_phys_to_virt(void **state)
{
	(void)state;
	assert_int_equal(maps_phys_to_virt(&virt, 0x40000000ULL), 0xffffff8000000000ULL);
	assert_int_equal(maps_phys_to_virt(&virt, 0x40200000ULL), 0xffffff8000200000ULL);
	assert_int_equal(maps_phys_to_virt(&virt, 0x47ffffffULL), 0xffffff8007ffffffULL);
	assert_int_equal(maps_image_phys(&virt, 0xffffffc000000000ULL), 0x40200000ULL);
	assert_int_equal(maps_image_phys(&virt, 0xffffffc00000cff8ULL), 0x4020cff8ULL);
	assert_int_equal(maps_image_phys(&pi, 0xffffffc000000000ULL), 0x80000ULL);
	assert_int_equal(maps_image_virt(&pi, 0x81000ULL), 0xffffffc000001000ULL);
}

/* ---- probes ---------------------------------------------------------------- */

static const struct probe *find_probe(const struct probe *p, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(p[i].name, name))
			return &p[i];
	fail_msg("no probe \"%s\"", name);
	return NULL;
}

static void test_probes(void **state)
{
	static const char *const gone[] = {
		"idmap_pg_dir", "init_pg_dir", "tables end", "el0 text", "el0 stack",
		"el0 stack guard",
	};
	struct probe p[MAX_PROBES];
	int n, unmapped = 0;

	(void)state;
	memset(p, 0, sizeof(p));
	n = probes_build(&virt, &syms, p);
	assert_int_equal(n, 29);
	for (int i = 0; i < n; i++) {
		struct expectation e;

		assert_true(strlen(p[i].name) > 0);
		assert_true(strlen(p[i].name) < sizeof(p[i].name) - 1);   /* not truncated */
		for (int j = 0; j < i; j++)
			if (!strcmp(p[i].name, p[j].name))
				fail_msg("probe name \"%s\" used twice", p[i].name);
		for (size_t j = 0; j < ARRAY_LEN(gone); j++)
			if (!strcmp(p[i].name, gone[j]))
				fail_msg("probe \"%s\" is gone", p[i].name);
		expect_early_map(&virt, p[i].va, &e);
		unmapped += !e.mapped;
	}
	/* Early: the 5 linear probes and the 5 that must never translate. */
	assert_int_equal(unmapped, 10);
}

static void test_probe_addresses(void **state)
{
	struct probe p[MAX_PROBES];
	int n;
	/* Each probe's VA, then what it translates to in the early map and in
	 * the final map (region, pa; NULL region: must fault). */
	static const struct {
		const char *name; uint64_t va;
		const char *early; uint64_t early_pa;
		const char *final; uint64_t final_pa;
	} want[] = {
		{ "text start",       0xffffffc000000000ULL, "kimage", 0x40200000ULL,
		  "text", 0x40200000ULL },
		{ "text end",         0xffffffc000007e3fULL, "kimage", 0x40207e3fULL,
		  "text", 0x40207e3fULL },
		{ "rodata start",     0xffffffc000008000ULL, "kimage", 0x40208000ULL,
		  "rodata", 0x40208000ULL },
		{ "rodata end",       0xffffffc000009a27ULL, "kimage", 0x40209a27ULL,
		  "rodata", 0x40209a27ULL },
		{ "data start",       0xffffffc00000a000ULL, "kimage", 0x4020a000ULL,
		  "data", 0x4020a000ULL },
		{ "data end",         0xffffffc00000d88fULL, "kimage", 0x4020d88fULL,
		  "data", 0x4020d88fULL },
		{ "bss start",        0xffffffc00000d890ULL, "kimage", 0x4020d890ULL,
		  "data", 0x4020d890ULL },
		{ "bss end",          0xffffffc00000dfffULL, "kimage", 0x4020dfffULL,
		  "data", 0x4020dfffULL },
		{ "stack guard",      0xffffffc000013000ULL, "kimage", 0x40213000ULL, NULL, 0 },
		{ "stack bottom",     0xffffffc000014000ULL, "kimage", 0x40214000ULL,
		  "stack", 0x40214000ULL },
		{ "stack top",        0xffffffc000017ff0ULL, "kimage", 0x40217ff0ULL,
		  "stack", 0x40217ff0ULL },
		{ "early_pgd",        0xffffffc00000a000ULL, "kimage", 0x4020a000ULL,
		  "data", 0x4020a000ULL },
		{ "early tables end", 0xffffffc00000cff8ULL, "kimage", 0x4020cff8ULL,
		  "data", 0x4020cff8ULL },
		{ "idmap entry",      0x40200040ULL,         "idmap", 0x40200040ULL, NULL, 0 },
		{ "kimage via TTBR0", 0x4000000000ULL,       "kimage", 0x40200000ULL, NULL, 0 },
		{ "idmap via TTBR1",  0xffffff8040200000ULL, "idmap", 0x40200000ULL, NULL, 0 },
		{ "linear first",     0xffffff8000000000ULL, NULL, 0, "linear", 0x40000000ULL },
		{ "linear of text",   0xffffff8000200000ULL, NULL, 0, "linear-ro", 0x40200000ULL },
		{ "linear of data",   0xffffff800020a000ULL, NULL, 0, "linear", 0x4020a000ULL },
		{ "linear middle",    0xffffff8004000000ULL, NULL, 0, "linear", 0x44000000ULL },
		{ "linear last",      0xffffff8007fff000ULL, NULL, 0, "linear", 0x47fff000ULL },
		{ "uart",             0xffffffc03fe00000ULL, "uart", 0x09000000ULL,
		  "uart", 0x09000000ULL },
		{ "dtb start",        0xffffffc03f800000ULL, "dtb", 0x40000000ULL,
		  "dtb", 0x40000000ULL },
		{ "dtb end",          0xffffffc03f8fffffULL, "dtb", 0x400fffffULL,
		  "dtb", 0x400fffffULL },
		{ "after linear",     0xffffff8008000000ULL, NULL, 0, NULL, 0 },
		{ "after kimage",     0xffffffc000200000ULL, NULL, 0, NULL, 0 },
		{ "idmap other GiB",  0x00200000ULL,         NULL, 0, NULL, 0 },
		{ "non-canonical",    0x0000800000000000ULL, NULL, 0, NULL, 0 },
		{ "null page",        0x0ULL,                NULL, 0, NULL, 0 },
	};

	(void)state;
	n = probes_build(&virt, &syms, p);
	assert_int_equal(n, (int)ARRAY_LEN(want));
	for (size_t i = 0; i < ARRAY_LEN(want); i++) {
		const struct probe *pr = find_probe(p, n, want[i].name);
		struct expectation e, f;

		assert_string_equal(p[i].name, want[i].name);     /* in this order */
		assert_int_equal(pr->va, want[i].va);
		expect_early_map(&virt, pr->va, &e);
		expect_final_map(&virt, &syms, pr->va, &f);
		if (e.mapped != (want[i].early != NULL))
			fail_msg("probe \"%s\": early mapped %d, want %d", want[i].name, e.mapped,
				 want[i].early != NULL);
		if (f.mapped != (want[i].final != NULL))
			fail_msg("probe \"%s\": final mapped %d, want %d", want[i].name, f.mapped,
				 want[i].final != NULL);
		if (want[i].early) {
			assert_string_equal(e.region, want[i].early);
			assert_int_equal(e.pa, want[i].early_pa);
		}
		if (want[i].final) {
			assert_string_equal(f.region, want[i].final);
			assert_int_equal(f.pa, want[i].final_pa);
		}
	}
}

/* The copies of a region: count 0 or 1 is one range. */
static unsigned copies_of(const struct mem_region *r)
{
	return r->count > 1 ? r->count : 1;
}

/* The reference reading of a region list: the early map's regions answer
 * for bits [38:0] of a canonical VA in either half (shared root), the final
 * map's for their own half; a strided region (count > 1) is count ranges,
 * copy c at virt + c * virt_stride -> phys + c * phys_stride. Every region
 * that covers va must agree on the PA and attributes (aliases are
 * harmless), and expect_early_map* must give that translation, or "unmapped"
 * when no region covers va. */
static void assert_agrees(const char *probe, uint64_t va, const struct mem_region *r, int n,
			  bool early, const struct expectation *e)
{
	bool canonical = va >> 39 == 0 || va >> 39 == 0x1ffffff;
	bool found = false, named = false;
	uint64_t pa = 0;
	struct pte_attrs attrs = { 0 };

	for (int i = 0; canonical && i < n; i++) {
		for (unsigned c = 0; c < copies_of(&r[i]); c++) {
			uint64_t virt_c = r[i].virt + c * r[i].virt_stride;
			uint64_t phys_c = r[i].phys + c * r[i].phys_stride;
			uint64_t off;

			if (r[i].size == 0)
				continue;
			if (early) {
				off = (va & LOW39) - (virt_c & LOW39);
				if ((va & LOW39) < (virt_c & LOW39) || off >= r[i].size)
					continue;
			} else {
				if ((va >> 63) != (uint64_t)r[i].ttbr || va < virt_c ||
				    va - virt_c >= r[i].size)
					continue;
				off = va - virt_c;
			}
			if (found && (pa != phys_c + off || !pte_attrs_equal(&attrs, &r[i].attrs)))
				fail_msg("probe \"%s\" va 0x%llx: regions disagree", probe,
					 (unsigned long long)va);
			if (!early && found)
				fail_msg("probe \"%s\" va 0x%llx: two final regions", probe,
					 (unsigned long long)va);
			found = true;
			pa = phys_c + off;
			attrs = r[i].attrs;
			named |= e->mapped && !strcmp(e->region, r[i].name);
		}
	}
	if (e->mapped != found)
		fail_msg("probe \"%s\" va 0x%llx (%s map): expected %s, regions say %s", probe,
			 (unsigned long long)va, early ? "early" : "final",
			 e->mapped ? "mapped" : "unmapped", found ? "mapped" : "unmapped");
	if (!found) {
		assert_string_equal(e->region, "unmapped");
		return;
	}
	if (!named)
		fail_msg("probe \"%s\": region %s covers no such VA", probe, e->region);
	assert_int_equal(e->pa, pa);
	assert_true(pte_attrs_equal(&e->attrs, &attrs));
}

static void check_probes_agree(const struct boot_layout *l, const struct image_symbols *s)
{
	struct mem_region early[NR_REGIONS], final[MAX_FINAL_REGIONS];
	struct probe p[MAX_PROBES];
	int n, nfinal;

	maps_early_regions(l, early);
	nfinal = maps_final_regions(l, s, final);
	n = probes_build(l, s, p);
	assert_true(n > 0 && n < MAX_PROBES);     /* below: none dropped */
	for (int i = 0; i < n; i++) {
		struct expectation e;

		for (int j = 0; j < i; j++)
			if (!strcmp(p[i].name, p[j].name))
				fail_msg("probe name \"%s\" used twice", p[i].name);
		memset(&e, 0x5a, sizeof(e));
		expect_early_map(l, p[i].va, &e);
		assert_agrees(p[i].name, p[i].va, early, NR_REGIONS, true, &e);
		memset(&e, 0x5a, sizeof(e));
		expect_final_map(l, s, p[i].va, &e);
		assert_agrees(p[i].name, p[i].va, final, nfinal, false, &e);
	}
}

/* Layouts of the one Image's boot, for the tests below. */

/* The table pool and 3 secondaries' stacks taken from free RAM. */
static void take_boot_memory(struct boot_layout *l, uint64_t pool, uint64_t stacks,
			     unsigned nr_stacks)
{
	l->phys_pool = pool;
	l->phys_stacks = stacks;
	l->nr_stacks = nr_stacks;
}

/* RAM 0x40000000..0x48000000 with a no-map hole 0x42000000..0x44000000
 * and the first 2 MiB left out (memstart 0x40000000, below the first
 * range); the image in the second range. */
static void two_ranges(struct boot_layout *l)
{
	l->phys_memstart = 0x40000000ULL;
	set_linear(l, 0, 0x40200000ULL, 0x01e00000ULL);
	set_linear(l, 1, 0x44000000ULL, 0x04000000ULL);
	l->nr_linear = 2;
	l->phys_text = 0x44200000ULL;
	l->phys_dtb = 0x47f00000ULL;
}

static void test_probes_agree_with_regions(void **state)
{
	struct boot_layout l = virt;

	(void)state;
	check_probes_agree(&virt, &syms);
	check_probes_agree(&pi, &syms);
	l.phys_dtb = 0x47ff8238ULL;
	l.dtb_size = 0x1dc9ULL;
	check_probes_agree(&l, &syms);
	l.phys_dtb = 0;
	l.dtb_size = 0;
	check_probes_agree(&l, &syms);
	l = virt;
	set_linear(&l, 0, l.linear[0].phys_start, 0x80000000ULL);   /* 2 GiB: "idmap via TTBR1" is linear RAM */
	check_probes_agree(&l, &syms);
	l = virt;
	l.phys_uart = 0x3f215040ULL;
	check_probes_agree(&l, &syms);
	l = virt;
	l.phys_uart = 0;                     /* no console */
	check_probes_agree(&l, &syms);
	l = virt;
	l.phys_text = 0x4000400000ULL;       /* the image's level-1 index, 256 */
	l.phys_memstart = 0x4000000000ULL;
	set_linear(&l, 0, 0x4000000000ULL, phys_range_size(&l.linear[0]));
	l.phys_dtb = 0x4000000000ULL;
	check_probes_agree(&l, &syms);
	/* The pool and the stacks: one secondary, three, as many as can be. */
	l = virt;
	take_boot_memory(&l, 0x47fc0000ULL, 0x47f00000ULL, 1);
	check_probes_agree(&l, &syms);
	take_boot_memory(&l, 0x47e00000ULL, 0x47c00000ULL, 3);   /* pool at a 2 MiB boundary */
	check_probes_agree(&l, &syms);
	take_boot_memory(&l, 0x47fc0000ULL, 0x47a00000ULL, NR_CPUS - 1);
	check_probes_agree(&l, &syms);
	/* Two linear ranges, a hole, memstart below the first; booted too. */
	l = virt;
	two_ranges(&l);
	check_probes_agree(&l, &syms);
	take_boot_memory(&l, 0x47fc0000ULL, 0x47f00000ULL, 3);
	l.phys_uart = 0;
	check_probes_agree(&l, &syms);
	/* The image in the first of two ranges. */
	l = virt;
	two_ranges(&l);
	l.phys_text = 0x40400000ULL;
	check_probes_agree(&l, &syms);
	/* RAM to the end of the linear VA budget: no "after linear". */
	l = virt;
	set_linear(&l, 0, l.linear[0].phys_start, LINEAR_MAP_VA_SIZE);
	check_probes_agree(&l, &syms);
}

/* ---- the final map -------------------------------------------------------- */

/* An image as link.ld makes it: text, rodata, data (the early tables
 * first) and bss, .pgdir (reserved_pg_dir and the EARLY_WINDOW_PAGES
 * windows' tables, 0xd000..0x12000), then the boot CPU's guard page and
 * stack (0x12000..0x17000, _end). */
static const struct image_symbols fsyms = {
	.text = 0xffffffc000000000ULL, .etext = 0xffffffc000006f00ULL,
	.srodata = 0xffffffc000007000ULL, .erodata = 0xffffffc000008800ULL,
	.sdata = 0xffffffc000009000ULL, .edata = 0xffffffc00000c100ULL,
	.bss_start = 0xffffffc00000c100ULL, .bss_end = 0xffffffc00000d000ULL,
	.early_pgd = 0xffffffc000009000ULL, .early_pg_end = 0xffffffc00000c000ULL,
	.entry = 0xffffffc000000040ULL,
	.stack_guard = 0xffffffc000012000ULL,
	.stack_bottom = 0xffffffc000013000ULL, .stack_top = 0xffffffc000017000ULL,
};
/* 1 GiB of RAM at 0x40000000; the pool (aligned to its 256 KiB) and 3
 * secondaries' stacks near its top. */
#define FPOOL_PA   0x7ffc0000ULL
#define FSTACKS_PA 0x7ff00000ULL
#define FVA_POOL   (VA_POOL + 0x1c0000ULL)               /* the pool's offset in its 2 MiB */
#define FVA_STACK1 (VA_STACKS + STRIDE + 0x1000ULL)      /* CPU 1's, above its guard */
static const struct boot_layout fvirt = {
	.phys_text = 0x40200000ULL, .virt_text = 0xffffffc000000000ULL,
	.image_size = 0x17000ULL, .phys_memstart = 0x40000000ULL,
	.linear = (const struct phys_range[]){ { 0x40000000ULL, 0x80000000ULL, NULL } },
	.nr_linear = 1,
	.phys_uart = 0x09000000ULL,
	.phys_dtb = 0x40000000ULL, .dtb_size = 0x100000ULL,
	.phys_pool = FPOOL_PA, .phys_stacks = FSTACKS_PA, .nr_stacks = 3,
};

/* The end of a region's last copy. */
static uint64_t region_end(const struct mem_region *r)
{
	return r->virt + (copies_of(r) - 1) * r->virt_stride + r->size;
}

/* W^X, nothing for EL0, page granular, no two regions at one VA (nor two
 * copies of one), a strided region's copies apart in VA and PA. */
static void assert_final_policy(const struct mem_region *r, int n)
{
	for (int i = 0; i < n; i++) {
		bool writable = !r[i].attrs.rdonly;
		bool el1_exec = !r[i].attrs.pxn, el0_exec = !r[i].attrs.uxn;

		assert_int_equal(r[i].ttbr, 1);
		assert_true(r[i].size > 0);
		assert_int_equal(r[i].virt % 4096, 0);
		assert_int_equal(r[i].phys % 4096, 0);
		assert_int_equal(r[i].size % 4096, 0);
		assert_true(r[i].attrs.af);
		if (r[i].count > 1) {
			assert_int_equal(r[i].virt_stride % 4096, 0);
			assert_int_equal(r[i].phys_stride % 4096, 0);
			assert_true(r[i].virt_stride >= r[i].size);
			assert_true(r[i].phys_stride >= r[i].size);
		}
		if (writable && (el1_exec || el0_exec))
			fail_msg("region %s: writable and executable", r[i].name);
		if (r[i].attrs.user)
			fail_msg("region %s: accessible from EL0", r[i].name);
		if (el0_exec)
			fail_msg("region %s: executable at EL0", r[i].name);
		if (el1_exec)                  /* only the image's text */
			assert_string_equal(r[i].name, "text");
		for (int j = 0; j < i; j++)   /* no two regions share a VA */
			assert_true(region_end(&r[i]) <= r[j].virt ||
				    region_end(&r[j]) <= r[i].virt);
	}
}

/* A single range, as assert_region, not strided. */
static void assert_single(const struct mem_region *r, const char *name, uint64_t virt_addr,
			  uint64_t phys, uint64_t size, const struct pte_attrs *attrs)
{
	assert_region(r, name, 1, virt_addr, phys, size, attrs);
	assert_true(r->count <= 1);
}

/* The region named name (the first, when several are). */
static const struct mem_region *find_region(const struct mem_region *r, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(r[i].name, name))
			return &r[i];
	fail_msg("no region \"%s\"", name);
	return NULL;
}

static int count_named(const struct mem_region *r, int n, const char *name)
{
	int k = 0;

	for (int i = 0; i < n; i++)
		k += !strcmp(r[i].name, name);
	return k;
}

static const struct pte_attrs text_attrs = {
	.attrindx = 4, .sh = 3, .af = true, .rdonly = true, .uxn = true,
};

static void test_final_regions(void **state)
{
	struct mem_region r[MAX_FINAL_REGIONS];
	int n, k = 0;

	(void)state;
	n = maps_final_regions(&fvirt, &fsyms, r);
	assert_int_equal(n, 11);
	assert_final_policy(r, n);
	assert_single(&r[k++], "text", 0xffffffc000000000ULL, 0x40200000ULL, 0x7000, &text_attrs);
	assert_single(&r[k++], "rodata", 0xffffffc000007000ULL, 0x40207000ULL, 0x2000, &fdt);
	/* data, bss and .pgdir, up to the boot CPU's guard page. */
	assert_single(&r[k++], "data", 0xffffffc000009000ULL, 0x40209000ULL, 0x9000, &linear);
	assert_single(&r[k++], "stack", 0xffffffc000013000ULL, 0x40213000ULL, 0x4000, &linear);
	assert_single(&r[k++], "linear", VA_LINEAR, 0x40000000ULL, 0x200000, &linear);
	assert_single(&r[k++], "linear-ro", VA_LINEAR + 0x200000, 0x40200000ULL, 0x9000, &fdt);
	assert_single(&r[k++], "linear", VA_LINEAR + 0x209000, 0x40209000ULL,
		      0x40000000ULL - 0x209000, &linear);
	assert_single(&r[k++], "uart", VA_CONSOLE, 0x09000000ULL, 0x1000, &device);
	assert_single(&r[k++], "dtb", VA_FDT, 0x40000000ULL, 0x100000, &fdt);
	assert_single(&r[k++], "tables", FVA_POOL, FPOOL_PA, POOL_SIZE, &linear);
	/* The secondaries' stacks: one region, a copy per CPU. */
	assert_region(&r[k], "stack", 1, FVA_STACK1, FSTACKS_PA, STACK_SIZE, &linear);
	assert_int_equal(r[k].count, 3);
	assert_int_equal(r[k].virt_stride, STRIDE);
	assert_int_equal(r[k].phys_stride, STACK_SIZE);
	k++;
	assert_int_equal(k, n);
	for (int i = 0; i < n; i++)
		if (!strncmp(r[i].name, "el0", 3) || !strncmp(r[i].name, "dev", 3))
			fail_msg("region %s is gone from the product", r[i].name);
}

static void test_final_regions_variants(void **state)
{
	struct boot_layout l = fvirt;
	struct mem_region r[MAX_FINAL_REGIONS];
	int n;

	(void)state;
	/* No DTB: no dtb region. */
	l.phys_dtb = 0x47ff8238ULL;
	l.dtb_size = 0;
	n = maps_final_regions(&l, &fsyms, r);
	assert_int_equal(n, 10);
	assert_final_policy(r, n);
	assert_int_equal(count_named(r, n, "dtb"), 0);
	/* An unaligned DTB: its pages, at the early map's VA. */
	l.phys_dtb = 0x47ff8238ULL;
	l.dtb_size = 0x1dc9ULL;
	n = maps_final_regions(&l, &fsyms, r);
	assert_int_equal(n, 11);
	assert_final_policy(r, n);
	assert_single(find_region(r, n, "dtb"), "dtb", VA_FDT, 0x47ff8000ULL, 0x3000, &fdt);
	/* A UART off its page's start. */
	l.phys_uart = 0x3f215040ULL;
	n = maps_final_regions(&l, &fsyms, r);
	assert_single(find_region(r, n, "uart"), "uart", VA_CONSOLE, 0x3f215000ULL, 0x1000,
		      &device);
	/* No pool (not taken yet), no secondaries: neither region. */
	l = fvirt;
	take_boot_memory(&l, 0, 0, 0);
	n = maps_final_regions(&l, &fsyms, r);
	assert_int_equal(n, 9);
	assert_final_policy(r, n);
	assert_int_equal(count_named(r, n, "tables"), 0);
	assert_int_equal(count_named(r, n, "stack"), 1);        /* the boot CPU's */
}

static void test_final_expectations(void **state)
{
	struct expectation e;

	(void)state;
	expect_final_map(&fvirt, &fsyms, fsyms.text, &e);
	assert_true(e.mapped);
	assert_string_equal(e.region, "text");
	assert_int_equal(e.pa, 0x40200000ULL);
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

static void test_final_image_at_ram_base(void **state)
{
	struct boot_layout l = fvirt;
	struct mem_region r[MAX_FINAL_REGIONS];
	int n;

	(void)state;
	l.phys_text = l.linear[0].phys_start;    /* no linear RAM below the image */
	l.phys_dtb = 0x48000000ULL;
	n = maps_final_regions(&l, &fsyms, r);
	assert_int_equal(n, 10);
	assert_final_policy(r, n);
	assert_single(&r[4], "linear-ro", VA_LINEAR, 0x40000000ULL, 0x9000, &fdt);
	assert_single(&r[5], "linear", VA_LINEAR + 0x9000, 0x40009000ULL, 0x40000000ULL - 0x9000,
		      &linear);
	/* ... and at its end: no linear RAM above it. */
	l = fvirt;
	set_linear(&l, 0, l.linear[0].phys_start, 0x209000ULL);    /* ends where text + rodata end */
	n = maps_final_regions(&l, &fsyms, r);
	assert_final_policy(r, n);
	assert_single(&r[4], "linear", VA_LINEAR, 0x40000000ULL, 0x200000, &linear);
	assert_single(&r[5], "linear-ro", VA_LINEAR + 0x200000, 0x40200000ULL, 0x9000, &fdt);
	assert_string_not_equal(r[6].name, "linear");
	assert_int_equal(count_named(r, n, "linear"), 1);
}

/* ---- two linear ranges with a hole ---------------------------------------- */

static void test_linear_two_ranges(void **state)
{
	struct boot_layout l = fvirt;
	struct mem_region r[MAX_FINAL_REGIONS];
	struct probe p[MAX_PROBES];
	struct expectation e;
	int n;

	(void)state;
	two_ranges(&l);
	take_boot_memory(&l, 0x47fc0000ULL, 0x47f00000ULL, 3);
	n = maps_final_regions(&l, &fsyms, r);
	assert_int_equal(n, 4 + 1 + 3 + 4);
	assert_final_policy(r, n);
	/* The first range whole and writable; the image's text and rodata
	 * read-only in the second, where the image is. */
	assert_single(&r[4], "linear", VA_LINEAR + 0x200000, 0x40200000ULL, 0x1e00000, &linear);
	assert_single(&r[5], "linear", VA_LINEAR + 0x4000000, 0x44000000ULL, 0x200000, &linear);
	assert_single(&r[6], "linear-ro", VA_LINEAR + 0x4200000, 0x44200000ULL, 0x9000, &fdt);
	assert_single(&r[7], "linear", VA_LINEAR + 0x4209000, 0x44209000ULL,
		      0x4000000 - 0x209000, &linear);
	assert_int_equal(count_named(r, n, "linear-ro"), 1);
	/* Both ranges mapped at memstart's offsets, the hole and what lies
	 * below the first range not. */
	expect_final_map(&l, &fsyms, VA_LINEAR, &e);
	assert_false(e.mapped);
	expect_final_map(&l, &fsyms, VA_LINEAR + 0x1fffff, &e);
	assert_false(e.mapped);
	expect_final_map(&l, &fsyms, VA_LINEAR + 0x200000, &e);
	assert_string_equal(e.region, "linear");
	assert_int_equal(e.pa, 0x40200000ULL);
	assert_false(e.attrs.rdonly);
	expect_final_map(&l, &fsyms, VA_LINEAR + 0x1ffffff, &e);
	assert_string_equal(e.region, "linear");
	assert_int_equal(e.pa, 0x41ffffffULL);
	expect_final_map(&l, &fsyms, VA_LINEAR + 0x2000000, &e);    /* the hole */
	assert_false(e.mapped);
	expect_final_map(&l, &fsyms, VA_LINEAR + 0x3000000, &e);
	assert_false(e.mapped);
	expect_final_map(&l, &fsyms, VA_LINEAR + 0x3ffffff, &e);
	assert_false(e.mapped);
	expect_final_map(&l, &fsyms, VA_LINEAR + 0x4000000, &e);
	assert_string_equal(e.region, "linear");
	assert_int_equal(e.pa, 0x44000000ULL);
	expect_final_map(&l, &fsyms, VA_LINEAR + 0x4200000, &e);
	assert_string_equal(e.region, "linear-ro");
	assert_int_equal(e.pa, 0x44200000ULL);
	assert_true(e.attrs.rdonly);
	/* The same offset into the first range: writable (no image there). */
	expect_final_map(&l, &fsyms, VA_LINEAR + 0x400000, &e);
	assert_string_equal(e.region, "linear");
	assert_false(e.attrs.rdonly);
	expect_final_map(&l, &fsyms, VA_LINEAR + 0x7ffffff, &e);
	assert_string_equal(e.region, "linear");
	assert_int_equal(e.pa, 0x47ffffffULL);
	expect_final_map(&l, &fsyms, VA_LINEAR + 0x8000000, &e);
	assert_false(e.mapped);
	/* The image's own map and the kimage VA's PA follow phys_text. */
	expect_final_map(&l, &fsyms, fsyms.text, &e);
	assert_int_equal(e.pa, 0x44200000ULL);
	/* The probes: the first range's, the second's, the hole's. */
	n = probes_build(&l, &fsyms, p);
	assert_int_equal(n, 29 + 2 + 6);     /* + 2 linear, + pool and stacks */
	assert_int_equal(find_probe(p, n, "linear first")->va, VA_LINEAR + 0x200000);
	assert_int_equal(find_probe(p, n, "linear middle")->va, VA_LINEAR + 0x200000 + 0xf00000);
	assert_int_equal(find_probe(p, n, "linear of text")->va, VA_LINEAR + 0x4200000);
	assert_int_equal(find_probe(p, n, "linear of data")->va, VA_LINEAR + 0x4209000);
	assert_int_equal(find_probe(p, n, "linear last")->va, VA_LINEAR + 0x7fff000);
	assert_int_equal(find_probe(p, n, "linear 2nd range")->va, VA_LINEAR + 0x4000000);
	assert_int_equal(find_probe(p, n, "linear hole")->va, VA_LINEAR + 0x2000000);
	assert_int_equal(find_probe(p, n, "after linear")->va, VA_LINEAR + 0x8000000);
	expect_final_map(&l, &fsyms, find_probe(p, n, "linear 2nd range")->va, &e);
	assert_string_equal(e.region, "linear");
	assert_int_equal(e.pa, 0x44000000ULL);
	expect_final_map(&l, &fsyms, find_probe(p, n, "linear hole")->va, &e);
	assert_false(e.mapped);
	expect_early_map(&l, find_probe(p, n, "linear 2nd range")->va, &e);   /* early: none */
	assert_false(e.mapped);
	check_probes_agree(&l, &fsyms);

	/* The image in the first range: read-only there, not in the second. */
	l.phys_text = 0x40400000ULL;
	n = maps_final_regions(&l, &fsyms, r);
	assert_final_policy(r, n);
	assert_single(&r[4], "linear", VA_LINEAR + 0x200000, 0x40200000ULL, 0x200000, &linear);
	assert_single(&r[5], "linear-ro", VA_LINEAR + 0x400000, 0x40400000ULL, 0x9000, &fdt);
	assert_single(&r[6], "linear", VA_LINEAR + 0x409000, 0x40409000ULL, 0x1bf7000, &linear);
	assert_single(&r[7], "linear", VA_LINEAR + 0x4000000, 0x44000000ULL, 0x4000000, &linear);
	expect_final_map(&l, &fsyms, VA_LINEAR + 0x4200000, &e);
	assert_string_equal(e.region, "linear");
	assert_false(e.attrs.rdonly);

	/* Touching ranges are not a hole: no "linear hole" probe. */
	l = fvirt;
	set_linear(&l, 0, 0x40000000ULL, 0x4000000ULL);
	set_linear(&l, 1, 0x44000000ULL, 0x4000000ULL);
	l.nr_linear = 2;
	n = probes_build(&l, &fsyms, p);
	assert_int_equal(find_probe(p, n, "linear 2nd range")->va, VA_LINEAR + 0x4000000);
	for (int i = 0; i < n; i++)
		assert_string_not_equal(p[i].name, "linear hole");
	/* One range: neither. */
	n = probes_build(&fvirt, &fsyms, p);
	for (int i = 0; i < n; i++) {
		assert_string_not_equal(p[i].name, "linear hole");
		assert_string_not_equal(p[i].name, "linear 2nd range");
	}
}

/* MAX_LINEAR_RANGES ranges: each one a region (the image's a triple),
 * all within MAX_FINAL_REGIONS, each mapped, each gap not. */
static void test_linear_max_ranges(void **state)
{
	struct boot_layout l = fvirt;
	struct mem_region r[MAX_FINAL_REGIONS];
	struct expectation e;
	int n;

	(void)state;
	for (int i = 0; i < MAX_LINEAR_RANGES; i++)
		set_linear(&l, i, 0x40000000ULL + i * 0x4000000ULL, 0x2000000ULL);
	l.nr_linear = MAX_LINEAR_RANGES;
	l.phys_text = 0x40200000ULL;                          /* in range 0 */
	take_boot_memory(&l, 0x7dfc0000ULL, 0x7df00000ULL, 3);  /* in range 15 */
	n = maps_final_regions(&l, &fsyms, r);
	assert_int_equal(n, 4 + 3 + (MAX_LINEAR_RANGES - 1) + 4);
	assert_true(n <= MAX_FINAL_REGIONS);
	assert_final_policy(r, n);
	assert_int_equal(count_named(r, n, "linear"), 2 + MAX_LINEAR_RANGES - 1);
	for (int i = 0; i < MAX_LINEAR_RANGES; i++) {
		uint64_t pa = 0x40000000ULL + i * 0x4000000ULL;

		expect_final_map(&l, &fsyms, VA_LINEAR + (pa - 0x40000000ULL) + 0x1fff000, &e);
		assert_true(e.mapped);
		assert_int_equal(e.pa, pa + 0x1fff000);
		expect_final_map(&l, &fsyms, VA_LINEAR + (pa - 0x40000000ULL) + 0x2000000, &e);
		assert_false(e.mapped);
	}
	assert_single(&r[4 + 3 + MAX_LINEAR_RANGES - 2], "linear", VA_LINEAR + 0x3c000000ULL,
		      0x7c000000ULL, 0x2000000ULL, &linear);
	check_probes_agree(&l, &fsyms);
}

/* ---- the linear map's helpers --------------------------------------------- */

static void test_linear_helpers(void **state)
{
	struct boot_layout l = virt;

	(void)state;
	/* One range: its first and last byte, not one past nor one below. */
	assert_true(maps_linear_has(&l, 0x40000000ULL));
	assert_true(maps_linear_has(&l, 0x47ffffffULL));
	assert_false(maps_linear_has(&l, 0x48000000ULL));
	assert_false(maps_linear_has(&l, 0x3fffffffULL));
	assert_false(maps_linear_has(&l, 0));
	assert_false(maps_linear_has(&l, ~0ULL));
	assert_int_equal(maps_linear_end_virt(&l), VA_LINEAR + 0x8000000ULL);
	assert_int_equal(maps_linear_bytes(&l), 0x8000000ULL);

	/* Two ranges, memstart below the first: the hole's bytes are not
	 * mapped, nor counted; the end is the second's. */
	two_ranges(&l);
	assert_false(maps_linear_has(&l, 0x40000000ULL));   /* memstart, not RAM mapped */
	assert_false(maps_linear_has(&l, 0x401fffffULL));
	assert_true(maps_linear_has(&l, 0x40200000ULL));
	assert_true(maps_linear_has(&l, 0x41ffffffULL));
	assert_false(maps_linear_has(&l, 0x42000000ULL));   /* the hole */
	assert_false(maps_linear_has(&l, 0x43ffffffULL));
	assert_true(maps_linear_has(&l, 0x44000000ULL));
	assert_true(maps_linear_has(&l, 0x47ffffffULL));
	assert_false(maps_linear_has(&l, 0x48000000ULL));
	assert_int_equal(maps_phys_to_virt(&l, 0x40200000ULL), VA_LINEAR + 0x200000ULL);
	assert_int_equal(maps_phys_to_virt(&l, 0x44000000ULL), VA_LINEAR + 0x4000000ULL);
	assert_int_equal(maps_linear_end_virt(&l), VA_LINEAR + 0x8000000ULL);
	assert_int_equal(maps_linear_bytes(&l), 0x1e00000ULL + 0x4000000ULL);

	/* RAM at PA 0 (a Pi): pa 0 is RAM; a PA below a range does not wrap
	 * into it. */
	assert_true(maps_linear_has(&pi, 0));
	assert_true(maps_linear_has(&pi, 0x3bffffffULL));
	assert_false(maps_linear_has(&pi, 0x3c000000ULL));
	assert_false(maps_linear_has(&pi, ~0ULL));
	assert_int_equal(maps_linear_end_virt(&pi), VA_LINEAR + 0x3c000000ULL);
	assert_int_equal(maps_linear_bytes(&pi), 0x3c000000ULL);

	/* No ranges: nothing, ending where it starts. */
	l = virt;
	l.nr_linear = 0;
	assert_false(maps_linear_has(&l, 0x40000000ULL));
	assert_false(maps_linear_has(&l, 0));
	assert_int_equal(maps_linear_end_virt(&l), VA_LINEAR);
	assert_int_equal(maps_linear_bytes(&l), 0);

	/* The whole VA budget: the end is KIMAGE_VADDR, and there is no
	 * "after linear" probe (it would be the image's VA). */
	l = virt;
	set_linear(&l, 0, l.linear[0].phys_start, LINEAR_MAP_VA_SIZE);
	assert_int_equal(maps_linear_end_virt(&l), (uint64_t)KIMAGE_VADDR);
	assert_int_equal(maps_linear_bytes(&l), 256ULL << 30);
	assert_true(maps_linear_has(&l, 0x40000000ULL + (256ULL << 30) - 1));
	assert_false(maps_linear_has(&l, 0x40000000ULL + (256ULL << 30)));
	{
		struct probe p[MAX_PROBES];
		int n = probes_build(&l, &syms, p);

		assert_int_equal(n, 28);
		for (int i = 0; i < n; i++)
			assert_string_not_equal(p[i].name, "after linear");
	}
}

/* phys_memstart below the first range (the GiB of the lowest bank, RAM
 * taken from 2 MiB up): VAs follow memstart, not the first range. */
static void test_memstart_below_first_range(void **state)
{
	struct boot_layout l = fvirt;
	struct mem_region r[MAX_FINAL_REGIONS];
	struct expectation e;
	int n;

	(void)state;
	l.phys_memstart = 0x40000000ULL;
	set_linear(&l, 0, 0x40200000ULL, 0x3fe00000ULL);
	n = maps_final_regions(&l, &fsyms, r);
	assert_final_policy(r, n);
	/* The image at the range's start: the read-only alias first. */
	assert_single(&r[4], "linear-ro", VA_LINEAR + 0x200000, 0x40200000ULL, 0x9000, &fdt);
	assert_single(&r[5], "linear", VA_LINEAR + 0x209000, 0x40209000ULL,
		      0x3fe00000ULL - 0x9000, &linear);
	expect_final_map(&l, &fsyms, VA_LINEAR, &e);
	assert_false(e.mapped);
	expect_final_map(&l, &fsyms, VA_LINEAR + 0x1ff000, &e);
	assert_false(e.mapped);
	expect_final_map(&l, &fsyms, VA_LINEAR + 0x200000, &e);
	assert_string_equal(e.region, "linear-ro");
	assert_int_equal(e.pa, 0x40200000ULL);
	expect_final_map(&l, &fsyms, VA_LINEAR + 0x3fffffffULL, &e);
	assert_string_equal(e.region, "linear");
	assert_int_equal(e.pa, 0x7fffffffULL);
	expect_final_map(&l, &fsyms, VA_LINEAR + 0x40000000ULL, &e);
	assert_false(e.mapped);
	assert_int_equal(maps_linear_end_virt(&l), VA_LINEAR + 0x40000000ULL);
	assert_int_equal(maps_linear_bytes(&l), 0x3fe00000ULL);
	{
		struct probe p[MAX_PROBES];

		n = probes_build(&l, &fsyms, p);
		assert_int_equal(find_probe(p, n, "linear first")->va, VA_LINEAR + 0x200000);
		assert_int_equal(find_probe(p, n, "linear of text")->va, VA_LINEAR + 0x200000);
		assert_int_equal(find_probe(p, n, "linear last")->va, VA_LINEAR + 0x3ffff000ULL);
		assert_int_equal(find_probe(p, n, "after linear")->va, VA_LINEAR + 0x40000000ULL);
	}
	check_probes_agree(&l, &fsyms);
}

/* ---- the table pool ------------------------------------------------------- */

static void test_pool(void **state)
{
	struct boot_layout l = virt;
	struct mem_region r[NR_REGIONS], fr[MAX_FINAL_REGIONS];
	struct probe p[MAX_PROBES];
	const struct mem_region *t;
	uint64_t va;
	int n;

	(void)state;
	/* At POOL_VADDR + its offset in its 2 MiB block, both maps. */
	l.phys_pool = 0x47fc0000ULL;
	va = maps_virt_pool(&l);
	assert_int_equal(va, VA_POOL + 0x1c0000ULL);
	maps_early_regions(&l, r);
	assert_region(&r[REGION_POOL], "tables", 1, va, 0x47fc0000ULL, POOL_SIZE, &linear);
	assert_false(r[REGION_POOL].attrs.rdonly);
	assert_true(r[REGION_POOL].attrs.pxn && r[REGION_POOL].attrs.uxn);
	expect_mapped(&l, va, "tables", 0x47fc0000ULL, &linear);
	expect_mapped(&l, va + POOL_SIZE - 1, "tables", 0x47ffffffULL, &linear);
	expect_unmapped(&l, va + POOL_SIZE);          /* the end of its 2 MiB */
	expect_unmapped(&l, va - 1);
	expect_unmapped(&l, VA_POOL);
	expect_mapped(&l, va & LOW39, "tables", 0x47fc0000ULL, &linear);   /* via TTBR0 */
	n = maps_final_regions(&l, &syms, fr);
	assert_final_policy(fr, n);
	t = find_region(fr, n, "tables");
	assert_single(t, "tables", va, 0x47fc0000ULL, POOL_SIZE, &linear);
	for (uint64_t off = 0; off < POOL_SIZE; off += 0x9000) {
		struct expectation e;

		expect_final_map(&l, &syms, va + off, &e);
		assert_string_equal(e.region, "tables");
		assert_int_equal(e.pa, 0x47fc0000ULL + off);
		assert_true(pte_attrs_equal(&e.attrs, &linear));
	}
	/* Its probes: first and last word, in both maps. */
	n = probes_build(&l, &syms, p);
	assert_int_equal(n, 29 + 2);
	assert_int_equal(find_probe(p, n, "tables first")->va, va);
	assert_int_equal(find_probe(p, n, "tables last")->va, va + POOL_SIZE - 8);
	check_probes_agree(&l, &syms);

	/* 2 MiB aligned: at POOL_VADDR itself. */
	l.phys_pool = 0x47e00000ULL;
	assert_int_equal(maps_virt_pool(&l), VA_POOL);
	expect_mapped(&l, VA_POOL, "tables", 0x47e00000ULL, &linear);
	expect_unmapped(&l, VA_POOL + POOL_SIZE);
	/* phys_pool 0: not taken yet (ram_plan_take never hands out PA 0's
	 * page): no region in either map, no probes. */
	l.phys_pool = 0;
	maps_early_regions(&l, r);
	assert_int_equal(r[REGION_POOL].size, 0);
	expect_unmapped(&l, VA_POOL);
	n = maps_final_regions(&l, &syms, fr);
	assert_int_equal(count_named(fr, n, "tables"), 0);
	n = probes_build(&l, &syms, p);
	for (int i = 0; i < n; i++)
		assert_true(strncmp(p[i].name, "tables", 6) != 0);
}

/* ---- the secondaries' stacks ---------------------------------------------- */

static void test_stacks(void **state)
{
	struct boot_layout l = fvirt;
	struct mem_region r[MAX_FINAL_REGIONS];
	struct probe p[MAX_PROBES];
	struct expectation e;
	const struct mem_region *st;
	int n;

	(void)state;
	/* CPU n's stack: STACKS_VADDR + n * stride + a guard page; in RAM,
	 * the (n - 1)th from phys_stacks. */
	assert_int_equal(maps_virt_stack(1), VA_STACKS + 0x6000ULL);
	assert_int_equal(maps_virt_stack(2), VA_STACKS + 0xb000ULL);
	assert_int_equal(maps_virt_stack(255), VA_STACKS + 255 * STRIDE + 0x1000ULL);
	assert_int_equal(maps_phys_stack(&l, 1), FSTACKS_PA);
	assert_int_equal(maps_phys_stack(&l, 3), FSTACKS_PA + 0x8000ULL);

	n = maps_final_regions(&l, &fsyms, r);
	assert_int_equal(count_named(r, n, "stack"), 2);   /* the boot CPU's, the others' */
	st = &r[n - 1];
	assert_region(st, "stack", 1, maps_virt_stack(1), maps_phys_stack(&l, 1), STACK_SIZE,
		      &linear);
	assert_int_equal(st->count, 3);
	for (unsigned cpu = 1; cpu <= 3; cpu++) {
		uint64_t va = maps_virt_stack(cpu), pa = maps_phys_stack(&l, cpu);
		struct expectation early;

		expect_final_map(&l, &fsyms, va, &e);
		assert_string_equal(e.region, "stack");
		assert_int_equal(e.pa, pa);
		assert_true(pte_attrs_equal(&e.attrs, &linear));
		expect_final_map(&l, &fsyms, va + STACK_SIZE - 16, &e);
		assert_string_equal(e.region, "stack");
		assert_int_equal(e.pa, pa + STACK_SIZE - 16);
		expect_final_map(&l, &fsyms, va - 1, &e);          /* its guard page */
		assert_false(e.mapped);
		expect_final_map(&l, &fsyms, va - 0x1000, &e);
		assert_false(e.mapped);
		expect_early_map(&l, va, &early);                         /* final map only */
		assert_false(early.mapped);
	}
	/* CPU 0 has no stack there (the boot CPU's is in the image). */
	expect_final_map(&l, &fsyms, VA_STACKS, &e);
	assert_false(e.mapped);
	expect_final_map(&l, &fsyms, VA_STACKS + 0x1000, &e);
	assert_false(e.mapped);
	/* After the last: CPU 4's guard page and stack, nothing. */
	expect_final_map(&l, &fsyms, maps_virt_stack(3) + STACK_SIZE, &e);
	assert_false(e.mapped);
	expect_final_map(&l, &fsyms, maps_virt_stack(4), &e);
	assert_false(e.mapped);

	/* The probes. */
	n = probes_build(&l, &fsyms, p);
	assert_int_equal(find_probe(p, n, "cpu1 stack")->va, maps_virt_stack(1));
	assert_int_equal(find_probe(p, n, "last cpu stack top")->va,
			 maps_virt_stack(3) + STACK_SIZE - 16);
	assert_int_equal(find_probe(p, n, "cpu1 stack guard")->va, maps_virt_stack(1) - 0x1000);
	assert_int_equal(find_probe(p, n, "after stacks")->va, maps_virt_stack(3) + STACK_SIZE);
	expect_final_map(&l, &fsyms, find_probe(p, n, "last cpu stack top")->va, &e);
	assert_string_equal(e.region, "stack");
	assert_int_equal(e.pa, FSTACKS_PA + 3 * STACK_SIZE - 16);
	check_probes_agree(&l, &fsyms);

	/* One secondary: a region of one copy. */
	l.nr_stacks = 1;
	n = maps_final_regions(&l, &fsyms, r);
	assert_final_policy(r, n);
	assert_region(&r[n - 1], "stack", 1, maps_virt_stack(1), FSTACKS_PA, STACK_SIZE, &linear);
	expect_final_map(&l, &fsyms, maps_virt_stack(2), &e);
	assert_false(e.mapped);
	n = probes_build(&l, &fsyms, p);
	assert_int_equal(find_probe(p, n, "last cpu stack top")->va,
			 maps_virt_stack(1) + STACK_SIZE - 16);
	check_probes_agree(&l, &fsyms);

	/* Every CPU NR_CPUS allows: the last stack still in the slot. */
	l.nr_stacks = NR_CPUS - 1;
	n = maps_final_regions(&l, &fsyms, r);
	assert_final_policy(r, n);
	assert_int_equal(r[n - 1].count, NR_CPUS - 1);
	expect_final_map(&l, &fsyms, maps_virt_stack(NR_CPUS - 1) + STACK_SIZE - 8, &e);
	assert_string_equal(e.region, "stack");
	assert_int_equal(e.pa, FSTACKS_PA + (NR_CPUS - 1) * STACK_SIZE - 8);
	expect_final_map(&l, &fsyms, maps_virt_stack(NR_CPUS - 2) - 8, &e);
	assert_false(e.mapped);
	expect_final_map(&l, &fsyms, maps_virt_stack(NR_CPUS - 1) + STACK_SIZE, &e);
	assert_false(e.mapped);
	check_probes_agree(&l, &fsyms);

	/* None (a single CPU): no region, no probes. */
	l.nr_stacks = 0;
	n = maps_final_regions(&l, &fsyms, r);
	assert_int_equal(count_named(r, n, "stack"), 1);
	expect_final_map(&l, &fsyms, maps_virt_stack(1), &e);
	assert_false(e.mapped);
	n = probes_build(&l, &fsyms, p);
	for (int i = 0; i < n; i++) {
		assert_true(strncmp(p[i].name, "cpu1", 4) != 0);
		assert_string_not_equal(p[i].name, "after stacks");
		assert_string_not_equal(p[i].name, "last cpu stack top");
	}
}

/* ---- no console ------------------------------------------------------------ */

static void test_no_console(void **state)
{
	struct boot_layout l = fvirt;
	struct mem_region r[NR_REGIONS], fr[MAX_FINAL_REGIONS];
	struct probe p[MAX_PROBES];
	struct expectation e;
	int n;

	(void)state;
	l.phys_uart = 0;
	maps_early_regions(&l, r);
	assert_string_equal(r[REGION_CONSOLE].name, "uart");
	assert_int_equal(r[REGION_CONSOLE].size, 0);
	expect_unmapped(&l, VA_CONSOLE);
	expect_unmapped(&l, VA_CONSOLE & LOW39);
	n = maps_final_regions(&l, &fsyms, fr);
	assert_int_equal(n, 10);
	assert_final_policy(fr, n);
	assert_int_equal(count_named(fr, n, "uart"), 0);
	expect_final_map(&l, &fsyms, VA_CONSOLE, &e);
	assert_false(e.mapped);
	/* Device memory nowhere in the expected map. */
	for (int i = 0; i < n; i++)
		assert_int_equal(fr[i].attrs.attrindx, 4);
	n = probes_build(&l, &fsyms, p);
	assert_int_equal(n, 29 + 6 - 1);
	for (int i = 0; i < n; i++)
		assert_string_not_equal(p[i].name, "uart");
	check_probes_agree(&l, &fsyms);
}

/* Every probe of the fullest layout fits MAX_PROBES, none truncated. */
static void test_probes_fullest(void **state)
{
	struct boot_layout l = fvirt;
	struct probe p[MAX_PROBES];
	int n;

	(void)state;
	two_ranges(&l);
	take_boot_memory(&l, 0x47fc0000ULL, 0x47f00000ULL, NR_CPUS - 1);
	memset(p, 0, sizeof(p));
	n = probes_build(&l, &fsyms, p);
	assert_int_equal(n, 37);
	assert_true(n <= MAX_PROBES);
	for (int i = 0; i < n; i++)
		assert_true(strlen(p[i].name) < sizeof(p[i].name) - 1);
	check_probes_agree(&l, &fsyms);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_window_vas),
		cmocka_unit_test(test_regions_virt),
		cmocka_unit_test(test_regions_image_rounding),
		cmocka_unit_test(test_regions_unaligned_load),
		cmocka_unit_test(test_console_virt),
		cmocka_unit_test(test_console_not_page_aligned),
		cmocka_unit_test(test_fdt_virt),
		cmocka_unit_test(test_fdt_unaligned),
		cmocka_unit_test(test_fdt_none),
		cmocka_unit_test(test_expect_idmap_edges),
		cmocka_unit_test(test_expect_kimage_edges),
		cmocka_unit_test(test_expect_aliases),
		cmocka_unit_test(test_expect_shared_level2),
		cmocka_unit_test(test_expect_non_canonical),
		cmocka_unit_test(test_expect_linear_unmapped),
		cmocka_unit_test(test_phys_to_virt),
		cmocka_unit_test(test_probes),
		cmocka_unit_test(test_probe_addresses),
		cmocka_unit_test(test_probes_agree_with_regions),
		cmocka_unit_test(test_final_regions),
		cmocka_unit_test(test_final_regions_variants),
		cmocka_unit_test(test_final_expectations),
		cmocka_unit_test(test_final_image_at_ram_base),
		cmocka_unit_test(test_linear_two_ranges),
		cmocka_unit_test(test_linear_max_ranges),
		cmocka_unit_test(test_linear_helpers),
		cmocka_unit_test(test_memstart_below_first_range),
		cmocka_unit_test(test_pool),
		cmocka_unit_test(test_stacks),
		cmocka_unit_test(test_no_console),
		cmocka_unit_test(test_probes_fullest),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
