/*
 * test_early_dtb.c - host unit tests of lib/early_dtb.c, the DTB's console
 * and PSCI conduit as a refusal with the MMU off finds them.
 *
 * Owns: machine-virt (the PL011 at the root, PSCI over hvc) and
 * machine-rpi3 (stdout-path an alias with options, the mini UART behind
 * /soc's ranges: 0x7e215040 -> 0x3f215040, its 8250 layout, no PSCI);
 * the rules lib/machine.c keeps (a framebuffer or a missing node passed
 * over for /aliases/serial0), a console in RAM, a disabled one, an
 * untranslatable one; a memory node's reg before its device_type; a
 * version 16 blob (no size_dt_struct); a blob cut, of a bad magic, misaligned: no console,
 * never a read outside it (ASan), each said why.
 */
#include "unit.h"
#include "dtb_blob.h"
#include <libfdt.h>
#include "early_dtb.h"

static struct blob blobs[] = { { .name = "machine-virt" }, { .name = "machine-rpi3" } };

static int teardown(void **state)
{
	(void)state;
	dtb_blob_free(blobs, ARRAY_LEN(blobs));
	return 0;
}

/* A writable copy with room (free() it). */
static void *copy(const char *name)
{
	size_t len;
	const void *src = dtb_blob_load(blobs, ARRAY_LEN(blobs), name, &len);
	size_t room = ((len + 7) & ~(size_t)7) + 4096;
	void *buf = aligned_alloc(8, room);

	assert_non_null(buf);
	assert_int_equal(fdt_open_into(src, buf, (int)room), 0);
	return buf;
}

static void test_virt(void **state)
{
	struct early_dtb d;
	void *fdt = copy("machine-virt");

	(void)state;
	early_dtb_read(fdt, &d);
	assert_null(d.why);
	assert_int_equal(d.port.kind, MACHINE_CONSOLE_PL011);
	assert_int_equal(d.port.phys_base, 0x9000000);
	assert_int_equal(d.port.base, 0x9000000);
	assert_int_equal(d.conduit, PSCI_CONDUIT_HVC);
	free(fdt);
}

static void test_rpi3_through_ranges(void **state)
{
	struct early_dtb d;
	void *fdt = copy("machine-rpi3");

	(void)state;
	early_dtb_read(fdt, &d);
	assert_null(d.why);
	assert_int_equal(d.port.kind, MACHINE_CONSOLE_BCM2835_AUX);
	assert_int_equal(d.port.phys_base, 0x3f215040);
	assert_int_equal(d.port.reg_shift, 2);
	assert_int_equal(d.port.io_width, 4);
	assert_int_equal(d.conduit, PSCI_CONDUIT_NONE);
	free(fdt);
}

static void set_stdout(void *fdt, const char *path)
{
	int chosen = fdt_path_offset(fdt, "/chosen");

	assert_int_equal(fdt_setprop_string(fdt, chosen, "stdout-path", path), 0);
}

