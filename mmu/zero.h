/*
 * zero.h - zeroing table memory, fast.
 *
 * Owns: zero_words(), for whole table pages and the runtime API's bitmaps:
 * doubleword stores, 16 a loop (lib/string.c's memset is the general
 * one). Pure: host and target.
 */
#ifndef ZERO_H
#define ZERO_H

#include <stddef.h>
#include <stdint.h>

/* nwords (a multiple of 16) words from p (8-byte aligned) set to zero. The
 * empty asm keeps the compiler from turning the loop back into a memset
 * call. */
static inline void zero_words(uint64_t *p, size_t nwords)
{
	for (uint64_t *end = p + nwords; p < end; p += 16) {
		p[0] = 0;  p[1] = 0;  p[2] = 0;  p[3] = 0;  p[4] = 0;  p[5] = 0;  p[6] = 0;  p[7] = 0;
		p[8] = 0;  p[9] = 0;  p[10] = 0; p[11] = 0; p[12] = 0; p[13] = 0; p[14] = 0; p[15] = 0;
		__asm__ volatile("" : : "r"(p) : "memory");
	}
}

#endif /* ZERO_H */
