/*
 * test_cpu_plan.c - host unit tests of start/cpu_plan.c.
 *
 * Owns: the plan from hand-made CPU lists: the boot CPU found anywhere by
 * its MPIDR (and named when absent), methods by enable-method below EL3
 * and by the pen or the board at EL3, unavailable CPUs counted, a
 * duplicate MPIDR named and never planned (also the boot CPU's), the
 * summary line in each case; the mailbox checks: no address, misaligned,
 * each held range named, the end of the address space, a good one.
 */
#include "unit.h"
#include "cpu_plan.h"

static struct machine m;
static char said[8][200];
static int n_said;

static void say(const char *line, void *arg)
{
	assert_ptr_equal(arg, &n_said);
	assert_true(n_said < (int)ARRAY_LEN(said));
	snprintf(said[n_said++], sizeof(said[0]), "%s", line);
}

static void cpus(int n, const uint64_t *mpidr, enum machine_cpu_enable enable)
{
	static const char *const names[] = { "cpu@0", "cpu@1", "cpu@2", "cpu@3", "cpu@4" };

	memset(&m, 0, sizeof(m));
	m.fdt = &m;                      /* "a DTB": the lines say DTB */
	m.cpus.n_cpus = n;
	for (int i = 0; i < n; i++)
		m.cpus.cpu[i] = (struct machine_cpu){ .mpidr = mpidr[i], .node = names[i],
						      .available = true, .enable = enable };
	n_said = 0;
}

static const char *summary(const struct cpu_plan *p)
{
	static char line[200];
	struct strbuf sb;

	strbuf_init(&sb, line, sizeof(line));
	cpu_plan_summary(p, &sb);
	return line;
}

static void test_plan_below_el3(void **state)
{
	static const uint64_t ids[] = { 0x100, 0x0, 0x101, 0x1 };
	struct cpu_plan p;

	(void)state;
	cpus(4, ids, MACHINE_CPU_ENABLE_PSCI);
	m.cpus.cpu[2].enable = MACHINE_CPU_ENABLE_SPIN_TABLE;
	m.cpus.cpu[3].available = false;
	cpu_plan_make(&m, 0x0, 2, NULL, &p, say, &n_said);   /* the boot CPU is the second */
	assert_int_equal(p.n, 2);
	assert_int_equal(p.dt[1], 0);
	assert_int_equal(p.dt[2], 2);
	assert_int_equal(p.method[1], START_PSCI);
	assert_int_equal(p.method[2], START_SPIN_TABLE);
	assert_int_equal(p.left_off, 0);
	assert_int_equal(n_said, 1);
	assert_string_equal(said[0], "smp: left out: 1 CPUs not available (status), 0 beyond the "
			    "reader's " STR(MACHINE_MAX_CPUS));
	assert_string_equal(summary(&p), "smp: 2 other CPUs in the DTB: 1 by PSCI CPU_ON, 1 by "
			    "spin table, 0 without a usable enable-method");
}

static void test_plan_at_el3(void **state)
{
	static const uint64_t ids[] = { 0x0, 0x1, 0x2 };
	struct cpu_plan p;

	(void)state;
	cpus(3, ids, MACHINE_CPU_ENABLE_PSCI);
	cpu_plan_make(&m, 0x0, 3, NULL, &p, say, &n_said);
	assert_int_equal(p.method[1], START_PEN);
	assert_string_equal(summary(&p), "smp: 2 other CPUs in the DTB; entered at EL3 (no "
			    "firmware): the holding pen");
	cpu_plan_make(&m, 0x0, 3, "xlnx,zynqmp", &p, say, &n_said);
	assert_int_equal(p.method[2], START_BOARD);
	assert_string_equal(summary(&p), "smp: 2 other CPUs in the DTB; entered at EL3 (no "
			    "firmware): the board's operation, xlnx,zynqmp");
}

static void test_duplicates_and_absent_self(void **state)
{
	static const uint64_t ids[] = { 0x0, 0x1, 0x0, 0x1, 0x2 };
	struct cpu_plan p;

	(void)state;
	cpus(5, ids, MACHINE_CPU_ENABLE_PSCI);
	cpu_plan_make(&m, 0x0, 1, NULL, &p, say, &n_said);
	assert_int_equal(p.n, 2);                           /* cpu@1 and cpu@4 */
	assert_int_equal(p.dt[1], 1);
	assert_int_equal(p.dt[2], 4);
	assert_int_equal(p.left_off, 2);
	assert_int_equal(n_said, 2);
	assert_string_equal(said[0], "smp: cpu@2 (MPIDR 0x0) has the MPIDR of cpu@0: a duplicate "
			    "in /cpus, not started");
	assert_string_equal(said[1], "smp: cpu@3 (MPIDR 0x1) has the MPIDR of cpu@1: a duplicate "
			    "in /cpus, not started");
	/* The boot CPU missing: named; with no other CPU, none planned. */
	cpus(1, ids + 1, MACHINE_CPU_ENABLE_PSCI);
	cpu_plan_make(&m, 0x0, 1, NULL, &p, say, &n_said);
	assert_int_equal(p.n, 1);
	assert_string_equal(said[0], "smp: the boot CPU's MPIDR 0x0 is not in the DTB's /cpus");
	cpus(0, ids, MACHINE_CPU_ENABLE_PSCI);
	m.fdt = NULL;                                       /* the MADT's */
	cpu_plan_make(&m, 0x0, 1, NULL, &p, say, &n_said);
	assert_string_equal(summary(&p), "smp: no other CPU in the MADT");
	assert_string_equal(said[0], "smp: the boot CPU's MPIDR 0x0 is not in the MADT");
}

static void test_mailbox(void **state)
{
	const struct cpu_held held[] = {
		{ 0x40200000, 0x40247000, "the image" }, { 0x44000000, 0x44100000, "the DTB" },
	};
	struct machine_cpu c = { .has_release_addr = true, .phys_release_addr = 0x40000ff8 };
	const struct cpu_held *hit;

	(void)state;
	assert_null(cpu_release_addr_check(&c, held, 2, &hit));
	assert_null(hit);
	c.phys_release_addr = 0x401ffffc;                   /* straddles into the image */
	assert_string_equal(cpu_release_addr_check(&c, held, 2, &hit),
			    "cpu-release-addr not 8-byte aligned");
	c.phys_release_addr = 0x401ffff8;                   /* just below it */
	assert_null(cpu_release_addr_check(&c, held, 2, &hit));
	c.phys_release_addr = 0x40246ff8;                   /* its last doubleword */
	assert_string_equal(cpu_release_addr_check(&c, held, 2, &hit),
			    "cpu-release-addr lies in what the boot holds");
	assert_ptr_equal(hit, &held[0]);
	c.phys_release_addr = 0x440fff00;
	assert_non_null(cpu_release_addr_check(&c, held, 2, &hit));
	assert_ptr_equal(hit, &held[1]);
	c.phys_release_addr = ~7ULL;
	assert_string_equal(cpu_release_addr_check(&c, held, 2, &hit),
			    "cpu-release-addr at the end of the address space");
	c.has_release_addr = false;
	assert_string_equal(cpu_release_addr_check(&c, held, 2, &hit), "no cpu-release-addr");
	assert_string_equal(start_method_name(START_SPIN_TABLE), "spin table");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_below_el3),
		cmocka_unit_test(test_plan_at_el3),
		cmocka_unit_test(test_duplicates_and_absent_self),
		cmocka_unit_test(test_mailbox),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
