/*
 * test_uart_meson.c - host unit tests of lib/uart/meson.c (the Amlogic
 * Meson UART) against a register model of the block.
 *
 * Owns: the Meson model (WFIFO, RFIFO, CONTROL, STATUS: a 64-byte
 * transmit FIFO that takes bytes only while CONTROL.TX_EN is set;
 * STATUS's TX_FULL, TX_EMPTY (the FIFO) and XMIT_BUSY (the shift
 * register) following it; 32-bit accesses only) and the tests: init's
 * read-modify-write of TX_EN and RX_EN (no write when set), bytes out in
 * order with flush waiting for the shift register too, the FIFO filling
 * under a slow line, a line that never drains, getc.
 */
#include "unit.h"
#include "uart_model.h"
#include "uart/uart.h"

#define WFIFO    0x00
#define RFIFO    0x04
#define CONTROL  0x08
#define STATUS   0x0c

#define CONTROL_TX_EN    (1u << 12)
#define CONTROL_RX_EN    (1u << 13)
#define CONTROL_TWO_WIRE (1u << 15)   /* a setting of the firmware's, kept */
#define STATUS_RX_EMPTY  (1u << 20)
#define STATUS_TX_FULL   (1u << 21)
#define STATUS_TX_EMPTY  (1u << 22)
#define STATUS_XMIT_BUSY (1u << 25)

#define MESON_FIFO 64

static struct uart_model m;

static uint32_t meson_read(struct uart_model *mm, unsigned off, unsigned bytes)
{
	(void)bytes;
	switch (off) {
	case RFIFO:
		return model_rx_pop(mm);
	case CONTROL:
		return mm->reg[off / 4];
	case STATUS:
		model_status_read(mm);
		return (mm->rx_len ? 0 : STATUS_RX_EMPTY) |
		       (model_tx_full(mm) ? STATUS_TX_FULL : 0) |
		       (model_tx_fifo_empty(mm) ? STATUS_TX_EMPTY : 0) |
		       (mm->shifting ? STATUS_XMIT_BUSY : 0);
	}
	model_error(mm, "read of %#x, a register the driver has no business with", off);
	return 0;
}

static void meson_write(struct uart_model *mm, unsigned off, unsigned bytes, uint32_t v)
{
	(void)bytes;
	if (off == WFIFO) {
		if (!(mm->reg[CONTROL / 4] & CONTROL_TX_EN))
			model_error(mm, "WFIFO written with TX_EN clear");
		else
			model_tx_push(mm, (uint8_t)v);
	} else if (off == CONTROL) {
		mm->reg[off / 4] = v;
	} else {
		model_error(mm, "write of %#x to %#x, a register the driver has no business with",
			    v, off);
	}
}

static struct uart_port meson_port(void)
{
	model_attach(&m, "meson", MESON_FIFO, meson_read, meson_write);
	m.reg[CONTROL / 4] = CONTROL_TX_EN | CONTROL_RX_EN | CONTROL_TWO_WIRE;
	return (struct uart_port){ .kind = MACHINE_CONSOLE_MESON, .base = model_base(),
				   .io_width = 4 };
}

static void test_init_enables_by_read_modify_write(void **state)
{
	struct uart_port p = meson_port();

	(void)state;
	m.reg[CONTROL / 4] = CONTROL_TWO_WIRE;
	assert_null(uart_init(&p));
	assert_int_equal(m.reg[CONTROL / 4], CONTROL_TWO_WIRE | CONTROL_TX_EN | CONTROL_RX_EN);
	assert_int_equal(model_count(&m, true, CONTROL), 1);
	model_expect_clean(&m);

	p = meson_port();
	assert_null(uart_init(&p));
	assert_false(model_wrote_anything(&m));
}

/* Bytes out in order (flush waiting for the shift register too), the
 * FIFO filling under a slow line, a line that never drains, getc. */
static void test_common_scenarios(void **state)
{
	static const struct model_family meson = {
		.m = &m, .port = meson_port, .slow_ticks = 3, .fills = true,
		.stuck_accepts = MESON_FIFO, .stuck_waits = 1,
	};

	(void)state;
	model_check_family(&meson);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_enables_by_read_modify_write),
		cmocka_unit_test(test_common_scenarios),
	};

	unit_init();
	return cmocka_run_group_tests_name("uart_meson", tests, NULL, NULL);
}
