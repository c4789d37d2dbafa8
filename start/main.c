/*
 * main.c - the boot CPU's work once it runs at its link address, MMU and
 * caches on: a table of contents.
 *
 * Owns: kernel_main(), the order of the boot's steps after head.S, and
 * boot_begin(), what head.S hands over. Each step lives in its own file
 * (boot.h lists them) and works on the one struct boot.
 */
#include "boot.h"
#include "demand_demo.h"
#include "exit.h"
#include "kernel_map.h"
#include "psci.h"
#include "regs.h"
#include "result.h"
#include "sections.h"
#include "shell.h"
#include "smp.h"
#include "sysreg.h"

void libc_init(void);
__attribute__((noreturn)) void kernel_main(uint64_t x0, unsigned entry_el, uint64_t phys_text,
					    uint64_t insns_to_mmu_on);

static struct boot boot;

/* The link symbols as the virtual addresses mmu/maps.c works with. */
static struct image_symbols image_symbols_of_link(void)
{
	return (struct image_symbols){
		.text = (uintptr_t)_text, .etext = (uintptr_t)_etext,
		.srodata = (uintptr_t)_srodata, .erodata = (uintptr_t)_erodata,
		.sdata = (uintptr_t)_sdata, .edata = (uintptr_t)_edata,
		.bss_start = (uintptr_t)__bss_start, .bss_end = (uintptr_t)__bss_end,
		.stack_bottom = (uintptr_t)boot_stack_bottom, .stack_top = (uintptr_t)boot_stack_top,
		.early_pgd = (uintptr_t)early_pgd, .early_pg_end = (uintptr_t)early_pg_end,
		.entry = (uintptr_t)primary_entry, .stack_guard = (uintptr_t)boot_stack_guard,
	};
}

void boot_begin(struct boot *b, unsigned entry_el, uint64_t phys_text, uint64_t insns_to_mmu_on)
{
	uint64_t tcr = read_sysreg(tcr_el1);

	b->entry_el = entry_el;
	b->insns_to_mmu_on = insns_to_mmu_on;
	result_begin(entry_el);
	b->mmfr0 = read_sysreg(id_aa64mmfr0_el1);
	b->syms = image_symbols_of_link();
	/* head.S decided the VA sizes (a 52-bit build's on this CPU, TTBR0's
	 * reach: the extended identity map above IDMAP_VA_LIMIT) and the
	 * physical address size: T1SZ, T0SZ and IPS say them, nothing
	 * re-derives them. */
#if VA_BITS > VA_BITS_MIN
	if (!vabits_from_tcr(tcr))
		boot_fatal(EXIT_FINAL_MAP, "TCR_EL1 0x%llx: not a VA size of this build",
			   (unsigned long long)tcr);
#endif
	b->pa_bits = tcr_ips_bits(tcr);
	b->layout = (struct boot_layout){
		.phys_text = phys_text,
		.virt_text = (uintptr_t)_text,
		.image_size = (uint64_t)(_end - _text),
		.idmap_va_bits = 64 - (unsigned)(tcr & TCR_TxSZ_MASK),
	};
	b->walk = (struct walk_ctx){
		.ttbr0_va_bits = b->layout.idmap_va_bits,
		.ttbr0_pa = ttbr_to_phys(read_sysreg(ttbr0_el1)),
		.ttbr1_pa = ttbr_to_phys(read_sysreg(ttbr1_el1)),
		.read_table = kernel_map_read_table,
		.cookie = &b->layout,
	};
	if (kernel_map_early_init(&b->early_xlat, &b->layout, b->walk.ttbr1_pa, b->pa_bits))
		boot_fatal(EXIT_FINAL_MAP, "the early map cannot be changed (xlat_init)");
	b->hooks = (struct hook_env){ &b->layout, &b->syms, &b->walk, &b->final_xlat };
}

/* After everything the boot proves, on the live final map: the demand
 * paging demonstration and the monitor, when the boot arguments ask. */
static void after_the_checks(struct boot *b)
{
	struct shell_env shenv = {
		.layout = &b->layout, .syms = &b->syms, .walk = &b->walk, .xlat = &b->final_xlat, .pages = &b->pages,
	};

	if ((b->demand || b->demand_exhaust) &&
	    demand_demo_run(&b->final_xlat, &b->pages, b->demand_exhaust) && b->status == EXIT_OK)
		b->status = EXIT_CHECKS_FAILED;
	if (b->shell) {
		shenv.boot_status = b->status;
		b->status = shell_run(&shenv);
	}
}

void kernel_main(uint64_t x0, unsigned entry_el, uint64_t phys_text, uint64_t insns_to_mmu_on)
{
	struct boot *b = &boot;

	libc_init();
	boot_begin(b, entry_el, phys_text, insns_to_mmu_on);
	/* The machine, from the DTB (or under UEFI without one, the ACPI
	 * tables); until it names a console, output goes to semihosting only. */
	if (booted_by_acpi())
		acpi_describe(b);
	else
		dtb_find(b, x0);
	console_bring_up(b);
	dtb_check_parts(b);
	ram_plan_boot(b);
	ram_check_banks(b);
	psci_from_dtb(b);
	options_read(b);
	b->nr_secondaries = smp_plan(&b->machine, b->entry_el);
	ram_take_boot_memory(b);
	report_setup(b);
	/* The maps, each checked three ways on this CPU, then on every other. */
	verify_early_map(b);
	final_map_install(b);
	ram_start_allocator(b);
	verify_final_map(b);
	verify_other_cpus(b);
	report_end(b);
	b->status = acpi_boot_status(b->status);
	after_the_checks(b);
	stub_exit(b->status);
}
