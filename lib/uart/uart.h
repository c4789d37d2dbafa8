/*
 * uart.h - the console UART interface: one port, four polled operations,
 * the driver picked at run time from the DTB's console kind.
 *
 * Owns: struct uart_port (where the UART is and how its registers are
 * laid out, as lib/machine.c read them from /chosen/stdout-path) and the
 * calls the console makes on it. The base is physical before the MMU is
 * on and virtual after: set the port up again (uart_init) when it moves.
 *
 * Dispatch is a switch on port->kind (uart.c), not a table of function
 * pointers: a pointer stored in data holds the link (virtual) address,
 * which is wrong when this runs with the MMU off at the physical one (the
 * same reason lib/machine.c has no string tables). Every call here is
 * PC-relative, so the whole UART layer works at either address.
 */
#ifndef UART_UART_H
#define UART_UART_H

#include <stdbool.h>
#include <stdint.h>
#include "machine.h"

struct uart_port {
	enum machine_console_kind kind;  /* which driver */
	uintptr_t base;          /* the register block (PA with the MMU off) */
	uint64_t phys_base;      /* its physical address, for messages */
	uint32_t reg_shift;      /* ns16550: register i at base + (i << reg_shift) */
	uint32_t io_width;       /* ns16550: bytes per access, 1, 2 or 4 */
	uint32_t clock_hz;       /* the UART's reference clock; 0: unknown */
};

/* Whether a driver runs this kind: false for NONE, UNSUPPORTED or an
 * unknown value. (Its name for a report: machine_console_kind_name.) */
bool uart_kind_supported(enum machine_console_kind kind);

/* Makes the port able to send and receive, keeping the line settings
 * the firmware made (the Cadence driver programs 115200 8N1 only where
 * there are none, and only from a known clock_hz). NULL when the port can
 * be used; otherwise why not (a literal: base 0, no driver for the kind,
 * a bad ns16550 layout, a Cadence baud generator unconfigured with the
 * clock unknown), and the port must not be used. */
const char *uart_init(const struct uart_port *port);

/* Waits for room in the transmitter, then queues c. false: no room came
 * within UART_WAIT_MS (lib/uart/wait.h); c was not sent. */
bool uart_putc(const struct uart_port *port, char c);

/* Waits until every character queued has left the transmitter. false:
 * it had not after UART_WAIT_MS. */
bool uart_flush(const struct uart_port *port);

/* The next received byte (0..255), or -1 when nothing has arrived; never
 * waits. */
int uart_getc(const struct uart_port *port);

#endif /* UART_UART_H */
