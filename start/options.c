/*
 * options.c - the boot arguments this image obeys.
 *
 * Owns: which command line counts (under UEFI the image's load options,
 * as Linux's EFI stub takes them, when there are any; else the DTB's
 * /chosen/bootargs), and the product's options on it: stub.report=summary|
 * full (the report's size), stub.shell (the MMU monitor after the checks),
 * stub.demand (the demand-paging demonstration after the checks),
 * stub.demand-exhaust (the same, then more tables than the boot's pool,
 * then pages until RAM runs out); and the
 * test build's (hooks.h), parsed in the same pass. Any other stub.* word,
 * or a malformed value, is named (lib/bootargs.c); the rest are Linux's.
 */
#include <stdio.h>
#include "boot.h"
#include "boot_options.h"
#include "efi.h"

static void say_problem(const char *line, void *cookie)
{
	(void)cookie;
	printf("%s\n", line);
}

const char *boot_cmdline(const struct boot *b)
{
	if (booted_by_efi() && efi_boot_info.cmdline[0])
		return efi_boot_info.cmdline;
	return b->machine.chosen.bootargs;
}

void options_read(struct boot *b)
{
	struct boot_options o = { .report = b->report_full, .shell = b->shell,
				  .demand = b->demand, .demand_exhaust = b->demand_exhaust };
	struct bootarg_option product_options[BOOT_OPTIONS_ENTRIES];
	const struct bootarg_option *tables[4] = { product_options };
	unsigned ntables = hooks_bootarg_tables(tables, 1, sizeof(tables) / sizeof(tables[0]));

	boot_options_table(&o, product_options);
	b->cmdline = boot_cmdline(b);
	if (b->cmdline == efi_boot_info.cmdline)
		report_efi_cmdline(efi_boot_info.cmdline, efi_boot_info.cmdline_non_ascii,
				   efi_boot_info.cmdline_cut);
	(void)bootargs_parse(b->cmdline, tables, ntables, say_problem, NULL);
	b->report_full = o.report == 1;
	b->shell = o.shell;
	b->demand = o.demand;
	b->demand_exhaust = o.demand_exhaust;
	hooks_boot_args(b->cmdline);
}
