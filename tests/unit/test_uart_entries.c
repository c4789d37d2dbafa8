/*
 * test_uart_entries.c - host unit tests of lib/uart/compat.c (which driver
 * and layout each compatible string means), of the dispatcher's new
 * kinds, and of the three table entries that reuse existing drivers,
 * each against a register model: the SBSA Generic UART (lib/uart/pl011.c),
 * TI K3's 16550 and Tegra's 16550 (lib/uart/ns16550.c).
 *
 * Owns: the SBSA model (UARTDR and UARTFR and nothing else: any access to
 * another offset, UARTCR at 0x30 above all, and any access that is not
 * 32 bits, is a complaint; a 32-byte FIFO; FR.TXFF, TXFE, RXFE following
 * it, FR.BUSY either honest or stuck at 1 as QDF2400 erratum E44 has it)
 * and the 16550 model (registers 1 << reg_shift apart, each access exactly
 * the port's width; THR into a 64-byte FIFO, LSR.THRE when it is empty,
 * TEMT when the shift register is too, DR; LCR; MDR1 at register 8 only
 * on a K3 UART, a complaint elsewhere). The tests: the compatible table
 * (every string, its kind and layout, the most-specific-first rule left
 * to the reader, and the look-alikes refused); every new kind supported,
 * refused at base 0, and whether it receives; the SBSA UART never
 * touched but at DR and FR, draining on TXFE with BUSY stuck, and a PL011
 * driver on the same model caught writing UARTCR; the K3 UART refused by
 * name when MDR1 says disabled (no write), driven at stride 4 with byte
 * accesses whatever the port had, and Tegra's at the DT's reg-shift.
 */
#include "unit.h"
#include "uart_model.h"
#include "uart/uart.h"

/* ---- the compatible table ---- */

static void test_compat_table(void **state)
{
	static const struct {
		const char *compatible;
		enum machine_console_kind kind;
		uint32_t shift, width;
		bool from_dt;
	} table[] = {
		{ "arm,pl011", MACHINE_CONSOLE_PL011, 0, 4, false },
		{ "arm,sbsa-uart", MACHINE_CONSOLE_SBSA, 0, 4, false },
		{ "brcm,bcm2835-aux-uart", MACHINE_CONSOLE_BCM2835_AUX, 2, 4, false },
		{ "cdns,uart-r1p12", MACHINE_CONSOLE_CADENCE, 0, 4, false },
		{ "xlnx,xuartps", MACHINE_CONSOLE_CADENCE, 0, 4, false },
		{ "cdns,uart-r1p8", MACHINE_CONSOLE_CADENCE, 0, 4, false },
		{ "ns16550a", MACHINE_CONSOLE_NS16550, 0, 1, true },
		{ "ns16550", MACHINE_CONSOLE_NS16550, 0, 1, true },
		{ "snps,dw-apb-uart", MACHINE_CONSOLE_NS16550, 0, 1, true },
		{ "nvidia,tegra20-uart", MACHINE_CONSOLE_NS16550, 0, 1, true },
		{ "ti,am654-uart", MACHINE_CONSOLE_AM654, 2, 1, false },
		{ "fsl,imx6q-uart", MACHINE_CONSOLE_IMX, 0, 4, false },
		{ "fsl,imx21-uart", MACHINE_CONSOLE_IMX, 0, 4, false },
		{ "amlogic,meson-ao-uart", MACHINE_CONSOLE_MESON, 0, 4, false },
		{ "amlogic,meson-gx-uart", MACHINE_CONSOLE_MESON, 0, 4, false },
		{ "amlogic,meson-s4-uart", MACHINE_CONSOLE_MESON, 0, 4, false },
		{ "qcom,geni-debug-uart", MACHINE_CONSOLE_GENI, 0, 4, false },
		{ "qcom,geni-uart", MACHINE_CONSOLE_GENI, 0, 4, false },
		{ "qcom,msm-uartdm-v1.4", MACHINE_CONSOLE_MSM_UARTDM, 0, 4, false },
		{ "qcom,msm-uartdm", MACHINE_CONSOLE_MSM_UARTDM, 0, 4, false },
		{ "fsl,imx7ulp-lpuart", MACHINE_CONSOLE_LPUART32_IMX, 0, 4, false },
		{ "fsl,imx8ulp-lpuart", MACHINE_CONSOLE_LPUART32_IMX, 0, 4, false },
		{ "fsl,imx8qxp-lpuart", MACHINE_CONSOLE_LPUART32_IMX, 0, 4, false },
		{ "fsl,imx93-lpuart", MACHINE_CONSOLE_LPUART32_IMX, 0, 4, false },
		{ "fsl,ls1028a-lpuart", MACHINE_CONSOLE_LPUART32, 0, 4, false },
		{ "marvell,armada-3700-uart", MACHINE_CONSOLE_AR3700, 0, 4, false },
		{ "renesas,rcar-gen3-scif", MACHINE_CONSOLE_SCIF, 0, 2, false },
		{ "renesas,scif", MACHINE_CONSOLE_SCIF, 0, 2, false },
	};

	(void)state;
	for (unsigned i = 0; i < ARRAY_LEN(table); i++) {
		struct uart_layout l = { 9, 9, true };
		enum machine_console_kind kind = uart_kind_of(table[i].compatible, &l);

		if (kind != table[i].kind || l.reg_shift != table[i].shift ||
		    l.io_width != table[i].width || l.from_dt != table[i].from_dt)
			fail_msg("%s: kind %d shift %u width %u dt %d", table[i].compatible, kind,
				 l.reg_shift, l.io_width, l.from_dt);
		assert_true(uart_kind_supported(kind));
	}
}

