/*
 * ram.c - the boot's RAM: the plan, the boot's own pieces, the allocator.
 *
 * Owns: the RAM plan's input (the DTB's banks, or under UEFI the ranges
 * of the EFI memory map an OS may use; the DTB's reservations with an
 * address; the image, the DTB, the initrd; the CPU's PA size) and the
 * refusals of a plan the boot cannot run with; the look at the banks
 * before anything uses them (mmu/ram_probe.c chooses the pages; each is
 * tried here through the early map's probe window with guarded accesses,
 * and what does not answer is left out by planning again); the linear
 * ranges the maps
 * read (a view of the plan's: mmu/ram_plan.c owns them); the boot's own
 * pieces of free RAM taken before any allocator exists (the table pool,
 * mapped into the early map at POOL_VADDR where the final map is written,
 * and the secondaries' stacks); and the page allocator over what is left,
 * reached through the linear map once the final map is live, which from
 * then on also refills the final map's table pool.
 */
#include <stdio.h>
#include "boot.h"
#include "efi.h"
#include "exit.h"
#include "fault.h"
#include "kernel_map.h"
#include "ram_input.h"
#include "ram_probe.h"
#include "regs.h"

_Static_assert(MACHINE_MAX_BANKS <= RAM_MAX_BANKS && EFI_BOOT_MAX_RANGES <= RAM_MAX_BANKS,
	       "every bank the DTB or the EFI memory map gives is planned");
_Static_assert(MACHINE_MAX_RESERVED <= RAM_MAX_RESERVATIONS,
	       "every reservation the DTB gives is planned (lib/machine.c refuses more)");

/* The plan's input, kept: the look at the banks plans again with the
 * pieces that are not RAM. */
static struct phys_range plan_banks[RAM_MAX_BANKS];
static struct ram_reservation plan_rsv[RAM_MAX_RESERVATIONS];
static struct phys_range plan_absent[RAM_MAX_ABSENT];
static struct ram_plan_input plan_in;

/* Under UEFI the memory map counts, not /memory: RAM is what it lets an
 * OS use; runtime, reserved and MMIO regions are not RAM here, so they are
 * never mapped or handed out. */
static unsigned efi_banks(struct phys_range *banks)
{
	unsigned n = 0;

	for (unsigned i = 0; i < efi_boot_info.nr_ranges; i++, n++)
		banks[n] = (struct phys_range){ efi_boot_info.range[i].phys_base,
			efi_boot_info.range[i].phys_base + efi_boot_info.range[i].size,
			"EFI memory map" };
	if (efi_boot_info.nr_dropped)
		boot_fatal(EXIT_BAD_LOAD, "the EFI memory map has %u usable ranges more than the %d "
			   "taken (EFI_BOOT_MAX_RANGES)", efi_boot_info.nr_dropped,
			   EFI_BOOT_MAX_RANGES);
	return n;
}

static void refuse_plan(const struct boot *b, int rc)
{
	const struct boot_layout *l = &b->layout;

	boot_fatal(ram_plan_refusal_status(rc),
		   "RAM: %s: %s (image pa 0x%llx size 0x%llx, DTB pa 0x%llx size 0x%llx)",
		   ram_plan_strerror(rc), b->ram.verdict_name, (unsigned long long)l->phys_text,
		   (unsigned long long)l->image_size, (unsigned long long)l->phys_dtb,
		   (unsigned long long)l->dtb_size);
}

/* The plan from plan_in, or a refusal; the maps read its linear ranges:
 * it owns them. */
static void plan(struct boot *b)
{
	int rc = ram_plan_make(&plan_in, &b->ram);

	if (rc != RAM_OK)
		refuse_plan(b, rc);
	b->layout.phys_memstart = b->ram.phys_memstart;
	b->layout.linear = b->ram.linear;
	b->layout.nr_linear = b->ram.nr_linear;
}

void ram_plan_boot(struct boot *b)
{
	const struct machine *m = &b->machine;
	unsigned pa_bits = b->pa_bits;

	plan_in = (struct ram_plan_input){
		.phys_image = b->layout.phys_text, .image_size = b->layout.image_size,
		.phys_dtb = b->layout.phys_dtb, .dtb_size = b->layout.dtb_size,
		.pa_bits = pa_bits > RAM_PA_BITS_MAX ? RAM_PA_BITS_MAX : pa_bits,
		.linear_budget = RAM_LINEAR_BUDGET,
	};
	ram_input_from_machine(m, plan_banks, plan_rsv, &plan_in, &b->nr_dynamic_rsv);
	if (booted_by_efi())
		plan_in.nr_banks = efi_banks(plan_banks);
	plan_in.absent = plan_absent;
	plan(b);
}

/* ---- the look at the banks ------------------------------------------- */

/* Values a RAM cell holds and flash ignores: all-ones is CFI's "read
 * array" command, so a NOR flash is left as it was (start/image_check.S
 * writes it too); then zero, so that every bit is seen both ways. */
#define TRY_FIRST  0xffffffffffffffffULL
#define TRY_SECOND 0x0ULL

/* One write and its read back: false, with the finding, if it faulted or
 * did not come back. */
static bool write_read(uint64_t va, uint64_t pa, uint64_t val, struct ram_probe_finding *f)
{
	struct caught_fault c;
	uint64_t got;

	if (guarded_write64(va, val, &c) || guarded_read64(va, &got, &c)) {
		*f = (struct ram_probe_finding){ .answer = RAM_PROBE_FAULT, .pa = pa, .esr = c.esr };
		return false;
	}
	if (got != val) {
		*f = (struct ram_probe_finding){ .answer = RAM_PROBE_NOT_HELD, .pa = pa,
						 .wrote = val, .read = got };
		return false;
	}
	return true;
}

