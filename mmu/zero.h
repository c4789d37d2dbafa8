/*
 * zero.h - zeroing table memory and filling byte arrays, fast.
 *
 * Owns: zero_words(), for whole table pages and the runtime API's bitmaps,
 * and fill_bytes(), for the page allocator's state bytes (64 MiB of them
 * for 255 GiB of RAM). picolibc's memset goes byte by byte (about 16,000
 * instructions for a 4 KiB page); these store doublewords. Pure: host and
 * target.
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

/* n bytes from p := v: bytes up to an 8-byte boundary, then doublewords
 * of v repeated, then the tail. */
static inline void fill_bytes(void *p, uint8_t v, size_t n)
{
	uint8_t *b = p;
	uint64_t word = v * 0x0101010101010101ULL;

	for (; n && ((uintptr_t)b & 7); n--)
		*b++ = v;
	for (; n >= 8; n -= 8, b += 8) {
		*(uint64_t *)(void *)b = word;
		__asm__ volatile("" : : "r"(b) : "memory");
	}
	for (; n; n--)
		*b++ = v;
}

#endif /* ZERO_H */
