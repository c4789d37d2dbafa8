/*
 * mmio.h - the register accesses every UART driver makes.
 *
 * Owns: one volatile load or store of exactly 8, 16 or 32 bits at base +
 * offset, nothing else. Single accesses of the register's own width are
 * what Device memory needs: no merging, no splitting, no unaligned access
 * (the drivers build with -mstrict-align and run with the MMU off, where
 * every data access is Device-nGnRnE). No library calls and no pointers
 * held in data, so these are safe at any address the image runs at.
 */
#ifndef UART_MMIO_H
#define UART_MMIO_H

#include <stdint.h>

static inline uint32_t mmio_read32(uintptr_t base, uintptr_t off)
{
	return *(volatile const uint32_t *)(base + off);
}

static inline void mmio_write32(uintptr_t base, uintptr_t off, uint32_t v)
{
	*(volatile uint32_t *)(base + off) = v;
}

static inline uint16_t mmio_read16(uintptr_t base, uintptr_t off)
{
	return *(volatile const uint16_t *)(base + off);
}

static inline void mmio_write16(uintptr_t base, uintptr_t off, uint16_t v)
{
	*(volatile uint16_t *)(base + off) = v;
}

static inline uint8_t mmio_read8(uintptr_t base, uintptr_t off)
{
	return *(volatile const uint8_t *)(base + off);
}

static inline void mmio_write8(uintptr_t base, uintptr_t off, uint8_t v)
{
	*(volatile uint8_t *)(base + off) = v;
}

#endif /* UART_MMIO_H */
