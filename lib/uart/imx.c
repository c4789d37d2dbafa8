/*
 * imx.c - NXP i.MX UART driver ("fsl,imx6q-uart", "fsl,imx21-uart": the
 * imx21 register layout of every i.MX since, the i.MX 8M family's
 * included), polled.
 *
 * Owns: the i.MX UART's register offsets and bits (i.MX 8M Plus Reference
 * Manual, chapter "Universal Asynchronous Receiver/Transmitter (UART)";
 * Linux's imx_earlycon.c and imx.c use the same), turning the UART and
 * its two directions on, polled output, draining and polled input. The
 * line settings (UFCR, UBIR/UBMR, UCR2's word format) stay as the
 * firmware set them; reg_shift, io_width and clock_hz are not used: the
 * registers are 32-bit at fixed offsets.
 *
 * Registers (offset, the bits used here):
 *   0x00 URXD0: bits 7:0 the received byte (bits 15:10 its flags).
 *   0x40 URTX0: bits 7:0, write = transmit.
 *   0x80 UCR1: bit 0 UARTEN (the UART on).
 *   0x84 UCR2: bit 0 SRST (active low: writing 0 resets the whole UART,
 *        FIFOs and status, so every write keeps it 1), bit 1 RXEN, bit 2
 *        TXEN. The rest (word length, stop bits, parity, flow control)
 *        is the line setting, kept by read-modify-write.
 *   0x98 USR2: bit 0 RDR (a byte received), bit 3 TXDC (transmit complete:
 *        FIFO and shift register empty).
 *   0xB4 UTS: bit 4 TXFULL (transmit FIFO full).
 * Linux's early putc (imx_uart_console_early_putchar) waits for UTS.TXFULL
 * to clear and writes URTX0; it enables nothing, trusting the firmware.
 * QEMU's model (and a UART the firmware only used for input) drops what
 * is written while UCR2.TXEN is clear, hence the enables here.
 */
#include "drivers.h"
#include "mmio.h"
#include "wait.h"

#define IMX_URXD0     0x00
#define IMX_URTX0     0x40
#define IMX_UCR1      0x80
#define IMX_UCR2      0x84
#define IMX_USR2      0x98
#define IMX_UTS       0xb4

#define URXD_DATA     0xffu
#define UCR1_UARTEN   (1u << 0)
#define UCR2_SRST     (1u << 0)
#define UCR2_RXEN     (1u << 1)
#define UCR2_TXEN     (1u << 2)
#define USR2_RDR      (1u << 0)
#define USR2_TXDC     (1u << 3)
#define UTS_TXFULL    (1u << 4)

#define UCR2_ON       (UCR2_SRST | UCR2_RXEN | UCR2_TXEN)

const char *imx_init(const struct uart_port *port)
{
	uint32_t ucr1 = mmio_read32(port->base, IMX_UCR1);
	uint32_t ucr2 = mmio_read32(port->base, IMX_UCR2);

	if (!(ucr1 & UCR1_UARTEN))
		mmio_write32(port->base, IMX_UCR1, ucr1 | UCR1_UARTEN);
	/* SRST written 1 even if it read 0 (a reset under way finishes by
	 * itself; a 0 written would start another). */
	if ((ucr2 & UCR2_ON) != UCR2_ON)
		mmio_write32(port->base, IMX_UCR2, ucr2 | UCR2_ON);
	return 0;
}

bool imx_putc(const struct uart_port *port, char c)
{
	if (!UART_WAIT_UNTIL(!(mmio_read32(port->base, IMX_UTS) & UTS_TXFULL)))
		return false;
	mmio_write32(port->base, IMX_URTX0, (uint8_t)c);
	return true;
}

bool imx_flush(const struct uart_port *port)
{
	return UART_WAIT_UNTIL(mmio_read32(port->base, IMX_USR2) & USR2_TXDC);
}

int imx_getc(const struct uart_port *port)
{
	if (!(mmio_read32(port->base, IMX_USR2) & USR2_RDR))
		return -1;
	return (int)(mmio_read32(port->base, IMX_URXD0) & URXD_DATA);
}
