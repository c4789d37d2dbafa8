/*
 * test_maps.c - host unit tests of mmu/maps.c, the maps' specification.
 *
 * Owns: the windows' VAs (memory.h's, spelled out); the early map's regions
 * for a QEMU-virt boot (maps_fixture.h's virt) and others (a load not 2 MiB
 * aligned, an image of two blocks, an unaligned DTB, no DTB, no console)
 * with the expected translation at each window's edges (the UART's page,
 * the DTB's pages, the pool's); the UART's, the DTB's and the pool's VAs;
 * maps_phys_to_virt, maps_image_phys/virt and the linear helpers
 * (maps_linear_has, maps_linear_end_virt, maps_linear_bytes) at their
 * edges; the final map's regions (W^X, nothing for EL0, the DTB, the UART at
 * CONSOLE_VADDR, the table pool, the secondaries' stacks as one strided
 * region above guard pages, linear ranges with holes and phys_memstart
 * below them, the image's read-only alias only in its range,
 * MAX_LINEAR_RANGES ranges) and, for each such layout, that its probes
 * agree with its regions (check_probes_agree). The oracle's own cases are
 * test_expect.c's, the probe list's test_probes.c's.
 */
#include "maps_fixture.h"

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
	assert_int_equal(NR_REGIONS, 6);
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
	/* No page of RAM being tried: empty too; while one is, the page
	 * after the console's, Device-nGnRnE, in the console's block. */
	assert_string_equal(r[REGION_PROBE].name, "probe");
	assert_int_equal(r[REGION_PROBE].size, 0);
	for (int i = 0; i < NR_REGIONS; i++)
		assert_true(r[i].count <= 1);
	{
		struct boot_layout l = virt;

		l.phys_probe = 0x48000000ULL;
		maps_early_regions(&l, r);
		assert_region(&r[REGION_PROBE], "probe", 1, VA_CONSOLE + 0x1000, 0x48000000ULL,
			      0x1000, &device);
		assert_int_equal(maps_virt_probe(), VA_CONSOLE + 0x1000);
		assert_int_equal(maps_virt_probe() >> 21, VA_CONSOLE >> 21);
	}
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
	assert_int_equal(n, 28);
	for (int i = 0; i < n; i++)
		assert_true(strncmp(p[i].name, "dtb", 3) != 0);
}

/* ---- the linear map's and the image's addresses --------------------------- */

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

/* ---- the final map: regions ----------------------------------------------- */

