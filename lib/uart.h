/*
 * uart.h - the interface every console UART driver implements.
 *
 * Owns: the two calls the console needs. The board picks the driver
 * (BOARD_UART_DRIVER in board/<name>/board.mk); the base address is
 * physical before the MMU is on and virtual after.
 */
#ifndef UART_H
#define UART_H

#include <stdint.h>

void uart_init(uintptr_t base);
void uart_putc(uintptr_t base, char c);
/* Wait until every character written has left the transmitter. */
void uart_flush(uintptr_t base);

#endif /* UART_H */
