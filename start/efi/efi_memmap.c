/*
 * efi_memmap.c - what of the EFI memory map is RAM for the boot.
 *
 * Owns: efi_keep_usable_ram() (efi.h): the descriptors of the types an OS
 * may use once boot services are gone (UEFI 2.10, 7.2, table "Memory Type
 * Usage after ExitBootServices()": loader code and data, boot-services
 * code and data, conventional memory) kept as ranges, merged where one
 * ends where the next begins (the firmware lists them in address order,
 * but need not); the rest (runtime services, ACPI, MMIO, reserved,
 * unusable) is not RAM for the boot, and the ACPI reclaim and NVS bytes
 * are counted for the report; and efi_map_covers(): whether a range the
 * ACPI reader asks for is memory at all. Pure: the UEFI entry calls them
 * at the load address (PC-relative code, no library), the host tests too.
 */
#include <stdbool.h>
#include "efi.h"

static bool usable(uint32_t type)
{
	return type == EFI_LOADER_CODE || type == EFI_LOADER_DATA ||
	       type == EFI_BOOT_SERVICES_CODE || type == EFI_BOOT_SERVICES_DATA ||
	       type == EFI_CONVENTIONAL_MEMORY;
}

void efi_keep_usable_ram(struct efi_boot_info *info, const void *map, uint64_t map_size,
			 uint64_t desc_size)
{
	const uint8_t *bytes = map;

	info->nr_ranges = info->nr_dropped = 0;
	info->acpi_reclaim_bytes = info->acpi_nvs_bytes = 0;
	info->nr_descs = desc_size ? (uint32_t)(map_size / desc_size) : 0;
	for (uint64_t off = 0; desc_size && off + desc_size <= map_size; off += desc_size) {
		const struct efi_memory_desc *d = (const void *)(bytes + off);
		uint64_t base = d->phys_start, size = d->nr_pages * EFI_PAGE_SIZE;
		unsigned last = info->nr_ranges - 1;

		if (d->type == EFI_ACPI_RECLAIM_MEMORY)
			info->acpi_reclaim_bytes += size;
		if (d->type == EFI_ACPI_MEMORY_NVS)
			info->acpi_nvs_bytes += size;
		if (!usable(d->type) || !size)
			continue;
		if (info->nr_ranges &&
		    info->range[last].phys_base + info->range[last].size == base) {
			info->range[last].size += size;
		} else if (info->nr_ranges < EFI_BOOT_MAX_RANGES) {
			info->range[info->nr_ranges].phys_base = base;
			info->range[info->nr_ranges].size = size;
			info->nr_ranges++;
		} else {
			info->nr_dropped++;
		}
	}
	info->magic = EFI_BOOT_INFO_MAGIC;
}

static bool is_memory(uint32_t type)
{
	return type != EFI_UNUSABLE_MEMORY && type != EFI_MEMORY_MAPPED_IO &&
	       type != EFI_MEMORY_MAPPED_IO_PORT_SPACE;
}

/* The descriptor holding pa: the end of its range, or 0 when none does. */
static uint64_t end_of_memory_at(const uint8_t *bytes, uint64_t map_size, uint64_t desc_size,
				 uint64_t pa)
{
	for (uint64_t off = 0; off + desc_size <= map_size; off += desc_size) {
		const struct efi_memory_desc *d = (const void *)(bytes + off);
		uint64_t size = d->nr_pages * EFI_PAGE_SIZE;

		if (is_memory(d->type) && pa - d->phys_start < size)
			return d->phys_start + size;
	}
	return 0;
}

bool efi_map_covers(const void *map, uint64_t map_size, uint64_t desc_size, uint64_t pa,
		    uint64_t len)
{
	uint64_t end = pa + len;

	if (!desc_size || end < pa)
		return false;
	/* Each step moves past one whole descriptor: at most one per
	 * descriptor, whatever the map holds. */
	for (uint64_t steps = 0; pa < end && steps <= map_size / desc_size; steps++) {
		pa = end_of_memory_at(map, map_size, desc_size, pa);
		if (!pa)
			return false;
	}
	return pa >= end;
}