static void test_final_regions(void **state)
{
	struct mem_region r[MAX_FINAL_REGIONS];
	int n, k = 0;

	(void)state;
	n = maps_final_regions(&fvirt, &fsyms, r);
	assert_int_equal(n, 12);
	assert_final_policy(r, n);
	/* The header page: the headers and the result record, data. */
	assert_single(&r[k++], "head", 0xffffffc000000000ULL, 0x40200000ULL, 0x1000, &linear);
	assert_single(&r[k++], "text", 0xffffffc000001000ULL, 0x40201000ULL, 0x6000, &text_attrs);
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
	assert_int_equal(n, 11);
	assert_final_policy(r, n);
	assert_int_equal(count_named(r, n, "dtb"), 0);
	/* An unaligned DTB: its pages, at the early map's VA. */
	l.phys_dtb = 0x47ff8238ULL;
	l.dtb_size = 0x1dc9ULL;
	n = maps_final_regions(&l, &fsyms, r);
	assert_int_equal(n, 12);
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
	assert_int_equal(n, 10);
	assert_final_policy(r, n);
	assert_int_equal(count_named(r, n, "tables"), 0);
	assert_int_equal(count_named(r, n, "stack"), 1);        /* the boot CPU's */
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
	assert_int_equal(n, 11);
	assert_final_policy(r, n);
	assert_single(&r[5], "linear-ro", VA_LINEAR, 0x40000000ULL, 0x9000, &fdt);
	assert_single(&r[6], "linear", VA_LINEAR + 0x9000, 0x40009000ULL, 0x40000000ULL - 0x9000,
		      &linear);
	/* ... and at its end: no linear RAM above it. */
	l = fvirt;
	set_linear(&l, 0, l.linear[0].phys_start, 0x209000ULL);    /* ends where text + rodata end */
	n = maps_final_regions(&l, &fsyms, r);
	assert_final_policy(r, n);
	assert_single(&r[5], "linear", VA_LINEAR, 0x40000000ULL, 0x200000, &linear);
	assert_single(&r[6], "linear-ro", VA_LINEAR + 0x200000, 0x40200000ULL, 0x9000, &fdt);
	assert_string_not_equal(r[7].name, "linear");
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
	assert_int_equal(n, 5 + 1 + 3 + 4);
	assert_final_policy(r, n);
	/* The first range whole and writable; the image's text and rodata
	 * read-only in the second, where the image is. */
	assert_single(&r[5], "linear", VA_LINEAR + 0x200000, 0x40200000ULL, 0x1e00000, &linear);
	assert_single(&r[6], "linear", VA_LINEAR + 0x4000000, 0x44000000ULL, 0x200000, &linear);
	assert_single(&r[7], "linear-ro", VA_LINEAR + 0x4200000, 0x44200000ULL, 0x9000, &fdt);
	assert_single(&r[8], "linear", VA_LINEAR + 0x4209000, 0x44209000ULL,
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
	assert_int_equal(n, 30 + 2 + 6);     /* + 2 linear, + pool and stacks */
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
	assert_single(&r[5], "linear", VA_LINEAR + 0x200000, 0x40200000ULL, 0x200000, &linear);
	assert_single(&r[6], "linear-ro", VA_LINEAR + 0x400000, 0x40400000ULL, 0x9000, &fdt);
	assert_single(&r[7], "linear", VA_LINEAR + 0x409000, 0x40409000ULL, 0x1bf7000, &linear);
	assert_single(&r[8], "linear", VA_LINEAR + 0x4000000, 0x44000000ULL, 0x4000000, &linear);
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
	assert_int_equal(n, 5 + 3 + (MAX_LINEAR_RANGES - 1) + 4);
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
	assert_single(&r[5 + 3 + MAX_LINEAR_RANGES - 2], "linear", VA_LINEAR + 0x3c000000ULL,
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

		assert_int_equal(n, 29);
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
	assert_single(&r[5], "linear-ro", VA_LINEAR + 0x200000, 0x40200000ULL, 0x9000, &fdt);
	assert_single(&r[6], "linear", VA_LINEAR + 0x209000, 0x40209000ULL,
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
	assert_int_equal(n, 30 + 2);
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

/* ---- no console ----------------------------------------------------------- */

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
	assert_int_equal(n, 11);
	assert_final_policy(fr, n);
	assert_int_equal(count_named(fr, n, "uart"), 0);
	expect_final_map(&l, &fsyms, VA_CONSOLE, &e);
	assert_false(e.mapped);
	/* Device memory nowhere in the expected map. */
	for (int i = 0; i < n; i++)
		assert_int_equal(fr[i].attrs.attrindx, 4);
	n = probes_build(&l, &fsyms, p);
	assert_int_equal(n, 30 + 6 - 1);
	for (int i = 0; i < n; i++)
		assert_string_not_equal(p[i].name, "uart");
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
		cmocka_unit_test(test_phys_to_virt),
		cmocka_unit_test(test_final_regions),
		cmocka_unit_test(test_final_regions_variants),
		cmocka_unit_test(test_final_image_at_ram_base),
		cmocka_unit_test(test_linear_two_ranges),
		cmocka_unit_test(test_linear_max_ranges),
		cmocka_unit_test(test_linear_helpers),
		cmocka_unit_test(test_memstart_below_first_range),
		cmocka_unit_test(test_pool),
		cmocka_unit_test(test_stacks),
		cmocka_unit_test(test_no_console),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
