/*
 * test_uart.c - host unit tests of lib/uart/ (the four drivers and the
 * dispatcher) and lib/console.c, on a fake register file.
 *
 * Owns: running every driver against a plain byte array standing in for
 * its MMIO block. A plain array never changes by itself, so a wait loop
 * can only be tested on its way out: the fake's status says "ready" (room
 * in the FIFO, transmitter idle, data received) and the test checks that
 * the byte landed in the data register, at the right offset and width,
 * and that nothing else was written (the array is filled with a pattern
 * and compared with a snapshot). Covers: the kind mapping and refusals of
 * uart_init; PL011 and mini UART enables; Cadence enables, its 115200
 * programming from clock_hz (50 and 100 MHz within 2%) and its refusal
 * without one; ns16550 with reg_shift 0/1/2 and io_width 1/2/4 (byte,
 * halfword and word accesses) and its layout refusals; getc empty and
 * full for all; the console's copy of the port, LF -> CRLF path, dropped
 * output and console_getc; and the bounded waits: every driver gives up
 * on a status that never changes, and the console then drops its UART.
 */
#include "unit.h"
#include "uart/uart.h"
#include "uart/drivers.h"
#include "console.h"

#define FAKE_SIZE 256
#define PATTERN   0xaa

static _Alignas(16) uint8_t regs[FAKE_SIZE];
static uint8_t snapshot[FAKE_SIZE];

static uint32_t rd32(unsigned off)
{
	uint32_t v;

	memcpy(&v, &regs[off], sizeof(v));
	return v;
}

static void wr32(unsigned off, uint32_t v)
{
	memcpy(&regs[off], &v, sizeof(v));
}

static void fill(uint8_t byte)
{
	memset(regs, byte, sizeof(regs));
}

static void take_snapshot(void)
{
	memcpy(snapshot, regs, sizeof(regs));
}

/* Every byte but [off, off + len) is as in the snapshot. */
static void expect_unchanged_except(unsigned off, unsigned len)
{
	for (unsigned i = 0; i < FAKE_SIZE; i++) {
		if (i >= off && i < off + len)
			continue;
		if (regs[i] != snapshot[i])
			fail_msg("byte %u changed: 0x%02x, was 0x%02x", i, regs[i], snapshot[i]);
	}
}

static struct uart_port port_of(enum machine_console_kind kind)
{
	return (struct uart_port){ .kind = kind, .base = (uintptr_t)regs, .io_width = 4 };
}

/* ---- dispatch ---- */

static void test_kind_supported(void **state)
{
	(void)state;
	assert_true(uart_kind_supported(MACHINE_CONSOLE_PL011));
	assert_true(uart_kind_supported(MACHINE_CONSOLE_BCM2835_AUX));
	assert_true(uart_kind_supported(MACHINE_CONSOLE_CADENCE));
	assert_true(uart_kind_supported(MACHINE_CONSOLE_NS16550));
	assert_false(uart_kind_supported(MACHINE_CONSOLE_NONE));
	assert_false(uart_kind_supported(MACHINE_CONSOLE_UNSUPPORTED));
	assert_false(uart_kind_supported((enum machine_console_kind)99));
}

static void test_init_refuses_no_driver_or_no_base(void **state)
{
	struct uart_port p;

	(void)state;
	fill(PATTERN);
	take_snapshot();
	p = port_of(MACHINE_CONSOLE_NONE);
	assert_non_null(uart_init(&p));
	p = port_of(MACHINE_CONSOLE_UNSUPPORTED);
	assert_non_null(uart_init(&p));
	/* Nothing to drive: output dropped, nothing received, no access. */
	uart_putc(&p, 'x');
	uart_flush(&p);
	assert_int_equal(uart_getc(&p), -1);
	expect_unchanged_except(0, 0);
	p = port_of(MACHINE_CONSOLE_PL011);
	p.base = 0;
	assert_non_null(uart_init(&p));
}

/* The dispatcher reaches each driver: putc lands in that driver's data
 * register. */
