/*
 * ram_plan.h - the plan of physical RAM: what the linear map covers,
 * what the page allocator may hand out, and what is lost and why.
 *
 * Owns: turning the RAM banks and reservations (as a DTB gives them, but
 * as plain arrays: mmu/ stays DTB-free) plus the image, the DTB and the
 * initrd into
 *   - phys_memstart, the PA that PAGE_OFFSET maps (the lowest usable RAM
 *     byte rounded down to 1 GiB, like Linux's memstart_addr), so
 *     linear VA = PAGE_OFFSET + (pa - phys_memstart);
 *   - the linear ranges: the bank union in whole 4 KiB pages, minus the
 *     pages of no-map reservations, within [phys_memstart, phys_memstart +
 *     budget) and below 2^pa_bits; sorted, disjoint, not adjacent;
 *   - the free ranges: the linear ranges minus the pages of every
 *     reservation, the image, the DTB, the initrd and the page at PA 0
 *     (0 is the failure value of ram_plan_take and pgalloc_alloc);
 *   - the losses, each named, so nothing is dropped silently;
 *   - the totals and a verdict.
 * Pure: no hardware, no allocation, host-tested.
 *
 * Accounting (exact, in bytes; the unit tests and the fuzzer check it):
 *   bytes_ram    = bytes_mapped + bytes_lost
 *   bytes_mapped = bytes_free + bytes_taken + bytes_held
 * where bytes_ram is the union of the banks (overlaps counted once: each
 * overlapping piece is a note, RAM_NOTE_BANK_OVERLAP or _DUPLICATE, summed
 * in bytes_overlap, never a loss: those bytes were never twice there), and
 * bytes_held is what the linear map covers but nobody may allocate
 * (reservations, image, DTB, initrd, PA 0).
 * A byte is lost for the first reason that applies, in this order: beyond
 * the CPU's PA size, in a partial page at a bank edge, not RAM (an absent
 * piece: the boot's probes found nothing, or no memory, there), beyond the
 * VA budget, in a no-map reservation (intentional, reported all the
 * same). Every loss is one contiguous piece, at its own address, named
 * after the bank (or the no-map reservation) that piece belongs to: an
 * unaligned bank loses its head and its tail as two pieces; a no-map
 * reservation across a hole loses one piece on each side.
 * Notes say what was merged: overlapping or duplicate banks (each piece
 * of a bank already covered by the banks before it), overlapping
 * reservations (each piece already reserved by those before it) and
 * reservations not page aligned (held, or unmapped, as their whole pages).
 *
 * The input's limits (RAM_MAX_BANKS, RAM_MAX_RESERVATIONS, RAM_MAX_ABSENT)
 * size every output array: within them no array can overflow (the bounds
 * are derived below and checked at compile time), so the only RAM_ETOOMANY
 * is an input over a limit, named.
 *
 * The verdict is the first of these that applies (each names what it
 * concerns in verdict_name):
 *   RAM_EINVAL      an argument: pa_bits outside 32..RAM_PA_BITS_MAX, a budget of 0 or
 *                   not page aligned, an image of size 0, a range that
 *                   wraps past 2^64 - 1 or ends before it starts, an
 *                   initrd ending before its start, an absent piece not
 *                   page aligned;
 *   RAM_ETOOMANY    more banks, reservations or absent pieces than the
 *                   limits (named: "banks", "reservations", "absent");
 *   RAM_ENOBANK     no bank (of size > 0) at all;
 *   RAM_ENORAM      banks, but no whole page of them below 2^pa_bits
 *                   that is not absent;
 *   RAM_EIMAGE_RESERVED   the image overlaps a reservation (no-map or not;
 *                   checked first, so that it is named);
 *   RAM_EIMAGE_NOT_LINEAR the image's pages are not all in one linear
 *                   range (a hole, a partial page, beyond the budget or
 *                   the PA size, an absent piece);
 *   RAM_EDTB_IMAGE  the DTB overlaps the image;
 *   RAM_EDTB_RESERVED the DTB overlaps a reservation, unless that
 *                   reservation lies entirely within the DTB's own pages:
 *                   a loader that reserves the blob itself (U-Boot's
 *                   /memreserve/ of the FDT, and others) is fine;
 *   RAM_EINITRD_IMAGE the initrd overlaps the image.
 * A DTB outside every bank is no error (it may sit in flash or memory the
 * DTB does not list; the boot maps it through its own window): flagged in
 * dtb_outside_ram. On RAM_EINVAL, RAM_ETOOMANY, RAM_ENOBANK and RAM_ENORAM
 * the plan stops there (what it found so far stays in the output, the
 * totals of the steps done only: the identities above may not hold); after
 * the others it is complete, but the caller must not boot, and
 * ram_plan_take / ram_plan_feed refuse.
 */
