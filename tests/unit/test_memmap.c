/*
 * test_memmap.c - host unit tests of mmu/memmap.c.
 *
 * Owns: the expected regions of the early map for a QEMU-virt layout (load
 * pa 0x40200000, link va 0xffffffc000000000, 128 MiB of RAM at 0x40000000,
 * UART at 0x09000000, a 1 MiB DTB at 0x40000000) and others (text_offset,
 * an image of two blocks, an unaligned DTB, no DTB, the image's physical
 * GiB at KIMAGE_VADDR's level-1 index); memmap_expect at every region's
 * edges (first byte, last byte, one past the end), through the shared
 * root's aliases, for non-canonical and linear-map VAs; the UART's and the
 * DTB's VAs; memmap_phys_to_virt; the final map's regions (W^X, nothing for
 * EL0, the DTB, the UART at CONSOLE_VADDR, devices) and expectations; and
 * the probe list (count, names, addresses, and that each probe's
 * expectation in either map agrees with that map's regions).
 */
#include "unit.h"
#include "memmap.h"

static const struct pte_attrs image = { .attrindx = 4, .sh = 3, .af = true };
static const struct pte_attrs linear = { .attrindx = 4, .sh = 3, .af = true,
					 .pxn = true, .uxn = true };
static const struct pte_attrs device = { .attrindx = 0, .sh = 0, .af = true,
					 .pxn = true, .uxn = true };
static const struct pte_attrs fdt = { .attrindx = 4, .sh = 3, .af = true, .rdonly = true,
				      .pxn = true, .uxn = true };

/* memory.h's windows, spelled out: KIMAGE_VADDR + 1 GiB - 8 MiB, - 2 MiB. */
#define VA_FDT     0xffffffc03f800000ULL
#define VA_CONSOLE 0xffffffc03fe00000ULL
#define LOW39      0x7fffffffffULL

static const struct boot_layout virt = {
	.phys_text = 0x40200000ULL, .virt_text = 0xffffffc000000000ULL,
	.image_size = 0x58000ULL, .phys_ram_base = 0x40000000ULL,
	.linear_size = 0x08000000ULL, .phys_uart = 0x09000000ULL,
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
	memmap_expect(l, va, &e);
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
	memmap_expect(l, va, &e);
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
	assert_int_equal((uint64_t)VA_LOW_MASK, LOW39);
	/* Both in the image's level-1 slot, after its block, each starting a
	 * level-2 entry. */
	assert_int_equal(VA_FDT >> 30, 0xffffffc000000000ULL >> 30);
	assert_int_equal(VA_CONSOLE >> 30, 0xffffffc000000000ULL >> 30);
	assert_true(VA_FDT + FDT_WINDOW_SIZE <= VA_CONSOLE);
}

static void test_regions_virt(void **state)
{
	struct mem_region r[NR_REGIONS];

	(void)state;
	assert_int_equal(NR_REGIONS, 4);
	memmap_regions(&virt, r);
	assert_region(&r[REGION_IDMAP], "idmap", 0, 0x40200000ULL, 0x40200000ULL, 0x200000,
		      &image);
	assert_region(&r[REGION_KIMAGE], "kimage", 1, 0xffffffc000000000ULL, 0x40200000ULL,
		      0x200000, &image);
	assert_region(&r[REGION_FDT], "dtb", 1, VA_FDT, 0x40000000ULL, 0x100000ULL, &fdt);
	assert_region(&r[REGION_CONSOLE], "uart", 1, VA_CONSOLE, 0x09000000ULL, 0x1000, &device);
}

