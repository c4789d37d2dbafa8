/*
 * lineedit.h - one line of input from the console, edited as it is typed.
 *
 * Owns: reading bytes (console_getc, polled) into a line and echoing
 * them: printable ASCII is kept, backspace (0x08) and DEL (0x7f) erase the
 * last character on the line and on the screen, a line ends at CR or LF
 * (a CR LF pair ends one line, not two), other control bytes are dropped.
 * Target only (it waits for the console).
 */
#ifndef LINEEDIT_H
#define LINEEDIT_H

#include <stddef.h>

/* Reads one line into buf (NUL-terminated, without its end). Returns its
 * length, or -1 when it was longer than len - 1: the rest up to the end of
 * the line is then read and dropped (the line must not be obeyed). */
int lineedit_read(char *buf, size_t len);

#endif /* LINEEDIT_H */