#ifndef RAM_PLAN_H
#define RAM_PLAN_H

#include <stdbool.h>
#include <stdint.h>
#include "memory.h"
#include "pgalloc.h"
#include "phys_range.h"

/* The VA the linear map may use: PAGE_OFFSET up to the kimage region. */
#define RAM_LINEAR_BUDGET   LINEAR_MAP_VA_SIZE
/* phys_memstart's alignment: the largest block (1 GiB with 4 KiB pages,
 * 32 MiB or 512 MiB otherwise), so such blocks are possible wherever the
 * banks are aligned to them. */
#define RAM_MEMSTART_ALIGN  BLOCK_MAX_SIZE
#define RAM_PA_BITS_MIN     32
#define RAM_PA_BITS_MAX     PA_BITS_MAX         /* 48; 52 in a 52-bit build */

/* The input's limits: the DTB's (lib/machine.h: MACHINE_MAX_BANKS,
 * MACHINE_MAX_RESERVED) and the EFI memory map's ranges fit them
 * (start/ram.c checks at compile time); absent pieces are the boot's
 * probes' (start/ram.c). */
#define RAM_MAX_BANKS        32
#define RAM_MAX_RESERVATIONS 64
#define RAM_MAX_ABSENT       16
/* ram_plan_take's pieces. */
#define RAM_MAX_TAKEN        16

/* The output arrays, each sized for the worst input within the limits:
 *  - the bank union: at most one range per bank;
 *  - the linear ranges: the union's, each split at most once more by each
 *    no-map reservation and each absent piece (a subtraction of one range
 *    [s, e) splits at most one range in two);
 *  - the free ranges: the linear ranges, split once more by each
 *    reservation, the image, the DTB, the initrd, PA 0 and each take;
 *  - the losses: per union range one beyond the PA size and two partial
 *    pages (head and tail); one beyond the budget per linear range then
 *    (the union's and the absent pieces' splits); and per subtraction of
 *    an absent piece or a no-map reservation, the k linear ranges it
 *    meets: k - 2 of them go whole, so over all subtractions the k sum to
 *    at most the ranges there were (banks) plus two per subtraction:
 *    5 * banks + 3 * absent + 2 * reservations in all;
 *  - the notes: a bank (reservation) meeting k ranges of the union so far
 *    merges them into one, so the k of all banks sum to at most their
 *    number: one per bank, one per reservation, plus one per reservation
 *    not page aligned. */
#define RAM_MAX_RAM      RAM_MAX_BANKS
#define RAM_MAX_LINEAR   (RAM_MAX_BANKS + RAM_MAX_RESERVATIONS + RAM_MAX_ABSENT)
#define RAM_MAX_FREE     (RAM_MAX_LINEAR + RAM_MAX_RESERVATIONS + 4 + RAM_MAX_TAKEN)
#define RAM_MAX_LOSSES   (5 * RAM_MAX_BANKS + 3 * RAM_MAX_ABSENT + 2 * RAM_MAX_RESERVATIONS)
#define RAM_MAX_NOTES    (RAM_MAX_BANKS + 2 * RAM_MAX_RESERVATIONS)