/* Look-alikes with another register map or byte order, prefixes,
 * extensions and nothing: UNSUPPORTED, the layout all 0. */
static void test_compat_refusals(void **state)
{
	static const char *const others[] = {
		"fsl,ls1021a-lpuart", "fsl,vf610-lpuart", "marvell,armada-3700-uart-ext",
		"renesas,scif-r9a07g044", "renesas,hscif", "arm,pl01", "arm,pl011x",
		"ARM,PL011", "", "qcom,geni-se-qup", "nvidia,tegra186-utc",
	};

	(void)state;
	for (unsigned i = 0; i < ARRAY_LEN(others); i++) {
		struct uart_layout l = { 9, 9, true };

		if (uart_kind_of(others[i], &l) != MACHINE_CONSOLE_UNSUPPORTED)
			fail_msg("\"%s\" taken for a driver's", others[i]);
		assert_int_equal(l.reg_shift, 0);
		assert_int_equal(l.io_width, 0);
		assert_false(l.from_dt);
	}
	{
		struct uart_layout l = { 9, 9, true };

		assert_int_equal(uart_kind_of(NULL, &l), MACHINE_CONSOLE_UNSUPPORTED);
		assert_int_equal(l.io_width, 0);
	}
}

static void test_new_kinds_dispatch(void **state)
{
	static const enum machine_console_kind kinds[] = {
		MACHINE_CONSOLE_SBSA, MACHINE_CONSOLE_AM654, MACHINE_CONSOLE_IMX,
		MACHINE_CONSOLE_MESON, MACHINE_CONSOLE_GENI, MACHINE_CONSOLE_MSM_UARTDM,
		MACHINE_CONSOLE_LPUART32, MACHINE_CONSOLE_LPUART32_IMX, MACHINE_CONSOLE_AR3700,
		MACHINE_CONSOLE_SCIF,
	};

	(void)state;
	for (unsigned i = 0; i < ARRAY_LEN(kinds); i++) {
		struct uart_port p = { .kind = kinds[i], .base = 0, .io_width = 4 };

		assert_true(uart_kind_supported(kinds[i]));
		assert_non_null(uart_init(&p));      /* no address: refused first */
		assert_int_equal(uart_kind_receives(kinds[i]),
				 kinds[i] != MACHINE_CONSOLE_GENI &&
				 kinds[i] != MACHINE_CONSOLE_MSM_UARTDM);
	}
	assert_false(uart_kind_receives(MACHINE_CONSOLE_NONE));
	assert_false(uart_kind_receives(MACHINE_CONSOLE_UNSUPPORTED));
	assert_false(uart_kind_supported((enum machine_console_kind)99));
}

/* ---- SBSA: DR and FR only ---- */

#define UARTDR  0x00
#define UARTFR  0x18
#define UARTCR  0x30
#define FR_BUSY (1u << 3)
#define FR_RXFE (1u << 4)
#define FR_TXFF (1u << 5)
#define FR_TXFE (1u << 7)

#define SBSA_FIFO 32

static struct uart_model m;
static bool busy_stuck;

