/*
 * test_uart_geni.c - host unit tests of lib/uart/geni.c (the Qualcomm GENI
 * serial engine in UART mode) against a register model of the engine.
 *
 * Owns: the GENI model: FW_REVISION's protocol and DMA_MODE_EN as a test
 * sets them; the TX packing registers; a main-sequencer TX command that
 * START_TX begins with UART_TX_TRANS_LEN characters to come (a complaint
 * if one already runs, if the packing is not 4 bytes of 8 bits LSB first,
 * or if the watermark or the length were not set); TX_FIFO words taken
 * only under a command, no more characters than the length, never in DMA
 * mode; M_IRQ_STATUS's TX_FIFO_WATERMARK while the FIFO is below the
 * watermark and characters are still due, CMD_DONE once they are all out
 * (STATUS.M_GENI_CMD_ACTIVE until then), M_IRQ_CLEAR; M_CMD_CTRL's ABORT
 * ending the command (FIFO flushed, CMD_ABORT and CMD_DONE raised), or,
 * in a variant, never confirmed; 32-bit accesses only. The tests: init's
 * refusals by name (not UART, DMA mode) with no write, the packing
 * written only when it differs, a command the firmware left running
 * waited for, aborted, or refused when even the abort hangs; the exact
 * transaction of each character and the bytes out in order, fast and on
 * a slow line; the abort path when the line never drains (the next putc,
 * and flush, give up within their bounds and abort the command), when
 * the watermark never comes, and when the abort itself hangs; no receive.
 */
#include "unit.h"
#include "uart_model.h"
#include "uart/uart.h"

#define STATUS          0x040
#define FW_REVISION     0x068
#define DMA_MODE_EN     0x258
#define TX_PACKING_CFG0 0x260
#define TX_PACKING_CFG1 0x264
#define TX_TRANS_LEN    0x270
#define M_CMD0          0x600
#define M_CMD_CTRL      0x604
#define M_IRQ_STATUS    0x610
#define M_IRQ_CLEAR     0x618
#define TX_FIFO         0x700
#define TX_FIFO_STATUS  0x800
#define TX_WATERMARK    0x80c

#define START_TX        0x08000000u
#define CMD_ABORT       (1u << 1)
#define IRQ_CMD_DONE    (1u << 0)
#define IRQ_CMD_ABORT   (1u << 5)
#define IRQ_WATERMARK   (1u << 30)
#define PACK0           0x4380eu
#define PACK1           0xc3e0eu

#define GENI_FIFO_WORDS 16
#define GENI_FIFO       (4 * GENI_FIFO_WORDS)

static struct uart_model m;
static struct {
	uint32_t fw_revision, dma_mode, pack0, pack1, trans_len, watermark, irq;
	bool active, abort_hangs;
	unsigned due;                /* characters of the command still to write */
	unsigned aborts;
} g;

static unsigned fifo_words(void)
{
	return (m.level + 3) / 4;
}

/* What follows the FIFO: the watermark flag while characters are due and
 * the FIFO is below it; the end of the command once all are out. */
static void geni_update(struct uart_model *mm)
{
	if (g.active && g.due && fifo_words() < g.watermark)
		g.irq |= IRQ_WATERMARK;
	if (g.active && !g.due && model_tx_idle(mm)) {
		g.active = false;
		g.irq |= IRQ_CMD_DONE;
	}
}

static void geni_after_tick(struct uart_model *mm, bool byte_left_fifo)
{
	(void)byte_left_fifo;
	geni_update(mm);
}

static uint32_t geni_read(struct uart_model *mm, unsigned off, unsigned bytes)
{
	(void)bytes;
	switch (off) {
	case STATUS:
		model_status_read(mm);
		return g.active ? 1 : 0;
	case M_IRQ_STATUS:
		model_status_read(mm);
		geni_update(mm);
		return g.irq;
	case TX_FIFO_STATUS:
		model_status_read(mm);
		return fifo_words();
	case FW_REVISION:     return g.fw_revision;
	case DMA_MODE_EN:     return g.dma_mode;
	case TX_PACKING_CFG0: return g.pack0;
	case TX_PACKING_CFG1: return g.pack1;
	}
	model_error(mm, "read of %#x, a register the driver has no business with", off);
	return 0;
}

static void geni_start(struct uart_model *mm, uint32_t v)
{
	if (v != START_TX)
		model_error(mm, "M_CMD0 = %#x: not UART_START_TX", v);
	else if (g.active)
		model_error(mm, "START_TX while a command runs");
	else if (g.pack0 != PACK0 || g.pack1 != PACK1)
		model_error(mm, "START_TX with TX packing %#x/%#x", g.pack0, g.pack1);
	else if (!g.watermark || !g.trans_len)
		model_error(mm, "START_TX without a watermark or a length");
	g.active = true;
	g.due = g.trans_len;
}

