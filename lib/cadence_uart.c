/*
 * cadence_uart.c - Cadence UART driver (transmit only), the PS UART of the
 * Zynq-7000 and Zynq UltraScale+ (UG1085, "UART Controller"; register
 * reference UG1087, module UART).
 *
 * Owns: the Cadence UART register offsets and bits, enabling the
 * transmitter, polled output and draining. Safe with the MMU off: only
 * volatile 32-bit MMIO at base + offset, no library calls, no absolute
 * pointers.
 *
 * Registers (offset, the bits used here):
 *   0x00 Control_reg0 (CR): bit 0 RXRES, bit 1 TXRES (self-clearing logic
 *        resets), bit 2 RXEN, bit 3 RXDIS, bit 4 TXEN, bit 5 TXDIS. The
 *        transmitter runs only with TXEN = 1 and TXDIS = 0: TXDIS wins.
 *        Reset value 0x128: TXDIS | RXDIS | STOPBRK, so after reset (and on
 *        QEMU, which drops FIFO writes while disabled) nothing is sent
 *        until the transmitter is enabled.
 *   0x04 mode_reg0 (MR): bit 0 CLKS (uart_ref_clk / 8), bits 2:1 CHRL,
 *        5:3 PAR (1xx = none), 7:6 NBSTOP, 9:8 CHMODE (00 = normal).
 *   0x18 Baud_rate_gen_reg0 (BAUDGEN): bits 15:0 CD; 0 disables the baud
 *        sample clock, 1 bypasses it.
 *   0x2C Channel_sts_reg0 (SR): bit 3 TXEMPTY, bit 4 TXFULL, bit 11
 *        TACTIVE (transmitter state machine busy).
 *   0x30 TX_RX_FIFO0 (FIFO): bits 7:0, write = transmit.
 *   0x34 Baud_rate_divider_reg0 (BAUDDIV): bits 7:0 BDIV, valid 4..255.
 *   baud = sel_clk / (CD * (BDIV + 1)), sel_clk = uart_ref_clk (/8 if CLKS).
 *
 * Baud rate: left as the firmware (FSBL/U-Boot) or QEMU set it. This stub
 * does not know uart_ref_clk; the board's boot firmware configures it and
 * the UART together, and a loader that printed before us used exactly these
 * settings. Only a baud generator that is clearly unconfigured — CD = 0 (no
 * sample clock: the FIFO would never drain and uart_putc would spin for
 * ever) or BDIV < 4 (outside the valid range) — is programmed, to 115200
 * 8N1 for the 100 MHz uart_ref_clk of the ZCU102's standard firmware
 * configuration (CD 124, BDIV 6: 100e6 / (124 * 7) = 115207). The reset
 * values (CD 0x28B, BDIV 0xF: 9600 baud at 100 MHz) are a valid setting and
 * are kept; QEMU 7.2 resets to the same values (CR 0x128, CD 0x28B, BDIV
 * 0xF), ignores writes of CD 0 or BDIV < 4 (so the fallback only ever runs
 * on hardware) and ignores the rate for its character backend.
 */
#include "uart.h"

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

/* PAR = 1xx: no parity; CHRL 00 = 8 bits, NBSTOP 00 = 1, CHMODE 00 normal. */
#define MR_PAR_NONE    (4u << 3)

#define SR_TXEMPTY     (1u << 3)
#define SR_TXFULL      (1u << 4)
#define SR_TACTIVE     (1u << 11)

#define BAUDGEN_CD_MASK 0xffffu
#define BAUDDIV_MASK    0xffu
#define BAUDDIV_MIN     4u
/* 115200 from a 100 MHz uart_ref_clk, used only when unconfigured. */
#define FALLBACK_CD     124u
#define FALLBACK_BDIV   6u

static inline volatile uint32_t *reg(uintptr_t base, unsigned off)
{
	return (volatile uint32_t *)(base + off);
}

/* UG1085 "Baud Rate Generator" programming sequence: disable both
 * directions, set the dividers, reset the TX and RX logic and FIFOs and
 * wait for TXRES/RXRES to clear themselves; 8N1, normal mode. MR is
 * written after the dividers (QEMU derives its line timing from all three
 * on an MR write). */
static void set_fallback_baud(uintptr_t base)
{
	*reg(base, CDNS_CR) = CR_TXDIS | CR_RXDIS;
	*reg(base, CDNS_BAUDGEN) = FALLBACK_CD;
	*reg(base, CDNS_BAUDDIV) = FALLBACK_BDIV;
	*reg(base, CDNS_MR) = MR_PAR_NONE;
	*reg(base, CDNS_CR) = CR_TXDIS | CR_RXDIS | CR_TXRES | CR_RXRES;
	while (*reg(base, CDNS_CR) & (CR_TXRES | CR_RXRES))
		;
}

void uart_init(uintptr_t base)
{
	uint32_t cd = *reg(base, CDNS_BAUDGEN) & BAUDGEN_CD_MASK;
	uint32_t bdiv = *reg(base, CDNS_BAUDDIV) & BAUDDIV_MASK;
	uint32_t cr;

	if (cd == 0 || bdiv < BAUDDIV_MIN)
		set_fallback_baud(base);

	/* Transmitter on: TXEN set and TXDIS clear. The receiver, the break
	 * bits and the FIFO contents (a loader's last line may still be
	 * draining) stay as they are; the reset bits are written as 0. */
	cr = *reg(base, CDNS_CR) & ~(CR_TXRES | CR_RXRES);
	if ((cr & (CR_TXEN | CR_TXDIS)) != CR_TXEN)
		*reg(base, CDNS_CR) = (cr & ~CR_TXDIS) | CR_TXEN;
}

void uart_putc(uintptr_t base, char c)
{
	while (*reg(base, CDNS_SR) & SR_TXFULL)
		;
	*reg(base, CDNS_FIFO) = (uint8_t)c;
}

void uart_flush(uintptr_t base)
{
	/* FIFO empty and the last character shifted out. */
	while ((*reg(base, CDNS_SR) & (SR_TXEMPTY | SR_TACTIVE)) != SR_TXEMPTY)
		;
}
