/*
 * test_uart_uartdm.c - host unit tests of lib/uart/msm_uartdm.c (the
 * Qualcomm MSM UARTDM, v1.4 map) against a register model of the block.
 *
 * Owns: the UARTDM model: a transfer begins with its character count
 * written to NCF_TX, which must come after CR's "reset TX_READY" and be
 * read back before the data (complaints otherwise), and must not be
 * rewritten while characters of the transfer are still due; TF takes a
 * word of up to 4 characters (as many as are due, first in bits 7:0;
 * more is a complaint, as is a word with nothing due or in DMA mode) into
 * a 64-character FIFO; ISR.TX_READY once the count is all in the FIFO;
 * SR.TX_READY (room) and SR.TX_EMPTY (FIFO and shift register empty)
 * following it; DMEN; 32-bit accesses only. The tests: init's DMEN = 0
 * (and no write when it is 0), the count before each character with its
 * reset and read-back, bytes out in order, the FIFO filling under a slow
 * line, a line that never drains (putc and flush give up within their
 * bounds), no receive.
 */
#include "unit.h"
#include "uart_model.h"
#include "uart/uart.h"

#define SR      0x08
#define CR      0x10
#define ISR     0x14
#define DMEN    0x3c
#define NCF_TX  0x40
#define TF      0x70

#define SR_TX_READY   (1u << 2)
#define SR_TX_EMPTY   (1u << 3)
#define CR_RESET_TX_READY 0x300u
#define ISR_TX_READY  (1u << 7)

#define UARTDM_FIFO 64

static struct uart_model m;
static struct {
	uint32_t dmen, ncf;
	unsigned due;                /* characters of the transfer not yet in TF */
	bool isr_tx_ready, reset_since_transfer, count_unread;
} d;

static uint32_t uartdm_read(struct uart_model *mm, unsigned off, unsigned bytes)
{
	(void)bytes;
	switch (off) {
	case SR:
		model_status_read(mm);
		return (model_tx_full(mm) ? 0 : SR_TX_READY) | (model_tx_idle(mm) ? SR_TX_EMPTY : 0);
	case ISR:
		model_status_read(mm);
		return d.isr_tx_ready ? ISR_TX_READY : 0;
	case NCF_TX:
		d.count_unread = false;
		return d.ncf;
	case DMEN:
		return d.dmen;
	}
	model_error(mm, "read of %#x, a register the driver has no business with", off);
	return 0;
}

static void uartdm_count(struct uart_model *mm, uint32_t v)
{
	if (d.due)
		model_error(mm, "NCF_TX rewritten with %u character(s) of a transfer due", d.due);
	if (!d.reset_since_transfer)
		model_error(mm, "NCF_TX written without CR's reset of TX_READY");
	d.ncf = v;
	d.due = v;
	d.reset_since_transfer = false;
	d.count_unread = true;
}

static void uartdm_tf(struct uart_model *mm, uint32_t v)
{
	unsigned n = d.due < 4 ? d.due : 4;

	if (!d.due || d.dmen || d.count_unread) {
		model_error(mm, "TF written %s", !d.due ? "with no count (NCF_TX)" :
			    d.dmen ? "in DMA mode" : "before the count was read back");
		return;
	}
	if (n < 4 && v >> (8 * n))
		model_error(mm, "TF word %#x holds more than %u character(s)", v, n);
	for (unsigned i = 0; i < n; i++)
		model_tx_push(mm, (uint8_t)(v >> (8 * i)));
	d.due -= n;
	if (!d.due)
		d.isr_tx_ready = true;
}

static void uartdm_write(struct uart_model *mm, unsigned off, unsigned bytes, uint32_t v)
{
	(void)bytes;
	switch (off) {
	case CR:
		if (v != CR_RESET_TX_READY)
			model_error(mm, "CR command %#x: not the driver's", v);
		d.isr_tx_ready = false;
		d.reset_since_transfer = true;
		return;
	case NCF_TX:
		uartdm_count(mm, v);
		return;
	case TF:
		uartdm_tf(mm, v);
		return;
	case DMEN:
		d.dmen = v;
		return;
	}
	model_error(mm, "write of %#x to %#x: not the driver's", v, off);
}

/* As the boot loader leaves it: idle, its last transfer done. */
static struct uart_port uartdm_port(void)
{
	model_attach(&m, "UARTDM", UARTDM_FIFO, uartdm_read, uartdm_write);
	memset(&d, 0, sizeof(d));
	d.isr_tx_ready = true;
	return (struct uart_port){ .kind = MACHINE_CONSOLE_MSM_UARTDM, .base = model_base(),
				   .io_width = 4 };
}

static void test_init_clears_dmen(void **state)
{
	struct uart_port p = uartdm_port();

	(void)state;
	d.dmen = 0x3;                           /* TX and RX data mover */
	assert_null(uart_init(&p));
	assert_int_equal(d.dmen, 0);
	assert_int_equal(model_count(&m, true, DMEN), 1);

	p = uartdm_port();
	assert_null(uart_init(&p));
	assert_false(model_wrote_anything(&m));
	model_expect_clean(&m);
}

/* Before each character: CR reset, NCF_TX = 1, NCF_TX read back; then
 * TF. */
static void test_count_before_each_character(void **state)
{
	static const char s[] = "msm8916: hello\r\n";
	struct uart_port p = uartdm_port();

	(void)state;
	assert_null(uart_init(&p));
	model_check_sends(&m, &p, s);
	assert_int_equal(model_count(&m, true, TF), sizeof(s) - 1);
	for (unsigned i = 0; i < sizeof(s) - 1; i++) {
		int cr = model_find(&m, true, CR, i), ncf = model_find(&m, true, NCF_TX, i);
		int back = model_find(&m, false, NCF_TX, i), tf = model_find(&m, true, TF, i);

		assert_true(cr >= 0 && cr < ncf && ncf < back && back < tf);
		assert_int_equal(m.log[ncf].value, 1);
		assert_int_equal(m.log[tf].value, (uint8_t)s[i]);
		if (i + 1 < sizeof(s) - 1)
			assert_true(tf < model_find(&m, true, CR, i + 1));
	}
}

/* Bytes out in order, the FIFO filling under a slow line (a putc reads
 * the status 3 times: a step every 7 is slower), a line that never
 * drains (putc: the previous transfer's wait, at once, then the room). */
static void test_common_scenarios(void **state)
{
	static const struct model_family uartdm = {
		.m = &m, .port = uartdm_port, .slow_ticks = 7, .fills = true,
		.stuck_accepts = UARTDM_FIFO, .stuck_waits = 2,
	};

	(void)state;
	model_check_family(&uartdm);
}

static void test_no_receive(void **state)
{
	struct uart_port p = uartdm_port();

	(void)state;
	assert_null(uart_init(&p));
	m.n_log = 0;
	assert_int_equal(uart_getc(&p), -1);
	assert_int_equal(m.n_log, 0);
	assert_false(uart_kind_receives(MACHINE_CONSOLE_MSM_UARTDM));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_clears_dmen),
		cmocka_unit_test(test_count_before_each_character),
		cmocka_unit_test(test_common_scenarios),
		cmocka_unit_test(test_no_receive),
	};

	unit_init();
	return cmocka_run_group_tests_name("uart_uartdm", tests, NULL, NULL);
}