static void test_regions_image_rounding(void **state)
{
	struct boot_layout l = virt;
	struct mem_region r[NR_REGIONS];

	(void)state;
	l.image_size = 0x200000;
	memmap_regions(&l, r);
	assert_int_equal(r[REGION_IDMAP].size, 0x200000);
	assert_int_equal(r[REGION_KIMAGE].size, 0x200000);
	expect_mapped(&l, 0x403fffffULL, "idmap", 0x403fffffULL, &image);
	expect_unmapped(&l, 0x40400000ULL);
	expect_unmapped(&l, 0xffffffc000200000ULL);
	l.image_size = 0x200001;
	memmap_regions(&l, r);
	assert_int_equal(r[REGION_IDMAP].size, 0x400000);
	assert_int_equal(r[REGION_KIMAGE].size, 0x400000);
	assert_int_equal(r[REGION_IDMAP].phys, 0x40200000ULL);
	assert_int_equal(r[REGION_KIMAGE].phys, 0x40200000ULL);
	expect_mapped(&l, 0x405fffffULL, "idmap", 0x405fffffULL, &image);
	expect_unmapped(&l, 0x40600000ULL);
	expect_mapped(&l, 0xffffffc0003fffffULL, "kimage", 0x405fffffULL, &image);
	expect_unmapped(&l, 0xffffffc000400000ULL);
	l.image_size = 1;
	memmap_regions(&l, r);
	assert_int_equal(r[REGION_IDMAP].size, 0x200000);
	assert_int_equal(r[REGION_KIMAGE].size, 0x200000);
}

/* A board with a text_offset (raspi3b: RAM at 0, loaded at 0x80000). */
static const struct boot_layout pi = {
	.phys_text = 0x80000ULL, .virt_text = 0xffffffc000080000ULL,
	.image_size = 0x4a000ULL, .phys_ram_base = 0,
	.linear_size = 0x3c000000ULL, .phys_uart = 0x3f201000ULL,
	.phys_dtb = 0x2eff2000ULL, .dtb_size = 0x7c8fULL,
};

static void test_regions_text_offset(void **state)
{
	struct mem_region r[NR_REGIONS];

	(void)state;
	memmap_regions(&pi, r);
	assert_region(&r[REGION_IDMAP], "idmap", 0, 0, 0, 0x200000ULL, &image);
	assert_region(&r[REGION_KIMAGE], "kimage", 1, 0xffffffc000000000ULL, 0, 0x200000ULL,
		      &image);
	assert_region(&r[REGION_FDT], "dtb", 1, VA_FDT, 0x2eff2000ULL, 0x8000ULL, &fdt);
	assert_region(&r[REGION_CONSOLE], "uart", 1, VA_CONSOLE, 0x3f201000ULL, 0x1000,
		      &device);
	expect_mapped(&pi, pi.virt_text, "kimage", 0x80000ULL, &image);
	expect_mapped(&pi, 0xffffffc000000000ULL, "kimage", 0, &image);   /* the block's start */
	assert_int_equal(memmap_virt_uart(&pi), VA_CONSOLE);
	assert_int_equal(memmap_virt_fdt(&pi), VA_FDT);
	/* The image's GiB is the linear map's first: in the early map, the
	 * shared root shows the identity map at PAGE_OFFSET. */
	expect_mapped(&pi, 0xffffff8000000000ULL, "idmap", 0, &image);
	expect_mapped(&pi, 0xffffff80001fffffULL, "idmap", 0x1fffffULL, &image);
	expect_unmapped(&pi, 0xffffff8000200000ULL);
	/* An image reaching past the first block takes two. */
	{
		struct boot_layout big = pi;

		big.image_size = 0x190000ULL;       /* 0x80000 + 0x190000 > 2 MiB */
		memmap_regions(&big, r);
		assert_int_equal(r[REGION_IDMAP].size, 0x400000ULL);
		assert_int_equal(r[REGION_KIMAGE].size, 0x400000ULL);
		expect_mapped(&big, 0xffffffc0003fffffULL, "kimage", 0x3fffffULL, &image);
		expect_unmapped(&big, 0xffffffc000400000ULL);
	}
}

/* ---- the early map: the console page -------------------------------------- */

