/*
 * maps_fixture.h - what the host tests of the maps share (test_maps.c,
 * test_expect.c, test_probes.c): the layouts, the attributes and the
 * checks, written here once.
 *
 * Owns: the attributes the maps give (image, linear, device, dtb's
 * read-only, text's); memory.h's windows spelled out (VA_FDT, VA_CONSOLE,
 * VA_POOL, VA_STACKS, VA_LINEAR, sizes, strides); the boots the tests start
 * from: virt (load pa 0x40200000, link va 0xffffffc000000000, 128 MiB of
 * RAM at 0x40000000 in one linear range, UART at 0x09000000, a 1 MiB DTB at
 * 0x40000000, early_syms.h's image), pi (a load not 2 MiB aligned, RAM at
 * PA 0) and fvirt (1 GiB of RAM, the table pool and 3 secondaries' stacks
 * taken, fsyms' image) and the changes made to them (take_boot_memory,
 * two_ranges); the checks: a region's fields (assert_region,
 * assert_single), expect_early_map's answer for one VA (expect_mapped,
 * expect_unmapped), the final map's policy (assert_final_policy: W^X,
 * nothing for EL0, page granular, no overlap), finding a region or probe by
 * name, and check_probes_agree: every probe's expectation in either map
 * against that map's regions, read here independently (strided copies
 * included).
 *
 * Each test file uses part of it: unused-function and unused-variable
 * warnings are off inside this header only.
 */
#ifndef MAPS_FIXTURE_H
#define MAPS_FIXTURE_H

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-const-variable"
#pragma GCC diagnostic ignored "-Wunused-variable"

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

/* ---- the probes against the regions, read independently ------------------- */

static const struct probe *find_probe(const struct probe *p, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(p[i].name, name))
			return &p[i];
	fail_msg("no probe \"%s\"", name);
	return NULL;
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

/* ---- changes to a boot's layout ------------------------------------------- */

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

/* ---- the final map: a boot, its image, its checks ------------------------- */

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

#pragma GCC diagnostic pop

#endif /* MAPS_FIXTURE_H */
