/*
 * uart_model.h - the common half of the UART register models the host
 * tests run the drivers against (test_uart_<family>.c hold each family's
 * own half).
 *
 * Owns: struct uart_model and its helpers: the window of addresses a
 * port points at, every access the driver makes there (address, width,
 * value, in order, through lib/uart/mmio.h built with -DUART_MMIO_MODEL),
 * a transmitter made of a FIFO and a shift register that moves one step
 * per "tick" (by default every status read: the line drains while the
 * driver polls; ticks_per_step 0: it never drains), the bytes that left
 * the shift register in order (what a terminal would show), a receive
 * queue, and the model's complaints (an access of the wrong width or
 * alignment, a byte pushed into a full FIFO, a register written that
 * must not be...), which a test checks with model_expect_clean.
 *
 * A family's model supplies read and write (what each register does) and
 * may supply after_tick (flags that follow the transmitter). One model is
 * attached at a time (model_attach); the accessors reach it through
 * model_current.
 */
#ifndef UART_MODEL_H
#define UART_MODEL_H

#include <stdbool.h>
#include <stdint.h>
#include "uart/wait.h"

#define MODEL_WINDOW    0x1000u    /* bytes of registers a port may reach */
#define MODEL_FIFO_MAX  256u
#define MODEL_SENT_MAX  8192u
#define MODEL_LOG_MAX   65536u

struct model_access {
	bool write;
	unsigned off, bytes;
	uint32_t value;
};

struct uart_model {
	const char *name;
	uint32_t (*read)(struct uart_model *m, unsigned off, unsigned bytes);
	void (*write)(struct uart_model *m, unsigned off, unsigned bytes, uint32_t v);
	void (*after_tick)(struct uart_model *m, bool byte_left_fifo);
	unsigned width;                   /* every access's bytes (0: the
					   * family checks them itself) */
	uint32_t reg[MODEL_WINDOW / 4];   /* plain registers, the family's to use */

	/* The transmitter. */
	unsigned depth;                   /* FIFO capacity in bytes */
	uint8_t fifo[MODEL_FIFO_MAX];
	unsigned level;                   /* bytes in the FIFO */
	unsigned max_level;               /* the most it ever held */
	bool shifting;                    /* a byte in the shift register */
	uint8_t shifter;
	unsigned ticks_per_step;          /* status reads per tick; 0: stuck */
	bool flush_leaves_shifter;        /* the driver's flush waits for the
					   * FIFO only (SBSA: FR.TXFE) */
	unsigned reads_since_tick;
	char sent[MODEL_SENT_MAX];        /* the line, in order */
	unsigned n_sent;

	/* The receiver. */
	uint8_t rx[MODEL_FIFO_MAX];
	unsigned rx_len;

	/* What the driver did. */
	struct model_access log[MODEL_LOG_MAX];
	unsigned n_log;
	unsigned status_reads;            /* reads counted as polls */
	unsigned errors;
	char first_error[256];
};

extern struct uart_model *model_current;

/* Clears m (a family keeps any state of its own in reg[] or resets it
 * itself), gives it its family's functions and a FIFO of depth bytes that
 * moves a step per status read, and makes it the model the accessors
 * reach. Its accesses are 32-bit ones unless the family sets width. */
void model_attach(struct uart_model *m, const char *name, unsigned depth,
		  uint32_t (*read)(struct uart_model *, unsigned, unsigned),
		  void (*write)(struct uart_model *, unsigned, unsigned, uint32_t));

/* The address of the window's first register: a port's base. */
uintptr_t model_base(void);

/* A complaint about what the driver did (printf format); the first is
 * kept for the failure message. */
