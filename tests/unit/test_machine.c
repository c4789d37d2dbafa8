/*
 * test_machine.c - host unit tests of lib/machine.c (linked with the host
 * libfdt).
 *
 * Owns: machine_check's refusals (null, misaligned, too small, bad magic,
 * truncated, bad version, bad header, structure error) and machine_read's
 * parts on the trees tests/unit/dts/machine-*.dts (compiled by unit.mk into
 * UNIT_DTB_DIR, overridable by the environment variable of that name):
 * memory banks (two nodes, a hole, cells 1 and 2, cells 3 refused, wraps
 * refused, one ending at 2^64 too, zero sizes, disabled and untyped nodes, too many banks),
 * /memreserve/ and /reserved-memory (no-map, reusable, dynamic, disabled),
 * the console (full path, alias with options, linux,stdout-path, the Pi's
 * /soc ranges, nested buses, missing ranges, outside every range, a bad
 * #address-cells handed up through an empty ranges, ns16550
 * reg-shift/io-width, unsupported compatible named, status, reference
 * clock, the first compatible with a driver winning with its layout,
 * every kind's name), CPUs (two
 * clusters, Aff3, disabled/fail, spin-table release addresses, too many),
 * PSCI (the first node in document order, as Linux), stringlists whose
 * last string has no NUL (none: PSCI's, the root's), bootargs and
 * initrd. Variants of a tree are made with libfdt's
 * read-write functions on a copy. The one walk (lib/dt_walk.c): its
 * refusals as fdt_check_full's (a named root, a tag after the root, a
 * property name outside the strings block or unterminated, a structure
 * block not 4-byte aligned, versions below 16), libfdt's property rules
 * (the first of a name, none after a subnode), a root not at offset 0
 * (no paths), the node index (paths with and without unit address,
 * aliases, phandles, full paths, a path too long), and a tree larger than
 * the index (the console past it named with the count).
 */
#include "unit.h"
#include "dtb_blob.h"
#include <libfdt.h>
#include "dt_addr.h"
#include "machine.h"



static struct blob blobs[] = {
	{ .name = "machine-virt" }, { .name = "machine-banks" },
	{ .name = "machine-cells1" }, { .name = "machine-bad-cells" },
	{ .name = "machine-wrap" }, { .name = "machine-rpi3" },
	{ .name = "machine-no-ranges" }, { .name = "machine-nested" },
	{ .name = "machine-clusters" }, { .name = "machine-many" },
	{ .name = "machine-clocks" },
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

/* A writable copy of a tree with room to grow (free() it). */
static void *copy_of(const char *name, size_t *size)
{
	size_t len;
	const void *src = dtb(name, &len);
	size_t room = ((len + 7) & ~(size_t)7) + 4096;
	void *buf = aligned_alloc(8, room);

	assert_non_null(buf);
	assert_int_equal(fdt_open_into(src, buf, (int)room), 0);
	*size = room;
	return buf;
}

static struct machine m;   /* about 10 KiB: not on the stack */

static enum machine_err read_named(const char *name)
{
	size_t size;
	const void *fdt = dtb(name, &size);

	return machine_read(fdt, size, &m);
}

static void expect_err(enum machine_err got, enum machine_err want)
{
	if (got != want)
		fail_msg("error %d (%s), expected %d (%s)", (int)got, machine_strerror(got),
			 (int)want, machine_strerror(want));
}

static void expect_bank(int i, uint64_t base, uint64_t size, const char *node)
{
	assert_true(i < m.memory.n_banks);
	assert_int_equal(m.memory.bank[i].phys_base, base);
	assert_int_equal(m.memory.bank[i].size, size);
	assert_string_equal(m.memory.bank[i].node, node);
}

/* ---- validation ---- */

static void test_valid_trees(void **state)
{
	struct machine_problem pb;

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(blobs); i++) {
		size_t size;
		const void *fdt = dtb(blobs[i].name, &size);

		expect_err(machine_check(fdt, size, &pb), MACHINE_OK);
		/* A larger buffer than the blob is fine. */
		expect_err(machine_check(fdt, (size + 7) & ~(size_t)7, &pb), MACHINE_OK);
	}
}

static void test_null_and_misaligned(void **state)
{
	size_t size;
	const void *good = dtb("machine-virt", &size);
	char *buf = aligned_alloc(8, ((size + 7) & ~(size_t)7) + 16);

	(void)state;
	assert_non_null(buf);
	expect_err(machine_read(NULL, size, &m), MACHINE_ERR_NULL);
	memcpy(buf + 4, good, size);
	expect_err(machine_read(buf + 4, size, &m), MACHINE_ERR_MISALIGNED);
	assert_int_equal(m.valid.value, (uintptr_t)(buf + 4));
	memcpy(buf + 8, good, size);
	expect_err(machine_read(buf + 8, size, &m), MACHINE_OK);
	free(buf);
}

static void test_bad_magic(void **state)
{
	size_t size;
	char *buf = copy_of("machine-virt", &size);

	(void)state;
	buf[0] ^= 0xff;
	expect_err(machine_read(buf, size, &m), MACHINE_ERR_BAD_MAGIC);
	assert_int_equal(m.valid.value, 0x2f0dfeed);   /* 0xd00dfeed, first byte flipped */
	assert_string_equal(machine_strerror(m.valid.err), "bad magic: not a DTB");
	free(buf);
}

static void test_truncated(void **state)
{
	size_t size;
	const void *fdt = dtb("machine-virt", &size);

	(void)state;
	expect_err(machine_read(fdt, size - 1, &m), MACHINE_ERR_TRUNCATED);
	assert_int_equal(m.valid.value, size);
	expect_err(machine_read(fdt, 20, &m), MACHINE_ERR_TOO_SMALL);
	expect_err(machine_read(fdt, 0, &m), MACHINE_ERR_TOO_SMALL);
	/* Nothing is read from a refused blob. */
	assert_int_equal(m.memory.n_banks, 0);
}

static void test_bad_version_and_header(void **state)
{
	size_t size;
	struct fdt_header *h = copy_of("machine-virt", &size);

	(void)state;
	h->last_comp_version = cpu_to_fdt32(0x12);
	expect_err(machine_read(h, size, &m), MACHINE_ERR_BAD_VERSION);
	h->last_comp_version = cpu_to_fdt32(16);
	expect_err(machine_read(h, size, &m), MACHINE_OK);
	h->off_dt_strings = cpu_to_fdt32(fdt32_to_cpu(h->totalsize) + 8);
	expect_err(machine_read(h, size, &m), MACHINE_ERR_BAD_HEADER);
	free(h);
}

static void test_bad_structure(void **state)
{
	size_t size;
	struct fdt_header *h = copy_of("machine-virt", &size);
	char *base = (char *)h;
	int node = fdt_path_offset(h, "/memory@40000000");
	int len;
	const struct fdt_property *prop;

	(void)state;
	/* A property whose length runs past the structure block. */
	assert_true(node >= 0);
	prop = fdt_get_property(h, node, "reg", &len);
	assert_non_null(prop);
	((struct fdt_property *)prop)->len = cpu_to_fdt32(0x7fffff00);
	expect_err(machine_read(h, size, &m), MACHINE_ERR_BAD_STRUCTURE);
	assert_true(strlen(machine_strerror(m.valid.err)) > 0);
	free(h);

	/* An unknown tag at the start of the structure block. */
	h = copy_of("machine-virt", &size);
	base = (char *)h;
	memcpy(base + fdt32_to_cpu(h->off_dt_struct), "\0\0\0\x0b", 4);
	expect_err(machine_read(h, size, &m), MACHINE_ERR_BAD_STRUCTURE);
	free(h);
}

static void test_strerror_covers_every_code(void **state)
{
	(void)state;
	for (int e = 0; e < MACHINE_ERR_COUNT; e++)
		assert_string_not_equal(machine_strerror((enum machine_err)e),
					"unknown machine error");
	assert_string_equal(machine_strerror(MACHINE_ERR_COUNT), "unknown machine error");
}

/* ---- memory ---- */

