/*
 * refuse.c - saying why the boot cannot go on, with the MMU off.
 *
 * Owns: early_refuse(), where head.S branches when the early map cannot be
 * built or used (load address, no 4 KiB granule), and early_clear_bss(),
 * which the exception handler also uses for an exception taken with the
 * MMU off. With mmu_enable() and the pure tcr_el1_value() it is given, the
 * only C code that runs with the MMU off, and only on failure paths.
 * The line goes to the console the DTB names, found with the MMU off on
 * this path only (lib/early_dtb.c: slow and careful, as a refusal can
 * afford), and to semihosting when there is no UART (lib/console.c's
 * fallback: QEMU -semihosting, a debugger); the result record keeps it
 * (lib/result.h); the status ends the run through semihosting, else PSCI
 * SYSTEM_OFF over the DTB's conduit (not hvc when entered at EL2: nothing
 * below answers it), else a parked CPU. PC-relative code only: every
 * pointer here is physical.
 */
#include "console.h"
#include "early_dtb.h"
#include "exit.h"
#include "psci.h"
#include "result.h"
#include "sections.h"

/* The bss cleared (not yet done: that happens with the caches on), so that
 * the console and exit state start defined: no UART, semihosting output. */
void early_clear_bss(void)
{
	/* Not memset: the library's may use DC ZVA or unaligned stores, which
	 * fault on the Device memory all data accesses are with the MMU off. */
	for (volatile uint64_t *p = (volatile uint64_t *)__bss_start;
	     p < (volatile uint64_t *)__bss_end; p++)
		*p = 0;
}

/* The DTB's console and PSCI conduit, where the MMU is off (with it on,
 * nothing of the DTB is mapped: semihosting only). */
static void early_console(const void *dtb, unsigned entry_el)
{
	struct early_dtb d;
	uint64_t sctlr;

	__asm__ volatile("mrs %0, sctlr_el1" : "=r"(sctlr));
	if (!dtb || (sctlr & 1))
		return;
	early_dtb_read(dtb, &d);
	if (d.port.kind != MACHINE_CONSOLE_NONE)
		(void)console_init(&d.port);
	psci_set_conduit(psci_usable_conduit(d.conduit, entry_el));
}

__attribute__((noreturn))
void early_refuse(int status, const char *what, uint64_t value, const void *dtb,
		  unsigned entry_el)
{
	early_clear_bss();
	/* Recorded first: the console below is the DTB's, driven with the MMU
	 * off, and a fault there must not be the only thing the record says. */
	if (result_fatal_begin()) {
		result_fatal_add(what);
		result_fatal_add_hex(value);
	}
	early_console(dtb, entry_el);
	console_puts("\nstub: FATAL: ");
	console_puts(what);
	console_put_hex(value);
	console_puts("\n");
	stub_exit(status);
}
