/*
 * test_uart_scif.c - host unit tests of lib/uart/scif.c (the Renesas
 * SCIF) against a register model of the block.
 *
 * Owns: the SCIF model: each register at its own width (SCSCR, SCFSR,
 * SCFDR, SCLSR 16-bit; SCFTDR, SCFRDR 8-bit; any other width, and any
 * write to SCSMR, SCBRR or SCFCR, a complaint); a 16-byte transmit FIFO
 * that takes data only while SCSCR.TE is set; SCFSR's flags latched and
 * cleared only by writing 0 after reading them as 1 (writing 1 keeps
 * them); TDFE set when a byte leaving the FIFO brings it to the trigger
 * (SCFCR.TTRG, 8 bytes) or below, and cleared when the FIFO passes it;
 * TEND set when the line goes idle, cleared by a byte written; a "level"
 * variant where TDFE is set at every read while the FIFO is at or below
 * the trigger (what a polled putc that clears TDFE after each byte, as
 * Linux's and U-Boot's do, needs from the hardware when a byte leaves the
 * FIFO between its read of TDFE and its clear); SCLSR.ORER. The tests: init's
 * read-modify-write of TE and RE, bytes out in order with each byte
 * followed by the 16-bit SCFSR = 0x009F flag-clear write, a slow line in
 * both TDFE variants, a line that never drains, getc with its flag clears
 * and the clearing of a break, a receive error and an overrun.
 */
#include "unit.h"
#include "uart_model.h"
#include "uart/uart.h"

#define SCSMR   0x00
#define SCBRR   0x04
#define SCSCR   0x08
#define SCFTDR  0x0c
#define SCFSR   0x10
#define SCFRDR  0x14
#define SCFCR   0x18
#define SCFDR   0x1c
#define SCLSR   0x24

#define SCSCR_CKE1  (1u << 1)      /* clock source: the firmware's, kept */
#define SCSCR_RE    (1u << 4)
#define SCSCR_TE    (1u << 5)
#define FSR_DR      (1u << 0)
#define FSR_RDF     (1u << 1)
#define FSR_BRK     (1u << 4)
#define FSR_TDFE    (1u << 5)
#define FSR_TEND    (1u << 6)
#define FSR_ER      (1u << 7)
#define FSR_FLAGS   (FSR_ER | FSR_TEND | FSR_TDFE | FSR_BRK | FSR_RDF | FSR_DR)
#define LSR_ORER    (1u << 0)

#define SCIF_FIFO   16
#define SCIF_TRIGGER 8             /* SCFCR.TTRG 00 */

static struct uart_model m;
static uint16_t fsr, fsr_seen, lsr, lsr_seen;
static bool tx_busy, level_tdfe;

static unsigned width_of(unsigned off)
{
	switch (off) {
	case SCBRR: case SCFTDR: case SCFRDR:
		return 1;
	case SCSMR: case SCSCR: case SCFSR: case SCFCR: case SCFDR: case SCLSR:
		return 2;
	}
	return 0;
}

/* SCFCR.TTRG (bits 5:4): 8, 4, 2 or 0 bytes. */
static unsigned tx_trigger(void)
{
	static const unsigned ttrg[] = { 8, 4, 2, 0 };

	return ttrg[(m.reg[SCFCR / 4] >> 4) & 3];
}

static void scif_after_tick(struct uart_model *mm, bool byte_left_fifo)
{
	if (byte_left_fifo && mm->level <= tx_trigger())
		fsr |= FSR_TDFE;
	if (tx_busy && model_tx_idle(mm)) {
		fsr |= FSR_TEND;
		tx_busy = false;
	}
}

