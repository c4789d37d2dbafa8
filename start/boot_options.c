/*
 * boot_options.c - the product's boot options' table (see boot_options.h).
 */
#include "boot_options.h"

static const char *const report_sizes[] = { "summary", "full", NULL };

void boot_options_table(struct boot_options *o, struct bootarg_option table[BOOT_OPTIONS_ENTRIES])
{
	table[0] = (struct bootarg_option){ "stub.report", BOOTARG_CHOICE, report_sizes, &o->report };
	table[1] = (struct bootarg_option){ "stub.shell", BOOTARG_FLAG_BOOL, NULL, &o->shell };
	table[2] = (struct bootarg_option){ "stub.demand", BOOTARG_FLAG_BOOL, NULL, &o->demand };
	table[3] = (struct bootarg_option){ "stub.demand-exhaust", BOOTARG_FLAG_BOOL, NULL,
					    &o->demand_exhaust };
	table[4] = (struct bootarg_option){ NULL, BOOTARG_FLAG_BOOL, NULL, NULL };
}
