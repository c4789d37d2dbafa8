/*
 * scif.c - Renesas SCIF driver ("renesas,rcar-gen3-scif", "renesas,scif":
 * the SCIF of the R-Car Gen3 and RZ/G2 SoCs), polled.
 *
 * Owns: the SCIF's register offsets, widths and bits (R-Car Series, 3rd
 * Generation User's Manual, chapter "Serial Communication Interface with
 * FIFO (SCIF)"; Linux's sh-sci.c names them SCSCR_*, SCIF_*), turning
 * the transmitter and receiver on, polled output with the flag-clear
 * write the block needs after each byte, draining, and polled input.
 * SCSMR, SCBRR and SCFCR (word format, baud, FIFO triggers) stay as the
 * firmware set them; reg_shift, io_width and clock_hz are not used.
 *
 * The registers have their own widths, and each is accessed at its own:
 *   0x08 SCSCR, 16-bit: bit 4 RE, bit 5 TE; the rest (interrupts, clock
 *        source) kept.
 *   0x0C SCFTDR, 8-bit: write = transmit.
 *   0x10 SCFSR, 16-bit: bit 0 DR, bit 1 RDF (received data), bit 4 BRK,
 *        bit 5 TDFE (the transmit FIFO at or below its trigger: room),
 *        bit 6 TEND (transmission ended: nothing left), bit 7 ER; bits 3
 *        FER and 2 PER read-only. A flag is cleared by writing 0 to it
 *        after reading it as 1; writing 1 leaves it as it is.
 *   0x14 SCFRDR, 8-bit: read = the received byte.
 *   0x1C SCFDR, 16-bit: bits 4:0 the bytes in the receive FIFO.
 *   0x24 SCLSR, 16-bit: bit 0 ORER (overrun: reception stops until it is
 *        cleared).
 * TDFE stays set after a byte is written until it is cleared, so every
 * byte written is followed by SCFSR = 0x009F: TDFE and TEND cleared, the
 * receive and error flags written 1 (kept), as Linux's sci_poll_put_char
 * does with sci_clear_SCxSR. Without it the next wait would see the old
 * TDFE and write into a full FIFO. Linux's earlycon
 * (scif_early_console_setup, early_console_setup) sets RE and TE in
 * SCSCR over what was there.
 */
#include "drivers.h"
#include "mmio.h"
#include "wait.h"

#define SCIF_SCSCR      0x08
#define SCIF_SCFTDR     0x0c
#define SCIF_SCFSR      0x10
#define SCIF_SCFRDR     0x14
#define SCIF_SCFDR      0x1c
#define SCIF_SCLSR      0x24

#define SCSCR_RE        (1u << 4)
#define SCSCR_TE        (1u << 5)
#define SCFSR_DR        (1u << 0)
#define SCFSR_RDF       (1u << 1)
#define SCFSR_BRK       (1u << 4)
#define SCFSR_TDFE      (1u << 5)
#define SCFSR_TEND      (1u << 6)
#define SCFSR_ER        (1u << 7)
#define SCFSR_FLAGS     0xffu     /* bits 15:8 are read-only counts */
#define SCFDR_RX_COUNT  0x1fu
#define SCLSR_ORER      (1u << 0)

#define SCSCR_ON        (SCSCR_TE | SCSCR_RE)
/* Every flag written 1 (kept) but those cleared. */
#define SCFSR_CLEAR(bits) ((uint16_t)(SCFSR_FLAGS & ~(bits)))

_Static_assert(SCFSR_CLEAR(SCFSR_TDFE | SCFSR_TEND) == 0x009f,
	       "the TX flag-clear value of sci_clear_SCxSR");

const char *scif_init(const struct uart_port *port)
{
	uint16_t scscr = mmio_read16(port->base, SCIF_SCSCR);

	if ((scscr & SCSCR_ON) != SCSCR_ON)
		mmio_write16(port->base, SCIF_SCSCR, (uint16_t)(scscr | SCSCR_ON));
	return 0;
}

bool scif_putc(const struct uart_port *port, char c)
{
	if (!UART_WAIT_UNTIL(mmio_read16(port->base, SCIF_SCFSR) & SCFSR_TDFE))
		return false;
	mmio_write8(port->base, SCIF_SCFTDR, (uint8_t)c);
	mmio_write16(port->base, SCIF_SCFSR, SCFSR_CLEAR(SCFSR_TDFE | SCFSR_TEND));
	return true;
}

bool scif_flush(const struct uart_port *port)
{
	return UART_WAIT_UNTIL((mmio_read16(port->base, SCIF_SCFSR) & (SCFSR_TDFE | SCFSR_TEND)) ==
			       (SCFSR_TDFE | SCFSR_TEND));
}

/* A break or a receive error, and an overrun, stop reception until they
 * are cleared (Linux: sci_poll_get_char clears SCxSR_ERRORS, and
 * sci_handle_fifo_overrun SCLSR.ORER). */
static void clear_rx_errors(uintptr_t base, uint16_t scfsr)
{
	uint16_t sclsr;

	if (scfsr & (SCFSR_ER | SCFSR_BRK))
		mmio_write16(base, SCIF_SCFSR, SCFSR_CLEAR(SCFSR_ER | SCFSR_BRK));
	sclsr = mmio_read16(base, SCIF_SCLSR);
	if (sclsr & SCLSR_ORER)
		mmio_write16(base, SCIF_SCLSR, (uint16_t)(sclsr & ~SCLSR_ORER));
}

int scif_getc(const struct uart_port *port)
{
	uint16_t scfsr = mmio_read16(port->base, SCIF_SCFSR);
	int c;

	clear_rx_errors(port->base, scfsr);
	if (!(mmio_read16(port->base, SCIF_SCFDR) & SCFDR_RX_COUNT))
		return -1;
	c = mmio_read8(port->base, SCIF_SCFRDR);
	/* RDF and DR read (as 1, if they are) again before they are
	 * cleared: a flag set since the first read is cleared too. */
	(void)mmio_read16(port->base, SCIF_SCFSR);
	mmio_write16(port->base, SCIF_SCFSR, SCFSR_CLEAR(SCFSR_RDF | SCFSR_DR));
	return c;
}
