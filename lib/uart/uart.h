/*
 * uart.h - the console UART interface: one port, four polled operations,
 * the driver picked at run time from the DTB's console kind.
 *
 * Owns: struct uart_port (where the UART is and how its registers are
 * laid out, as lib/machine.c read them from /chosen/stdout-path), struct
 * uart_layout and uart_kind_of (which driver and layout a compatible
 * string means, for the DT reader) and the calls the console makes on
 * the port. The base is physical before the MMU is on and virtual after:
 * set the port up again (uart_init) when it moves.
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
#include <stddef.h>
#include <stdint.h>
#include "machine.h"

struct uart_port {
	enum machine_console_kind kind;  /* which driver */
	uintptr_t base;          /* the DT's reg (PA with the MMU off); a
				  * driver whose block starts further in
				  * (LPUART32_IMX) adds its offset itself */
	uint64_t phys_base;      /* its physical address, for messages */
	uint32_t reg_shift;      /* ns16550: register i at base + (i << reg_shift) */
	uint32_t io_width;       /* ns16550: bytes per access, 1, 2 or 4 */
	uint32_t clock_hz;       /* the UART's reference clock; 0: unknown */
};

/* The register layout a compatible implies (compat.c). */
struct uart_layout {
	uint32_t reg_shift;      /* register i at reg + (i << reg_shift) */
	uint32_t io_width;       /* bytes per register access (SCIF: 2, its
				  * data register 1) */
	bool from_dt;            /* the 8250 binding: the node's reg-shift and
				  * reg-io-width, these two being the defaults */
};

/* The driver for one entry of a node's compatible list, and its layout
 * (all 0 for UNSUPPORTED, or compatible NULL). A node's entries go from
 * the most to the least specific: the reader tries them in order and the
 * first that is not UNSUPPORTED wins. */
enum machine_console_kind uart_kind_of(const char *compatible, struct uart_layout *layout);

/* Whether a driver runs this kind: false for NONE, UNSUPPORTED or an
 * unknown value. (Its name for a report: machine_console_kind_name.) */
bool uart_kind_supported(enum machine_console_kind kind);

/* Whether uart_getc can ever return a byte on this kind: false where the
 * block receives only once its driver starts a receive command the stub
 * does not issue (Qualcomm GENI, MSM UARTDM), and for the kinds without a
 * driver. Something that waits for input (the monitor) asks first. */
bool uart_kind_receives(enum machine_console_kind kind);

/* Makes the port able to send and receive, keeping the line settings
 * the firmware made (the Cadence driver programs 115200 8N1 only where
 * there are none, and only from a known clock_hz; the others set enable
 * bits, read-modify-write, as Linux's earlycon does). NULL when the port
 * can be used; otherwise why not (a literal: base 0, no driver for the
 * kind, a bad ns16550 layout, a Cadence baud generator unconfigured with
 * the clock unknown, a K3 UART disabled in MDR1, a GENI engine not in
 * UART mode or in DMA mode), and the port must not be used. */
const char *uart_init(const struct uart_port *port);

/* Waits for room in the transmitter, then queues c. false: no room came
 * within UART_WAIT_MS (lib/uart/wait.h); c was not sent. */
bool uart_putc(const struct uart_port *port, char c);

/* Queues s[0..n), as uart_putc would one by one (no '\n' translation);
 * the PL011 fills its FIFO after one look at its flags. Returns how many
 * were queued: fewer than n when room did not come within UART_WAIT_MS. */
size_t uart_write(const struct uart_port *port, const char *s, size_t n);

/* Waits until every character queued has left the transmitter (the SBSA
 * UART: its FIFO, FR.BUSY being unreliable there). false: it had not
 * after UART_WAIT_MS. */
bool uart_flush(const struct uart_port *port);

/* The next received byte (0..255), or -1 when nothing has arrived; never
 * waits. */
int uart_getc(const struct uart_port *port);

#endif /* UART_UART_H */
