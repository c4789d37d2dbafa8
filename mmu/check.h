/*
 * check.h - compare each probe's translation three ways.
 *
 * Owns: for one VA, the verdict that the hardware (AT S1E1R/W -> PAR_EL1),
 * the software walk and the expected memory map agree, the text of that
 * verdict, and the loop over all probes ending in "mmu: N passed, M failed".
 * The hardware is reached through a callback so the logic runs on the host.
 */
#ifndef CHECK_H
#define CHECK_H

#include <stdbool.h>
#include <stdint.h>
#include "maps.h"
#include "expect.h"
#include "probes.h"
#include "regs.h"
#include "walk.h"

/* Translate va for an EL1 read (write=false) or write, as AT S1E1R/W does. */
typedef void (*hw_at_fn)(uint64_t va, bool write, struct hw_translation *out, void *cookie);

enum map_phase { MAP_EARLY, MAP_FINAL };

struct check_env {
	enum map_phase phase;    /* which memory map the expectations come from */
	const struct boot_layout *layout;
	const struct image_symbols *syms;  /* MAP_FINAL only */
	const struct walk_ctx *walk;
	uint64_t mair;           /* MAIR_EL1 in force */
	hw_at_fn at;
	void *at_cookie;
	void (*print)(const char *line);  /* one line, no newline */
	bool verbose;            /* every probe's lines; else only failures' */
};

struct probe_result {
	struct probe probe;
	struct expectation exp;
	struct hw_translation hw_read, hw_write;
	struct walk_result sw;
	bool pass;
	char why[96];            /* first disagreement, when !pass */
};

/* Whether PAR_EL1.SH = sh is right for a mapping with attrs. Arm ARM
 * (PAR_EL1.SH): Device and Normal non-cacheable memory return 0b10, and any
 * PAR field may instead return the value in the descriptor (QEMU 7.2 does
 * the latter for Device memory). Normal cacheable: the descriptor's SH. */
bool par_sh_acceptable(const struct pte_attrs *attrs, uint64_t mair, uint8_t sh);

void check_probe(const struct check_env *env, const struct probe *p, struct probe_result *r);

struct check_tally {
	int passed, failed;
};

/* Runs every probe, prints two lines each (verbose; three for a failure,
 * printed in either mode), adds to the tally. */
void check_run(const struct check_env *env, const struct probe *probes, int nprobes,
	       struct check_tally *tally);
/* "mmu: N passed, M failed". */
void check_print_summary(const struct check_env *env, const struct check_tally *tally);
/* check_run then the summary for one set of probes. Returns M. */
int check_all(const struct check_env *env, const struct probe *probes, int nprobes);

#endif /* CHECK_H */
