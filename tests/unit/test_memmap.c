/*
 * test_memmap.c - host unit tests of mmu/memmap.c.
 *
 * Owns: the expected regions for a QEMU-virt layout (load pa 0x40200000,
 * link va 0xffffffc000000000, 128 MiB of RAM at 0x40000000, UART at
 * 0x09000000), memmap_expect at every region's edges (first byte, last
 * byte, one past the end), the UART's VA, memmap_phys_to_virt, and the
 * probe list (count, names, which must translate and which must not).
 */
#include "unit.h"
#include "memmap.h"

static const struct pte_attrs image = { .attrindx = 4, .sh = 3, .af = true };
static const struct pte_attrs linear = { .attrindx = 4, .sh = 3, .af = true,
					 .pxn = true, .uxn = true };
static const struct pte_attrs device = { .attrindx = 0, .sh = 0, .af = true,
					 .pxn = true, .uxn = true };

static const struct boot_layout virt = {
	.phys_text = 0x40200000ULL, .virt_text = 0xffffffc000000000ULL,
	.image_size = 0x1e000ULL, .phys_ram_base = 0x40000000ULL,
	.linear_size = 0x08000000ULL, .phys_uart = 0x09000000ULL,
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

static void test_regions_virt(void **state)
{
	struct mem_region r[NR_REGIONS];

	(void)state;
	memmap_regions(&virt, r);
	assert_region(&r[REGION_IDMAP], "idmap", 0, 0x40200000ULL, 0x40200000ULL, 0x200000,
		      &image);
	assert_region(&r[REGION_KIMAGE], "kimage", 1, 0xffffffc000000000ULL, 0x40200000ULL,
		      0x200000, &image);
	assert_region(&r[REGION_LINEAR], "linear", 1, 0xffffff8000000000ULL, 0x40000000ULL,
		      0x8000000ULL, &linear);
	assert_region(&r[REGION_EARLY_IO], "early-io", 1, 0xffffffffc0000000ULL, 0x09000000ULL,
		      0x200000, &device);
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
	l.image_size = 0x200001;
	memmap_regions(&l, r);
	assert_int_equal(r[REGION_IDMAP].size, 0x400000);
	assert_int_equal(r[REGION_KIMAGE].size, 0x400000);
	l.image_size = 1;
	memmap_regions(&l, r);
	assert_int_equal(r[REGION_KIMAGE].size, 0x200000);
}

static void test_regions_uart_not_block_aligned(void **state)
{
	struct boot_layout l = virt;
	struct mem_region r[NR_REGIONS];

	(void)state;
	l.phys_uart = 0x1c090000ULL;      /* vexpress UART0 */
	memmap_regions(&l, r);
	assert_int_equal(r[REGION_EARLY_IO].phys, 0x1c000000ULL);
	assert_int_equal(r[REGION_EARLY_IO].virt, 0xffffffffc0000000ULL);
	assert_int_equal(memmap_virt_uart(&l), 0xffffffffc0090000ULL);
	expect_mapped(&l, memmap_virt_uart(&l), "early-io", 0x1c090000ULL, &device);
}

static void test_uart_va(void **state)
{
	(void)state;
	assert_int_equal(memmap_virt_uart(&virt), 0xffffffffc0000000ULL + 0x0);
	expect_mapped(&virt, memmap_virt_uart(&virt), "early-io", 0x09000000ULL, &device);
}

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

static void test_expect_linear_edges(void **state)
{
	(void)state;
	expect_mapped(&virt, 0xffffff8000000000ULL, "linear", 0x40000000ULL, &linear);
	expect_mapped(&virt, 0xffffff8000200000ULL, "linear", 0x40200000ULL, &linear);
	expect_mapped(&virt, 0xffffff8007ffffffULL, "linear", 0x47ffffffULL, &linear);
	expect_unmapped(&virt, 0xffffff8008000000ULL);
}

static void test_expect_early_io_edges(void **state)
{
	(void)state;
	expect_mapped(&virt, 0xffffffffc0000000ULL, "early-io", 0x09000000ULL, &device);
	expect_mapped(&virt, 0xffffffffc01fffffULL, "early-io", 0x091fffffULL, &device);
	expect_unmapped(&virt, 0xffffffffc0200000ULL);
	expect_unmapped(&virt, 0xffffffffbfffffffULL);
	expect_unmapped(&virt, 0xffffffffffffffffULL);
}

static void test_expect_halves_apart(void **state)
{
	(void)state;
	/* Non-canonical VAs belong to no region. */
	expect_unmapped(&virt, 0x8000000000ULL);
	expect_unmapped(&virt, 0x0000800000000000ULL);
	expect_unmapped(&virt, 0xffffff7fffffffffULL);
	/* The idmap's VA with TTBR1's upper bits set is not the idmap, and the
	 * kimage's low bits in TTBR0 are not the kimage. */
	expect_unmapped(&virt, 0xffffff8040200000ULL);
	expect_unmapped(&virt, 0x0000004000000000ULL);
}

static void test_expect_empty_linear(void **state)
{
	struct boot_layout l = virt;

	(void)state;
	l.linear_size = 0;
	expect_unmapped(&l, 0xffffff8000000000ULL);
	expect_mapped(&l, 0xffffffc000000000ULL, "kimage", 0x40200000ULL, &image);
}

static void test_phys_to_virt(void **state)
{
	(void)state;
	assert_int_equal(memmap_phys_to_virt(&virt, 0x40000000ULL), 0xffffff8000000000ULL);
	assert_int_equal(memmap_phys_to_virt(&virt, 0x40200000ULL), 0xffffff8000200000ULL);
	assert_int_equal(memmap_image_phys(&virt, 0xffffffc000000000ULL), 0x40200000ULL);
	assert_int_equal(memmap_image_phys(&virt, 0xffffffc00001dff8ULL), 0x4021dff8ULL);
	assert_int_equal(memmap_phys_to_virt(&virt, 0x47ffffffULL), 0xffffff8007ffffffULL);
	for (uint64_t pa = 0x40000000ULL; pa < 0x48000000ULL; pa += 0x1234567) {
		struct expectation e;

		memmap_expect(&virt, memmap_phys_to_virt(&virt, pa), &e);
		assert_true(e.mapped);
		assert_string_equal(e.region, "linear");
		assert_int_equal(e.pa, pa);
	}
}

static void test_probes(void **state)
{
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
		memmap_expect(&virt, p[i].va, &e);
		unmapped += !e.mapped;
	}
	assert_true(unmapped >= 3);
	assert_int_equal(unmapped, 5);
}

