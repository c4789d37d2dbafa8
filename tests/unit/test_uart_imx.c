/*
 * test_uart_imx.c - host unit tests of lib/uart/imx.c (the i.MX UART,
 * imx21 layout) against a register model of the block.
 *
 * Owns: the i.MX model (URXD0, URTX0, UCR1, UCR2, USR2, UTS: a 32-byte
 * transmit FIFO that takes bytes only while UCR1.UARTEN and UCR2.TXEN are
 * set, as QEMU's imx_serial does; TXFULL and TXDC following it; a write
 * of UCR2 with SRST 0 is a complaint: it resets the UART; 32-bit accesses
 * only) and the tests: init's read-modify-write of the enable bits (and
 * no write at all when they are set), bytes out in order, the FIFO
 * filling under a slow line, a line that never drains (putc and flush
 * give up within the bound), getc, and the console dropping the UART.
 */
#include "unit.h"
#include "uart_model.h"
#include "uart/uart.h"
#include "console.h"

#define URXD0   0x00
#define URTX0   0x40
#define UCR1    0x80
#define UCR2    0x84
#define USR2    0x98
#define UTS     0xb4

#define UCR1_UARTEN  (1u << 0)
#define UCR2_SRST    (1u << 0)
#define UCR2_RXEN    (1u << 1)
#define UCR2_TXEN    (1u << 2)
#define UCR2_WS      (1u << 5)      /* 8-bit words: a line setting, kept */
#define UCR2_IRTS    (1u << 14)
#define USR2_RDR     (1u << 0)
#define USR2_TXDC    (1u << 3)
#define USR2_TXFE    (1u << 14)
#define UTS_TXFULL   (1u << 4)
#define UTS_RXEMPTY  (1u << 5)
#define UTS_TXEMPTY  (1u << 6)
#define URXD_CHARRDY (1u << 15)

#define IMX_FIFO     32

static struct uart_model m;

static uint32_t imx_read(struct uart_model *mm, unsigned off, unsigned bytes)
{
	(void)bytes;
	switch (off) {
	case URXD0:
		return mm->rx_len ? model_rx_pop(mm) | URXD_CHARRDY : 0;
	case UCR1:
	case UCR2:
		return mm->reg[off / 4];
	case USR2:
		model_status_read(mm);
		return (mm->rx_len ? USR2_RDR : 0) | (model_tx_idle(mm) ? USR2_TXDC : 0) |
		       (model_tx_fifo_empty(mm) ? USR2_TXFE : 0);
	case UTS:
		model_status_read(mm);
		return (model_tx_full(mm) ? UTS_TXFULL : 0) | (mm->rx_len ? 0 : UTS_RXEMPTY) |
		       (model_tx_fifo_empty(mm) ? UTS_TXEMPTY : 0);
	}
	model_error(mm, "read of %#x, a register the driver has no business with", off);
	return 0;
}

static void imx_write(struct uart_model *mm, unsigned off, unsigned bytes, uint32_t v)
{
	(void)bytes;
	switch (off) {
	case URTX0:
		if (!(mm->reg[UCR1 / 4] & UCR1_UARTEN) || !(mm->reg[UCR2 / 4] & UCR2_TXEN))
			model_error(mm, "URTX0 written with the transmitter off: dropped");
		else if (v > 0xff)
			model_error(mm, "URTX0 written %#x: more than a byte", v);
		else
			model_tx_push(mm, (uint8_t)v);
		return;
	case UCR2:
		if (!(v & UCR2_SRST))
			model_error(mm, "UCR2 written %#x: SRST 0 resets the UART", v);
		/* fall through */
	case UCR1:
		mm->reg[off / 4] = v;
		return;
	}
	model_error(mm, "write of %#x to %#x, a register the driver has no business with", v,
		    off);
}

/* A UART as a boot loader leaves it: on, 8-bit words, both directions. */
static struct uart_port imx_port(void)
{
	model_attach(&m, "i.MX", IMX_FIFO, imx_read, imx_write);
	m.reg[UCR1 / 4] = UCR1_UARTEN;
	m.reg[UCR2 / 4] = UCR2_SRST | UCR2_RXEN | UCR2_TXEN | UCR2_WS | UCR2_IRTS;
	return (struct uart_port){ .kind = MACHINE_CONSOLE_IMX, .base = model_base(),
				   .io_width = 4 };
}

static void test_init_enables_by_read_modify_write(void **state)
{
	struct uart_port p = imx_port();

	(void)state;
	m.reg[UCR1 / 4] = 1u << 9;                   /* off; another bit kept */
	m.reg[UCR2 / 4] = UCR2_SRST | UCR2_WS | UCR2_IRTS;
	assert_null(uart_init(&p));
	assert_int_equal(m.reg[UCR1 / 4], 1u << 9 | UCR1_UARTEN);
	assert_int_equal(m.reg[UCR2 / 4], UCR2_SRST | UCR2_RXEN | UCR2_TXEN | UCR2_WS | UCR2_IRTS);
	model_expect_clean(&m);

	/* SRST read 0 (a reset under way): written back as 1. */
	p = imx_port();
	m.reg[UCR2 / 4] = UCR2_WS;
	assert_null(uart_init(&p));
	assert_int_equal(m.reg[UCR2 / 4], UCR2_SRST | UCR2_RXEN | UCR2_TXEN | UCR2_WS);
	model_expect_clean(&m);

	/* Set up already: read, never written. */
	p = imx_port();
	assert_null(uart_init(&p));
	assert_false(model_wrote_anything(&m));
}

/* Bytes out in order, the FIFO filling under a slow line, a line that
 * never drains (the FIFO's worth taken, then putc and flush give up
 * within one bound), getc. */
static void test_common_scenarios(void **state)
{
	static const struct model_family imx = {
		.m = &m, .port = imx_port, .slow_ticks = 5, .fills = true,
		.stuck_accepts = IMX_FIFO, .stuck_waits = 1,
	};

	(void)state;
	model_check_family(&imx);
	assert_true(uart_kind_receives(MACHINE_CONSOLE_IMX));
}

/* The console uses the UART, then drops it when it stops draining. */
static void test_console_drops_a_stuck_imx(void **state)
{
	struct uart_port p = imx_port();

	(void)state;
	assert_null(console_init(&p));
	console_puts("up\n");
	console_flush();
	assert_string_equal(model_sent(&m), "up\r\n");
	assert_true(console_ready());
	m.ticks_per_step = 0;
	for (int i = 0; i <= IMX_FIFO && console_ready(); i++)
		console_putc('z');
	assert_false(console_ready());
	assert_true(console_dropped());
	model_expect_clean(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_enables_by_read_modify_write),
		cmocka_unit_test(test_common_scenarios),
		cmocka_unit_test(test_console_drops_a_stuck_imx),
	};

	unit_init();
	return cmocka_run_group_tests_name("uart_imx", tests, NULL, NULL);
}
