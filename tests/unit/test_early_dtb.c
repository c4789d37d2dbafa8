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
 * never a read outside it (ASan), each said why. And the agreement with
 * lib/machine.c (as the corpus test holds it on Debian's DTBs): on every
 * tree of tests/unit/dts, and on edits of them at each rule the two
 * readers kept apart (PSCI's node, status, compatible and method; the
 * console's status, compatible list, reg, reg-shift, reg-io-width, path
 * and its buses' cells; which consoles pass to serial0's; a stdout-path
 * that is no string; /memory's status, linux,usable-memory, reg,
 * device_type and bank count; a stringlist whose last string has no NUL;
 * a bank ending at 2^64; an alias's value without a NUL, an alias named
 * ""; blobs refused whole: a named root, property names outside the
 * strings block, the header's versions and block offsets, /memreserve/
 * unterminated), and on trees written in order with libfdt's sequential
 * writer (a property repeated or after a subnode, nodes 17 and 40 deep,
 * a root left open, a second root, a NOP after or before the root, the
 * console past lib/machine.c's node index), the console lib/machine.c
 * drives (console_verdict DRIVEN) is the one early_dtb_read gives
 * (driver, base, reg-shift, reg-io-width), else none; the PSCI conduit
 * the same. The one difference left of depth: a console deeper than
 * EARLY_DTB_MAX_DEPTH is none here, not serial0's.
 */
#include "unit.h"
#include "dtb_blob.h"
#include <dirent.h>
#include <libfdt.h>
#include "console_choice.h"
#include "early_dtb.h"
#include "machine.h"

static struct blob blobs[] = {
	{ .name = "machine-virt" }, { .name = "machine-rpi3" }, { .name = "machine-banks" },
	{ .name = "machine-nested" },
};

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

static const char *bank_of(uint64_t pa, void *arg)
{
	const struct machine_bank *bank = machine_bank_holding(arg, pa);

	return bank ? bank->node : NULL;
}

static const char *conduit_name(enum psci_conduit c)
{
	return c == PSCI_CONDUIT_HVC ? "hvc" : c == PSCI_CONDUIT_SMC ? "smc" : "none";
}

/* lib/machine.c's console by the DT rules where console_verdict says
 * DRIVEN (no earlycon), else none, and its PSCI conduit: early_dtb_read
 * must give the same; a difference fails naming what and both readings. */
static void agree(const void *fdt, const char *what)
{
	static struct machine m;
	struct uart_port full = { .kind = MACHINE_CONSOLE_NONE };
	struct early_dtb d;
	const char *ram;

	(void)machine_read(fdt, fdt_totalsize(fdt), &m);
	if (console_verdict(&m.console, bank_of, &m, &ram) == CONSOLE_DRIVEN)
		full = (struct uart_port){ .kind = m.console.kind, .phys_base = m.console.phys_base,
					   .reg_shift = m.console.reg_shift,
					   .io_width = m.console.io_width };
	early_dtb_read(fdt, &d);
	if (d.port.kind != full.kind || d.conduit != m.psci.conduit ||
	    (full.kind != MACHINE_CONSOLE_NONE &&
	     (d.port.phys_base != full.phys_base || d.port.reg_shift != full.reg_shift ||
	      d.port.io_width != full.io_width)))
		fail_msg("%s: lib/machine.c drives %s 0x%llx shift=%u width=%u, psci %s; "
			 "lib/early_dtb.c gives %s 0x%llx shift=%u width=%u (%s), psci %s", what,
			 machine_console_kind_name(full.kind), (unsigned long long)full.phys_base,
			 full.reg_shift, full.io_width, conduit_name(m.psci.conduit),
			 machine_console_kind_name(d.port.kind),
			 (unsigned long long)d.port.phys_base, d.port.reg_shift, d.port.io_width,
			 d.why ? d.why : "-", conduit_name(d.conduit));
}

/* Every .dtb unit.mk built from tests/unit/dts/. */
static void test_agrees_on_every_tree(void **state)
{
	const char *dir = getenv("UNIT_DTB_DIR") ? getenv("UNIT_DTB_DIR") : UNIT_DTB_DIR;
	DIR *d = opendir(dir);
	struct dirent *e;
	unsigned n = 0;

	(void)state;
	assert_non_null(d);
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		char path[512];
		void *fdt;
		FILE *f;
		long size;

		if (len < 5 || strcmp(e->d_name + len - 4, ".dtb"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		f = fopen(path, "rb");
		assert_non_null(f);
		assert_int_equal(fseek(f, 0, SEEK_END), 0);
		size = ftell(f);
		rewind(f);
		assert_true(size > 0);
		fdt = aligned_alloc(8, ((size_t)size + 7) & ~(size_t)7);
		assert_non_null(fdt);
		assert_int_equal(fread(fdt, 1, (size_t)size, f), (size_t)size);
		fclose(f);
		agree(fdt, e->d_name);
		free(fdt);
		n++;
	}
	closedir(d);
	assert_true(n >= 11);                /* tests/unit/dts/ has 11 trees */
}

static void set_raw(void *fdt, const char *path, const char *name, const void *val, int len)
{
	int node = fdt_path_offset(fdt, path);

	assert_true(node >= 0);
	assert_int_equal(fdt_setprop(fdt, node, name, val, len), 0);
}

static void set_str(void *fdt, const char *path, const char *name, const char *val)
{
	set_raw(fdt, path, name, val, (int)strlen(val) + 1);
}

static void set_cells(void *fdt, const char *path, const char *name, const uint32_t *c, int n)
{
	fdt32_t v[4 * 40];

	assert_true(n <= 4 * 40);
	for (int i = 0; i < n; i++)
		v[i] = cpu_to_fdt32(c[i]);
	set_raw(fdt, path, name, v, 4 * n);
}

/* PSCI: Linux psci_dt_init takes the first node (document order) of any
 * of its compatibles in the list, not when it is disabled, with method
 * exactly "smc" or "hvc". */
static void test_agrees_on_psci(void **state)
{
	static const char second[] = "vendor,psci\0arm,psci-1.0";
	void *fdt = copy("machine-virt");
	int node;

	(void)state;
	set_str(fdt, "/psci", "status", "disabled");
	agree(fdt, "virt, /psci disabled");
	set_str(fdt, "/psci", "status", "okay");
	set_raw(fdt, "/psci", "compatible", second, sizeof(second));
	agree(fdt, "virt, arm,psci-1.0 second in /psci's compatible");
	set_str(fdt, "/psci", "compatible", "arm,psci-2.0");
	agree(fdt, "virt, /psci compatible arm,psci-2.0 (no such version)");
	set_str(fdt, "/psci", "compatible", "arm,psci-1.0");
	set_str(fdt, "/psci", "method", "hvcx");
	agree(fdt, "virt, /psci method hvcx");
	set_str(fdt, "/psci", "method", "hvc");
	/* A second PSCI node before it: the first in document order. */
	node = fdt_add_subnode(fdt, 0, "firmware-psci");
	assert_true(node >= 0);
	set_str(fdt, "/firmware-psci", "compatible", "arm,psci-0.2");
	set_str(fdt, "/firmware-psci", "method", "smc");
	agree(fdt, "virt, PSCI 0.2 over smc before PSCI 1.0 over hvc");
	set_str(fdt, "/firmware-psci", "status", "disabled");
	agree(fdt, "virt, a disabled PSCI node before an available one");
	free(fdt);
}

/* The console node: its status, reg, reg-shift and reg-io-width. */
static void test_agrees_on_console(void **state)
{
	static const uint32_t addr_only[] = { 0x0, 0x09000000 }, two[] = { 0, 2 };
	static const uint32_t width3 = 3, shift2 = 2;
	void *fdt = copy("machine-virt");

	(void)state;
	set_str(fdt, "/pl011@9000000", "status", "okx");
	agree(fdt, "virt, console status okx");
	set_str(fdt, "/pl011@9000000", "status", "ok");
	agree(fdt, "virt, console status ok");
	set_cells(fdt, "/pl011@9000000", "reg", addr_only, 2);
	agree(fdt, "virt, console reg without its size");
	free(fdt);
	/* A bus's bad #address-cells handed up by an empty ranges below it. */
	for (uint32_t cells = 0x3ffffffd; cells <= 0x3ffffffe; cells++) {
		fdt = copy("machine-nested");
		set_raw(fdt, "/bus@f0000000/bus@8000", "ranges", NULL, 0);
		set_cells(fdt, "/bus@f0000000", "#address-cells", &cells, 1);
		agree(fdt, "nested, a bad #address-cells above an empty ranges");
		free(fdt);
	}
	fdt = copy("machine-banks");
	set_cells(fdt, "/soc/serial@fe001000", "reg-io-width", &width3, 1);
	agree(fdt, "banks, reg-io-width 3");
	set_raw(fdt, "/soc/serial@fe001000", "reg-io-width", "\0\4", 2);
	agree(fdt, "banks, reg-io-width of 2 bytes");
	set_raw(fdt, "/soc/serial@fe001000", "reg-io-width", "", 0);
	agree(fdt, "banks, reg-io-width empty");
	set_cells(fdt, "/soc/serial@fe001000", "reg-io-width", two + 1, 1);
	agree(fdt, "banks, reg-io-width 2");
	set_cells(fdt, "/soc/serial@fe001000", "reg-shift", two, 2);
	agree(fdt, "banks, reg-shift of 2 cells");
	set_cells(fdt, "/soc/serial@fe001000", "reg-shift", &shift2, 1);
	agree(fdt, "banks, reg-shift 2");
	free(fdt);
	fdt = copy("machine-virt");
	set_raw(fdt, "/pl011@9000000", "compatible", "arm,pl011\0arm,primecell", 23);
	agree(fdt, "virt, console compatible list without its last NUL");
	free(fdt);
}

/* Which rule: lib/machine.c's choose_console passes a missing, disabled,
 * undriven or untranslatable stdout-path console over for serial0's, not
 * one in RAM or with a bad layout; a stdout-path that is no string is
 * passed over, linux,stdout-path not read then. */
static void test_agrees_on_rules(void **state)
{
	static const uint32_t mini_uart_only[] = { 0x3f210000, 0x10000 }, width3 = 3;
	void *fdt = copy("machine-rpi3");
	int chosen;

	(void)state;
	set_cells(fdt, "/memory@0", "reg", mini_uart_only, 2);
	agree(fdt, "rpi3, stdout-path's mini UART in RAM, serial0's PL011 not");
	free(fdt);
	fdt = copy("machine-rpi3");
	set_str(fdt, "/soc/serial@7e215040", "compatible", "ns16550a");
	set_cells(fdt, "/soc/serial@7e215040", "reg-io-width", &width3, 1);
	agree(fdt, "rpi3, stdout-path's 16550 of reg-io-width 3, serial0's PL011 fine");
	free(fdt);
	fdt = copy("machine-rpi3");
	set_raw(fdt, "/chosen", "stdout-path", "serial1", 7);
	agree(fdt, "rpi3, stdout-path serial1 with no NUL");
	set_str(fdt, "/chosen", "linux,stdout-path", "serial1");
	agree(fdt, "rpi3, stdout-path with no NUL, then linux,stdout-path");
	chosen = fdt_path_offset(fdt, "/chosen");
	assert_int_equal(fdt_delprop(fdt, chosen, "stdout-path"), 0);
	set_raw(fdt, "/chosen", "stdout-path", "serial1", 7);
	agree(fdt, "rpi3, linux,stdout-path, then stdout-path with no NUL");
	assert_int_equal(fdt_delprop(fdt, chosen, "stdout-path"), 0);
	agree(fdt, "rpi3, linux,stdout-path alone");
	free(fdt);
}

/* The path: libfdt's (fdt_path_offset) first child of each component's
 * name, never a later one; slashes at its end. */
static void test_agrees_on_paths(void **state)
{
	static const uint32_t one = 1, ranges[] = { 0x0, 0x0, 0x09000000, 0x1000 };
	static const uint32_t reg[] = { 0x0, 0x1000 };
	void *fdt = copy("machine-virt");

	(void)state;
	set_str(fdt, "/chosen", "stdout-path", "/pl011@9000000/");
	agree(fdt, "virt, stdout-path with a slash at its end");
	assert_true(fdt_add_subnode(fdt, 0, "bus@2") >= 0);
	assert_true(fdt_add_subnode(fdt, 0, "bus@1") >= 0);    /* now before bus@2 */
	set_cells(fdt, "/bus@2", "#address-cells", &one, 1);
	set_cells(fdt, "/bus@2", "#size-cells", &one, 1);
	set_cells(fdt, "/bus@2", "ranges", ranges, 4);
	assert_true(fdt_add_subnode(fdt, fdt_path_offset(fdt, "/bus@2"), "uart@0") >= 0);
	set_str(fdt, "/bus@2/uart@0", "compatible", "arm,pl011");
	set_cells(fdt, "/bus@2/uart@0", "reg", reg, 2);
	set_str(fdt, "/chosen", "stdout-path", "/bus@2/uart@0");
	agree(fdt, "virt, a UART behind /bus@2");
	set_str(fdt, "/chosen", "stdout-path", "/bus/uart@0");
	agree(fdt, "virt, /bus/uart@0: bus@1 is the bus, without uart@0");
	free(fdt);
}

/* /memory: a disabled node, linux,usable-memory over reg, device_type
 * exactly "memory", zero sizes, and as many banks as lib/machine.c keeps. */
static void test_agrees_on_memory(void **state)
{
	static const uint32_t in_bank[] = { 0x0, 0x40001000, 0x0, 0x1000 };
	static const uint32_t past_usable[] = { 0x0, 0x50000000, 0x0, 0x1000 };
	static const uint32_t usable[] = { 0x0, 0x40000000, 0x0, 0x1000000 };
	uint32_t banks[4 * 40];
	void *fdt = copy("machine-virt");

	(void)state;
	set_cells(fdt, "/pl011@9000000", "reg", in_bank, 4);
	agree(fdt, "virt, console in RAM");
	set_str(fdt, "/memory@40000000", "status", "disabled");
	agree(fdt, "virt, console in a disabled memory node");
	set_str(fdt, "/memory@40000000", "status", "okay");
	set_str(fdt, "/memory@40000000", "device_type", "memoryx");
	agree(fdt, "virt, console in a node of device_type memoryx");
	set_str(fdt, "/memory@40000000", "device_type", "memory");
	set_cells(fdt, "/memory@40000000", "linux,usable-memory", usable, 4);
	agree(fdt, "virt, console in linux,usable-memory");
	set_cells(fdt, "/pl011@9000000", "reg", past_usable, 4);
	agree(fdt, "virt, console in reg but past linux,usable-memory");
	assert_true(fdt_add_subnode(fdt, 0, "memory@0") >= 0);
	set_str(fdt, "/memory@0", "device_type", "memory");
	agree(fdt, "virt, a memory node without reg");
	free(fdt);
	/* 40 entries, zero sizes first (no bank), then 1 MiB banks at
	 * 0x100000000 + i MiB: lib/machine.c keeps MACHINE_MAX_BANKS of them. */
	for (uint32_t i = 0; i < 40; i++) {
		banks[4 * i] = i < 4 ? 0 : 1;
		banks[4 * i + 1] = i << 20;
		banks[4 * i + 2] = 0;
		banks[4 * i + 3] = i < 4 ? 0 : 0x100000;
	}
	for (uint32_t i = 4; i < 40; i++) {
		uint32_t reg[] = { 1, i << 20, 0, 0x1000 };
		char what[80];

		fdt = copy("machine-virt");
		set_cells(fdt, "/memory@40000000", "reg", banks, 4 * 40);
		set_cells(fdt, "/pl011@9000000", "reg", reg, 4);
		snprintf(what, sizeof(what), "virt, console in the bank of entry %u of 40", i);
		agree(fdt, what);
		free(fdt);
	}
}


/* ---- trees written in order ---------------------------------------------- */

/* What fdt_setprop cannot make (a property repeated or after a subnode, a
 * second root, a root left open, a node 40 deep) is written in document
 * order with libfdt's sequential writer: ok() each step. */
static void ok(int rc)
{
	assert_int_equal(rc, 0);
}

#define WRITTEN_ROOM 65536

/* The root (cells 2 and 2), /chosen's stdout-path, 128 MiB of RAM at
 * 0x40000000; the caller's nodes follow, then written_end (free() it). */
static void *written_begin(const char *stdout_path)
{
	const fdt32_t reg[4] = { 0, cpu_to_fdt32(0x40000000), 0, cpu_to_fdt32(0x8000000) };
	void *fdt = aligned_alloc(8, WRITTEN_ROOM);

	assert_non_null(fdt);
	ok(fdt_create(fdt, WRITTEN_ROOM));
	ok(fdt_finish_reservemap(fdt));
	ok(fdt_begin_node(fdt, ""));
	ok(fdt_property_u32(fdt, "#address-cells", 2));
	ok(fdt_property_u32(fdt, "#size-cells", 2));
	ok(fdt_begin_node(fdt, "chosen"));
	ok(fdt_property_string(fdt, "stdout-path", stdout_path));
	ok(fdt_end_node(fdt));
	ok(fdt_begin_node(fdt, "memory@40000000"));
	ok(fdt_property_string(fdt, "device_type", "memory"));
	ok(fdt_property(fdt, "reg", reg, sizeof(reg)));
	ok(fdt_end_node(fdt));
	return fdt;
}

/* A PL011 node named name at base, its properties open for more. */
static void written_uart(void *fdt, const char *name, uint64_t base)
{
	const fdt64_t reg[2] = { cpu_to_fdt64(base), cpu_to_fdt64(0x1000) };

	ok(fdt_begin_node(fdt, name));
	ok(fdt_property_string(fdt, "compatible", "arm,pl011"));
	ok(fdt_property(fdt, "reg", reg, sizeof(reg)));
}

/* /psci, PSCI 1.0, its properties open for more. */
static void written_psci(void *fdt)
{
	ok(fdt_begin_node(fdt, "psci"));
	ok(fdt_property_string(fdt, "compatible", "arm,psci-1.0"));
}

/* The root's end and FDT_END. */
static void written_end(void *fdt)
{
	ok(fdt_end_node(fdt));
	ok(fdt_finish(fdt));
}

/* The word at off in the structure block. */
static uint32_t *struct_word(void *fdt, uint32_t off)
{
	return (uint32_t *)((char *)fdt + fdt_off_dt_struct(fdt) + off);
}

/* The property just written (empty, "x": tag, length, name) made three
 * NOPs. */
static void nop_last_prop(void *fdt)
{
	uint32_t end = fdt_size_dt_struct(fdt);

	for (uint32_t off = end - 12; off < end; off += 4)
		*struct_word(fdt, off) = cpu_to_fdt32(FDT_NOP);
}

/* libfdt's property rules, as lib/dt_walk.c keeps them: of a repeated
 * property the first counts, and a node's properties end at its first
 * subnode (one after it is nobody's). */
static void test_agrees_on_libfdt_rules(void **state)
{
	struct early_dtb d;
	void *fdt;

	(void)state;
	/* The console's status "disabled" after a subnode: not its own. */
	fdt = written_begin("/uart@9000000");
	written_uart(fdt, "uart@9000000", 0x9000000);
	ok(fdt_begin_node(fdt, "child"));
	ok(fdt_end_node(fdt));
	ok(fdt_property_string(fdt, "status", "disabled"));
	ok(fdt_end_node(fdt));
	written_end(fdt);
	agree(fdt, "written, console status disabled after a subnode");
	early_dtb_read(fdt, &d);
	assert_int_equal(d.port.kind, MACHINE_CONSOLE_PL011);
	free(fdt);
	/* status "okay", then "disabled": the first. */
	fdt = written_begin("/uart@9000000");
	written_uart(fdt, "uart@9000000", 0x9000000);
	ok(fdt_property_string(fdt, "status", "okay"));
	ok(fdt_property_string(fdt, "status", "disabled"));
	ok(fdt_end_node(fdt));
	written_end(fdt);
	agree(fdt, "written, console status okay then disabled");
	free(fdt);
	/* compatible twice, a framebuffer first: not driven. */
	fdt = written_begin("/fb@9000000");
	ok(fdt_begin_node(fdt, "fb@9000000"));
	ok(fdt_property_string(fdt, "compatible", "simple-framebuffer"));
	written_uart(fdt, "uart@9000000", 0x9000000);
	ok(fdt_end_node(fdt));
	ok(fdt_end_node(fdt));
	written_end(fdt);
	agree(fdt, "written, a framebuffer with a UART as its subnode");
	free(fdt);
	/* PSCI's method "smc", then "hvc": smc. */
	fdt = written_begin("/uart@9000000");
	written_uart(fdt, "uart@9000000", 0x9000000);
	ok(fdt_end_node(fdt));
	written_psci(fdt);
	ok(fdt_property_string(fdt, "method", "smc"));
	ok(fdt_property_string(fdt, "method", "hvc"));
	ok(fdt_end_node(fdt));
	written_end(fdt);
	agree(fdt, "written, PSCI method smc then hvc");
	early_dtb_read(fdt, &d);
	assert_int_equal(d.conduit, PSCI_CONDUIT_SMC);
	free(fdt);
	/* A bus's ranges after its first subnode: no ranges, untranslatable. */
	fdt = written_begin("/bus/uart@0");
	ok(fdt_begin_node(fdt, "bus"));
	ok(fdt_property_u32(fdt, "#address-cells", 1));
	ok(fdt_property_u32(fdt, "#size-cells", 1));
	ok(fdt_begin_node(fdt, "other"));
	ok(fdt_end_node(fdt));
	{
		const fdt32_t ranges[4] = { 0, 0, cpu_to_fdt32(0x9000000), cpu_to_fdt32(0x1000) };
		const fdt32_t reg[2] = { 0, cpu_to_fdt32(0x1000) };

		ok(fdt_property(fdt, "ranges", ranges, sizeof(ranges)));
		ok(fdt_begin_node(fdt, "uart@0"));
		ok(fdt_property_string(fdt, "compatible", "arm,pl011"));
		ok(fdt_property(fdt, "reg", reg, sizeof(reg)));
	}
	ok(fdt_end_node(fdt));
	ok(fdt_end_node(fdt));
	written_end(fdt);
	agree(fdt, "written, a bus's ranges after a subnode");
	free(fdt);
	/* The root's #size-cells 1 after its subnodes is nobody's: its
	 * banks stay of 2 + 2 cells, the console in RAM. */
	fdt = written_begin("/uart@40001000");
	ok(fdt_property_u32(fdt, "#size-cells", 1));
	written_uart(fdt, "uart@40001000", 0x40001000);
	ok(fdt_end_node(fdt));
	written_end(fdt);
	agree(fdt, "written, a console in RAM, the root's #size-cells after its subnodes");
	free(fdt);
}

/* A stringlist's last string without its NUL matches nothing (DT spec;
 * lib/machine.c's strlist_index, though libfdt would compare it with the
 * next byte): PSCI's "arm,psci-0.2" of 12 bytes is no PSCI. */
static void test_agrees_on_strict_lists(void **state)
{
	struct early_dtb d;
	void *fdt = copy("machine-virt");

	(void)state;
	set_raw(fdt, "/psci", "compatible", "arm,psci-0.2", 12);
	agree(fdt, "virt, /psci compatible arm,psci-0.2 without its NUL");
	early_dtb_read(fdt, &d);
	assert_int_equal(d.conduit, PSCI_CONDUIT_NONE);
	set_raw(fdt, "/psci", "compatible", "arm,psci-0.2", 13);
	agree(fdt, "virt, /psci compatible arm,psci-0.2");
	free(fdt);
}

/* A bank ending at 2^64 (its last byte 2^64 - 1) is no bank for either
 * (its end does not fit the RAM plan's 64 bits): a console inside it is
 * not in RAM. A page short of the top, it is. */
static void test_agrees_on_top_of_memory(void **state)
{
	static const uint32_t to_top[] = { 0xffffffff, 0, 1, 0 };
	static const uint32_t below_top[] = { 0xffffffff, 0, 0, 0xfffff000 };
	static const uint32_t console[] = { 0xffffffff, 0x1000, 0, 0x1000 };
	struct early_dtb d;
	void *fdt = copy("machine-virt");

	(void)state;
	set_cells(fdt, "/memory@40000000", "reg", to_top, 4);
	set_cells(fdt, "/pl011@9000000", "reg", console, 4);
	agree(fdt, "virt, console in a bank ending at 2^64");
	early_dtb_read(fdt, &d);
	assert_int_equal(d.port.phys_base, 0xffffffff00001000ULL);
	set_cells(fdt, "/memory@40000000", "reg", below_top, 4);
	agree(fdt, "virt, console in a bank ending a page below 2^64");
	early_dtb_read(fdt, &d);
	assert_string_equal(d.why, "the console's reg lies in RAM");
	free(fdt);
}

/* A tree with a chain of n nodes below the root ("deep/deep/..."), the
 * console /uart@9000000 and /psci after it (free() it). */
static void *deep_tree(int n)
{
	void *fdt = written_begin("/uart@9000000");

	for (int i = 0; i < n; i++)
		ok(fdt_begin_node(fdt, "deep"));
	for (int i = 0; i < n; i++)
		ok(fdt_end_node(fdt));
	written_uart(fdt, "uart@9000000", 0x9000000);
	ok(fdt_end_node(fdt));
	written_psci(fdt);
	ok(fdt_property_string(fdt, "method", "smc"));
	ok(fdt_end_node(fdt));
	return fdt;
}

/* The blob read whole as lib/dt_walk.c (fdt_check_full) and lib/machine.c's
 * check_header (fdt_check_header, fdt_num_mem_rsv) take it: nodes at any
 * depth; one root with an empty name, closed, then FDT_END and nothing
 * else; property names inside the strings block; the header's versions
 * and blocks. And paths only from a root at offset 0 (libfdt's node 0). */
static void test_agrees_on_whole_blob(void **state)
{
	struct early_dtb d;
	void *fdt;
	int len;

	(void)state;
	/* Nodes 17 and 40 deep beside the console: read past. */
	for (int n = 17; n <= 40; n += 23) {
		fdt = deep_tree(n);
		written_end(fdt);
		agree(fdt, "written, nodes 17 or 40 deep");
		early_dtb_read(fdt, &d);
		assert_int_equal(d.port.kind, MACHINE_CONSOLE_PL011);
		assert_int_equal(d.conduit, PSCI_CONDUIT_SMC);
		free(fdt);
	}
	/* FDT_END with the root still open. */
	fdt = deep_tree(1);
	ok(fdt_finish(fdt));
	agree(fdt, "written, FDT_END inside the root");
	early_dtb_read(fdt, &d);
	assert_string_equal(d.why, "no usable DTB at x0");
	free(fdt);
	/* A second root after the first. */
	fdt = deep_tree(1);
	ok(fdt_end_node(fdt));
	ok(fdt_begin_node(fdt, ""));
	ok(fdt_end_node(fdt));
	ok(fdt_finish(fdt));
	agree(fdt, "written, a second root");
	early_dtb_read(fdt, &d);
	assert_string_equal(d.why, "no usable DTB at x0");
	free(fdt);
	/* A NOP between the root's end and FDT_END. */
	fdt = deep_tree(1);
	ok(fdt_end_node(fdt));
	ok(fdt_property(fdt, "x", NULL, 0));
	nop_last_prop(fdt);
	ok(fdt_finish(fdt));
	agree(fdt, "written, a NOP after the root");
	early_dtb_read(fdt, &d);
	assert_string_equal(d.why, "no usable DTB at x0");
	free(fdt);
	/* A NOP before the root: no root at offset 0, no path (libfdt's
	 * fdt_path_offset, Linux's unflattening fail), so no console. */
	fdt = aligned_alloc(8, WRITTEN_ROOM);
	assert_non_null(fdt);
	ok(fdt_create(fdt, WRITTEN_ROOM));
	ok(fdt_finish_reservemap(fdt));
	ok(fdt_property(fdt, "x", NULL, 0));
	nop_last_prop(fdt);
	ok(fdt_begin_node(fdt, ""));
	ok(fdt_property_u32(fdt, "#address-cells", 2));
	ok(fdt_property_u32(fdt, "#size-cells", 2));
	ok(fdt_begin_node(fdt, "chosen"));
	ok(fdt_property_string(fdt, "stdout-path", "/uart@9000000"));
	ok(fdt_end_node(fdt));
	written_uart(fdt, "uart@9000000", 0x9000000);
	ok(fdt_end_node(fdt));
	written_end(fdt);
	agree(fdt, "written, a NOP before the root");
	early_dtb_read(fdt, &d);
	assert_int_equal(d.port.kind, MACHINE_CONSOLE_NONE);
	free(fdt);
	/* Edits of machine-virt each refused whole: a named root; a property
	 * name past the strings block, one unterminated; version 16 below
	 * last_comp_version 17; a structure or strings block inside the
	 * header; a structure block off a word; /memreserve/ without its
	 * terminating entry inside the blob. */
	for (int i = 0; i < 8; i++) {
		struct fdt_property *prop;
		void *v = copy("machine-virt");
		char *b = v;

		prop = (struct fdt_property *)fdt_get_property(v, fdt_path_offset(v, "/psci"),
							       "method", &len);
		assert_non_null(prop);
		switch (i) {
		case 0: ok(fdt_set_name(v, 0, "root")); break;
		case 1: prop->nameoff = cpu_to_fdt32(fdt_size_dt_strings(v)); break;
		case 2:
			prop->nameoff = cpu_to_fdt32(fdt_size_dt_strings(v) - 1);
			b[fdt_off_dt_strings(v) + fdt_size_dt_strings(v) - 1] = 'x';
			break;
		case 3: fdt_set_version(v, 16); fdt_set_last_comp_version(v, 17); break;
		case 4: fdt_set_off_dt_struct(v, 36); break;
		case 5: fdt_set_off_dt_strings(v, 36); fdt_set_size_dt_strings(v, 4); break;
		case 6:
			memmove(b + fdt_off_dt_struct(v) + 2, b + fdt_off_dt_struct(v),
				fdt_size_dt_struct(v) + fdt_size_dt_strings(v));
			fdt_set_off_dt_struct(v, fdt_off_dt_struct(v) + 2);
			fdt_set_off_dt_strings(v, fdt_off_dt_strings(v) + 2);
			fdt_set_totalsize(v, fdt_totalsize(v) + 2);
			break;
		case 7: fdt_set_off_mem_rsvmap(v, fdt_totalsize(v) - 8); break;
		}
		agree(v, "virt, refused whole");
		early_dtb_read(v, &d);
		if (!d.why || strcmp(d.why, "no usable DTB at x0"))
			fail_msg("virt edit %d: lib/early_dtb.c gives %s", i, d.why ? d.why : "-");
		free(v);
	}
}

/* A tree whose stdout-path names a PL011 at 0x9100000 below n buses (each
 * an empty ranges), its /aliases/serial0 another at 0x9000000 (free() it). */
static void *buried_console(unsigned n)
{
	char path[8 * (EARLY_DTB_MAX_DEPTH + 1) + 16] = "";
	void *fdt;

	for (unsigned i = 0; i < n; i++)
		strcat(path, "/bus");
	strcat(path, "/uart@0");
	fdt = written_begin(path);
	ok(fdt_begin_node(fdt, "aliases"));
	ok(fdt_property_string(fdt, "serial0", "/uart@9000000"));
	ok(fdt_end_node(fdt));
	written_uart(fdt, "uart@9000000", 0x9000000);
	ok(fdt_end_node(fdt));
	for (unsigned i = 0; i < n; i++) {
		ok(fdt_begin_node(fdt, "bus"));
		ok(fdt_property(fdt, "ranges", NULL, 0));
	}
	written_uart(fdt, "uart@0", 0x9100000);
	ok(fdt_end_node(fdt));
	for (unsigned i = 0; i < n; i++)
		ok(fdt_end_node(fdt));
	written_end(fdt);
	return fdt;
}

/* A console EARLY_DTB_MAX_DEPTH levels below the root is read; one deeper
 * is none here, said why, and not serial0's instead (lib/machine.c drives
 * it: the one difference left of the depth). */
static void test_console_depth(void **state)
{
	static struct machine m;
	struct early_dtb d;
	const char *ram;
	void *fdt = buried_console(EARLY_DTB_MAX_DEPTH - 1);

	(void)state;
	agree(fdt, "written, the console EARLY_DTB_MAX_DEPTH levels down");
	early_dtb_read(fdt, &d);
	assert_int_equal(d.port.phys_base, 0x9100000);
	free(fdt);
	fdt = buried_console(EARLY_DTB_MAX_DEPTH);
	(void)machine_read(fdt, fdt_totalsize(fdt), &m);
	assert_int_equal(console_verdict(&m.console, bank_of, &m, &ram), CONSOLE_DRIVEN);
	assert_int_equal(m.console.phys_base, 0x9100000);
	early_dtb_read(fdt, &d);
	assert_int_equal(d.port.kind, MACHINE_CONSOLE_NONE);
	assert_string_equal(d.why, "the console lies deeper than read with the MMU off");
	free(fdt);
}

/* How lib/dt_walk.c finds a node by path: an alias's value read as a C
 * string (past a value with no NUL, to the next NUL), "" an alias too,
 * and only among the DT_MAX_NODES nodes it indexes. */
static void test_agrees_on_lookups(void **state)
{
	struct fdt_property *prop;
	void *fdt = copy("machine-virt");
	int aliases, len;

	(void)state;
	aliases = fdt_add_subnode(fdt, 0, "aliases");
	assert_true(aliases >= 0);
	set_str(fdt, "/chosen", "stdout-path", "serial0");
	/* "/pl011@9000000" of 14 bytes, then "ab" where a NUL would be. */
	set_raw(fdt, "/aliases", "serial0", "/pl011@9000000ab", 16);
	prop = fdt_get_property_w(fdt, fdt_path_offset(fdt, "/aliases"), "serial0", &len);
	assert_non_null(prop);
	prop->len = cpu_to_fdt32(14);
	agree(fdt, "virt, alias serial0 of 14 bytes without a NUL, \"ab\" after");
	prop->len = cpu_to_fdt32(16);
	set_str(fdt, "/aliases", "", "/pl011@9000000");
	set_str(fdt, "/chosen", "stdout-path", "");
	agree(fdt, "virt, stdout-path \"\", an alias of that name");
	set_str(fdt, "/chosen", "stdout-path", ":115200");
	agree(fdt, "virt, stdout-path \":115200\", an alias of name \"\"");
	free(fdt);
	/* The console after DT_MAX_NODES other nodes: past lib/machine.c's
	 * index, found by neither. */
	fdt = written_begin("/uart@9000000");
	for (int i = 0; i < DT_MAX_NODES; i++) {
		ok(fdt_begin_node(fdt, "n"));
		ok(fdt_end_node(fdt));
	}
	written_uart(fdt, "uart@9000000", 0x9000000);
	ok(fdt_end_node(fdt));
	written_end(fdt);
	agree(fdt, "written, the console past lib/machine.c's index");
	free(fdt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_virt),
		cmocka_unit_test(test_rpi3_through_ranges),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_bad_blobs),
		cmocka_unit_test(test_agrees_on_every_tree),
		cmocka_unit_test(test_agrees_on_psci),
		cmocka_unit_test(test_agrees_on_console),
		cmocka_unit_test(test_agrees_on_rules),
		cmocka_unit_test(test_agrees_on_paths),
		cmocka_unit_test(test_agrees_on_memory),
		cmocka_unit_test(test_agrees_on_libfdt_rules),
		cmocka_unit_test(test_agrees_on_strict_lists),
		cmocka_unit_test(test_agrees_on_top_of_memory),
		cmocka_unit_test(test_agrees_on_whole_blob),
		cmocka_unit_test(test_console_depth),
		cmocka_unit_test(test_agrees_on_lookups),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, teardown);
}
