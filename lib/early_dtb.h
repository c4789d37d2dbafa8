/*
 * early_dtb.h - what a refusal with the MMU off needs from the DTB: its
 * console (a UART the stub drives, at a CPU physical address, not in RAM)
 * and PSCI's conduit, to say why and to power off.
 *
 * Owns: one slow, careful look at a DTB with the MMU off, on that error
 * path only (start/refuse.c): the blob taken or refused whole as
 * lib/machine.c takes it (the header as fdt_check_header and
 * fdt_num_mem_rsv, versions 16 and 17, totalsize at most 2 MiB, a
 * structure block on a word; the structure block as fdt_check_full: every
 * tag, nodes at any depth, one root named "" and closed, then FDT_END
 * alone, property names inside the strings block), then walks of the
 * structure block, every offset bounded by its size (a bad blob ends the
 * look, never a loop). It must find what lib/machine.c finds, by the same
 * rules (tests/corpus/ holds it to that on every DTB Debian ships,
 * test_early_dtb on the unit trees, their edits and trees written in
 * order): libfdt's properties (the first of a name, none after a subnode)
 * and paths (from the root at offset 0 only, the first node of each name
 * among the DT_MAX_NODES lib/machine.c indexes); /chosen's stdout-path
 * (else linux,stdout-path; a full path or an alias through /aliases, its
 * value read as a C string), passed over for
 * /aliases/serial0 when that names no node, a disabled one, one no driver
 * runs or one without a CPU address (not when it lies in RAM or has a bad
 * layout: then none); that node's compatible list (the first entry with a
 * driver: lib/uart/compat.c), status, reg (a whole entry) through every
 * parent's ranges, the 8250 binding's reg-shift and reg-io-width (one
 * cell each, a width of 1, 2 or 4); the available /memory banks
 * (linux,usable-memory over reg; a console inside one is RAM, not a
 * UART; one ending at 2^64 is none); PSCI's conduit as Linux
 * psci_dt_init takes it (the first node compatible with a PSCI version,
 * each compatible string NUL-terminated inside the list, available,
 * method "smc" or "hvc"). Not read here: earlycon= (the full reader's
 * job, once the MMU is on); a console more than EARLY_DTB_MAX_DEPTH levels
 * below the root (none here, lib/machine.c drives it); the
 * UART's reference clock (a Cadence UART the firmware left unconfigured
 * stays silent here; a console whose clock-frequency is malformed, which
 * lib/machine.c keeps undriven, is driven here, at the firmware's rate);
 * an alias followed by a path ("serial0/x": none here). PC-relative, byte
 * loads, no library: in the MMU-off set.
 */
#ifndef EARLY_DTB_H
#define EARLY_DTB_H

#include "psci.h"
#include "uart/uart.h"

/* The deepest console read here: this many levels below the root (the
 * blob is still read whole, at any depth). One deeper is none, not
 * serial0's: lib/machine.c has no limit and would drive it. */
#define EARLY_DTB_MAX_DEPTH 16u

struct early_dtb {
	struct uart_port port;       /* kind NONE: no console usable */
	const char *why;             /* then why (a literal) */
	enum psci_conduit conduit;   /* NONE: no /psci, or no method */
};

void early_dtb_read(const void *fdt, struct early_dtb *out);

#endif /* EARLY_DTB_H */
