/*
 * ar3700.c - Marvell Armada 3700 UART driver ("marvell,armada-3700-uart":
 * the standard UART1 of the 37xx, e.g. ESPRESSObin, Turris MOX), polled.
 *
 * Owns: the A3700 UART's register offsets and bits (Marvell Armada 3700
 * Functional Specification, "UART"; Linux's mvebu-uart.c names them
 * UART_STD_*, STAT_*), polled output, draining and polled input. It sets
 * nothing: Linux's earlycon (mvebu_uart_early_console_setup) only
 * installs its putc and writes no control register, and neither does
 * this; the control register and the baud divisor are the firmware's.
 * reg_shift, io_width and clock_hz are not used: the registers are 32-bit
 * at fixed offsets.
 *
 * Not the second UART ("marvell,armada-3700-uart-ext"): another map.
 *
 * Registers (offset, the bits used here):
 *   0x00 RBR: bits 7:0, read = the received byte.
 *   0x04 TSH: bits 7:0, write = transmit.
 *   0x0C STAT: bit 4 RX_RDY (a byte received), bit 6 TX_EMP (transmitter
 *        empty: FIFO and shift register), bit 11 TX_FIFO_FUL.
 * Linux's mvebu_uart_putc waits for TX_FIFO_FUL to clear before writing
 * TSH.
 */
#include "drivers.h"
#include "mmio.h"
#include "wait.h"

#define AR3700_RBR      0x00
#define AR3700_TSH      0x04
#define AR3700_STAT     0x0c

#define RBR_DATA        0xffu
#define STAT_RX_RDY     (1u << 4)
#define STAT_TX_EMP     (1u << 6)
#define STAT_TX_FIFO_FUL (1u << 11)

const char *ar3700_init(const struct uart_port *port)
{
	(void)port;
	return 0;
}

bool ar3700_putc(const struct uart_port *port, char c)
{
	if (!UART_WAIT_UNTIL(!(mmio_read32(port->base, AR3700_STAT) & STAT_TX_FIFO_FUL)))
		return false;
	mmio_write32(port->base, AR3700_TSH, (uint8_t)c);
	return true;
}

bool ar3700_flush(const struct uart_port *port)
{
	return UART_WAIT_UNTIL(mmio_read32(port->base, AR3700_STAT) & STAT_TX_EMP);
}

int ar3700_getc(const struct uart_port *port)
{
	if (!(mmio_read32(port->base, AR3700_STAT) & STAT_RX_RDY))
		return -1;
	return (int)(mmio_read32(port->base, AR3700_RBR) & RBR_DATA);
}
