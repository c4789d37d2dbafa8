/*
 * test_efi_memmap.c - host unit tests of start/efi/efi_memmap.c.
 *
 * Owns: efi_keep_usable_ram on memory maps laid out as firmware gives
 * them (UEFI 2.10, 7.2 GetMemoryMap): descriptors larger than the struct
 * (EDK2's are 48 bytes, the spec allows more), every memory type, touching
 * and separate ranges, zero-page descriptors, more ranges than kept; the
 * ACPI tables' memory counted and kept out; efi_map_covers.
 */
#include <string.h>
#include "unit.h"
#include "efi.h"

#define DESC 48                             /* EDK2's descriptor size */
#define MAX_DESCS 64
#define EFI_RUNTIME_SERVICES_CODE 5
#define EFI_RUNTIME_SERVICES_DATA 6

static uint8_t map[MAX_DESCS * 64];
static unsigned n_descs;
static unsigned desc_size = DESC;

static void add(uint32_t type, uint64_t base, uint64_t pages)
{
	struct efi_memory_desc d = { .type = type, .phys_start = base, .nr_pages = pages };

	memset(map + n_descs * desc_size, 0xa5, desc_size);   /* the tail is the firmware's */
	memcpy(map + n_descs * desc_size, &d, sizeof(d));
	n_descs++;
}

static struct efi_boot_info run(void)
{
	struct efi_boot_info info;

	memset(&info, 0x5a, sizeof(info));
	efi_keep_usable_ram(&info, map, (uint64_t)n_descs * desc_size, desc_size);
	return info;
}

static int setup(void **state)
{
	(void)state;
	n_descs = 0;
	desc_size = DESC;
	return 0;
}

/* QEMU virt with EDK2, 1 GiB: firmware regions cut the RAM in three. */
static void test_edk2_like(void **state)
{
	struct efi_boot_info info;

	(void)state;
	add(EFI_CONVENTIONAL_MEMORY, 0x40000000, 0x7ef6);
	add(EFI_BOOT_SERVICES_DATA, 0x47ef6000, 0x100);       /* the DTB */
	add(EFI_CONVENTIONAL_MEMORY, 0x47ff6000, 0x34417);
	add(EFI_LOADER_CODE, 0x7c40d000, 0x3d);                /* the image */
	add(EFI_RUNTIME_SERVICES_DATA, 0x7c44a000, 0x20);
	add(EFI_BOOT_SERVICES_CODE, 0x7c46a000, 0x100);
	add(EFI_RUNTIME_SERVICES_CODE, 0x7c56a000, 0x10);
	add(EFI_LOADER_DATA, 0x7c57a000, 0x3a86);
	add(EFI_ACPI_RECLAIM_MEMORY, 0x80000000ULL - 0x1000, 1);
	add(EFI_MEMORY_MAPPED_IO, 0x04000000, 0x4000);                     /* flash: never RAM */
	info = run();
	assert_int_equal(info.magic, EFI_BOOT_INFO_MAGIC);
	assert_int_equal(info.nr_descs, 10);
	assert_int_equal(info.nr_dropped, 0);
	assert_int_equal(info.nr_ranges, 3);
	/* The first three touch: one range up to the image's end. */
	assert_int_equal(info.range[0].phys_base, 0x40000000);
	assert_int_equal(info.range[0].size, 0x7c44a000 - 0x40000000);
	assert_int_equal(info.range[1].phys_base, 0x7c46a000);
	assert_int_equal(info.range[1].size, 0x100000);
	assert_int_equal(info.range[2].phys_base, 0x7c57a000);
	assert_int_equal(info.range[2].size, 0x3a86000);
}

/* Every type: only the five usable ones are RAM. */
static void test_types(void **state)
{
	struct efi_boot_info info;
	uint64_t base = 0x100000000ULL;

	(void)state;
	for (uint32_t type = 0; type <= 15; type++, base += 0x200000)
		add(type, base, 0x100);                 /* 1 MiB each, 1 MiB apart */
	info = run();
	assert_int_equal(info.nr_ranges, 5);
	assert_int_equal(info.range[0].phys_base, 0x100000000ULL + 1 * 0x200000);   /* LOADER_CODE */
	assert_int_equal(info.range[3].phys_base, 0x100000000ULL + 4 * 0x200000);   /* BS_DATA */
	assert_int_equal(info.range[4].phys_base, 0x100000000ULL + 7 * 0x200000);   /* CONVENTIONAL */
	for (unsigned i = 0; i < info.nr_ranges; i++)
		assert_int_equal(info.range[i].size, 0x100000);
}

/* Zero-page descriptors are nothing; a larger descriptor size is
 * followed, not the struct's. */
