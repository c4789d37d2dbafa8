/*
 * test_uart_ar3700.c - host unit tests of lib/uart/ar3700.c (the Marvell
 * Armada 3700 UART) against a register model of the block.
 *
 * Owns: the A3700 model (RBR, TSH, CTRL, STAT: a 32-byte transmit FIFO;
 * STAT's TX_FIFO_FUL, TX_FIFO_EMP and TX_EMP (FIFO and shift register)
 * following it, RX_RDY the receive queue; any write but TSH is a
 * complaint, since the driver sets nothing; 32-bit accesses only) and the
 * tests: init writes nothing, bytes out in order with flush waiting for
 * the shift register, the FIFO filling under a slow line, a line that
 * never drains, getc.
 */
#include "unit.h"
#include "uart_model.h"
#include "uart/uart.h"

#define RBR    0x00
#define TSH    0x04
#define CTRL   0x08
#define STAT   0x0c

#define STAT_RX_RDY      (1u << 4)
#define STAT_TX_EMP      (1u << 6)
#define STAT_TX_FIFO_FUL (1u << 11)
#define STAT_TX_FIFO_EMP (1u << 13)

#define AR3700_FIFO 32

static struct uart_model m;

static uint32_t ar3700_read(struct uart_model *mm, unsigned off, unsigned bytes)
{
	(void)bytes;
	switch (off) {
	case RBR:
		return model_rx_pop(mm);
	case CTRL:
		return mm->reg[off / 4];
	case STAT:
		model_status_read(mm);
		return (mm->rx_len ? STAT_RX_RDY : 0) | (model_tx_idle(mm) ? STAT_TX_EMP : 0) |
		       (model_tx_full(mm) ? STAT_TX_FIFO_FUL : 0) |
		       (model_tx_fifo_empty(mm) ? STAT_TX_FIFO_EMP : 0);
	}
	model_error(mm, "read of %#x, a register the driver has no business with", off);
	return 0;
}

static void ar3700_write(struct uart_model *mm, unsigned off, unsigned bytes, uint32_t v)
{
	(void)bytes;
	if (off == TSH)
		model_tx_push(mm, (uint8_t)v);
	else
		model_error(mm, "write of %#x to %#x: the driver sets nothing", v, off);
}

static struct uart_port ar3700_port(void)
{
	model_attach(&m, "ar3700", AR3700_FIFO, ar3700_read, ar3700_write);
	return (struct uart_port){ .kind = MACHINE_CONSOLE_AR3700, .base = model_base(),
				   .io_width = 4 };
}

static void test_init_writes_nothing(void **state)
{
	struct uart_port p = ar3700_port();

	(void)state;
	assert_null(uart_init(&p));
	assert_false(model_wrote_anything(&m));
	model_expect_clean(&m);
}

/* Bytes out in order (flush waiting for the shift register too), the
 * FIFO filling under a slow line, a line that never drains, getc. */
static void test_common_scenarios(void **state)
{
	static const struct model_family ar3700 = {
		.m = &m, .port = ar3700_port, .slow_ticks = 4, .fills = true,
		.stuck_accepts = AR3700_FIFO, .stuck_waits = 1,
	};

	(void)state;
	model_check_family(&ar3700);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_writes_nothing),
		cmocka_unit_test(test_common_scenarios),
	};

	unit_init();
	return cmocka_run_group_tests_name("uart_ar3700", tests, NULL, NULL);
}
