/*
 * command.h - how a monitor command is written and registered.
 *
 * Owns: struct shell_command (name, argument counts, usage, one line of
 * help, handler), the handler's contract, the SHELL_COMMAND registration
 * (link.ld's .shell_commands table, sorted by the order number: the order
 * help lists them in; as LK's STATIC_COMMAND and the board operations
 * here), and the output conventions every command keeps: a value is
 * printed as 0x and 16 hex digits (HEX16); bad input is one line starting
 * "error: " (args.h) and changes nothing. The loop (shell.c) knows no
 * command; a command file knows only this header, args.h and the
 * subsystems it drives.
 */
#ifndef COMMAND_H
#define COMMAND_H

#include <stdbool.h>
#include <stdint.h>
#include "sections.h"
#include "shell.h"

#define HEX16 "0x%016llx"
#define U(v) ((unsigned long long)(v))

/* A handler's return: go on with the next line, or leave the monitor
 * with an exit status (0..255). */
#define SHELL_CONTINUE (-1)

/* argv[0] is the command; the loop has checked that argc - 1 lies in
 * [min_args, max_args]. */
typedef int (*shell_cmd_fn)(const struct shell_env *env, unsigned argc, char **argv);

struct shell_command {
	const char *name;
	unsigned min_args, max_args;         /* after the command word */
	const char *usage;                   /* "map VA PA SIZE ATTRS" */
	const char *what;                    /* the line help prints beside it */
	shell_cmd_fn fn;
};

/* SHELL_COMMAND(NN, ident) = { ... }; NN: two digits, help's order. */
#define SHELL_COMMAND(order, ident) \
	static const struct shell_command ident; \
	static const struct shell_command *const ident##_entry \
		__attribute__((used, section(".shell_commands." #order))) = &ident; \
	static const struct shell_command ident

#define FOR_EACH_SHELL_COMMAND(c) \
	for (const struct shell_command *const *c = __shell_commands_start; \
	     c < __shell_commands_end; c++)

#endif /* COMMAND_H */
