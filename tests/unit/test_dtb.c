/*
 * test_dtb.c - host unit tests of lib/dtb.c (linked with the host libfdt).
 *
 * Owns: dtb_valid (good trees, misaligned pointers, bad magic, bad header),
 * dtb_find_ram (the bank that holds an address, at both of its edges, with
 * 1- and 2-cell addresses and sizes, several banks and memory nodes, above
 * 4 GiB; DTB_RAM_NOT_FOUND, DTB_RAM_NO_MEMORY_NODE, DTB_RAM_BAD_CELLS),
 * dtb_psci_conduit and dtb_bootargs. The trees are the .dts files in tests/unit/dts/,
 * compiled by unit.mk with dtc into UNIT_DTB_DIR (overridable by the
 * environment variable of that name), and loaded into 8-byte aligned buffers.
 */
#include "unit.h"
#include "dtb_blob.h"
#include "dtb.h"


#define SENTINEL 0x5a5a5a5a5a5a5a5aULL


static struct blob blobs[] = {
	{ .name = "virt" }, { .name = "two-banks" }, { .name = "smc" },
	{ .name = "no-memory" }, { .name = "cells1" }, { .name = "bad-cells" },
};

/* The tree tests/unit/dts/<name>.dts, 8-byte aligned; loaded once. */
static const void *dtb(const char *name, size_t *size)
{
	return dtb_blob_load(blobs, ARRAY_LEN(blobs), name, size);
}

static int free_blobs(void **state)
{
	(void)state;
	dtb_blob_free(blobs, ARRAY_LEN(blobs));
	return 0;
}

static void expect_ram(const char *name, uint64_t pa, uint64_t base, uint64_t size)
{
	uint64_t got_base = SENTINEL, got_size = SENTINEL;
	enum dtb_ram_status st = dtb_find_ram(dtb(name, NULL), pa, &got_base, &got_size);

	if (st != DTB_RAM_OK)
		fail_msg("%s: pa 0x%llx: status %d, expected DTB_RAM_OK", name,
			 (unsigned long long)pa, (int)st);
	assert_int_equal(got_base, base);
	assert_int_equal(got_size, size);
}

static void expect_ram_status(const char *name, uint64_t pa, enum dtb_ram_status want)
{
	uint64_t got_base = SENTINEL, got_size = SENTINEL;
	enum dtb_ram_status st = dtb_find_ram(dtb(name, NULL), pa, &got_base, &got_size);

	if (st != want)
		fail_msg("%s: pa 0x%llx: status %d, expected %d", name, (unsigned long long)pa,
			 (int)st, (int)want);
	/* Nothing written on failure. */
	assert_int_equal(got_base, SENTINEL);
	assert_int_equal(got_size, SENTINEL);
}

static void test_valid(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(blobs); i++)
		assert_true(dtb_valid(dtb(blobs[i].name, NULL)));
}

static void test_valid_needs_8_byte_alignment(void **state)
{
	size_t size;
	const void *good = dtb("virt", &size);
	char *buf = aligned_alloc(8, ((size + 7) & ~(size_t)7) + 16);

	(void)state;
	assert_non_null(buf);
	memcpy(buf + 8, good, size);
	assert_true(dtb_valid(buf + 8));
	memcpy(buf + 4, good, size);
	assert_false(dtb_valid(buf + 4));
	memcpy(buf + 1, good, size);
	assert_false(dtb_valid(buf + 1));
	free(buf);
}

static void test_valid_rejects_bad_headers(void **state)
{
	size_t size;
	const void *good = dtb("virt", &size);
	uint8_t *buf = aligned_alloc(8, (size + 7) & ~(size_t)7);

	(void)state;
	assert_non_null(buf);
	assert_false(dtb_valid(NULL));

	memcpy(buf, good, size);
	buf[0] ^= 0xff;                        /* magic 0xd00dfeed, big-endian */
	assert_false(dtb_valid(buf));

	memcpy(buf, good, size);
	memset(buf, 0, 4);
	assert_false(dtb_valid(buf));

	memcpy(buf, good, size);
	memcpy(buf + 4, "\0\0\0\x10", 4);      /* totalsize 16: smaller than a header */
	assert_false(dtb_valid(buf));

	memcpy(buf, good, size);
	memcpy(buf + 20, "\0\0\0\x01", 4);     /* version 1: too old */
	assert_false(dtb_valid(buf));

	memset(buf, 0, size);
	assert_false(dtb_valid(buf));
	free(buf);
}

static void test_find_ram_virt(void **state)
{
	(void)state;
	expect_ram("virt", 0x40200000ULL, 0x40000000ULL, 0x8000000ULL);
	expect_ram("virt", 0x40000000ULL, 0x40000000ULL, 0x8000000ULL);
	expect_ram("virt", 0x47ffffffULL, 0x40000000ULL, 0x8000000ULL);
	expect_ram_status("virt", 0x48000000ULL, DTB_RAM_NOT_FOUND);
	expect_ram_status("virt", 0x3fffffffULL, DTB_RAM_NOT_FOUND);
	expect_ram_status("virt", 0, DTB_RAM_NOT_FOUND);
	expect_ram_status("virt", ~0ULL, DTB_RAM_NOT_FOUND);
	expect_ram("smc", 0x40200000ULL, 0x40000000ULL, 0x8000000ULL);
}

