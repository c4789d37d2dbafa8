/*
 * console.c - the boot's console: chosen, checked, mapped, brought up.
 *
 * Owns: the console's choice in its rules' order (earlycon= on the
 * command line, lib/console_choice.c; then what the DTB names, the
 * stdout-path's or /aliases/serial0's, lib/machine.c; or the ACPI
 * tables' SPCR or DBG2), the checks before anything is written to it (its
 * registers must not lie in RAM; the first read is guarded: nothing may
 * answer there), its page mapped at CONSOLE_VADDR (the same VA in the
 * final map), the driver brought up, and the result record told which
 * console the rule chose. Without a console the report goes to
 * semihosting only (lib/console.c), and says why there.
 */
#include "boot.h"
#include "console.h"
#include "efi.h"
#include "esr.h"
#include "exit.h"
#include "fault.h"
#include "kernel_map.h"
#include "result.h"

/* The RAM the console's registers would lie in (a DTB bank or, under
 * UEFI, a range the memory map lets an OS use), or NULL: registers in RAM
 * would send the report into a page the allocator hands out. */
static const char *ram_holding(uint64_t pa, void *arg)
{
	const struct boot *b = arg;
	const struct machine_bank *bank;

	if (booted_by_efi()) {
		for (unsigned i = 0; i < efi_boot_info.nr_ranges; i++)
			if (pa - efi_boot_info.range[i].phys_base < efi_boot_info.range[i].size)
				return "the EFI memory map";
		return NULL;
	}
	bank = machine_bank_holding(&b->machine, pa);
	return bank ? bank->node : NULL;
}

/* The chosen console checked, mapped and brought up, or none, said why. */
static void bring_up(struct boot *b)
{
	const struct machine_console *c = &b->machine.console;
	char cause[ESR_DESCRIBE_MAX];
	struct caught_fault caught;
	struct uart_port port;
	const char *why;
	uint32_t probe;

	if (!report_console_verdict(c, booted_by_acpi(), ram_holding, b))
		return;
	b->layout.phys_uart = c->phys_base;
	if (kernel_map_early_window(&b->early_xlat, &b->layout, REGION_CONSOLE))
		boot_fatal(EXIT_FINAL_MAP, "the console's page pa 0x%llx cannot be mapped at "
			   "CONSOLE_VADDR", (unsigned long long)c->phys_base);
	/* Guarded: no device may answer there (an external abort). */
	if (guarded_read32((uintptr_t)maps_virt_uart(&b->layout), &probe, &caught)) {
		(void)kernel_map_early_window_unmap(&b->early_xlat, &b->layout, REGION_CONSOLE);
		b->layout.phys_uart = 0;
		report_console_refused(c, esr_describe(caught.esr, "; ", cause, sizeof(cause)));
		return;
	}
	port = (struct uart_port){
		.kind = c->kind, .base = (uintptr_t)maps_virt_uart(&b->layout),
		.phys_base = c->phys_base, .reg_shift = c->reg_shift, .io_width = c->io_width,
	};
	why = console_init(&port);
	if (why) {
		(void)kernel_map_early_window_unmap(&b->early_xlat, &b->layout, REGION_CONSOLE);
		b->layout.phys_uart = 0;
		report_console_refused(c, why);
		return;
	}
	result_console(machine_console_kind_name(c->kind), c->phys_base,
		       machine_console_rule_name(c->rule));
}

void console_bring_up(struct boot *b)
{
	console_apply_earlycon(&b->machine, boot_cmdline(b), ram_holding, b, &b->earlycon);
	bring_up(b);
	/* On the console, when there is one: it is what a user watches. */
	report_console_choice(&b->machine.console, &b->earlycon);
}
