/*
 * pl011.c - Arm PrimeCell PL011 UART driver ("arm,pl011") and the SBSA
 * Generic UART's subset of it ("arm,sbsa-uart"), polled.
 *
 * Owns: the PL011 register offsets and bits (Arm DDI 0183, PrimeCell UART
 * (PL011) Technical Reference Manual, section 3 "Programmers' Model"),
 * enabling the UART, polled output, draining and polled input. Baud rate
 * and line settings (IBRD, FBRD, LCR_H) are left as the firmware or QEMU
 * set them; reg_shift, io_width and clock_hz are not used: the registers
 * are 32-bit at fixed offsets.
 *
 * The SBSA Generic UART (Arm DEN0029, Server Base System Architecture,
 * appendix "Generic UART") is the PL011's data and flag registers and
 * nothing else of its control block. It has no UARTCR, UARTLCR_H or
 * UARTIBRD (Linux's vendor_sbsa: always_enabled, fixed_options), so it is
 * never written but at UARTDR, and only ever accessed 32 bits at a time
 * (access_32b). Its drain waits for FR.TXFE, not BUSY: Qualcomm's QDF2400
 * erratum E44 leaves BUSY unreliable, and Linux's qdf2400_e44_putc waits
 * for TXFE the same way.
 *
 * Registers (offset, the bits used here):
 *   0x00 UARTDR: bits 7:0 data (write: transmit, read: receive); bits
 *        11:8 the received byte's OE/BE/PE/FE flags (not reported here).
 *   0x18 UARTFR: bit 3 BUSY (transmitting, until the last stop bit is
 *        out), bit 4 RXFE (receive FIFO empty), bit 5 TXFF (transmit FIFO
 *        full), bit 7 TXFE (transmit FIFO empty).
 *   0x2c UARTLCR_H: bit 4 FEN (FIFOs enabled; clear: a one-byte holding
 *        register) (PL011 only).
 *   0x30 UARTCR: bit 0 UARTEN, bit 8 TXE, bit 9 RXE (PL011 only).
 */
#include "drivers.h"
#include "mmio.h"
#include "wait.h"

#define UARTDR    0x00
#define UARTFR    0x18
#define UARTLCR_H 0x2c
#define UARTCR    0x30

#define DR_DATA   0xffu
#define FR_BUSY   (1u << 3)
#define FR_RXFE   (1u << 4)
#define FR_TXFF   (1u << 5)
#define FR_TXFE   (1u << 7)
#define LCR_H_FEN (1u << 4)
#define CR_UARTEN (1u << 0)
#define CR_TXE    (1u << 8)
#define CR_RXE    (1u << 9)

#define CR_ON     (CR_UARTEN | CR_TXE | CR_RXE)
/* The transmit FIFO's depth: 16 bytes up to r1p4, 32 from r1p5 (DDI 0183
 * 2.4.2); the smaller is what every PL011 has. */
#define PL011_TX_FIFO 16u

const char *pl011_init(const struct uart_port *port)
{
	uint32_t cr = mmio_read32(port->base, UARTCR);

	/* Only the missing enable bits, without the disable-and-flush
	 * sequence DDI 0183 3.3.8 gives for reprogramming CR: that would cut
	 * off a loader's last line still in the FIFO, and no other CR bit
	 * changes. */
	if ((cr & CR_ON) != CR_ON)
		mmio_write32(port->base, UARTCR, cr | CR_ON);
	return 0;
}

bool pl011_putc(const struct uart_port *port, char c)
{
	if (!UART_WAIT_UNTIL(!(mmio_read32(port->base, UARTFR) & FR_TXFF)))
		return false;
	mmio_write32(port->base, UARTDR, (uint8_t)c);
	return true;
}

/* Queues up to n bytes: after one look at FR that finds the FIFO empty
 * (TXFE), a FIFO's worth without looking again; otherwise a byte per look
 * at TXFF. Each register access is slow on hardware and ends a translated
 * block under QEMU's -icount: a line costs a few reads, not one per byte.
 * `fifo` is the room an empty transmitter has (1: a holding register). */
static size_t fifo_write(const struct uart_port *port, const char *s, size_t n, unsigned fifo)
{
	size_t done = 0;

	while (done < n) {
		uint32_t fr = mmio_read32(port->base, UARTFR);

		if (fr & FR_TXFF) {
			if (!UART_WAIT_UNTIL(!((fr = mmio_read32(port->base, UARTFR)) & FR_TXFF)))
				break;
		}
		if (fifo > 1 && (fr & FR_TXFE)) {
			size_t end = n - done > fifo ? done + fifo : n;

			while (done < end)
				mmio_write32(port->base, UARTDR, (uint8_t)s[done++]);
		} else {
			mmio_write32(port->base, UARTDR, (uint8_t)s[done++]);
		}
	}
	return done;
}

size_t pl011_write(const struct uart_port *port, const char *s, size_t n)
{
	/* FEN as the firmware left it (never changed here): read once a call. */
	bool fen = mmio_read32(port->base, UARTLCR_H) & LCR_H_FEN;

	return fifo_write(port, s, n, fen ? PL011_TX_FIFO : 1);
}

bool pl011_flush(const struct uart_port *port)
{
	/* BUSY stays set until the FIFO is empty and the last stop bit is
	 * out (DDI 0183 3.3.3). */
	return UART_WAIT_UNTIL(!(mmio_read32(port->base, UARTFR) & FR_BUSY));
}

int pl011_getc(const struct uart_port *port)
{
	if (mmio_read32(port->base, UARTFR) & FR_RXFE)
		return -1;
	return (int)(mmio_read32(port->base, UARTDR) & DR_DATA);
}

/* ---- SBSA Generic UART: DR and FR only ---- */

const char *sbsa_init(const struct uart_port *port)
{
	/* Always enabled, its line fixed by the firmware: nothing to set,
	 * and no control register to set it in. */
	(void)port;
	return 0;
}

bool sbsa_putc(const struct uart_port *port, char c)
{
	return pl011_putc(port, c);          /* FR.TXFF, then UARTDR: both SBSA */
}

size_t sbsa_write(const struct uart_port *port, const char *s, size_t n)
{
	/* No LCR_H to say whether the FIFOs are on: a byte per look at FR. */
	return fifo_write(port, s, n, 1);
}

bool sbsa_flush(const struct uart_port *port)
{
	/* TXFE, not BUSY (QDF2400 E44, qdf2400_e44_putc): the FIFO empty,
	 * the last character possibly still in the shift register. */
	return UART_WAIT_UNTIL(mmio_read32(port->base, UARTFR) & FR_TXFE);
}

int sbsa_getc(const struct uart_port *port)
{
	return pl011_getc(port);             /* FR.RXFE, then UARTDR */
}