static uint32_t scif_read(struct uart_model *mm, unsigned off, unsigned bytes)
{
	if (bytes != width_of(off))
		model_error(mm, "%u-byte read at %#x: the register is %u bytes", bytes, off,
			    width_of(off));
	switch (off) {
	case SCSCR:
		return mm->reg[off / 4];
	case SCFSR:
		model_status_read(mm);
		if (level_tdfe && mm->level <= tx_trigger())
			fsr |= FSR_TDFE;
		fsr_seen |= fsr;
		return fsr;
	case SCFRDR:
		return model_rx_pop(mm);
	case SCFDR:
		return (uint32_t)mm->level << 8 | mm->rx_len;
	case SCLSR:
		lsr_seen |= lsr;
		return lsr;
	}
	model_error(mm, "read of %#x, a register the driver has no business with", off);
	return 0;
}

/* Flags written 0 that were read as 1 are cleared; the others stay. */
static uint16_t clear_flags(uint16_t flags, uint16_t *seen, uint16_t mask, uint32_t v)
{
	uint16_t cleared = (uint16_t)(flags & *seen & mask & ~v);

	*seen &= (uint16_t)~cleared;
	return (uint16_t)(flags & ~cleared);
}

static void scif_write(struct uart_model *mm, unsigned off, unsigned bytes, uint32_t v)
{
	if (bytes != width_of(off))
		model_error(mm, "%u-byte write at %#x: the register is %u bytes", bytes, off,
			    width_of(off));
	switch (off) {
	case SCSCR:
		mm->reg[off / 4] = v;
		return;
	case SCFTDR:
		if (!(mm->reg[SCSCR / 4] & SCSCR_TE))
			model_error(mm, "SCFTDR written with SCSCR.TE clear");
		model_tx_push(mm, (uint8_t)v);
		tx_busy = true;
		fsr &= (uint16_t)~FSR_TEND;
		if (mm->level > tx_trigger())
			fsr &= (uint16_t)~FSR_TDFE;
		return;
	case SCFSR:
		fsr = clear_flags(fsr, &fsr_seen, FSR_FLAGS, v);
		return;
	case SCLSR:
		lsr = clear_flags(lsr, &lsr_seen, LSR_ORER, v);
		return;
	}
	model_error(mm, "write of %#x to %#x: not the driver's", v, off);
}

/* An SCIF as the boot loader leaves it: on, idle (TDFE and TEND set). */
static struct uart_port scif_port(bool level)
{
	model_attach(&m, level ? "SCIF (level TDFE)" : "SCIF", SCIF_FIFO, scif_read, scif_write);
	m.after_tick = scif_after_tick;
	m.width = 0;                       /* each register its own: width_of */
	m.reg[SCSCR / 4] = SCSCR_TE | SCSCR_RE | SCSCR_CKE1;
	m.reg[SCFCR / 4] = 0;              /* TTRG 00: SCIF_TRIGGER */
	fsr = FSR_TDFE | FSR_TEND;
	fsr_seen = lsr = lsr_seen = 0;
	tx_busy = false;
	level_tdfe = level;
	return (struct uart_port){ .kind = MACHINE_CONSOLE_SCIF, .base = model_base(),
				   .io_width = 2 };
}

/* Every byte written to SCFTDR is followed, as the next write, by the
 * 16-bit SCFSR = 0x009F that clears TDFE and TEND and keeps the rest. */
static void expect_flag_clear_after_each_byte(unsigned bytes_sent)
{
	unsigned n = 0;

	for (unsigned i = 0; i < m.n_log; i++) {
		unsigned j = i + 1;

		if (!m.log[i].write || m.log[i].off != SCFTDR)
			continue;
		n++;
		while (j < m.n_log && !m.log[j].write)
			j++;
		if (j == m.n_log || m.log[j].off != SCFSR || m.log[j].bytes != 2 ||
		    m.log[j].value != 0x009f)
			fail_msg("byte %u: not followed by SCFSR = 0x009f (16-bit)", n);
	}
	assert_int_equal(n, bytes_sent);
}

