/*
 * cadence.c - Cadence UART driver ("cdns,uart-r1p12", "xlnx,xuartps",
 * "cdns,uart-r1p8"), polled: the PS UART of the Zynq-7000 and Zynq
 * UltraScale+ (UG1085, "UART Controller"; register reference UG1087,
 * module UART).
 *
 * Owns: the Cadence UART register offsets and bits, enabling the
 * transmitter and receiver, programming 115200 8N1 when the baud
 * generator is unconfigured and the clock is known, polled output,
 * draining and polled input. reg_shift and io_width are not used: the
 * registers are 32-bit at fixed offsets.
 *
 * Registers (offset, the bits used here):
 *   0x00 Control_reg0 (CR): bit 0 RXRES, bit 1 TXRES (self-clearing logic
 *        resets), bit 2 RXEN, bit 3 RXDIS, bit 4 TXEN, bit 5 TXDIS. A
 *        direction runs only with its EN = 1 and DIS = 0: DIS wins.
 *        Reset value 0x128: TXDIS | RXDIS | STOPBRK, so after reset (and on
 *        QEMU, which drops FIFO writes while disabled) nothing is sent
 *        until the transmitter is enabled.
 *   0x04 mode_reg0 (MR): bit 0 CLKS (uart_ref_clk / 8), bits 2:1 CHRL,
 *        5:3 PAR (1xx = none), 7:6 NBSTOP, 9:8 CHMODE (00 = normal).
 *   0x18 Baud_rate_gen_reg0 (BAUDGEN): bits 15:0 CD; 0 disables the baud
 *        sample clock, 1 bypasses it.
 *   0x2C Channel_sts_reg0 (SR): bit 1 RXEMPTY, bit 3 TXEMPTY, bit 4
 *        TXFULL, bit 11 TACTIVE (transmitter state machine busy).
 *   0x30 TX_RX_FIFO0 (FIFO): bits 7:0, write = transmit, read = receive.
 *   0x34 Baud_rate_divider_reg0 (BAUDDIV): bits 7:0 BDIV, valid 4..255.
 *   baud = sel_clk / (CD * (BDIV + 1)), sel_clk = uart_ref_clk (/8 if CLKS).
 *
 * Baud rate: left as the firmware (FSBL/U-Boot) or QEMU set it; a loader
 * that printed before us used exactly these settings. Only a baud
 * generator that is clearly unconfigured — CD = 0 (no sample clock: the
 * FIFO would never drain and putc would wait for ever) or BDIV < 4
 * (outside the valid range) — is programmed, to 115200 8N1, and only from
 * a known uart_ref_clk (port->clock_hz, from the DTB): the clock is the
 * board's choice, and a guessed one gives a wrong rate. Without it init
 * refuses the port. The reset values (CD 0x28B, BDIV 0xF: 9600 baud at
 * 100 MHz) are a valid setting and are kept; QEMU 7.2 resets to the same
 * values (CR 0x128, CD 0x28B, BDIV 0xF), ignores writes of CD 0 or
 * BDIV < 4 (so the programming only ever runs on hardware) and ignores
 * the rate for its character backend.
 */
#include "drivers.h"
#include "mmio.h"
#include "wait.h"

#define CDNS_CR        0x00
#define CDNS_MR        0x04
#define CDNS_BAUDGEN   0x18
#define CDNS_SR        0x2c
#define CDNS_FIFO      0x30
#define CDNS_BAUDDIV   0x34

#define CR_RXRES       (1u << 0)
#define CR_TXRES       (1u << 1)
#define CR_RXEN        (1u << 2)
#define CR_RXDIS       (1u << 3)
#define CR_TXEN        (1u << 4)
#define CR_TXDIS       (1u << 5)

/* PAR = 1xx: no parity; CHRL 00 = 8 bits, NBSTOP 00 = 1, CHMODE 00 normal,
 * CLKS 0: sel_clk is uart_ref_clk. */
#define MR_8N1         (4u << 3)

#define SR_RXEMPTY     (1u << 1)
#define SR_TXEMPTY     (1u << 3)
#define SR_TXFULL      (1u << 4)
#define SR_TACTIVE     (1u << 11)

#define FIFO_DATA      0xffu

#define BAUDGEN_CD_MASK 0xffffu
#define BAUDDIV_MASK    0xffu
#define BAUDDIV_MIN     4u
#define BAUDDIV_MAX     255u
#define CD_MAX          0xffffu

#define TARGET_BAUD     115200u
/* A receiver samples each bit in its middle: 2% off over the 10 bits of
 * a frame is still well inside half a bit. */
#define BAUD_TOLERANCE_DIV 50u     /* error <= baud / 50 */