static const struct probe *find_probe(const struct probe *p, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(p[i].name, name))
			return &p[i];
	fail_msg("no probe \"%s\"", name);
	return NULL;
}

static void test_probe_addresses(void **state)
{
	struct probe p[MAX_PROBES];
	int n;
	static const struct { const char *name; uint64_t va; bool mapped; uint64_t pa; } want[] = {
		{ "text start",      0xffffffc000000000ULL, true, 0x40200000ULL },
		{ "text end",        0xffffffc000007fffULL, true, 0x40207fffULL },
		{ "rodata start",    0xffffffc000008000ULL, true, 0x40208000ULL },
		{ "rodata end",      0xffffffc000009fffULL, true, 0x40209fffULL },
		{ "data start",      0xffffffc00000a000ULL, true, 0x4020a000ULL },
		{ "data end",        0xffffffc00000afffULL, true, 0x4020afffULL },
		{ "bss start",       0xffffffc00000b000ULL, true, 0x4020b000ULL },
		{ "bss end",         0xffffffc00000bfffULL, true, 0x4020bfffULL },
		{ "stack guard",     0xffffffc00000b000ULL, true, 0x4020b000ULL },
		{ "stack bottom",    0xffffffc00000c000ULL, true, 0x4020c000ULL },
		{ "stack top",       0xffffffc00000fff0ULL, true, 0x4020fff0ULL },
		{ "idmap_pg_dir",    0xffffffc000010000ULL, true, 0x40210000ULL },
		{ "init_pg_dir",     0xffffffc000012000ULL, true, 0x40212000ULL },
		{ "tables end",      0xffffffc00001dff8ULL, true, 0x4021dff8ULL },
		{ "el0 text",        0xffffffc000007000ULL, true, 0x40207000ULL },
		{ "el0 stack",       0xffffffc00001dff0ULL, true, 0x4021dff0ULL },
		{ "el0 stack guard", 0xffffffc00001c000ULL, true, 0x4021c000ULL },
		{ "idmap entry",     0x40200040ULL,         true, 0x40200040ULL },
		{ "linear first",    0xffffff8000000000ULL, true, 0x40000000ULL },
		{ "linear of text",  0xffffff8000200000ULL, true, 0x40200000ULL },
		{ "linear of data",  0xffffff800020a000ULL, true, 0x4020a000ULL },
		{ "linear middle",   0xffffff8004000000ULL, true, 0x44000000ULL },
		{ "linear last",     0xffffff8007fff000ULL, true, 0x47fff000ULL },
		{ "uart",            0xffffffffc0000000ULL, true, 0x09000000ULL },
		{ "after linear",    0xffffff8008000000ULL, false, 0 },
		{ "after kimage",    0xffffffc000200000ULL, false, 0 },
		{ "idmap other GiB", 0x00200000ULL,         false, 0 },
		{ "non-canonical",   0x0000800000000000ULL, false, 0 },
		{ "null page",       0x0ULL,                false, 0 },
	};

	(void)state;
	n = memmap_probes(&virt, &syms, p);
	assert_int_equal(n, (int)ARRAY_LEN(want));
	for (size_t i = 0; i < ARRAY_LEN(want); i++) {
		const struct probe *pr = find_probe(p, n, want[i].name);
		struct expectation e;

		assert_int_equal(pr->va, want[i].va);
		memmap_expect(&virt, pr->va, &e);
		if (e.mapped != want[i].mapped)
			fail_msg("probe \"%s\": mapped %d, want %d", want[i].name, e.mapped,
				 want[i].mapped);
		if (want[i].mapped)
			assert_int_equal(e.pa, want[i].pa);
	}
}

