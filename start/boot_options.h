/*
 * boot_options.h - the product's boot options: stub.report=summary|full,
 * stub.shell, stub.demand, stub.demand-exhaust.
 *
 * Owns: their table for lib/bootargs.c (one owner of the keys and the
 * choices), filled over a struct boot_options: used by start/options.c
 * (the boot, with the test build's tables after it) and by
 * build/host/machine-check (which names the same problems). Pure.
 */
#ifndef BOOT_OPTIONS_H
#define BOOT_OPTIONS_H

#include "bootargs.h"

struct boot_options {
	int report;          /* index in "summary", "full" */
	int shell;           /* the MMU monitor after the checks */
	int demand;          /* the demand-paging demonstration after the checks */
	int demand_exhaust;  /* it, then tables beyond the pool, then RAM run out */
};

#define BOOT_OPTIONS_ENTRIES 5   /* the four and the NULL that ends the table */

void boot_options_table(struct boot_options *o, struct bootarg_option table[BOOT_OPTIONS_ENTRIES]);

#endif /* BOOT_OPTIONS_H */
