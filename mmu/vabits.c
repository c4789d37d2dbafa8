/*
 * vabits.c - the VA size this boot runs with (see vabits.h): the one value
 * a 52-bit build decides at boot, and reading it back from TCR_EL1.
 */
#include "sysreg.h"
#include "vabits.h"

#if VA_BITS > VA_BITS_MIN
/* The full size until the boot reads its own (kernel_main, first thing):
 * the host tests' default. */
unsigned vabits_actual_value = VA_BITS;

bool vabits_set(unsigned va_bits)
{
	if (va_bits != VA_BITS && va_bits != VA_BITS_MIN)
		return false;
	vabits_actual_value = va_bits;
	return true;
}

bool vabits_from_tcr(uint64_t tcr)
{
	unsigned va_bits = 64 - (unsigned)((tcr >> TCR_T1SZ_SHIFT) & TCR_TxSZ_MASK);
	bool ds = (tcr & TCR_DS) != 0;

	if (ds != (PGTABLE_LPA2 && va_bits == 52))
		return false;
	return vabits_set(va_bits);
}
#endif
