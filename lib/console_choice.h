/*
 * console_choice.h - the first rule of the console's choice: earlycon= on
 * the command line, over what the DT or ACPI tables named.
 *
 * Owns: finding Linux's `earlycon` word in the command line that counts
 * (the first, as Linux registers the first), what it asks
 * (lib/uart/earlycon.h), whether the stub can honour it (the address must
 * not lie in RAM, and, with a DTB, must lie in the registers of one of its
 * devices: anything else is named and ignored, the DT's or ACPI's console
 * kept), and then the console itself: the UART it names, or none
 * (earlycon=smh: semihosting). The bare word keeps the DT's or ACPI's
 * console, as Linux. Pure: host-tested, used by the boot and by
 * build/host/machine-check.
 */
#ifndef CONSOLE_CHOICE_H
#define CONSOLE_CHOICE_H

#include <stdbool.h>
#include <stdint.h>
#include "machine.h"
#include "uart/earlycon.h"

/* The RAM holding pa, by name ("memory@40000000"), or NULL. */
typedef const char *(*console_ram_fn)(uint64_t pa, void *arg);

struct console_earlycon {
	bool asked;                      /* an earlycon word was there */
	unsigned later;                  /* earlycon words after the first: not read */
	struct earlycon_request req;     /* what it asked */
	const char *ignored;             /* why it was not obeyed (NULL: it was) */
	char detail[MACHINE_PATH_MAX];   /* the RAM or the device it was checked against */
	enum machine_console_rule over;  /* the rule whose console it replaced */
};

/* What the chosen console can be before anything touches it: driven, or
 * why not (no rule named one, or a problem reading it; not a UART the
 * stub drives, or disabled; its registers in RAM, *ram naming it). */
enum console_verdict { CONSOLE_DRIVEN, CONSOLE_NONE, CONSOLE_UNUSABLE, CONSOLE_IN_RAM };
enum console_verdict console_verdict(const struct machine_console *c, console_ram_fn in_ram,
				     void *arg, const char **ram);

/* Applies the earlycon word of cmdline (NULL: none) to m->console. */
void console_apply_earlycon(struct machine *m, const char *cmdline, console_ram_fn in_ram,
			    void *arg, struct console_earlycon *out);

#endif /* CONSOLE_CHOICE_H */
