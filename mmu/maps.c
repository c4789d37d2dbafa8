/*
 * maps.c - the maps' specification (see maps.h).
 *
 * The early map's policy, stated here independently of the assembly that
 * writes the tables: the image (both its identity map and its link-address
 * map) is normal write-back memory, read-write and executable at EL1, in
 * early blocks (SWAPPER_BLOCK_SIZE); the DTB window is normal memory, read-only, never
 * executable; the console page is Device-nGnRnE, never executable; the
 * boot's table pages (where the final map is written) are read-write,
 * never executable. Its two
 * halves share one level-1 table, so each sees the other's entries at the
 * same VA bits [VA_BITS-1:0]. Nothing is accessible from EL0. The final
 * map's policy is stated with its regions below (maps_final_regions).
 */
#include <stdio.h>
#include <string.h>
#include "align.h"
#include "maps.h"
#include "memory.h"
#include "walk.h"

_Static_assert((KIMAGE_VADDR - VA_START_MIN) % KIMAGE_REGION_SIZE == 0,
	       "the image starts the kimage region");
_Static_assert((uint64_t)PAGE_OFFSET_MIN + LINEAR_MAP_VA_SIZE <= (uint64_t)KIMAGE_VADDR,
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

/* *r := a single range (count 0), every field written: the oracle builds
 * regions for every probe, so no zeroing of a temporary and no copy. */
static void set_region(struct mem_region *r, const char *name, int ttbr, uint64_t virt,
		       uint64_t phys, uint64_t size, const struct pte_attrs *attrs)
{
	*r = (struct mem_region){ .name = name, .ttbr = ttbr, .virt = virt, .phys = phys,
				  .size = size, .attrs = *attrs, .count = 0, .virt_stride = 0,
				  .phys_stride = 0 };
}

/* The pages the DTB occupies, and where they appear (both maps). */
static void fdt_region(const struct boot_layout *l, struct mem_region *r)
{
	uint64_t first = align_down(l->phys_dtb, PAGE_SIZE);
	uint64_t size = l->dtb_size ? align_up(l->phys_dtb + l->dtb_size, PAGE_SIZE) - first : 0;

	set_region(r, "dtb", 1, (uint64_t)FDT_VADDR, first, size, &fdt_attrs);
}

static void console_region(const struct boot_layout *l, struct mem_region *r)
{
	set_region(r, "uart", 1, (uint64_t)CONSOLE_VADDR, align_down(l->phys_uart, PAGE_SIZE),
		   l->phys_uart ? PAGE_SIZE : 0, &device_attrs);
}

/* The page of RAM being tried: Device-nGnRnE, so that every access
 * reaches it in order, none cached or merged (a write then a read back
 * must both go to whatever is there). */
static void probe_region(const struct boot_layout *l, struct mem_region *r)
{
	set_region(r, "probe", 1, (uint64_t)PROBE_VADDR, l->phys_probe,
		   l->phys_probe ? PAGE_SIZE : 0, &device_attrs);
}

static void pool_region(const struct boot_layout *l, struct mem_region *r)
{
	set_region(r, "tables", 1, maps_virt_pool(l), l->phys_pool,
		   l->phys_pool ? BOOT_POOL_PAGES * PAGE_SIZE : 0, &linear_attrs);
}

/* The image at its link address in the early map: the identity's blocks
 * when the load is block aligned (as the link address is), else its pages
 * (start/tables.S). */
static void kimage_region(const struct boot_layout *l, struct mem_region *r)
{
	uint64_t phys_block = align_down(l->phys_text, SWAPPER_BLOCK_SIZE);

	if (l->phys_text == phys_block)
		set_region(r, "kimage", 1, align_down(l->virt_text, SWAPPER_BLOCK_SIZE), phys_block,
			   align_up(l->phys_text + l->image_size, SWAPPER_BLOCK_SIZE) - phys_block,
			   &image_attrs);
	else
		set_region(r, "kimage", 1, l->virt_text, l->phys_text,
			   align_up(l->image_size, PAGE_SIZE), &image_attrs);
}

/* The early blocks the image occupies, at VA = PA. */
static void idmap_region(const struct boot_layout *l, struct mem_region *r)
{
	uint64_t phys_block = align_down(l->phys_text, SWAPPER_BLOCK_SIZE);
	uint64_t image_span = align_up(l->phys_text + l->image_size, SWAPPER_BLOCK_SIZE) - phys_block;

	set_region(r, "idmap", 0, phys_block, phys_block, image_span, &image_attrs);
}

void maps_early_region(const struct boot_layout *l, enum region_id id, struct mem_region *r)
{
	/* Each as maps_early_regions gives it (an if chain, not a table of
	 * pointers: the windows are changed page by page while RAM is looked
	 * at). */
	if (id == REGION_IDMAP)
		idmap_region(l, r);
	else if (id == REGION_KIMAGE)
		kimage_region(l, r);
	else if (id == REGION_FDT)
		fdt_region(l, r);
	else if (id == REGION_CONSOLE)
		console_region(l, r);
	else if (id == REGION_POOL)
		pool_region(l, r);
	else
		probe_region(l, r);
}

void maps_early_regions(const struct boot_layout *l, struct mem_region out[NR_REGIONS])
{
	for (int id = 0; id < NR_REGIONS; id++)
		maps_early_region(l, (enum region_id)id, &out[id]);
}

uint64_t maps_virt_uart(const struct boot_layout *l)
{
	return (uint64_t)CONSOLE_VADDR + (l->phys_uart & (PAGE_SIZE - 1));
}

uint64_t maps_virt_probe(void)
{
	return (uint64_t)PROBE_VADDR;
}

uint64_t maps_virt_fdt(const struct boot_layout *l)
{
	return (uint64_t)FDT_VADDR + (l->phys_dtb & (PAGE_SIZE - 1));
}

unsigned maps_idmap_va_bits(const struct boot_layout *l)
{
	return l->idmap_va_bits ? l->idmap_va_bits : vabits_actual();
}

bool maps_idmap_extended(const struct boot_layout *l)
{
	return maps_idmap_va_bits(l) > VA_BITS;
}

bool maps_shared_root(const struct boot_layout *l)
{
	return maps_idmap_va_bits(l) == VA_BITS && vabits_actual() == VA_BITS;
}

unsigned maps_early_pages_written(const struct boot_layout *l)
{
	/* The VA bits of a table's index above the blocks: the same in the
	 * identity (VA = PA) and at the link address means the same table
	 * (tables.S writes the build's largest tables whatever VA size the
	 * CPU then walks them with). */
	uint64_t va = l->virt_text & VA_LOW_MASK, pa = l->phys_text;
	bool own = !maps_idmap_extended(l);
	bool same_root = own && (va >> PGDIR_SHIFT) == (pa >> PGDIR_SHIFT);
	bool same_p4d = same_root && (va >> P4D_SHIFT) == (pa >> P4D_SHIFT);
	bool same_pud = same_p4d && (va >> PUD_SHIFT) == (pa >> PUD_SHIFT);
	unsigned pages = 1;                                   /* the root */

	if (!own)
		pages += IDMAP_EXT_PAGES;
	else
		pages += EARLY_TABLE_LEVELS;                  /* the identity's */
	if (PGTABLE_LEVELS > 4 && !same_root)
		pages++;                                      /* the image's level 0 */
	if (PGTABLE_LEVELS > 3 && !(PGTABLE_LEVELS > 4 ? same_p4d : same_root))
		pages++;                                      /* its level 1 */
	if (PGTABLE_LEVELS > 2 && !(PGTABLE_LEVELS > 3 ? same_pud : same_root))
		pages++;                                      /* its block table */
	if (l->phys_text % SWAPPER_BLOCK_SIZE)
		pages++;                                      /* its level 3 */
	return pages;
}

uint64_t maps_phys_to_virt(const struct boot_layout *l, uint64_t pa)
{
	return (uint64_t)PAGE_OFFSET + (pa - l->phys_memstart);
}

bool maps_linear_has(const struct boot_layout *l, uint64_t pa)
{
	for (unsigned i = 0; i < l->nr_linear; i++)
		if (phys_range_has(&l->linear[i], pa))
			return true;
	return false;
}

uint64_t maps_linear_end_virt(const struct boot_layout *l)
{
	if (!l->nr_linear)
		return (uint64_t)PAGE_OFFSET;
	return maps_phys_to_virt(l, l->linear[l->nr_linear - 1].phys_end);
}

uint64_t maps_linear_bytes(const struct boot_layout *l)
{
	uint64_t bytes = 0;

	for (unsigned i = 0; i < l->nr_linear; i++)
		bytes += phys_range_size(&l->linear[i]);
	return bytes;
}

uint64_t maps_virt_stack(unsigned cpu)
{
	return (uint64_t)STACKS_VADDR + cpu * (uint64_t)CPU_STACK_STRIDE + PAGE_SIZE;
}

uint64_t maps_phys_stack(const struct boot_layout *l, unsigned cpu)
{
	return l->phys_stacks + (cpu - 1) * (uint64_t)BOOT_STACK_SIZE;
}

uint64_t maps_image_phys(const struct boot_layout *l, uint64_t va)
{
	return l->phys_text + (va - l->virt_text);
}

uint64_t maps_image_virt(const struct boot_layout *l, uint64_t pa)
{
	return l->virt_text + (pa - l->phys_text);
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
	set_region(&out[*n], name, 1, virt, phys, size, attrs);
	return &out[(*n)++];
}

/* One linear range; the image's text and rodata, where they fall in it,
 * read-only there too, so that no alias of them is writable. */
static void add_linear(const struct boot_layout *l, const struct phys_range *r,
		       uint64_t phys_ro, uint64_t ro_size, struct mem_region *out, int *n)
{
	uint64_t start = r->phys_start, end = r->phys_end;

	if (phys_ro < start || phys_ro + ro_size > end) {
		add_region(out, n, "linear", maps_phys_to_virt(l, start), start, end - start,
			   &linear_attrs);
		return;
	}
	add_region(out, n, "linear", maps_phys_to_virt(l, start), start, phys_ro - start,
		   &linear_attrs);
	add_region(out, n, "linear-ro", maps_phys_to_virt(l, phys_ro), phys_ro, ro_size,
		   &rodata_attrs);
	add_region(out, n, "linear", maps_phys_to_virt(l, phys_ro + ro_size), phys_ro + ro_size,
		   end - phys_ro - ro_size, &linear_attrs);
}

int maps_final_regions(const struct boot_layout *l, const struct image_symbols *s,
			 struct mem_region out[MAX_FINAL_REGIONS])
{
	uint64_t kpa_off = l->phys_text - l->virt_text;       /* image VA -> PA */
	uint64_t ro_size = s->sdata - s->text;                 /* text + rodata */
	struct mem_region fdt, uart, pool, *stacks;
	int n = 0;

	/* The header page holds the result record (lib/result.h): data. */
	add_region(out, &n, "head", s->text, s->text + kpa_off, PAGE_SIZE, &linear_attrs);
	add_region(out, &n, "text", s->text + PAGE_SIZE, s->text + PAGE_SIZE + kpa_off,
		   s->srodata - s->text - PAGE_SIZE, &text_attrs);
	add_region(out, &n, "rodata", s->srodata, s->srodata + kpa_off, s->sdata - s->srodata,
		   &rodata_attrs);
	add_region(out, &n, "data", s->sdata, s->sdata + kpa_off, s->stack_guard - s->sdata,
		   &linear_attrs);
	add_region(out, &n, "stack", s->stack_bottom, s->stack_bottom + kpa_off,
		   s->stack_top - s->stack_bottom, &linear_attrs);
	fdt_region(l, &fdt);
	console_region(l, &uart);
	pool_region(l, &pool);
	/* The linear map, never executable. */
	for (unsigned i = 0; i < l->nr_linear && i < MAX_LINEAR_RANGES; i++)
		add_linear(l, &l->linear[i], l->phys_text, ro_size, out, &n);
	add_region(out, &n, uart.name, uart.virt, uart.phys, uart.size, &uart.attrs);
	add_region(out, &n, fdt.name, fdt.virt, fdt.phys, fdt.size, &fdt.attrs);
	add_region(out, &n, pool.name, pool.virt, pool.phys, pool.size, &pool.attrs);
	/* The secondaries' stacks, each above an unmapped guard page. */
	stacks = l->nr_stacks ? add_region(out, &n, "stack", maps_virt_stack(1),
					   maps_phys_stack(l, 1), BOOT_STACK_SIZE,
					   &linear_attrs) : NULL;
	if (stacks) {
		stacks->count = l->nr_stacks;
		stacks->virt_stride = CPU_STACK_STRIDE;
		stacks->phys_stride = BOOT_STACK_SIZE;
	}
	return n;
}

