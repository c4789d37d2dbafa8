/*
 * faults.h - the fault tests: provoke every protection on purpose.
 *
 * Owns: the fault test mode (boot argument stub.faults, read from the DTB's
 * /chosen/bootargs) and the exception handler's hook that recovers from an
 * expected fault. Each test arms an expectation, provokes one fault
 * (start/probes.S), and compares the exception class, fault status (type
 * and level), WnR and FAR with what the memory map predicts.
 */
#ifndef FAULTS_H
#define FAULTS_H

#include <stdbool.h>
#include "memmap.h"
#include "traps.h"
#include "walk.h"
#include "xlat.h"

struct fault_env {
	const struct boot_layout *layout;
	const struct image_symbols *syms;
	struct xlat_ctx *xlat;             /* the live final map */
	const struct walk_ctx *walk;       /* software walk of the live tables */
};

/* Runs every fault test, prints one line each and "faults: N passed, M
 * failed". Returns M. Needs the final map installed. */
int fault_tests_run(const struct fault_env *env);

/* Called first by handle_exception(): true if the exception was an armed
 * test's (or EL0's SVC back) and the frame now resumes where it should. */
bool fault_tests_fixup(unsigned slot, struct exception_frame *frame);

#endif /* FAULTS_H */
