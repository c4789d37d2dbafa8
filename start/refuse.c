/*
 * refuse.c - saying why the boot cannot go on, with the MMU off.
 *
 * Owns: early_refuse(), where head.S branches when the early map cannot be
 * built or used (load address, no 4 KiB granule), and early_clear_bss(),
 * which the exception handler also uses for an exception taken with the
 * MMU off. With mmu_enable() and the pure tcr_el1_value() it is given, the
 * only C code that runs with the MMU off, and only on failure paths.
 * No UART is known this early (the DTB names the console, and it is read
 * with the MMU on): the line goes to semihosting (lib/console.c's
 * fallback; QEMU -semihosting, a debugger), and the status ends the run.
 * PC-relative code only: every pointer here is physical.
 */
#include "console.h"
#include "exit.h"
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

__attribute__((noreturn))
void early_refuse(int status, const char *what, uint64_t value)
{
	early_clear_bss();
	console_puts("\nstub: FATAL: ");
	console_puts(what);
	console_put_hex(value);
	console_puts("\n");
	if (result_fatal_begin()) {
		result_fatal_add(what);
		result_fatal_add_hex(value);
	}
	stub_exit(status);
}
