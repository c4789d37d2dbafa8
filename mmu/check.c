/*
 * check.c - hardware vs software walk vs expected map (see check.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "esr.h"

bool par_sh_acceptable(const struct pte_attrs *attrs, uint64_t mair, uint8_t sh)
{
	uint8_t attr = mair_attr_byte(mair, attrs->attrindx);
	bool device = (attr & 0xf0) == 0;
	bool non_cacheable = (attr & 0x0f) == 0x4 && (attr & 0xf0) == 0x40;

	if (sh == attrs->sh)
		return true;
	return (device || non_cacheable) && sh == 2;
}

__attribute__((format(printf, 2, 3)))
static bool fail(struct probe_result *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->why, sizeof(r->why), fmt, ap);
	va_end(ap);
	r->pass = false;
	return false;
}

static bool judge_mapped(const struct check_env *env, struct probe_result *r)
{
	const struct expectation *e = &r->exp;
	uint8_t want_attr = mair_attr_byte(env->mair, e->attrs.attrindx);

	if (!r->hw_read.ok)
		return fail(r, "hw: AT S1E1R faulted (FST 0x%02x), expected pa 0x%llx",
			    r->hw_read.fst, (unsigned long long)e->pa);
	if (r->hw_read.pa != e->pa)
		return fail(r, "hw: pa 0x%llx, expected 0x%llx",
			    (unsigned long long)r->hw_read.pa, (unsigned long long)e->pa);
	if (r->hw_read.mair_attr != want_attr)
		return fail(r, "hw: attr 0x%02x, expected 0x%02x", r->hw_read.mair_attr, want_attr);
	if (!par_sh_acceptable(&e->attrs, env->mair, r->hw_read.sh))
		return fail(r, "hw: SH %u, expected %u", r->hw_read.sh, e->attrs.sh);
	if (r->hw_write.ok != !e->attrs.rdonly)
		return fail(r, "hw: AT S1E1W %s, expected %s", r->hw_write.ok ? "ok" : "fault",
			    e->attrs.rdonly ? "fault" : "ok");
	if (r->sw.status != WALK_MAPPED)
		return fail(r, "sw: no translation (status %d, level %d)",
			    (int)r->sw.status, r->sw.fault_level);
	if (r->sw.pa != e->pa)
		return fail(r, "sw: pa 0x%llx, expected 0x%llx",
			    (unsigned long long)r->sw.pa, (unsigned long long)e->pa);
	if (!pte_attrs_equal(&r->sw.attrs, &e->attrs)) {
		char got[64], want[64];

		snprintf(r->why, sizeof(r->why), "sw: attrs %s, expected %s",
			 pte_attrs_format(&r->sw.attrs, got, sizeof(got)),
			 pte_attrs_format(&e->attrs, want, sizeof(want)));
		r->pass = false;
		return false;
	}
	return true;
}

static bool judge_unmapped(struct probe_result *r)
{
	if (r->hw_read.ok)
		return fail(r, "hw: translates to pa 0x%llx, expected a fault",
			    (unsigned long long)r->hw_read.pa);
	if (fault_status_level(r->hw_read.fst) == FSC_NO_LEVEL ||
	    !fault_status_is(r->hw_read.fst, FSC_TRANSLATION))
		return fail(r, "hw: FST 0x%02x, expected a translation fault", r->hw_read.fst);
	if (r->sw.status == WALK_MAPPED)
		return fail(r, "sw: translates to pa 0x%llx, expected none",
			    (unsigned long long)r->sw.pa);
	if (r->sw.status == WALK_UNREADABLE_TABLE)
		return fail(r, "sw: table at level %d unreadable", r->sw.fault_level);
	return true;
}

/* check_probe against m, the map's specification read once. */
static void check_probe_in(const struct check_env *env, const struct expect_map *m,
			   const struct probe *p, struct probe_result *r)
{
	/* Not cleared whole: the expectation, both AT results and the walk
	 * are written in full below; the reason only on a failure. */
	r->probe = *p;
	r->pass = true;
	r->why[0] = '\0';
	expect_in_map(m, p->va, &r->exp);
	env->at(p->va, false, &r->hw_read, env->at_cookie);
	env->at(p->va, true, &r->hw_write, env->at_cookie);
	sw_walk(env->walk, p->va, &r->sw);
	if (r->exp.mapped)
		judge_mapped(env, r);
	else
		judge_unmapped(r);
}