static void test_console_virt(void **state)
{
	(void)state;
	assert_int_equal(memmap_virt_uart(&virt), (uint64_t)CONSOLE_VADDR);
	assert_int_equal(memmap_virt_uart(&virt), VA_CONSOLE);
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
	memmap_regions(&l, r);
	assert_region(&r[REGION_CONSOLE], "uart", 1, VA_CONSOLE, 0x3f215000ULL, 0x1000, &device);
	assert_int_equal(memmap_virt_uart(&l), (uint64_t)CONSOLE_VADDR + 0x40);
	assert_int_equal(memmap_virt_uart(&l), 0xffffffc03fe00040ULL);
	expect_mapped(&l, memmap_virt_uart(&l), "uart", 0x3f215040ULL, &device);
	expect_mapped(&l, VA_CONSOLE, "uart", 0x3f215000ULL, &device);
	expect_mapped(&l, VA_CONSOLE + 0xfff, "uart", 0x3f215fffULL, &device);
	expect_unmapped(&l, VA_CONSOLE + 0x1000);
	l.phys_uart = 0x1c090000ULL;      /* vexpress UART0: page aligned, offset 0 */
	assert_int_equal(memmap_virt_uart(&l), VA_CONSOLE);
	expect_mapped(&l, VA_CONSOLE + 8, "uart", 0x1c090008ULL, &device);
}

/* ---- the early map: the DTB window ---------------------------------------- */