static void test_zero_pages_and_desc_size(void **state)
{
	struct efi_boot_info info;

	(void)state;
	desc_size = 64;
	add(EFI_CONVENTIONAL_MEMORY, 0x40000000, 0);
	add(EFI_CONVENTIONAL_MEMORY, 0x40000000, 16);
	add(EFI_CONVENTIONAL_MEMORY, 0x40010000, 0);
	add(EFI_CONVENTIONAL_MEMORY, 0x40010000, 16);
	info = run();
	assert_int_equal(info.nr_descs, 4);
	assert_int_equal(info.nr_ranges, 1);
	assert_int_equal(info.range[0].size, 0x20000);
	/* A map cut in the middle of a descriptor: the partial one is not read. */
	efi_keep_usable_ram(&info, map, 3 * 64 + 10, 64);
	assert_int_equal(info.nr_descs, 3);
	assert_int_equal(info.range[0].size, 0x10000);
	/* No descriptor size: nothing, but a valid (empty) record. */
	efi_keep_usable_ram(&info, map, 256, 0);
	assert_int_equal(info.nr_ranges, 0);
	assert_int_equal(info.magic, EFI_BOOT_INFO_MAGIC);
}

/* More separate ranges than kept: counted as dropped, never silently. */
static void test_too_many(void **state)
{
	struct efi_boot_info info;

	(void)state;
	for (unsigned i = 0; i < EFI_BOOT_MAX_RANGES + 3; i++)
		add(EFI_CONVENTIONAL_MEMORY, 0x40000000 + i * 0x20000ULL, 1);
	info = run();
	assert_int_equal(info.nr_ranges, EFI_BOOT_MAX_RANGES);
	assert_int_equal(info.nr_dropped, 3);
	assert_int_equal(info.range[EFI_BOOT_MAX_RANGES - 1].phys_base,
			 0x40000000 + (EFI_BOOT_MAX_RANGES - 1) * 0x20000ULL);
}

/* The ACPI tables' memory (reclaim, NVS) is never RAM for the boot: counted
 * for the report, left out of the ranges. */
static void test_acpi_memory_kept_out(void **state)
{
	struct efi_boot_info info;

	(void)state;
	add(EFI_CONVENTIONAL_MEMORY, 0x40000000, 16);
	add(EFI_ACPI_RECLAIM_MEMORY, 0x40010000, 16);
	add(EFI_ACPI_MEMORY_NVS, 0x40020000, 1);
	add(EFI_CONVENTIONAL_MEMORY, 0x40021000, 16);
	info = run();
	assert_int_equal(info.nr_ranges, 2);
	assert_int_equal(info.range[0].size, 16 * 4096);
	assert_int_equal(info.range[1].phys_base, 0x40021000);
	assert_int_equal(info.acpi_reclaim_bytes, 16 * 4096);
	assert_int_equal(info.acpi_nvs_bytes, 4096);
}

/* Where the ACPI reader may read: memory the map describes, end to end
 * across descriptors, never MMIO, a hole or past the last. */
static void test_map_covers(void **state)
{
	uint64_t size;

	(void)state;
	add(EFI_ACPI_RECLAIM_MEMORY, 0x7c430000, 16);
	add(EFI_BOOT_SERVICES_DATA, 0x7c440000, 1);
	add(EFI_MEMORY_MAPPED_IO, 0x9000000, 1);
	add(EFI_CONVENTIONAL_MEMORY, 0x80000000, 1);
	size = (uint64_t)n_descs * desc_size;
	assert_true(efi_map_covers(map, size, desc_size, 0x7c430018, 36));
	assert_true(efi_map_covers(map, size, desc_size, 0x7c43fff0, 0x20));   /* across two */
	assert_false(efi_map_covers(map, size, desc_size, 0x7c440ff0, 0x20));  /* into a hole */
	assert_false(efi_map_covers(map, size, desc_size, 0x9000000, 4));     /* MMIO */
	assert_false(efi_map_covers(map, size, desc_size, 0x80000ff8, 16));   /* past the end */
	assert_false(efi_map_covers(map, size, desc_size, ~0ULL - 4, 16));    /* wraps */
	assert_false(efi_map_covers(map, size, 0, 0x7c430018, 36));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_edk2_like, setup),
		cmocka_unit_test_setup(test_types, setup),
		cmocka_unit_test_setup(test_zero_pages_and_desc_size, setup),
		cmocka_unit_test_setup(test_too_many, setup),
		cmocka_unit_test_setup(test_acpi_memory_kept_out, setup),
		cmocka_unit_test_setup(test_map_covers, setup),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
