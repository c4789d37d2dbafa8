/*
 * vabits.h - the VA size this boot runs with, and what follows from it.
 *
 * Owns: Linux's vabits_actual, lpa2_is_enabled() and pgtable_l5_enabled()
 * for this stub. In a 52-bit build (pgtable-hwdef.h: VA_BITS > VA_BITS_MIN)
 * they are the CPU's: start/head.S decides before the MMU is on (FEAT_LPA2
 * with 4 and 16 KiB pages, FEAT_LVA with 64 KiB) and writes the decision
 * into TCR_EL1 (T1SZ, and DS with LPA2); vabits_from_tcr() reads it back
 * once, after the jump to the link address, and nothing derives it again.
 * In every other build they are the constants VA_BITS and false, so that
 * nothing here costs those builds an instruction. And what follows from
 * the VA size, for any half's VA bits: the walk's start level and the
 * root's entries (D8.2.7), TTBR1's span, the widest output address the
 * descriptors hold, and TTBR values with a 52-bit table address. Pure but
 * for the one value (set by the boot, or by a host test).
 */
#ifndef VABITS_H
#define VABITS_H

#include <stdbool.h>
#include <stdint.h>
#include "pgtable-hwdef.h"

#if VA_BITS > VA_BITS_MIN
/* VA_BITS (the CPU has LPA2 or LVA) or VA_BITS_MIN (it has not); host
 * tests set either, the boot sets it from TCR_EL1.T1SZ. */
extern unsigned vabits_actual_value;
static inline unsigned vabits_actual(void)
{
	return vabits_actual_value;
}
/* va_bits: VA_BITS or VA_BITS_MIN; anything else is not a mode of this
 * build and leaves the value as it was (returns false). */
bool vabits_set(unsigned va_bits);
/* The boot's decision as head.S wrote it: 64 - T1SZ, and TCR_EL1.DS set
 * exactly when that is 52 with 4 or 16 KiB pages. False (and nothing set)
 * when the TCR says anything else. */
bool vabits_from_tcr(uint64_t tcr);
#else
static inline unsigned vabits_actual(void)
{
	return VA_BITS;
}
#endif

/* FEAT_LPA2's descriptors (TCR_EL1.DS = 1): a 52-bit VA with 4 or 16 KiB
 * pages. Bits [9:8] then hold OA[51:50], and shareability comes from
 * TCR_EL1.SH0/SH1 (D8.3.1). */
static inline bool lpa2_is_enabled(void)
{
	return PGTABLE_LPA2 && vabits_actual() == 52;
}

/* The walk's start level for a half of va_bits (D8.2.7): -1 (4 KiB with
 * 52 bits) to 2; the root resolves the VA bits above its shift. */
static inline int va_root_level(unsigned va_bits)
{
	return 4 - (int)HW_PGTABLE_LEVELS(va_bits);
}

/* The level -1 table is walked: 4 KiB pages and 52-bit VAs. */
static inline bool pgtable_l5_enabled(void)
{
	return va_root_level(vabits_actual()) < 0;
}

/* TTBR1's first VA this boot: -2^vabits_actual (Linux's
 * _PAGE_OFFSET(vabits_actual)). */
static inline uint64_t ttbr1_va_start(void)
{
	return -(1ULL << vabits_actual());
}

/* The widest output address this boot's descriptors hold (TCR_EL1.IPS is
 * at most this): 52 with FEAT_LPA2 on, or FEAT_LPA's 64 KiB format; 48
 * otherwise (D8.3: without DS, 4 and 16 KiB descriptors hold 48 bits). */
static inline unsigned oa_bits_max(void)
{
	return PGTABLE_LPA || lpa2_is_enabled() ? 52 : 48;
}

/* The TTBR value for a root table at pa, and back (D17.2.136: BADDR[51:48]
 * in bits [5:2] where the build may have a 52-bit address; otherwise the
 * address as it is). Linux's phys_to_ttbr. */
static inline uint64_t phys_to_ttbr(uint64_t pa)
{
#if PA_BITS_MAX > 48
	return (pa | (pa >> TTBR_BADDR_HIGH_SHIFT)) & TTBR_BADDR_MASK_52;
#else
	return pa;
#endif
}

static inline uint64_t ttbr_to_phys(uint64_t ttbr)
{
#if PA_BITS_MAX > 48
	return (ttbr & TTBR_BADDR_MASK_52 & ~TTBR_BADDR_HIGH) |
	       ((ttbr & TTBR_BADDR_HIGH) << TTBR_BADDR_HIGH_SHIFT);
#else
	return ttbr & TTBR_BADDR_MASK;
#endif
}

#endif /* VABITS_H */