static void test_fdt_virt(void **state)
{
	(void)state;
	assert_int_equal(memmap_virt_fdt(&virt), (uint64_t)FDT_VADDR);
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
	memmap_regions(&l, r);
	assert_region(&r[REGION_FDT], "dtb", 1, VA_FDT, 0x47ff8000ULL, 0x3000ULL, &fdt);
	first = memmap_virt_fdt(&l);
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
	memmap_regions(&l, r);
	assert_region(&r[REGION_FDT], "dtb", 1, VA_FDT, 0x47ffe000ULL, 0x2000ULL, &fdt);
	expect_mapped(&l, memmap_virt_fdt(&l) + l.dtb_size - 1, "dtb", 0x47ffffffULL, &fdt);
	expect_unmapped(&l, VA_FDT + 0x2000);

	/* The largest DTB (MAX_FDT_SIZE) at the worst page offset still fits
	 * its window, below the console's. */
	l.phys_dtb = 0x48000ff8ULL;
	l.dtb_size = MAX_FDT_SIZE;
	memmap_regions(&l, r);
	assert_int_equal(r[REGION_FDT].phys, 0x48000000ULL);
	assert_int_equal(r[REGION_FDT].size, 0x201000ULL);
	assert_true(r[REGION_FDT].size <= FDT_WINDOW_SIZE);
	expect_mapped(&l, memmap_virt_fdt(&l) + l.dtb_size - 1, "dtb", 0x48200ff7ULL, &fdt);
	expect_unmapped(&l, VA_FDT + 0x201000);

	/* A DTB at pa 0 (RAM starts there on a Raspberry Pi: QEMU puts an
	 * ELF's DTB at the start of RAM) is a DTB: dtb_size says there is one. */
	l.phys_dtb = 0;
	l.dtb_size = 0x7c8fULL;
	memmap_regions(&l, r);
	assert_region(&r[REGION_FDT], "dtb", 1, VA_FDT, 0, 0x8000ULL, &fdt);
	expect_mapped(&l, memmap_virt_fdt(&l), "dtb", 0, &fdt);
	expect_mapped(&l, memmap_virt_fdt(&l) + l.dtb_size - 1, "dtb", 0x7c8eULL, &fdt);
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
	memmap_regions(&l, r);
	assert_string_equal(r[REGION_FDT].name, "dtb");
	assert_int_equal(r[REGION_FDT].size, 0);
	expect_unmapped(&l, VA_FDT);
	expect_unmapped(&l, VA_FDT + 0xfff);
	expect_unmapped(&l, VA_FDT + 0x238);
	/* The rest is as with a DTB. */
	expect_mapped(&l, VA_CONSOLE, "uart", 0x09000000ULL, &device);
	expect_mapped(&l, 0xffffffc000000000ULL, "kimage", 0x40200000ULL, &image);
	n = memmap_probes(&l, &syms, p);
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
	/* The same entry (text_offset, the same offset in the block): one
	 * translation, whichever region names it. */
	l.phys_text = 0x4000080000ULL;
	l.virt_text = 0xffffffc000080000ULL;
	for (int i = 0; i < 2; i++) {
		memmap_expect(&l, i ? 0xffffffc000080000ULL : 0x4000080000ULL, &e);
		assert_true(e.mapped);
		assert_true(!strcmp(e.region, "idmap") || !strcmp(e.region, "kimage"));
		assert_int_equal(e.pa, 0x4000080000ULL);
		assert_true(pte_attrs_equal(&e.attrs, &image));
	}
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
		uint64_t va = memmap_phys_to_virt(&virt, pa);

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
	assert_int_equal(memmap_phys_to_virt(&virt, 0x40000000ULL), 0xffffff8000000000ULL);
	assert_int_equal(memmap_phys_to_virt(&virt, 0x40200000ULL), 0xffffff8000200000ULL);
	assert_int_equal(memmap_phys_to_virt(&virt, 0x47ffffffULL), 0xffffff8007ffffffULL);
	assert_int_equal(memmap_image_phys(&virt, 0xffffffc000000000ULL), 0x40200000ULL);
	assert_int_equal(memmap_image_phys(&virt, 0xffffffc00000cff8ULL), 0x4020cff8ULL);
	assert_int_equal(memmap_image_phys(&pi, 0xffffffc000080000ULL), 0x80000ULL);
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
	n = memmap_probes(&virt, &syms, p);
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
		memmap_expect(&virt, p[i].va, &e);
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
		{ "stack guard",      0xffffffc000030000ULL, "kimage", 0x40230000ULL, NULL, 0 },
		{ "stack bottom",     0xffffffc000031000ULL, "kimage", 0x40231000ULL,
		  "stack", 0x40231000ULL },
		{ "stack top",        0xffffffc000034ff0ULL, "kimage", 0x40234ff0ULL,
		  "stack", 0x40234ff0ULL },
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
	n = memmap_probes(&virt, &syms, p);
	assert_int_equal(n, (int)ARRAY_LEN(want));
	for (size_t i = 0; i < ARRAY_LEN(want); i++) {
		const struct probe *pr = find_probe(p, n, want[i].name);
		struct expectation e, f;

		assert_string_equal(p[i].name, want[i].name);     /* in this order */
		assert_int_equal(pr->va, want[i].va);
		memmap_expect(&virt, pr->va, &e);
		memmap_expect_final(&virt, &syms, pr->va, &f);
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

/* The reference reading of a region list: the early map's regions answer
 * for bits [38:0] of a canonical VA in either half (shared root), the final
 * map's for their own half. Every region that covers va must agree on the
 * PA and attributes (aliases are harmless), and memmap_expect* must give
 * that translation, or "unmapped" when no region covers va. */
static void assert_agrees(const char *probe, uint64_t va, const struct mem_region *r, int n,
			  bool early, const struct expectation *e)
{
	bool canonical = va >> 39 == 0 || va >> 39 == 0x1ffffff;
	bool found = false, named = false;
	uint64_t pa = 0;
	struct pte_attrs attrs = { 0 };

	for (int i = 0; canonical && i < n; i++) {
		uint64_t off;

		if (r[i].size == 0)
			continue;
		if (early) {
			off = (va & LOW39) - (r[i].virt & LOW39);
			if ((va & LOW39) < (r[i].virt & LOW39) || off >= r[i].size)
				continue;
		} else {
			if ((va >> 63) != (uint64_t)r[i].ttbr || va < r[i].virt ||
			    va - r[i].virt >= r[i].size)
				continue;
			off = va - r[i].virt;
		}
		if (found && (pa != r[i].phys + off || !pte_attrs_equal(&attrs, &r[i].attrs)))
			fail_msg("probe \"%s\" va 0x%llx: regions disagree", probe,
				 (unsigned long long)va);
		if (!early && found)
			fail_msg("probe \"%s\" va 0x%llx: two final regions", probe,
				 (unsigned long long)va);
		found = true;
		pa = r[i].phys + off;
		attrs = r[i].attrs;
		named |= e->mapped && !strcmp(e->region, r[i].name);
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

	memmap_regions(l, early);
	nfinal = memmap_final_regions(l, s, final);
	n = memmap_probes(l, s, p);
	assert_true(n > 0 && n <= MAX_PROBES);
	for (int i = 0; i < n; i++) {
		struct expectation e;

		memset(&e, 0x5a, sizeof(e));
		memmap_expect(l, p[i].va, &e);
		assert_agrees(p[i].name, p[i].va, early, NR_REGIONS, true, &e);
		memset(&e, 0x5a, sizeof(e));
		memmap_expect_final(l, s, p[i].va, &e);
		assert_agrees(p[i].name, p[i].va, final, nfinal, false, &e);
	}
}

static void test_probes_agree_with_regions(void **state)
{
	static const struct device_range devs[] = {
		{ "gic", 0x08000000ULL, 0x20000ULL }, { "rtc", 0x09010000ULL, 0x1000ULL },
	};
	struct boot_layout l = virt;

	(void)state;
	check_probes_agree(&virt, &syms);
	l.phys_dtb = 0x47ff8238ULL;
	l.dtb_size = 0x1dc9ULL;
	check_probes_agree(&l, &syms);
	l.phys_dtb = 0;
	l.dtb_size = 0;
	check_probes_agree(&l, &syms);
	l = virt;
	l.devices = devs;
	l.ndevices = 2;
	l.phys_device_base = 0x08000000ULL;
	check_probes_agree(&l, &syms);
	l = virt;
	l.linear_size = 0x80000000ULL;       /* 2 GiB: "idmap via TTBR1" is linear RAM */
	check_probes_agree(&l, &syms);
	l = virt;
	l.phys_uart = 0x3f215040ULL;
	check_probes_agree(&l, &syms);
	l = virt;
	l.phys_text = 0x4000400000ULL;       /* the image's level-1 index, 256 */
	l.phys_ram_base = 0x4000000000ULL;
	l.phys_dtb = 0x4000000000ULL;
	check_probes_agree(&l, &syms);
}

/* ---- the final map -------------------------------------------------------- */

/* A layout as link.ld makes it: text, rodata, data (the early tables
 * first) and bss, the table pages, then NR_CPUS (8) guard + stack pairs of
 * 0x5000 from 0x2f000 to 0x57000. */
static const struct image_symbols fsyms = {
	.text = 0xffffffc000000000ULL, .etext = 0xffffffc000006f00ULL,
	.srodata = 0xffffffc000007000ULL, .erodata = 0xffffffc000008800ULL,
	.sdata = 0xffffffc000009000ULL, .edata = 0xffffffc00000c100ULL,
	.bss_start = 0xffffffc00000c100ULL, .bss_end = 0xffffffc00000d000ULL,
	.early_pgd = 0xffffffc000009000ULL, .early_pg_end = 0xffffffc00000c000ULL,
	.entry = 0xffffffc000000040ULL,
	.stack_guard = 0xffffffc00002f000ULL,
	.stack_bottom = 0xffffffc000030000ULL, .stack_top = 0xffffffc000034000ULL,
};
static const struct boot_layout fvirt = {
	.phys_text = 0x40200000ULL, .virt_text = 0xffffffc000000000ULL,
	.image_size = 0x57000ULL, .phys_ram_base = 0x40000000ULL,
	.linear_size = 0x40000000ULL, .phys_uart = 0x09000000ULL,
	.phys_dtb = 0x40000000ULL, .dtb_size = 0x100000ULL,
};

/* W^X, nothing for EL0, page granular, no two regions at one VA. */
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
		if (writable && (el1_exec || el0_exec))
			fail_msg("region %s: writable and executable", r[i].name);
		if (r[i].attrs.user)
			fail_msg("region %s: accessible from EL0", r[i].name);
		if (el0_exec)
			fail_msg("region %s: executable at EL0", r[i].name);
		if (el1_exec)                  /* only the image's text */
			assert_string_equal(r[i].name, "text");
		for (int j = 0; j < i; j++)   /* no two regions share a VA */
			assert_true(r[i].virt + r[i].size <= r[j].virt ||
				    r[j].virt + r[j].size <= r[i].virt);
	}
}

static void test_final_regions(void **state)
{
	struct mem_region r[MAX_FINAL_REGIONS];
	int n, k = 0;

	(void)state;
	n = memmap_final_regions(&fvirt, &fsyms, r);
	assert_int_equal(n, 8 + NR_CPUS);
	assert_final_policy(r, n);
	assert_region(&r[k++], "text", 1, 0xffffffc000000000ULL, 0x40200000ULL, 0x7000,
		      &(struct pte_attrs){ .attrindx = 4, .sh = 3, .af = true, .rdonly = true,
					   .uxn = true });
	assert_region(&r[k++], "rodata", 1, 0xffffffc000007000ULL, 0x40207000ULL, 0x2000, &fdt);
	assert_region(&r[k++], "data", 1, 0xffffffc000009000ULL, 0x40209000ULL, 0x26000, &linear);
	for (unsigned cpu = 0; cpu < NR_CPUS; cpu++)
		assert_region(&r[k++], "stack", 1, 0xffffffc000030000ULL + cpu * 0x5000ULL,
			      0x40230000ULL + cpu * 0x5000ULL, 0x4000, &linear);
	assert_region(&r[k++], "linear", 1, 0xffffff8000000000ULL, 0x40000000ULL, 0x200000,
		      &linear);
	assert_region(&r[k++], "linear-ro", 1, 0xffffff8000200000ULL, 0x40200000ULL, 0x9000,
		      &fdt);
	assert_region(&r[k++], "linear", 1, 0xffffff8000209000ULL, 0x40209000ULL,
		      0x40000000ULL - 0x209000, &linear);
	assert_region(&r[k++], "uart", 1, VA_CONSOLE, 0x09000000ULL, 0x1000, &device);
	assert_region(&r[k++], "dtb", 1, VA_FDT, 0x40000000ULL, 0x100000, &fdt);
	assert_int_equal(k, n);
	for (int i = 0; i < n; i++)
		if (!strncmp(r[i].name, "el0", 3))
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
	n = memmap_final_regions(&l, &fsyms, r);
	assert_int_equal(n, 7 + NR_CPUS);
	assert_final_policy(r, n);
	for (int i = 0; i < n; i++)
		assert_string_not_equal(r[i].name, "dtb");
	/* An unaligned DTB: its pages, at the early map's VA. */
	l.phys_dtb = 0x47ff8238ULL;
	l.dtb_size = 0x1dc9ULL;
	n = memmap_final_regions(&l, &fsyms, r);
	assert_int_equal(n, 8 + NR_CPUS);
	assert_final_policy(r, n);
	assert_region(&r[n - 1], "dtb", 1, VA_FDT, 0x47ff8000ULL, 0x3000, &fdt);
	/* A UART off its page's start. */
	l.phys_uart = 0x3f215040ULL;
	n = memmap_final_regions(&l, &fsyms, r);
	assert_region(&r[n - 2], "uart", 1, VA_CONSOLE, 0x3f215000ULL, 0x1000, &device);
}

static void test_final_expectations(void **state)
{
	struct expectation e;

	(void)state;
	memmap_expect_final(&fvirt, &fsyms, fsyms.text, &e);
	assert_true(e.mapped);
	assert_string_equal(e.region, "text");
	assert_int_equal(e.pa, 0x40200000ULL);
	assert_true(e.attrs.rdonly);
	assert_false(e.attrs.pxn);
	assert_true(e.attrs.uxn);
	assert_false(e.attrs.user);

	/* Text runs to rodata: the end of its last page is text too. */
	memmap_expect_final(&fvirt, &fsyms, fsyms.srodata - 1, &e);
	assert_string_equal(e.region, "text");
	assert_int_equal(e.pa, 0x40206fffULL);

	memmap_expect_final(&fvirt, &fsyms, fsyms.srodata, &e);
	assert_string_equal(e.region, "rodata");
	assert_true(e.attrs.rdonly && e.attrs.pxn && e.attrs.uxn);

	memmap_expect_final(&fvirt, &fsyms, fsyms.early_pgd, &e);
	assert_string_equal(e.region, "data");
	assert_int_equal(e.pa, 0x40209000ULL);
	memmap_expect_final(&fvirt, &fsyms, fsyms.early_pg_end - 8, &e);
	assert_string_equal(e.region, "data");
	assert_false(e.attrs.rdonly);
	assert_true(e.attrs.pxn && e.attrs.uxn);
	assert_int_equal(e.pa, 0x4020bff8ULL);

	/* The guard page below the stack, and VA 0 and TTBR0: nothing. */
	memmap_expect_final(&fvirt, &fsyms, fsyms.stack_guard, &e);
	assert_false(e.mapped);
	memmap_expect_final(&fvirt, &fsyms, fsyms.stack_bottom - 1, &e);
	assert_false(e.mapped);
	memmap_expect_final(&fvirt, &fsyms, fsyms.stack_bottom, &e);
	assert_string_equal(e.region, "stack");
	/* Every CPU's stack is mapped and every guard below one is not. */
	for (unsigned cpu = 0; cpu < NR_CPUS; cpu++) {
		uint64_t guard = fsyms.stack_guard + cpu * 0x5000ULL;

		memmap_expect_final(&fvirt, &fsyms, guard + 0xff8, &e);
		assert_false(e.mapped);
		memmap_expect_final(&fvirt, &fsyms, guard + 0x1000, &e);
		assert_string_equal(e.region, "stack");
		memmap_expect_final(&fvirt, &fsyms, guard + 0x4ff8, &e);
		assert_string_equal(e.region, "stack");
	}
	/* Past the last CPU's stack (the image's end): nothing. */
	memmap_expect_final(&fvirt, &fsyms, 0xffffffc000057000ULL, &e);
	assert_false(e.mapped);
	memmap_expect_final(&fvirt, &fsyms, 0, &e);
	assert_false(e.mapped);
	memmap_expect_final(&fvirt, &fsyms, fvirt.phys_text, &e);
	assert_false(e.mapped);
	/* The early map's aliases are gone. */
	memmap_expect_final(&fvirt, &fsyms, 0x4000000000ULL, &e);
	assert_false(e.mapped);

	/* The linear alias of text and rodata is read-only; of data, writable. */
	memmap_expect_final(&fvirt, &fsyms, 0xffffff8000200000ULL, &e);
	assert_string_equal(e.region, "linear-ro");
	assert_true(e.attrs.rdonly && e.attrs.pxn);
	memmap_expect_final(&fvirt, &fsyms, 0xffffff8000208ff8ULL, &e);
	assert_string_equal(e.region, "linear-ro");
	memmap_expect_final(&fvirt, &fsyms, 0xffffff8000209000ULL, &e);
	assert_string_equal(e.region, "linear");
	assert_false(e.attrs.rdonly);
	assert_int_equal(e.pa, 0x40209000ULL);
	memmap_expect_final(&fvirt, &fsyms, 0xffffff8000300000ULL, &e);
	assert_string_equal(e.region, "linear");
	memmap_expect_final(&fvirt, &fsyms, 0xffffff8040000000ULL, &e);
	assert_false(e.mapped);

	/* The UART's page at CONSOLE_VADDR, as in the early map. */
	memmap_expect_final(&fvirt, &fsyms, memmap_virt_uart(&fvirt), &e);
	assert_string_equal(e.region, "uart");
	assert_int_equal(e.pa, 0x09000000ULL);
	memmap_expect_final(&fvirt, &fsyms, VA_CONSOLE + 0xff8, &e);
	assert_string_equal(e.region, "uart");
	assert_int_equal(e.attrs.attrindx, MT_DEVICE_nGnRnE);
	assert_true(e.attrs.pxn && e.attrs.uxn);
	memmap_expect_final(&fvirt, &fsyms, VA_CONSOLE + 0x1000, &e);
	assert_false(e.mapped);
	memmap_expect_final(&fvirt, &fsyms, VA_CONSOLE - 1, &e);
	assert_false(e.mapped);
	memmap_expect_final(&fvirt, &fsyms, 0xffffffffc0000000ULL, &e);
	assert_false(e.mapped);

	/* The DTB, read-only, at the early map's VA. */
	memmap_expect_final(&fvirt, &fsyms, memmap_virt_fdt(&fvirt), &e);
	assert_string_equal(e.region, "dtb");
	assert_int_equal(e.pa, 0x40000000ULL);
	assert_true(pte_attrs_equal(&e.attrs, &fdt));
	memmap_expect_final(&fvirt, &fsyms, VA_FDT + 0xfffff, &e);
	assert_string_equal(e.region, "dtb");
	assert_int_equal(e.pa, 0x400fffffULL);
	memmap_expect_final(&fvirt, &fsyms, VA_FDT + 0x100000, &e);
	assert_false(e.mapped);
}

static void test_final_image_at_ram_base(void **state)
{
	struct boot_layout l = fvirt;
	struct mem_region r[MAX_FINAL_REGIONS];
	int n;

	(void)state;
	l.phys_text = l.phys_ram_base;     /* no linear RAM below the image */
	l.phys_dtb = 0x48000000ULL;
	n = memmap_final_regions(&l, &fsyms, r);
	assert_int_equal(n, 7 + NR_CPUS);
	assert_final_policy(r, n);
	assert_string_equal(r[3 + NR_CPUS].name, "linear-ro");
	assert_int_equal(r[3 + NR_CPUS].virt, 0xffffff8000000000ULL);
	assert_string_equal(r[4 + NR_CPUS].name, "linear");
	assert_int_equal(r[4 + NR_CPUS].virt, 0xffffff8000009000ULL);
}

static void test_final_devices(void **state)
{
	static const struct device_range devs[] = {
		{ "gic", 0xf9000000ULL, 0x80000ULL }, { "lpd", 0xff000000ULL, 0x1000000ULL },
	};
	struct boot_layout l = fvirt;
	struct mem_region r[MAX_FINAL_REGIONS];
	struct probe p[MAX_PROBES];
	struct expectation e;
	int n, nprobes, found = 0;

	(void)state;
	l.devices = devs;
	l.ndevices = 2;
	l.phys_device_base = 0xc0000000ULL;
	assert_int_equal(memmap_virt_device(&l, 0xf9000000ULL), 0xffffffffb9000000ULL);
	n = memmap_final_regions(&l, &fsyms, r);
	assert_int_equal(n, 8 + NR_CPUS + 2);
	assert_final_policy(r, n);
	assert_string_equal(r[n - 1].name, "lpd");
	assert_int_equal(r[n - 1].virt, 0xffffffffbf000000ULL);
	assert_int_equal(r[n - 1].phys, 0xff000000ULL);
	assert_int_equal(r[n - 1].attrs.attrindx, MT_DEVICE_nGnRnE);
	assert_true(r[n - 1].attrs.pxn && r[n - 1].attrs.uxn);
	memmap_expect_final(&l, &fsyms, 0xffffffffb907fff8ULL, &e);
	assert_string_equal(e.region, "gic");
	assert_int_equal(e.pa, 0xf907fff8ULL);
	memmap_expect_final(&l, &fsyms, 0xffffffffb9080000ULL, &e);
	assert_false(e.mapped);
	/* Only the final map has them; each gets a probe. */
	memmap_expect(&l, 0xffffffffb9000000ULL, &e);
	assert_false(e.mapped);
	nprobes = memmap_probes(&l, &fsyms, p);
	assert_int_equal(nprobes, 29 + 2);
	for (int i = 0; i < nprobes; i++)
		found += !strcmp(p[i].name, "dev gic") || !strcmp(p[i].name, "dev lpd");
	assert_int_equal(found, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_window_vas),
		cmocka_unit_test(test_regions_virt),
		cmocka_unit_test(test_regions_image_rounding),
		cmocka_unit_test(test_regions_text_offset),
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
		cmocka_unit_test(test_final_devices),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
