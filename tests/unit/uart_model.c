/*
 * uart_model.c - the common half of the UART register models (see
 * uart_model.h), and the accessors lib/uart/mmio.h calls when built with
 * -DUART_MMIO_MODEL.
 *
 * Owns: the window of register addresses, the access log, the
 * transmitter (FIFO, shift register, ticks), the receive queue, the
 * complaints, and the scenarios every family's test runs. Every access is
 * checked before the family sees it: inside the window, aligned to its
 * own width, 1, 2 or 4 bytes, and of the family's width if it has one.
 */
#include "unit.h"
#include <stdarg.h>
#include <stdio.h>
#include "uart_model.h"
#include "uart/uart.h"

struct uart_model *model_current;

static _Alignas(4096) uint8_t window[MODEL_WINDOW];

uintptr_t model_base(void)
{
	return (uintptr_t)window;
}

void model_attach(struct uart_model *m, const char *name, unsigned depth,
		  uint32_t (*read)(struct uart_model *, unsigned, unsigned),
		  void (*write)(struct uart_model *, unsigned, unsigned, uint32_t))
{
	memset(m, 0, sizeof(*m));
	m->name = name;
	m->depth = depth < MODEL_FIFO_MAX ? depth : MODEL_FIFO_MAX;
	m->read = read;
	m->write = write;
	m->ticks_per_step = 1;
	m->width = 4;
	model_current = m;
}

void model_error(struct uart_model *m, const char *fmt, ...)
{
	va_list ap;

	if (m->errors++)
		return;
	va_start(ap, fmt);
	vsnprintf(m->first_error, sizeof(m->first_error), fmt, ap);
	va_end(ap);
}

void model_expect_clean(const struct uart_model *m)
{
	if (m->errors)
		fail_msg("%s model: %u complaint(s), the first: %s", m->name, m->errors,
			 m->first_error);
}

void model_tick(struct uart_model *m)
{
	bool moved = false;

	if (!m->ticks_per_step)
		return;                      /* stuck: nothing ever leaves */
	if (m->shifting) {
		if (m->n_sent < MODEL_SENT_MAX - 1)
			m->sent[m->n_sent++] = (char)m->shifter;
		m->shifting = false;
	}
	if (m->level) {
		m->shifter = m->fifo[0];
		memmove(m->fifo, m->fifo + 1, --m->level);
		m->shifting = true;
		moved = true;
	}
	if (m->after_tick)
		m->after_tick(m, moved);
}

void model_status_read(struct uart_model *m)
{
	m->status_reads++;
	if (m->ticks_per_step && ++m->reads_since_tick >= m->ticks_per_step) {
		m->reads_since_tick = 0;
		model_tick(m);
	}
}

void model_tx_push(struct uart_model *m, uint8_t byte)
{
	if (m->level >= m->depth) {
		model_error(m, "byte 0x%02x written to a full transmit FIFO (%u bytes)", byte,
			    m->depth);
		return;
	}
	m->fifo[m->level++] = byte;
	if (m->level > m->max_level)
		m->max_level = m->level;
}

bool model_tx_full(const struct uart_model *m)
{
	return m->level >= m->depth;
}

bool model_tx_fifo_empty(const struct uart_model *m)
{
	return m->level == 0;
}

bool model_tx_idle(const struct uart_model *m)
{
	return m->level == 0 && !m->shifting;
}

void model_drain(struct uart_model *m)
{
	for (unsigned i = 0; i < 10000 && !model_tx_idle(m); i++)
		model_tick(m);
}

void model_rx_feed(struct uart_model *m, const char *s)
{
	while (*s && m->rx_len < MODEL_FIFO_MAX)
		m->rx[m->rx_len++] = (uint8_t)*s++;
}

uint8_t model_rx_pop(struct uart_model *m)
{
	uint8_t c;

	if (!m->rx_len)
		return 0;
	c = m->rx[0];
	memmove(m->rx, m->rx + 1, --m->rx_len);
	return c;
}

unsigned model_count(const struct uart_model *m, bool write, unsigned off)
{
	unsigned n = 0;

	for (unsigned i = 0; i < m->n_log; i++)
		n += m->log[i].write == write && m->log[i].off == off;
	return n;
}

int model_find(const struct uart_model *m, bool write, unsigned off, unsigned n)
{
	for (unsigned i = 0; i < m->n_log; i++)
		if (m->log[i].write == write && m->log[i].off == off && n-- == 0)
			return (int)i;
	return -1;
}

bool model_wrote_anything(const struct uart_model *m)
{
	for (unsigned i = 0; i < m->n_log; i++)
		if (m->log[i].write)
			return true;
	return false;
}

const char *model_sent(struct uart_model *m)
{
	m->sent[m->n_sent] = '\0';
	return m->sent;
}

/* The offset of an access in the window, or a complaint (and -1). */
static long checked_offset(struct uart_model *m, uintptr_t addr, unsigned bytes)
{
	uintptr_t off = addr - (uintptr_t)window;

	if (addr < (uintptr_t)window || off + bytes > MODEL_WINDOW) {
		model_error(m, "access at %#lx, outside the register window", (unsigned long)addr);
		return -1;
	}
	if ((bytes != 1 && bytes != 2 && bytes != 4) || off % bytes) {
		model_error(m, "%u-byte access at offset %#lx: misaligned", bytes,
			    (unsigned long)off);
		return -1;
	}
	if (m->width && bytes != m->width)
		model_error(m, "%u-byte access at offset %#lx: the %s's registers take %u", bytes,
			    (unsigned long)off, m->name, m->width);
	return (long)off;
}

