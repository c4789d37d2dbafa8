/*
 * faults.h - the fault tests: provoke every protection on purpose.
 *
 * Owns: the fault tests (run when the boot argument stub.faults is given;
 * test build only, tests/target/) and the exception handler's fix-up that
 * recovers from an expected fault. Each test arms an expectation, provokes
 * one fault (probes.S), and compares the exception class, fault status
 * (type and level), WnR and FAR with what the memory map predicts.
 */
#ifndef FAULTS_H
#define FAULTS_H

#include <stdbool.h>
#include "hooks.h"
#include "traps.h"

/* Runs every fault test, prints one line each and "faults: N passed, M
 * failed". Returns M. Needs the final map installed (env->xlat: it maps
 * the EL0 page and stack with the runtime API, and a page of its own). */
int fault_tests_run(const struct hook_env *env);

/* Called first by handle_exception(): true if the exception was an armed
 * test's (or EL0's SVC back) and the frame now resumes where it should. */
bool fault_tests_fixup(unsigned slot, struct exception_frame *frame);

#endif /* FAULTS_H */