void model_error(struct uart_model *m, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Fails the running test with the first complaint, if any. */
void model_expect_clean(const struct uart_model *m);

/* A read of the family's status register: counted, and every
 * ticks_per_step of them one tick. */
void model_status_read(struct uart_model *m);

/* One step of the line: the byte in the shift register is out (appended
 * to sent), the FIFO's first byte moves into it. Nothing when stuck. */
void model_tick(struct uart_model *m);

/* A byte written to the transmit FIFO; a complaint if it is full. */
void model_tx_push(struct uart_model *m, uint8_t byte);

bool model_tx_full(const struct uart_model *m);
bool model_tx_fifo_empty(const struct uart_model *m);
bool model_tx_idle(const struct uart_model *m);   /* FIFO and shifter empty */

/* Ticks until the transmitter is idle (at most 10000). */
void model_drain(struct uart_model *m);

/* Bytes waiting to be received; popping from an empty queue gives 0. */
void model_rx_feed(struct uart_model *m, const char *s);
uint8_t model_rx_pop(struct uart_model *m);

/* How many reads (write = false) or writes of off the log holds; and the
 * index of the n-th such access (n from 0), or -1. */
unsigned model_count(const struct uart_model *m, bool write, unsigned off);
int model_find(const struct uart_model *m, bool write, unsigned off, unsigned n);

/* Whether the log holds any write at all, and the sent bytes as a string. */
bool model_wrote_anything(const struct uart_model *m);
const char *model_sent(struct uart_model *m);

/* ---- scenarios every family runs, through the dispatcher (uart.h) ---- */

struct uart_port;

/* The most status reads one bounded wait makes before it gives up: the
 * first look, UART_WAIT_POLLS_HOST more, and one to spare. */
#define MODEL_WAIT_READS (UART_WAIT_POLLS_HOST + 2u)

/* s sent with uart_putc, then uart_flush: every call true, the line
 * holds s exactly, in order, the transmitter idle (or, for a flush that
 * waits for the FIFO only, the FIFO empty, the last byte let out after),
 * no complaint. */
void model_check_sends(struct uart_model *m, const struct uart_port *p, const char *s);

/* A line that moves a step every `ticks` status reads, slower than the
 * driver writes: 3 FIFOs' worth of bytes sent, every byte out in order,
 * never one written into a full FIFO; and, if `fills`, the FIFO filled
 * up (the driver waited for room, not for an empty FIFO). */
void model_check_slow(struct uart_model *m, const struct uart_port *p, unsigned ticks,
		      bool fills);

/* A line that never moves: uart_putc succeeds while there is room, then
 * fails, and the failing call (and uart_flush after it) makes at most
 * waits * MODEL_WAIT_READS status reads: a bounded wait, no hang.
 * Returns how many bytes were accepted. */
unsigned model_check_never_drains(struct uart_model *m, const struct uart_port *p,
				  unsigned waits);

/* uart_write of 3 FIFOs' worth under a line that moves a step every
 * `ticks` status reads: all taken, out in order, never a byte into a full
 * FIFO; then, the line stuck, it takes stuck_accepts bytes and returns
 * that count within the bound. */
void model_check_writes(struct uart_model *m, const struct uart_port *p, unsigned ticks,
			unsigned stuck_accepts);

/* uart_getc: -1 with nothing received; then "ok\xff" in order, not
 * sign-extended; then -1 again. */
void model_check_getc(struct uart_model *m, const struct uart_port *p);

/* What the scenarios every family passes need to know of it. */
struct model_family {
	struct uart_model *m;
	struct uart_port (*port)(void);  /* a fresh model attached, a port on it */
	unsigned slow_ticks;             /* status reads a step of a slow line takes */
	bool fills;                      /* the FIFO fills up under it */
	unsigned stuck_accepts;          /* bytes a line that never drains takes */
	unsigned stuck_waits;            /* bounded waits in a failing putc or flush */
};

/* Each on a fresh model, after uart_init succeeded: model_check_sends,
 * model_check_slow, model_check_never_drains (it takes stuck_accepts
 * bytes), model_check_writes, and model_check_getc where the kind
 * receives. */
void model_check_family(const struct model_family *f);

#endif /* UART_MODEL_H */
