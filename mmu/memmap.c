/*
 * memmap.c - the expected early memory map and the probes (see memmap.h).
 *
 * The early map's policy, stated here independently of the assembly that
 * writes the tables: the image (both its identity map and its link-address
 * map) is normal write-back memory, read-write and executable at EL1, in
 * 2 MiB blocks; the DTB window is normal memory, read-only, never
 * executable; the console page is Device-nGnRnE, never executable. Its two
 * halves share one level-1 table, so each sees the other's entries at the
 * same VA bits [38:0]. Nothing is accessible from EL0.
 */
#include <stdio.h>
#include <string.h>
#include "memmap.h"
#include "memory.h"
#include "walk.h"

_Static_assert(KIMAGE_VADDR % PGDIR_SIZE == 0, "the image starts a level-1 slot");
_Static_assert((uint64_t)PAGE_OFFSET + LINEAR_MAP_MAX_SIZE <= (uint64_t)KIMAGE_VADDR,
	       "the linear map must end below the image");
_Static_assert(MT_NORMAL < 8 && MT_DEVICE_nGnRnE < 8, "AttrIndx is 3 bits");

static const struct pte_attrs image_attrs = {
	.attrindx = MT_NORMAL, .sh = 3, .af = true,
};
static const struct pte_attrs linear_attrs = {
	.attrindx = MT_NORMAL, .sh = 3, .af = true, .pxn = true, .uxn = true,
};
static const struct pte_attrs device_attrs = {
	.attrindx = MT_DEVICE_nGnRnE, .sh = 0, .af = true, .pxn = true, .uxn = true,
};
static const struct pte_attrs fdt_attrs = {
	.attrindx = MT_NORMAL, .sh = 3, .af = true, .rdonly = true, .pxn = true, .uxn = true,
};

static uint64_t page_down(uint64_t x)
{
	return x & ~(uint64_t)(PAGE_SIZE - 1);
}

