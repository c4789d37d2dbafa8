/*
 * tables_fake.h - translation tables in a host buffer, for the unit tests.
 *
 * Owns: a pool of 4 KiB-aligned table pages, each with a made-up physical
 * address; the table_reader_fn that turns such an address back into the
 * page (NULL for any other address); building mappings into the pool with
 * descriptors encoded here by hand (not by desc.c, which is under test);
 * an independent reference translator (the "hardware" of test_check.c);
 * and the QEMU-virt early map as the boot leaves it before the final map:
 * start/tables.S's three pages, then the console, DTB and pool windows the
 * boot adds with the MMU on.
 */
#ifndef TABLES_FAKE_H
#define TABLES_FAKE_H

#include <stdbool.h>
#include <stdint.h>
#include "desc.h"
#include "maps.h"
#include "walk.h"

#define FAKE_MAX_TABLES 32
/* Fake PA of page i: 32 GiB up, 8 KiB apart (not consecutive on purpose). */
#define FAKE_TABLE_PA(i) (0x800000000ULL + (uint64_t)(i) * 0x2000)
/* A page-aligned PA that the reader never knows. */
#define FAKE_UNKNOWN_PA  0xdead000ULL

/* Literal descriptor bits (Arm ARM D8.3), kept apart from pgtable-hwdef.h. */
#define FAKE_TYPE_TABLE  0x3ULL

struct fake_tables {
	uint64_t (*page)[512];            /* FAKE_MAX_TABLES pages, 4 KiB aligned */
	uint64_t pa[FAKE_MAX_TABLES];     /* fake physical address of each page */
	int n;                            /* pages handed out */
	unsigned reads;                   /* calls of fake_read_table() */
	uint64_t last_read_pa;
};

void fake_init(struct fake_tables *ft);
void fake_free(struct fake_tables *ft);
/* Deep copy: same fake PAs, separate pages (dst must not be initialised). */
void fake_clone(struct fake_tables *dst, const struct fake_tables *src);

/* A new zeroed table page; returns its fake PA. */
uint64_t fake_new_table(struct fake_tables *ft);
/* The page at a fake PA, or NULL. */
uint64_t *fake_table(const struct fake_tables *ft, uint64_t pa);
/* table_reader_fn; cookie is the struct fake_tables. */
const uint64_t *fake_read_table(uint64_t table_pa, void *cookie);
struct walk_ctx fake_ctx(struct fake_tables *ft, uint64_t ttbr0_pa, uint64_t ttbr1_pa);

/* Hand-encoded descriptors. */
uint64_t fake_leaf_desc(uint64_t pa, int level, const struct pte_attrs *a);
uint64_t fake_table_desc(uint64_t table_pa);

/* Map one leaf (level 1: 1 GiB block, 2: 2 MiB block, 3: 4 KiB page) for
 * va, creating the tables above it under root as needed. */
void fake_map(struct fake_tables *ft, uint64_t root_pa, uint64_t va, uint64_t pa,
	      int level, const struct pte_attrs *a);
/* Map [va, va + size) to pa with leaves of one level. */
void fake_map_range(struct fake_tables *ft, uint64_t root_pa, uint64_t va, uint64_t pa,
		    uint64_t size, int level, const struct pte_attrs *a);
/* The entry for va in the level-`level` table under root, or NULL when a
 * table on the way is missing. */
uint64_t *fake_entry(struct fake_tables *ft, uint64_t root_pa, uint64_t va, int level);

/* Reference translation (the Arm ARM walk, written independently of
 * walk.c). Returns FAKE_XLATE_MAPPED with *pa, *leaf, *level set;
 * FAKE_XLATE_FAULT with *level = the faulting level (0: VA in no range);
 * FAKE_XLATE_UNREADABLE when a table address is not in the pool. */
enum fake_xlate { FAKE_XLATE_MAPPED, FAKE_XLATE_FAULT, FAKE_XLATE_UNREADABLE };
enum fake_xlate fake_translate(const struct fake_tables *ft, uint64_t ttbr0_pa,
			       uint64_t ttbr1_pa, uint64_t va, uint64_t *pa,
			       uint64_t *leaf, int *level);

/* The mapping policy of the early map, as literal values (linear: normal
 * RW never executable: also the pool window; for tests that map something
 * there by hand). */
extern const struct pte_attrs fake_image_attrs, fake_linear_attrs, fake_device_attrs,
	fake_fdt_attrs;

/* The early map's windows, as literal VAs (memory.h: KIMAGE_VADDR + 1 GiB
 * - 8 MiB, - 2 MiB and - 16 MiB), and the pool's size (64 pages). */
#define FAKE_FDT_VADDR     0xffffffc03f800000ULL
#define FAKE_CONSOLE_VADDR 0xffffffc03fe00000ULL
#define FAKE_POOL_VADDR    0xffffffc03f000000ULL
#define FAKE_POOL_SIZE     0x40000ULL

/* QEMU virt as the stub boots there (phys_text 0x40200000, 128 MiB RAM in
 * one linear range from phys_memstart, QEMU's 1 MiB DTB at the start of
 * RAM), before the boot takes its table pool and stacks (phys_pool and
 * nr_stacks 0); VIRT_POOL_PA and VIRT_STACKS_PA are where a test may put
 * them (free RAM near its top, the pool aligned to its size). */
#define VIRT_PHYS_TEXT   0x40200000ULL
#define VIRT_VIRT_TEXT   0xffffffc000000000ULL
#define VIRT_IMAGE_SIZE  0x18000ULL
#define VIRT_RAM_BASE    0x40000000ULL
#define VIRT_RAM_SIZE    0x08000000ULL
#define VIRT_UART_PA     0x09000000ULL
#define VIRT_DTB_PA      0x40000000ULL
#define VIRT_DTB_SIZE    0x00100000ULL
#define VIRT_POOL_PA     0x47fc0000ULL
#define VIRT_STACKS_PA   0x47f00000ULL
struct boot_layout fake_virt_layout(void);

/* The early map of a layout as the boot leaves it before the final map.
 * start/tables.S: pool pages 0-2 are the shared level-1 root, the identity
 * map's level-2 table and the image's (unused when both maps need the same
 * level-1 entry: then both go in the identity's), with 2 MiB blocks. Then,
 * as the runtime API adds them: when l->phys_uart != 0, the console's page
 * at FAKE_CONSOLE_VADDR (a level-3 table, pool page 3); when l->dtb_size !=
 * 0, the DTB's pages at FAKE_FDT_VADDR (one level-3 table per 2 MiB slot,
 * the next pages); when l->phys_pool != 0, the boot's table pool (64 pages,
 * read-write, never executable) at FAKE_POOL_VADDR + its offset in its
 * 2 MiB block (mmu/kernel_map.c's REGION_POOL; one level-3 table, the next
 * page). Sets both roots to the shared one. */
void fake_build_early_map(struct fake_tables *ft, const struct boot_layout *l,
			  uint64_t *ttbr0_pa, uint64_t *ttbr1_pa);

#endif /* TABLES_FAKE_H */