static void test_rules(void **state)
{
	struct early_dtb d;
	void *fdt = copy("machine-rpi3");
	int node;

	(void)state;
	/* A missing node: /aliases/serial0, the PL011 (0x7e201000). */
	set_stdout(fdt, "/soc/nothing@0");
	early_dtb_read(fdt, &d);
	assert_null(d.why);
	assert_int_equal(d.port.kind, MACHINE_CONSOLE_PL011);
	assert_int_equal(d.port.phys_base, 0x3f201000);
	/* The mini UART disabled, serial0's disabled too: none, said why. */
	set_stdout(fdt, "serial1");
	node = fdt_path_offset(fdt, "/soc/serial@7e215040");
	assert_int_equal(fdt_setprop_string(fdt, node, "status", "disabled"), 0);
	node = fdt_path_offset(fdt, "/soc/serial@7e201000");
	assert_int_equal(fdt_setprop_string(fdt, node, "status", "disabled"), 0);
	early_dtb_read(fdt, &d);
	assert_int_equal(d.port.kind, MACHINE_CONSOLE_NONE);
	assert_string_equal(d.why, "the console is disabled (status)");
	free(fdt);
	/* Not a UART the stub drives. */
	fdt = copy("machine-virt");
	node = fdt_path_offset(fdt, "/pl011@9000000");
	assert_int_equal(fdt_setprop_string(fdt, node, "compatible", "simple-framebuffer"), 0);
	early_dtb_read(fdt, &d);
	assert_string_equal(d.why, "the console is not a UART the stub drives");
	/* In RAM. */
	assert_int_equal(fdt_setprop_string(fdt, node, "compatible", "arm,pl011"), 0);
	assert_int_equal(fdt_setprop_u64(fdt, node, "reg", 0x40001000), 0);
	assert_int_equal(fdt_appendprop_u64(fdt, node, "reg", 0x1000), 0);
	early_dtb_read(fdt, &d);
	assert_string_equal(d.why, "the console's reg lies in RAM");
	assert_int_equal(d.conduit, PSCI_CONDUIT_HVC);    /* PSCI still found */
	/* The same with the memory node's reg before its device_type (as
	 * U-Boot's fdt_fixup_memory_banks writes them): still RAM. */
	node = fdt_path_offset(fdt, "/memory@40000000");
	assert_int_equal(fdt_delprop(fdt, node, "device_type"), 0);
	assert_int_equal(fdt_setprop_string(fdt, node, "device_type", "memory"), 0);
	early_dtb_read(fdt, &d);
	assert_string_equal(d.why, "the console's reg lies in RAM");
	free(fdt);
	/* A version 16 blob: no size_dt_struct (the block runs to the end). */
	fdt = copy("machine-virt");
	fdt_set_version(fdt, 16);
	fdt_set_size_dt_struct(fdt, 0);
	early_dtb_read(fdt, &d);
	assert_null(d.why);
	assert_int_equal(d.port.phys_base, 0x9000000);
	free(fdt);
	/* Behind a bus without ranges: untranslatable. */
	fdt = copy("machine-rpi3");
	assert_int_equal(fdt_delprop(fdt, fdt_path_offset(fdt, "/soc"), "ranges"), 0);
	early_dtb_read(fdt, &d);
	assert_string_equal(d.why, "the console's reg has no CPU physical address");
	free(fdt);
}

static void test_bad_blobs(void **state)
{
	struct early_dtb d;
	unsigned char *fdt = copy("machine-virt");
	uint32_t size = fdt_totalsize(fdt);

	(void)state;
	early_dtb_read(NULL, &d);
	assert_string_equal(d.why, "no usable DTB at x0");
	early_dtb_read(fdt + 4, &d);                        /* misaligned */
	assert_string_equal(d.why, "no usable DTB at x0");
	fdt[0] ^= 1;                                        /* bad magic */
	early_dtb_read(fdt, &d);
	assert_string_equal(d.why, "no usable DTB at x0");
	fdt[0] ^= 1;
	/* The structure block cut short: its size says more than there is. */
	fdt_set_size_dt_struct(fdt, fdt_size_dt_struct(fdt) - 64);
	early_dtb_read(fdt, &d);
	assert_string_equal(d.why, "no usable DTB at x0");
	/* Garbage tags: the walk ends, nothing read past the blob. */
	fdt_set_size_dt_struct(fdt, fdt_size_dt_struct(fdt) + 64);
	memset(fdt + fdt_off_dt_struct(fdt) + 40, 0xee, 64);
	early_dtb_read(fdt, &d);
	assert_int_equal(d.port.kind, MACHINE_CONSOLE_NONE);
	assert_true(size > 0);
	free(fdt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_virt),
		cmocka_unit_test(test_rpi3_through_ranges),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_bad_blobs),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, teardown);
}
