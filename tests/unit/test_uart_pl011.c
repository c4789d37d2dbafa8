/*
 * test_uart_pl011.c - host unit tests of lib/uart/pl011.c (the Arm PL011
 * and the SBSA Generic UART) and of the console's line writes over it,
 * against a register model of the block.
 *
 * Owns: the PL011 model (DR, FR, LCR_H, CR: a 16-byte transmit FIFO while
 * LCR_H.FEN is set, a one-byte holding register while it is clear, as DDI
 * 0183 2.4.2 has it; FR's TXFF, TXFE, BUSY and RXFE following them; a
 * write of LCR_H is a complaint: the driver keeps the firmware's line
 * settings; 32-bit accesses only) and the tests: every family scenario
 * with the FIFO on and off and for the SBSA UART, uart_write's burst (one
 * look at FR, then a FIFO's worth) and its byte-per-look without FEN, and
 * console_write's "\r\n" and its drop of a UART that stops mid-line.
 */
#include "unit.h"
#include "uart_model.h"
#include "uart/uart.h"
#include "console.h"

#define DR     0x00
#define FR     0x18
#define LCR_H  0x2c
#define CR     0x30

#define FR_BUSY  (1u << 3)
#define FR_RXFE  (1u << 4)
#define FR_TXFF  (1u << 5)
#define FR_TXFE  (1u << 7)
#define LCR_FEN  (1u << 4)
#define CR_ON    ((1u << 0) | (1u << 8) | (1u << 9))

#define PL011_FIFO 16

static struct uart_model m;

static uint32_t pl011_read(struct uart_model *mm, unsigned off, unsigned bytes)
{
	(void)bytes;
	switch (off) {
	case DR:
		return model_rx_pop(mm);
	case LCR_H:
	case CR:
		return mm->reg[off / 4];
	case FR:
		model_status_read(mm);
		return (model_tx_idle(mm) ? 0 : FR_BUSY) | (mm->rx_len ? 0 : FR_RXFE) |
		       (model_tx_full(mm) ? FR_TXFF : 0) | (model_tx_fifo_empty(mm) ? FR_TXFE : 0);
	}
	model_error(mm, "read of %#x, a register the driver has no business with", off);
	return 0;
}

static void pl011_write(struct uart_model *mm, unsigned off, unsigned bytes, uint32_t v)
{
	(void)bytes;
	if (off == DR)
		model_tx_push(mm, (uint8_t)v);
	else if (off == CR)
		mm->reg[off / 4] = v;
	else
		model_error(mm, "write of %#x to %#x: only DR and CR are the driver's", v, off);
}

static struct uart_port attach(enum machine_console_kind kind, bool fen)
{
	model_attach(&m, kind == MACHINE_CONSOLE_SBSA ? "sbsa" : fen ? "pl011 (FEN)" : "pl011",
		     fen ? PL011_FIFO : 1, pl011_read, pl011_write);
	m.reg[LCR_H / 4] = fen ? LCR_FEN : 0;
	m.reg[CR / 4] = CR_ON;
	m.flush_leaves_shifter = kind == MACHINE_CONSOLE_SBSA;   /* FR.TXFE, not BUSY */
	return (struct uart_port){ .kind = kind, .base = model_base(), .io_width = 4 };
}

static struct uart_port pl011_fifo_port(void)
{
	return attach(MACHINE_CONSOLE_PL011, true);
}

static struct uart_port pl011_holding_port(void)
{
	return attach(MACHINE_CONSOLE_PL011, false);
}

static struct uart_port sbsa_port(void)
{
	return attach(MACHINE_CONSOLE_SBSA, true);
}

/* Bytes out in order, the FIFO filling under a slow line, a line that
 * never drains, uart_write, getc: with the FIFO, with the holding
 * register, and for the SBSA UART (its flush waits for TXFE only). */
static void test_common_scenarios(void **state)
{
	static const struct model_family fifo = {
		.m = &m, .port = pl011_fifo_port, .slow_ticks = 4, .fills = true,
		.stuck_accepts = PL011_FIFO, .stuck_waits = 1,
	};
	static const struct model_family holding = {
		.m = &m, .port = pl011_holding_port, .slow_ticks = 4, .fills = true,
		.stuck_accepts = 1, .stuck_waits = 1,
	};
	static const struct model_family sbsa = {
		.m = &m, .port = sbsa_port, .slow_ticks = 4, .fills = true,
		.stuck_accepts = PL011_FIFO, .stuck_waits = 1,
	};

	(void)state;
	model_check_family(&fifo);
	model_check_family(&holding);
	model_check_family(&sbsa);
}

/* FEN set and the FIFO empty: one look at FR (and LCR_H once a call),
 * then 16 bytes; FEN clear: a look per byte. */
static void test_write_bursts_with_the_fifo(void **state)
{
	static const char line[] = "0123456789abcdef";
	struct uart_port p = pl011_fifo_port();

	(void)state;
	m.ticks_per_step = 0;                /* nothing leaves while it writes */
	assert_int_equal(uart_write(&p, line, 16), 16);
	assert_int_equal(model_count(&m, false, FR), 1);
	assert_int_equal(model_count(&m, false, LCR_H), 1);
	assert_int_equal(model_count(&m, true, DR), 16);
	m.ticks_per_step = 1;
	model_drain(&m);
	assert_string_equal(model_sent(&m), line);
	model_expect_clean(&m);

	p = pl011_holding_port();
	assert_int_equal(uart_write(&p, line, 16), 16);
	assert_int_equal(model_count(&m, false, FR), 16);
	model_drain(&m);
	assert_string_equal(model_sent(&m), line);
	model_expect_clean(&m);

	/* The SBSA UART has no LCR_H: never read, a look per byte. */
	p = sbsa_port();
	assert_int_equal(uart_write(&p, line, 16), 16);
	assert_int_equal(model_count(&m, false, LCR_H), 0);
	assert_int_equal(model_count(&m, false, FR), 16);
	model_expect_clean(&m);
}

/* console_write: each '\n' as "\r\n", a line at a time; a UART that stops
 * taking bytes mid-line is dropped (named once through the fallback,
 * which the host drops) and not written again. */
static void test_console_write(void **state)
{
	struct uart_port p = pl011_fifo_port();

	(void)state;
	assert_null(console_init(&p));
	console_puts("one\ntwo\n\nthree");
	console_write("four\nfive", 6);
	model_drain(&m);
	assert_string_equal(model_sent(&m), "one\r\ntwo\r\n\r\nthreefour\r\nf");
	model_expect_clean(&m);

	/* 20 bytes into a FIFO of 16 that never drains: dropped at the 17th. */
	p = pl011_fifo_port();
	assert_null(console_init(&p));
	m.ticks_per_step = 0;
	console_puts("0123456789abcdefghij\n");
	assert_true(console_dropped());
	assert_false(console_ready());
	assert_int_equal(model_count(&m, true, DR), 16);
	console_puts("after\n");
	assert_int_equal(model_count(&m, true, DR), 16);
	model_expect_clean(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_common_scenarios),
		cmocka_unit_test(test_write_bursts_with_the_fifo),
		cmocka_unit_test(test_console_write),
	};

	unit_init();
	return cmocka_run_group_tests_name("uart_pl011", tests, NULL, NULL);
}
