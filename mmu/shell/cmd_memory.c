/*
 * cmd_memory.c - the monitor's commands on memory and pages.
 *
 * Owns: read and write of any address through the live map, each access
 * guarded (mmu/fault.h: a fault is caught and decoded by mmu/esr.c, the
 * one decoder, and the prompt comes back); mem (the allocator's free
 * blocks by order, per bank); demand (mmu/demand.c: register a range,
 * list the ranges).
 */
#include <stdio.h>
#include "demand.h"
#include "dump.h"
#include "esr.h"
#include "fault.h"
#include "args.h"
#include "command.h"
#include "parse.h"
#include "print.h"

#define READ_MAX_COUNT 64

/* "read 0x...: fault: EC ...; FSC ... (read); ESR_EL1 ... FAR_EL1 ... ELR_EL1 ...", and in a
 * demand range why it was not resolved: not a translation fault, or what
 * the resolver lacked (a page, a table page). */
static void print_fault(const char *op, uint64_t va, const struct caught_fault *c)
{
	const struct demand_range *d = demand_find(va);
	char cause[ESR_DESCRIBE_MAX];

	printf("%s " HEX16 ": fault: %s", op, U(va), esr_describe(c->esr, "; ", cause, sizeof(cause)));
	printf("; ESR_EL1 " HEX16 " FAR_EL1 " HEX16 " ELR_EL1 " HEX16, U(c->esr), U(c->far),
	       U(c->elr));
	if (d && esr_is_translation_fault_cur(c->esr) && demand_unresolved_why(d))
		printf(" (in a demand range, not resolved: %s)\n", demand_unresolved_why(d));
	else if (d)
		printf(" (in a demand range: only translation faults are resolved)\n");
	else
		printf("\n");
}

static int cmd_read(const struct shell_env *env, unsigned argc, char **argv)
{
	uint64_t va, count = 1;

	(void)env;
	if (!shell_number("VA", argv[1], &va))
		return SHELL_CONTINUE;
	if (argc == 3) {
		if (!shell_number("COUNT", argv[2], &count))
			return SHELL_CONTINUE;
		if (count < 1 || count > READ_MAX_COUNT) {
			shell_error("COUNT %llu is not 1..%d", U(count), READ_MAX_COUNT);
			return SHELL_CONTINUE;
		}
	}
	for (uint64_t i = 0; i < count; i++) {
		struct caught_fault c;
		uint64_t v;

		if (guarded_read64(va + 8 * i, &v, &c)) {
			print_fault("read", va + 8 * i, &c);
			return SHELL_CONTINUE;
		}
		printf(HEX16 ": " HEX16 "\n", U(va + 8 * i), U(v));
	}
	return SHELL_CONTINUE;
}

SHELL_COMMAND(15, read_command) = {
	"read", 1, 2, "read VA [COUNT]",
	"COUNT (1..64) doublewords; a fault is caught", cmd_read,
};

static int cmd_write(const struct shell_env *env, unsigned argc, char **argv)
{
	struct caught_fault c;
	uint64_t va, v;

	(void)env, (void)argc;
	if (!shell_number("VA", argv[1], &va) || !shell_number("VALUE", argv[2], &v))
		return SHELL_CONTINUE;
	if (guarded_write64(va, v, &c))
		print_fault("write", va, &c);
	else
		printf("write " HEX16 ": ok (" HEX16 ")\n", U(va), U(v));
	return SHELL_CONTINUE;
}

SHELL_COMMAND(16, write_command) = {
	"write", 2, 2, "write VA VALUE",
	"one doubleword; a fault is caught", cmd_write,
};

static int cmd_mem(const struct shell_env *env, unsigned argc, char **argv)
{
	char size[16];

	(void)argc, (void)argv;
	for (unsigned b = 0; b < pgalloc_nr_banks(env->pages); b++) {
		struct pgalloc_stats st;

		if (pgalloc_stats(env->pages, b, &st))
			continue;
		printf("bank %u: pa " HEX16 " size %s: %llu pages free, %llu allocated, %llu "
		       "reserved, %llu metadata, %llu unusable\n", b, U(st.base_pa),
		       format_size(st.size, size, sizeof(size)), U(st.free_pages),
		       U(st.allocated_pages), U(st.reserved_pages), U(st.meta_pages),
		       U(st.unusable_pages));
		for (unsigned k = 0; k <= PGALLOC_MAX_ORDER; k++)
			if (st.nr_free[k])
				printf("  order %2u (%s): %llu free block%s\n", k,
				       format_size(PAGE_SIZE << k, size, sizeof(size)), U(st.nr_free[k]),
				       st.nr_free[k] == 1 ? "" : "s");
	}
	return SHELL_CONTINUE;
}

SHELL_COMMAND(19, mem_command) = {
	"mem", 0, 0, "mem",
	"the allocator's free blocks by order, per bank", cmd_mem,
};

static void list_ranges(const struct xlat_ctx *x)
{
	char size[16];
	unsigned n = demand_count();

	printf("demand: %u range%s\n", n, n == 1 ? "" : "s");
	for (unsigned i = 0; i < n; i++) {
		const struct demand_range *r = demand_get(i);

		printf("  " HEX16 "-" HEX16 " %s %s: %llu faults, %llu pages taken, %llu held, "
		       "%llu unresolved", U(r->va), U(r->va + r->size),
		       format_size(r->size, size, sizeof(size)), r->attrs_name, U(r->faults),
		       U(r->pages_taken), U(r->pages_held), U(r->unresolved));
		if (demand_unresolved_why(r))
			printf(" (the last: %s)", demand_unresolved_why(r));
		printf("\n");
	}
	if (n) {
		printf("  tables: ");
		print_xlat_pool(x);
		printf("\n");
	}
}

static int cmd_demand(const struct shell_env *env, unsigned argc, char **argv)
{
	struct pte_attrs attrs;
	uint64_t va, size;
	char name[24] = "rw", sz[16];
	int rc;

	if (argc == 1) {
		list_ranges(env->xlat);
		return SHELL_CONTINUE;
	}
	if (argc == 2) {
		shell_error("usage: demand [VA SIZE [ATTRS]]");
		return SHELL_CONTINUE;
	}
	if (!shell_va(argv[1], &va) || !shell_size(argv[2], &size))
		return SHELL_CONTINUE;
	if (argc == 4) {
		if (!shell_attrs(argv[3], &attrs, name, sizeof(name)))
			return SHELL_CONTINUE;
	} else {
		const char *why;

		(void)shell_parse_attrs("rw", &attrs, name, sizeof(name), &why);
	}
	rc = demand_add(va, size, &attrs, name);
	if (rc) {
		printf("demand: refused (%d): %s\n", rc, demand_strerror(rc));
		return SHELL_CONTINUE;
	}
	printf("demand: " HEX16 "-" HEX16 " %s %s: mapped on first touch (pages from the "
	       "allocator, tables from the final map's pool, then the allocator)\n", U(va),
	       U(va + size), format_size(size, sz, sizeof(sz)), name);
	return SHELL_CONTINUE;
}

SHELL_COMMAND(21, demand_command) = {
	"demand", 0, 3, "demand [VA SIZE [ATTRS]]",
	"register a range mapped on first touch; alone: list the ranges", cmd_demand,
};
