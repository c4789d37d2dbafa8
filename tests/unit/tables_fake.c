/*
 * tables_fake.c - translation tables in a host buffer (see tables_fake.h).
 *
 * Misuse by a test (pool exhausted, mapping over a leaf) aborts with a
 * message rather than building wrong tables silently.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "desc_literal.h"
#include "tables_fake.h"

const struct pte_attrs fake_image_attrs = {
	.attrindx = 4, .sh = 3, .af = true,
};
const struct pte_attrs fake_linear_attrs = {
	.attrindx = 4, .sh = 3, .af = true, .pxn = true, .uxn = true,
};
const struct pte_attrs fake_device_attrs = {
	.attrindx = 0, .sh = 0, .af = true, .pxn = true, .uxn = true,
};
const struct pte_attrs fake_fdt_attrs = {
	.attrindx = 4, .sh = 3, .af = true, .rdonly = true, .pxn = true, .uxn = true,
};

static void die(const char *what, uint64_t v)
{
	fprintf(stderr, "tables_fake: %s 0x%llx\n", what, (unsigned long long)v);
	abort();
}

void fake_init(struct fake_tables *ft)
{
	memset(ft, 0, sizeof(*ft));
	ft->page = aligned_alloc(4096, FAKE_MAX_TABLES * 4096);
	if (!ft->page)
		die("out of memory", 0);
	memset(ft->page, 0xa5, FAKE_MAX_TABLES * 4096);   /* unused pages: garbage */
	for (int i = 0; i < FAKE_MAX_TABLES; i++)
		ft->pa[i] = FAKE_TABLE_PA(i);
}

void fake_free(struct fake_tables *ft)
{
	free(ft->page);
	ft->page = NULL;
}

void fake_clone(struct fake_tables *dst, const struct fake_tables *src)
{
	fake_init(dst);
	memcpy(dst->page, src->page, FAKE_MAX_TABLES * 4096);
	memcpy(dst->pa, src->pa, sizeof(dst->pa));
	dst->n = src->n;
}

uint64_t fake_new_table(struct fake_tables *ft)
{
	if (ft->n >= FAKE_MAX_TABLES)
		die("table pool exhausted at", (uint64_t)ft->n);
	memset(ft->page[ft->n], 0, 4096);
	return ft->pa[ft->n++];
}

uint64_t *fake_table(const struct fake_tables *ft, uint64_t pa)
{
	for (int i = 0; i < ft->n; i++)
		if (ft->pa[i] == pa)
			return ft->page[i];
	return NULL;
}

const uint64_t *fake_read_table(uint64_t table_pa, void *cookie)
{
	struct fake_tables *ft = cookie;

	ft->reads++;
	ft->last_read_pa = table_pa;
	return fake_table(ft, table_pa);
}

struct walk_ctx fake_ctx(struct fake_tables *ft, uint64_t ttbr0_pa, uint64_t ttbr1_pa)
{
	return (struct walk_ctx){
		.ttbr0_pa = ttbr0_pa, .ttbr1_pa = ttbr1_pa,
		.read_table = fake_read_table, .cookie = ft,
	};
}

static unsigned shift_of(int level)
{
	return 39 - 9 * (unsigned)level;    /* 1 -> 30, 2 -> 21, 3 -> 12 */
}

uint64_t fake_leaf_desc(uint64_t pa, int level, const struct pte_attrs *a)
{
	if (pa & ((1ULL << shift_of(level)) - 1))
		die("leaf pa not aligned to its level:", pa);
	return literal_leaf_desc(pa, level, a);
}

uint64_t fake_table_desc(uint64_t table_pa)
{
	return table_pa | FAKE_TYPE_TABLE;
}

static uint64_t *entry_in(struct fake_tables *ft, uint64_t table_pa, uint64_t va, int level)
{
	uint64_t *t = fake_table(ft, table_pa);

	if (!t)
		die("no table at", table_pa);
	return &t[(va >> shift_of(level)) & 511];
}

void fake_map(struct fake_tables *ft, uint64_t root_pa, uint64_t va, uint64_t pa,
	      int level, const struct pte_attrs *a)
{
	uint64_t table_pa = root_pa;

	for (int lv = 1; lv < level; lv++) {
		uint64_t *e = entry_in(ft, table_pa, va, lv);

		if (*e == 0)
			*e = fake_table_desc(fake_new_table(ft));
		else if ((*e & 3) != FAKE_TYPE_TABLE)
			die("mapping below a leaf at va", va);
		table_pa = *e & 0x0000fffffffff000ULL;
	}
	*entry_in(ft, table_pa, va, level) = fake_leaf_desc(pa, level, a);
}

void fake_map_range(struct fake_tables *ft, uint64_t root_pa, uint64_t va, uint64_t pa,
		    uint64_t size, int level, const struct pte_attrs *a)
{
	uint64_t step = 1ULL << shift_of(level);

	for (uint64_t off = 0; off < size; off += step)
		fake_map(ft, root_pa, va + off, pa + off, level, a);
}

