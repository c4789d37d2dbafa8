/*
 * bytes.h - little-endian fields at any alignment, signatures and
 * checksums: what every ACPI reader here reads bytes with.
 *
 * Owns: acpi_u8/u16/u32/u64 (byte loads: ACPI fields are little-endian
 * and often unaligned, and with the MMU off every access is Device
 * memory, where an unaligned load faults), acpi_sig_is and acpi_checksum
 * (ACPI 6.5, 5.2.6: the whole table sums to 0 mod 256).
 */
#ifndef ACPI_BYTES_H
#define ACPI_BYTES_H

#include <stdbool.h>
#include <stdint.h>

static inline uint64_t acpi_le(const uint8_t *p, unsigned bytes)
{
	uint64_t v = 0;

	for (unsigned i = bytes; i-- > 0;)
		v = v << 8 | p[i];
	return v;
}

static inline uint8_t acpi_u8(const uint8_t *p) { return p[0]; }
static inline uint16_t acpi_u16(const uint8_t *p) { return (uint16_t)acpi_le(p, 2); }
static inline uint32_t acpi_u32(const uint8_t *p) { return (uint32_t)acpi_le(p, 4); }
static inline uint64_t acpi_u64(const uint8_t *p) { return acpi_le(p, 8); }

/* The n bytes at p are the characters of s. */
static inline bool acpi_sig_is(const uint8_t *p, const char *s, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (p[i] != (uint8_t)s[i])
			return false;
	return true;
}

/* The byte sum of [p, p + len) mod 256: 0 for a sound table. */
static inline uint8_t acpi_checksum(const uint8_t *p, uint32_t len)
{
	uint8_t sum = 0;

	for (uint32_t i = 0; i < len; i++)
		sum = (uint8_t)(sum + p[i]);
	return sum;
}

#endif /* ACPI_BYTES_H */
