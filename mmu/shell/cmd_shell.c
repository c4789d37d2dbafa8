/*
 * cmd_shell.c - the monitor's commands about the monitor: help and exit.
 *
 * Owns: help (every registered command's usage and line, in the table's
 * order, and the number syntax) and exit [STATUS] (leave with STATUS, or
 * with the boot's own status).
 */
#include <stdio.h>
#include "args.h"
#include "command.h"

static int cmd_help(const struct shell_env *env, unsigned argc, char **argv)
{
	(void)env, (void)argc, (void)argv;
	FOR_EACH_SHELL_COMMAND(c)
		printf("  %-26s %s\n", (*c)->usage, (*c)->what);
	printf("  numbers in C syntax (0x hex, 0 octal, decimal); values printed as 0x + 16 hex "
	       "digits\n");
	return SHELL_CONTINUE;
}

static int cmd_exit(const struct shell_env *env, unsigned argc, char **argv)
{
	uint64_t v;

	if (argc == 1)
		return env->boot_status;
	if (!shell_number("STATUS", argv[1], &v))
		return SHELL_CONTINUE;
	if (v > 255) {
		shell_error("STATUS %llu is not 0..255", U(v));
		return SHELL_CONTINUE;
	}
	return (int)v;
}

SHELL_COMMAND(90, help_command) = {
	"help", 0, 0, "help", "this list", cmd_help,
};
SHELL_COMMAND(91, exit_command) = {
	"exit", 0, 1, "exit [STATUS]", "leave the monitor and the stub with STATUS (0..255)",
	cmd_exit,
};
