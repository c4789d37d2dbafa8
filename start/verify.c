/*
 * verify.c - the boot's proofs: both maps checked three ways, and the
 * switch to the final map between them.
 *
 * Owns: the order of the checks (the early map as head.S and the windows
 * left it; the final map, built with the runtime API into the boot's
 * table pool, switched to and finalized; then every other CPU checks it
 * on its own: smp.c), the environment the checks run in (the hardware
 * through AT S1E1R/W, the walker over the live tables, the expected maps,
 * the probe list), the test build's hooks at those points, and the tally.
 */
#include <stdio.h>
#include "bench.h"
#include "boot.h"
#include "exit.h"
#include "hw.h"
#include "kernel_map.h"
#include "regs.h"
#include "smp.h"
#include "sysreg.h"

static void print_line(const char *line)
{
	printf("%s\n", line);
}

void verify_early_map(struct boot *b)
{
	struct check_tally early = { 0, 0 };

	hooks_early_map_live(&b->hooks);
	b->checks = (struct check_env){
		.phase = MAP_EARLY, .layout = &b->layout, .syms = &b->syms, .walk = &b->walk,
		.mair = read_sysreg(mair_el1), .at = hw_at, .print = print_line,
		.verbose = b->report_full,
	};
	b->nprobes = probes_build(&b->layout, &b->syms, b->probes);
	report_early_checks_start();
	check_run(&b->checks, b->probes, b->nprobes, &early);
	report_map_tally("early", &early);
	b->tally = early;
}

void final_map_install(struct boot *b)
{
	int rc;

	bench_mark(BENCH_FINAL_START);
	rc = kernel_map_build(&b->final_xlat, &b->layout, &b->syms, b->pa_bits);
	if (rc)
		boot_fatal(EXIT_FINAL_MAP, "the final map could not be built: %s", xlat_strerror(rc));
	kernel_map_install(&b->final_xlat, &b->layout);
	mmu_finalize();
	bench_mark(BENCH_FINAL_LIVE);
	b->walk.ttbr0_disabled = true;
	b->walk.ttbr1_pa = ttbr_to_phys(read_sysreg(ttbr1_el1));
	report_final_map(b);
}

void verify_final_map(struct boot *b)
{
	struct check_tally final = { 0, 0 };

	hooks_final_map_live(&b->hooks);
	b->checks.phase = MAP_FINAL;
	report_final_checks_start();
	check_run(&b->checks, b->probes, b->nprobes, &final);
	report_map_tally("final", &final);
	b->tally.passed += final.passed;
	b->tally.failed += final.failed;
	bench_mark(BENCH_CHECKS_DONE);
}

/* Every other CPU checks the final map on its own (adding to the tally),
 * then the test build's checks; the status the boot ends with. */
void verify_other_cpus(struct boot *b)
{
	struct smp_env senv = {
		.layout = &b->layout, .syms = &b->syms, .walk = &b->walk, .entry_el = b->entry_el,
		.machine = &b->machine, .tally = &b->tally, .xlat = &b->final_xlat, .pages = &b->pages,
		.verbose = b->report_full,
	};
	int smp_failures = smp_bring_up(&senv);
	int hook_failures = hooks_after_checks(&b->hooks);

	b->status = b->tally.failed || hook_failures || smp_failures ? EXIT_CHECKS_FAILED : EXIT_OK;
}
