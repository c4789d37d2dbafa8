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

/* Physical address bits for an ID_AA64MMFR0_EL1.PARange value; 0 if reserved. */
unsigned parange_bits(unsigned parange);
/* PARange field of ID_AA64MMFR0_EL1. */
unsigned mmfr0_parange(uint64_t mmfr0);
/* True if ID_AA64MMFR0_EL1.TGran4 says the 4 KiB granule is implemented. */
bool mmfr0_has_4k_granule(uint64_t mmfr0);
/* True if ID_AA64MMFR0_EL1 says the build's granule is implemented
 * (TGran4, TGran16 or TGran64). */
bool mmfr0_has_granule(uint64_t mmfr0);
/* Physical address bits the translation regime uses: PARange, at most 48
 * (52 needs FEAT_LPA2 with a 4 KiB granule). TCR_EL1.IPS is set to match. */
unsigned mmfr0_pa_bits(uint64_t mmfr0);
/* TCR_EL1 for VA_BITS in both halves, the build's granule, inner-shareable
 * write-back walks, IPS = PARange (at most 48 bits: 52 needs FEAT_LPA2). */
uint64_t tcr_el1_value(uint64_t mmfr0);

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
