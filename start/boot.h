/*
 * boot.h - what the boot path learned, shared by head.S, early.c, main.c.
 *
 * Owns: the facts early_init() records with the MMU off (read by the table
 * code in tables.S and the report after the MMU is on), and the C entry
 * points the assembly calls.
 */
#ifndef BOOT_H
#define BOOT_H

#include <stdint.h>

enum ram_source { RAM_FROM_BOARD_DEFAULT, RAM_FROM_DTB };

/* Read by tables.S: the RAM the linear map covers (2 MiB aligned). */
extern uint64_t phys_ram_base;
extern uint64_t linear_map_size;
/* Written by tables.S: first table page not used by the early tables. */
extern uint64_t init_pg_next;

struct boot_facts {
	unsigned entry_el;
	uint64_t phys_text;          /* where _text was loaded */
	uint64_t x0_at_entry;
	uint64_t phys_dtb;           /* 0 when there is none */
	enum ram_source ram_source;
	uint64_t phys_ram_bank;      /* the bank as found (before rounding) */
	uint64_t ram_bank_size;
	uint64_t mmfr0;              /* ID_AA64MMFR0_EL1 */
	int linear_clamped;          /* RAM beyond LINEAR_MAP_MAX_SIZE left out */
};
extern struct boot_facts boot_facts;

/* Moves GOT slots pointing into [from_text, +image_size) to to_text. */
void got_rebase(uint64_t from_text, uint64_t to_text, uint64_t image_size);

/* Called from head.S with the MMU off. */
void early_init(uint64_t x0_at_entry, unsigned entry_el, uint64_t phys_text);
void early_fail_tables(void);
void mmu_enable(uint64_t phys_idmap_pg_dir, uint64_t phys_init_pg_dir);
/* Called from head.S at the link address; does not return. */
__attribute__((noreturn)) void kernel_main(void);

#endif /* BOOT_H */
