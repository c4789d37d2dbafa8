/*
 * tcr.c - the values the MMU is turned on with (see regs.h): the
 * ID_AA64MMFR0_EL1 fields they depend on, and TCR_EL1 for this geometry.
 * Pure; in the MMU-off set (start/start.mk): head.S calls tcr_el1_value()
 * before the MMU is on.
 */
#include "regs.h"
#include "sysreg.h"

/* TxSZ = 64 - VA_BITS must lie in 16..39 for a walk without FEAT_LVA/TTST
 * (D8.2.7); 4K/39 gives 25. A 52-bit build's 12 needs FEAT_LPA2 or LVA:
 * every CPU runs VA_BITS_MIN (and TTBR0 IDMAP_VA_BITS_MIN), 16..39. */
_Static_assert(TCR_TxSZ(VA_BITS_MIN) >= 16 && TCR_TxSZ(VA_BITS_MIN) <= 39, "T1SZ in 16..39");
_Static_assert(TCR_TxSZ(IDMAP_VA_BITS_MIN) >= 16 && TCR_TxSZ(IDMAP_VA_BITS_MIN) <= 39,
	       "T0SZ in 16..39");
_Static_assert(TCR_TxSZ(VA_BITS) >= 12, "TxSZ at least 12 (52 bits: FEAT_LPA2, FEAT_LVA)");
/* With FEAT_LPA2's format every mapping has the walks' shareability. */
_Static_assert(TCR_SH_INNER == PTE_SH_TCR, "desc.h's SH under TCR_EL1.DS");

unsigned parange_bits(unsigned parange)
{
	switch (parange) {
	case 0: return 32;
	case 1: return 36;
	case 2: return 40;
	case 3: return 42;
	case 4: return 44;
	case 5: return 48;
	case 6: return 52;
	default: return 0;
	}
}

unsigned mmfr0_parange(uint64_t mmfr0)
{
	return (unsigned)((mmfr0 >> ID_AA64MMFR0_PARANGE_SHIFT) & 0xf);
}

bool mmfr0_has_4k_granule(uint64_t mmfr0)
{
	return ((mmfr0 >> ID_AA64MMFR0_TGRAN4_SHIFT) & 0xf) != ID_AA64MMFR0_TGRAN4_NI;
}

bool mmfr0_has_granule(uint64_t mmfr0)
{
	return ((mmfr0 >> ID_AA64MMFR0_TGRAN_SHIFT) & 0xf) != ID_AA64MMFR0_TGRAN_NI;
}

/* PARange encodings above max (48 or 52 bits) are clamped to it. */
static unsigned usable_parange(uint64_t mmfr0, unsigned max)
{
	unsigned parange = mmfr0_parange(mmfr0);

	return parange > max ? max : parange;
}

unsigned mmfr0_pa_bits(uint64_t mmfr0)
{
	return parange_bits(usable_parange(mmfr0, TCR_IPS_48));
}

unsigned tcr_ips_bits(uint64_t tcr)
{
	return parange_bits((unsigned)((tcr >> TCR_IPS_SHIFT) & TCR_IPS_MASK));
}

/* IPS: 52 bits need FEAT_LPA's 64 KiB format in a 52-bit build; with 4
 * and 16 KiB, TCR_EL1.DS too (tcr_el1_va52). */
#define TCR_IPS_MAX (PGTABLE_LPA ? TCR_IPS_52 : TCR_IPS_48)

uint64_t tcr_el1_value(uint64_t mmfr0)
{
	uint64_t ips = usable_parange(mmfr0, TCR_IPS_MAX);

	return ((uint64_t)TCR_TxSZ(IDMAP_VA_BITS_MIN) << TCR_T0SZ_SHIFT) |
	       ((uint64_t)TCR_TxSZ(VA_BITS_MIN) << TCR_T1SZ_SHIFT) |
	       ((uint64_t)TCR_RGN_WBWA << TCR_IRGN0_SHIFT) |
	       ((uint64_t)TCR_RGN_WBWA << TCR_ORGN0_SHIFT) |
	       ((uint64_t)TCR_SH_INNER << TCR_SH0_SHIFT) |
	       ((uint64_t)TCR_TG0_GRANULE << TCR_TG0_SHIFT) |
	       ((uint64_t)TCR_RGN_WBWA << TCR_IRGN1_SHIFT) |
	       ((uint64_t)TCR_RGN_WBWA << TCR_ORGN1_SHIFT) |
	       ((uint64_t)TCR_SH_INNER << TCR_SH1_SHIFT) |
	       ((uint64_t)TCR_TG1_GRANULE << TCR_TG1_SHIFT) |
	       (ips << TCR_IPS_SHIFT);
}

#if VA_BITS > VA_BITS_MIN
bool cpu_has_va52(uint64_t mmfr0, uint64_t mmfr2)
{
#if PGTABLE_LPA2
	(void)mmfr2;
	return ((mmfr0 >> ID_AA64MMFR0_TGRAN_SHIFT) & 0xf) == ID_AA64MMFR0_TGRAN_LPA2;
#else
	(void)mmfr0;
	return ((mmfr2 >> ID_AA64MMFR2_VARANGE_SHIFT) & 0xf) == ID_AA64MMFR2_VARANGE_52;
#endif
}

uint64_t tcr_el1_va52(uint64_t tcr, uint64_t mmfr0)
{
	uint64_t txsz = TCR_TxSZ(VA_BITS);

	tcr &= ~(((uint64_t)TCR_TxSZ_MASK << TCR_T0SZ_SHIFT) |
		 ((uint64_t)TCR_TxSZ_MASK << TCR_T1SZ_SHIFT));
	tcr |= (txsz << TCR_T0SZ_SHIFT) | (txsz << TCR_T1SZ_SHIFT);
#if PGTABLE_LPA2
	tcr &= ~((uint64_t)TCR_IPS_MASK << TCR_IPS_SHIFT);
	tcr |= (uint64_t)usable_parange(mmfr0, TCR_IPS_52) << TCR_IPS_SHIFT;
	tcr |= TCR_DS;
#else
	(void)mmfr0;                  /* 64 KiB: IPS was 52-capable already */
#endif
	return tcr;
}
#endif
