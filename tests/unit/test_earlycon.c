/*
 * test_earlycon.c - host unit tests of lib/uart/earlycon.c.
 *
 * Owns: every form Linux's earlycon= accepts that the stub honours (the
 * bare word, <name>,<addr>, <name>,<iotype>,<addr>, options after the
 * address, decimal and octal addresses, smh), the layouts each name and
 * iotype give (from compat.c's list), and every refusal (io, mmio32be, an
 * unknown or missing name, no or a malformed address, an overflow, mmio16
 * outside the 8250 family); the value is read only as far as its length.
 */
#include "unit.h"
#include "uart/earlycon.h"

static struct earlycon_request parse(const char *value)
{
	struct earlycon_request r;

	earlycon_parse(value, value ? strlen(value) : 0, &r);
	return r;
}

static void assert_uart(const char *value, enum machine_console_kind kind, uint64_t pa,
			uint32_t shift, uint32_t width, const char *options)
{
	struct earlycon_request r = parse(value);

	if (r.form != EARLYCON_UART)
		fail_msg("%s: form %d, refused: %s", value, r.form, r.refused ? r.refused : "-");
	assert_int_equal(r.kind, kind);
	assert_int_equal(r.phys_base, pa);
	assert_int_equal(r.layout.reg_shift, shift);
	assert_int_equal(r.layout.io_width, width);
	assert_string_equal(r.options, options);
	assert_string_equal(r.value, value);
}

static void assert_refused(const char *value, const char *why_part)
{
	struct earlycon_request r = parse(value);

	assert_int_equal(r.form, EARLYCON_REFUSED);
	assert_non_null(r.refused);
	if (!strstr(r.refused, why_part))
		fail_msg("%s: refused with \"%s\", want \"%s\" in it", value, r.refused, why_part);
	assert_string_equal(r.value, value);
}

static void test_bare_word_and_semihosting(void **state)
{
	(void)state;
	assert_int_equal(parse(NULL).form, EARLYCON_FROM_DT);
	assert_int_equal(parse("smh").form, EARLYCON_SEMIHOSTING);
	assert_refused("smh,0x9000000", "no such earlycon name");
}

static void test_linux_examples(void **state)
{
	(void)state;
	/* kernel-parameters.txt and the notes: QEMU virt, the Pi 4's mini UART. */
	assert_uart("pl011,0x9000000", MACHINE_CONSOLE_PL011, 0x9000000, 0, 4, "");
	assert_uart("pl011,mmio32,0x9000000", MACHINE_CONSOLE_PL011, 0x9000000, 0, 4, "");
	assert_uart("uart8250,mmio32,0xfe215040", MACHINE_CONSOLE_NS16550, 0xfe215040, 2, 4, "");
	assert_uart("uart8250,0x1c28000,115200n8", MACHINE_CONSOLE_NS16550, 0x1c28000, 0, 1,
		    "115200n8");
	assert_uart("pl011,mmio32,0x9000000,115200", MACHINE_CONSOLE_PL011, 0x9000000, 0, 4,
		    "115200");
}

static void test_8250_iotypes(void **state)
{
	(void)state;
	assert_uart("uart,mmio,0x3f8", MACHINE_CONSOLE_NS16550, 0x3f8, 0, 1, "");
	assert_uart("ns16550a,mmio16,0x1000", MACHINE_CONSOLE_NS16550, 0x1000, 1, 2, "");
	assert_uart("ns16550,mmio32native,0xff000000", MACHINE_CONSOLE_NS16550, 0xff000000, 2,
		    4, "");
	assert_uart("uart8250,150994944", MACHINE_CONSOLE_NS16550, 0x9000000, 0, 1, "");
	assert_uart("uart8250,0110000000", MACHINE_CONSOLE_NS16550, 0x1200000, 0, 1, "");
}

/* The layouts come from compat.c's list, through the compatible each
 * earlycon name declares. */