enum ram_plan_error {
	RAM_OK                  =   0,
	RAM_EINVAL              =  -1,
	RAM_ENOBANK             =  -2,
	RAM_ENORAM              =  -3,
	RAM_ETOOMANY            =  -4,  /* an input over its limit */
	RAM_EIMAGE_RESERVED     =  -5,
	RAM_EIMAGE_NOT_LINEAR   =  -6,
	RAM_EDTB_IMAGE          =  -7,
	RAM_EDTB_RESERVED       =  -8,
	RAM_EINITRD_IMAGE       =  -9,
	/* ram_plan_feed only */
	RAM_ENOTOK              = -10,  /* the plan's verdict is not RAM_OK */
	RAM_EPGALLOC_STATE      = -11,  /* the context is not fresh from pgalloc_init */
	RAM_EPGALLOC_BANKS      = -12,  /* more linear ranges than PGALLOC_MAX_BANKS */
	RAM_EPGALLOC_RESERVED   = -13,  /* more held pieces than PGALLOC_MAX_RESERVED */
	RAM_EPGALLOC_PA         = -14,  /* a linear range reaches PGALLOC_PA_LIMIT */
	RAM_EPGALLOC            = -15,  /* pgalloc refused otherwise (a bug) */
};

enum ram_loss_reason {
	RAM_LOSS_PA_BITS,       /* at or above 2^pa_bits */
	RAM_LOSS_EDGE,          /* a partial page at an unaligned bank edge */
	RAM_LOSS_ABSENT,        /* not RAM: an absent piece (the boot's probes) */
	RAM_LOSS_BUDGET,        /* beyond phys_memstart + the linear VA budget */
	RAM_LOSS_NO_MAP,        /* a no-map reservation (intentional) */
};
#define RAM_NR_LOSS_REASONS (RAM_LOSS_NO_MAP + 1)

/* What was merged, not lost: said so that every byte is accounted for. */
enum ram_note_kind {
	RAM_NOTE_BANK_OVERLAP,  /* a piece of a bank already in an earlier one */
	RAM_NOTE_BANK_DUPLICATE, /* a bank exactly as an earlier one */
	RAM_NOTE_RSV_OVERLAP,   /* a piece of a reservation already reserved */
	RAM_NOTE_RSV_UNALIGNED, /* a reservation not page aligned: its whole
				 * pages are held (or, no-map, not mapped) */
};

/* Only reservations with a fixed address: dynamic ones (size and
 * alloc-ranges only) are the caller's to place, and to name. */
struct ram_reservation {
	struct phys_range range;        /* empty: ignored; name NULL: "/memreserve/" */
	bool no_map;
};


struct ram_plan_input {
	/* Each bank: empty ones ignored, name NULL: "memory" ("memory@40000000"). */
	const struct phys_range *bank;
	unsigned nr_banks;
	const struct ram_reservation *rsv;
	unsigned nr_rsv;
	/* Pieces of banks that are not RAM (the boot's probes: nothing
	 * answers there, or a written value does not stick), each page
	 * aligned and named after its bank: left out of the linear map and
	 * the allocator, as a no-map reservation is. */
	const struct phys_range *absent;
	unsigned nr_absent;
	uint64_t phys_image, image_size;        /* [pa, pa + size), size > 0 */
	uint64_t phys_dtb, dtb_size;            /* size 0: no DTB */
	uint64_t phys_initrd_start, phys_initrd_end;   /* equal: no initrd */
	unsigned pa_bits;                       /* the PA size, 32..RAM_PA_BITS_MAX */
	uint64_t linear_budget;                 /* RAM_LINEAR_BUDGET on the stub */
};

struct ram_loss {
	uint64_t phys_start;                    /* the piece lost: [start, start + size) */
	uint64_t size;                          /* bytes */
	const char *name;                       /* the bank, or the no-map reservation */
	enum ram_loss_reason reason;
	int absent;                             /* RAM_LOSS_ABSENT: the index of the
						 * input's absent piece (what was found
						 * there is the caller's); else -1 */
};