/* ---- the final map -------------------------------------------------------- */

/* A layout as link.ld makes it: text, the EL0 page, rodata, data...tables,
 * guard, stack, EL0 stack. */
static const struct image_symbols fsyms = {
	.text = 0xffffffc000000000ULL, .etext = 0xffffffc000006f00ULL,
	.el0_text_start = 0xffffffc000007000ULL, .el0_text_end = 0xffffffc000008000ULL,
	.srodata = 0xffffffc000008000ULL, .erodata = 0xffffffc000009800ULL,
	.sdata = 0xffffffc00000a000ULL, .edata = 0xffffffc00000a100ULL,
	.bss_start = 0xffffffc00000a100ULL, .bss_end = 0xffffffc00000b000ULL,
	.idmap_pg_dir = 0xffffffc00000b000ULL, .init_pg_dir = 0xffffffc00000d000ULL,
	.init_pg_end = 0xffffffc000018000ULL, .entry = 0xffffffc000000040ULL,
	.stack_guard = 0xffffffc00003b000ULL,
	.stack_bottom = 0xffffffc00003c000ULL, .stack_top = 0xffffffc000040000ULL,
	/* NR_CPUS (8) guard + stack pairs of 0x5000 from 0x3b000 to 0x63000 */
	.el0_stack_guard = 0xffffffc000063000ULL,
	.el0_stack_bottom = 0xffffffc000064000ULL, .el0_stack_top = 0xffffffc000065000ULL,
};
static const struct boot_layout fvirt = {
	.phys_text = 0x40200000ULL, .virt_text = 0xffffffc000000000ULL,
	.image_size = 0x65000ULL, .phys_ram_base = 0x40000000ULL,
	.linear_size = 0x40000000ULL, .phys_uart = 0x09000000ULL,
};

