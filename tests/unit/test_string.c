/*
 * test_string.c - host unit tests of lib/string.c (built under the names
 * test_memset, test_memcpy, test_memmove: -DSTRING_PREFIX, unit.mk).
 *
 * Owns: every length from 0 to 300 bytes at every alignment of the
 * destination (and of the source) within 16 bytes, against a byte-by-byte
 * reference: the bytes written, the bytes around them untouched, the
 * return value; memmove overlapping forwards and backwards at every
 * distance; memchr at every alignment and length, the byte anywhere or
 * nowhere, and never reading past the end (ASan). DC ZVA (target only) is
 * not reached on the host.
 */
#include "unit.h"
#include <string.h>

void *test_memset(void *dst, int c, size_t n);
void *test_memcpy(void *restrict dst, const void *restrict src, size_t n);
void *test_memmove(void *dst, const void *src, size_t n);
void *test_memchr(const void *s, int c, size_t n);

#define ROOM 400
#define GUARD 0xa5

static uint8_t buf[ROOM] __attribute__((aligned(16)));
static uint8_t src[ROOM] __attribute__((aligned(16)));
static uint8_t want[ROOM];

static void pattern(uint8_t *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)(seed + i * 7);
}

static void test_memset_all(void **state)
{
	(void)state;
	for (int c = 0; c < 256; c += 0x5a)
		for (size_t off = 0; off < 16; off++)
			for (size_t n = 0; n <= 300; n++) {
				memset(buf, GUARD, ROOM);
				memset(want, GUARD, ROOM);
				memset(want + off, c, n);
				assert_ptr_equal(test_memset(buf + off, c, n), buf + off);
				if (memcmp(buf, want, ROOM))
					fail_msg("memset(+%zu, %#x, %zu) differs", off, c, n);
			}
}

static void test_memcpy_all(void **state)
{
	(void)state;
	pattern(src, ROOM, 3);
	for (size_t soff = 0; soff < 16; soff++)
		for (size_t doff = 0; doff < 16; doff++)
			for (size_t n = 0; n <= 300; n++) {
				memset(buf, GUARD, ROOM);
				memset(want, GUARD, ROOM);
				memcpy(want + doff, src + soff, n);
				assert_ptr_equal(test_memcpy(buf + doff, src + soff, n), buf + doff);
				if (memcmp(buf, want, ROOM))
					fail_msg("memcpy(+%zu, +%zu, %zu) differs", doff, soff, n);
			}
}

static void test_memmove_overlaps(void **state)
{
	(void)state;
	for (size_t from = 0; from < 40; from++)
		for (size_t to = 0; to < 40; to++)
			for (size_t n = 0; n <= 300; n += 1 + n / 8) {
				pattern(buf, ROOM, 11);
				pattern(want, ROOM, 11);
				memmove(want + to, want + from, n);
				assert_ptr_equal(test_memmove(buf + to, buf + from, n), buf + to);
				if (memcmp(buf, want, ROOM))
					fail_msg("memmove(+%zu, +%zu, %zu) differs", to, from, n);
			}
}

static void test_memchr_all(void **state)
{
	(void)state;
	for (size_t off = 0; off < 16; off++)
		for (size_t n = 0; n <= 100; n++) {
			/* Exactly n bytes of heap: ASan catches a read past them. */
			uint8_t *p = malloc(n + off + 1);

			assert_non_null(p);
			memset(p, 0x11, n + off + 1);
			assert_null(test_memchr(p + off, 0x22, n));
			for (size_t at = 0; at < n; at++) {
				p[off + at] = 0x22;
				assert_ptr_equal(test_memchr(p + off, 0x22, n), p + off + at);
				assert_ptr_equal(test_memchr(p + off, 0x22 + 256, n), p + off + at);
				p[off + at] = 0x11;
			}
			free(p);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memset_all),
		cmocka_unit_test(test_memcpy_all),
		cmocka_unit_test(test_memmove_overlaps),
		cmocka_unit_test(test_memchr_all),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
