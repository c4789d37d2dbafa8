/*
 * uart.c - which driver runs a console port (see uart.h).
 *
 * Owns: mapping a machine_console_kind to its driver, by switch: each case
 * is a direct (PC-relative) call, so this works with the MMU off too. No
 * strings chosen by kind here: GCC turns such a switch into a table of
 * absolute pointers (checked: objdump -r shows R_AARCH64_ABS64).
 */
#include "uart.h"
#include "drivers.h"

bool uart_kind_supported(enum machine_console_kind kind)
{
	switch (kind) {
	case MACHINE_CONSOLE_PL011:
	case MACHINE_CONSOLE_BCM2835_AUX:
	case MACHINE_CONSOLE_CADENCE:
	case MACHINE_CONSOLE_NS16550:
		return true;
	case MACHINE_CONSOLE_NONE:
	case MACHINE_CONSOLE_UNSUPPORTED:
		break;
	}
	return false;
}

const char *uart_init(const struct uart_port *port)
{
	if (!port->base)
		return "no UART address";
	switch (port->kind) {
	case MACHINE_CONSOLE_PL011:       return pl011_init(port);
	case MACHINE_CONSOLE_BCM2835_AUX: return bcm2835_aux_init(port);
	case MACHINE_CONSOLE_CADENCE:     return cadence_init(port);
	case MACHINE_CONSOLE_NS16550:     return ns16550_init(port);
	case MACHINE_CONSOLE_NONE:
	case MACHINE_CONSOLE_UNSUPPORTED:
		break;
	}
	return "no driver for this UART";
}

bool uart_putc(const struct uart_port *port, char c)
{
	switch (port->kind) {
	case MACHINE_CONSOLE_PL011:       return pl011_putc(port, c);
	case MACHINE_CONSOLE_BCM2835_AUX: return bcm2835_aux_putc(port, c);
	case MACHINE_CONSOLE_CADENCE:     return cadence_putc(port, c);
	case MACHINE_CONSOLE_NS16550:     return ns16550_putc(port, c);
	case MACHINE_CONSOLE_NONE:
	case MACHINE_CONSOLE_UNSUPPORTED:
		break;
	}
	return false;
}

bool uart_flush(const struct uart_port *port)
{
	switch (port->kind) {
	case MACHINE_CONSOLE_PL011:       return pl011_flush(port);
	case MACHINE_CONSOLE_BCM2835_AUX: return bcm2835_aux_flush(port);
	case MACHINE_CONSOLE_CADENCE:     return cadence_flush(port);
	case MACHINE_CONSOLE_NS16550:     return ns16550_flush(port);
	case MACHINE_CONSOLE_NONE:
	case MACHINE_CONSOLE_UNSUPPORTED:
		break;
	}
	return false;
}

int uart_getc(const struct uart_port *port)
{
	switch (port->kind) {
	case MACHINE_CONSOLE_PL011:       return pl011_getc(port);
	case MACHINE_CONSOLE_BCM2835_AUX: return bcm2835_aux_getc(port);
	case MACHINE_CONSOLE_CADENCE:     return cadence_getc(port);
	case MACHINE_CONSOLE_NS16550:     return ns16550_getc(port);
	case MACHINE_CONSOLE_NONE:
	case MACHINE_CONSOLE_UNSUPPORTED:
		break;
	}
	return -1;
}