static uint64_t page_up(uint64_t x)
{
	return (x + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
}

/* The pages the DTB occupies, and where they appear (both maps). */
static struct mem_region fdt_region(const struct boot_layout *l)
{
	uint64_t first = page_down(l->phys_dtb);
	uint64_t size = l->dtb_size ? page_up(l->phys_dtb + l->dtb_size) - first : 0;

	return (struct mem_region){ "dtb", 1, (uint64_t)FDT_VADDR, first, size, fdt_attrs };
}

static struct mem_region console_region(const struct boot_layout *l)
{
	return (struct mem_region){ "uart", 1, (uint64_t)CONSOLE_VADDR, page_down(l->phys_uart),
				    PAGE_SIZE, device_attrs };
}

static uint64_t round_up_block(uint64_t x)
{
	return (x + SWAPPER_BLOCK_SIZE - 1) & ~(uint64_t)(SWAPPER_BLOCK_SIZE - 1);
}

static uint64_t round_down_block(uint64_t x)
{
	return x & ~(uint64_t)(SWAPPER_BLOCK_SIZE - 1);
}

void memmap_regions(const struct boot_layout *l, struct mem_region out[NR_REGIONS])
{
	/* The 2 MiB blocks the image occupies; with a text_offset, _text is
	 * that far into the first. VA and PA share the offset in the block. */
	uint64_t phys_block = round_down_block(l->phys_text);
	uint64_t virt_block = round_down_block(l->virt_text);
	uint64_t image_span = round_up_block(l->phys_text + l->image_size) - phys_block;

	out[REGION_IDMAP] = (struct mem_region){
		"idmap", 0, phys_block, phys_block, image_span, image_attrs };
	out[REGION_KIMAGE] = (struct mem_region){
		"kimage", 1, virt_block, phys_block, image_span, image_attrs };
	out[REGION_FDT] = fdt_region(l);
	out[REGION_CONSOLE] = console_region(l);
}

uint64_t memmap_virt_uart(const struct boot_layout *l)
{
	return (uint64_t)CONSOLE_VADDR + (l->phys_uart & (PAGE_SIZE - 1));
}

uint64_t memmap_virt_fdt(const struct boot_layout *l)
{
	return (uint64_t)FDT_VADDR + (l->phys_dtb & (PAGE_SIZE - 1));
}

uint64_t memmap_phys_to_virt(const struct boot_layout *l, uint64_t pa)
{
	return (uint64_t)PAGE_OFFSET + (pa - l->phys_ram_base);
}

uint64_t memmap_image_phys(const struct boot_layout *l, uint64_t va)
{
	return l->phys_text + (va - l->virt_text);
}

uint64_t memmap_image_virt(const struct boot_layout *l, uint64_t pa)
{
	return l->virt_text + (pa - l->phys_text);
}

/* shared_root: the halves share their level-1 table (the early map), so a
 * region of either half answers for the VA bits [38:0] of both. */
static void expect_in(const struct mem_region *regions, int n, uint64_t va, bool shared_root,
		      struct expectation *out)
{
	*out = (struct expectation){ .mapped = false, .region = "unmapped" };
	if (va_ttbr(va) < 0)
		return;                          /* not canonical: no half */
	for (int i = 0; i < n; i++) {
		const struct mem_region *r = &regions[i];
		uint64_t offset = shared_root ? ((va - r->virt) & VA_LOW_MASK) : va - r->virt;

		if ((!shared_root && r->ttbr != va_ttbr(va)) || r->size == 0)
			continue;
		if (offset < r->size) {          /* unsigned: also rejects va < virt */
			out->mapped = true;
			out->region = r->name;
			out->pa = r->phys + offset;
			out->attrs = r->attrs;
			return;
		}
	}
}

void memmap_expect(const struct boot_layout *l, uint64_t va, struct expectation *out)
{
	struct mem_region regions[NR_REGIONS];

	memmap_regions(l, regions);
	expect_in(regions, NR_REGIONS, va, true, out);
}

/* Final-map attributes: each says what may be written and executed. */
static const struct pte_attrs text_attrs = {      /* EL1 read + execute */
	.attrindx = MT_NORMAL, .sh = 3, .af = true, .rdonly = true, .uxn = true,
};
static const struct pte_attrs rodata_attrs = {
	.attrindx = MT_NORMAL, .sh = 3, .af = true, .rdonly = true, .pxn = true, .uxn = true,
};

static void add_region(struct mem_region *out, int *n, const char *name, uint64_t virt,
		       uint64_t phys, uint64_t size, const struct pte_attrs *attrs)
{
	if (size == 0 || *n >= MAX_FINAL_REGIONS)
		return;
	out[(*n)++] = (struct mem_region){ name, 1, virt, phys, size, *attrs };
}

int memmap_final_regions(const struct boot_layout *l, const struct image_symbols *s,
			 struct mem_region out[MAX_FINAL_REGIONS])
{
	uint64_t kpa_off = l->phys_text - l->virt_text;       /* image VA -> PA */
	uint64_t image_lin = (uint64_t)PAGE_OFFSET + (l->phys_text - l->phys_ram_base);
	uint64_t ro_size = s->sdata - s->text;                 /* text + rodata */
	struct mem_region fdt = fdt_region(l), uart = console_region(l);
	int n = 0;

	add_region(out, &n, "text", s->text, s->text + kpa_off, s->srodata - s->text, &text_attrs);
	add_region(out, &n, "rodata", s->srodata, s->srodata + kpa_off, s->sdata - s->srodata,
		   &rodata_attrs);
	add_region(out, &n, "data", s->sdata, s->sdata + kpa_off, s->stack_guard - s->sdata,
		   &linear_attrs);
	add_region(out, &n, "stack", s->stack_bottom, s->stack_bottom + kpa_off,
		   s->stack_top - s->stack_bottom, &linear_attrs);
	for (unsigned cpu = 1; cpu < NR_CPUS; cpu++) {           /* the others' */
		uint64_t bottom = s->stack_guard + cpu * CPU_STACK_STRIDE + PAGE_SIZE;

		add_region(out, &n, "stack", bottom, bottom + kpa_off, BOOT_STACK_SIZE,
			   &linear_attrs);
	}
	/* The linear map, never executable; the image's text and rodata
	 * read-only there too, so no alias of them is writable. */
	add_region(out, &n, "linear", (uint64_t)PAGE_OFFSET, l->phys_ram_base,
		   l->phys_text - l->phys_ram_base, &linear_attrs);
	add_region(out, &n, "linear-ro", image_lin, l->phys_text, ro_size, &rodata_attrs);
	add_region(out, &n, "linear", image_lin + ro_size, l->phys_text + ro_size,
		   l->linear_size - (l->phys_text - l->phys_ram_base) - ro_size, &linear_attrs);
	add_region(out, &n, uart.name, uart.virt, uart.phys, uart.size, &uart.attrs);
	add_region(out, &n, fdt.name, fdt.virt, fdt.phys, fdt.size, &fdt.attrs);
	for (int i = 0; i < l->ndevices && i < MAX_DEVICE_RANGES; i++)
		add_region(out, &n, l->devices[i].name, memmap_virt_device(l, l->devices[i].phys),
			   l->devices[i].phys, l->devices[i].size, &device_attrs);
	return n;
}

uint64_t memmap_virt_device(const struct boot_layout *l, uint64_t pa)
{
	return (uint64_t)DEVICE_VADDR + (pa - l->phys_device_base);
}

void memmap_expect_final(const struct boot_layout *l, const struct image_symbols *s,
			 uint64_t va, struct expectation *out)
{
	struct mem_region regions[MAX_FINAL_REGIONS];
	int n = memmap_final_regions(l, s, regions);

	expect_in(regions, n, va, false, out);
}

static void add_probe(struct probe *p, int *n, const char *name, uint64_t va)
{
	if (*n >= MAX_PROBES)
		return;
	snprintf(p[*n].name, sizeof(p[*n].name), "%s", name);
	p[*n].va = va;
	(*n)++;
}

int memmap_probes(const struct boot_layout *l, const struct image_symbols *s,
		  struct probe p[MAX_PROBES])
{
	uint64_t image_end_va = round_up_block(l->virt_text + l->image_size);
	uint64_t linear_mid = (l->linear_size / 2) & ~(uint64_t)(PAGE_SIZE - 1);
	int n = 0;

	add_probe(p, &n, "text start", s->text);
	add_probe(p, &n, "text end", s->etext - 1);
	add_probe(p, &n, "rodata start", s->srodata);
	add_probe(p, &n, "rodata end", s->erodata - 1);
	add_probe(p, &n, "data start", s->sdata);
	add_probe(p, &n, "data end", s->edata - 1);
	add_probe(p, &n, "bss start", s->bss_start);
	add_probe(p, &n, "bss end", s->bss_end - 1);
	add_probe(p, &n, "stack guard", s->stack_guard);
	add_probe(p, &n, "stack bottom", s->stack_bottom);
	add_probe(p, &n, "stack top", s->stack_top - 16);
	add_probe(p, &n, "early_pgd", s->early_pgd);
	add_probe(p, &n, "early tables end", s->early_pg_end - 8);
	add_probe(p, &n, "idmap entry", l->phys_text + (s->entry - s->text));
	/* The early map's aliases (shared root): each half's entry seen from
	 * the other. The final map has no such aliases: there these VAs get
	 * whatever its own regions say (unmapped, or the linear map). */
	add_probe(p, &n, "kimage via TTBR0", s->text & VA_LOW_MASK);
	add_probe(p, &n, "idmap via TTBR1", (uint64_t)VA_START + l->phys_text);
	add_probe(p, &n, "linear first", (uint64_t)PAGE_OFFSET);
	add_probe(p, &n, "linear of text",
		  (uint64_t)PAGE_OFFSET + (l->phys_text - l->phys_ram_base));
	add_probe(p, &n, "linear of data",
		  (uint64_t)PAGE_OFFSET + (l->phys_text - l->phys_ram_base) + (s->sdata - s->text));
	add_probe(p, &n, "linear middle", (uint64_t)PAGE_OFFSET + linear_mid);
	add_probe(p, &n, "linear last", (uint64_t)PAGE_OFFSET + l->linear_size - PAGE_SIZE);
	add_probe(p, &n, "uart", memmap_virt_uart(l));
	if (l->dtb_size) {
		add_probe(p, &n, "dtb start", memmap_virt_fdt(l));
		add_probe(p, &n, "dtb end", memmap_virt_fdt(l) + l->dtb_size - 1);
	}
	for (int i = 0; i < l->ndevices && i < MAX_DEVICE_RANGES; i++) {
		char name[24];

		snprintf(name, sizeof(name), "dev %s", l->devices[i].name);
		add_probe(p, &n, name, memmap_virt_device(l, l->devices[i].phys));
	}
	/* Must not translate: */
	add_probe(p, &n, "after linear", (uint64_t)PAGE_OFFSET + l->linear_size);
	add_probe(p, &n, "after kimage", image_end_va);
	add_probe(p, &n, "idmap other GiB", l->phys_text ^ SZ_1G);
	add_probe(p, &n, "non-canonical", 0x0000800000000000ULL);
	add_probe(p, &n, "null page", 0);
	return n;
}