static void expect_map_of(const struct check_env *env, struct expect_map *m)
{
	if (env->phase == MAP_FINAL)
		expect_map_final(env->layout, env->syms, m);
	else
		expect_map_early(env->layout, m);
}

void check_probe(const struct check_env *env, const struct probe *p, struct probe_result *r)
{
	struct expect_map m;

	expect_map_of(env, &m);
	check_probe_in(env, &m, p, r);
}

static void print_result(const struct check_env *env, const struct probe_result *r)
{
	char line[320], attrs[64], steps[160], hw[96], fsc[64];

	if (r->exp.mapped)
		snprintf(line, sizeof(line), "[%s] %-16s va 0x%016llx -> pa 0x%010llx %-8s %s",
			 r->pass ? " ok " : "FAIL", r->probe.name, (unsigned long long)r->probe.va,
			 (unsigned long long)r->exp.pa, r->exp.region,
			 pte_attrs_format(&r->exp.attrs, attrs, sizeof(attrs)));
	else
		snprintf(line, sizeof(line), "[%s] %-16s va 0x%016llx -> (must fault)",
			 r->pass ? " ok " : "FAIL", r->probe.name, (unsigned long long)r->probe.va);
	env->print(line);

	if (r->hw_read.ok)
		snprintf(hw, sizeof(hw), "pa 0x%010llx attr 0x%02x SH %u W %s",
			 (unsigned long long)r->hw_read.pa, r->hw_read.mair_attr, r->hw_read.sh,
			 r->hw_write.ok ? "ok" : "fault");
	else
		snprintf(hw, sizeof(hw), "fault FST 0x%02x (%s)", r->hw_read.fst,
			 fault_status_format(r->hw_read.fst, fsc, sizeof(fsc)));
	walk_format_steps(&r->sw, steps, sizeof(steps));
	snprintf(line, sizeof(line), "       hw: %s | sw: %s%s", hw,
		 r->sw.status == WALK_NOT_CANONICAL ? "not canonical" :
		 r->sw.status == WALK_DISABLED ? "TTBR0 walks disabled (EPD0)" : steps,
		 r->sw.status == WALK_INVALID_DESC ? " (invalid)" : "");
	env->print(line);
	if (!r->pass) {
		snprintf(line, sizeof(line), "       why: %s", r->why);
		env->print(line);
	}
}

void check_run(const struct check_env *env, const struct probe *probes, int nprobes,
	       struct check_tally *tally)
{
	struct expect_map m;

	/* The map's specification once for every probe (a secondary runs 8). */
	expect_map_of(env, &m);
	for (int i = 0; i < nprobes; i++) {
		struct probe_result r;

		check_probe_in(env, &m, &probes[i], &r);
		if (env->verbose || !r.pass)     /* a failure always in full */
			print_result(env, &r);
		if (r.pass)
			tally->passed++;
		else
			tally->failed++;
	}
}

void check_print_summary(const struct check_env *env, const struct check_tally *tally)
{
	char line[64];

	snprintf(line, sizeof(line), "mmu: %d passed, %d failed", tally->passed, tally->failed);
	env->print(line);
}

int check_all(const struct check_env *env, const struct probe *probes, int nprobes)
{
	struct check_tally tally = { 0, 0 };

	check_run(env, probes, nprobes, &tally);
	check_print_summary(env, &tally);
	return tally.failed;
}
