/*
 * test_console_choice.c - host unit tests of lib/console_choice.c (and of
 * lib/bootargs.c's bootargs_find, which it uses).
 *
 * Owns: earlycon= over the DT's console on machine-virt: a UART at a DT
 * device's registers taken (the device's path kept, the rule it replaced
 * named); the bare word and no word leaving the DT's console; smh asking
 * for no UART; an address in RAM or at no DT device named and ignored; a
 * refused form named with the parser's reason; without a DTB (ACPI) the
 * device check left out; only the first earlycon word read, the later
 * counted; the word found as Linux finds it (exact key, quotes).
 */
#include "unit.h"
#include "dtb_blob.h"
#include "bootargs.h"
#include "console_choice.h"

static struct blob blobs[] = { { .name = "machine-virt" } };
static struct machine m;            /* about 30 KiB: not on the stack */
static struct console_earlycon e;
static const void *virt;
static size_t virt_size;

static int setup(void **state)
{
	(void)state;
	virt = dtb_blob_load(blobs, ARRAY_LEN(blobs), "machine-virt", &virt_size);
	return virt ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	dtb_blob_free(blobs, ARRAY_LEN(blobs));
	return 0;
}

/* machine-virt's RAM: 0x40000000, 128 MiB. */
static const char *virt_ram(uint64_t pa, void *arg)
{
	(void)arg;
	return pa - 0x40000000ULL < 0x8000000ULL ? "memory@40000000" : NULL;
}

static void apply(const char *cmdline)
{
	assert_int_equal(machine_read(virt, virt_size, &m), MACHINE_OK);
	assert_int_equal(m.console.rule, MACHINE_RULE_STDOUT_PATH);
	console_apply_earlycon(&m, cmdline, virt_ram, NULL, &e);
}

static void test_uart_at_a_device(void **state)
{
	(void)state;
	apply("console=ttyAMA0 earlycon=pl011,0x9000000,115200 quiet");
	assert_true(e.asked);
	assert_null(e.ignored);
	assert_int_equal(e.over, MACHINE_RULE_STDOUT_PATH);
	assert_int_equal(m.console.rule, MACHINE_RULE_EARLYCON);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_PL011);
	assert_int_equal(m.console.phys_base, 0x9000000);
	assert_string_equal(m.console.path, "/pl011@9000000");
	assert_string_equal(m.console.options, "115200");
	assert_true(m.console.available && m.console.translated);
	/* An 8250 at the same registers: its layout from the iotype. */
	apply("earlycon=uart8250,mmio32,0x9000000");
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_NS16550);
	assert_int_equal(m.console.reg_shift, 2);
	assert_int_equal(m.console.io_width, 4);
}

static void test_dt_console_kept(void **state)
{
	(void)state;
	apply(NULL);
	assert_false(e.asked);
	assert_int_equal(m.console.rule, MACHINE_RULE_STDOUT_PATH);
	apply("earlycon");                      /* the bare word: the DT's, as Linux */
	assert_true(e.asked);
	assert_null(e.ignored);
	assert_int_equal(e.req.form, EARLYCON_FROM_DT);
	assert_int_equal(m.console.rule, MACHINE_RULE_STDOUT_PATH);
	apply("earlycons=pl011,0x9000000 xearlycon=pl011,0x1");   /* not the key */
	assert_false(e.asked);
}

static void test_semihosting(void **state)
{
	(void)state;
	apply("earlycon=smh");
	assert_null(e.ignored);
	assert_int_equal(m.console.rule, MACHINE_RULE_EARLYCON);
	assert_int_equal(m.console.kind, MACHINE_CONSOLE_NONE);
}

static void test_ignored(void **state)
{
	(void)state;
	apply("earlycon=pl011,0x40001000");
	assert_non_null(e.ignored);
	assert_true(strstr(e.ignored, "lies in RAM") != NULL);
	assert_string_equal(e.detail, "memory@40000000");
	assert_int_equal(m.console.rule, MACHINE_RULE_STDOUT_PATH);
	assert_int_equal(m.console.phys_base, 0x9000000);
	apply("earlycon=pl011,0x12345000");
	assert_true(strstr(e.ignored, "no device of the DTB") != NULL);
	assert_int_equal(m.console.rule, MACHINE_RULE_STDOUT_PATH);
	apply("earlycon=uart8250,io,0x3f8");
	assert_true(strstr(e.ignored, "port I/O") != NULL);
	assert_string_equal(e.req.value, "uart8250,io,0x3f8");
	assert_int_equal(m.console.rule, MACHINE_RULE_STDOUT_PATH);
}

static void test_without_a_dtb(void **state)
{
	(void)state;
	memset(&m, 0, sizeof(m));
	m.console.rule = MACHINE_RULE_SPCR;
	console_apply_earlycon(&m, "earlycon=pl011,0x12345000", virt_ram, NULL, &e);
	assert_null(e.ignored);                 /* no DTB: no device to check against */
	assert_int_equal(e.over, MACHINE_RULE_SPCR);
	assert_int_equal(m.console.rule, MACHINE_RULE_EARLYCON);
	assert_string_equal(m.console.path, "");
}

static void test_first_word_counts(void **state)
{
	const char *value;
	size_t len;
	bool has_value;
	unsigned later;

	(void)state;
	apply("earlycon=pl011,0x9000000 earlycon=uart8250,io,0x3f8 earlycon");
	assert_null(e.ignored);
	assert_int_equal(e.later, 2);
	assert_true(bootargs_find("a \"earlycon=x y\" earlycon=z", "earlycon", &value, &len,
				  &has_value, &later));
	assert_true(has_value);
	assert_int_equal(len, 1);
	assert_memory_equal(value, "z", 1);
	assert_int_equal(later, 0);
	assert_false(bootargs_find("", "earlycon", &value, &len, &has_value, &later));
	assert_false(bootargs_find(NULL, "earlycon", &value, &len, &has_value, &later));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uart_at_a_device),
		cmocka_unit_test(test_dt_console_kept),
		cmocka_unit_test(test_semihosting),
		cmocka_unit_test(test_ignored),
		cmocka_unit_test(test_without_a_dtb),
		cmocka_unit_test(test_first_word_counts),
	};

	unit_init();
	return cmocka_run_group_tests(tests, setup, teardown);
}
