/*
 * string.c - memset, memcpy, memmove and memchr for the image, in place of
 * picolibc's (built for size: a byte a loop, about 4 instructions a byte),
 * and clear_pages (clear_pages.h).
 *
 * Owns: filling and copying by doublewords and pairs of them, searching a
 * doubleword at a time (the DTB walk's names and strings), DC ZVA for
 * large zero fills where it is allowed (DCZID_EL0.DZP clear: Arm ARM
 * D17.2.35; and only with the MMU and the data cache on, SCTLR_EL1.M and
 * C: DC ZVA on Device memory, which every access is with the MMU off, is
 * an alignment fault, D7.5.7). The image is built -mstrict-align, so
 * every word access here is aligned: unequal alignments of source and
 * destination copy by the widest unit both share.
 * Linked before picolibc, so these are the image's; the MMU-off set does
 * not call them (start/start.mk: the fence). The host tests build this
 * file under other names (STRING_PREFIX: test_string.c), without DC ZVA.
 */
#include <stddef.h>
#include <stdint.h>
#ifdef STRING_PREFIX
#define memset  test_memset
#define memcpy  test_memcpy
#define memmove test_memmove
#define memchr  test_memchr
#define clear_pages test_clear_pages
void *memset(void *dst, int c, size_t n);
void *memchr(const void *s, int c, size_t n);
void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
#else
#include <string.h>
#endif
#include "clear_pages.h"

#define SCTLR_M  (1ul << 0)
#define SCTLR_C  (1ul << 2)
#define DCZID_DZP (1ul << 4)

/* The compiler must not turn these loops back into calls of themselves
 * (lib/lib.mk also builds this file -fno-tree-loop-distribute-patterns). */
#define NO_IDIOM() __asm__ volatile("" ::: "memory")

/* DC ZVA's block in bytes, or 0 where it may not be used now. */
static inline __attribute__((always_inline)) size_t zva_block(void)
{
#ifdef STRING_PREFIX
	return 0;
#else
	static size_t block = 1;   /* 1: not read yet */
	uint64_t sctlr;

	__asm__ volatile("mrs %0, sctlr_el1" : "=r"(sctlr));
	if ((sctlr & (SCTLR_M | SCTLR_C)) != (SCTLR_M | SCTLR_C))
		return 0;
	if (block == 1) {
		uint64_t dczid;

		__asm__ volatile("mrs %0, dczid_el0" : "=r"(dczid));
		block = dczid & DCZID_DZP ? 0 : 4ul << (dczid & 0xf);
		if (block < 64)
			block = 0;      /* below the fill loop's stride: not worth it */
	}
	return block;
#endif
}

/* Four 64-byte blocks from offset o of %1 (the page or KiB being
 * zeroed), each address an immediate offset in %0: DC ZVA takes its
 * address in a register only. */
#define ZVA4(o) "add %0, %1, #" #o "\n\tdc zva, %0\n\t" \
		"add %0, %1, #" #o " + 64\n\tdc zva, %0\n\t" \
		"add %0, %1, #" #o " + 128\n\tdc zva, %0\n\t" \
		"add %0, %1, #" #o " + 192\n\tdc zva, %0\n\t"

/* [p, p + n) zeroed by DC ZVA, p and n multiples of block: for the usual
 * 64-byte block, sixteen a loop (a 4 KiB page: 64 DC ZVA, 4 loops); the
 * rest, and any other block size, one a loop. */
static void zva(uint8_t *p, size_t n, size_t block)
{
#ifndef STRING_PREFIX
	uint8_t *end = p + n;

	if (block == 64) {
		for (uint64_t t; p + 1024 <= end; p += 1024)
			__asm__ volatile(ZVA4(0) ZVA4(256) ZVA4(512) ZVA4(768)
					 : "=&r"(t) : "r"(p) : "memory");
	}
	for (; p < end; p += block)
		__asm__ volatile("dc zva, %0" : : "r"(p) : "memory");
#else
	(void)p, (void)n, (void)block;
#endif
}

/* [p, p + n) := w, p 8-byte aligned: pairs of doublewords, then the tail
 * by a word, a halfword and a byte (each aligned where it falls). */
static void fill_aligned(uint8_t *p, uint64_t w, size_t n)
{
	for (; n >= 64; n -= 64, p += 64) {
		uint64_t *q = (uint64_t *)(void *)p;

		q[0] = w; q[1] = w; q[2] = w; q[3] = w; q[4] = w; q[5] = w; q[6] = w; q[7] = w;
		NO_IDIOM();
	}
	for (; n >= 16; n -= 16, p += 16) {
		((uint64_t *)(void *)p)[0] = w;
		((uint64_t *)(void *)p)[1] = w;
		NO_IDIOM();
	}
	if (n & 8)
		*(uint64_t *)(void *)p = w, p += 8;
	if (n & 4)
		*(uint32_t *)(void *)p = (uint32_t)w, p += 4;
	if (n & 2)
		*(uint16_t *)(void *)p = (uint16_t)w, p += 2;
	if (n & 1)
		*p = (uint8_t)w;
}