static void test_dispatch_reaches_each_driver(void **state)
{
	static const struct {
		enum machine_console_kind kind;
		unsigned status_off, data_off;
		uint32_t ready;
	} cases[] = {
		{ MACHINE_CONSOLE_PL011, 0x18, 0x00, 0 },
		{ MACHINE_CONSOLE_CADENCE, 0x2c, 0x30, 0 },
		{ MACHINE_CONSOLE_BCM2835_AUX, 0x14, 0x00, 1u << 5 },
		{ MACHINE_CONSOLE_NS16550, 0x14, 0x00, 1u << 5 },   /* reg_shift 2 */
	};

	(void)state;
	for (unsigned i = 0; i < ARRAY_LEN(cases); i++) {
		struct uart_port p = port_of(cases[i].kind);

		p.reg_shift = 2;
		fill(0);
		wr32(cases[i].status_off, cases[i].ready);
		uart_putc(&p, 'D');
		assert_int_equal(rd32(cases[i].data_off), 'D');
	}
}

/* ---- PL011 ---- */

#define PL011_DR  0x00
#define PL011_FR  0x18
#define PL011_CR  0x30
#define FR_BUSY   (1u << 3)
#define FR_RXFE   (1u << 4)
#define FR_TXFF   (1u << 5)
#define FR_TXFE   (1u << 7)
#define CR_ON     ((1u << 0) | (1u << 8) | (1u << 9))  /* UARTEN TXE RXE */

static void test_pl011_init_enables(void **state)
{
	struct uart_port p = port_of(MACHINE_CONSOLE_PL011);

	(void)state;
	fill(0);
	wr32(PL011_CR, 1u << 11);            /* RTS: kept */
	assert_null(pl011_init(&p));
	assert_int_equal(rd32(PL011_CR), CR_ON | 1u << 11);

	/* Already on: not written at all. */
	fill(PATTERN);
	wr32(PL011_CR, CR_ON | 0x4000);
	take_snapshot();
	assert_null(pl011_init(&p));
	expect_unchanged_except(0, 0);
}

static void test_pl011_putc_flush_getc(void **state)
{
	struct uart_port p = port_of(MACHINE_CONSOLE_PL011);

	(void)state;
	fill(PATTERN);
	wr32(PL011_FR, FR_TXFE | FR_RXFE);   /* room, idle, nothing received */
	take_snapshot();
	pl011_putc(&p, 'A');
	assert_int_equal(rd32(PL011_DR), 'A');   /* one 32-bit write */
	expect_unchanged_except(PL011_DR, 4);
	pl011_flush(&p);                     /* BUSY clear: returns */
	assert_int_equal(pl011_getc(&p), -1);

	wr32(PL011_FR, FR_TXFE);             /* RXFE clear: a byte waits */
	wr32(PL011_DR, 0x800 | 'x');         /* with OE: the byte still counts */
	assert_int_equal(pl011_getc(&p), 'x');
	wr32(PL011_DR, 0xff);
	assert_int_equal(pl011_getc(&p), 0xff);  /* not sign-extended */
}

/* ---- Cadence ---- */

#define CDNS_CR       0x00
#define CDNS_MR       0x04
#define CDNS_BAUDGEN  0x18
#define CDNS_SR       0x2c
#define CDNS_FIFO     0x30
#define CDNS_BAUDDIV  0x34
#define CDNS_CR_RESET 0x128u
#define CDNS_TXEN     (1u << 4)
#define CDNS_TXDIS    (1u << 5)
#define CDNS_RXEN     (1u << 2)
#define CDNS_RXDIS    (1u << 3)
#define CDNS_STOPBRK  (1u << 8)
#define CDNS_RXEMPTY  (1u << 1)
#define CDNS_TXEMPTY  (1u << 3)

static void cadence_reset_state(void)
{
	fill(0);
	wr32(CDNS_CR, CDNS_CR_RESET);
	wr32(CDNS_BAUDGEN, 0x28b);
	wr32(CDNS_BAUDDIV, 0xf);
}

