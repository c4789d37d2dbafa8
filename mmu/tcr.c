/*
 * tcr.c - the values the MMU is turned on with (see regs.h): the
 * ID_AA64MMFR0_EL1 fields they depend on, and TCR_EL1 for this geometry.
 * Pure; in the MMU-off set (start/start.mk): head.S calls tcr_el1_value()
 * before the MMU is on.
 */
#include "regs.h"
#include "sysreg.h"

/* TxSZ = 64 - VA_BITS must lie in 16..39 for a walk without FEAT_LVA/TTST
 * (D8.2.7); 4K/39 gives 25. */
_Static_assert(TCR_TxSZ(VA_BITS) >= 16 && TCR_TxSZ(VA_BITS) <= 39, "T0SZ = T1SZ in 16..39");

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

/* PARange encodings above 5 (52 bits) are clamped to 5 (48 bits). */
static unsigned usable_parange(uint64_t mmfr0)
{
	unsigned parange = mmfr0_parange(mmfr0);

	return parange > 5 ? 5 : parange;
}

unsigned mmfr0_pa_bits(uint64_t mmfr0)
{
	return parange_bits(usable_parange(mmfr0));
}

uint64_t tcr_el1_value(uint64_t mmfr0)
{
	uint64_t ips = usable_parange(mmfr0);

	return ((uint64_t)TCR_TxSZ(VA_BITS) << TCR_T0SZ_SHIFT) |
	       ((uint64_t)TCR_TxSZ(VA_BITS) << TCR_T1SZ_SHIFT) |
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

