/*
 * regs.h - values and text forms of the MMU control registers.
 *
 * Owns: the interface of the MMU control registers' values (tcr.c: the
 * TCR_EL1 value for this geometry from ID_AA64MMFR0_EL1, and the checks
 * on ID registers the stub relies on; in the MMU-off set) and their
 * decoding (regs.c: PAR_EL1, and the field-by-field text of TCR_EL1,
 * SCTLR_EL1 and MAIR_EL1). Pure functions: host-testable. Reference: Arm
 * ARM D17.2 (register descriptions).
 */
#ifndef REGS_H
#define REGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "pgtable-hwdef.h"

/* Physical address bits for an ID_AA64MMFR0_EL1.PARange value; 0 if reserved. */
unsigned parange_bits(unsigned parange);
/* PARange field of ID_AA64MMFR0_EL1. */
unsigned mmfr0_parange(uint64_t mmfr0);
/* True if ID_AA64MMFR0_EL1.TGran4 says the 4 KiB granule is implemented. */
bool mmfr0_has_4k_granule(uint64_t mmfr0);
/* True if ID_AA64MMFR0_EL1 says the build's granule is implemented
 * (TGran4, TGran16 or TGran64). */
bool mmfr0_has_granule(uint64_t mmfr0);
/* Physical address bits of PARange, at most 48 (52 needs FEAT_LPA2's or
 * FEAT_LPA's descriptors). */
unsigned mmfr0_pa_bits(uint64_t mmfr0);
/* The physical address bits a TCR_EL1 value's IPS gives: the boot's
 * decision, read back (tcr_el1_value and tcr_el1_va52 made it). */
unsigned tcr_ips_bits(uint64_t tcr);
/* TCR_EL1 every CPU of the build's granule runs: T1SZ for VA_BITS_MIN
 * (VA_BITS but in a 52-bit build), T0SZ for IDMAP_VA_BITS_MIN,
 * inner-shareable write-back walks, IPS = PARange (at most 48 bits; 52
 * with FEAT_LPA's 64 KiB format in a 52-bit build). */
uint64_t tcr_el1_value(uint64_t mmfr0);
#if VA_BITS > VA_BITS_MIN
/* The 52-bit VA the build wants: FEAT_LPA2 in the granule's
 * ID_AA64MMFR0_EL1 field (4, 16 KiB), FEAT_LVA in ID_AA64MMFR2_EL1.VARange
 * (64 KiB). Documents head.S's test (the same fields) and tests it. */
bool cpu_has_va52(uint64_t mmfr0, uint64_t mmfr2);
/* tcr (tcr_el1_value's) for a CPU that has it: T0SZ = T1SZ = 12; with 4
 * and 16 KiB pages DS = 1 and IPS = PARange up to 52 bits (D17.2.131). */
uint64_t tcr_el1_va52(uint64_t tcr, uint64_t mmfr0);
#endif

/* What AT S1E1R/W left in PAR_EL1. */
struct hw_translation {
	bool ok;                 /* PAR_EL1.F == 0 */
	uint64_t pa;             /* ok: output address, with the VA's page offset */
	uint8_t mair_attr;       /* ok: PAR_EL1.ATTR, the MAIR byte used */
	uint8_t sh;              /* ok: PAR_EL1.SH */
	uint8_t fst;             /* !ok: fault status code (DFSC encoding: esr.h) */
};
void par_decode(uint64_t par, uint64_t va, struct hw_translation *out);

char *tcr_format(uint64_t tcr, char *buf, size_t len);
char *sctlr_format(uint64_t sctlr, char *buf, size_t len);
char *mair_format(uint64_t mair, char *buf, size_t len);

#endif /* REGS_H */
