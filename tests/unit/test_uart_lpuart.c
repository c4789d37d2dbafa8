/*
 * test_uart_lpuart.c - host unit tests of lib/uart/lpuart.c (NXP LPUART32:
 * the i.MX variant, its registers 0x10 into the block, and the Layerscape
 * one, at the block's start) against a register model of the block.
 *
 * Owns: the LPUART model, its register map placed at 0x10 or 0 in the
 * window (any access in front of it, where the i.MX LPUART has VERID,
 * PARAM, GLOBAL with its software reset and PINCFG, is a complaint, as is
 * one to BAUD, MATCH or MODIR), a 16-word transmit FIFO that takes data
 * only while CTRL.TE is set; STAT.TDRE (the FIFO at or below
 * WATER.TXWATER), STAT.TC (FIFO and shift register empty), FIFO.TXEMPT
 * and WATER.RXCOUNT following it; 32-bit accesses only. The tests, for
 * both kinds: init's read-modify-write of TE and RE (no write when set),
 * bytes out in order at TXWATER 0 (its reset value: a byte at a time)
 * and, at TXWATER 15, the FIFO filling under a slow line, a line that
 * never drains, getc by RXCOUNT.
 */
#include "unit.h"
#include "uart_model.h"
#include "uart/uart.h"

/* Offsets from the start of the register map. */
#define BAUD   0x00
#define STAT   0x04
#define CTRL   0x08
#define DATA   0x0c
#define FIFO   0x18
#define WATER  0x1c
#define MAP_END 0x30

#define STAT_RDRF   (1u << 21)
#define STAT_TC     (1u << 22)
#define STAT_TDRE   (1u << 23)
#define CTRL_RE     (1u << 18)
#define CTRL_TE     (1u << 19)
#define CTRL_ILT    (1u << 2)      /* a setting of the firmware's, kept */
#define FIFO_TXFE   (1u << 7)      /* FIFO enables: kept */
#define FIFO_RXFE   (1u << 3)
#define FIFO_TXEMPT (1u << 23)
#define WATER_TXWATER 0xffu

#define LPUART_FIFO 16

static struct uart_model m;
static unsigned reg_off;           /* where the map starts in the window */

static uint32_t lpuart_status(struct uart_model *mm)
{
	uint32_t txwater = mm->reg[WATER / 4] & WATER_TXWATER;

	model_status_read(mm);
	return (mm->level <= txwater ? STAT_TDRE : 0) | (model_tx_idle(mm) ? STAT_TC : 0) |
	       (mm->rx_len ? STAT_RDRF : 0);
}

static uint32_t lpuart_read(struct uart_model *mm, unsigned off, unsigned bytes)
{
	unsigned rel = off - reg_off;

	(void)bytes;
	if (off < reg_off || rel >= MAP_END) {
		model_error(mm, "read of %#x, outside the register map at %#x", off, reg_off);
		return 0;
	}
	switch (rel) {
	case STAT:
		return lpuart_status(mm);
	case CTRL:
		return mm->reg[rel / 4];
	case DATA:
		return model_rx_pop(mm);
	case FIFO:
		model_status_read(mm);
		return mm->reg[rel / 4] | (model_tx_fifo_empty(mm) ? FIFO_TXEMPT : 0);
	case WATER:
		model_status_read(mm);
		return (uint32_t)mm->rx_len << 24 | mm->level << 8 | mm->reg[rel / 4];
	}
	model_error(mm, "read of map offset %#x, a register the driver has no business with",
		    rel);
	return 0;
}