static void test_find_ram_two_banks(void **state)
{
	(void)state;
	expect_ram("two-banks", 0x40000000ULL, 0x40000000ULL, 0x10000000ULL);
	expect_ram("two-banks", 0x4fffffffULL, 0x40000000ULL, 0x10000000ULL);
	expect_ram_status("two-banks", 0x50000000ULL, DTB_RAM_NOT_FOUND);   /* the gap */
	expect_ram("two-banks", 0x60000000ULL, 0x60000000ULL, 0x10000000ULL);
	expect_ram("two-banks", 0x6fffffffULL, 0x60000000ULL, 0x10000000ULL);
	expect_ram_status("two-banks", 0x70000000ULL, DTB_RAM_NOT_FOUND);
	/* Second node: 4 GiB at 512 GiB (both cells of address and size used). */
	expect_ram("two-banks", 0x8000000000ULL, 0x8000000000ULL, 0x100000000ULL);
	expect_ram("two-banks", 0x80ffffffffULL, 0x8000000000ULL, 0x100000000ULL);
	expect_ram_status("two-banks", 0x8100000000ULL, DTB_RAM_NOT_FOUND);
	expect_ram_status("two-banks", 0x0000000000ULL, DTB_RAM_NOT_FOUND);
}

static void test_find_ram_one_cell(void **state)
{
	(void)state;
	expect_ram("cells1", 0x40200000ULL, 0x40000000ULL, 0x8000000ULL);
	expect_ram("cells1", 0x47ffffffULL, 0x40000000ULL, 0x8000000ULL);
	expect_ram_status("cells1", 0x48000000ULL, DTB_RAM_NOT_FOUND);
	expect_ram("cells1", 0x80000000ULL, 0x80000000ULL, 0x1000000ULL);
	expect_ram("cells1", 0x80ffffffULL, 0x80000000ULL, 0x1000000ULL);
	expect_ram_status("cells1", 0x81000000ULL, DTB_RAM_NOT_FOUND);
	/* 1-cell addresses are 32-bit: nothing above 4 GiB matches. */
	expect_ram_status("cells1", 0x140200000ULL, DTB_RAM_NOT_FOUND);
}

static void test_find_ram_no_memory_node(void **state)
{
	(void)state;
	expect_ram_status("no-memory", 0x40200000ULL, DTB_RAM_NO_MEMORY_NODE);
}

static void test_find_ram_bad_cells(void **state)
{
	(void)state;
	expect_ram_status("bad-cells", 0x40200000ULL, DTB_RAM_BAD_CELLS);
}

static void test_status_values(void **state)
{
	(void)state;
	/* early.c prints the status as a number: keep the documented values. */
	assert_int_equal(DTB_RAM_OK, 0);
	assert_int_equal(DTB_RAM_NO_MEMORY_NODE, -1);
	assert_int_equal(DTB_RAM_NOT_FOUND, -2);
	assert_int_equal(DTB_RAM_BAD_CELLS, -3);
}

static void test_psci_conduit(void **state)
{
	(void)state;
	assert_int_equal(dtb_psci_conduit(dtb("virt", NULL)), PSCI_CONDUIT_HVC);
	assert_int_equal(dtb_psci_conduit(dtb("smc", NULL)), PSCI_CONDUIT_SMC);
	assert_int_equal(dtb_psci_conduit(dtb("bad-cells", NULL)), PSCI_CONDUIT_SMC);
	assert_int_equal(dtb_psci_conduit(dtb("two-banks", NULL)), PSCI_CONDUIT_NONE); /* no method */
	assert_int_equal(dtb_psci_conduit(dtb("no-memory", NULL)), PSCI_CONDUIT_NONE); /* no /psci */
	assert_int_equal(dtb_psci_conduit(dtb("cells1", NULL)), PSCI_CONDUIT_NONE);    /* "hvcx" */
}

static void test_bootargs(void **state)
{
	size_t size;
	const char *base = dtb("smc", &size);
	const char *args = dtb_bootargs(base);

	(void)state;
	assert_non_null(args);
	assert_string_equal(args, "console=ttyAMA0 stub.test=corrupt-desc");
	/* Points into the DTB itself (early.c keeps no copy). */
	assert_true(args > base && args < base + size);
	args = dtb_bootargs(dtb("no-memory", NULL));
	assert_non_null(args);
	assert_string_equal(args, "");
	assert_null(dtb_bootargs(dtb("virt", NULL)));        /* /chosen, no bootargs */
	assert_null(dtb_bootargs(dtb("two-banks", NULL)));   /* no /chosen */
	assert_null(dtb_bootargs(dtb("cells1", NULL)));      /* not NUL-terminated */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_valid_needs_8_byte_alignment),
		cmocka_unit_test(test_valid_rejects_bad_headers),
		cmocka_unit_test(test_find_ram_virt),
		cmocka_unit_test(test_find_ram_two_banks),
		cmocka_unit_test(test_find_ram_one_cell),
		cmocka_unit_test(test_find_ram_no_memory_node),
		cmocka_unit_test(test_find_ram_bad_cells),
		cmocka_unit_test(test_status_values),
		cmocka_unit_test(test_psci_conduit),
		cmocka_unit_test(test_bootargs),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, free_blobs);
}