static void test_virt(void **state)
{
	(void)state;
	expect_err(read_named("machine-virt"), MACHINE_OK);
	assert_string_equal(m.model, "machine-virt");
	assert_string_equal(m.compatible, "linux,dummy-virt");
	assert_int_equal(m.memory.n_banks, 1);
	assert_int_equal(m.memory.address_cells, 2);
	expect_bank(0, 0x40000000, 0x40000000, "memory@40000000");
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_PL011);
	assert_string_equal(m.console.path, "/pl011@9000000");
	assert_string_equal(m.console.compatible, "arm,pl011");
	assert_null(m.console.options);
	assert_true(m.console.translated);
	assert_int_equal(m.console.phys_base, 0x09000000);
	assert_int_equal(m.console.size, 0x1000);
	assert_true(m.console.available);
	assert_null(m.console.status);
	assert_true(m.psci.present);
	assert_string_equal(m.psci.compatible, "arm,psci-1.0");
	assert_int_equal(m.psci.conduit, PSCI_CONDUIT_HVC);
	assert_int_equal(m.cpus.n_cpus, 2);
	assert_int_equal(m.cpus.cpu[1].mpidr, 1);
	assert_int_equal(m.cpus.cpu[1].enable, MACHINE_CPU_ENABLE_PSCI);
	assert_string_equal(m.chosen.bootargs, "console=ttyAMA0 stub.test=none");
	assert_true(m.chosen.has_initrd);
	assert_int_equal(m.chosen.phys_initrd_start, 0x48000000);
	assert_int_equal(m.chosen.phys_initrd_end, 0x48100000);
	assert_int_equal(m.reserved.n_rsv, 0);
	assert_false(m.reserved.has_node);
}

static void test_two_nodes_a_hole_and_skips(void **state)
{
	(void)state;
	expect_err(read_named("machine-banks"), MACHINE_OK);
	assert_int_equal(m.memory.n_banks, 3);
	expect_bank(0, 0x40000000, 0x10000000, "memory@40000000");
	/* The hole 0x50000000..0x60000000 is not RAM. */
	expect_bank(1, 0x60000000, 0x20000000, "memory@40000000");
	expect_bank(2, 0x880000000, 0x100000000, "memory@880000000");
	assert_int_equal(m.memory.n_zero_size, 1);
	assert_int_equal(m.memory.n_disabled_nodes, 1);
	assert_int_equal(m.memory.n_untyped_nodes, 1);
	assert_int_equal(m.memory.n_dropped, 0);
	/* The bank holding an address: each bank's first and last byte, the
	 * hole, and past the last bank. */
	assert_ptr_equal(machine_bank_holding(&m, 0x40000000), &m.memory.bank[0]);
	assert_ptr_equal(machine_bank_holding(&m, 0x4fffffff), &m.memory.bank[0]);
	assert_null(machine_bank_holding(&m, 0x50000000));
	assert_null(machine_bank_holding(&m, 0x5fffffff));
	assert_ptr_equal(machine_bank_holding(&m, 0x60000000), &m.memory.bank[1]);
	assert_ptr_equal(machine_bank_holding(&m, 0x97fffffff), &m.memory.bank[2]);
	assert_null(machine_bank_holding(&m, 0x980000000));
	assert_null(machine_bank_holding(&m, 0x3fffffff));
}

static void test_cells1(void **state)
{
	(void)state;
	expect_err(read_named("machine-cells1"), MACHINE_OK);
	assert_int_equal(m.memory.address_cells, 1);
	assert_int_equal(m.memory.size_cells, 1);
	assert_int_equal(m.memory.n_banks, 2);
	expect_bank(0, 0x0, 0x8000000, "memory@0");
	expect_bank(1, 0x10000000, 0x8000000, "memory@0");
}

static void test_bad_cells_named(void **state)
{
	(void)state;
	expect_err(read_named("machine-bad-cells"), MACHINE_ERR_BAD_CELLS);
	assert_int_equal(m.memory.problem.err, MACHINE_ERR_BAD_CELLS);
	assert_string_equal(m.memory.problem.prop, "#address-cells");
	assert_string_equal(m.memory.problem.node, "/");
	assert_int_equal(m.memory.problem.value, 3);
	assert_int_equal(m.memory.n_banks, 0);
}

static void test_wrap_refused(void **state)
{
	(void)state;
	expect_err(read_named("machine-wrap"), MACHINE_ERR_WRAPS);
	assert_int_equal(m.memory.problem.err, MACHINE_ERR_WRAPS);
	assert_string_equal(m.memory.problem.node, "memory@fffffffff0000000");
	assert_int_equal(m.memory.problem.value, 0xfffffffff0000000ULL);
	/* The sane bank is still there, the wrapping one is not. */
	assert_int_equal(m.memory.n_banks, 1);
	expect_bank(0, 0x40000000, 0x40000000, "memory@40000000");
	assert_int_equal(m.reserved.problem.err, MACHINE_ERR_WRAPS);
	assert_string_equal(m.reserved.problem.node, "/memreserve/");
	assert_int_equal(m.reserved.n_rsv, 0);
}

/* A bank whose last byte is 2^64 - 1 wraps no address, but its end,
 * 2^64, does not fit the RAM plan's 64-bit [start, end) ranges
 * (start/ram_input.c): refused as wrapping; a page short of it, a bank. */
static void test_wrap_at_top(void **state)
{
	const fdt32_t to_top[] = { cpu_to_fdt32(0xffffffff), cpu_to_fdt32(0xf0000000), 0,
				   cpu_to_fdt32(0x10000000) };
	const fdt32_t below_top[] = { cpu_to_fdt32(0xffffffff), cpu_to_fdt32(0xf0000000), 0,
				      cpu_to_fdt32(0x0ffff000) };
	size_t size;
	void *fdt = copy_of("machine-wrap", &size);
	int node = fdt_path_offset(fdt, "/memory@fffffffff0000000");

	(void)state;
	assert_int_equal(fdt_setprop(fdt, node, "reg", to_top, sizeof(to_top)), 0);
	machine_read(fdt, size, &m);
	assert_int_equal(m.memory.problem.err, MACHINE_ERR_WRAPS);
	assert_int_equal(m.memory.n_banks, 1);
	assert_int_equal(fdt_setprop(fdt, node, "reg", below_top, sizeof(below_top)), 0);
	machine_read(fdt, size, &m);
	assert_int_equal(m.memory.problem.err, MACHINE_OK);
	assert_int_equal(m.memory.n_banks, 2);
	expect_bank(1, 0xfffffffff0000000ULL, 0x0ffff000, "memory@fffffffff0000000");
	free(fdt);
}

static void test_too_many_banks_named(void **state)
{
	(void)state;
	expect_err(read_named("machine-many"), MACHINE_ERR_TOO_MANY_BANKS);
	assert_int_equal(m.memory.n_banks, MACHINE_MAX_BANKS);
	assert_int_equal(m.memory.n_dropped, 2);
	assert_int_equal(m.memory.problem.value, 2);
	expect_bank(31, 31 * 0x200000, 0x100000, "memory@0");
}

static void test_no_memory(void **state)
{
	size_t size;
	void *fdt = copy_of("machine-virt", &size);
	int node = fdt_path_offset(fdt, "/memory@40000000");
	static const fdt32_t zero[4];

	(void)state;
	assert_int_equal(fdt_setprop(fdt, node, "reg", zero, sizeof(zero)), 0);
	expect_err(machine_read(fdt, size, &m), MACHINE_ERR_NO_MEMORY);
	assert_int_equal(m.memory.n_zero_size, 1);
	/* A reg that is not whole entries: named, the whole ones still read. */
	const fdt32_t odd[5] = { 0, cpu_to_fdt32(0x40000000), 0, cpu_to_fdt32(0x1000), 0 };
	assert_int_equal(fdt_setprop(fdt, node, "reg", odd, sizeof(odd)), 0);
	expect_err(machine_read(fdt, size, &m), MACHINE_ERR_BAD_REG);
	assert_int_equal(m.memory.problem.value, 20);
	assert_int_equal(m.memory.n_banks, 1);
	free(fdt);
}

/* A property that is there but malformed is named as malformed, never
 * read as missing (issue 20): an empty reg, a device_type or status that
 * is no string, cells that are not one cell long. */