/* How many reads of CR to wait for the self-clearing resets, which take
 * a few uart_ref_clk cycles: bounded, so that a UART (or a unit test's
 * plain-memory fake) that never clears them cannot hang init. */
#define RESET_POLLS     1000u

_Static_assert(CD_MAX <= BAUDGEN_CD_MASK && BAUDDIV_MAX <= BAUDDIV_MASK,
	       "the dividers picked fit their register fields");

/* The CD and BDIV whose rate from clk is nearest to baud (CLKS = 0);
 * false if none is within tolerance (clk too slow, or too fast for CD's
 * 16 bits). */
static bool pick_divisors(uint32_t clk, uint32_t baud, uint32_t *cd_out,
			  uint32_t *bdiv_out)
{
	uint64_t best_err = UINT64_MAX;

	for (uint32_t bdiv = BAUDDIV_MIN; bdiv <= BAUDDIV_MAX; bdiv++) {
		uint64_t per_cd = (uint64_t)baud * (bdiv + 1);
		uint64_t cd = ((uint64_t)clk + per_cd / 2) / per_cd;
		uint64_t rate, err;

		if (cd == 0 || cd > CD_MAX)
			continue;
		rate = (uint64_t)clk / (cd * (bdiv + 1));
		err = rate > baud ? rate - baud : baud - rate;
		if (err < best_err) {
			best_err = err;
			*cd_out = (uint32_t)cd;
			*bdiv_out = bdiv;
		}
	}
	return best_err <= baud / BAUD_TOLERANCE_DIV;
}

/* UG1085 "Baud Rate Generator" programming sequence: disable both
 * directions, set the dividers, reset the TX and RX logic and FIFOs and
 * wait for TXRES/RXRES to clear themselves; 8N1, normal mode. MR is
 * written after the dividers (QEMU derives its line timing from all three
 * on an MR write). */
static void set_baud(uintptr_t base, uint32_t cd, uint32_t bdiv)
{
	mmio_write32(base, CDNS_CR, CR_TXDIS | CR_RXDIS);
	mmio_write32(base, CDNS_BAUDGEN, cd);
	mmio_write32(base, CDNS_BAUDDIV, bdiv);
	mmio_write32(base, CDNS_MR, MR_8N1);
	mmio_write32(base, CDNS_CR, CR_TXDIS | CR_RXDIS | CR_TXRES | CR_RXRES);
	for (unsigned i = 0; i < RESET_POLLS; i++)
		if (!(mmio_read32(base, CDNS_CR) & (CR_TXRES | CR_RXRES)))
			break;
}

const char *cadence_init(const struct uart_port *port)
{
	uintptr_t base = port->base;
	uint32_t cd = mmio_read32(base, CDNS_BAUDGEN) & BAUDGEN_CD_MASK;
	uint32_t bdiv = mmio_read32(base, CDNS_BAUDDIV) & BAUDDIV_MASK;
	uint32_t cr;

	if (cd == 0 || bdiv < BAUDDIV_MIN) {
		if (!port->clock_hz)
			return "Cadence UART baud generator unconfigured and its clock unknown";
		if (!pick_divisors(port->clock_hz, TARGET_BAUD, &cd, &bdiv))
			return "Cadence UART clock cannot make 115200 baud";
		set_baud(base, cd, bdiv);
	}

	/* Both directions on: EN set and DIS clear. The break bits and the
	 * FIFO contents (a loader's last line may still be draining) stay as
	 * they are; the reset bits are written as 0. */
	cr = mmio_read32(base, CDNS_CR) & ~(CR_TXRES | CR_RXRES);
	if ((cr & (CR_TXEN | CR_TXDIS | CR_RXEN | CR_RXDIS)) != (CR_TXEN | CR_RXEN))
		mmio_write32(base, CDNS_CR, (cr & ~(CR_TXDIS | CR_RXDIS)) | CR_TXEN | CR_RXEN);
	return 0;
}

bool cadence_putc(const struct uart_port *port, char c)
{
	if (!UART_WAIT_UNTIL(!(mmio_read32(port->base, CDNS_SR) & SR_TXFULL)))
		return false;
	mmio_write32(port->base, CDNS_FIFO, (uint8_t)c);
	return true;
}

bool cadence_flush(const struct uart_port *port)
{
	/* FIFO empty and the last character shifted out. */
	return UART_WAIT_UNTIL((mmio_read32(port->base, CDNS_SR) & (SR_TXEMPTY | SR_TACTIVE)) ==
			       SR_TXEMPTY);
}

int cadence_getc(const struct uart_port *port)
{
	if (mmio_read32(port->base, CDNS_SR) & SR_RXEMPTY)
		return -1;
	return (int)(mmio_read32(port->base, CDNS_FIFO) & FIFO_DATA);
}