static void lpuart_write(struct uart_model *mm, unsigned off, unsigned bytes, uint32_t v)
{
	unsigned rel = off - reg_off;

	(void)bytes;
	if (off < reg_off) {
		model_error(mm, "write of %#x to %#x, in front of the map (GLOBAL, PINCFG...)", v,
			    off);
	} else if (rel == CTRL) {
		mm->reg[rel / 4] = v;
	} else if (rel == DATA) {
		if (!(mm->reg[CTRL / 4] & CTRL_TE))
			model_error(mm, "DATA written with CTRL.TE clear");
		else
			model_tx_push(mm, (uint8_t)v);
	} else {
		model_error(mm, "write of %#x to map offset %#x: not the driver's", v, rel);
	}
}

static struct uart_port lpuart_port(enum machine_console_kind kind)
{
	reg_off = kind == MACHINE_CONSOLE_LPUART32_IMX ? 0x10 : 0;
	model_attach(&m, kind == MACHINE_CONSOLE_LPUART32_IMX ? "lpuart32-imx" : "lpuart32",
		     LPUART_FIFO, lpuart_read, lpuart_write);
	m.reg[CTRL / 4] = CTRL_TE | CTRL_RE | CTRL_ILT;
	m.reg[FIFO / 4] = FIFO_TXFE | FIFO_RXFE;
	m.reg[WATER / 4] = LPUART_FIFO - 1;  /* TDRE while there is room */
	return (struct uart_port){ .kind = kind, .base = model_base(), .io_width = 4 };
}

static const enum machine_console_kind kinds[] = {
	MACHINE_CONSOLE_LPUART32_IMX, MACHINE_CONSOLE_LPUART32,
};

static void test_init_enables_by_read_modify_write(void **state)
{
	(void)state;
	for (unsigned i = 0; i < ARRAY_LEN(kinds); i++) {
		struct uart_port p = lpuart_port(kinds[i]);

		m.reg[CTRL / 4] = CTRL_ILT;
		assert_null(uart_init(&p));
		assert_int_equal(m.reg[CTRL / 4], CTRL_ILT | CTRL_TE | CTRL_RE);
		model_expect_clean(&m);

		p = lpuart_port(kinds[i]);
		assert_null(uart_init(&p));
		assert_false(model_wrote_anything(&m));
		model_expect_clean(&m);
	}
}

/* TXWATER 0 (its reset value): TDRE only with the FIFO empty, a byte
 * at a time, still every byte in order. */
static void test_sends_at_txwater_0(void **state)
{
	(void)state;
	for (unsigned i = 0; i < ARRAY_LEN(kinds); i++) {
		struct uart_port p = lpuart_port(kinds[i]);

		m.reg[WATER / 4] = 0;
		assert_null(uart_init(&p));
		model_check_sends(&m, &p, "LPUART: hello\r\n");
		assert_int_equal(m.max_level, 1);
	}
}

static struct uart_port lpuart_imx_port(void)
{
	return lpuart_port(MACHINE_CONSOLE_LPUART32_IMX);
}

static struct uart_port lpuart_ls_port(void)
{
	return lpuart_port(MACHINE_CONSOLE_LPUART32);
}

/* Both kinds at TXWATER 15: bytes out in order, the FIFO filling under a
 * slow line, a line that never drains (flush reads STAT and FIFO: two
 * reads a poll at most), getc by RXCOUNT. */
static void test_common_scenarios(void **state)
{
	const struct model_family family[] = {
		{ .m = &m, .port = lpuart_imx_port, .slow_ticks = 3, .fills = true,
		  .stuck_accepts = LPUART_FIFO, .stuck_waits = 2 },
		{ .m = &m, .port = lpuart_ls_port, .slow_ticks = 3, .fills = true,
		  .stuck_accepts = LPUART_FIFO, .stuck_waits = 2 },
	};

	(void)state;
	for (unsigned i = 0; i < ARRAY_LEN(family); i++)
		model_check_family(&family[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_enables_by_read_modify_write),
		cmocka_unit_test(test_sends_at_txwater_0),
		cmocka_unit_test(test_common_scenarios),
	};

	unit_init();
	return cmocka_run_group_tests_name("uart_lpuart", tests, NULL, NULL);
}