static void test_malformed_named_not_missing(void **state)
{
	size_t size;
	void *fdt = copy_of("machine-virt", &size);
	int node = fdt_path_offset(fdt, "/memory@40000000");
	static const fdt32_t two[2] = { 0, 0 };
	/* "okay" without its NUL: no string at all. */
	static const char okay_no_nul[4] = { 'o', 'k', 'a', 'y' };
	static const char memory_no_nul[6] = { 'm', 'e', 'm', 'o', 'r', 'y' };

	(void)state;
	/* reg empty: not "no usable memory bank". */
	assert_int_equal(fdt_setprop(fdt, node, "reg", NULL, 0), 0);
	expect_err(machine_read(fdt, size, &m), MACHINE_ERR_BAD_PROPERTY);
	assert_string_equal(m.memory.problem.node, "memory@40000000");
	assert_string_equal(m.memory.problem.prop, "reg");
	assert_int_equal(m.memory.problem.value, 0);
	free(fdt);
	/* device_type not a string: not "untyped, ignored". */
	fdt = copy_of("machine-virt", &size);
	node = fdt_path_offset(fdt, "/memory@40000000");
	assert_int_equal(fdt_setprop(fdt, node, "device_type", memory_no_nul,
				     sizeof(memory_no_nul)), 0);
	expect_err(machine_read(fdt, size, &m), MACHINE_ERR_BAD_PROPERTY);
	assert_string_equal(m.memory.problem.prop, "device_type");
	assert_int_equal(m.memory.problem.value, 6);
	assert_int_equal(m.memory.n_untyped_nodes, 0);
	free(fdt);
	/* status not a string: named, and not okay (Linux compares it). */
	fdt = copy_of("machine-virt", &size);
	node = fdt_path_offset(fdt, "/memory@40000000");
	assert_int_equal(fdt_setprop(fdt, node, "status", okay_no_nul, sizeof(okay_no_nul)), 0);
	expect_err(machine_read(fdt, size, &m), MACHINE_ERR_BAD_PROPERTY);
	assert_string_equal(m.memory.problem.prop, "status");
	assert_int_equal(m.memory.n_disabled_nodes, 1);
	assert_int_equal(m.memory.n_banks, 0);
	free(fdt);
	/* The root's #address-cells two cells long: malformed, not "not
	 * supported". */
	fdt = copy_of("machine-virt", &size);
	assert_int_equal(fdt_setprop(fdt, 0, "#address-cells", two, sizeof(two)), 0);
	expect_err(machine_read(fdt, size, &m), MACHINE_ERR_BAD_PROPERTY);
	assert_string_equal(m.memory.problem.node, "/");
	assert_string_equal(m.memory.problem.prop, "#address-cells");
	assert_int_equal(m.memory.problem.value, 8);
	free(fdt);
	/* /reserved-memory: a child's empty reg, a child's status, the node's
	 * cells. */
	fdt = copy_of("machine-banks", &size);
	node = fdt_path_offset(fdt, "/reserved-memory/secmon@4e000000");
	assert_int_equal(fdt_setprop(fdt, node, "reg", NULL, 0), 0);
	expect_err(machine_read(fdt, size, &m), MACHINE_ERR_BAD_PROPERTY);
	assert_string_equal(m.reserved.problem.node, "secmon@4e000000");
	assert_string_equal(m.reserved.problem.prop, "reg");
	assert_int_equal(fdt_setprop(fdt, node, "reg", two, sizeof(two)), 0);
	assert_int_equal(fdt_setprop(fdt, node, "status", okay_no_nul, sizeof(okay_no_nul)), 0);
	expect_err(machine_read(fdt, size, &m), MACHINE_ERR_BAD_PROPERTY);
	assert_string_equal(m.reserved.problem.prop, "status");
	free(fdt);
	fdt = copy_of("machine-banks", &size);
	node = fdt_path_offset(fdt, "/reserved-memory");
	assert_int_equal(fdt_setprop(fdt, node, "#size-cells", two, sizeof(two)), 0);
	expect_err(machine_read(fdt, size, &m), MACHINE_ERR_BAD_PROPERTY);
	assert_string_equal(m.reserved.problem.node, "reserved-memory");
	assert_string_equal(m.reserved.problem.prop, "#size-cells");
	free(fdt);
}

/* ---- reservations ---- */

static void test_memreserve_and_reserved_memory(void **state)
{
	const struct machine_reservation *r = m.reserved.rsv;

	(void)state;
	expect_err(read_named("machine-banks"), MACHINE_OK);
	assert_true(m.reserved.has_node);
	assert_int_equal(m.reserved.n_memreserve, 2);
	assert_int_equal(m.reserved.n_rsv, 6);
	assert_int_equal(r[0].source, MACHINE_RSV_MEMRESERVE);
	assert_null(r[0].name);
	assert_int_equal(r[0].phys_base, 0x40000000);
	assert_int_equal(r[0].size, 0x1000);
	assert_int_equal(r[1].phys_base, 0x48000000);
	assert_int_equal(r[1].size, 0x200000);

	assert_int_equal(r[2].source, MACHINE_RSV_NODE);
	assert_string_equal(r[2].name, "secmon@4e000000");
	assert_int_equal(r[2].phys_base, 0x4e000000);
	assert_int_equal(r[2].size, 0x200000);
	assert_true(r[2].no_map);
	assert_false(r[2].dynamic);

	assert_string_equal(r[3].name, "linux,cma");
	assert_true(r[3].dynamic);
	assert_true(r[3].reusable);
	assert_true(r[3].has_alloc_ranges);
	assert_false(r[3].no_map);
	assert_int_equal(r[3].size, 0x4000000);
	assert_int_equal(r[3].phys_base, 0);

	assert_string_equal(r[4].name, "split@50000000");
	assert_int_equal(r[4].phys_base, 0x50000000);
	assert_string_equal(r[5].name, "split@50000000");
	assert_int_equal(r[5].phys_base, 0x50100000);
	assert_int_equal(r[5].size, 0x2000);
	assert_int_equal(m.reserved.n_disabled, 1);
}

static void test_rpi3(void **state)
{
	(void)state;
	expect_err(read_named("machine-rpi3"), MACHINE_OK);
	assert_int_equal(m.memory.n_banks, 1);
	expect_bank(0, 0, 0x3c000000, "memory@0");
	/* Every string of the root's list, whole, and nothing else. */
	assert_true(machine_is_compatible(&m, "raspberrypi,3-model-b"));
	assert_true(machine_is_compatible(&m, "brcm,bcm2837"));
	assert_false(machine_is_compatible(&m, "brcm,bcm2837x"));
	assert_false(machine_is_compatible(&m, "brcm,bcm283"));
	assert_false(machine_is_compatible(&m, ""));
	assert_int_equal(m.reserved.n_rsv, 2);
	assert_int_equal(m.reserved.rsv[0].phys_base, 0);
	assert_int_equal(m.reserved.rsv[0].size, 0x1000);
	assert_true(m.reserved.rsv[1].dynamic);
	assert_false(m.reserved.rsv[1].has_alloc_ranges);

	/* serial1 -> /soc/serial@7e215040; bus 0x7e... is CPU 0x3f... */
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_BCM2835_AUX);
	assert_string_equal(m.console.stdout_path, "serial1:115200n8");
	assert_string_equal(m.console.options, "115200n8");
	assert_string_equal(m.console.path, "/soc/serial@7e215040");
	assert_true(m.console.translated);
	assert_int_equal(m.console.phys_base, 0x3f215040);
	assert_int_equal(m.console.size, 0x40);
	assert_int_equal(m.console.reg_shift, 2);
	assert_int_equal(m.console.io_width, 4);

	assert_false(m.psci.present);
	assert_int_equal(m.psci.conduit, PSCI_CONDUIT_NONE);
	assert_int_equal(m.cpus.n_cpus, 4);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(m.cpus.cpu[i].mpidr, i);
		assert_int_equal(m.cpus.cpu[i].enable, MACHINE_CPU_ENABLE_SPIN_TABLE);
		assert_true(m.cpus.cpu[i].has_release_addr);
		assert_int_equal(m.cpus.cpu[i].phys_release_addr, 0xd8 + 8 * i);
	}
	assert_string_equal(m.chosen.bootargs, "coherent_pool=1M 8250.nr_uarts=1");
	assert_false(m.chosen.has_initrd);
}

/* machine-rpi3 with stdout-path set to path: re-read. */
static void *rpi3_with_stdout(const char *path, size_t *size)
{
	void *fdt = copy_of("machine-rpi3", size);
	int chosen = fdt_path_offset(fdt, "/chosen");

	assert_int_equal(fdt_setprop_string(fdt, chosen, "stdout-path", path), 0);
	machine_read(fdt, *size, &m);
	return fdt;
}

