/*
 * esr.h - the one decoder of an exception's syndrome.
 *
 * Owns: the exception classes (ESR_ELx.EC), the ISS bits the stub reads
 * (WnR, FnV), the fault status codes (DFSC/IFSC, and PAR_EL1.FST, which
 * uses the same encoding) with their names and levels, the names of the
 * 16 vector slots, and the one text of a cause ("EC 0x25: data abort from
 * the same EL; FSC 0x7: translation fault, level 3 (write)"), which the
 * exception report, the monitor and the checks all print.
 * Reference: Arm ARM (DDI 0487) D17.2.37 "ESR_EL1", D17.2.103 "PAR_EL1".
 * Pure, no library, no absolute pointers (every name is a literal returned
 * from code): it runs with the MMU off too (start/start.mk's MMU-off set).
 * Host-testable. No other file spells an EC or a fault status as a number.
 */
#ifndef ESR_H
#define ESR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "pgtable-hwdef.h"

/* ESR_ELx: EC in bits [31:26], IL bit 25, ISS in bits [24:0]. */
#define ESR_EC_SHIFT           26
#define ESR_EC_MASK            0x3f
#define ESR_IL                 (1ULL << 25)
#define ESR_ISS_MASK           0x1ffffff

/* Exception classes the stub tells apart. */
#define ESR_EC_UNKNOWN         0x00    /* also an UNDEFINED HVC/SMC/HLT */
#define ESR_EC_WFX             0x01
#define ESR_EC_FP_ASIMD        0x07
#define ESR_EC_ILL             0x0e
#define ESR_EC_SVC64           0x15
#define ESR_EC_HVC64           0x16
#define ESR_EC_SMC64           0x17
#define ESR_EC_SYS64           0x18
#define ESR_EC_IABT_LOW        0x20
#define ESR_EC_IABT_CUR        0x21
#define ESR_EC_PC_ALIGN        0x22
#define ESR_EC_DABT_LOW        0x24
#define ESR_EC_DABT_CUR        0x25
#define ESR_EC_SP_ALIGN        0x26
#define ESR_EC_SERROR          0x2f
#define ESR_EC_BREAKPT_LOW     0x30
#define ESR_EC_BREAKPT_CUR     0x31
#define ESR_EC_SOFTSTP_LOW     0x32
#define ESR_EC_SOFTSTP_CUR     0x33
#define ESR_EC_WATCHPT_LOW     0x34
#define ESR_EC_WATCHPT_CUR     0x35
#define ESR_EC_BRK64           0x3c

/* ISS of a data abort: WnR (bit 6) a write; FnV (bit 10) FAR not valid. */
#define ESR_ISS_WNR            (1ULL << 6)
#define ESR_ISS_FNV            (1ULL << 10)

/* Fault status codes (xFSC, PAR_EL1.FST): 6 bits. For the level-specific
 * groups, bits [5:2] are the type and bits [1:0] the level. */
#define FSC_MASK               0x3f
#define FSC_TYPE_MASK          0x3c
#define FSC_ADDR_SIZE          0x00
#define FSC_TRANSLATION        0x04
#define FSC_ACCESS_FLAG        0x08
#define FSC_PERMISSION         0x0c
#define FSC_SEA                0x10
#define FSC_TAG_CHECK          0x11
#define FSC_SEA_WALK           0x14
#define FSC_PARITY             0x18
#define FSC_PARITY_WALK        0x1c
#define FSC_ALIGNMENT          0x21
#define FSC_TLB_CONFLICT       0x30
/* FEAT_LPA2's level -1 (a 5-level walk's root): codes of their own, one
 * per level group that has it (D17.2.37). */
#define FSC_ADDR_SIZE_LM1      0x29
#define FSC_TRANSLATION_LM1    0x2b
#define FSC_SEA_WALK_LM1       0x13
#define FSC_PARITY_WALK_LM1    0x1b
/* fault_status_level of a code that names no level. */
#define FSC_NO_LEVEL           (-2)

unsigned esr_class(uint64_t esr);
const char *esr_class_name(unsigned ec);
/* Data or instruction abort, from either EL. */
bool esr_is_abort(unsigned ec);
/* For aborts: the DFSC/IFSC field. */
unsigned esr_fault_status(uint64_t esr);
/* For data aborts: ISS.WnR. */
bool esr_is_write(uint64_t esr);
/* A data abort at EL1 from EL1 with a valid FAR whose fault is a
 * translation fault at any level (DFSC 0b0001LL, D17.2.37; with FEAT_LPA2
 * also level -1's 0b101011, in the builds that may walk it): what demand
 * paging may resolve. Inline: the demand fault's first question. */
static inline bool esr_is_translation_fault_cur(uint64_t esr)
{
	return ((esr >> ESR_EC_SHIFT) & ESR_EC_MASK) == ESR_EC_DABT_CUR && !(esr & ESR_ISS_FNV) &&
	       ((esr & FSC_TYPE_MASK & FSC_MASK) == FSC_TRANSLATION ||
		(PGTABLE_START_LEVEL < 0 && (esr & FSC_MASK) == FSC_TRANSLATION_LM1));
}

/* "translation fault" (the level comes from fault_status_level). */
const char *fault_status_name(unsigned fsc);
/* -1..3 (-1: FEAT_LPA2's level -1), or FSC_NO_LEVEL when the code is not
 * level-specific. */
int fault_status_level(unsigned fsc);
/* The fault's type: fsc of a level-specific group with the level cleared. */
bool fault_status_is(unsigned fsc, unsigned type);
/* "translation fault, L2" or "alignment fault". Returns buf. */
char *fault_status_format(unsigned fsc, char *buf, size_t len);

/* "EC 0x25: data abort from the same EL" and, for an abort, sep then
 * "FSC 0x7: translation fault, level 3 (write)" (the read/write for data
 * aborts). Returns buf, always terminated. */
char *esr_describe(uint64_t esr, const char *sep, char *buf, size_t len);
#define ESR_DESCRIBE_MAX 160

/* Name of vector slot 0..15, e.g. "synchronous, current EL with SP_ELx"
 * (slot = 4 * group + type: start/traps.h). */
const char *vector_slot_name(unsigned slot);

#endif /* ESR_H */
