/*
 * msm_uartdm.c - Qualcomm MSM UARTDM driver, version 1.4 register map
 * ("qcom,msm-uartdm-v1.4", "qcom,msm-uartdm": the debug UART of the
 * MSM8916/8996/8998 generation), transmit only.
 *
 * Owns: the UARTDM's register offsets and bits as Linux's msm_serial.c
 * uses them (UARTDM_*, UART_SR_*, UART_ISR_*: Qualcomm publishes no
 * manual for the block), the transfer protocol of its transmitter, and
 * draining. Clock, baud (CSR) and word format (MR1/MR2) stay as the
 * firmware set them; reg_shift, io_width and clock_hz are not used: the
 * registers are 32-bit at fixed offsets.
 *
 * Registers (offset, the bits used here):
 *   0x08 SR: bit 2 TX_READY (room in the transmit FIFO for a word), bit
 *        3 TX_EMPTY (the transmitter empty: FIFO and shift register).
 *   0x10 CR: command register; 0x300 = "reset TX_READY" (clears
 *        ISR.TX_READY).
 *   0x14 ISR: bit 7 TX_READY (every character of the count written to
 *        NCF_TX has gone into the FIFO).
 *   0x3C DMEN: the data-mover (DMA) enables; 0: the CPU feeds the FIFOs.
 *   0x40 NCF_TX: how many characters the next transfer holds.
 *   0x70 TF: the transmit FIFO, a 32-bit word of up to 4 characters,
 *        the first in bits 7:0.
 * The transmitter sends characters as transfers whose length is written
 * to NCF_TX before their data (Linux's __msm_console_write makes one per
 * message). Here each putc is one transfer of 1 character: wait for the
 * previous transfer to be in the FIFO (ISR.TX_READY) or sent
 * (SR.TX_EMPTY), reset TX_READY, write the count and read it back (so
 * the count reaches the block before the data: msm_reset_dm_count), wait
 * for SR.TX_READY, write the character to TF. Linux's early setup writes
 * DMEN = 0; so does init when it is not 0 already.
 *
 * No receive: the receiver hands over words of up to 4 characters only
 * at a stale event or a count the driver programs (msm_handle_rx_dm),
 * which an earlycon-sized driver does not set up. uart_kind_receives
 * says so.
 */
#include "drivers.h"
#include "mmio.h"
#include "wait.h"

#define UARTDM_SR       0x08
#define UARTDM_CR       0x10
#define UARTDM_ISR      0x14
#define UARTDM_DMEN     0x3c
#define UARTDM_NCF_TX   0x40
#define UARTDM_TF       0x70

#define SR_TX_READY     (1u << 2)
#define SR_TX_EMPTY     (1u << 3)
#define CR_RESET_TX_READY 0x300u
#define ISR_TX_READY    (1u << 7)

const char *uartdm_init(const struct uart_port *port)
{
	if (mmio_read32(port->base, UARTDM_DMEN))
		mmio_write32(port->base, UARTDM_DMEN, 0);
	return 0;
}

/* The transfer before is all in the FIFO, or all sent: a new count may
 * be written. */
static bool previous_transfer_taken(uintptr_t base)
{
	return (mmio_read32(base, UARTDM_SR) & SR_TX_EMPTY) ||
	       (mmio_read32(base, UARTDM_ISR) & ISR_TX_READY);
}

bool uartdm_putc(const struct uart_port *port, char c)
{
	uintptr_t base = port->base;

	if (!UART_WAIT_UNTIL(previous_transfer_taken(base)))
		return false;
	mmio_write32(base, UARTDM_CR, CR_RESET_TX_READY);
	mmio_write32(base, UARTDM_NCF_TX, 1);
	(void)mmio_read32(base, UARTDM_NCF_TX);
	if (!UART_WAIT_UNTIL(mmio_read32(base, UARTDM_SR) & SR_TX_READY))
		return false;
	mmio_write32(base, UARTDM_TF, (uint8_t)c);
	return true;
}

bool uartdm_flush(const struct uart_port *port)
{
	return UART_WAIT_UNTIL(mmio_read32(port->base, UARTDM_SR) & SR_TX_EMPTY);
}

int uartdm_getc(const struct uart_port *port)
{
	(void)port;
	return -1;
}
