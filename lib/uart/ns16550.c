/*
 * ns16550.c - 16550-compatible UART driver ("ns16550a", "ns16550",
 * "snps,dw-apb-uart", "nvidia,tegra20-uart", "ti,am654-uart"), polled.
 *
 * Owns: the 16550 register numbers and the bits used (TI/National PC16550D
 * data sheet, "Register Description"; the Synopsys DesignWare APB UART
 * keeps that layout), their placement (register i at base + (i <<
 * reg_shift), accessed io_width bytes at a time: the DT's reg-shift and
 * reg-io-width), polled output, draining and polled input. The line
 * settings (LCR, the divisor latch, FCR) are left as the firmware set
 * them; clock_hz is not used.
 *
 * Tegra's UART ("nvidia,tegra20-uart") is this driver with its DT's
 * reg-shift. TI K3's ("ti,am654-uart", Linux 8250_omap.c) is one too, at
 * the fixed layout compat.c gives it (stride 4, byte access), with one
 * register more, checked by am654_init:
 *   8 MDR1 (offset 0x20): bits 2:0 MODE_SELECT, 7 = disabled (the reset
 *     value); 0, 2 and 3 are UART modes, the others IrDA and CIR (the K3
 *     TRMs' UART MDR1, as the OMAP UART's).
 *
 * Registers (number, the bits used here):
 *   0 RBR (read) / THR (write): the data byte, while LCR.DLAB is clear.
 *   3 LCR: bit 7 DLAB (registers 0 and 1 are the divisor latch).
 *   5 LSR: bit 0 DR (a byte received), bit 5 THRE (THR, or the transmit
 *     FIFO, empty), bit 6 TEMT (THR and the transmit shift register both
 *     empty).
 */
#include "drivers.h"
#include "mmio.h"
#include "wait.h"

#define NS_RBR        0
#define NS_THR        0
#define NS_LCR        3
#define NS_LSR        5
#define OMAP_MDR1     8

#define DATA_MASK     0xffu
#define LCR_DLAB      (1u << 7)
#define LSR_DR        (1u << 0)
#define LSR_THRE      (1u << 5)
#define LSR_TEMT      (1u << 6)
#define MDR1_MODE     7u
#define MDR1_DISABLED 7u

/* The binding's users space registers 1, 2, 4 or 8 bytes apart; more is a
 * broken DTB (and would spread the 8 registers over more than one page). */
#define MAX_REG_SHIFT 3u

static uint32_t reg_read(const struct uart_port *port, unsigned reg)
{
	uintptr_t off = (uintptr_t)reg << port->reg_shift;

	if (port->io_width == 4)
		return mmio_read32(port->base, off);
	if (port->io_width == 2)
		return mmio_read16(port->base, off);
	return mmio_read8(port->base, off);
}

/* A whole register's width: on a 32-bit bus the upper bits are reserved
 * and written as 0. */
static void reg_write(const struct uart_port *port, unsigned reg, uint8_t v)
{
	uintptr_t off = (uintptr_t)reg << port->reg_shift;

	if (port->io_width == 4)
		mmio_write32(port->base, off, v);
	else if (port->io_width == 2)
		mmio_write16(port->base, off, v);
	else
		mmio_write8(port->base, off, v);
}

/* Why the port's layout cannot be driven, before any access; NULL if
 * it can. */
static const char *layout_refused(const struct uart_port *port)
{
	if (port->io_width != 1 && port->io_width != 2 && port->io_width != 4)
		return "ns16550 reg-io-width is not 1, 2 or 4";
	if (port->reg_shift > MAX_REG_SHIFT)
		return "ns16550 reg-shift is larger than 3";
	/* Every access aligned (Device memory, -mstrict-align): registers at
	 * least io_width apart, and the base aligned to it. */
	if ((1u << port->reg_shift) < port->io_width || port->base % port->io_width)
		return "ns16550 registers are not aligned to reg-io-width";
	return 0;
}

/* With DLAB set, register 0 is the divisor latch: clearing it changes no
 * line setting, writing through it would change the baud rate. */
static void clear_dlab(const struct uart_port *port)
{
	uint32_t lcr = reg_read(port, NS_LCR);

	if (lcr & LCR_DLAB)
		reg_write(port, NS_LCR, (uint8_t)(lcr & ~LCR_DLAB));
}

const char *ns16550_init(const struct uart_port *port)
{
	const char *why = layout_refused(port);

	if (why)
		return why;
	clear_dlab(port);
	return 0;
}

bool ns16550_putc(const struct uart_port *port, char c)
{
	if (!UART_WAIT_UNTIL(reg_read(port, NS_LSR) & LSR_THRE))
		return false;
	reg_write(port, NS_THR, (uint8_t)c);
	return true;
}

bool ns16550_flush(const struct uart_port *port)
{
	return UART_WAIT_UNTIL((reg_read(port, NS_LSR) & (LSR_THRE | LSR_TEMT)) ==
			       (LSR_THRE | LSR_TEMT));
}

int ns16550_getc(const struct uart_port *port)
{
	if (!(reg_read(port, NS_LSR) & LSR_DR))
		return -1;
	return (int)(reg_read(port, NS_RBR) & DATA_MASK);
}

const char *am654_init(const struct uart_port *port)
{
	const char *why = layout_refused(port);

	if (why)
		return why;
	/* Refused before any write. A UART the firmware left disabled stays
	 * so: enabling it means choosing a mode and a clock, the OS's
	 * business, not a console's. */
	if ((reg_read(port, OMAP_MDR1) & MDR1_MODE) == MDR1_DISABLED)
		return "ti,am654-uart is disabled (MDR1 mode 7)";
	clear_dlab(port);
	return 0;
}
