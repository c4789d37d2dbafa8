/*
 * memmap.c - the expected early memory map and the probes (see memmap.h).
 *
 * The early map's policy, stated here independently of the assembly that
 * writes the tables: the image (both its identity map and its link-address
 * map) is normal write-back memory, read-write and executable at EL1, in
 * early blocks (SWAPPER_BLOCK_SIZE); the DTB window is normal memory, read-only, never
 * executable; the console page is Device-nGnRnE, never executable; the
 * boot's table pages (where the final map is written) are read-write,
 * never executable. Its two
 * halves share one level-1 table, so each sees the other's entries at the
 * same VA bits [VA_BITS-1:0]. Nothing is accessible from EL0.
 */
#include <stdio.h>
#include <string.h>
#include "align.h"
#include "memmap.h"
#include "memory.h"
#include "walk.h"

_Static_assert((KIMAGE_VADDR - VA_START) % KIMAGE_REGION_SIZE == 0, "the image starts the kimage region");
_Static_assert((uint64_t)PAGE_OFFSET + LINEAR_MAP_VA_SIZE <= (uint64_t)KIMAGE_VADDR,
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

/* A single range (count 0). */
#define REGION(n, t, v, p, sz, a) \
	((struct mem_region){ .name = (n), .ttbr = (t), .virt = (v), .phys = (p), .size = (sz), \
			      .attrs = (a) })

/* The pages the DTB occupies, and where they appear (both maps). */
static struct mem_region fdt_region(const struct boot_layout *l)
{
	uint64_t first = align_down(l->phys_dtb, PAGE_SIZE);
	uint64_t size = l->dtb_size ? align_up(l->phys_dtb + l->dtb_size, PAGE_SIZE) - first : 0;

	return REGION("dtb", 1, (uint64_t)FDT_VADDR, first, size, fdt_attrs);
}

static struct mem_region console_region(const struct boot_layout *l)
{
	return REGION("uart", 1, (uint64_t)CONSOLE_VADDR, align_down(l->phys_uart, PAGE_SIZE),
				    l->phys_uart ? PAGE_SIZE : 0, device_attrs);
}

static struct mem_region pool_region(const struct boot_layout *l)
{
	return REGION("tables", 1, memmap_virt_pool(l), l->phys_pool,
				    l->phys_pool ? BOOT_POOL_PAGES * PAGE_SIZE : 0, linear_attrs);
}

/* The image at its link address in the early map: the identity's blocks
 * when the load is block aligned (as the link address is), else its pages
 * (start/tables.S). */
static struct mem_region kimage_region(const struct boot_layout *l)
{
	uint64_t phys_block = align_down(l->phys_text, SWAPPER_BLOCK_SIZE);

	if (l->phys_text == phys_block)
		return REGION("kimage", 1, align_down(l->virt_text, SWAPPER_BLOCK_SIZE), phys_block,
			      align_up(l->phys_text + l->image_size, SWAPPER_BLOCK_SIZE) - phys_block,
			      image_attrs);
	return REGION("kimage", 1, l->virt_text, l->phys_text, align_up(l->image_size, PAGE_SIZE),
		      image_attrs);
}

void memmap_regions(const struct boot_layout *l, struct mem_region out[NR_REGIONS])
{
	/* The early blocks the image occupies, at VA = PA. */
	uint64_t phys_block = align_down(l->phys_text, SWAPPER_BLOCK_SIZE);
	uint64_t image_span = align_up(l->phys_text + l->image_size, SWAPPER_BLOCK_SIZE) - phys_block;

	out[REGION_IDMAP] = REGION("idmap", 0, phys_block, phys_block, image_span, image_attrs);
	out[REGION_KIMAGE] = kimage_region(l);
	out[REGION_FDT] = fdt_region(l);
	out[REGION_CONSOLE] = console_region(l);
	out[REGION_POOL] = pool_region(l);
}

uint64_t memmap_virt_uart(const struct boot_layout *l)
{
	return (uint64_t)CONSOLE_VADDR + (l->phys_uart & (PAGE_SIZE - 1));
}

uint64_t memmap_virt_fdt(const struct boot_layout *l)
{
	return (uint64_t)FDT_VADDR + (l->phys_dtb & (PAGE_SIZE - 1));
}

uint64_t memmap_virt_pool(const struct boot_layout *l)
{
	return (uint64_t)POOL_VADDR + (l->phys_pool & (SWAPPER_BLOCK_SIZE - 1));
}

uint64_t memmap_phys_to_virt(const struct boot_layout *l, uint64_t pa)
{
	return (uint64_t)PAGE_OFFSET + (pa - l->phys_memstart);
}

bool memmap_linear_has(const struct boot_layout *l, uint64_t pa)
{
	for (int i = 0; i < l->nlinear; i++)
		if (pa - l->linear[i].phys < l->linear[i].size)
			return true;
	return false;
}

uint64_t memmap_linear_end_virt(const struct boot_layout *l)
{
	const struct phys_range *last = &l->linear[l->nlinear ? l->nlinear - 1 : 0];

	return l->nlinear ? memmap_phys_to_virt(l, last->phys + last->size) : (uint64_t)PAGE_OFFSET;
}

uint64_t memmap_linear_bytes(const struct boot_layout *l)
{
	uint64_t bytes = 0;

	for (int i = 0; i < l->nlinear; i++)
		bytes += l->linear[i].size;
	return bytes;
}

uint64_t memmap_virt_stack(unsigned cpu)
{
	return (uint64_t)STACKS_VADDR + cpu * (uint64_t)CPU_STACK_STRIDE + PAGE_SIZE;
}

uint64_t memmap_phys_stack(const struct boot_layout *l, unsigned cpu)
{
	return l->phys_stacks + (cpu - 1) * (uint64_t)BOOT_STACK_SIZE;
}

uint64_t memmap_image_phys(const struct boot_layout *l, uint64_t va)
{
	return l->phys_text + (va - l->virt_text);
}

uint64_t memmap_image_virt(const struct boot_layout *l, uint64_t pa)
{
	return l->virt_text + (pa - l->phys_text);
}

/* shared_root: the halves share their root (the early map), so a
 * region of either half answers for the VA bits [VA_BITS-1:0] of both. */
static void expect_in(const struct mem_region *regions, int n, uint64_t va, bool shared_root,
		      struct expectation *out)
{
	*out = (struct expectation){ .mapped = false, .region = "unmapped" };
	if (va_ttbr(va) < 0)
		return;                          /* not canonical: no half */
	for (int i = 0; i < n; i++) {
		const struct mem_region *r = &regions[i];
		uint64_t offset = shared_root ? ((va - r->virt) & VA_LOW_MASK) : va - r->virt;
		uint64_t copy = 0;

		if ((!shared_root && r->ttbr != va_ttbr(va)) || r->size == 0)
			continue;
		if (r->count > 1 && offset / r->virt_stride < r->count) {
			copy = offset / r->virt_stride;
			offset -= copy * r->virt_stride;
		}
		if (offset < r->size) {          /* unsigned: also rejects va < virt */
			out->mapped = true;
			out->region = r->name;
			out->pa = r->phys + copy * r->phys_stride + offset;
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

static struct mem_region *add_region(struct mem_region *out, int *n, const char *name,
				     uint64_t virt, uint64_t phys, uint64_t size,
				     const struct pte_attrs *attrs)
{
	if (size == 0 || *n >= MAX_FINAL_REGIONS)
		return NULL;
	out[*n] = REGION(name, 1, virt, phys, size, *attrs);
	return &out[(*n)++];
}

/* One linear range; the image's text and rodata, where they fall in it,
 * read-only there too, so that no alias of them is writable. */
static void add_linear(const struct boot_layout *l, const struct phys_range *r,
		       uint64_t phys_ro, uint64_t ro_size, struct mem_region *out, int *n)
{
	uint64_t end = r->phys + r->size;

	if (phys_ro < r->phys || phys_ro + ro_size > end) {
		add_region(out, n, "linear", memmap_phys_to_virt(l, r->phys), r->phys, r->size,
			   &linear_attrs);
		return;
	}
	add_region(out, n, "linear", memmap_phys_to_virt(l, r->phys), r->phys, phys_ro - r->phys,
		   &linear_attrs);
	add_region(out, n, "linear-ro", memmap_phys_to_virt(l, phys_ro), phys_ro, ro_size,
		   &rodata_attrs);
	add_region(out, n, "linear", memmap_phys_to_virt(l, phys_ro + ro_size), phys_ro + ro_size,
		   end - phys_ro - ro_size, &linear_attrs);
}

int memmap_final_regions(const struct boot_layout *l, const struct image_symbols *s,
			 struct mem_region out[MAX_FINAL_REGIONS])
{
	uint64_t kpa_off = l->phys_text - l->virt_text;       /* image VA -> PA */
	uint64_t ro_size = s->sdata - s->text;                 /* text + rodata */
	struct mem_region fdt = fdt_region(l), uart = console_region(l), pool = pool_region(l);
	struct mem_region *stacks;
	int n = 0;

	add_region(out, &n, "text", s->text, s->text + kpa_off, s->srodata - s->text, &text_attrs);
	add_region(out, &n, "rodata", s->srodata, s->srodata + kpa_off, s->sdata - s->srodata,
		   &rodata_attrs);
	add_region(out, &n, "data", s->sdata, s->sdata + kpa_off, s->stack_guard - s->sdata,
		   &linear_attrs);
	add_region(out, &n, "stack", s->stack_bottom, s->stack_bottom + kpa_off,
		   s->stack_top - s->stack_bottom, &linear_attrs);
	/* The linear map, never executable. */
	for (int i = 0; i < l->nlinear && i < MAX_LINEAR_RANGES; i++)
		add_linear(l, &l->linear[i], l->phys_text, ro_size, out, &n);
	add_region(out, &n, uart.name, uart.virt, uart.phys, uart.size, &uart.attrs);
	add_region(out, &n, fdt.name, fdt.virt, fdt.phys, fdt.size, &fdt.attrs);
	add_region(out, &n, pool.name, pool.virt, pool.phys, pool.size, &pool.attrs);
	/* The secondaries' stacks, each above an unmapped guard page. */
	stacks = l->nr_stacks ? add_region(out, &n, "stack", memmap_virt_stack(1),
					   memmap_phys_stack(l, 1), BOOT_STACK_SIZE,
					   &linear_attrs) : NULL;
	if (stacks) {
		stacks->count = l->nr_stacks;
		stacks->virt_stride = CPU_STACK_STRIDE;
		stacks->phys_stride = BOOT_STACK_SIZE;
	}
	return n;
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

/* A VA the identity map must not reach: with 3 or 4 levels, the same offset
 * in the next early table at the block level (the identity has one: 1 GiB
 * with 4 KiB pages); with 2 levels (the blocks in the root), 4 blocks away:
 * beyond the image's two, off the kimage alias (a load near it would be
 * refused or the kimage probes would say so). */
#if PGTABLE_LEVELS > 2
#define IDMAP_OTHER_DIST EARLY_BLOCK_TABLE_SPAN
#define IDMAP_OTHER_NAME (EARLY_BLOCK_TABLE_SPAN == (1ULL << 30) ? "idmap other GiB" : "idmap other table")
#else
#define IDMAP_OTHER_DIST (4 * SWAPPER_BLOCK_SIZE)
#define IDMAP_OTHER_NAME "idmap other block"
#endif
/* A VA in neither half (D8.2: bits [63:VA_BITS] neither all 0 nor all 1):
 * 2^47, or 2^VA_BITS where 2^47 is TTBR0's (48 bits: the image's alias
 * through the shared root, KIMAGE_VADDR's low bits). */
#define NON_CANONICAL_VA (VA_BITS < 48 ? 1ULL << 47 : 1ULL << VA_BITS)
_Static_assert(NON_CANONICAL_VA >= IDMAP_VA_LIMIT && NON_CANONICAL_VA < (uint64_t)VA_START,
	       "the non-canonical probe lies between the halves");

int memmap_probes(const struct boot_layout *l, const struct image_symbols *s,
		  struct probe p[MAX_PROBES])
{
	struct mem_region kimage = kimage_region(l);
	uint64_t image_end_va = kimage.virt + kimage.size;
	const struct phys_range *first = &l->linear[0];
	uint64_t linear_mid = align_down(first->size / 2, PAGE_SIZE);
	uint64_t linear_end = memmap_linear_end_virt(l);
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
	if (l->nlinear) {
		add_probe(p, &n, "linear first", memmap_phys_to_virt(l, first->phys));
		add_probe(p, &n, "linear of text", memmap_phys_to_virt(l, l->phys_text));
		add_probe(p, &n, "linear of data",
			  memmap_phys_to_virt(l, l->phys_text + (s->sdata - s->text)));
		add_probe(p, &n, "linear middle", memmap_phys_to_virt(l, first->phys) + linear_mid);
		add_probe(p, &n, "linear last", linear_end - PAGE_SIZE);
		if (l->nlinear > 1)
			add_probe(p, &n, "linear 2nd range", memmap_phys_to_virt(l, l->linear[1].phys));
	}
	if (l->phys_uart)
		add_probe(p, &n, "uart", memmap_virt_uart(l));
	if (l->dtb_size) {
		add_probe(p, &n, "dtb start", memmap_virt_fdt(l));
		add_probe(p, &n, "dtb end", memmap_virt_fdt(l) + l->dtb_size - 1);
	}
	if (l->phys_pool) {
		add_probe(p, &n, "tables first", memmap_virt_pool(l));
		add_probe(p, &n, "tables last", memmap_virt_pool(l) + BOOT_POOL_PAGES * PAGE_SIZE - 8);
	}
	if (l->nr_stacks) {
		add_probe(p, &n, "cpu1 stack", memmap_virt_stack(1));
		add_probe(p, &n, "last cpu stack top",
			  memmap_virt_stack(l->nr_stacks) + BOOT_STACK_SIZE - 16);
	}
	/* Must not translate: */
	if (l->nlinear > 1 && first->phys + first->size < l->linear[1].phys)
		add_probe(p, &n, "linear hole", memmap_phys_to_virt(l, first->phys + first->size));
	if (linear_end < (uint64_t)PAGE_OFFSET + LINEAR_MAP_VA_SIZE)
		add_probe(p, &n, "after linear", linear_end);
	if (l->nr_stacks) {
		add_probe(p, &n, "cpu1 stack guard", memmap_virt_stack(1) - PAGE_SIZE);
		add_probe(p, &n, "after stacks", memmap_virt_stack(l->nr_stacks) + BOOT_STACK_SIZE);
	}
	add_probe(p, &n, "after kimage", image_end_va);
	add_probe(p, &n, IDMAP_OTHER_NAME, l->phys_text ^ IDMAP_OTHER_DIST);
	add_probe(p, &n, "non-canonical", NON_CANONICAL_VA);
	add_probe(p, &n, "null page", 0);
	return n;
}
