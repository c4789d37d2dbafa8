/*
 * early_dtb.h - what a refusal with the MMU off needs from the DTB: its
 * console (a UART the stub drives, at a CPU physical address, not in RAM)
 * and PSCI's conduit, to say why and to power off.
 *
 * Owns: one slow, careful look at a DTB with the MMU off, on that error
 * path only (start/refuse.c): the header checked (magic, version 16 or 17,
 * totalsize at most 2 MiB, blocks inside it), then walks of the structure
 * block, every offset bounded by its size and every tag checked (a bad
 * blob ends the look, never a loop): /chosen's stdout-path (else
 * linux,stdout-path; an alias through /aliases), else /aliases/serial0 (as
 * lib/machine.c's rules); that node's compatible list (the first entry
 * with a driver: lib/uart/compat.c), status, reg through every parent's
 * ranges, reg-shift and reg-io-width; /memory's banks (a reg inside one is
 * RAM, not a UART); the first node compatible with "arm,psci*" and its
 * method. earlycon= is not read here: the full reader's job, once the MMU
 * is on. PC-relative, byte loads, no library: in the MMU-off set.
 */
#ifndef EARLY_DTB_H
#define EARLY_DTB_H

#include "psci.h"
#include "uart/uart.h"

struct early_dtb {
	struct uart_port port;       /* kind NONE: no console usable */
	const char *why;             /* then why (a literal) */
	enum psci_conduit conduit;   /* NONE: no /psci, or no method */
};

void early_dtb_read(const void *fdt, struct early_dtb *out);

#endif /* EARLY_DTB_H */
