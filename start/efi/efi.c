/*
 * efi.c - the Image as a UEFI application: from the firmware to the
 * normal boot path.
 *
 * Owns: efi_pe_entry(), the PE/COFF entry point (start/head.S's header
 * names it). The firmware (EDK2, U-Boot bootefi) runs it at EL1 or EL2,
 * MMU and caches on, identity mapped, wherever it loaded the image (any
 * 4 KiB page: the normal boot maps such a load with pages). It finds the
 * machine's description in the configuration table: the DTB when there is
 * one, else the ACPI tables (ACPI_20_TABLE_GUID's RSDP), which it reads
 * and checks here (lib/acpi/), while boot services are up and the
 * firmware's identity map covers them, each read bounded by the EFI memory
 * map, into efi_acpi_info; a refusal is said on the firmware's console and
 * handed back as an EFI status (one per refusal: efi_status_of). Then it
 * takes the memory map, leaves boot services, keeps the RAM the map lets
 * an OS use in efi_boot_info (the image's own .data: the normal boot reads
 * it instead of /memory, so runtime, ACPI and reserved regions are never
 * touched), and enters the normal boot path at primary_entry's physical
 * address with the MMU off (efi_enter.S), x0 = the DTB (0 under ACPI), as
 * any other loader would.
 * Like the MMU-off code it runs at the load address, not the link address:
 * PC-relative addressing only, no pointer stored in data, no library.
 */
#include <stdbool.h>
#include <stddef.h>
#include "acpi/acpi.h"
#include "acpi/problem.h"
#include "efi.h"
#include "sections.h"
#include "strbuf.h"

__attribute__((noreturn)) void efi_enter_image(uint64_t phys_dtb);

/* In .data, not .bss: zero in the Image file for every other boot, and
 * the normal boot clears the bss after it is written. */
struct efi_boot_info efi_boot_info __attribute__((section(".data")));
/* Past the bss, not in the file (link.ld): about 13 KiB, written only
 * here, read only when efi_boot_info says ACPI. */
struct acpi_info efi_acpi_info __attribute__((section(".efi_carry")));

/* EFI_DTB_TABLE_GUID b1b621d5-f19c-41a5-830b-d9152c69aae0, and ACPI 2.0's
 * 8868e871-e4f1-11d3-bc22-0080c73c8881 (the RSDP: UEFI 2.10, 4.6). */
static bool is_guid(const struct efi_guid *g, uint32_t d1, uint16_t d2, uint16_t d3,
		    uint64_t d4_be)
{
	for (int i = 0; i < 8; i++)
		if (g->d4[i] != (uint8_t)(d4_be >> (56 - 8 * i)))
			return false;
	return g->d1 == d1 && g->d2 == d2 && g->d3 == d3;
}

static bool is_dtb_guid(const struct efi_guid *g)
{
	return is_guid(g, 0xb1b621d5, 0xf19c, 0x41a5, 0x830bd9152c69aae0ULL);
}

/* The image's load options: under UEFI, the command line (the EFI shell's
 * arguments, U-Boot's bootargs, a boot entry's optional data). */
static void keep_load_options(efi_handle_t image, struct efi_boot_services *bs)
{
	/* EFI_LOADED_IMAGE_PROTOCOL_GUID 5b1b31a1-9562-11d2-8e3f-00a0c969723b */
	struct efi_guid guid = { 0x5b1b31a1, 0x9562, 0x11d2,
				 { 0x8e, 0x3f, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b } };
	struct efi_loaded_image *li = NULL;

	if (bs->handle_protocol(image, &guid, (void **)&li) != EFI_SUCCESS || !li)
		return;
	efi_keep_cmdline(&efi_boot_info, li->load_options, li->load_options_size);
}

static bool is_acpi20_guid(const struct efi_guid *g)
{
	return is_guid(g, 0x8868e871, 0xe4f1, 0x11d3, 0xbc220080c73c8881ULL);
}

/* One line on the firmware's console (UCS-2), before ExitBootServices. */
static void say(struct efi_system_table *st, const char *ascii)
{
	uint16_t buf[320];
	size_t n = 0;

	while (*ascii && n + 3 < sizeof(buf) / sizeof(buf[0])) {
		if (*ascii == '\n')
			buf[n++] = '\r';
		buf[n++] = (uint8_t)*ascii++;
	}
	buf[n] = 0;
	if (st->con_out)
		st->con_out->output_string(st->con_out, buf);
}

