/*
 * align.h - min, max and alignment of 64-bit integers: the one copy.
 *
 * Owns: min_u64, max_u64, align_down, align_up and is_aligned (the
 * alignment a power of two). Pure, header only, host and target, safe with
 * the MMU off. align_up(x, a) wraps to 0 when x lies in the last a bytes
 * of the 64-bit range: callers keep x below 2^52.
 */
#ifndef ALIGN_H
#define ALIGN_H

#include <stdbool.h>
#include <stdint.h>

static inline uint64_t min_u64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

static inline uint64_t max_u64(uint64_t a, uint64_t b)
{
	return a > b ? a : b;
}

static inline uint64_t align_down(uint64_t x, uint64_t align)
{
	return x & ~(align - 1);
}

static inline uint64_t align_up(uint64_t x, uint64_t align)
{
	return (x + align - 1) & ~(align - 1);
}

static inline bool is_aligned(uint64_t x, uint64_t align)
{
	return (x & (align - 1)) == 0;
}

#endif /* ALIGN_H */