static void test_console_paths(void **state)
{
	size_t size;
	void *fdt;

	(void)state;
	/* The PL011 by its alias, no options. */
	fdt = rpi3_with_stdout("serial0", &size);
	expect_err(m.console.problem.err, MACHINE_OK);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_PL011);
	assert_int_equal(m.console.phys_base, 0x3f201000);
	assert_null(m.console.options);
	free(fdt);
	/* A full path with options. */
	fdt = rpi3_with_stdout("/soc/serial@7e201000:115200", &size);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_PL011);
	assert_string_equal(m.console.options, "115200");
	assert_string_equal(m.console.path, "/soc/serial@7e201000");
	free(fdt);
	/* Nothing there: passed over, named with the path as written, for
	 * /aliases/serial0 (the PL011). */
	fdt = rpi3_with_stdout("serial7:115200n8", &size);
	expect_err(m.console.problem.err, MACHINE_OK);
	assert_int_equal(m.console.rule, MACHINE_RULE_SERIAL0);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_PL011);
	assert_string_equal(m.console.path, "/soc/serial@7e201000");
	assert_int_equal(m.console.passed.rule, MACHINE_RULE_STDOUT_PATH);
	assert_int_equal(m.console.passed.why, MACHINE_WHY_NOT_FOUND);
	assert_string_equal(m.console.passed.value, "serial7:115200n8");
	free(fdt);
}

/* rpi3 with its serial0 alias pointing at target (NULL: no serial0), and
 * stdout-path set to path (NULL: removed); a node "fb" that is a
 * framebuffer; re-read. */
static void *rpi3_rules(const char *path, const char *target, const char *fb_status)
{
	size_t size;
	void *fdt = copy_of("machine-rpi3", &size);
	int chosen = fdt_path_offset(fdt, "/chosen"), aliases = fdt_path_offset(fdt, "/aliases");
	int fb = fdt_add_subnode(fdt, 0, "framebuffer@3e000000");

	assert_true(chosen >= 0 && aliases >= 0 && fb >= 0);
	assert_int_equal(fdt_setprop_string(fdt, fb, "compatible", "simple-framebuffer"), 0);
	assert_int_equal(fdt_setprop_u32(fdt, fb, "reg", 0x3e000000), 0);
	if (fb_status)
		assert_int_equal(fdt_setprop_string(fdt, fb, "status", fb_status), 0);
	chosen = fdt_path_offset(fdt, "/chosen");
	aliases = fdt_path_offset(fdt, "/aliases");
	if (path)
		assert_int_equal(fdt_setprop_string(fdt, chosen, "stdout-path", path), 0);
	else
		assert_int_equal(fdt_delprop(fdt, chosen, "stdout-path"), 0);
	if (target)
		assert_int_equal(fdt_setprop_string(fdt, aliases, "serial0", target), 0);
	else
		assert_int_equal(fdt_delprop(fdt, aliases, "serial0"), 0);
	machine_read(fdt, size, &m);
	return fdt;
}

/* The DT's rules in order: stdout-path (linux,stdout-path only without
 * it), then /aliases/serial0 when the stdout-path's console is missing,
 * disabled, not a UART the stub drives, or the property malformed; each
 * passed-over rule named with why. */
static void test_console_rules(void **state)
{
	void *fdt;
	int chosen;
	size_t size;

	(void)state;
	/* A framebuffer: passed over for serial0, its compatible named. */
	fdt = rpi3_rules("/framebuffer@3e000000", "/soc/serial@7e201000", NULL);
	assert_int_equal(m.console.rule, MACHINE_RULE_SERIAL0);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_PL011);
	assert_int_equal(m.console.passed.why, MACHINE_WHY_NO_DRIVER);
	assert_string_equal(m.console.passed.compatible, "simple-framebuffer");
	free(fdt);
	/* A disabled node: the same, named disabled. */
	fdt = rpi3_rules("/framebuffer@3e000000", "/soc/serial@7e201000", "disabled");
	assert_int_equal(m.console.rule, MACHINE_RULE_SERIAL0);
	assert_int_equal(m.console.passed.why, MACHINE_WHY_DISABLED);
	assert_null(m.console.passed.compatible);
	free(fdt);
	/* A usable stdout-path: serial0 never looked at. */
	fdt = rpi3_rules("/soc/serial@7e215040", "/soc/serial@7e201000", NULL);
	assert_int_equal(m.console.rule, MACHINE_RULE_STDOUT_PATH);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_BCM2835_AUX);
	assert_int_equal(m.console.passed.rule, MACHINE_RULE_NONE);
	free(fdt);
	fdt = rpi3_rules("/framebuffer@3e000000", "/framebuffer@3e000000", NULL);
	/* serial0 no better: the stdout-path's kept, for the report to say why. */
	assert_int_equal(m.console.rule, MACHINE_RULE_STDOUT_PATH);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_UNSUPPORTED);
	free(fdt);
	/* No stdout-path: serial0, nothing passed over. */
	fdt = rpi3_rules(NULL, "/soc/serial@7e201000", NULL);
	assert_int_equal(m.console.rule, MACHINE_RULE_SERIAL0);
	assert_int_equal(m.console.phys_base, 0x3f201000);
	assert_int_equal(m.console.passed.rule, MACHINE_RULE_NONE);
	free(fdt);
	/* No stdout-path, serial0 a framebuffer: serial0's, unusable, named. */
	fdt = rpi3_rules(NULL, "/framebuffer@3e000000", NULL);
	assert_int_equal(m.console.rule, MACHINE_RULE_SERIAL0);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_UNSUPPORTED);
	free(fdt);
	/* Neither: no rule. */
	fdt = rpi3_rules(NULL, NULL, NULL);
	assert_int_equal(m.console.rule, MACHINE_RULE_NONE);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_NONE);
	free(fdt);
	/* A malformed stdout-path (no NUL in its value): named malformed, not
	 * absent; linux,stdout-path is not read then (Linux's order); serial0. */
	fdt = rpi3_rules(NULL, "/soc/serial@7e201000", NULL);
	chosen = fdt_path_offset(fdt, "/chosen");
	assert_int_equal(fdt_setprop(fdt, chosen, "stdout-path", "serial1", 7), 0);
	assert_int_equal(fdt_setprop_string(fdt, chosen, "linux,stdout-path", "serial1"), 0);
	size = fdt_totalsize(fdt);
	machine_read(fdt, size, &m);
	assert_int_equal(m.console.rule, MACHINE_RULE_SERIAL0);
	assert_int_equal(m.console.passed.rule, MACHINE_RULE_STDOUT_PATH);
	assert_int_equal(m.console.passed.why, MACHINE_WHY_MALFORMED);
	assert_null(m.console.passed.value);
	free(fdt);
	/* linux,stdout-path alone: its rule. */
	fdt = rpi3_rules(NULL, NULL, NULL);
	chosen = fdt_path_offset(fdt, "/chosen");
	assert_int_equal(fdt_setprop_string(fdt, chosen, "linux,stdout-path", "serial1"), 0);
	machine_read(fdt, fdt_totalsize(fdt), &m);
	assert_int_equal(m.console.rule, MACHINE_RULE_LINUX_STDOUT_PATH);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_BCM2835_AUX);
	free(fdt);
	assert_string_equal(machine_console_rule_name(MACHINE_RULE_SERIAL0), "/aliases/serial0");
	assert_string_equal(machine_console_why_text(MACHINE_WHY_DISABLED), "is disabled (status)");
}

static void test_console_absent(void **state)
{
	(void)state;
	expect_err(read_named("machine-wrap"), MACHINE_ERR_WRAPS);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_NONE);
	assert_null(m.console.stdout_path);
	assert_int_equal(m.console.problem.err, MACHINE_OK);
	assert_false(m.chosen.has_chosen);
}

static void test_linux_stdout_path_cadence(void **state)
{
	(void)state;
	expect_err(read_named("machine-cells1"), MACHINE_OK);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_CADENCE);
	assert_string_equal(m.console.compatible, "xlnx,xuartps");
	assert_int_equal(m.console.phys_base, 0xff000000);
}

/* machine-virt's console node given the compatible list (NUL-separated,
 * len bytes with the last NUL) and a reg-shift (or none: -1), read. The
 * strings read point into the copy: kept until the next call. */