uint64_t *fake_entry(struct fake_tables *ft, uint64_t root_pa, uint64_t va, int level)
{
	uint64_t table_pa = root_pa;

	for (int lv = 1; ; lv++) {
		uint64_t *t = fake_table(ft, table_pa);
		uint64_t *e;

		if (!t)
			return NULL;
		e = &t[(va >> shift_of(lv)) & 511];
		if (lv == level)
			return e;
		if ((*e & 3) != FAKE_TYPE_TABLE)
			return NULL;
		table_pa = *e & 0x0000fffffffff000ULL;
	}
}

enum fake_xlate fake_translate(const struct fake_tables *ft, uint64_t ttbr0_pa,
			       uint64_t ttbr1_pa, uint64_t va, uint64_t *pa,
			       uint64_t *leaf, int *level)
{
	uint64_t table_pa;

	if (va >> 39 == 0)
		table_pa = ttbr0_pa;
	else if (va >> 39 == (~0ULL >> 39))
		table_pa = ttbr1_pa;
	else {
		*level = 0;
		return FAKE_XLATE_FAULT;
	}
	for (int lv = 1; lv <= 3; lv++) {
		const uint64_t *t = fake_table(ft, table_pa);
		uint64_t d, size;

		*level = lv;
		if (!t)
			return FAKE_XLATE_UNREADABLE;
		d = t[(va >> shift_of(lv)) & 511];
		if (!(d & 1))
			return FAKE_XLATE_FAULT;
		if (lv < 3 && (d & 2)) {
			table_pa = d & 0x0000fffffffff000ULL;
			continue;
		}
		if (lv == 3 && !(d & 2))
			return FAKE_XLATE_FAULT;     /* reserved encoding */
		size = 1ULL << shift_of(lv);
		*pa = (d & 0x0000fffffffff000ULL & ~(size - 1)) | (va & (size - 1));
		*leaf = d;
		return FAKE_XLATE_MAPPED;
	}
	return FAKE_XLATE_FAULT;    /* not reached */
}

static const struct phys_range virt_ram[] = {
	{ VIRT_RAM_BASE, VIRT_RAM_BASE + VIRT_RAM_SIZE, NULL },
};

struct boot_layout fake_virt_layout(void)
{
	return (struct boot_layout){
		.phys_text = VIRT_PHYS_TEXT, .virt_text = VIRT_VIRT_TEXT,
		.image_size = VIRT_IMAGE_SIZE, .phys_memstart = VIRT_RAM_BASE,
		.linear = virt_ram, .nr_linear = 1,
		.phys_uart = VIRT_UART_PA,
		.phys_dtb = VIRT_DTB_PA, .dtb_size = VIRT_DTB_SIZE,
	};
}

void fake_build_early_map(struct fake_tables *ft, const struct boot_layout *l,
			  uint64_t *ttbr0_pa, uint64_t *ttbr1_pa)
{
	const uint64_t blk = 0x200000, page = 0x1000;
	uint64_t first = l->phys_text & ~(blk - 1);
	uint64_t span = ((l->phys_text + l->image_size + blk - 1) & ~(blk - 1)) - first;
	uint64_t virt_first = l->virt_text & ~(blk - 1);
	uint64_t root, idmap_pmd, kimage_pmd;
	unsigned idmap_l1 = (unsigned)(l->phys_text >> 30) & 511;
	unsigned kimage_l1 = (unsigned)(l->virt_text >> 30) & 511;

	/* start/tables.S, MMU off: three pages (a fourth, level 3, for a load
	 * not 2 MiB aligned), both halves on one root. */
	root = fake_new_table(ft);
	idmap_pmd = fake_new_table(ft);
	kimage_pmd = fake_new_table(ft);
	fake_table(ft, root)[idmap_l1] = fake_table_desc(idmap_pmd);
	fake_table(ft, root)[kimage_l1] = fake_table_desc(idmap_l1 == kimage_l1 ? idmap_pmd
										 : kimage_pmd);
	fake_map_range(ft, root, first, first, span, 2, &fake_image_attrs);
	if (l->phys_text == first)       /* 2 MiB aligned: the same blocks */
		fake_map_range(ft, root, virt_first, first, span, 2, &fake_image_attrs);
	else                             /* else the image's pages */
		fake_map_range(ft, root, l->virt_text, l->phys_text,
			       (l->image_size + page - 1) & ~(page - 1), 3, &fake_image_attrs);

	/* MMU on: the console's page (none without a console), then the
	 * DTB's pages, then the boot's table pool. */
	if (l->phys_uart)
		fake_map(ft, root, FAKE_CONSOLE_VADDR, l->phys_uart & ~(page - 1), 3,
			 &fake_device_attrs);
	if (l->dtb_size) {
		uint64_t dtb_first = l->phys_dtb & ~(page - 1);
		uint64_t dtb_end = (l->phys_dtb + l->dtb_size + page - 1) & ~(page - 1);

		fake_map_range(ft, root, FAKE_FDT_VADDR, dtb_first, dtb_end - dtb_first, 3,
			       &fake_fdt_attrs);
	}
	if (l->phys_pool)
		fake_map_range(ft, root, FAKE_POOL_VADDR + (l->phys_pool & (blk - 1)), l->phys_pool,
			       FAKE_POOL_SIZE, 3, &fake_linear_attrs);
	*ttbr0_pa = root;
	*ttbr1_pa = root;
}
