/*
 * memmap.h - the memory map as it should be: what each VA must translate to.
 *
 * Owns: the regions of the early map and of the final map, computed only
 * from facts (where the image was loaded, its link address and sections,
 * where the DTB lies, the RAM found in it, the console UART), never from
 * the tables; what each VA must translate to under either; and the probe
 * list the checks translate. The maps are built from these regions
 * (mmu/kernel_map.c) and checked against them. Pure: host-testable.
 */
#ifndef MEMMAP_H
#define MEMMAP_H

#include <stdbool.h>
#include <stdint.h>
#include "desc.h"
#include "memory.h"

/* A range of device registers (the board's, board.h BOARD_DEVICE_RANGES). */
struct device_range {
	const char *name;
	uint64_t phys;
	uint64_t size;
};
#define MAX_DEVICE_RANGES 8

/* Facts about this boot. Physical and virtual values are named apart. */
struct boot_layout {
	uint64_t phys_text;      /* where _text was loaded (2 MiB aligned) */
	uint64_t virt_text;      /* link address of _text (KIMAGE_VADDR) */
	uint64_t image_size;     /* _end - _text: code, data, bss, tables, stack */
	uint64_t phys_ram_base;  /* first byte of RAM in the linear map */
	uint64_t linear_size;    /* bytes of RAM in the linear map */
	uint64_t phys_uart;      /* console UART registers */
	uint64_t phys_dtb;       /* the DTB (may be 0: RAM starts there on a Pi) */
	uint64_t dtb_size;       /* its totalsize; 0: there is no DTB */
	/* The board's devices, mapped at DEVICE_VADDR + (phys - device_base)
	 * in the final map (ndevices at most MAX_DEVICE_RANGES). */
	const struct device_range *devices;
	int ndevices;
	uint64_t phys_device_base;
};

/* The early map: what start/tables.S writes (identity, image), then what
 * the boot adds with the MMU on before the final map (the DTB and console
 * windows). Without a DTB (dtb_size 0) the FDT region has size 0. */
enum region_id { REGION_IDMAP, REGION_KIMAGE, REGION_FDT, REGION_CONSOLE, NR_REGIONS };

struct mem_region {
	const char *name;
	int ttbr;
	uint64_t virt;
	uint64_t phys;
	uint64_t size;
	struct pte_attrs attrs;
};

/* The regions of the early map, indexed by enum region_id. */
void memmap_regions(const struct boot_layout *l, struct mem_region out[NR_REGIONS]);

/* Where the UART's registers and the DTB appear in TTBR1 (both maps). */
uint64_t memmap_virt_uart(const struct boot_layout *l);
uint64_t memmap_virt_fdt(const struct boot_layout *l);
/* Linear map: VA of a PA in mapped RAM. */
uint64_t memmap_phys_to_virt(const struct boot_layout *l, uint64_t pa);
/* PA of a VA in the image (at its link address), and back. */
uint64_t memmap_image_phys(const struct boot_layout *l, uint64_t va);
uint64_t memmap_image_virt(const struct boot_layout *l, uint64_t pa);

struct expectation {
	bool mapped;
	const char *region;      /* name of the region, or "unmapped" */
	uint64_t pa;             /* when mapped */
	struct pte_attrs attrs;  /* when mapped */
};


/* The early map: its two halves share their level-1 table, so a VA
 * translates as its bits [38:0] do in either half (memory.h). */
void memmap_expect(const struct boot_layout *l, uint64_t va, struct expectation *out);

/* Link-time symbols of the image, as virtual addresses (link.ld). */
struct image_symbols {
	uint64_t text, etext, srodata, erodata, sdata, edata;
	uint64_t bss_start, bss_end, stack_bottom, stack_top;
	uint64_t early_pgd, early_pg_end, entry;
	uint64_t stack_guard;                    /* CPU 0's, the first of NR_CPUS
						  * guard + stack pairs (memory.h) */
};

/* The final map (TTBR1 only; TTBR0 walks are disabled): W^X per section,
 * a guard page below every stack, the linear map never executable and its
 * alias of the image's text and rodata read-only, the DTB read-only, the
 * UART page as Device-nGnRnE. Regions of size 0 are left out. Returns the
 * count. */
#define MAX_FINAL_REGIONS (12 + NR_CPUS + MAX_DEVICE_RANGES)
int memmap_final_regions(const struct boot_layout *l, const struct image_symbols *s,
			 struct mem_region out[MAX_FINAL_REGIONS]);
/* Where device register pa appears in the final map. */
uint64_t memmap_virt_device(const struct boot_layout *l, uint64_t pa);
void memmap_expect_final(const struct boot_layout *l, const struct image_symbols *s,
			 uint64_t va, struct expectation *out);

struct probe {
	char name[24];
	uint64_t va;
};

#define MAX_PROBES (32 + MAX_DEVICE_RANGES)
/* Fills probes[] (at most MAX_PROBES); returns how many. */
int memmap_probes(const struct boot_layout *l, const struct image_symbols *s,
		  struct probe probes[MAX_PROBES]);

#endif /* MEMMAP_H */