void *memset(void *dst, int c, size_t n)
{
	uint8_t *p = dst, v = (uint8_t)c;
	uint64_t w = v * 0x0101010101010101ull;
	size_t block;

	if (n < 8) {
		while (n--)
			*p++ = v;
		return dst;
	}
	/* To a doubleword boundary: a byte, a halfword, a word (n stays > 0). */
	if ((uintptr_t)p & 1)
		*p = v, p += 1, n -= 1;
	if ((uintptr_t)p & 2)
		*(uint16_t *)(void *)p = (uint16_t)w, p += 2, n -= 2;
	if ((uintptr_t)p & 4)
		*(uint32_t *)(void *)p = (uint32_t)w, p += 4, n -= 4;
	if (!v && n >= 256 && (block = zva_block()) != 0 &&
	    n >= block + (size_t)(-(uintptr_t)p & (block - 1))) {
		size_t head = (size_t)(-(uintptr_t)p & (block - 1));

		if (head)
			fill_aligned(p, 0, head);
		p += head;
		n -= head;
		zva(p, n & ~(block - 1), block);
		p += n & ~(block - 1);
		n &= block - 1;
	}
	if (n)
		fill_aligned(p, w, n);
	return dst;
}

/* A 4 KiB page of 64-byte blocks: 64 DC ZVA, no loop (a demand fault
 * zeroes one; Linux's clear_page loops, four instructions a block). */
static inline __attribute__((always_inline)) void zva_4k_64(uint8_t *p)
{
#ifndef STRING_PREFIX
	uint64_t t;

	__asm__ volatile(ZVA4(0) ZVA4(256) ZVA4(512) ZVA4(768)
			 ZVA4(1024) ZVA4(1280) ZVA4(1536) ZVA4(1792)
			 ZVA4(2048) ZVA4(2304) ZVA4(2560) ZVA4(2816)
			 ZVA4(3072) ZVA4(3328) ZVA4(3584) ZVA4(3840)
			 : "=&r"(t) : "r"(p) : "memory");
#else
	(void)p;
#endif
}

void clear_pages(void *dst, size_t n)
{
	size_t block = zva_block();

	/* Block-aligned start and length (pages always are): straight to
	 * DC ZVA, without memset's alignment steps. */
	if (block == 64 && n == 4096 && !((uintptr_t)dst & 63))
		zva_4k_64(dst);
	else if (block && !(((uintptr_t)dst | n) & (block - 1)))
		zva(dst, n, block);
	else
		memset(dst, 0, n);
}

/* Forward, by the widest unit d and s share (safe for d below s even when
 * they overlap: every unit is read before it is written over). */
static void copy_forward(uint8_t *d, const uint8_t *s, size_t n)
{
	uintptr_t skew = (uintptr_t)d ^ (uintptr_t)s;

	if (!(skew & 7)) {
		for (; n && ((uintptr_t)d & 7); n--)
			*d++ = *s++;
		for (; n >= 32; n -= 32, d += 32, s += 32) {
			const uint64_t *a = (const uint64_t *)(const void *)s;
			uint64_t *b = (uint64_t *)(void *)d, x0 = a[0], x1 = a[1], x2 = a[2], x3 = a[3];

			b[0] = x0; b[1] = x1; b[2] = x2; b[3] = x3;
			NO_IDIOM();
		}
		for (; n >= 8; n -= 8, d += 8, s += 8) {
			*(uint64_t *)(void *)d = *(const uint64_t *)(const void *)s;
			NO_IDIOM();
		}
	} else if (!(skew & 3)) {
		for (; n && ((uintptr_t)d & 3); n--)
			*d++ = *s++;
		for (; n >= 4; n -= 4, d += 4, s += 4) {
			*(uint32_t *)(void *)d = *(const uint32_t *)(const void *)s;
			NO_IDIOM();
		}
	}
	for (; n; n--)
		*d++ = *s++;
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	copy_forward(dst, src, n);
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	if (d <= s || d >= s + n) {
		copy_forward(d, s, n);
		return dst;
	}
	/* d above s, overlapping: from the end, by doublewords when they agree. */
	d += n;
	s += n;
	if (!(((uintptr_t)d ^ (uintptr_t)s) & 7)) {
		for (; n && ((uintptr_t)d & 7); n--)
			*--d = *--s;
		for (; n >= 8; n -= 8) {
			d -= 8;
			s -= 8;
			*(uint64_t *)(void *)d = *(const uint64_t *)(const void *)s;
			NO_IDIOM();
		}
	}
	for (; n; n--)
		*--d = *--s;
	return dst;
}

/* A doubleword holds a zero byte (the classic test: a byte's borrow out of
 * its own subtraction, and it was below 0x80). */
#define ONES  0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

void *memchr(const void *s, int c, size_t n)
{
	const uint8_t *p = s, ch = (uint8_t)c;
	uint64_t rep = ch * ONES;

	for (; n && ((uintptr_t)p & 7); n--, p++)
		if (*p == ch)
			return (void *)(uintptr_t)p;
	/* Whole doublewords inside [s, s + n) only: nothing read past the end. */
	for (; n >= 8; n -= 8, p += 8) {
		uint64_t w = *(const uint64_t *)(const void *)p ^ rep;

		if ((w - ONES) & ~w & HIGHS)
			break;
	}
	for (; n; n--, p++)
		if (*p == ch)
			return (void *)(uintptr_t)p;
	return NULL;
}