static void test_cadence_init_keeps_valid_baud(void **state)
{
	struct uart_port p = port_of(MACHINE_CONSOLE_CADENCE);

	(void)state;
	cadence_reset_state();
	assert_null(cadence_init(&p));       /* clock unknown: not needed */
	assert_int_equal(rd32(CDNS_CR), CDNS_TXEN | CDNS_RXEN | CDNS_STOPBRK);
	assert_int_equal(rd32(CDNS_BAUDGEN), 0x28b);
	assert_int_equal(rd32(CDNS_BAUDDIV), 0xf);
	assert_int_equal(rd32(CDNS_MR), 0);

	/* A known clock does not override a valid setting either. */
	cadence_reset_state();
	p.clock_hz = 100000000;
	assert_null(cadence_init(&p));
	assert_int_equal(rd32(CDNS_BAUDGEN), 0x28b);
	assert_int_equal(rd32(CDNS_BAUDDIV), 0xf);
}

static void test_cadence_refuses_to_guess(void **state)
{
	struct uart_port p = port_of(MACHINE_CONSOLE_CADENCE);

	(void)state;
	cadence_reset_state();
	wr32(CDNS_BAUDGEN, 0);               /* no sample clock */
	take_snapshot();
	assert_non_null(cadence_init(&p));
	expect_unchanged_except(0, 0);       /* not even TX enabled */

	cadence_reset_state();
	wr32(CDNS_BAUDDIV, 3);               /* outside 4..255 */
	take_snapshot();
	assert_non_null(uart_init(&p));
	expect_unchanged_except(0, 0);

	/* A clock too slow for 115200 within 2%. */
	cadence_reset_state();
	wr32(CDNS_BAUDGEN, 0);
	p.clock_hz = 100000;
	assert_non_null(cadence_init(&p));
	assert_int_equal(rd32(CDNS_BAUDGEN), 0);
}

static void test_cadence_programs_115200(void **state)
{
	static const uint32_t clocks[] = { 50000000, 100000000, 33333333, 1843200 };

	(void)state;
	for (unsigned i = 0; i < ARRAY_LEN(clocks); i++) {
		struct uart_port p = port_of(MACHINE_CONSOLE_CADENCE);
		uint32_t cd, bdiv;
		double baud;

		p.clock_hz = clocks[i];
		cadence_reset_state();
		wr32(CDNS_BAUDGEN, 0);
		assert_null(cadence_init(&p));
		cd = rd32(CDNS_BAUDGEN);
		bdiv = rd32(CDNS_BAUDDIV);
		assert_in_range(cd, 1, 0xffff);
		assert_in_range(bdiv, 4, 255);
		baud = (double)clocks[i] / ((double)cd * (bdiv + 1));
		if (baud < 115200 * 0.98 || baud > 115200 * 1.02)
			fail_msg("%u Hz: CD %u BDIV %u give %.0f baud", clocks[i], cd, bdiv, baud);
		assert_int_equal(rd32(CDNS_MR), 4u << 3);   /* 8N1, CLKS 0 */
		/* Both directions on (the fake keeps the reset bits set: init
		 * must not write them back). */
		assert_int_equal(rd32(CDNS_CR), CDNS_TXEN | CDNS_RXEN);
	}
}

static void test_cadence_putc_flush_getc(void **state)
{
	struct uart_port p = port_of(MACHINE_CONSOLE_CADENCE);

	(void)state;
	fill(PATTERN);
	wr32(CDNS_SR, CDNS_TXEMPTY | CDNS_RXEMPTY);  /* TXFULL, TACTIVE clear */
	take_snapshot();
	cadence_putc(&p, 'C');
	assert_int_equal(rd32(CDNS_FIFO), 'C');
	expect_unchanged_except(CDNS_FIFO, 4);
	cadence_flush(&p);
	assert_int_equal(cadence_getc(&p), -1);
	wr32(CDNS_SR, CDNS_TXEMPTY);
	wr32(CDNS_FIFO, 'z');
	assert_int_equal(cadence_getc(&p), 'z');
}

/* ---- BCM2835 mini UART ---- */

#define AUX_IO    0x00
#define AUX_LCR   0x0c
#define AUX_LSR   0x14
#define AUX_CNTL  0x20
#define AUX_DR    (1u << 0)
#define AUX_TXE   (1u << 5)
#define AUX_IDLE  (1u << 6)