static void read_virt_console_as(const char *list, int len, int reg_shift)
{
	static void *fdt;
	size_t size;
	int node;

	free(fdt);
	fdt = copy_of("machine-virt", &size);
	node = fdt_path_offset(fdt, "/pl011@9000000");
	assert_true(node >= 0);
	assert_int_equal(fdt_setprop(fdt, node, "compatible", list, len), 0);
	if (reg_shift >= 0)
		assert_int_equal(fdt_setprop_u32(fdt, node, "reg-shift", (uint32_t)reg_shift), 0);
	machine_read(fdt, size, &m);
	expect_err(m.console.problem.err, MACHINE_OK);
}

#define LIST(s) s, (int)sizeof(s)

/* The first entry with a driver wins, and brings its layout
 * (lib/uart/compat.c): the SBSA UART listed before the PL011 is an SBSA
 * UART, after it a PL011; Tegra's 16550 takes the DT's reg-shift, TI
 * K3's has stride 4 whatever the DT says; the i.MX LPUART by its second
 * entry; a big-endian LPUART stays unsupported, named by its first. */
static void test_console_compatible_order_and_layouts(void **state)
{
	(void)state;
	read_virt_console_as(LIST("arm,sbsa-uart\0arm,pl011"), -1);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_SBSA);
	assert_string_equal(m.console.compatible, "arm,sbsa-uart");
	assert_int_equal(m.console.io_width, 4);
	read_virt_console_as(LIST("arm,pl011\0arm,sbsa-uart"), -1);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_PL011);

	read_virt_console_as(LIST("nvidia,tegra210-uart\0nvidia,tegra20-uart"), 2);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_NS16550);
	assert_string_equal(m.console.compatible, "nvidia,tegra20-uart");
	assert_int_equal(m.console.reg_shift, 2);
	assert_int_equal(m.console.io_width, 1);

	read_virt_console_as(LIST("ti,j721e-uart\0ti,am654-uart"), 0);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_AM654);
	assert_int_equal(m.console.reg_shift, 2);
	assert_int_equal(m.console.io_width, 1);

	read_virt_console_as(LIST("fsl,imx8qm-lpuart\0fsl,imx8qxp-lpuart"), -1);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_LPUART32_IMX);
	assert_string_equal(m.console.compatible, "fsl,imx8qxp-lpuart");
	assert_int_equal(m.console.phys_base, 0x09000000);   /* reg, not reg + 0x10 */

	read_virt_console_as(LIST("renesas,scif-r8a774a1\0renesas,rcar-gen3-scif\0renesas,scif"),
			     -1);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_SCIF);
	assert_string_equal(m.console.compatible, "renesas,rcar-gen3-scif");
	assert_int_equal(m.console.io_width, 2);

	read_virt_console_as(LIST("fsl,ls1021a-lpuart"), -1);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_UNSUPPORTED);
	assert_string_equal(m.console.compatible, "fsl,ls1021a-lpuart");
	assert_int_equal(m.console.io_width, 0);
}

/* Every kind has its own name (reports, the corpus test). */
static void test_console_kind_names(void **state)
{
	const char *names[MACHINE_CONSOLE_SCIF + 1];

	(void)state;
	for (int k = 0; k <= MACHINE_CONSOLE_SCIF; k++) {
		names[k] = machine_console_kind_name((enum machine_console_kind)k);
		assert_string_not_equal(names[k], "?");
		for (int j = 0; j < k; j++)
			assert_string_not_equal(names[j], names[k]);
	}
	assert_string_equal(machine_console_kind_name(MACHINE_CONSOLE_MSM_UARTDM), "msm-uartdm");
	assert_string_equal(machine_console_kind_name(MACHINE_CONSOLE_LPUART32_IMX),
			    "lpuart32-imx");
	assert_string_equal(machine_console_kind_name((enum machine_console_kind)99), "?");
}

static void test_missing_ranges_refused(void **state)
{
	(void)state;
	expect_err(read_named("machine-no-ranges"), MACHINE_ERR_NO_RANGES);
	assert_int_equal(m.console.problem.err, MACHINE_ERR_NO_RANGES);
	assert_string_equal(m.console.problem.node, "bus");
	assert_int_equal(m.console.problem.value, 0x1000);
	assert_false(m.console.translated);
	/* The driver is still known: the caller can say what it cannot use. */
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_NS16550);
	assert_string_equal(m.console.path, "/bus/serial@1000");
}

static void test_nested_buses(void **state)
{
	size_t size;
	void *fdt;
	int chosen;

	(void)state;
	expect_err(read_named("machine-nested"), MACHINE_OK);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_NS16550);
	assert_string_equal(m.console.compatible, "ns16550");
	assert_int_equal(m.console.phys_base, 0xf0008100);
	assert_int_equal(m.console.reg_shift, 0);
	assert_int_equal(m.console.io_width, 1);

	fdt = copy_of("machine-nested", &size);
	chosen = fdt_path_offset(fdt, "/chosen");
	assert_int_equal(fdt_setprop_string(fdt, chosen, "stdout-path", "outside"), 0);
	expect_err(machine_read(fdt, size, &m), MACHINE_ERR_NOT_IN_RANGES);
	assert_string_equal(m.console.problem.node, "bus@8000");
	assert_int_equal(m.console.problem.value, 0x2000);
	free(fdt);

	/* An empty ranges hands its parent's #address-cells up as the
	 * address's: a bad one is refused there, where the next ranges would
	 * be read with it (4 * cells wrapping: entries of 0 or 4 bytes, reads
	 * far past the property). */
	for (uint32_t cells = 0x3ffffffd; cells <= 0x3ffffffe; cells++) {
		fdt = copy_of("machine-nested", &size);
		assert_int_equal(fdt_setprop(fdt, fdt_path_offset(fdt, "/bus@f0000000/bus@8000"),
					     "ranges", NULL, 0), 0);
		assert_int_equal(fdt_setprop_u32(fdt, fdt_path_offset(fdt, "/bus@f0000000"),
						 "#address-cells", cells), 0);
		expect_err(machine_read(fdt, size, &m), MACHINE_ERR_BAD_CELLS);
		assert_string_equal(m.console.problem.node, "bus@f0000000");
		assert_string_equal(m.console.problem.prop, "#address-cells");
		assert_int_equal(m.console.problem.value, cells);
		free(fdt);
	}
}

static void test_ns16550_shift_and_width(void **state)
{
	size_t size;
	void *fdt;
	int node;

	(void)state;
	expect_err(read_named("machine-banks"), MACHINE_OK);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_NS16550);
	assert_string_equal(m.console.compatible, "snps,dw-apb-uart");
	assert_string_equal(m.console.stdout_path, "serial0:115200n8");
	assert_string_equal(m.console.options, "115200n8");
	assert_string_equal(m.console.path, "/soc/serial@fe001000");
	assert_int_equal(m.console.phys_base, 0xfe001000);
	assert_int_equal(m.console.reg_shift, 2);
	assert_int_equal(m.console.io_width, 4);

	fdt = copy_of("machine-banks", &size);
	node = fdt_path_offset(fdt, "/soc/serial@fe001000");
	assert_int_equal(fdt_setprop_u32(fdt, node, "reg-io-width", 3), 0);
	expect_err(machine_read(fdt, size, &m), MACHINE_ERR_BAD_PROPERTY);
	assert_string_equal(m.console.problem.prop, "reg-io-width");
	assert_int_equal(m.console.problem.value, 3);
	free(fdt);
}

static void test_unsupported_console_named(void **state)
{
	(void)state;
	expect_err(read_named("machine-clusters"), MACHINE_ERR_PSCI_METHOD);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_UNSUPPORTED);
	assert_string_equal(m.console.compatible, "vendor,foo-uart");
	assert_string_equal(m.console.options, "9600");
	assert_string_equal(m.console.status, "disabled");
	assert_false(m.console.available);
	/* Still translated, so the caller can print where it is. */
	assert_true(m.console.translated);
	assert_int_equal(m.console.phys_base, 0x12000000);
	assert_string_equal(machine_console_kind_name(m.console.kind), "unsupported");
}

