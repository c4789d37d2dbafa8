/*
 * meson.c - Amlogic Meson UART driver ("amlogic,meson-ao-uart",
 * "amlogic,meson-gx-uart", "amlogic,meson-s4-uart": the always-on and
 * the EE UARTs of the GX, G12 and S4 SoCs share one register map), polled.
 *
 * Owns: the Meson UART's register offsets and bits (Amlogic S905
 * datasheet, "UART" registers; Linux's meson_uart.c names them AML_UART_*),
 * turning its transmitter and receiver on, polled output, draining and
 * polled input. The baud register (REG5) and the word format stay as the
 * firmware set them; reg_shift, io_width and clock_hz are not used: the
 * registers are 32-bit at fixed offsets.
 *
 * Registers (offset, the bits used here):
 *   0x00 WFIFO: bits 7:0, write = transmit (AML_UART_WFIFO).
 *   0x04 RFIFO: bits 7:0, read = receive (AML_UART_RFIFO).
 *   0x08 CONTROL: bit 12 TX_EN, bit 13 RX_EN; the other bits (FIFO and
 *        error resets, word format, interrupts) kept.
 *   0x0C STATUS: bit 20 RX_EMPTY, bit 21 TX_FULL, bit 22 TX_EMPTY (FIFO
 *        empty), bit 25 XMIT_BUSY (a character still shifting out).
 * Linux's earlycon (meson_serial_early_console_setup) sets TX_EN, and its
 * putc waits for TX_FULL to clear before writing WFIFO. RX_EN is set here
 * too: the monitor reads from this UART.
 */
#include "drivers.h"
#include "mmio.h"
#include "wait.h"

#define MESON_WFIFO     0x00
#define MESON_RFIFO     0x04
#define MESON_CONTROL   0x08
#define MESON_STATUS    0x0c

#define FIFO_DATA       0xffu
#define CONTROL_TX_EN   (1u << 12)
#define CONTROL_RX_EN   (1u << 13)
#define STATUS_RX_EMPTY (1u << 20)
#define STATUS_TX_FULL  (1u << 21)
#define STATUS_TX_EMPTY (1u << 22)
#define STATUS_XMIT_BUSY (1u << 25)

#define CONTROL_ON      (CONTROL_TX_EN | CONTROL_RX_EN)

const char *meson_init(const struct uart_port *port)
{
	uint32_t control = mmio_read32(port->base, MESON_CONTROL);

	if ((control & CONTROL_ON) != CONTROL_ON)
		mmio_write32(port->base, MESON_CONTROL, control | CONTROL_ON);
	return 0;
}

bool meson_putc(const struct uart_port *port, char c)
{
	if (!UART_WAIT_UNTIL(!(mmio_read32(port->base, MESON_STATUS) & STATUS_TX_FULL)))
		return false;
	mmio_write32(port->base, MESON_WFIFO, (uint8_t)c);
	return true;
}

bool meson_flush(const struct uart_port *port)
{
	/* The FIFO empty and nothing in the shift register. */
	return UART_WAIT_UNTIL((mmio_read32(port->base, MESON_STATUS) &
				(STATUS_TX_EMPTY | STATUS_XMIT_BUSY)) == STATUS_TX_EMPTY);
}

int meson_getc(const struct uart_port *port)
{
	if (mmio_read32(port->base, MESON_STATUS) & STATUS_RX_EMPTY)
		return -1;
	return (int)(mmio_read32(port->base, MESON_RFIFO) & FIFO_DATA);
}
