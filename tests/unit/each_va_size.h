/*
 * each_va_size.h - run a check once per VA size the build may run with.
 *
 * Owns: each_va_size(fn), for the unit tests built once per geometry
 * (unit.mk's GEO_ALL_TESTS): fn with the build's VA_BITS, then, in a
 * 52-bit build (mmu/vabits.h), again with VA_BITS_MIN, the fallback of a
 * CPU without FEAT_LPA2 / FEAT_LVA; the build's own size set again after.
 */
#ifndef EACH_VA_SIZE_H
#define EACH_VA_SIZE_H

#include "vabits.h"

static inline void each_va_size(void (*fn)(void))
{
#if VA_BITS > VA_BITS_MIN
	vabits_set(VA_BITS);
	fn();
	vabits_set(VA_BITS_MIN);
	fn();
	vabits_set(VA_BITS);
#else
	fn();
#endif
}

#endif /* EACH_VA_SIZE_H */