/* ram_probe_fn: the page at pa through the probe window (Device-nGnRnE:
 * each access reaches it, in order): read, then each value written and
 * read back, then the first value written back, whatever was found. */
static void try_page(uint64_t pa, struct ram_probe_finding *f, void *cookie)
{
	struct boot *b = cookie;
	uint64_t va = maps_virt_probe(), old;
	struct caught_fault c;
	int rc;

	b->layout.phys_probe = pa;
	rc = kernel_map_early_window(&b->early_xlat, &b->layout, REGION_PROBE);
	if (rc)
		boot_fatal(EXIT_FINAL_MAP, "RAM: the probe window cannot map pa 0x%llx: %s",
			   (unsigned long long)pa, xlat_strerror(rc));
	if (guarded_read64(va, &old, &c))
		*f = (struct ram_probe_finding){ .answer = RAM_PROBE_FAULT, .pa = pa, .esr = c.esr };
	else if (write_read(va, pa, TRY_FIRST, f) && write_read(va, pa, TRY_SECOND, f))
		(void)guarded_write64(va, old, &c);
	else if (f->answer == RAM_PROBE_NOT_HELD && f->wrote == TRY_SECOND)
		(void)guarded_write64(va, old, &c);     /* the first value stuck: RAM-like */
	rc = kernel_map_early_window_unmap(&b->early_xlat, &b->layout, REGION_PROBE);
	b->layout.phys_probe = 0;
	if (rc)
		boot_fatal(EXIT_FINAL_MAP, "RAM: the probe window cannot be unmapped: %s",
			   xlat_strerror(rc));
}

void ram_check_banks(struct boot *b)
{
	struct ram_probe_result tried;
	int n = ram_probe_banks(&plan_in, &b->ram, try_page, b, &tried);

	b->ram_pages_tried = tried.nr_tried;
	b->ram_banks_tried = tried.nr_banks;
	if (n < 0)
		boot_fatal(EXIT_BAD_RAM, "RAM: the banks are not RAM in more than %d places "
			   "(RAM_MAX_ABSENT; the first at pa 0x%llx in %s): this DTB's /memory is "
			   "not this machine's", RAM_MAX_ABSENT,
			   (unsigned long long)tried.absent[0].phys_start, tried.absent[0].name);
	/* The plan's absent piece i is finding i: the report says it. */
	for (int i = 0; i < n; i++) {
		plan_absent[i] = tried.absent[i];
		b->ram_findings[i] = tried.finding[i];
	}
	plan_in.nr_absent = (unsigned)n;
	b->ram_pieces_absent = (unsigned)n;
	if (n)
		plan(b);
	/* Only now: the pieces not RAM may have removed some. */
	if (b->ram.nr_linear > MAX_LINEAR_RANGES)
		boot_fatal(EXIT_BAD_LOAD, "RAM: %u linear ranges, more than the %d the maps take "
			   "(MAX_LINEAR_RANGES)", b->ram.nr_linear, MAX_LINEAR_RANGES);
}

void ram_take_boot_memory(struct boot *b)
{
	uint64_t pool_size = BOOT_POOL_PAGES * PAGE_SIZE;
	unsigned n = b->nr_secondaries;
	int rc;

	b->layout.phys_pool = ram_plan_take(&b->ram, pool_size, pool_size);
	if (!b->layout.phys_pool)
		boot_fatal(EXIT_FINAL_MAP, "no free RAM for the boot's %u table pages",
			   BOOT_POOL_PAGES);
	rc = kernel_map_early_window(&b->early_xlat, &b->layout, REGION_POOL);
	if (rc)
		boot_fatal(EXIT_FINAL_MAP, "the table pool cannot be mapped at POOL_VADDR: %s",
			   xlat_strerror(rc));
	if (!n)
		return;
	b->layout.phys_stacks = ram_plan_take(&b->ram, n * (uint64_t)BOOT_STACK_SIZE, PAGE_SIZE);
	if (!b->layout.phys_stacks)
		boot_fatal(EXIT_FINAL_MAP, "no free RAM for %u secondary CPUs' stacks", n);
	b->layout.nr_stacks = n;
}

static void *linear_ptr(uint64_t pa, void *cookie)
{
	return (void *)(uintptr_t)maps_phys_to_virt(cookie, pa);
}

void ram_start_allocator(struct boot *b)
{
	struct pgalloc_stats st;
	int rc = pgalloc_init(&b->pages, linear_ptr, &b->layout);

	if (!rc) {
		/* linear_ptr is pa + the linear map's offset for every bank
		 * (the banks are the linear ranges): the allocator adds it. */
		pgalloc_set_linear(&b->pages, maps_phys_to_virt(&b->layout, 0));
		rc = ram_plan_feed(&b->ram, &b->pages);
	}
	if (rc)
		boot_fatal(EXIT_FINAL_MAP, "the page allocator cannot take the RAM: %s",
			   ram_plan_strerror(rc));
	rc = pgalloc_finalize(&b->pages);
	if (!rc)
		rc = pgalloc_stats(&b->pages, PGALLOC_ALL_BANKS, &st);
	if (rc)
		boot_fatal(EXIT_FINAL_MAP, "the page allocator: %s", pgalloc_strerror(rc));
	/* Tables beyond the boot's pool now come from it. */
	kernel_map_refill_from(&b->final_xlat, &b->pages);
	report_memory(b, &st);
}
