/*
 * earlycon.h - what a Linux `earlycon` boot argument asks for.
 *
 * Owns: parsing the value of `earlycon=` in Linux's syntax (kernel-
 * parameters.txt; uart_parse_earlycon and the EARLYCON_DECLARE names of
 * Linux 6.1) into a driver kind, a physical address and a register
 * layout, and naming what the stub cannot honour. The forms:
 *   earlycon                          the DT's stdout-path (as Linux)
 *   earlycon=<name>,<addr>[,<opts>]   MMIO; <addr> 0x... (or decimal)
 *   earlycon=<name>,mmio|mmio16|mmio32|mmio32native,<addr>[,<opts>]
 *   earlycon=smh                      semihosting, no UART
 * Refused by name: `io` (port I/O: none on Arm), `mmio32be` (big-endian
 * registers: no driver here), an unknown name, a missing or malformed
 * address. Whether the address is a device of the DT (not RAM) is for the
 * console's chooser to check. Pure: host-testable, no MMU needed.
 */
#ifndef UART_EARLYCON_H
#define UART_EARLYCON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "uart.h"

enum earlycon_form {
	EARLYCON_NONE = 0,       /* no earlycon word */
	EARLYCON_FROM_DT,        /* bare `earlycon`: the DT's stdout-path */
	EARLYCON_SEMIHOSTING,    /* earlycon=smh */
	EARLYCON_UART,           /* a UART at an address */
	EARLYCON_REFUSED,        /* named in `refused`, then ignored */
};

#define EARLYCON_TEXT_MAX 64

struct earlycon_request {
	enum earlycon_form form;
	enum machine_console_kind kind;    /* EARLYCON_UART */
	uint64_t phys_base;
	struct uart_layout layout;         /* reg_shift, io_width */
	char name[16];                     /* as written, for the report */
	char options[24];                  /* after the address ("115200n8"), or "" */
	const char *refused;               /* why (EARLYCON_REFUSED), a literal */
	char value[EARLYCON_TEXT_MAX];     /* the value as written (cut if longer) */
};

/* Parses `value`, the `len` bytes after "earlycon=" (not NUL-terminated:
 * it points into the command line); value NULL means the bare word. */
void earlycon_parse(const char *value, size_t len, struct earlycon_request *out);

#endif /* UART_EARLYCON_H */