static void log_access(struct uart_model *m, bool write, unsigned off, unsigned bytes,
		       uint32_t v)
{
	if (m->n_log < MODEL_LOG_MAX)
		m->log[m->n_log++] = (struct model_access){ write, off, bytes, v };
}

uint32_t uart_model_read(uintptr_t addr, unsigned bytes)
{
	struct uart_model *m = model_current;
	long off = checked_offset(m, addr, bytes);
	uint32_t v;

	if (off < 0)
		return 0;
	v = m->read(m, (unsigned)off, bytes);
	log_access(m, false, (unsigned)off, bytes, v);
	return v;
}

void uart_model_write(uintptr_t addr, unsigned bytes, uint32_t v)
{
	struct uart_model *m = model_current;
	long off = checked_offset(m, addr, bytes);

	if (off < 0)
		return;
	log_access(m, true, (unsigned)off, bytes, v);
	m->write(m, (unsigned)off, bytes, v);
}

/* ---- scenarios ---- */

void model_check_sends(struct uart_model *m, const struct uart_port *p, const char *s)
{
	for (const char *c = s; *c; c++)
		if (!uart_putc(p, *c))
			fail_msg("%s: uart_putc('%c') failed", m->name, *c);
	assert_true(uart_flush(p));
	if (m->flush_leaves_shifter) {
		assert_true(model_tx_fifo_empty(m));
		model_drain(m);
	}
	assert_true(model_tx_idle(m));
	assert_string_equal(model_sent(m), s);
	model_expect_clean(m);
}

/* Three FIFOs' worth of printable bytes in s (3 * MODEL_FIFO_MAX + 1
 * bytes), NUL-terminated; their count. */
static unsigned three_fifos(const struct uart_model *m, char *s)
{
	unsigned n = 3 * m->depth;

	for (unsigned i = 0; i < n; i++)
		s[i] = (char)('!' + i % 90);
	s[n] = '\0';
	return n;
}

void model_check_slow(struct uart_model *m, const struct uart_port *p, unsigned ticks,
		      bool fills)
{
	char s[3 * MODEL_FIFO_MAX + 1];

	three_fifos(m, s);
	m->ticks_per_step = ticks;
	model_check_sends(m, p, s);
	if (fills && m->max_level != m->depth)
		fail_msg("%s: the FIFO held at most %u of %u bytes: the driver did not fill it",
			 m->name, m->max_level, m->depth);
}

unsigned model_check_never_drains(struct uart_model *m, const struct uart_port *p,
				  unsigned waits)
{
	unsigned accepted = 0, before;

	m->ticks_per_step = 0;
	for (;;) {
		before = m->status_reads;
		if (!uart_putc(p, 'x'))
			break;
		if (++accepted > m->depth)
			fail_msg("%s: %u bytes accepted by a FIFO of %u that never drains",
				 m->name, accepted, m->depth);
	}
	if (m->status_reads - before > waits * MODEL_WAIT_READS)
		fail_msg("%s: the failing putc read the status %u times (bound %u)", m->name,
			 m->status_reads - before, waits * MODEL_WAIT_READS);
	before = m->status_reads;
	assert_false(uart_flush(p));
	if (m->status_reads - before > waits * MODEL_WAIT_READS)
		fail_msg("%s: the failing flush read the status %u times (bound %u)", m->name,
			 m->status_reads - before, waits * MODEL_WAIT_READS);
	assert_int_equal(m->n_sent, 0);
	model_expect_clean(m);
	return accepted;
}

void model_check_getc(struct uart_model *m, const struct uart_port *p)
{
	assert_int_equal(uart_getc(p), -1);
	model_rx_feed(m, "ok\xff");
	assert_int_equal(uart_getc(p), 'o');
	assert_int_equal(uart_getc(p), 'k');
	assert_int_equal(uart_getc(p), 0xff);
	assert_int_equal(uart_getc(p), -1);
	assert_int_equal(uart_getc(p), -1);
	model_expect_clean(m);
}

void model_check_writes(struct uart_model *m, const struct uart_port *p, unsigned ticks,
			unsigned stuck_accepts)
{
	char s[3 * MODEL_FIFO_MAX + 1];
	unsigned n = three_fifos(m, s);

	m->ticks_per_step = ticks;
	assert_int_equal(uart_write(p, s, n), n);
	assert_true(uart_flush(p));
	if (m->flush_leaves_shifter)
		model_drain(m);
	assert_true(model_tx_idle(m));
	assert_string_equal(model_sent(m), s);
	model_expect_clean(m);

	/* The line stuck: what fits is taken, then the bounded wait ends. */
	model_drain(m);
	m->n_sent = 0;
	m->ticks_per_step = 0;
	assert_int_equal(uart_write(p, s, n), stuck_accepts);
	assert_int_equal(m->n_sent, 0);
	model_expect_clean(m);
}

/* A fresh model and its port, set up by the driver. */
static struct uart_port family_port(const struct model_family *f)
{
	struct uart_port p = f->port();

	assert_null(uart_init(&p));
	return p;
}

void model_check_family(const struct model_family *f)
{
	struct uart_port p = family_port(f);

	model_check_sends(f->m, &p, "hello from the stub\r\n");
	p = family_port(f);
	model_check_slow(f->m, &p, f->slow_ticks, f->fills);
	p = family_port(f);
	assert_int_equal(model_check_never_drains(f->m, &p, f->stuck_waits), f->stuck_accepts);
	p = family_port(f);
	model_check_writes(f->m, &p, f->slow_ticks, f->stuck_accepts);
	if (uart_kind_receives(p.kind)) {
		p = family_port(f);
		model_check_getc(f->m, &p);
	}
}