static void geni_tx_word(struct uart_model *mm, uint32_t v)
{
	unsigned n = g.due < 4 ? g.due : 4;

	if (!g.active || !g.due || g.dma_mode) {
		model_error(mm, "TX_FIFO written %s", !g.active ? "with no command" :
			    !g.due ? "past the command's length" : "in DMA mode");
		return;
	}
	if (n < 4 && v >> (8 * n))
		model_error(mm, "TX_FIFO word %#x holds more than %u character(s)", v, n);
	for (unsigned i = 0; i < n; i++)
		model_tx_push(mm, (uint8_t)(v >> (8 * i)));
	g.due -= n;
}

static void geni_abort(struct uart_model *mm, uint32_t v)
{
	if (v != CMD_ABORT)
		model_error(mm, "M_CMD_CTRL = %#x: not ABORT", v);
	g.aborts++;
	if (g.abort_hangs)
		return;
	g.active = false;
	g.due = 0;
	mm->level = 0;
	mm->shifting = false;
	g.irq |= IRQ_CMD_ABORT | IRQ_CMD_DONE;
}

static void geni_write(struct uart_model *mm, unsigned off, unsigned bytes, uint32_t v)
{
	(void)bytes;
	switch (off) {
	case TX_PACKING_CFG0: g.pack0 = v; return;
	case TX_PACKING_CFG1: g.pack1 = v; return;
	case TX_WATERMARK:    g.watermark = v; return;
	case M_IRQ_CLEAR:     g.irq &= ~v; return;
	case M_CMD0:          geni_start(mm, v); return;
	case TX_FIFO:         geni_tx_word(mm, v); return;
	case M_CMD_CTRL:      geni_abort(mm, v); return;
	case TX_TRANS_LEN:
		if (g.active)
			model_error(mm, "TX length written while a command runs");
		g.trans_len = v;
		return;
	}
	model_error(mm, "write of %#x to %#x: not the driver's", v, off);
}

/* An engine as the boot firmware leaves it: UART protocol (2) in FIFO
 * mode, packed 1 byte a word by the firmware's own driver, idle. */
static struct uart_port geni_port(void)
{
	model_attach(&m, "GENI", GENI_FIFO, geni_read, geni_write);
	m.after_tick = geni_after_tick;
	memset(&g, 0, sizeof(g));
	g.fw_revision = 2u << 8 | 0x30;
	g.pack0 = 0xf;
	return (struct uart_port){ .kind = MACHINE_CONSOLE_GENI, .base = model_base(),
				   .io_width = 4 };
}

static void test_init_refuses_by_name(void **state)
{
	struct uart_port p = geni_port();
	const char *why;

	(void)state;
	g.fw_revision = 3u << 8;                 /* SPI */
	why = uart_init(&p);
	assert_non_null(why);
	assert_non_null(strstr(why, "UART protocol"));
	assert_false(model_wrote_anything(&m));

	p = geni_port();
	g.dma_mode = 1;
	why = uart_init(&p);
	assert_non_null(why);
	assert_non_null(strstr(why, "DMA mode"));
	assert_false(model_wrote_anything(&m));
	model_expect_clean(&m);
}

static void test_init_sets_packing(void **state)
{
	struct uart_port p = geni_port();

	(void)state;
	assert_null(uart_init(&p));
	assert_int_equal(g.pack0, PACK0);
	assert_int_equal(g.pack1, PACK1);
	model_expect_clean(&m);

	/* Already so: not written. */
	p = geni_port();
	g.pack0 = PACK0;
	g.pack1 = PACK1;
	assert_null(uart_init(&p));
	assert_false(model_wrote_anything(&m));
}

/* The firmware's last command: waited for while it drains; aborted when
 * it never ends; the port refused only when the abort hangs too. */
static void test_init_and_a_command_left_running(void **state)
{
	struct uart_port p = geni_port();

	(void)state;
	g.active = true;
	model_tx_push(&m, 'f');
	assert_null(uart_init(&p));
	assert_false(g.active);
	assert_int_equal(g.aborts, 0);
	assert_string_equal(model_sent(&m), "f");

	p = geni_port();
	g.active = true;
	g.due = 3;                               /* characters that never come */
	assert_null(uart_init(&p));
	assert_int_equal(g.aborts, 1);
	assert_int_equal(g.irq & (IRQ_CMD_ABORT | IRQ_CMD_DONE), 0);  /* cleared */
	model_check_sends(&m, &p, "ok");

	p = geni_port();
	g.active = true;
	g.due = 3;
	g.abort_hangs = true;
	assert_non_null(uart_init(&p));
	model_expect_clean(&m);
}

/* Each character: flags cleared, watermark 2, length 1, START_TX, the
 * word, the watermark flag cleared; in that order, nothing else written. */
