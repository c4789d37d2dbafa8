/*
 * cpu_plan.c - which CPUs the boot brings up, and how (see cpu_plan.h).
 */
#include "cpu_plan.h"

const char *start_method_name(enum start_method m)
{
	switch (m) {
	case START_PSCI:       return "PSCI CPU_ON";
	case START_SPIN_TABLE: return "spin table";
	case START_PEN:        return "holding pen";
	case START_BOARD:      return "board operation";
	default:               return "none";
	}
}

static enum start_method method_of(const struct machine_cpu *c, const struct cpu_plan *p)
{
	if (p->entry_el == 3)            /* no firmware below: the enable-method is not ours */
		return p->board ? START_BOARD : START_PEN;
	switch (c->enable) {
	case MACHINE_CPU_ENABLE_PSCI:       return START_PSCI;
	case MACHINE_CPU_ENABLE_SPIN_TABLE: return START_SPIN_TABLE;
	default:                            return START_NONE;
	}
}

/* The first CPU before cpu[i] with its MPIDR, or -1. */
static int same_mpidr_before(const struct machine_cpus *dt, int i)
{
	for (int j = 0; j < i; j++)
		if (dt->cpu[j].mpidr == dt->cpu[i].mpidr)
			return j;
	return -1;
}

/* "smp: cpu@1 (MPIDR 0x1) REASON" */
static void say_cpu(const struct machine_cpu *c, const char *reason, cpu_plan_say_fn say,
		    void *arg)
{
	char line[160];
	struct strbuf sb;

	strbuf_init(&sb, line, sizeof(line));
	strbuf_str(&sb, "smp: ");
	strbuf_str(&sb, c->node ? c->node : "a CPU");
	strbuf_str(&sb, " (MPIDR ");
	strbuf_hex(&sb, c->mpidr);
	strbuf_str(&sb, ") ");
	strbuf_str(&sb, reason);
	say(line, arg);
}

void cpu_plan_make(const struct machine *m, uint64_t self_mpidr, unsigned entry_el,
		   const char *board, struct cpu_plan *p, cpu_plan_say_fn say, void *arg)
{
	const struct machine_cpus *dt = &m->cpus;
	unsigned unavailable = 0;
	bool self_listed = false;
	char line[160];
	struct strbuf sb;

	*p = (struct cpu_plan){ .entry_el = entry_el, .board = board,
				.source = m->fdt ? "DTB" : "MADT" };
	if (dt->problem.err == MACHINE_ERR_NO_CPUS) {
		say("smp: the DTB has no /cpus: the boot CPU only", arg);
		return;
	}
	for (int i = 0; i < dt->n_cpus; i++) {
		const struct machine_cpu *c = &dt->cpu[i];
		int first = same_mpidr_before(dt, i);

		if (first >= 0) {
			strbuf_init(&sb, line, sizeof(line));
			strbuf_str(&sb, "has the MPIDR of ");
			strbuf_str(&sb, dt->cpu[first].node ? dt->cpu[first].node : "an earlier CPU");
			strbuf_str(&sb, ": a duplicate in /cpus, not started");
			say_cpu(c, line, say, arg);
			p->left_off++;
			continue;
		}
		if (c->mpidr == self_mpidr) {
			self_listed = true;
			continue;
		}
		if (!c->available) {
			unavailable++;
			continue;
		}
		if (p->n + 1 >= NR_CPUS) {
			say_cpu(c, "beyond NR_CPUS (" STR(NR_CPUS) "): left off", say, arg);
			p->left_off++;
			continue;
		}
		p->n++;
		p->dt[p->n] = i;
		p->method[p->n] = method_of(c, p);
		p->by[p->method[p->n]]++;
	}
	if (!self_listed) {
		strbuf_init(&sb, line, sizeof(line));
		strbuf_str(&sb, "smp: the boot CPU's MPIDR ");
		strbuf_hex(&sb, self_mpidr);
		strbuf_str(&sb, " is not in the ");
		strbuf_str(&sb, p->source);
		strbuf_str(&sb, m->fdt ? "'s /cpus" : "");
		say(line, arg);
	}
	if (unavailable || dt->n_dropped) {
		strbuf_init(&sb, line, sizeof(line));
		strbuf_str(&sb, "smp: left out: ");
		strbuf_dec(&sb, unavailable);
		strbuf_str(&sb, " CPUs not available (status), ");
		strbuf_dec(&sb, (uint64_t)dt->n_dropped);
		strbuf_str(&sb, " beyond the reader's " STR(MACHINE_MAX_CPUS));
		say(line, arg);
	}
}

void cpu_plan_summary(const struct cpu_plan *p, struct strbuf *sb)
{
	if (!p->n) {
		strbuf_str(sb, "smp: no other CPU in the ");
		strbuf_str(sb, p->source);
		return;
	}
	strbuf_str(sb, "smp: ");
	strbuf_dec(sb, p->n);
	if (p->entry_el == 3) {
		strbuf_str(sb, " other CPUs in the DTB; entered at EL3 (no firmware): ");
		strbuf_str(sb, p->board ? "the board's operation, " : "the holding pen");
		strbuf_str(sb, p->board ? p->board : "");
		return;
	}
	strbuf_str(sb, " other CPUs in the ");
	strbuf_str(sb, p->source);
	strbuf_str(sb, ": ");
	strbuf_dec(sb, p->by[START_PSCI]);
	strbuf_str(sb, " by PSCI CPU_ON, ");
	strbuf_dec(sb, p->by[START_SPIN_TABLE]);
	strbuf_str(sb, " by spin table, ");
	strbuf_dec(sb, p->by[START_NONE]);
	strbuf_str(sb, " without a usable enable-method");
}

static bool overlaps(uint64_t a, uint64_t a_end, uint64_t b, uint64_t b_end)
{
	return a < b_end && b < a_end;
}

const char *cpu_release_addr_check(const struct machine_cpu *c, const struct cpu_held *held,
				   unsigned n_held, const struct cpu_held **hit)
{
	uint64_t pa = c->phys_release_addr;

	*hit = NULL;
	if (!c->has_release_addr)
		return "no cpu-release-addr";
	if (pa & 7)
		return "cpu-release-addr not 8-byte aligned";
	if (pa + 8 < pa)
		return "cpu-release-addr at the end of the address space";
	for (unsigned i = 0; i < n_held; i++)
		if (overlaps(pa, pa + 8, held[i].start, held[i].end)) {
			*hit = &held[i];
			return "cpu-release-addr lies in what the boot holds";
		}
	return NULL;
}