static void test_bcm2835_aux_init(void **state)
{
	struct uart_port p = port_of(MACHINE_CONSOLE_BCM2835_AUX);

	(void)state;
	fill(0);
	wr32(AUX_CNTL, 0x0c);                /* RTS/CTS flow control: kept */
	wr32(AUX_LCR, 0x83);                 /* 8 bits, DLAB left set */
	take_snapshot();
	assert_null(bcm2835_aux_init(&p));
	assert_int_equal(rd32(AUX_CNTL), 0x0f);
	assert_int_equal(rd32(AUX_LCR), 0x03);
	wr32(AUX_CNTL, 0x0c);
	wr32(AUX_LCR, 0x83);
	expect_unchanged_except(0, 0);       /* only LCR and CNTL written */

	/* Already set up: nothing written. */
	fill(PATTERN);
	wr32(AUX_LCR, 0x03);
	wr32(AUX_CNTL, 0x03);
	take_snapshot();
	assert_null(bcm2835_aux_init(&p));
	expect_unchanged_except(0, 0);
}

static void test_bcm2835_aux_putc_flush_getc(void **state)
{
	struct uart_port p = port_of(MACHINE_CONSOLE_BCM2835_AUX);

	(void)state;
	/* The DT layout fields are ignored: fixed 32-bit registers. */
	p.reg_shift = 0;
	p.io_width = 1;
	fill(PATTERN);
	wr32(AUX_LSR, AUX_TXE | AUX_IDLE);
	take_snapshot();
	bcm2835_aux_putc(&p, 'M');
	assert_int_equal(rd32(AUX_IO), 'M');
	expect_unchanged_except(AUX_IO, 4);
	bcm2835_aux_flush(&p);
	assert_int_equal(bcm2835_aux_getc(&p), -1);
	wr32(AUX_LSR, AUX_TXE | AUX_IDLE | AUX_DR);
	wr32(AUX_IO, 0xffffff00u | 'q');
	assert_int_equal(bcm2835_aux_getc(&p), 'q');
}

/* ---- ns16550 ---- */

#define NS_LCR   3
#define NS_LSR   5
#define NS_DR    (1u << 0)
#define NS_THRE  (1u << 5)
#define NS_TEMT  (1u << 6)

static const struct { uint32_t shift, width; } ns_layouts[] = {
	{ 0, 1 }, { 2, 1 }, { 1, 2 }, { 2, 2 }, { 2, 4 }, { 3, 4 },
};

static unsigned ns_off(uint32_t shift, unsigned reg)
{
	return reg << shift;
}

/* Register reg as the layout's width would hold it in the fake. */
static void ns_set(uint32_t shift, uint32_t width, unsigned reg, uint32_t v)
{
	memcpy(&regs[ns_off(shift, reg)], &v, width);
}

static struct uart_port ns_port(uint32_t shift, uint32_t width)
{
	struct uart_port p = port_of(MACHINE_CONSOLE_NS16550);

	p.reg_shift = shift;
	p.io_width = width;
	return p;
}

static void test_ns16550_putc_width_and_offset(void **state)
{
	(void)state;
	for (unsigned i = 0; i < ARRAY_LEN(ns_layouts); i++) {
		uint32_t shift = ns_layouts[i].shift, width = ns_layouts[i].width;
		struct uart_port p = ns_port(shift, width);

		fill(PATTERN);
		ns_set(shift, width, NS_LCR, 0x03);
		ns_set(shift, width, NS_LSR, NS_THRE | NS_TEMT);
		take_snapshot();
		assert_null(ns16550_init(&p));       /* DLAB clear: no write */
		expect_unchanged_except(0, 0);
		ns16550_putc(&p, 'N');
		/* Exactly io_width bytes written at THR: 'N' and zeros above
		 * it; a byte port leaves register 1 (shift 0) or the padding
		 * (shift 2) alone. */
		assert_int_equal(regs[0], 'N');
		for (unsigned b = 1; b < width; b++)
			assert_int_equal(regs[b], 0);
		expect_unchanged_except(0, width);
		ns16550_flush(&p);                   /* THRE and TEMT: returns */
	}
}

