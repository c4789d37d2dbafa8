/*
 * ram.c - the boot's RAM: the plan, the boot's own pieces, the allocator.
 *
 * Owns: the RAM plan's input (the DTB's banks, or under UEFI the ranges
 * of the EFI memory map an OS may use; the DTB's reservations with an
 * address; the image, the DTB, the initrd; the CPU's PA size) and the
 * refusals of a plan the boot cannot run with; the linear ranges the maps
 * read (a view of the plan's: mmu/ram_plan.c owns them); the boot's own
 * pieces of free RAM taken before any allocator exists (the table pool,
 * mapped into the early map at POOL_VADDR where the final map is written,
 * and the secondaries' stacks); and the page allocator over what is left,
 * reached through the linear map once the final map is live.
 */
#include "boot.h"
#include "efi.h"
#include "exit.h"
#include "kernel_map.h"
#include "regs.h"

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

static unsigned dtb_banks(const struct machine *m, struct phys_range *banks)
{
	for (int i = 0; i < m->memory.n_banks; i++)
		banks[i] = (struct phys_range){ m->memory.bank[i].phys_base,
			m->memory.bank[i].phys_base + m->memory.bank[i].size, m->memory.bank[i].node };
	return (unsigned)m->memory.n_banks;
}

/* The reservations with an address; those without one (size and
 * alloc-ranges only) have nothing to keep free: counted for the report. */
static unsigned placed_reservations(struct boot *b, struct ram_reservation *rsv)
{
	const struct machine_reserved *mr = &b->machine.reserved;
	unsigned n = 0;

	for (int i = 0; i < mr->n_rsv; i++) {
		const struct machine_reservation *r = &mr->rsv[i];

		if (r->dynamic) {
			b->nr_dynamic_rsv++;
			continue;
		}
		rsv[n++] = (struct ram_reservation){
			{ r->phys_base, r->phys_base + r->size, r->name }, r->no_map };
	}
	return n;
}

static void refuse_plan(const struct boot *b, int rc)
{
	const struct boot_layout *l = &b->layout;
	bool load = rc == RAM_EIMAGE_RESERVED || rc == RAM_EIMAGE_NOT_LINEAR ||
		    rc == RAM_EINITRD_IMAGE;

	boot_fatal(load ? EXIT_BAD_LOAD : EXIT_BAD_DTB,
		   "RAM: %s: %s (image pa 0x%llx size 0x%llx, DTB pa 0x%llx size 0x%llx)",
		   ram_plan_strerror(rc), b->ram.verdict_name, (unsigned long long)l->phys_text,
		   (unsigned long long)l->image_size, (unsigned long long)l->phys_dtb,
		   (unsigned long long)l->dtb_size);
}

void ram_plan_boot(struct boot *b)
{
	static struct phys_range banks[MACHINE_MAX_BANKS];
	static struct ram_reservation rsv[MACHINE_MAX_RESERVED];
	const struct machine *m = &b->machine;
	unsigned pa_bits = b->pa_bits;
	struct ram_plan_input in = {
		.bank = banks, .rsv = rsv,
		.phys_image = b->layout.phys_text, .image_size = b->layout.image_size,
		.phys_dtb = b->layout.phys_dtb, .dtb_size = b->layout.dtb_size,
		.pa_bits = pa_bits > RAM_PA_BITS_MAX ? RAM_PA_BITS_MAX : pa_bits,
		.linear_budget = RAM_LINEAR_BUDGET,
	};
	int rc;

	_Static_assert(EFI_BOOT_MAX_RANGES <= MACHINE_MAX_BANKS, "EFI ranges fit the banks");
	in.nr_banks = booted_by_efi() ? efi_banks(banks) : dtb_banks(m, banks);
	in.nr_rsv = placed_reservations(b, rsv);
	if (m->chosen.has_initrd) {
		in.phys_initrd_start = m->chosen.phys_initrd_start;
		in.phys_initrd_end = m->chosen.phys_initrd_end;
	}
	rc = ram_plan_make(&in, &b->ram);
	if (rc != RAM_OK)
		refuse_plan(b, rc);
	if (b->ram.nr_linear > MAX_LINEAR_RANGES)
		boot_fatal(EXIT_BAD_LOAD, "RAM: %u linear ranges, more than the %d the maps take "
			   "(MAX_LINEAR_RANGES)", b->ram.nr_linear, MAX_LINEAR_RANGES);
	/* The maps read the plan's linear ranges: it owns them. */
	b->layout.phys_memstart = b->ram.phys_memstart;
	b->layout.linear = b->ram.linear;
	b->layout.nr_linear = b->ram.nr_linear;
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
	report_memory(b, &st);
}
