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
size_t pl011_write(const struct uart_port *port, const char *s, size_t n);
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

/* ns16550.c: TI K3's 16550 (MDR1 checked); putc, flush, getc: ns16550's. */
const char *am654_init(const struct uart_port *port);

/* pl011.c: the SBSA Generic UART, the PL011's DR and FR only. */
const char *sbsa_init(const struct uart_port *port);
bool sbsa_putc(const struct uart_port *port, char c);
size_t sbsa_write(const struct uart_port *port, const char *s, size_t n);
bool sbsa_flush(const struct uart_port *port);
int sbsa_getc(const struct uart_port *port);

/* imx.c */
const char *imx_init(const struct uart_port *port);
bool imx_putc(const struct uart_port *port, char c);
bool imx_flush(const struct uart_port *port);
int imx_getc(const struct uart_port *port);

/* meson.c */
const char *meson_init(const struct uart_port *port);
bool meson_putc(const struct uart_port *port, char c);
bool meson_flush(const struct uart_port *port);
int meson_getc(const struct uart_port *port);

/* geni.c: no receive: getc is always -1. */
const char *geni_init(const struct uart_port *port);
bool geni_putc(const struct uart_port *port, char c);
bool geni_flush(const struct uart_port *port);
int geni_getc(const struct uart_port *port);

/* msm_uartdm.c: no receive: getc is always -1. */
const char *uartdm_init(const struct uart_port *port);
bool uartdm_putc(const struct uart_port *port, char c);
bool uartdm_flush(const struct uart_port *port);
int uartdm_getc(const struct uart_port *port);

/* lpuart.c: LPUART32 and LPUART32_IMX, told apart by port->kind. */
const char *lpuart_init(const struct uart_port *port);
bool lpuart_putc(const struct uart_port *port, char c);
bool lpuart_flush(const struct uart_port *port);
int lpuart_getc(const struct uart_port *port);

/* ar3700.c */
const char *ar3700_init(const struct uart_port *port);
bool ar3700_putc(const struct uart_port *port, char c);
bool ar3700_flush(const struct uart_port *port);
int ar3700_getc(const struct uart_port *port);

/* scif.c */
const char *scif_init(const struct uart_port *port);
bool scif_putc(const struct uart_port *port, char c);
bool scif_flush(const struct uart_port *port);
int scif_getc(const struct uart_port *port);

#endif /* UART_DRIVERS_H */