static void test_ns16550_getc(void **state)
{
	(void)state;
	for (unsigned i = 0; i < ARRAY_LEN(ns_layouts); i++) {
		uint32_t shift = ns_layouts[i].shift, width = ns_layouts[i].width;
		struct uart_port p = ns_port(shift, width);

		fill(0);
		ns_set(shift, width, NS_LSR, NS_THRE | NS_TEMT);
		/* Data ready set in a byte a narrower or misplaced access
		 * would read: the register after LSR (MSR). */
		regs[ns_off(shift, NS_LSR + 1)] = NS_DR;
		ns_set(shift, width, 0, 'k');
		assert_int_equal(ns16550_getc(&p), -1);
		ns_set(shift, width, NS_LSR, NS_THRE | NS_TEMT | NS_DR);
		assert_int_equal(ns16550_getc(&p), 'k');
	}
}

static void test_ns16550_init(void **state)
{
	struct uart_port p;

	(void)state;
	/* DLAB left set: cleared, the line settings kept. */
	fill(PATTERN);
	p = ns_port(2, 4);
	wr32(ns_off(2, NS_LCR), 0x9b);       /* DLAB | 8E1 */
	take_snapshot();
	assert_null(ns16550_init(&p));
	assert_int_equal(rd32(ns_off(2, NS_LCR)), 0x1b);
	expect_unchanged_except(ns_off(2, NS_LCR), 4);

	fill(PATTERN);
	p = ns_port(0, 1);
	regs[NS_LCR] = 0x83;
	take_snapshot();
	assert_null(ns16550_init(&p));
	assert_int_equal(regs[NS_LCR], 0x03);
	expect_unchanged_except(NS_LCR, 1);

	/* Layouts refused before any access. */
	fill(PATTERN);
	take_snapshot();
	p = ns_port(2, 3);
	assert_non_null(ns16550_init(&p));
	p = ns_port(2, 0);
	assert_non_null(ns16550_init(&p));
	p = ns_port(0, 4);                   /* registers overlap */
	assert_non_null(ns16550_init(&p));
	p = ns_port(0, 2);
	assert_non_null(uart_init(&p));
	p = ns_port(4, 1);                   /* reg_shift > 3 */
	assert_non_null(ns16550_init(&p));
	p = ns_port(2, 4);
	p.base += 2;                         /* misaligned base */
	assert_non_null(ns16550_init(&p));
	expect_unchanged_except(0, 0);
}

/* ---- console ---- */

static void test_console(void **state)
{
	struct uart_port p = port_of(MACHINE_CONSOLE_PL011);
	const struct uart_port *got;

	(void)state;
	/* Nothing set up yet: dropped, nothing received. */
	assert_false(console_ready());
	assert_null(console_port());
	assert_int_equal(console_getc(), -1);
	console_puts("dropped\n");
	console_flush();
	assert_non_null(console_init(NULL));
	assert_false(console_ready());

	fill(0);
	assert_null(console_init(&p));
	assert_true(console_ready());
	got = console_port();
	assert_non_null(got);
	assert_ptr_not_equal(got, &p);        /* its own copy */
	p.base = 0;
	assert_int_equal(got->kind, MACHINE_CONSOLE_PL011);
	assert_int_equal(got->base, (uintptr_t)regs);
	assert_int_equal(got->io_width, 4);
	assert_int_equal(rd32(PL011_CR), CR_ON);

	wr32(PL011_FR, FR_RXFE);
	console_putc('x');
	assert_int_equal(rd32(PL011_DR), 'x');
	console_put_hex(0x1f);
	assert_int_equal(rd32(PL011_DR), 'f');
	console_put_dec(42);
	assert_int_equal(rd32(PL011_DR), '2');
	console_puts("\n");                  /* "\r\n": '\n' last */
	assert_int_equal(rd32(PL011_DR), '\n');
	console_flush();
	assert_int_equal(console_getc(), -1);
	wr32(PL011_FR, 0);
	wr32(PL011_DR, 'g');
	assert_int_equal(console_getc(), 'g');

	/* A refused port: the console is off again, output dropped. */
	p = port_of(MACHINE_CONSOLE_CADENCE);
	cadence_reset_state();
	wr32(CDNS_BAUDGEN, 0);
	take_snapshot();
	assert_non_null(console_init(&p));
	assert_false(console_ready());
	assert_null(console_port());
	console_puts("dropped\n");
	assert_int_equal(console_getc(), -1);
	expect_unchanged_except(0, 0);
}