static void test_transaction_of_each_character(void **state)
{
	static const char s[] = "sdm845: hello\r\n";
	struct uart_port p = geni_port();
	unsigned first, w = 0;

	(void)state;
	assert_null(uart_init(&p));
	first = m.n_log;
	model_check_sends(&m, &p, s);
	for (unsigned i = 0; i < sizeof(s) - 1; i++) {
		const struct { unsigned off; uint32_t value; } want[] = {
			{ M_IRQ_CLEAR, IRQ_CMD_DONE | IRQ_WATERMARK }, { TX_WATERMARK, 2 },
			{ TX_TRANS_LEN, 1 }, { M_CMD0, START_TX }, { TX_FIFO, (uint8_t)s[i] },
			{ M_IRQ_CLEAR, IRQ_WATERMARK },
		};

		for (unsigned k = 0; k < ARRAY_LEN(want); k++) {
			while (first < m.n_log && !m.log[first].write)
				first++;
			assert_true(first < m.n_log);
			if (m.log[first].off != want[k].off || m.log[first].value != want[k].value)
				fail_msg("character %u, write %u: %#x = %#x, expected %#x = %#x", i, k,
					 m.log[first].off, m.log[first].value, want[k].off,
					 want[k].value);
			first++, w++;
		}
	}
	assert_int_equal(w, 6 * (sizeof(s) - 1));
	assert_int_equal(g.aborts, 0);
}

static void test_slow_line(void **state)
{
	struct uart_port p = geni_port();

	(void)state;
	assert_null(uart_init(&p));
	m.ticks_per_step = 7;
	model_check_sends(&m, &p, "a slower line than the CPU: every byte still in order\n");
	assert_int_equal(g.aborts, 0);
}

/* The abort: M_CMD_CTRL = ABORT, a read of M_IRQ_STATUS (the bounded
 * wait for CMD_ABORT), then, as the next write, CMD_DONE and CMD_ABORT
 * cleared. */
static void expect_abort_sequence(void)
{
	int i = model_find(&m, true, M_CMD_CTRL, 0);

	assert_true(i >= 0);
	assert_int_equal(m.log[i].value, CMD_ABORT);
	assert_false(m.log[i + 1].write);
	assert_int_equal(m.log[i + 1].off, M_IRQ_STATUS);
	while (++i < (int)m.n_log && !m.log[i].write)
		;
	assert_true(i < (int)m.n_log);
	assert_int_equal(m.log[i].off, M_IRQ_CLEAR);
	assert_int_equal(m.log[i].value, IRQ_CMD_DONE | IRQ_CMD_ABORT);
}

/* The line never drains: the first character's command never ends, so
 * the next putc waits its bound, aborts and fails; flush too. */
static void test_never_drains_aborts(void **state)
{
	struct uart_port p = geni_port();
	unsigned before;

	(void)state;
	assert_null(uart_init(&p));
	m.ticks_per_step = 0;
	assert_true(uart_putc(&p, 'a'));
	before = m.status_reads;
	assert_false(uart_putc(&p, 'b'));
	assert_in_range(m.status_reads - before, 2, 2 * MODEL_WAIT_READS);
	assert_int_equal(g.aborts, 1);
	assert_false(g.active);
	assert_int_equal(g.irq & (IRQ_CMD_ABORT | IRQ_CMD_DONE), 0);
	expect_abort_sequence();

	/* flush of a command that never ends: bounded, aborted, false. */
	p = geni_port();
	assert_null(uart_init(&p));
	m.ticks_per_step = 0;
	assert_true(uart_putc(&p, 'a'));
	before = m.status_reads;
	assert_false(uart_flush(&p));
	assert_in_range(m.status_reads - before, 2, 2 * MODEL_WAIT_READS);
	assert_int_equal(g.aborts, 1);
	expect_abort_sequence();
	assert_int_equal(m.n_sent, 0);
	model_expect_clean(&m);
}

/* No watermark (the FIFO full of a stuck command's words): putc aborts
 * the command it started and fails; when the abort hangs as well, it
 * still returns within two bounds. */
static void test_no_watermark_and_hung_abort(void **state)
{
	(void)state;
	for (int hang = 0; hang <= 1; hang++) {
		struct uart_port p = geni_port();
		unsigned before;

		assert_null(uart_init(&p));
		m.ticks_per_step = 0;
		for (unsigned i = 0; i < GENI_FIFO; i++)
			model_tx_push(&m, '.');
		g.abort_hangs = hang;
		before = m.status_reads;
		assert_false(uart_putc(&p, 'w'));
		/* The first look at STATUS, then two bounded waits at most. */
		assert_in_range(m.status_reads - before, 1, 1 + 2 * MODEL_WAIT_READS);
		assert_int_equal(g.aborts, 1);
		assert_int_equal(g.active, hang);
		model_expect_clean(&m);
	}
}

static void test_no_receive(void **state)
{
	struct uart_port p = geni_port();

	(void)state;
	assert_null(uart_init(&p));
	m.n_log = 0;
	model_rx_feed(&m, "x");
	assert_int_equal(uart_getc(&p), -1);
	assert_int_equal(m.n_log, 0);
	assert_false(uart_kind_receives(MACHINE_CONSOLE_GENI));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_refuses_by_name),
		cmocka_unit_test(test_init_sets_packing),
		cmocka_unit_test(test_init_and_a_command_left_running),
		cmocka_unit_test(test_transaction_of_each_character),
		cmocka_unit_test(test_slow_line),
		cmocka_unit_test(test_never_drains_aborts),
		cmocka_unit_test(test_no_watermark_and_hung_abort),
		cmocka_unit_test(test_no_receive),
	};

	unit_init();
	return cmocka_run_group_tests_name("uart_geni", tests, NULL, NULL);
}
