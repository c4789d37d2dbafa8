/*
 * mmio.h - the register accesses every UART driver makes.
 *
 * Owns: one volatile load or store of exactly 8, 16 or 32 bits at base +
 * offset, nothing else (in the host tests of the register models, a call
 * to the model instead). Single accesses of the register's own width are
 * what Device memory needs: no merging, no splitting, no unaligned access
 * (the drivers build with -mstrict-align and run with the MMU off, where
 * every data access is Device-nGnRnE). No library calls and no pointers
 * held in data, so these are safe at any address the image runs at.
 */
#ifndef UART_MMIO_H
#define UART_MMIO_H

#include <stdint.h>

#if defined(HOST_BUILD) && defined(UART_MMIO_MODEL)
/* Host tests against a register model (tests/unit/uart_model.c, built
 * with -DUART_MMIO_MODEL): every access goes to the model, which sees
 * its address and width and answers as the block would (a FIFO that
 * drains as its status is read, flags that follow). */
uint32_t uart_model_read(uintptr_t addr, unsigned bytes);
void uart_model_write(uintptr_t addr, unsigned bytes, uint32_t v);

static inline uint32_t mmio_read32(uintptr_t base, uintptr_t off)
{
	return uart_model_read(base + off, 4);
}

static inline void mmio_write32(uintptr_t base, uintptr_t off, uint32_t v)
{
	uart_model_write(base + off, 4, v);
}

static inline uint16_t mmio_read16(uintptr_t base, uintptr_t off)
{
	return (uint16_t)uart_model_read(base + off, 2);
}

static inline void mmio_write16(uintptr_t base, uintptr_t off, uint16_t v)
{
	uart_model_write(base + off, 2, v);
}

static inline uint8_t mmio_read8(uintptr_t base, uintptr_t off)
{
	return (uint8_t)uart_model_read(base + off, 1);
}

static inline void mmio_write8(uintptr_t base, uintptr_t off, uint8_t v)
{
	uart_model_write(base + off, 1, v);
}
#else
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
#endif /* UART_MMIO_MODEL */

#endif /* UART_MMIO_H */