static void test_init_enables_by_read_modify_write(void **state)
{
	struct uart_port p = scif_port(false);

	(void)state;
	m.reg[SCSCR / 4] = SCSCR_CKE1;
	assert_null(uart_init(&p));
	assert_int_equal(m.reg[SCSCR / 4], SCSCR_CKE1 | SCSCR_TE | SCSCR_RE);
	assert_int_equal(model_count(&m, true, SCSCR), 1);
	model_expect_clean(&m);

	p = scif_port(false);
	assert_null(uart_init(&p));
	assert_false(model_wrote_anything(&m));
}

static void test_sends_in_order_with_flag_clears(void **state)
{
	static const char s[] = "R-Car: hello\r\n";
	struct uart_port p = scif_port(false);

	(void)state;
	assert_null(uart_init(&p));
	model_check_sends(&m, &p, s);
	expect_flag_clear_after_each_byte(sizeof(s) - 1);
}

static void test_slow_line_both_tdfe_variants(void **state)
{
	char s[3 * SCIF_FIFO + 1];

	(void)state;
	for (unsigned i = 0; i < 3 * SCIF_FIFO; i++)
		s[i] = (char)('a' + i % 26);
	s[3 * SCIF_FIFO] = '\0';
	for (int level = 0; level <= 1; level++) {
		struct uart_port p = scif_port(level);

		assert_null(uart_init(&p));
		m.ticks_per_step = 4;
		model_check_sends(&m, &p, s);
		expect_flag_clear_after_each_byte(3 * SCIF_FIFO);
		/* Level TDFE lets the FIFO fill to one past the trigger. */
		assert_in_range(m.max_level, 1, level ? tx_trigger() + 1 : 1);
	}
}

static struct uart_port scif_edge_port(void)
{
	return scif_port(false);
}

static struct uart_port scif_level_port(void)
{
	return scif_port(true);
}

/* Both TDFE variants: bytes out in order, a slow line, a line that never
 * drains (edge TDFE: the first byte, then TDFE never comes back; level:
 * up to one past the trigger), getc. */
static void test_common_scenarios(void **state)
{
	static const struct model_family family[] = {
		{ .m = &m, .port = scif_edge_port, .slow_ticks = 4, .fills = false,
		  .stuck_accepts = 1, .stuck_waits = 1 },
		{ .m = &m, .port = scif_level_port, .slow_ticks = 4, .fills = false,
		  .stuck_accepts = SCIF_TRIGGER + 1, .stuck_waits = 1 },
	};

	(void)state;
	for (unsigned i = 0; i < ARRAY_LEN(family); i++)
		model_check_family(&family[i]);
}

static void test_getc(void **state)
{
	struct uart_port p = scif_port(false);
	int first, second;

	(void)state;
	assert_null(uart_init(&p));
	model_check_getc(&m, &p);
	/* Each byte's RDF and DR cleared by writing 0x00FC (the rest kept). */
	first = model_find(&m, true, SCFSR, 0);
	assert_true(first >= 0);
	assert_int_equal(m.log[first].value, 0x00fc);
	assert_int_equal(model_count(&m, true, SCFSR), 3);

	/* A break, a receive error and an overrun: cleared, then the byte. */
	p = scif_port(false);
	fsr |= FSR_ER | FSR_BRK;
	lsr = LSR_ORER;
	model_rx_feed(&m, "b");
	assert_int_equal(uart_getc(&p), 'b');
	assert_int_equal(fsr & (FSR_ER | FSR_BRK), 0);
	assert_int_equal(lsr, 0);
	second = model_find(&m, true, SCFSR, 0);
	assert_int_equal(m.log[second].value, 0x006f);
	assert_int_equal(model_count(&m, true, SCLSR), 1);
	model_expect_clean(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_enables_by_read_modify_write),
		cmocka_unit_test(test_sends_in_order_with_flag_clears),
		cmocka_unit_test(test_slow_line_both_tdfe_variants),
		cmocka_unit_test(test_common_scenarios),
		cmocka_unit_test(test_getc),
	};

	unit_init();
	return cmocka_run_group_tests_name("uart_scif", tests, NULL, NULL);
}