/* The EFI memory map as the ACPI reader's bounds: a table is read only
 * where the map says there is memory (the firmware's identity map). */
struct efi_map_view {
	const void *map;
	uint64_t size, desc_size;
};

static const void *map_acpi(void *ctx, uint64_t pa, uint64_t len)
{
	const struct efi_map_view *v = ctx;

	if (!efi_map_covers(v->map, v->size, v->desc_size, pa, len))
		return NULL;
	return (const void *)(uintptr_t)pa;
}

/* One EFI status per ACPI refusal (lib/exit.h has one exit status each). */
static efi_status_t efi_status_of(enum acpi_err err)
{
	switch (err) {
	case ACPI_ERR_NO_RSDP:     return EFI_NOT_FOUND;
	case ACPI_ERR_RSDT_ONLY:   return EFI_INCOMPATIBLE_VERSION;
	case ACPI_ERR_BAD_TABLE:   return EFI_COMPROMISED_DATA;
	case ACPI_ERR_NO_BOOT_CPU: return EFI_UNSUPPORTED;
	default:                   return EFI_VOLUME_CORRUPTED;
	}
}

static const char *efi_status_name(efi_status_t rc)
{
	switch (rc) {
	case EFI_NOT_FOUND:            return "EFI_NOT_FOUND";
	case EFI_INCOMPATIBLE_VERSION: return "EFI_INCOMPATIBLE_VERSION";
	case EFI_COMPROMISED_DATA:     return "EFI_COMPROMISED_DATA";
	case EFI_UNSUPPORTED:          return "EFI_UNSUPPORTED";
	default:                       return "EFI_VOLUME_CORRUPTED";
	}
}

/* "stub: FATAL: ACPI: ...; exit status N. Returning EFI_...", and the
 * status. */
static efi_status_t refuse_acpi(struct efi_system_table *st, const struct acpi_info *info)
{
	efi_status_t rc = efi_status_of(info->problem.err);
	char buf[300];
	struct strbuf sb;

	strbuf_init(&sb, buf, sizeof(buf));
	strbuf_str(&sb, "stub: FATAL: ");
	acpi_problem_line(info, &sb);
	strbuf_str(&sb, " (exit status ");
	strbuf_dec(&sb, (uint64_t)acpi_exit_status(info->problem.err));
	strbuf_str(&sb, "). Returning ");
	strbuf_str(&sb, efi_status_name(rc));
	strbuf_str(&sb, ".\n");
	say(st, buf);
	return rc;
}

/* The ACPI tables from the RSDP, each read bounded by the memory map in
 * map; efi_acpi_info holds what the boot needs. EFI_SUCCESS or the
 * refusal's status, said on ConOut. */
static efi_status_t read_acpi(struct efi_system_table *st, uint64_t rsdp, const void *map,
			      uint64_t map_size, uint64_t desc_size)
{
	struct efi_map_view view = { map, map_size, desc_size };
	uint64_t mpidr;

	__asm__ volatile("mrs %0, mpidr_el1" : "=r"(mpidr));
	acpi_info_init(&efi_acpi_info, mpidr & MACHINE_MPIDR_HWID_MASK);
	if (acpi_read_rsdp(&efi_acpi_info, rsdp, map_acpi, &view) != ACPI_OK)
		return refuse_acpi(st, &efi_acpi_info);
	if (efi_acpi_info.console.verdict != ACPI_CONSOLE_USABLE)
		say(st, "stub: ACPI: no usable console in SPCR or DBG2: the report goes to "
			"semihosting only, and the boot ends with exit status 13\n");
	return EFI_SUCCESS;
}

