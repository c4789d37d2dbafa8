/*
 * shell.c - the MMU monitor's loop: prompt, command table, help, exit.
 *
 * Owns: shell_run() (the banner, the scratch pages, the prompt "stub> ",
 * one line at a time through lib/lineedit.c), the table of commands with
 * their usage and argument counts, help and exit, and the argument checks
 * every command shares (shell_cmds.h). The commands themselves are in
 * shell_tables.c (the translation tables) and shell_memory.c (memory, the
 * allocator, demand paging).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "demand.h"
#include "lineedit.h"
#include "memory.h"
#include "shell_cmds.h"

#define LINE_MAX_CHARS 160
/* Zeroed pages the monitor takes from the allocator at its start and
 * names, so that map/read/write can be tried on RAM nothing else uses. */
#define SCRATCH_ORDER  2

struct command {
	const char *name;
	unsigned min_args, max_args;         /* after the command word */
	const char *usage;
	const char *what;
	shell_cmd_fn fn;
};

static const struct command commands[] = {
	{ "walk", 1, 1, "walk VA", "the software walk, level by level", shell_cmd_walk },
	{ "at", 1, 1, "at VA", "AT S1E1R and AT S1E1W (PAR_EL1 decoded), compared with walk",
	  shell_cmd_at },
	{ "map", 4, 4, "map VA PA SIZE ATTRS", "xlat_map on the final map", shell_cmd_map },
	{ "unmap", 2, 2, "unmap VA SIZE", "xlat_unmap (demand pages go back to the allocator)",
	  shell_cmd_unmap },
	{ "protect", 3, 3, "protect VA SIZE ATTRS", "xlat_protect: new attributes, same PAs",
	  shell_cmd_protect },
	{ "read", 1, 2, "read VA [COUNT]", "COUNT (1..64) doublewords; a fault is caught",
	  shell_cmd_read },
	{ "write", 2, 2, "write VA VALUE", "one doubleword; a fault is caught", shell_cmd_write },
	{ "dump", 0, 1, "dump [ttbr0|ttbr1]", "every mapping, merged into ranges", shell_cmd_dump },
	{ "regs", 0, 0, "regs", "SCTLR_EL1, TCR_EL1, MAIR_EL1, TTBR0/1_EL1 decoded", shell_cmd_regs },
	{ "mem", 0, 0, "mem", "the allocator's free blocks by order, per bank", shell_cmd_mem },
	{ "tlbi", 0, 1, "tlbi [VA]", "TLBI VAAE1IS for VA's page, or VMALLE1IS", shell_cmd_tlbi },
	{ "demand", 0, 3, "demand [VA SIZE [ATTRS]]",
	  "register a range mapped on first touch; alone: list the ranges", shell_cmd_demand },
	{ "help", 0, 0, "help", "this list", NULL },
	{ "exit", 0, 1, "exit [STATUS]", "leave the monitor and the stub with STATUS (0..255)", NULL },
};

void shell_error(const char *fmt, ...)
{
	va_list ap;

	printf("error: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

bool shell_number(const char *what, const char *s, uint64_t *out)
{
	if (shell_parse_u64(s, out))
		return true;
	shell_error("%s '%s' is not a number (C syntax: 0x1f, 31, 037; below 2^64)", what, s);
	return false;
}

bool shell_va(const char *s, uint64_t *out)
{
	if (!shell_number("VA", s, out))
		return false;
	if (va_ttbr(*out) >= 0)
		return true;
	shell_error("VA " HEX16 " is in neither half (TTBR0 below " HEX16 ", TTBR1 from " HEX16 ")",
		    U(*out), U(IDMAP_VA_LIMIT), U(VA_START));
	return false;
}

bool shell_size(const char *s, uint64_t *out)
{
	if (!shell_number("SIZE", s, out))
		return false;
	if (*out && !(*out & (PAGE_SIZE - 1)))
		return true;
	shell_error("SIZE " HEX16 " is not a multiple of the page (0x%llx)", U(*out), U(PAGE_SIZE));
	return false;
}

bool shell_attrs(const char *s, struct pte_attrs *out, char *name, size_t name_len)
{
	const char *why;

	if (shell_parse_attrs(s, out, name, name_len, &why))
		return true;
	shell_error("ATTRS '%s' not understood (rw or ro, then optional x, dev or nc, joined "
		    "by commas: rw, ro,x, rw,dev)", why);
	return false;
}

static void help(void)
{
	for (unsigned i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		printf("  %-26s %s\n", commands[i].usage, commands[i].what);
	printf("  numbers in C syntax (0x hex, 0 octal, decimal); values printed as 0x + 16 hex "
	       "digits\n");
}

static const struct command *lookup(const char *name)
{
	for (unsigned i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

/* One line obeyed. true: exit with *status. */
static bool obey(const struct shell_env *env, char *line, int *status)
{
	char *argv[SHELL_MAX_WORDS];
	bool more;
	unsigned argc = shell_split(line, argv, SHELL_MAX_WORDS, &more);
	const struct command *c;
	uint64_t v;

	if (!argc)
		return false;
	c = lookup(argv[0]);
	if (!c) {
		shell_error("unknown command '%s' (help lists them)", argv[0]);
		return false;
	}
	if (more || argc - 1 < c->min_args || argc - 1 > c->max_args) {
		shell_error("usage: %s", c->usage);
		return false;
	}
	if (!strcmp(c->name, "help")) {
		help();
		return false;
	}
	if (!strcmp(c->name, "exit")) {
		if (argc == 1) {
			*status = env->boot_status;
			return true;
		}
		if (!shell_number("STATUS", argv[1], &v))
			return false;
		if (v > 255) {
			shell_error("STATUS %llu is not 0..255", U(v));
			return false;
		}
		*status = (int)v;
		return true;
	}
	c->fn(env, argc, argv);
	return false;
}

int shell_run(const struct shell_env *env)
{
	char line[LINE_MAX_CHARS];
	uint64_t scratch_pa = pgalloc_alloc(env->pages, SCRATCH_ORDER);
	int status = env->boot_status;

	demand_start(env->xlat, env->pages);
	printf("shell: the MMU monitor on the live final map; help lists the commands\n");
	if (scratch_pa) {
		uint64_t size = PAGE_SIZE << SCRATCH_ORDER;

		memset((void *)(uintptr_t)memmap_phys_to_virt(env->layout, scratch_pa), 0, size);
		printf("shell: scratch RAM for map/read/write: pa " HEX16 "-" HEX16 " (%lluK from the "
		       "allocator, zeroed; linear map va " HEX16 ")\n", U(scratch_pa),
		       U(scratch_pa + size), U(size / 1024),
		       U(memmap_phys_to_virt(env->layout, scratch_pa)));
	}
	for (;;) {
		int n;

		printf("stub> ");
		n = lineedit_read(line, sizeof(line));
		if (n < 0) {
			shell_error("line longer than %d characters: ignored", LINE_MAX_CHARS - 1);
			continue;
		}
		if (obey(env, line, &status))
			break;
	}
	printf("shell: exit %d\n", status);
	return status;
}