/* machine-clocks with stdout-path set to path: re-read. */
static void *clocks_with_stdout(const char *path, size_t *size)
{
	void *fdt = copy_of("machine-clocks", size);
	int chosen = fdt_path_offset(fdt, "/chosen");

	assert_int_equal(fdt_setprop_string(fdt, chosen, "stdout-path", path), 0);
	machine_read(fdt, *size, &m);
	return fdt;
}

static void test_console_clock(void **state)
{
	size_t size;
	void *fdt;

	(void)state;
	/* Through `clocks` to a fixed-clock. */
	expect_err(read_named("machine-clocks"), MACHINE_OK);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_PL011);
	assert_int_equal(m.console.clock_hz, 24000000);
	/* The node's own clock-frequency wins over its `clocks`. */
	fdt = clocks_with_stdout("/serial@9100000", &size);
	expect_err(m.console.problem.err, MACHINE_OK);
	assert_int_equal(m.console.clock_hz, 1843200);
	free(fdt);
	/* A clock controller's output: unknown, and not a problem. */
	fdt = clocks_with_stdout("/serial@ff000000", &size);
	expect_err(m.console.problem.err, MACHINE_OK);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_CADENCE);
	assert_int_equal(m.console.clock_hz, 0);
	free(fdt);
	/* Malformed: named, unknown, the console still read. */
	fdt = clocks_with_stdout("/serial@9200000", &size);
	expect_err(m.console.problem.err, MACHINE_ERR_BAD_PROPERTY);
	assert_string_equal(m.console.problem.prop, "clock-frequency");
	assert_int_equal(m.console.problem.value, 2);
	assert_int_equal(m.console.clock_hz, 0);
	assert_true(m.console.translated);
	assert_int_equal(m.console.phys_base, 0x9200000);
	free(fdt);
	/* Neither property: unknown. */
	expect_err(read_named("machine-cells1"), MACHINE_OK);
	assert_int_equal(m.console.clock_hz, 0);
}

/* ---- CPUs and PSCI ---- */

static void test_two_clusters(void **state)
{
	(void)state;
	expect_err(read_named("machine-clusters"), MACHINE_ERR_PSCI_METHOD);
	assert_int_equal(m.cpus.address_cells, 2);
	assert_int_equal(m.cpus.n_cpus, 16);
	assert_int_equal(m.cpus.n_dropped, 0);
	assert_int_equal(m.cpus.problem.err, MACHINE_OK);
	for (int i = 0; i < 15; i++) {
		uint64_t mp = m.cpus.cpu[i].mpidr;

		assert_int_equal(MACHINE_MPIDR_AFF1(mp), i / 8);
		assert_int_equal(MACHINE_MPIDR_AFF0(mp), i % 8);
		assert_int_equal(m.cpus.cpu[i].enable, MACHINE_CPU_ENABLE_PSCI);
	}
	assert_int_equal(m.cpus.cpu[15].mpidr, 0x100020107ULL);
	assert_int_equal(MACHINE_MPIDR_AFF3(m.cpus.cpu[15].mpidr), 1);
	assert_int_equal(MACHINE_MPIDR_AFF2(m.cpus.cpu[15].mpidr), 2);
	assert_int_equal(MACHINE_MPIDR_AFF1(m.cpus.cpu[15].mpidr), 1);
	assert_int_equal(MACHINE_MPIDR_AFF0(m.cpus.cpu[15].mpidr), 7);
	assert_string_equal(m.cpus.cpu[15].node, "cpu@100020107");

	assert_int_equal(m.cpus.n_disabled, 2);
	assert_int_equal(m.cpus.n_failed, 1);
	assert_false(m.cpus.cpu[5].available);
	assert_string_equal(m.cpus.cpu[5].status, "disabled");
	assert_false(m.cpus.cpu[5].failed);
	assert_false(m.cpus.cpu[10].available);
	assert_true(m.cpus.cpu[10].failed);

	/* PSCI without a method: named, no conduit. */
	assert_true(m.psci.present);
	assert_int_equal(m.psci.conduit, PSCI_CONDUIT_NONE);
	assert_int_equal(m.psci.problem.err, MACHINE_ERR_PSCI_METHOD);
	assert_string_equal(m.psci.problem.node, "psci");
}

static void test_spin_table_release_addrs(void **state)
{
	(void)state;
	expect_err(read_named("machine-cells1"), MACHINE_OK);
	assert_int_equal(m.cpus.n_cpus, 2);
	assert_int_equal(m.cpus.cpu[0].enable, MACHINE_CPU_ENABLE_SPIN_TABLE);
	assert_string_equal(machine_cpu_enable_name(m.cpus.cpu[0].enable), "spin-table");
	assert_true(m.cpus.cpu[0].has_release_addr);
	assert_int_equal(m.cpus.cpu[0].phys_release_addr, 0xfff0);
	assert_int_equal(m.cpus.cpu[1].phys_release_addr, 0xfff8);
	assert_false(m.psci.present);
}

static void test_spin_table_without_release_addr(void **state)
{
	size_t size;
	void *fdt = copy_of("machine-rpi3", &size);
	int node = fdt_path_offset(fdt, "/cpus/cpu@2");

	(void)state;
	assert_int_equal(fdt_delprop(fdt, node, "cpu-release-addr"), 0);
	node = fdt_path_offset(fdt, "/cpus/cpu@3");
	assert_int_equal(fdt_setprop_string(fdt, node, "enable-method", "brcm,bcm2836-smp"), 0);
	expect_err(machine_read(fdt, size, &m), MACHINE_ERR_BAD_PROPERTY);
	assert_string_equal(m.cpus.problem.node, "cpu@2");
	assert_string_equal(m.cpus.problem.prop, "cpu-release-addr");
	assert_false(m.cpus.cpu[2].has_release_addr);
	assert_int_equal(m.cpus.cpu[3].enable, MACHINE_CPU_ENABLE_OTHER);
	assert_string_equal(m.cpus.cpu[3].enable_method, "brcm,bcm2836-smp");
	free(fdt);
}

static void test_too_many_cpus_named(void **state)
{
	(void)state;
	expect_err(read_named("machine-many"), MACHINE_ERR_TOO_MANY_BANKS);
	assert_int_equal(m.cpus.n_cpus, MACHINE_MAX_CPUS);
	assert_int_equal(m.cpus.n_dropped, 2);
	assert_int_equal(m.cpus.problem.err, MACHINE_ERR_TOO_MANY_CPUS);
	assert_int_equal(m.cpus.problem.value, 2);
	assert_int_equal(m.cpus.cpu[MACHINE_MAX_CPUS - 1].mpidr, MACHINE_MAX_CPUS - 1);
}

static void test_psci_smc(void **state)
{
	(void)state;
	expect_err(read_named("machine-banks"), MACHINE_OK);
	assert_string_equal(m.psci.compatible, "arm,psci-0.2");
	assert_int_equal(m.psci.conduit, PSCI_CONDUIT_SMC);
	assert_string_equal(m.psci.method, "smc");
}

/* Linux psci_dt_init: the first node in document order compatible with
 * any version, at the version its list names first, even disabled. */
static void test_psci_first_node(void **state)
{
	static const char list[] = "arm,psci\0arm,psci-1.0";
	size_t size;
	void *fdt = copy_of("machine-virt", &size);
	int node;

	(void)state;
	node = fdt_add_subnode(fdt, 0, "firmware-psci");     /* before /psci */
	assert_true(node >= 0);
	assert_int_equal(fdt_setprop_string(fdt, node, "compatible", "arm,psci-0.2"), 0);
	assert_int_equal(fdt_setprop_string(fdt, node, "method", "smc"), 0);
	expect_err(machine_read(fdt, size, &m), MACHINE_OK);
	assert_string_equal(m.psci.node, "firmware-psci");
	assert_string_equal(m.psci.compatible, "arm,psci-0.2");
	assert_int_equal(m.psci.conduit, PSCI_CONDUIT_SMC);
	assert_int_equal(fdt_setprop(fdt, node, "compatible", list, sizeof(list)), 0);
	expect_err(machine_read(fdt, size, &m), MACHINE_OK);
	assert_string_equal(m.psci.compatible, "arm,psci");
	assert_int_equal(fdt_setprop_string(fdt, node, "status", "disabled"), 0);
	expect_err(machine_read(fdt, size, &m), MACHINE_OK);
	assert_true(m.psci.present);
	assert_false(m.psci.available);
	assert_string_equal(m.psci.node, "firmware-psci");
	assert_int_equal(m.psci.conduit, PSCI_CONDUIT_NONE);   /* not /psci's hvc */
	free(fdt);
}