static void test_final_regions_wx(void **state)
{
	struct mem_region r[MAX_FINAL_REGIONS];
	int n;

	(void)state;
	n = memmap_final_regions(&fvirt, &fsyms, r);
	assert_int_equal(n, 9 + NR_CPUS);
	for (int i = 0; i < n; i++) {
		bool writable = !r[i].attrs.rdonly;

		assert_int_equal(r[i].ttbr, 1);
		assert_true(r[i].size > 0);
		assert_int_equal(r[i].virt % 4096, 0);
		assert_int_equal(r[i].phys % 4096, 0);
		assert_int_equal(r[i].size % 4096, 0);
		assert_true(r[i].attrs.af);
		/* W^X at EL1 and EL0. */
		if (writable)
			assert_true(r[i].attrs.pxn && r[i].attrs.uxn);
		/* Nothing but the EL0 page is executable at EL0. */
		if (!r[i].attrs.uxn)
			assert_string_equal(r[i].name, "el0-text");
		for (int j = 0; j < i; j++)   /* no two regions share a VA */
			assert_true(r[i].virt + r[i].size <= r[j].virt ||
				    r[j].virt + r[j].size <= r[i].virt);
	}
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

	memmap_expect_final(&fvirt, &fsyms, fsyms.el0_text_start + 8, &e);
	assert_string_equal(e.region, "el0-text");
	assert_true(e.attrs.user && e.attrs.rdonly && e.attrs.pxn && !e.attrs.uxn);

	memmap_expect_final(&fvirt, &fsyms, fsyms.srodata, &e);
	assert_string_equal(e.region, "rodata");
	assert_true(e.attrs.rdonly && e.attrs.pxn && e.attrs.uxn);

	memmap_expect_final(&fvirt, &fsyms, fsyms.init_pg_end - 8, &e);
	assert_string_equal(e.region, "data");
	assert_false(e.attrs.rdonly);
	assert_int_equal(e.pa, 0x40217ff8ULL);

	/* The guard page below the stack, and VA 0 and TTBR0: nothing. */
	memmap_expect_final(&fvirt, &fsyms, fsyms.stack_guard, &e);
	assert_false(e.mapped);
	memmap_expect_final(&fvirt, &fsyms, fsyms.stack_bottom - 1, &e);
	assert_false(e.mapped);
	memmap_expect_final(&fvirt, &fsyms, fsyms.stack_bottom, &e);
	assert_string_equal(e.region, "stack");
	memmap_expect_final(&fvirt, &fsyms, fsyms.el0_stack_guard + 8, &e);
	assert_false(e.mapped);
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
	memmap_expect_final(&fvirt, &fsyms, fsyms.el0_stack_bottom, &e);
	assert_string_equal(e.region, "el0-stack");
	memmap_expect_final(&fvirt, &fsyms, 0, &e);
	assert_false(e.mapped);
	memmap_expect_final(&fvirt, &fsyms, fvirt.phys_text, &e);
	assert_false(e.mapped);

	/* The linear alias of text and rodata is read-only; of data, writable. */
	memmap_expect_final(&fvirt, &fsyms, 0xffffff8000200000ULL, &e);
	assert_string_equal(e.region, "linear-ro");
	assert_true(e.attrs.rdonly && e.attrs.pxn);
	memmap_expect_final(&fvirt, &fsyms, 0xffffff8000209ff8ULL, &e);
	assert_string_equal(e.region, "linear-ro");
	memmap_expect_final(&fvirt, &fsyms, 0xffffff800020a000ULL, &e);
	assert_string_equal(e.region, "linear");
	assert_false(e.attrs.rdonly);
	assert_int_equal(e.pa, 0x4020a000ULL);
	memmap_expect_final(&fvirt, &fsyms, 0xffffff8000300000ULL, &e);
	assert_string_equal(e.region, "linear");
	memmap_expect_final(&fvirt, &fsyms, 0xffffff8040000000ULL, &e);
	assert_false(e.mapped);

	/* Only the UART's own page in the early I/O slot. */
	memmap_expect_final(&fvirt, &fsyms, 0xffffffffc0000ff8ULL, &e);
	assert_string_equal(e.region, "uart");
	assert_int_equal(e.attrs.attrindx, MT_DEVICE_nGnRnE);
	memmap_expect_final(&fvirt, &fsyms, 0xffffffffc0001000ULL, &e);
	assert_false(e.mapped);
}