/* "stub: EFI: entered at EL1, image at pa ..., DTB at pa ... (...)". */
static void say_entry(struct efi_system_table *st, uint64_t el, const void *dtb, uint64_t rsdp)
{
	char buf[200], el_digit[2] = { (char)('0' + ((el >> 2) & 3)), '\0' };
	struct strbuf sb;

	strbuf_init(&sb, buf, sizeof(buf));
	strbuf_str(&sb, "stub: EFI: entered at EL");
	strbuf_str(&sb, el_digit);
	strbuf_str(&sb, ", image at pa ");
	strbuf_hex(&sb, (uint64_t)(uintptr_t)_text);    /* adrp: where it runs */
	strbuf_str(&sb, dtb ? ", DTB at pa " : ", ACPI RSDP at pa ");
	strbuf_hex(&sb, dtb ? (uint64_t)(uintptr_t)dtb : rsdp);
	strbuf_str(&sb, dtb && rsdp ? " (configuration table; ACPI tables too, not read: the DTB "
		   "is preferred)" : " (configuration table)");
	strbuf_str(&sb, "; leaving boot services\n");
	say(st, buf);
}

efi_status_t efi_pe_entry(efi_handle_t image, struct efi_system_table *st)
{
	struct efi_boot_services *bs = st->boot_services;
	uint64_t map_size = 0, map_key, desc_size, rsdp = 0;
	uint32_t desc_version;
	void *dtb = NULL, *map = NULL;
	efi_status_t rc;
	uint64_t el;

	__asm__ volatile("mrs %0, CurrentEL" : "=r"(el));
	for (uint64_t i = 0; i < st->nr_tables; i++) {
		if (is_dtb_guid(&st->tables[i].guid))
			dtb = st->tables[i].table;
		else if (is_acpi20_guid(&st->tables[i].guid))
			rsdp = (uint64_t)(uintptr_t)st->tables[i].table;
	}
	if (!dtb && !rsdp) {
		acpi_info_init(&efi_acpi_info, 0);
		acpi_refuse(&efi_acpi_info, ACPI_ERR_NO_RSDP, ACPI_WHY_NONE,
			    (const uint8_t *)"RSDP", 0, 0, 0);
		return refuse_acpi(st, &efi_acpi_info);
	}

	/* The map, in a pool buffer with room for the descriptors its own
	 * allocation adds; under ACPI read once to bound the tables' reads;
	 * then ExitBootServices with its key. A key gone stale (the map
	 * changed meanwhile: ConOut may allocate) is retried once with a
	 * fresh map in the same buffer: after a failed ExitBootServices only
	 * GetMemoryMap may be called (UEFI 2.10, 7.4). */
	keep_load_options(image, bs);
	rc = bs->get_memory_map(&map_size, NULL, &map_key, &desc_size, &desc_version);
	if (rc != EFI_BUFFER_TOO_SMALL || !desc_size) {
		say(st, "stub: FATAL: GetMemoryMap did not give the map's size\n");
		return EFI_LOAD_ERROR;
	}
	map_size += 8 * desc_size;
	if (bs->allocate_pool(EFI_LOADER_DATA, map_size, &map) != EFI_SUCCESS) {
		say(st, "stub: FATAL: AllocatePool for the memory map failed\n");
		return EFI_LOAD_ERROR;
	}
	if (!dtb) {
		uint64_t size = map_size;

		rc = bs->get_memory_map(&size, map, &map_key, &desc_size, &desc_version);
		if (rc == EFI_SUCCESS)
			rc = read_acpi(st, rsdp, map, size, desc_size);
		if (rc != EFI_SUCCESS) {
			bs->free_pool(map);
			return rc;
		}
	}
	say_entry(st, el, dtb, rsdp);
	for (int attempt = 0; attempt < 2; attempt++) {
		uint64_t size = map_size;

		rc = bs->get_memory_map(&size, map, &map_key, &desc_size, &desc_version);
		if (rc != EFI_SUCCESS)
			break;
		rc = bs->exit_boot_services(image, map_key);
		if (rc == EFI_SUCCESS) {
			efi_keep_usable_ram(&efi_boot_info, map, size, desc_size);
			efi_boot_info.described_by = dtb ? EFI_DESCRIBED_BY_DTB : EFI_DESCRIBED_BY_ACPI;
			efi_boot_info.acpi_also = dtb && rsdp;
			efi_enter_image((uint64_t)(uintptr_t)dtb);
		}
	}
	say(st, "stub: FATAL: ExitBootServices failed\n");
	return rc;
}