/* A stringlist's strings end in a NUL inside the value (DT spec): a last
 * one without it matches nothing, where libfdt's fdt_stringlist_contains
 * would compare it with the byte after the value. */
static void test_stringlists_strict(void **state)
{
	size_t size;
	void *fdt = copy_of("machine-banks", &size);
	int psci = fdt_path_offset(fdt, "/psci");

	(void)state;
	assert_true(psci >= 0);
	assert_int_equal(fdt_setprop(fdt, psci, "compatible", "arm,psci-0.2", 12), 0);
	machine_read(fdt, size, &m);
	assert_false(m.psci.present);
	assert_int_equal(m.psci.conduit, PSCI_CONDUIT_NONE);
	assert_int_equal(fdt_setprop(fdt, psci, "compatible", "arm,psci-0.2", 13), 0);
	machine_read(fdt, size, &m);
	assert_true(m.psci.present);
	assert_int_equal(m.psci.conduit, PSCI_CONDUIT_SMC);
	/* The root's list: its first string whole, its last without a NUL. */
	assert_int_equal(fdt_setprop(fdt, 0, "compatible", "vendor,board\0vendor,soc", 23), 0);
	machine_read(fdt, size, &m);
	assert_true(machine_is_compatible(&m, "vendor,board"));
	assert_false(machine_is_compatible(&m, "vendor,soc"));
	free(fdt);
}

/* ---- /chosen ---- */

static void test_initrd_two_cells(void **state)
{
	(void)state;
	expect_err(read_named("machine-banks"), MACHINE_OK);
	assert_true(m.chosen.has_initrd);
	assert_int_equal(m.chosen.phys_initrd_start, 0x4a000000);
	assert_int_equal(m.chosen.phys_initrd_end, 0x4a800000);
	assert_null(m.chosen.bootargs);
}

static void test_bad_chosen(void **state)
{
	size_t size;
	void *fdt = copy_of("machine-virt", &size);
	int chosen = fdt_path_offset(fdt, "/chosen");

	(void)state;
	assert_int_equal(fdt_setprop_u32(fdt, chosen, "linux,initrd-end", 0x47000000), 0);
	expect_err(machine_read(fdt, size, &m), MACHINE_ERR_BAD_INITRD);
	assert_false(m.chosen.has_initrd);
	/* Not a NUL-terminated string: no bootargs, and named. */
	assert_int_equal(fdt_setprop(fdt, chosen, "bootargs", "abcd", 4), 0);
	assert_int_equal(fdt_setprop_u32(fdt, chosen, "linux,initrd-end", 0x49000000), 0);
	expect_err(machine_read(fdt, size, &m), MACHINE_ERR_BAD_PROPERTY);
	assert_null(m.chosen.bootargs);
	assert_string_equal(m.chosen.problem.prop, "bootargs");
	/* A 3-byte initrd-start: wrong length, named. */
	assert_int_equal(fdt_setprop_string(fdt, chosen, "bootargs", "ok"), 0);
	assert_int_equal(fdt_setprop(fdt, chosen, "linux,initrd-start", "abc", 3), 0);
	expect_err(machine_read(fdt, size, &m), MACHINE_ERR_BAD_PROPERTY);
	assert_string_equal(m.chosen.problem.prop, "linux,initrd-start");
	assert_int_equal(m.chosen.problem.value, 3);
	free(fdt);
}

/* The strings handed back point into the blob (no copies, no statics):
 * they live exactly as long as the DTB. */
static void test_strings_point_into_blob(void **state)
{
	size_t size;
	const char *fdt = dtb("machine-rpi3", &size);

	(void)state;
	expect_err(machine_read(fdt, size, &m), MACHINE_OK);
	assert_true(m.console.stdout_path >= fdt && m.console.stdout_path < fdt + size);
	assert_true(m.chosen.bootargs >= fdt && m.chosen.bootargs < fdt + size);
	assert_true(m.reserved.rsv[1].name >= fdt && m.reserved.rsv[1].name < fdt + size);
	assert_true(m.cpus.cpu[0].node >= fdt && m.cpus.cpu[0].node < fdt + size);
}


/* ---- the one walk --------------------------------------------------------- */

/* The word at off in fdt's structure block. */
static uint32_t *struct_word(void *fdt, uint32_t off)
{
	return (uint32_t *)((char *)fdt + fdt_off_dt_struct(fdt) + off);
}

static void test_walk_refusals(void **state)
{
	size_t size;
	struct fdt_header *h;
	int node, len;
	struct fdt_property *prop;

	(void)state;
	/* A root with a name. */
	h = copy_of("machine-virt", &size);
	assert_int_equal(fdt_set_name(h, 0, "root"), 0);
	expect_err(machine_read(h, size, &m), MACHINE_ERR_BAD_STRUCTURE);
	assert_int_equal(m.valid.value, FDT_ERR_BADSTRUCTURE);
	free(h);
	/* A property name past the strings block, then one unterminated. */
	h = copy_of("machine-virt", &size);
	node = fdt_path_offset(h, "/memory@40000000");
	prop = (struct fdt_property *)fdt_get_property(h, node, "reg", &len);
	assert_non_null(prop);
	prop->nameoff = cpu_to_fdt32(fdt_size_dt_strings(h) + 4);
	expect_err(machine_read(h, size, &m), MACHINE_ERR_BAD_STRUCTURE);
	assert_int_equal(m.valid.value, FDT_ERR_BADOFFSET);
	prop->nameoff = cpu_to_fdt32(fdt_size_dt_strings(h) - 1);
	((char *)h)[fdt_off_dt_strings(h) + fdt_size_dt_strings(h) - 1] = 'x';
	expect_err(machine_read(h, size, &m), MACHINE_ERR_BAD_STRUCTURE);
	assert_int_equal(m.valid.value, FDT_ERR_TRUNCATED);
	free(h);
	/* Anything but FDT_END after the root: here a NOP. */
	h = copy_of("machine-virt", &size);
	*struct_word(h, fdt_size_dt_struct(h) - 4) = cpu_to_fdt32(FDT_NOP);
	expect_err(machine_read(h, size, &m), MACHINE_ERR_BAD_STRUCTURE);
	free(h);
	/* A structure block 2 bytes off a word: its tags cannot be read as words. */
	h = copy_of("machine-virt", &size);
	len = (int)((fdt_off_dt_strings(h) + fdt_size_dt_strings(h) + 7) & ~7u) + 2;
	assert_true((size_t)len + fdt_size_dt_struct(h) <= size);
	memmove((char *)h + len, (char *)h + fdt_off_dt_struct(h), fdt_size_dt_struct(h));
	h->off_dt_struct = cpu_to_fdt32((uint32_t)len);
	expect_err(machine_read(h, size, &m), MACHINE_ERR_BAD_HEADER);
	assert_int_equal(m.valid.value, FDT_ERR_ALIGNMENT);
	free(h);
	/* Version 16 (no size_dt_struct used) reads; below 16 is refused. */
	h = copy_of("machine-virt", &size);
	h->version = cpu_to_fdt32(16);
	expect_err(machine_read(h, size, &m), MACHINE_OK);
	assert_int_equal(m.memory.n_banks, 1);
	h->version = cpu_to_fdt32(15);
	h->last_comp_version = cpu_to_fdt32(2);
	expect_err(machine_read(h, size, &m), MACHINE_ERR_BAD_VERSION);
	free(h);
}

/* A tree written with libfdt's sequential writer, in any order: here a
 * root whose properties come before and after its first subnode, and a
 * repeated property. */
