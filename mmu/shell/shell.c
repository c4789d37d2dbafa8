/*
 * shell.c - the MMU monitor's loop: banner, scratch pages, prompt, lookup.
 *
 * Owns: shell_run() (the banner, the scratch pages, the prompt "stub> ",
 * one line at a time through lineedit.c, the word split, the lookup of
 * the first word in the command table and the check of the argument
 * count). It knows no command: every command, help and exit included,
 * registers itself (command.h) from its own file.
 */
#include <stdio.h>
#include <string.h>
#include "args.h"
#include "command.h"
#include "console.h"
#include "demand.h"
#include "lineedit.h"
#include "memory.h"
#include "parse.h"

#define LINE_MAX_CHARS 160
/* Zeroed pages the monitor takes from the allocator at its start and
 * names, so that map/read/write can be tried on RAM nothing else uses. */
#define SCRATCH_ORDER  2

static const struct shell_command *lookup(const char *name)
{
	FOR_EACH_SHELL_COMMAND(c)
		if (!strcmp((*c)->name, name))
			return *c;
	return NULL;
}

/* One line obeyed: SHELL_CONTINUE, or the exit status. */
static int obey(const struct shell_env *env, char *line)
{
	char *argv[SHELL_MAX_WORDS];
	bool more;
	unsigned argc = shell_split(line, argv, SHELL_MAX_WORDS, &more);
	const struct shell_command *c;

	if (!argc)
		return SHELL_CONTINUE;
	c = lookup(argv[0]);
	if (!c) {
		shell_error("unknown command '%s' (help lists them)", argv[0]);
		return SHELL_CONTINUE;
	}
	if (more || argc - 1 < c->min_args || argc - 1 > c->max_args) {
		shell_error("usage: %s", c->usage);
		return SHELL_CONTINUE;
	}
	return c->fn(env, argc, argv);
}

static void take_scratch(const struct shell_env *env)
{
	uint64_t scratch_pa = pgalloc_alloc(env->pages, SCRATCH_ORDER);
	uint64_t size = PAGE_SIZE << SCRATCH_ORDER;

	if (!scratch_pa)
		return;
	memset((void *)(uintptr_t)maps_phys_to_virt(env->layout, scratch_pa), 0, size);
	printf("shell: scratch RAM for map/read/write: pa " HEX16 "-" HEX16 " (%lluK from the "
	       "allocator, zeroed; linear map va " HEX16 ")\n", U(scratch_pa),
	       U(scratch_pa + size), U(size / 1024), U(maps_phys_to_virt(env->layout, scratch_pa)));
}

int shell_run(const struct shell_env *env)
{
	char line[LINE_MAX_CHARS];
	int status;

	if (!console_ready()) {
		printf("shell: not started: no console to read commands from (%s); exit %d\n",
		       console_dropped() ? "its UART stopped answering" : "the DTB names no usable one",
		       env->boot_status);
		return env->boot_status;
	}
	if (!uart_kind_receives(console_port()->kind)) {
		printf("shell: not started: no console to read commands from (the %s driver only "
		       "transmits: a receive command the stub does not issue); exit %d\n",
		       machine_console_kind_name(console_port()->kind), env->boot_status);
		return env->boot_status;
	}
	demand_start(env->xlat, env->pages);
	printf("shell: the MMU monitor on the live final map; help lists the commands\n");
	take_scratch(env);
	do {
		printf("stub> ");
		if (lineedit_read(line, sizeof(line)) < 0) {
			shell_error("line longer than %d characters: ignored", LINE_MAX_CHARS - 1);
			status = SHELL_CONTINUE;
			continue;
		}
		status = obey(env, line);
	} while (status == SHELL_CONTINUE);
	printf("shell: exit %d\n", status);
	return status;
}
