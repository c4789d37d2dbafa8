/*
 * early.c - the boot CPU's C work before the MMU is on.
 *
 * Owns: early_init(): console on the UART's physical address, the refusals
 * (no 4 KiB granule, load address not 2 MiB aligned or out of reach, RAM the
 * map cannot cover), finding the DTB and reading RAM and the PSCI conduit
 * from it. Runs at the load address with the MMU off, so: no printf, no
 * absolute pointers, only the early console and libfdt.
 */
#include <stdbool.h>
#include "board.h"
#include "boot.h"
#include "console.h"
#include "dtb.h"
#include "exit.h"
#include "memory.h"
#include "regs.h"
#include "sysreg.h"
#include "testhooks.h"

uint64_t phys_ram_base;
uint64_t linear_map_size;
uint64_t init_pg_next;
struct boot_facts boot_facts;

#ifndef BOARD_RAM_BASE_PA
#error "BOARD_RAM_BASE_PA comes from board/<name>/board.mk through the Makefile"
#endif

#define STR_(x) #x
#define STR(x) STR_(x)
#define BOARD_TEXT_OFFSET_STR STR(BOARD_TEXT_OFFSET)

extern char _text[], _end[];   /* adrp: their running (here physical) addresses */

__attribute__((noreturn))
static void early_fail(const char *what, uint64_t value, int status)
{
	console_puts("stub: FATAL: ");
	console_puts(what);
	console_put_hex(value);
	console_puts("\n");
	stub_exit(status);
}

void early_fail_tables(void)
{
	early_fail("early tables need more pages than link.ld reserves: INIT_DIR_PAGES = ",
		   INIT_DIR_PAGES, EXIT_TABLES_FULL);
}

/* The DTB: x0 when the loader passed one (booti, QEMU -kernel Image), else
 * the one QEMU puts at the start of RAM for an ELF (when it fits). */
static uint64_t find_dtb(uint64_t x0)
{
	if (x0 && dtb_valid((const void *)(uintptr_t)x0))
		return x0;
	if (dtb_valid((const void *)(uintptr_t)BOARD_RAM_BASE_PA))
		return BOARD_RAM_BASE_PA;
	return 0;
}

static void find_ram(struct boot_facts *f, uint64_t image_size)
{
	f->ram_source = RAM_FROM_BOARD_DEFAULT;
	f->phys_ram_bank = BOARD_RAM_BASE_PA;
	f->ram_bank_size = BOARD_RAM_SIZE_DEFAULT;
	if (f->phys_dtb) {
		enum dtb_ram_status st = dtb_find_ram((const void *)(uintptr_t)f->phys_dtb,
						      f->phys_text, &f->phys_ram_bank,
						      &f->ram_bank_size);
		if (st == DTB_RAM_OK)
			f->ram_source = RAM_FROM_DTB;
		else
			early_fail("DTB: no /memory bank holds the image; dtb_find_ram status ",
				   (uint64_t)(int64_t)st, EXIT_BAD_LOAD);
	}
	if (f->phys_text < f->phys_ram_bank ||
	    f->phys_text + image_size > f->phys_ram_bank + f->ram_bank_size)
		early_fail("the image is not inside RAM; load pa ", f->phys_text, EXIT_BAD_LOAD);
}

void early_init(uint64_t x0_at_entry, unsigned entry_el, uint64_t phys_text)
{
	struct boot_facts *f = &boot_facts;
	uint64_t image_size = (uint64_t)(_end - _text);
	uint64_t base, end, pa_limit, phys_block;

	/* link.ld: _text == KIMAGE_VADDR + BOARD_TEXT_OFFSET */
	got_rebase(KIMAGE_VADDR + BOARD_TEXT_OFFSET, phys_text, image_size);
	console_init(BOARD_UART_PA);
	console_puts("\nstub: entered at EL");
	console_put_dec(entry_el);
	console_puts(", running at EL1; load pa ");
	console_put_hex(phys_text);
	console_puts(", x0 ");
	console_put_hex(x0_at_entry);
	console_puts("\n");

	f->entry_el = entry_el;
	f->phys_text = phys_text;
	f->x0_at_entry = x0_at_entry;
	f->mmfr0 = read_sysreg(id_aa64mmfr0_el1);

	if (!mmfr0_has_4k_granule(f->mmfr0))
		early_fail("this CPU has no 4 KiB translation granule; ID_AA64MMFR0_EL1 = ",
			   f->mmfr0, EXIT_UNSUPPORTED_CPU);
	phys_block = phys_text - BOARD_TEXT_OFFSET;     /* wraps if below it */
	if (phys_block > phys_text || (phys_block & (SWAPPER_BLOCK_SIZE - 1)))
		early_fail("load address must be 2 MiB aligned + text_offset "
			   "(" BOARD_TEXT_OFFSET_STR "); load pa ", phys_text, EXIT_BAD_LOAD);
	if (phys_text + image_size > IDMAP_VA_LIMIT)
		early_fail("image above the 39-bit identity-mappable range; load pa ",
			   phys_text, EXIT_BAD_LOAD);

	f->phys_dtb = find_dtb(x0_at_entry);
	find_ram(f, image_size);
	if (f->phys_dtb) {
		const void *fdt = (const void *)(uintptr_t)f->phys_dtb;

		exit_set_psci_conduit(dtb_psci_conduit(fdt));
		test_hooks_early(fdt, f->phys_ram_bank + f->ram_bank_size);
	} else if (entry_el < 3) {
		/* No DTB to name it: the board's firmware conduit, if any
		 * (none when this image itself came in at EL3). */
		exit_set_psci_conduit(BOARD_PSCI_CONDUIT_NO_DTB);
	}

	/* The linear map uses 2 MiB blocks: whole blocks inside the bank. */
	base = (f->phys_ram_bank + SWAPPER_BLOCK_SIZE - 1) & ~(uint64_t)(SWAPPER_BLOCK_SIZE - 1);
	end = (f->phys_ram_bank + f->ram_bank_size) & ~(uint64_t)(SWAPPER_BLOCK_SIZE - 1);
	if (end - base > LINEAR_MAP_MAX_SIZE) {
		end = base + LINEAR_MAP_MAX_SIZE;
		f->linear_clamped = 1;
	}
	if (phys_text + image_size > end)
		early_fail("the image lies beyond the linear map (LINEAR_MAP_MAX_SIZE); load pa ",
			   phys_text, EXIT_BAD_LOAD);
	pa_limit = 1ULL << mmfr0_pa_bits(f->mmfr0);
	if (end > pa_limit)
		early_fail("RAM ends above the CPU's physical address size; RAM end ", end,
			   EXIT_BAD_LOAD);
	phys_ram_base = base;
	linear_map_size = end - base;
}
