/*
 * pl011.c - Arm PrimeCell PL011 UART driver (transmit only).
 *
 * Owns: the PL011 register offsets and bits (Arm DDI 0183, section 3) and
 * polled output. Baud rate and line settings are left as the firmware or
 * QEMU set them: this stub does not know the UART's reference clock.
 */
#include "uart.h"

#define UARTDR    0x00
#define UARTFR    0x18
#define UARTCR    0x30
#define FR_TXFF   (1u << 5)   /* transmit FIFO full */
#define FR_BUSY   (1u << 3)
#define CR_UARTEN (1u << 0)
#define CR_TXE    (1u << 8)

static inline volatile uint32_t *reg(uintptr_t base, unsigned off)
{
	return (volatile uint32_t *)(base + off);
}

void uart_init(uintptr_t base)
{
	uint32_t cr = *reg(base, UARTCR);

	if ((cr & (CR_UARTEN | CR_TXE)) != (CR_UARTEN | CR_TXE))
		*reg(base, UARTCR) = cr | CR_UARTEN | CR_TXE;
}

void uart_putc(uintptr_t base, char c)
{
	while (*reg(base, UARTFR) & FR_TXFF)
		;
	*reg(base, UARTDR) = (uint8_t)c;
}

void uart_flush(uintptr_t base)
{
	while (*reg(base, UARTFR) & FR_BUSY)
		;
}
