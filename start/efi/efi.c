/*
 * efi.c - the Image as a UEFI application: from the firmware to the
 * normal boot path.
 *
 * Owns: efi_pe_entry(), the PE/COFF entry point (start/head.S's header
 * names it). The firmware (EDK2, U-Boot bootefi) runs it at EL1 or EL2,
 * MMU and caches on, identity mapped, wherever it loaded the image (any
 * 4 KiB page: the normal boot maps such a load with pages). It finds the
 * DTB in the configuration table (none: the image says it needs one and
 * returns EFI_UNSUPPORTED), takes the memory map, leaves boot services,
 * keeps the RAM the map lets an OS use in efi_boot_info (the image's own
 * .data: the normal boot reads it instead of /memory, so runtime and
 * reserved regions are never touched), and enters the normal boot path
 * at primary_entry's physical address with the MMU off (efi_enter.S), x0
 * = the DTB, as any other loader would.
 * Like the MMU-off code it runs at the load address, not the link address:
 * PC-relative addressing only, no pointer stored in data, no library.
 */
#include <stdbool.h>
#include <stddef.h>
#include "efi.h"
#include "sections.h"

__attribute__((noreturn)) void efi_enter_image(uint64_t phys_dtb);

/* In .data, not .bss: zero in the Image file for every other boot, and
 * the normal boot clears the bss after it is written. */
struct efi_boot_info efi_boot_info __attribute__((section(".data")));

/* EFI_DTB_TABLE_GUID b1b621d5-f19c-41a5-830b-d9152c69aae0, and ACPI 2.0's
 * 8868e871-e4f1-11d3-bc22-0080c73c8881 (to say why there is no DTB). */
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
	uint16_t buf[160];
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

/* A line built from literals and hex numbers, for say(). */
struct line {
	char buf[160];
	size_t n;
};

static void put_str(struct line *l, const char *s)
{
	while (*s && l->n + 1 < sizeof(l->buf))
		l->buf[l->n++] = *s++;
	l->buf[l->n] = '\0';
}

static void put_hex(struct line *l, uint64_t v)
{
	int shift = 60;

	put_str(l, "0x");
	while (shift > 0 && !((v >> shift) & 0xf))
		shift -= 4;
	for (; shift >= 0 && l->n + 1 < sizeof(l->buf); shift -= 4)
		l->buf[l->n++] = "0123456789abcdef"[(v >> shift) & 0xf];
	l->buf[l->n] = '\0';
}

efi_status_t efi_pe_entry(efi_handle_t image, struct efi_system_table *st)
{
	struct efi_boot_services *bs = st->boot_services;
	uint64_t map_size = 0, map_key, desc_size;
	uint32_t desc_version;
	void *dtb = NULL, *map = NULL;
	bool acpi = false;
	efi_status_t rc;
	uint64_t el;

	__asm__ volatile("mrs %0, CurrentEL" : "=r"(el));
	for (uint64_t i = 0; i < st->nr_tables; i++) {
		if (is_dtb_guid(&st->tables[i].guid))
			dtb = st->tables[i].table;
		else if (is_acpi20_guid(&st->tables[i].guid))
			acpi = true;
	}
	if (!dtb) {
		say(st, acpi ? "stub: FATAL: the firmware gave ACPI tables and no DTB; this image "
			       "learns the machine from a DTB (EDK2 on QEMU: -M virt,acpi=off). "
			       "Returning EFI_UNSUPPORTED.\n"
			     : "stub: FATAL: no DTB in the EFI configuration table; this image learns "
			       "the machine from a DTB. Returning EFI_UNSUPPORTED.\n");
		return EFI_UNSUPPORTED;
	}
	{
		struct line l;          /* not "= { 0 }": that is a call to memset */
		char el_digit[2] = { (char)('0' + ((el >> 2) & 3)), '\0' };

		l.n = 0;
		put_str(&l, "stub: EFI: entered at EL");
		put_str(&l, el_digit);
		put_str(&l, ", image at pa ");
		put_hex(&l, (uint64_t)(uintptr_t)_text);    /* adrp: where it runs */
		put_str(&l, ", DTB at pa ");
		put_hex(&l, (uint64_t)(uintptr_t)dtb);
		put_str(&l, " (configuration table); leaving boot services\n");
		say(st, l.buf);
	}

	/* The map, in a pool buffer with room for the descriptors its own
	 * allocation adds; then ExitBootServices with its key. A key gone
	 * stale (the map changed meanwhile) is retried once with a fresh map
	 * in the same buffer: after a failed ExitBootServices only
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
	for (int attempt = 0; attempt < 2; attempt++) {
		uint64_t size = map_size;

		rc = bs->get_memory_map(&size, map, &map_key, &desc_size, &desc_version);
		if (rc != EFI_SUCCESS)
			break;
		rc = bs->exit_boot_services(image, map_key);
		if (rc == EFI_SUCCESS) {
			efi_keep_usable_ram(&efi_boot_info, map, size, desc_size);
			efi_enter_image((uint64_t)(uintptr_t)dtb);
		}
	}
	say(st, "stub: FATAL: ExitBootServices failed\n");
	return rc;
}