struct ram_note {
	uint64_t phys_start, size;              /* the piece merged; for
						 * RSV_UNALIGNED the reservation */
	enum ram_note_kind kind;
	const char *name;                       /* the bank or reservation given */
	const char *other;                      /* where the piece already was (the
						 * range of the union holding it,
						 * named after its first); NULL for
						 * RSV_UNALIGNED */
};

struct ram_plan {
	/* Scalars first: ram_plan_make clears up to ram[] and writes each
	 * array only as far as its count. */
	int verdict;                            /* enum ram_plan_error */
	const char *verdict_name;               /* what it concerns; "" if OK */
	uint64_t phys_memstart;
	uint64_t phys_limit;                    /* 2^pa_bits */
	uint64_t phys_linear_end;               /* phys_memstart + budget, clipped to phys_limit */
	unsigned nr_ram, nr_linear, nr_free, nr_losses, nr_notes, nr_taken;
	uint64_t bytes_ram, bytes_mapped, bytes_free, bytes_taken, bytes_held;
	uint64_t bytes_lost, bytes_overlap;
	int image_linear;                       /* the linear[] holding the image, -1: none */
	bool dtb_outside_ram;                   /* the DTB is in no bank (not an error) */
	bool initrd_outside_linear;             /* the initrd's pages are not all mapped */
	/* The bank union as given (byte exact, unclipped). */
	struct phys_range ram[RAM_MAX_RAM];
	struct phys_range linear[RAM_MAX_LINEAR];
	struct phys_range free[RAM_MAX_FREE];
	struct ram_loss loss[RAM_MAX_LOSSES];
	struct ram_note note[RAM_MAX_NOTES];
	struct phys_range taken[RAM_MAX_TAKEN];  /* by ram_plan_take, in order */
};

/* Plans the layout of in into out (all of out is written); returns
 * out->verdict. */
int ram_plan_make(const struct ram_plan_input *in, struct ram_plan *out);

/*
 * Carves [pa, pa + size) out of the free ranges: size rounded up to whole
 * pages, pa a multiple of align (a power of two; below PAGE_SIZE means
 * PAGE_SIZE). Policy: the highest-addressed fit inside the linear range
 * that holds the image, else the highest-addressed fit anywhere. The image's
 * range first because it is the RAM the boot already runs from (the bank
 * the firmware chose, certainly mapped); the top of it because that leaves
 * low RAM, which 32-bit DMA masters need, to the later allocator, as
 * memblock's top-down default does. The piece is recorded in taken[] and
 * the totals move from bytes_free to bytes_taken. Returns 0 on failure
 * (no fit, size 0 or align not a power of two, taken[] or free[] full, or
 * a verdict not RAM_OK), changing nothing.
 */
uint64_t ram_plan_take(struct ram_plan *l, uint64_t size, uint64_t align);

/*
 * Feeds a context fresh from pgalloc_init: every linear range becomes a
 * bank (pgalloc_add_range) and every piece of the linear ranges that is
 * not free (reservations, image, DTB, initrd, PA 0, taken pieces) one
 * pgalloc_reserve, merged, so that nothing outside the linear map takes a
 * slot of pgalloc's table. The caller then calls pgalloc_finalize; its
 * free pages are then bytes_free / PAGE_SIZE minus its metadata pages.
 * All limits are checked before the first call, so a refusal leaves ctx
 * as it was: RAM_ENOTOK, RAM_EPGALLOC_STATE, RAM_EPGALLOC_BANKS,
 * RAM_EPGALLOC_RESERVED, RAM_EPGALLOC_PA; RAM_EPGALLOC if pgalloc refuses
 * all the same.
 */
int ram_plan_feed(const struct ram_plan *l, struct pgalloc_ctx *ctx);

const char *ram_plan_strerror(int err);
const char *ram_loss_reason_name(enum ram_loss_reason reason);
const char *ram_note_kind_name(enum ram_note_kind kind);

#endif /* RAM_PLAN_H */