static uint32_t sbsa_read(struct uart_model *mm, unsigned off, unsigned bytes)
{
	(void)bytes;
	if (off == UARTDR)
		return model_rx_pop(mm);
	if (off == UARTFR) {
		model_status_read(mm);
		return (busy_stuck || !model_tx_idle(mm) ? FR_BUSY : 0) |
		       (mm->rx_len ? 0 : FR_RXFE) | (model_tx_full(mm) ? FR_TXFF : 0) |
		       (model_tx_fifo_empty(mm) ? FR_TXFE : 0);
	}
	model_error(mm, "read of %#x%s: the SBSA UART has only DR and FR here", off,
		    off == UARTCR ? " (UARTCR)" : "");
	return 0;
}

static void sbsa_write(struct uart_model *mm, unsigned off, unsigned bytes, uint32_t v)
{
	(void)bytes;
	if (off == UARTDR)
		model_tx_push(mm, (uint8_t)v);
	else
		model_error(mm, "write of %#x to %#x%s: the SBSA UART has no such register", v,
			    off, off == UARTCR ? " (UARTCR)" : "");
}

static struct uart_port sbsa_port(bool stuck_busy)
{
	model_attach(&m, "SBSA", SBSA_FIFO, sbsa_read, sbsa_write);
	m.flush_leaves_shifter = true;          /* TXFE: the FIFO, not the line */
	busy_stuck = stuck_busy;
	return (struct uart_port){ .kind = MACHINE_CONSOLE_SBSA, .base = model_base(),
				   .io_width = 4 };
}

static void test_sbsa_init_touches_nothing(void **state)
{
	struct uart_port p = sbsa_port(false);

	(void)state;
	assert_null(uart_init(&p));
	assert_int_equal(m.n_log, 0);
}

/* BUSY stuck at 1 (QDF2400 E44): flush still ends, on TXFE. */
static void test_sbsa_sends_and_drains_on_txfe(void **state)
{
	(void)state;
	for (int stuck = 0; stuck <= 1; stuck++) {
		struct uart_port p = sbsa_port(stuck);

		assert_null(uart_init(&p));
		model_check_sends(&m, &p, "LX2160A: hello\r\n");
	}
}

static struct uart_port sbsa_busy_stuck_port(void)
{
	return sbsa_port(true);
}

/* With BUSY stuck: bytes out in order, the FIFO filling under a slow
 * line, a line that never drains, getc. */
static void test_sbsa_common_scenarios(void **state)
{
	static const struct model_family sbsa = {
		.m = &m, .port = sbsa_busy_stuck_port, .slow_ticks = 3, .fills = true,
		.stuck_accepts = SBSA_FIFO, .stuck_waits = 1,
	};

	(void)state;
	model_check_family(&sbsa);
}

/* The model has teeth: the PL011 driver on an SBSA UART writes UARTCR. */
static void test_pl011_driver_would_write_uartcr(void **state)
{
	struct uart_port p = sbsa_port(false);

	(void)state;
	p.kind = MACHINE_CONSOLE_PL011;
	assert_null(uart_init(&p));
	assert_true(m.errors > 0);
	assert_non_null(strstr(m.first_error, "UARTCR"));
}

/* ---- the 16550s: TI K3 (fixed stride 4, MDR1) and Tegra (DT) ---- */

#define NS_THR   0
#define NS_LCR   3
#define NS_LSR   5
#define NS_MDR1  8
#define LSR_DR   (1u << 0)
#define LSR_THRE (1u << 5)
#define LSR_TEMT (1u << 6)
#define LCR_DLAB (1u << 7)

#define NS_FIFO  64

static struct {
	unsigned shift;
	bool k3;
	uint32_t lcr, mdr1;
} ns;

/* The register number of an access, or a complaint (and -1). */
static int ns_reg(struct uart_model *mm, unsigned off)
{
	if (off & ((1u << ns.shift) - 1)) {
		model_error(mm, "access at %#x: not a register (stride %u)", off, 1u << ns.shift);
		return -1;
	}
	return (int)(off >> ns.shift);
}

static uint32_t ns_read(struct uart_model *mm, unsigned off, unsigned bytes)
{
	(void)bytes;
	switch (ns_reg(mm, off)) {
	case NS_THR:
		return model_rx_pop(mm);
	case NS_LCR:
		return ns.lcr;
	case NS_LSR:
		model_status_read(mm);
		return (mm->rx_len ? LSR_DR : 0) | (model_tx_fifo_empty(mm) ? LSR_THRE : 0) |
		       (model_tx_idle(mm) ? LSR_TEMT : 0);
	case NS_MDR1:
		if (ns.k3)
			return ns.mdr1;
		model_error(mm, "MDR1 read on a 16550 that has none");
		return 0;
	}
	model_error(mm, "read of %#x, a register the driver has no business with", off);
	return 0;
}

