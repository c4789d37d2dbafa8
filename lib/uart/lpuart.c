/*
 * lpuart.c - NXP LPUART driver, 32-bit little-endian registers: the i.MX
 * 7ULP/8QXP/8ULP/93 ones ("fsl,imx7ulp-lpuart", ...: kind LPUART32_IMX)
 * and the Layerscape LS1028A's ("fsl,ls1028a-lpuart": kind LPUART32),
 * polled.
 *
 * Owns: the LPUART's register offsets and bits (i.MX 8QuadXPlus Reference
 * Manual, chapter "Low Power Universal Asynchronous Receiver/Transmitter
 * (LPUART)"; Linux's fsl_lpuart.c names them UART*), where the block
 * starts in the DT's reg, turning the transmitter and receiver on, polled
 * output, draining and polled input. BAUD and the word format stay as
 * the firmware set them; reg_shift, io_width and clock_hz are not used.
 *
 * Where the registers start: the i.MX LPUART has four registers more in
 * front (VERID, PARAM, GLOBAL with its software reset, PINCFG), so the
 * map below starts at reg + 0x10 there and at reg on Layerscape (Linux:
 * lpuart_dt_ids' reg_off, IMX_REG_OFF); the kind says which. Not the
 * LS1021A/LS1043A/LS1046A LPUART ("fsl,ls1021a-lpuart"), which is
 * big-endian, nor the 8-bit one of the Vybrid ("fsl,vf610-lpuart").
 *
 * Registers (offset from the start of the map, the bits used here):
 *   0x04 STAT: bit 23 TDRE (the transmit FIFO is at or below its
 *        watermark: room), bit 22 TC (transmission complete: FIFO and
 *        shift register empty, line idle).
 *   0x08 CTRL: bit 18 RE, bit 19 TE; the rest (word format, interrupts,
 *        loop mode) kept.
 *   0x0C DATA: bits 7:0, write = transmit, read = the received byte.
 *   0x18 FIFO: bit 23 TXEMPT (transmit FIFO empty).
 *   0x1C WATER: bits 31:24 RXCOUNT (bytes in the receive FIFO).
 * Linux's earlycon (lpuart32_early_console_setup and its i.MX twin)
 * enables nothing; its putc waits for STAT.TDRE and writes DATA. TE and
 * RE are set here if clear (a UART the firmware only read from, or
 * left off), with CTRL's other bits as they were.
 */
#include "drivers.h"
#include "mmio.h"
#include "wait.h"

#define LPUART_IMX_REG_OFF 0x10   /* VERID, PARAM, GLOBAL, PINCFG in front */

#define LPUART_STAT     0x04
#define LPUART_CTRL     0x08
#define LPUART_DATA     0x0c
#define LPUART_FIFO     0x18
#define LPUART_WATER    0x1c

#define DATA_BYTE       0xffu
#define STAT_TC         (1u << 22)
#define STAT_TDRE       (1u << 23)
#define CTRL_RE         (1u << 18)
#define CTRL_TE         (1u << 19)
#define FIFO_TXEMPT     (1u << 23)
#define WATER_RXCOUNT_SHIFT 24

#define CTRL_ON         (CTRL_TE | CTRL_RE)

/* The start of the register map in this port's block. */
static uintptr_t lpuart_regs(const struct uart_port *port)
{
	if (port->kind == MACHINE_CONSOLE_LPUART32_IMX)
		return port->base + LPUART_IMX_REG_OFF;
	return port->base;
}

const char *lpuart_init(const struct uart_port *port)
{
	uintptr_t regs = lpuart_regs(port);
	uint32_t ctrl = mmio_read32(regs, LPUART_CTRL);

	if ((ctrl & CTRL_ON) != CTRL_ON)
		mmio_write32(regs, LPUART_CTRL, ctrl | CTRL_ON);
	return 0;
}

bool lpuart_putc(const struct uart_port *port, char c)
{
	uintptr_t regs = lpuart_regs(port);

	if (!UART_WAIT_UNTIL(mmio_read32(regs, LPUART_STAT) & STAT_TDRE))
		return false;
	mmio_write32(regs, LPUART_DATA, (uint8_t)c);
	return true;
}

bool lpuart_flush(const struct uart_port *port)
{
	uintptr_t regs = lpuart_regs(port);

	return UART_WAIT_UNTIL((mmio_read32(regs, LPUART_STAT) & STAT_TC) &&
			       (mmio_read32(regs, LPUART_FIFO) & FIFO_TXEMPT));
}

int lpuart_getc(const struct uart_port *port)
{
	uintptr_t regs = lpuart_regs(port);

	/* RXCOUNT, not STAT.RDRF: RDRF only says the count passed the
	 * receive watermark (Linux's lpuart32_poll_get_char reads it so). */
	if (!(mmio_read32(regs, LPUART_WATER) >> WATER_RXCOUNT_SHIFT))
		return -1;
	return (int)(mmio_read32(regs, LPUART_DATA) & DATA_BYTE);
}
