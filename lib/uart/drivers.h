/*
 * drivers.h - the entry points of each UART driver (lib/uart/<driver>.c),
 * for the dispatcher (uart.c) and the host unit tests.
 *
 * Owns: nothing but these declarations. Each driver has the four
 * operations of uart.h with the same contract; init returns NULL or why
 * the port cannot be used; putc and flush return false when the UART did
 * not become ready within UART_WAIT_MS (wait.h).
 */
#ifndef UART_DRIVERS_H
#define UART_DRIVERS_H

#include "uart.h"

const char *pl011_init(const struct uart_port *port);
bool pl011_putc(const struct uart_port *port, char c);
bool pl011_flush(const struct uart_port *port);
int pl011_getc(const struct uart_port *port);

const char *cadence_init(const struct uart_port *port);
bool cadence_putc(const struct uart_port *port, char c);
bool cadence_flush(const struct uart_port *port);
int cadence_getc(const struct uart_port *port);

const char *bcm2835_aux_init(const struct uart_port *port);
bool bcm2835_aux_putc(const struct uart_port *port, char c);
bool bcm2835_aux_flush(const struct uart_port *port);
int bcm2835_aux_getc(const struct uart_port *port);

const char *ns16550_init(const struct uart_port *port);
bool ns16550_putc(const struct uart_port *port, char c);
bool ns16550_flush(const struct uart_port *port);
int ns16550_getc(const struct uart_port *port);

#endif /* UART_DRIVERS_H */
