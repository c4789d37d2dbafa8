/*
 * wait.h - the bounded wait of the UART drivers' status polls (Cadence's
 * reset, a fixed count of polls, is the one other).
 *
 * Owns: UART_WAIT_MS, how long a driver waits for a status bit before it
 * gives up (200 ms: a full 64-byte FIFO drains in 67 ms even at 9600 baud),
 * and UART_WAIT_UNTIL(cond), which polls cond until it holds (true) or the
 * bound passes (false). A UART that never answers (a wrong compatible for
 * the block, RAM instead of registers, a clock the firmware gated) is then
 * named and dropped by the console, never a silent hang. The clock is the
 * generic timer (CNTPCT_EL0 at CNTFRQ_EL0: el.S lets EL1 read it), read
 * only once the first poll has failed, so a ready UART costs nothing more;
 * where the firmware left CNTFRQ_EL0 at 0, a poll count stands in. Host
 * builds (the register models of tests/unit/test_uart.c) count polls.
 * Inline, no memory but the stack: safe with the MMU off.
 */
#ifndef UART_WAIT_H
#define UART_WAIT_H

#include <stdbool.h>
#include <stdint.h>

#define UART_WAIT_MS        200
#define UART_WAIT_TEXT      "200 ms (UART_WAIT_MS)"
/* Polls instead of time: without a timer frequency (each poll is a
 * Device read, about 100 ns or more on hardware: about 1.6 s), and on the
 * host (models that never change count as one poll each). */
#define UART_WAIT_POLLS     (1u << 24)
#define UART_WAIT_POLLS_HOST 1000u

struct uart_deadline {
	uint64_t end;            /* CNTPCT_EL0 value; 0: count polls instead */
	uint32_t polls_left;
};

static inline struct uart_deadline uart_deadline_start(void)
{
#ifdef HOST_BUILD
	return (struct uart_deadline){ 0, UART_WAIT_POLLS_HOST };
#else
	uint64_t frq, now;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(frq));
	__asm__ volatile("isb; mrs %0, cntpct_el0" : "=r"(now) : : "memory");
	if (!frq)
		return (struct uart_deadline){ 0, UART_WAIT_POLLS };
	return (struct uart_deadline){ now + frq / 1000 * UART_WAIT_MS, 0 };
#endif
}

static inline bool uart_deadline_passed(struct uart_deadline *d)
{
#ifndef HOST_BUILD
	if (d->end) {
		uint64_t now;

		__asm__ volatile("isb; mrs %0, cntpct_el0" : "=r"(now) : : "memory");
		return now >= d->end;
	}
#endif
	return d->polls_left-- == 0;
}

/* true once cond holds; false when it still does not after UART_WAIT_MS. */
#define UART_WAIT_UNTIL(cond) ({                                              \
	bool uart_wait_ok_ = true;                                            \
	if (!(cond)) {                                                        \
		struct uart_deadline uart_wait_d_ = uart_deadline_start();    \
		while (!(cond)) {                                             \
			if (uart_deadline_passed(&uart_wait_d_)) {            \
				uart_wait_ok_ = false;                        \
				break;                                        \
			}                                                     \
		}                                                             \
	}                                                                     \
	uart_wait_ok_;                                                        \
})

#endif /* UART_WAIT_H */
