/*
 * machine_records.c - what lib/machine.c read from a DTB, as records
 * (machine-check --records: the corpus test's reading).
 *
 * Owns: printing struct machine in the line format
 * tests/corpus/independent.py also prints, so the two can be compared
 * line by line; and, after them, what lib/early_dtb.c (the MMU-off
 * reader of a refusal) found in the same blob, next to the console the
 * full reader drives, for independent.py to hold the two readers to the
 * same answer. Lines starting with '#' are facts the independent reading
 * does not check (error codes, counters; console-driven is the full
 * reader's side of the MMU-off comparison); early-* lines are compared
 * with the full reader's, not with the independent reading.
 *
 * Format, per DTB (numbers in lowercase hex with 0x):
 *   == FILE
 *   mem BASE SIZE | mem-dropped N
 *   memreserve BASE SIZE
 *   rsv NAME BASE SIZE map|no-map | rsv-dyn NAME SIZE | rsv-dropped N
 *   console-passed RULE WHY VALUE|-   (a rule passed over for a later one)
 *   console none | console RULE not-found VALUE | console RULE malformed |
 *   console RULE KIND PATH COMPATIBLE|- PA|untranslatable:WHY:NODE status=S [shift=N width=N]
 *   cpu MPIDR ENABLE okay|disabled|fail [release ADDR] | cpu-dropped N
 *   psci none|smc|hvc|no-method
 *   bootargs yes|no
 *   initrd START END
 *   # console-driven KIND PA shift=N width=N | # console-driven none WHY
 *       (the full reader's console by the DT rules, where console_verdict
 *       says DRIVEN; WHY: no-console, unusable or in-ram:BANK)
 *   early-console KIND PA shift=N width=N | early-console none
 *   # early-why TEXT                  (after early-console none: its why)
 *   early-psci hvc|smc|none           (early_dtb_read's conduit)
 */
#include <stdio.h>
#include "console_choice.h"
#include "machine_records.h"

static const char *err_name(enum machine_err e)
{
	switch (e) {
#define N(x) case MACHINE_##x: return #x
	N(OK); N(ERR_NULL); N(ERR_MISALIGNED); N(ERR_TOO_SMALL); N(ERR_BAD_MAGIC);
	N(ERR_TRUNCATED); N(ERR_BAD_VERSION); N(ERR_BAD_HEADER); N(ERR_BAD_STRUCTURE);
	N(ERR_BAD_CELLS); N(ERR_BAD_REG); N(ERR_WRAPS); N(ERR_NO_MEMORY);
	N(ERR_TOO_MANY_BANKS); N(ERR_BAD_MEMRESERVE); N(ERR_TOO_MANY_RESERVED);
	N(ERR_CONSOLE_NOT_FOUND); N(ERR_NO_REG); N(ERR_NO_RANGES); N(ERR_NOT_IN_RANGES);
	N(ERR_BAD_PROPERTY); N(ERR_NO_CPUS); N(ERR_BAD_MPIDR); N(ERR_TOO_MANY_CPUS);
	N(ERR_PSCI_METHOD); N(ERR_BAD_INITRD);
#undef N
	case MACHINE_ERR_COUNT: break;
	}
	return "?";
}

/* Why a rule's console was passed over, as one word on both sides. */
static const char *why_word(enum machine_console_why why)
{
	switch (why) {
	case MACHINE_WHY_MALFORMED: return "malformed";
	case MACHINE_WHY_NOT_FOUND: return "not-found";
	case MACHINE_WHY_DISABLED: return "disabled";
	case MACHINE_WHY_NO_DRIVER: return "no-driver";
	case MACHINE_WHY_UNTRANSLATABLE: return "untranslatable";
	default: return "?";
	}
}

/* How an untranslatable console is named on both sides. */
static const char *why_untranslatable(enum machine_err e)
{
	switch (e) {
	case MACHINE_ERR_NO_RANGES: return "no-ranges";
	case MACHINE_ERR_NOT_IN_RANGES: return "not-in-ranges";
	case MACHINE_ERR_NO_REG: return "no-reg";
	case MACHINE_ERR_BAD_CELLS: return "bad-cells";
	case MACHINE_ERR_BAD_PROPERTY: return "bad-ranges";
	default: return err_name(e);
	}
}

static void problem(const char *part, const struct machine_problem *pb)
{
	if (pb->err == MACHINE_OK)
		return;
	printf("# problem %s %s node=%s prop=%s value=0x%llx (%s)\n", part, err_name(pb->err),
	       pb->node ? pb->node : "-", pb->prop ? pb->prop : "-",
	       (unsigned long long)pb->value, machine_strerror(pb->err));
}