static void test_every_name(void **state)
{
	(void)state;
	assert_uart("qdf2400_e44,0x3ff0000", MACHINE_CONSOLE_SBSA, 0x3ff0000, 0, 4, "");
	assert_uart("cdns,0xff000000", MACHINE_CONSOLE_CADENCE, 0xff000000, 0, 4, "");
	assert_uart("bcm2835aux,0x3f215040", MACHINE_CONSOLE_BCM2835_AUX, 0x3f215040, 2, 4, "");
	assert_uart("meson,0xc81004c0", MACHINE_CONSOLE_MESON, 0xc81004c0, 0, 4, "");
	assert_uart("ec_imx6q,0x30890000", MACHINE_CONSOLE_IMX, 0x30890000, 0, 4, "");
	assert_uart("ec_imx21,0x30860000", MACHINE_CONSOLE_IMX, 0x30860000, 0, 4, "");
	assert_uart("lpuart32,0x2260000", MACHINE_CONSOLE_LPUART32, 0x2260000, 0, 4, "");
	assert_uart("ar3700_uart,0xd0012000", MACHINE_CONSOLE_AR3700, 0xd0012000, 0, 4, "");
	assert_uart("scif,0xe6e88000", MACHINE_CONSOLE_SCIF, 0xe6e88000, 0, 2, "");
	assert_uart("qcom_geni,0xa84000", MACHINE_CONSOLE_GENI, 0xa84000, 0, 4, "");
	assert_uart("msm_serial_dm,0x78af000", MACHINE_CONSOLE_MSM_UARTDM, 0x78af000, 0, 4, "");
	assert_uart("omap8250,0x2800000", MACHINE_CONSOLE_AM654, 0x2800000, 2, 1, "");
}

static void test_refusals(void **state)
{
	(void)state;
	assert_refused("uart8250,io,0x3f8", "io (port I/O)");
	assert_refused("uart8250,mmio32be,0xff000000", "mmio32be");
	assert_refused("uart8250,mmio64,0xff000000", "not an address or an iotype");
	assert_refused("efifb", "no such earlycon name");
	assert_refused("PL011,0x9000000", "no such earlycon name");
	assert_refused(",0x9000000", "no name before the first comma");
	assert_refused("pl011", "no address");
	assert_refused("pl011,", "no address");
	assert_refused("pl011,0xZZ", "not a number");
	assert_refused("pl011,0x", "not a number");
	assert_refused("pl011,mmio32,", "not a number");
	assert_refused("pl011,0x11112222333344445", "not a number");
	assert_refused("pl011,09", "not a number");
	assert_refused("pl011,mmio16,0x9000000", "mmio16 is for the 8250 family only");
}

/* The value points into the command line: only len bytes are its. */
static void test_length_bounded(void **state)
{
	const char *line = "pl011,0x9000000 stub.report=full";
	const char *longer = "uart8250,mmio32,0xfe215040,115200n8-and-a-very-long-tail-of-options";
	struct earlycon_request r;

	(void)state;
	earlycon_parse(line, 15, &r);
	assert_int_equal(r.form, EARLYCON_UART);
	assert_int_equal(r.phys_base, 0x9000000);
	assert_string_equal(r.value, "pl011,0x9000000");
	earlycon_parse(longer, strlen(longer), &r);
	assert_int_equal(r.form, EARLYCON_UART);
	assert_int_equal(strlen(r.options), sizeof(r.options) - 1);     /* cut, terminated */
	assert_int_equal(strlen(r.value), sizeof(r.value) - 1);
	earlycon_parse("pl011,0x9000000", 0, &r);
	assert_int_equal(r.form, EARLYCON_REFUSED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bare_word_and_semihosting),
		cmocka_unit_test(test_linux_examples),
		cmocka_unit_test(test_8250_iotypes),
		cmocka_unit_test(test_every_name),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_length_bounded),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
