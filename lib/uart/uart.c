/*
 * uart.c - which driver runs a console port (see uart.h).
 *
 * Owns: mapping a machine_console_kind to its driver, by switch: each case
 * is a direct (PC-relative) call, so this works with the MMU off too. No
 * strings chosen by kind here: GCC turns such a switch into a table of
 * absolute pointers (checked: objdump -r shows R_AARCH64_ABS64). Which
 * kind a compatible string means is compat.c's.
 */
#include "uart.h"
#include "drivers.h"

bool uart_kind_receives(enum machine_console_kind kind)
{
	/* GENI and UARTDM: transmit only (geni.c, msm_uartdm.c). */
	if (kind == MACHINE_CONSOLE_GENI || kind == MACHINE_CONSOLE_MSM_UARTDM)
		return false;
	return uart_kind_supported(kind);
}

const char *uart_init(const struct uart_port *port)
{
	if (!port->base)
		return "no UART address";
	switch (port->kind) {
	case MACHINE_CONSOLE_PL011:        return pl011_init(port);
	case MACHINE_CONSOLE_BCM2835_AUX:  return bcm2835_aux_init(port);
	case MACHINE_CONSOLE_CADENCE:      return cadence_init(port);
	case MACHINE_CONSOLE_NS16550:      return ns16550_init(port);
	case MACHINE_CONSOLE_SBSA:         return sbsa_init(port);
	case MACHINE_CONSOLE_AM654:        return am654_init(port);
	case MACHINE_CONSOLE_IMX:          return imx_init(port);
	case MACHINE_CONSOLE_MESON:        return meson_init(port);
	case MACHINE_CONSOLE_GENI:         return geni_init(port);
	case MACHINE_CONSOLE_MSM_UARTDM:   return uartdm_init(port);
	case MACHINE_CONSOLE_LPUART32:
	case MACHINE_CONSOLE_LPUART32_IMX: return lpuart_init(port);
	case MACHINE_CONSOLE_AR3700:       return ar3700_init(port);
	case MACHINE_CONSOLE_SCIF:         return scif_init(port);
	case MACHINE_CONSOLE_NONE:
	case MACHINE_CONSOLE_UNSUPPORTED:
		break;
	}
	return "no driver for this UART";
}

bool uart_putc(const struct uart_port *port, char c)
{
	switch (port->kind) {
	case MACHINE_CONSOLE_PL011:        return pl011_putc(port, c);
	case MACHINE_CONSOLE_BCM2835_AUX:  return bcm2835_aux_putc(port, c);
	case MACHINE_CONSOLE_CADENCE:      return cadence_putc(port, c);
	case MACHINE_CONSOLE_NS16550:
	case MACHINE_CONSOLE_AM654:        return ns16550_putc(port, c);
	case MACHINE_CONSOLE_SBSA:         return sbsa_putc(port, c);
	case MACHINE_CONSOLE_IMX:          return imx_putc(port, c);
	case MACHINE_CONSOLE_MESON:        return meson_putc(port, c);
	case MACHINE_CONSOLE_GENI:         return geni_putc(port, c);
	case MACHINE_CONSOLE_MSM_UARTDM:   return uartdm_putc(port, c);
	case MACHINE_CONSOLE_LPUART32:
	case MACHINE_CONSOLE_LPUART32_IMX: return lpuart_putc(port, c);
	case MACHINE_CONSOLE_AR3700:       return ar3700_putc(port, c);
	case MACHINE_CONSOLE_SCIF:         return scif_putc(port, c);
	case MACHINE_CONSOLE_NONE:
	case MACHINE_CONSOLE_UNSUPPORTED:
		break;
	}
	return false;
}

size_t uart_write(const struct uart_port *port, const char *s, size_t n)
{
	size_t done = 0;

	switch (port->kind) {
	case MACHINE_CONSOLE_PL011:        return pl011_write(port, s, n);
	case MACHINE_CONSOLE_SBSA:         return sbsa_write(port, s, n);
	default:
		break;
	}
	while (done < n && uart_putc(port, s[done]))
		done++;
	return done;
}

bool uart_flush(const struct uart_port *port)
{
	switch (port->kind) {
	case MACHINE_CONSOLE_PL011:        return pl011_flush(port);
	case MACHINE_CONSOLE_BCM2835_AUX:  return bcm2835_aux_flush(port);
	case MACHINE_CONSOLE_CADENCE:      return cadence_flush(port);
	case MACHINE_CONSOLE_NS16550:
	case MACHINE_CONSOLE_AM654:        return ns16550_flush(port);
	case MACHINE_CONSOLE_SBSA:         return sbsa_flush(port);
	case MACHINE_CONSOLE_IMX:          return imx_flush(port);
	case MACHINE_CONSOLE_MESON:        return meson_flush(port);
	case MACHINE_CONSOLE_GENI:         return geni_flush(port);
	case MACHINE_CONSOLE_MSM_UARTDM:   return uartdm_flush(port);
	case MACHINE_CONSOLE_LPUART32:
	case MACHINE_CONSOLE_LPUART32_IMX: return lpuart_flush(port);
	case MACHINE_CONSOLE_AR3700:       return ar3700_flush(port);
	case MACHINE_CONSOLE_SCIF:         return scif_flush(port);
	case MACHINE_CONSOLE_NONE:
	case MACHINE_CONSOLE_UNSUPPORTED:
		break;
	}
	return false;
}

int uart_getc(const struct uart_port *port)
{
	switch (port->kind) {
	case MACHINE_CONSOLE_PL011:        return pl011_getc(port);
	case MACHINE_CONSOLE_BCM2835_AUX:  return bcm2835_aux_getc(port);
	case MACHINE_CONSOLE_CADENCE:      return cadence_getc(port);
	case MACHINE_CONSOLE_NS16550:
	case MACHINE_CONSOLE_AM654:        return ns16550_getc(port);
	case MACHINE_CONSOLE_SBSA:         return sbsa_getc(port);
	case MACHINE_CONSOLE_IMX:          return imx_getc(port);
	case MACHINE_CONSOLE_MESON:        return meson_getc(port);
	case MACHINE_CONSOLE_GENI:         return geni_getc(port);
	case MACHINE_CONSOLE_MSM_UARTDM:   return uartdm_getc(port);
	case MACHINE_CONSOLE_LPUART32:
	case MACHINE_CONSOLE_LPUART32_IMX: return lpuart_getc(port);
	case MACHINE_CONSOLE_AR3700:       return ar3700_getc(port);
	case MACHINE_CONSOLE_SCIF:         return scif_getc(port);
	case MACHINE_CONSOLE_NONE:
	case MACHINE_CONSOLE_UNSUPPORTED:
		break;
	}
	return -1;
}