void machine_records_print(const struct machine *m, enum machine_err err)
{
	const struct machine_console *con = &m->console;

	printf("# err %s\n", err_name(err));
	if (m->valid.err != MACHINE_OK) {
		problem("valid", &m->valid);
		return;
	}
	problem("memory", &m->memory.problem);
	problem("reserved", &m->reserved.problem);
	problem("cpus", &m->cpus.problem);
	problem("psci", &m->psci.problem);
	problem("chosen", &m->chosen.problem);
	problem("console", &con->problem);
	printf("# counts zero-size=%d disabled-mem=%d untyped-mem=%d rsv-disabled=%d rsv-zero=%d\n",
	       m->memory.n_zero_size, m->memory.n_disabled_nodes, m->memory.n_untyped_nodes,
	       m->reserved.n_disabled, m->reserved.n_zero_size);

	for (int i = 0; i < m->memory.n_banks; i++)
		printf("mem 0x%llx 0x%llx\n", (unsigned long long)m->memory.bank[i].phys_base,
		       (unsigned long long)m->memory.bank[i].size);
	if (m->memory.n_dropped)
		printf("mem-dropped %d\n", m->memory.n_dropped);

	for (int i = 0; i < m->reserved.n_rsv; i++) {
		const struct machine_reservation *r = &m->reserved.rsv[i];

		if (r->source == MACHINE_RSV_MEMRESERVE)
			printf("memreserve 0x%llx 0x%llx\n", (unsigned long long)r->phys_base,
			       (unsigned long long)r->size);
		else if (r->dynamic)
			printf("rsv-dyn %s 0x%llx\n", r->name, (unsigned long long)r->size);
		else
			printf("rsv %s 0x%llx 0x%llx %s\n", r->name, (unsigned long long)r->phys_base,
			       (unsigned long long)r->size, r->no_map ? "no-map" : "map");
	}
	if (m->reserved.n_dropped)
		printf("rsv-dropped %d\n", m->reserved.n_dropped);

	if (con->passed.rule != MACHINE_RULE_NONE && con->passed.rule != con->rule)
		printf("console-passed %s %s %s\n", machine_console_rule_name(con->passed.rule),
		       why_word(con->passed.why), con->passed.value ? con->passed.value : "-");
	if (con->rule == MACHINE_RULE_NONE) {
		printf("console none\n");
	} else if (con->problem.err == MACHINE_ERR_CONSOLE_NOT_FOUND) {
		printf("console %s not-found %s\n", machine_console_rule_name(con->rule),
		       con->stdout_path);
	} else if (con->kind == MACHINE_CONSOLE_NONE) {
		printf("console %s malformed\n", machine_console_rule_name(con->rule));
	} else {
		printf("console %s %s %s %s ", machine_console_rule_name(con->rule),
		       machine_console_kind_name(con->kind), con->path,
		       con->compatible ? con->compatible : "-");
		if (con->translated)
			printf("0x%llx", (unsigned long long)con->phys_base);
		else
			printf("untranslatable:%s:%s", why_untranslatable(con->problem.err),
			       con->problem.node ? con->problem.node : "-");
		printf(" status=%s", con->status ? con->status : "okay");
		if (con->kind == MACHINE_CONSOLE_NS16550)
			printf(" shift=%u width=%u", con->reg_shift, con->io_width);
		printf("\n");
	}

	for (int i = 0; i < m->cpus.n_cpus; i++) {
		const struct machine_cpu *c = &m->cpus.cpu[i];

		printf("cpu 0x%llx %s%s%s %s", (unsigned long long)c->mpidr,
		       machine_cpu_enable_name(c->enable),
		       c->enable == MACHINE_CPU_ENABLE_OTHER ? ":" : "",
		       c->enable == MACHINE_CPU_ENABLE_OTHER ? c->enable_method : "",
		       c->failed ? "fail" : c->available ? "okay" : "disabled");
		if (c->has_release_addr)
			printf(" release 0x%llx", (unsigned long long)c->phys_release_addr);
		printf("\n");
	}
	if (m->cpus.n_dropped)
		printf("cpu-dropped %d\n", m->cpus.n_dropped);

	if (!m->psci.present || !m->psci.available)
		printf("psci none\n");
	else if (m->psci.conduit == PSCI_CONDUIT_NONE)
		printf("psci no-method\n");
	else
		printf("psci %s\n", m->psci.conduit == PSCI_CONDUIT_SMC ? "smc" : "hvc");

	printf("bootargs %s\n", m->chosen.bootargs ? "yes" : "no");
	if (m->chosen.has_initrd)
		printf("initrd 0x%llx 0x%llx\n", (unsigned long long)m->chosen.phys_initrd_start,
		       (unsigned long long)m->chosen.phys_initrd_end);
	if (m->model)
		printf("# model %s\n", m->model);
	fflush(stdout);
}

static const char *bank_name(uint64_t pa, void *arg)
{
	const struct machine_bank *bank = machine_bank_holding(arg, pa);

	return bank ? bank->node : NULL;
}

void machine_records_early(const struct machine *m, const struct early_dtb *e)
{
	const struct machine_console *c = &m->console;
	const char *ram;

	switch (console_verdict(c, bank_name, (void *)m, &ram)) {
	case CONSOLE_DRIVEN:
		printf("# console-driven %s 0x%llx shift=%u width=%u\n",
		       machine_console_kind_name(c->kind), (unsigned long long)c->phys_base,
		       c->reg_shift, c->io_width);
		break;
	case CONSOLE_NONE:
		printf("# console-driven none no-console\n");
		break;
	case CONSOLE_UNUSABLE:
		printf("# console-driven none unusable\n");
		break;
	case CONSOLE_IN_RAM:
		printf("# console-driven none in-ram:%s\n", ram);
		break;
	}
	if (e->port.kind == MACHINE_CONSOLE_NONE)
		printf("early-console none\n# early-why %s\n", e->why ? e->why : "-");
	else
		printf("early-console %s 0x%llx shift=%u width=%u\n",
		       machine_console_kind_name(e->port.kind),
		       (unsigned long long)e->port.phys_base, e->port.reg_shift,
		       e->port.io_width);
	printf("early-psci %s\n", psci_conduit_name(e->conduit));
	fflush(stdout);
}