static void ns_write(struct uart_model *mm, unsigned off, unsigned bytes, uint32_t v)
{
	(void)bytes;
	switch (ns_reg(mm, off)) {
	case NS_THR:
		if (ns.lcr & LCR_DLAB)
			model_error(mm, "THR written with DLAB set: the divisor latch");
		model_tx_push(mm, (uint8_t)v);
		return;
	case NS_LCR:
		ns.lcr = v;
		return;
	}
	model_error(mm, "write of %#x to %#x: not the driver's", v, off);
}

/* A port as lib/machine.c would make it from compatible (and, for the
 * 8250 binding, the DT's reg-shift), on a 16550 model of that layout. */
static struct uart_port ns_port(const char *compatible, uint32_t dt_shift, bool k3)
{
	struct uart_layout l;
	enum machine_console_kind kind = uart_kind_of(compatible, &l);

	if (l.from_dt)
		l.reg_shift = dt_shift;
	model_attach(&m, compatible, NS_FIFO, ns_read, ns_write);
	m.width = 1;                            /* the block's real layout */
	ns.shift = 2;
	ns.k3 = k3;
	ns.lcr = 0x03;                          /* 8N1 */
	ns.mdr1 = 0;                            /* UART 16x */
	return (struct uart_port){ .kind = kind, .base = model_base(), .reg_shift = l.reg_shift,
				   .io_width = l.io_width };
}

static void test_am654_disabled_refused_by_name(void **state)
{
	static const uint32_t disabled[] = { 7, 0xf, 0x87 };

	(void)state;
	for (unsigned i = 0; i < ARRAY_LEN(disabled); i++) {
		struct uart_port p = ns_port("ti,am654-uart", 0, true);
		const char *why;

		ns.mdr1 = disabled[i];
		ns.lcr = 0x83;                  /* DLAB left set: not even cleared */
		why = uart_init(&p);
		assert_non_null(why);
		assert_non_null(strstr(why, "MDR1"));
		assert_false(model_wrote_anything(&m));
		model_expect_clean(&m);
	}
}

static struct uart_port am654_port(void)
{
	return ns_port("ti,am654-uart", 0, true);
}

static struct uart_port tegra_port(void)
{
	return ns_port("nvidia,tegra20-uart", 2, false);
}

/* TI K3: stride 4 and byte accesses whatever the DT says (none of the
 * K3 DTBs has a reg-shift); a UART mode in MDR1 is driven, DLAB
 * cleared, the line setting kept. Tegra: the 8250 binding, reg-shift 2
 * from the DT, byte accesses; MDR1 not read (it has none). Both: bytes
 * out in order, a slow line, a line that never drains (THRE is the FIFO
 * empty: one byte taken), getc. */
static void test_16550_entries(void **state)
{
	static const struct model_family family[] = {
		{ .m = &m, .port = am654_port, .slow_ticks = 5, .fills = false,
		  .stuck_accepts = 1, .stuck_waits = 1 },
		{ .m = &m, .port = tegra_port, .slow_ticks = 5, .fills = false,
		  .stuck_accepts = 1, .stuck_waits = 1 },
	};
	struct uart_port p = am654_port();

	(void)state;
	assert_int_equal(p.kind, MACHINE_CONSOLE_AM654);
	ns.mdr1 = 3;                            /* UART 13x: a UART mode */
	ns.lcr = 0x83;
	assert_null(uart_init(&p));
	assert_int_equal(ns.lcr, 0x03);
	model_expect_clean(&m);
	assert_int_equal(tegra_port().kind, MACHINE_CONSOLE_NS16550);
	for (unsigned i = 0; i < ARRAY_LEN(family); i++)
		model_check_family(&family[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compat_table),
		cmocka_unit_test(test_compat_refusals),
		cmocka_unit_test(test_new_kinds_dispatch),
		cmocka_unit_test(test_sbsa_init_touches_nothing),
		cmocka_unit_test(test_sbsa_sends_and_drains_on_txfe),
		cmocka_unit_test(test_sbsa_common_scenarios),
		cmocka_unit_test(test_pl011_driver_would_write_uartcr),
		cmocka_unit_test(test_am654_disabled_refused_by_name),
		cmocka_unit_test(test_16550_entries),
	};

	unit_init();
	return cmocka_run_group_tests_name("uart_entries", tests, NULL, NULL);
}