static void test_final_image_at_ram_base(void **state)
{
	struct boot_layout l = fvirt;
	struct mem_region r[MAX_FINAL_REGIONS];
	int n;

	(void)state;
	l.phys_text = l.phys_ram_base;     /* no linear RAM below the image */
	n = memmap_final_regions(&l, &fsyms, r);
	assert_int_equal(n, 8 + NR_CPUS);
	assert_string_equal(r[5 + NR_CPUS].name, "linear-ro");
	assert_int_equal(r[5 + NR_CPUS].virt, 0xffffff8000000000ULL);
}

/* A board with a text_offset (raspi3b: RAM at 0, loaded at 0x80000). */
static void test_regions_text_offset(void **state)
{
	const struct boot_layout pi = {
		.phys_text = 0x80000ULL, .virt_text = 0xffffffc000080000ULL,
		.image_size = 0x4a000ULL, .phys_ram_base = 0,
		.linear_size = 0x3c000000ULL, .phys_uart = 0x3f201000ULL,
	};
	struct mem_region r[NR_REGIONS];
	struct expectation e;

	(void)state;
	memmap_regions(&pi, r);
	assert_int_equal(r[REGION_IDMAP].virt, 0);
	assert_int_equal(r[REGION_IDMAP].phys, 0);
	assert_int_equal(r[REGION_IDMAP].size, 0x200000ULL);
	assert_int_equal(r[REGION_KIMAGE].virt, 0xffffffc000000000ULL);
	assert_int_equal(r[REGION_KIMAGE].phys, 0);
	assert_int_equal(r[REGION_KIMAGE].size, 0x200000ULL);
	memmap_expect(&pi, pi.virt_text, &e);
	assert_true(e.mapped);
	assert_int_equal(e.pa, 0x80000ULL);
	assert_int_equal(memmap_virt_uart(&pi), 0xffffffffc0001000ULL);
	/* An image reaching past the first block takes two. */
	{
		struct boot_layout big = pi;

		big.image_size = 0x190000ULL;       /* 0x80000 + 0x190000 > 2 MiB */
		memmap_regions(&big, r);
		assert_int_equal(r[REGION_KIMAGE].size, 0x400000ULL);
	}
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
	assert_int_equal(n, 9 + NR_CPUS + 2);
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
	for (int i = 0; i < nprobes; i++)
		found += !strcmp(p[i].name, "dev gic") || !strcmp(p[i].name, "dev lpd");
	assert_int_equal(found, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_regions_virt),
		cmocka_unit_test(test_regions_text_offset),
		cmocka_unit_test(test_regions_image_rounding),
		cmocka_unit_test(test_regions_uart_not_block_aligned),
		cmocka_unit_test(test_uart_va),
		cmocka_unit_test(test_expect_idmap_edges),
		cmocka_unit_test(test_expect_kimage_edges),
		cmocka_unit_test(test_expect_linear_edges),
		cmocka_unit_test(test_expect_early_io_edges),
		cmocka_unit_test(test_expect_halves_apart),
		cmocka_unit_test(test_expect_empty_linear),
		cmocka_unit_test(test_phys_to_virt),
		cmocka_unit_test(test_probes),
		cmocka_unit_test(test_probe_addresses),
		cmocka_unit_test(test_final_regions_wx),
		cmocka_unit_test(test_final_expectations),
		cmocka_unit_test(test_final_image_at_ram_base),
		cmocka_unit_test(test_final_devices),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
