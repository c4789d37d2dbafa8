/*
 * ram_probe.h - RAM trusted only after a look: which pages of the banks
 * the boot tries before anything uses them, and what the answers mean.
 *
 * Owns: the choice of the pages tried and the reading of their answers,
 * over a RAM plan made from the banks as given (mmu/ram_plan.h). Each
 * bank's part in the linear ranges is cut at every GiB (RAM_PROBE_SPAN)
 * into chunks; in each chunk its first free page is tried, and in the
 * bank's last chunk its last free page too: so every bank's first and
 * last page (the first and last free ones) and one page per GiB. Pages
 * that are not free are never tried: the image, the DTB and the initrd
 * are RAM the boot already stands on, and reservations may be memory
 * nobody may touch (no-map ones may be secure memory). A chunk whose
 * tried pages all answer is trusted whole. Otherwise the answers are
 * read as one boundary between two that differ: the pages between are
 * halved (each half's middle page tried) down to the first page that
 * answers as the far one does; a page that is not free counts as good
 * there, and the image's, the DTB's and the initrd's first and last
 * pages in the chunk are good answers given. What does not answer (a
 * fault, or a written value not read back) becomes an absent piece:
 * page aligned, named after its bank, with the first failing answer,
 * for ram_plan_make to leave out of the linear map and the allocator.
 * Adjacent bad stretches of a bank are one piece.
 *
 * Cost: one tried page per GiB and bank end, plus at most
 * log2(RAM_PROBE_SPAN / PAGE_SIZE) more for each boundary found.
 * Pure: the trying itself is the caller's callback. Host-tested.
 */
#ifndef RAM_PROBE_H
#define RAM_PROBE_H

#include <stdbool.h>
#include <stdint.h>
#include "ram_plan.h"

/* One page tried per this much of a bank (and at its ends). */
#define RAM_PROBE_SPAN SZ_1G

enum ram_probe_answer {
	RAM_PROBE_OK,           /* read, wrote, read back, restored */
	RAM_PROBE_FAULT,        /* an access faulted: nothing answers there */
	RAM_PROBE_NOT_HELD,     /* a written value did not read back: not RAM */
};

/* What a tried page answered. */
struct ram_probe_finding {
	enum ram_probe_answer answer;
	uint64_t pa;
	uint64_t esr;           /* RAM_PROBE_FAULT: ESR_EL1 */
	uint64_t wrote, read;   /* RAM_PROBE_NOT_HELD: the value, and what came back */
};

/* The caller's trial of one page: fills *f (answer and details; pa is
 * set by the caller of the callback). */
typedef void (*ram_probe_fn)(uint64_t pa, struct ram_probe_finding *f, void *cookie);

struct ram_probe_result {
	struct phys_range absent[RAM_MAX_ABSENT];       /* named after their banks */
	struct ram_probe_finding finding[RAM_MAX_ABSENT]; /* each piece's first failing answer */
	unsigned nr_absent;
	unsigned nr_tried;      /* pages tried */
	unsigned nr_banks;      /* banks with at least one page tried */
	bool too_many;          /* more absent pieces than RAM_MAX_ABSENT: stopped */
};

/*
 * Tries the banks of in, as plan (made from in, RAM_OK, before any take)
 * says they lie; out gets the absent pieces in bank order. Returns
 * out->nr_absent, or -1 when more pieces than RAM_MAX_ABSENT would be
 * needed (out->too_many; the ones found so far are kept).
 */
int ram_probe_banks(const struct ram_plan_input *in, const struct ram_plan *plan,
		    ram_probe_fn probe, void *cookie, struct ram_probe_result *out);

#endif /* RAM_PROBE_H */
