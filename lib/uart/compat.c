/*
 * compat.c - which driver runs a UART, by one entry of its DT compatible
 * list, and the register layout that entry implies (see uart.h).
 *
 * Owns: the one list of the compatible strings the stub drives, the kinds
 * a driver runs (uart_kind_supported), and the
 * per-compatible layout facts (what Linux keeps in its earlycon setup
 * functions and of_device_id data): the 16550 of Tegra takes the DT's
 * reg-shift (8250_early.c declares "nvidia,tegra20-uart" an ordinary
 * 8250); TI K3's 8250-omap has a fixed stride of 4 with byte accesses
 * whatever the DT says (early_omap8250_setup forces regshift 2; the DTs
 * carry no reg-shift); the SBSA UART is 32-bit only (vendor_sbsa's
 * access_32b); the LPUART's registers start 0x10 into reg on i.MX and at
 * reg on Layerscape (lpuart_dt_ids' reg_off), told apart by the kind.
 * Every other block has 32-bit registers at fixed offsets, but SCIF's,
 * 16-bit with an 8-bit data register (sh-sci.c's SCIx_*_REGTYPE maps).
 *
 * Not driven, on purpose: "fsl,ls1021a-lpuart" (a big-endian LPUART:
 * lpuart32 reads it with ioread32be), "marvell,armada-3700-uart-ext" (the
 * second A3700 UART, another register map), "renesas,scif-r9a07g044"
 * (RZ/G2L: the RZ-SCIFA map), "fsl,vf610-lpuart" (8-bit LPUART).
 *
 * If-chains on a local string compare, not a table of string pointers
 * and not strcmp: this is in the MMU-off set (start/start.mk), where a
 * pointer held in data is a link address and a library call is out of
 * bounds.
 */
#include "uart.h"

static bool is(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* 32-bit registers at their own offsets. */
static enum machine_console_kind fixed32(enum machine_console_kind kind,
					 struct uart_layout *layout)
{
	layout->io_width = 4;
	return kind;
}

/* The families of Arm, Broadcom, Cadence and the 16550 (the stub's
 * first drivers, and the new table entries that reuse them). */
static enum machine_console_kind first_drivers(const char *c, struct uart_layout *layout)
{
	if (is(c, "arm,pl011"))
		return fixed32(MACHINE_CONSOLE_PL011, layout);
	if (is(c, "arm,sbsa-uart"))
		return fixed32(MACHINE_CONSOLE_SBSA, layout);
	if (is(c, "brcm,bcm2835-aux-uart")) {
		/* 8250-like registers 4 bytes apart (Linux
		 * 8250_bcm2835aux.c: regshift 2, UPIO_MEM32). */
		layout->reg_shift = 2;
		return fixed32(MACHINE_CONSOLE_BCM2835_AUX, layout);
	}
	if (is(c, "cdns,uart-r1p12") || is(c, "xlnx,xuartps") || is(c, "cdns,uart-r1p8"))
		return fixed32(MACHINE_CONSOLE_CADENCE, layout);
	if (is(c, "ns16550a") || is(c, "ns16550") || is(c, "snps,dw-apb-uart") ||
	    is(c, "nvidia,tegra20-uart")) {
		/* The 8250 binding: reg-shift 0, reg-io-width 1 unless the
		 * node says otherwise. */
		layout->io_width = 1;
		layout->from_dt = true;
		return MACHINE_CONSOLE_NS16550;
	}
	if (is(c, "ti,am654-uart")) {
		layout->reg_shift = 2;
		layout->io_width = 1;
		return MACHINE_CONSOLE_AM654;
	}
	return MACHINE_CONSOLE_UNSUPPORTED;
}

/* The SoC vendors' own blocks. */
static enum machine_console_kind soc_drivers(const char *c, struct uart_layout *layout)
{
	if (is(c, "fsl,imx6q-uart") || is(c, "fsl,imx21-uart"))
		return fixed32(MACHINE_CONSOLE_IMX, layout);
	if (is(c, "amlogic,meson-ao-uart") || is(c, "amlogic,meson-gx-uart") ||
	    is(c, "amlogic,meson-s4-uart"))
		return fixed32(MACHINE_CONSOLE_MESON, layout);
	if (is(c, "qcom,geni-debug-uart") || is(c, "qcom,geni-uart"))
		return fixed32(MACHINE_CONSOLE_GENI, layout);
	if (is(c, "qcom,msm-uartdm-v1.4") || is(c, "qcom,msm-uartdm"))
		return fixed32(MACHINE_CONSOLE_MSM_UARTDM, layout);
	if (is(c, "fsl,imx7ulp-lpuart") || is(c, "fsl,imx8ulp-lpuart") ||
	    is(c, "fsl,imx8qxp-lpuart") || is(c, "fsl,imx93-lpuart"))
		return fixed32(MACHINE_CONSOLE_LPUART32_IMX, layout);
	if (is(c, "fsl,ls1028a-lpuart"))
		return fixed32(MACHINE_CONSOLE_LPUART32, layout);
	if (is(c, "marvell,armada-3700-uart"))
		return fixed32(MACHINE_CONSOLE_AR3700, layout);
	if (is(c, "renesas,rcar-gen3-scif") || is(c, "renesas,scif")) {
		layout->io_width = 2;    /* SCFTDR alone is 8-bit */
		return MACHINE_CONSOLE_SCIF;
	}
	return MACHINE_CONSOLE_UNSUPPORTED;
}

enum machine_console_kind uart_kind_of(const char *compatible, struct uart_layout *layout)
{
	enum machine_console_kind kind = MACHINE_CONSOLE_UNSUPPORTED;

	layout->reg_shift = 0;
	layout->io_width = 0;
	layout->from_dt = false;
	if (!compatible)
		return kind;
	kind = first_drivers(compatible, layout);
	if (kind == MACHINE_CONSOLE_UNSUPPORTED)
		kind = soc_drivers(compatible, layout);
	return kind;
}

/* The kinds a driver runs: every kind uart_kind_of can give but
 * UNSUPPORTED (and NONE). */
bool uart_kind_supported(enum machine_console_kind kind)
{
	switch (kind) {
	case MACHINE_CONSOLE_PL011:
	case MACHINE_CONSOLE_BCM2835_AUX:
	case MACHINE_CONSOLE_CADENCE:
	case MACHINE_CONSOLE_NS16550:
	case MACHINE_CONSOLE_SBSA:
	case MACHINE_CONSOLE_AM654:
	case MACHINE_CONSOLE_IMX:
	case MACHINE_CONSOLE_MESON:
	case MACHINE_CONSOLE_GENI:
	case MACHINE_CONSOLE_MSM_UARTDM:
	case MACHINE_CONSOLE_LPUART32:
	case MACHINE_CONSOLE_LPUART32_IMX:
	case MACHINE_CONSOLE_AR3700:
	case MACHINE_CONSOLE_SCIF:
		return true;
	case MACHINE_CONSOLE_NONE:
	case MACHINE_CONSOLE_UNSUPPORTED:
		break;
	}
	return false;
}
