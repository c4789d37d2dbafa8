/*
 * bcm2835_aux.c - the Raspberry Pi's mini UART ("brcm,bcm2835-aux-uart"),
 * polled.
 *
 * Owns: the mini UART's register offsets and bits (Broadcom "BCM2835 ARM
 * Peripherals", section 2.2 "Mini UART", the AUX_MU_* registers; the
 * BCM2837 of the Pi 3 has the same block), enabling its transmitter and
 * receiver, polled output, draining and polled input.
 *
 * The DT's reg (0x7e215040, size 0x40) is the AUX_MU_* block alone, so
 * base is AUX_MU_IO_REG. Its registers are 32-bit, 4 bytes apart, at
 * fixed offsets: reg_shift and io_width are not used. The block is only
 * reachable once AUXENB (0x7e215004, outside it) enables the mini UART;
 * the firmware does that when it makes this the console, and this driver
 * cannot: the register is not in the port. The baud rate is derived from
 * the VPU core clock (AUX_MU_BAUD_REG) and left as the firmware set it.
 *
 * Registers (offset from base, the bits used here):
 *   0x00 AUX_MU_IO_REG: bits 7:0, write = transmit, read = receive
 *        (while LCR.DLAB is clear).
 *   0x0c AUX_MU_LCR_REG: bit 7 DLAB ("during operation this bit must be
 *        cleared"), the rest is the data size and break.
 *   0x14 AUX_MU_LSR_REG: bit 0 data ready, bit 5 transmitter empty (the
 *        FIFO can accept at least one byte), bit 6 transmitter idle (FIFO
 *        empty and the last bit out).
 *   0x20 AUX_MU_CNTL_REG: bit 0 receiver enable, bit 1 transmitter
 *        enable; bits 7:2 flow control, kept.
 */
#include "drivers.h"
#include "mmio.h"
#include "wait.h"

#define AUX_MU_IO      0x00
#define AUX_MU_LCR     0x0c
#define AUX_MU_LSR     0x14
#define AUX_MU_CNTL    0x20
#define AUX_MU_BLOCK   0x40     /* the DT's reg size */

_Static_assert(AUX_MU_CNTL + 4 <= AUX_MU_BLOCK, "every register used is in the DT's reg");

#define IO_DATA        0xffu
#define LCR_DLAB       (1u << 7)
#define LSR_DATA_READY (1u << 0)
#define LSR_TX_EMPTY   (1u << 5)
#define LSR_TX_IDLE    (1u << 6)
#define CNTL_RX_ENABLE (1u << 0)
#define CNTL_TX_ENABLE (1u << 1)

#define CNTL_ON        (CNTL_RX_ENABLE | CNTL_TX_ENABLE)

const char *bcm2835_aux_init(const struct uart_port *port)
{
	uint32_t lcr = mmio_read32(port->base, AUX_MU_LCR);
	uint32_t cntl = mmio_read32(port->base, AUX_MU_CNTL);

	/* With DLAB set, IO is the baud register's low byte: clearing it
	 * changes no line setting, writing through it would. */
	if (lcr & LCR_DLAB)
		mmio_write32(port->base, AUX_MU_LCR, lcr & ~LCR_DLAB);
	if ((cntl & CNTL_ON) != CNTL_ON)
		mmio_write32(port->base, AUX_MU_CNTL, cntl | CNTL_ON);
	return 0;
}

bool bcm2835_aux_putc(const struct uart_port *port, char c)
{
	if (!UART_WAIT_UNTIL(mmio_read32(port->base, AUX_MU_LSR) & LSR_TX_EMPTY))
		return false;
	mmio_write32(port->base, AUX_MU_IO, (uint8_t)c);
	return true;
}

bool bcm2835_aux_flush(const struct uart_port *port)
{
	return UART_WAIT_UNTIL(mmio_read32(port->base, AUX_MU_LSR) & LSR_TX_IDLE);
}

int bcm2835_aux_getc(const struct uart_port *port)
{
	if (!(mmio_read32(port->base, AUX_MU_LSR) & LSR_DATA_READY))
		return -1;
	return (int)(mmio_read32(port->base, AUX_MU_IO) & IO_DATA);
}