/* ---- bounded waits: a UART that never answers ---- */

/* Each driver's status stuck at "full" / "busy": putc and flush give up
 * after the bound (on the host UART_WAIT_POLLS_HOST polls) and write
 * nothing. */
static void test_stuck_uarts_give_up(void **state)
{
	struct uart_port p;

	(void)state;
	p = port_of(MACHINE_CONSOLE_PL011);
	fill(0);
	wr32(PL011_FR, FR_TXFF | FR_BUSY);
	take_snapshot();
	assert_false(uart_putc(&p, 'A'));
	assert_false(uart_flush(&p));
	expect_unchanged_except(0, 0);

	p = port_of(MACHINE_CONSOLE_BCM2835_AUX);
	fill(0);                             /* LSR: neither TX empty nor idle */
	take_snapshot();
	assert_false(uart_putc(&p, 'A'));
	assert_false(uart_flush(&p));
	expect_unchanged_except(0, 0);

	p = port_of(MACHINE_CONSOLE_CADENCE);
	fill(0);
	wr32(CDNS_SR, 1u << 4);              /* TXFULL */
	take_snapshot();
	assert_false(uart_putc(&p, 'A'));
	assert_false(uart_flush(&p));
	expect_unchanged_except(0, 0);

	p = port_of(MACHINE_CONSOLE_NS16550);
	p.reg_shift = 2;
	fill(0);                             /* LSR: THRE and TEMT clear */
	take_snapshot();
	assert_false(uart_putc(&p, 'A'));
	assert_false(uart_flush(&p));
	expect_unchanged_except(0, 0);
}

/* The console drops a UART that stops answering (once, named through the
 * fallback) and never polls it again; until then it is used. */
static void test_console_drops_a_stuck_uart(void **state)
{
	struct uart_port p = port_of(MACHINE_CONSOLE_PL011);

	(void)state;
	fill(0);
	wr32(PL011_FR, FR_RXFE);
	assert_null(console_init(&p));
	console_putc('a');
	assert_int_equal(rd32(PL011_DR), 'a');
	assert_false(console_dropped());
	wr32(PL011_FR, FR_TXFF | FR_RXFE);   /* the FIFO never drains */
	console_putc('b');
	assert_true(console_dropped());
	assert_false(console_ready());
	assert_null(console_port());
	wr32(PL011_FR, FR_RXFE);             /* room again: not used any more */
	console_puts("after\n");
	assert_int_equal(rd32(PL011_DR), 'a');
	assert_int_equal(console_getc(), -1);

	/* A flush that never ends drops it too. */
	wr32(PL011_FR, FR_RXFE);
	assert_null(console_init(&p));
	wr32(PL011_FR, FR_BUSY | FR_RXFE);
	console_flush();
	assert_false(console_ready());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_console),   /* first: needs no console yet */
		cmocka_unit_test(test_kind_supported),
		cmocka_unit_test(test_init_refuses_no_driver_or_no_base),
		cmocka_unit_test(test_dispatch_reaches_each_driver),
		cmocka_unit_test(test_pl011_init_enables),
		cmocka_unit_test(test_pl011_putc_flush_getc),
		cmocka_unit_test(test_cadence_init_keeps_valid_baud),
		cmocka_unit_test(test_cadence_refuses_to_guess),
		cmocka_unit_test(test_cadence_programs_115200),
		cmocka_unit_test(test_cadence_putc_flush_getc),
		cmocka_unit_test(test_bcm2835_aux_init),
		cmocka_unit_test(test_bcm2835_aux_putc_flush_getc),
		cmocka_unit_test(test_ns16550_putc_width_and_offset),
		cmocka_unit_test(test_ns16550_getc),
		cmocka_unit_test(test_ns16550_init),
		cmocka_unit_test(test_stuck_uarts_give_up),
		cmocka_unit_test(test_console_drops_a_stuck_uart),
	};

	unit_init();
	return cmocka_run_group_tests_name("uart", tests, NULL, NULL);
}