static void *written_tree(bool nop_first, size_t *size)
{
	size_t room = 4096;
	void *buf = aligned_alloc(8, room);
	const fdt32_t two = cpu_to_fdt32(2), one = cpu_to_fdt32(1);
	const fdt32_t reg[4] = { 0, cpu_to_fdt32(0x40000000), 0, cpu_to_fdt32(0x1000000) };

	assert_non_null(buf);
	assert_int_equal(fdt_create(buf, (int)room), 0);
	assert_int_equal(fdt_finish_reservemap(buf), 0);
	if (nop_first)
		assert_int_equal(fdt_property(buf, "x", NULL, 0), 0);   /* made a NOP below */
	assert_int_equal(fdt_begin_node(buf, ""), 0);
	assert_int_equal(fdt_property(buf, "#address-cells", &two, 4), 0);
	assert_int_equal(fdt_property(buf, "#size-cells", &two, 4), 0);
	assert_int_equal(fdt_property(buf, "#size-cells", &one, 4), 0);   /* not the first */
	assert_int_equal(fdt_begin_node(buf, "memory@40000000"), 0);
	assert_int_equal(fdt_property_string(buf, "device_type", "memory"), 0);
	assert_int_equal(fdt_property(buf, "reg", reg, sizeof(reg)), 0);
	assert_int_equal(fdt_end_node(buf), 0);
	assert_int_equal(fdt_property_string(buf, "model", "after a subnode"), 0);
	assert_int_equal(fdt_end_node(buf), 0);
	assert_int_equal(fdt_finish(buf), 0);
	/* The property before the root (tag, length, name: three words),
	 * NOPs: the root is then at offset 12. */
	for (uint32_t off = 0; nop_first && off < 12; off += 4)
		*struct_word(buf, off) = cpu_to_fdt32(FDT_NOP);
	*size = room;
	return buf;
}

static void test_libfdt_property_rules(void **state)
{
	size_t size;
	void *fdt = written_tree(false, &size);

	(void)state;
	expect_err(machine_read(fdt, size, &m), MACHINE_ERR_NO_CPUS);
	/* The first #size-cells (2) counts; model, after the subnode, is not
	 * the root's (libfdt stops at the first subnode). */
	assert_int_equal(m.memory.size_cells, 2);
	expect_bank(0, 0x40000000, 0x1000000, "memory@40000000");
	assert_null(m.model);
	free(fdt);
	/* The root not at offset 0 (a NOP before it): libfdt's paths start at
	 * offset 0, so no root: no memory node, the cells are the defaults. */
	fdt = written_tree(true, &size);
	expect_err(machine_read(fdt, size, &m), MACHINE_ERR_NO_MEMORY);
	assert_false(m.tree.root_at_zero);
	assert_int_equal(m.memory.address_cells, 2);
	assert_int_equal(m.memory.size_cells, 1);
	free(fdt);
}

static void test_node_index(void **state)
{
	const struct dt_tree *t = &m.tree;
	char path[32];
	int cpu1, serial0;

	(void)state;
	expect_err(read_named("machine-virt"), MACHINE_OK);
	assert_true(t->root_at_zero);
	assert_int_equal(t->n_nodes, 8);      /* /, psci, memory, pl011, cpus, 2 cpu, chosen */
	assert_int_equal(t->n_dropped, 0);
	cpu1 = dt_path_namelen(t, "/cpus/cpu@1", 11);
	assert_int_not_equal(cpu1, DT_NONE);
	assert_string_equal(dt_name(t, cpu1), "cpu@1");
	assert_string_equal(dt_name(t, dt_parent(t, cpu1)), "cpus");
	/* Without a unit address a component names the first node of that name. */
	assert_string_equal(dt_name(t, dt_path_namelen(t, "/cpus/cpu", 9)), "cpu@0");
	assert_int_equal(dt_path_namelen(t, "/cpus/cpu@2", 11), DT_NONE);
	assert_int_equal(dt_path_namelen(t, "/", 1), 0);
	assert_true(dt_get_path(t, cpu1, path, sizeof(path)));
	assert_string_equal(path, "/cpus/cpu@1");
	assert_false(dt_get_path(t, cpu1, path, 11));  /* "/cpus/cpu@1/" does not fit */
	assert_string_equal(path, "");
	assert_true(dt_get_path(t, 0, path, 2));
	assert_string_equal(path, "/");
	assert_int_equal(dt_node_cells(t, dt_parent(t, cpu1), "#address-cells", 2), 1);
	assert_null(dt_node_prop(t, cpu1, "no-such-property").val);
	/* An alias, and a path from it on; a phandle. */
	expect_err(read_named("machine-rpi3"), MACHINE_OK);
	serial0 = dt_path_namelen(t, "serial0", 7);
	assert_string_equal(dt_name(t, serial0), "serial@7e201000");
	assert_int_equal(dt_path_namelen(t, "serial0/", 8), serial0);
	assert_int_equal(dt_path_namelen(t, "nothing", 7), DT_NONE);
	expect_err(read_named("machine-clocks"), MACHINE_OK);
	assert_int_equal(dt_by_phandle(t, 0), DT_NONE);
	assert_int_equal(dt_by_phandle(t, ~0u), DT_NONE);
}

/* More nodes than the index holds, the console the last of them. */
static void test_index_overflow(void **state)
{
	size_t room = (DT_MAX_NODES + 64) * 32 + 4096;
	void *fdt = aligned_alloc(8, room);
	char name[16];

	(void)state;
	assert_non_null(fdt);
	assert_int_equal(fdt_create(fdt, (int)room), 0);
	assert_int_equal(fdt_finish_reservemap(fdt), 0);
	assert_int_equal(fdt_begin_node(fdt, ""), 0);
	assert_int_equal(fdt_begin_node(fdt, "chosen"), 0);
	assert_int_equal(fdt_property_string(fdt, "stdout-path", "/n2060"), 0);
	assert_int_equal(fdt_end_node(fdt), 0);
	for (int i = 0; i < DT_MAX_NODES + 20; i++) {
		snprintf(name, sizeof(name), "n%d", i);
		assert_int_equal(fdt_begin_node(fdt, name), 0);
		assert_int_equal(fdt_end_node(fdt), 0);
	}
	assert_int_equal(fdt_end_node(fdt), 0);
	assert_int_equal(fdt_finish(fdt), 0);
	expect_err(machine_read(fdt, room, &m), MACHINE_ERR_NO_MEMORY);
	assert_int_equal(m.tree.n_nodes, DT_MAX_NODES);
	assert_int_equal(m.tree.n_dropped, 22);   /* the root, chosen and 2068 more */
	expect_err(m.console.problem.err, MACHINE_ERR_CONSOLE_NOT_FOUND);
	assert_int_equal(m.console.problem.value, 22);
	free(fdt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_trees),
		cmocka_unit_test(test_null_and_misaligned),
		cmocka_unit_test(test_bad_magic),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_bad_version_and_header),
		cmocka_unit_test(test_bad_structure),
		cmocka_unit_test(test_strerror_covers_every_code),
		cmocka_unit_test(test_virt),
		cmocka_unit_test(test_two_nodes_a_hole_and_skips),
		cmocka_unit_test(test_cells1),
		cmocka_unit_test(test_bad_cells_named),
		cmocka_unit_test(test_wrap_refused),
		cmocka_unit_test(test_wrap_at_top),
		cmocka_unit_test(test_too_many_banks_named),
		cmocka_unit_test(test_no_memory),
		cmocka_unit_test(test_malformed_named_not_missing),
		cmocka_unit_test(test_memreserve_and_reserved_memory),
		cmocka_unit_test(test_rpi3),
		cmocka_unit_test(test_console_paths),
		cmocka_unit_test(test_console_rules),
		cmocka_unit_test(test_console_absent),
		cmocka_unit_test(test_linux_stdout_path_cadence),
		cmocka_unit_test(test_missing_ranges_refused),
		cmocka_unit_test(test_nested_buses),
		cmocka_unit_test(test_ns16550_shift_and_width),
		cmocka_unit_test(test_unsupported_console_named),
		cmocka_unit_test(test_console_clock),
		cmocka_unit_test(test_two_clusters),
		cmocka_unit_test(test_spin_table_release_addrs),
		cmocka_unit_test(test_spin_table_without_release_addr),
		cmocka_unit_test(test_too_many_cpus_named),
		cmocka_unit_test(test_psci_smc),
		cmocka_unit_test(test_psci_first_node),
		cmocka_unit_test(test_stringlists_strict),
		cmocka_unit_test(test_initrd_two_cells),
		cmocka_unit_test(test_bad_chosen),
		cmocka_unit_test(test_strings_point_into_blob),
		cmocka_unit_test(test_console_compatible_order_and_layouts),
		cmocka_unit_test(test_console_kind_names),
		cmocka_unit_test(test_walk_refusals),
		cmocka_unit_test(test_libfdt_property_rules),
		cmocka_unit_test(test_node_index),
		cmocka_unit_test(test_index_overflow),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, free_blobs);
}
