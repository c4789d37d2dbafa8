/*
 * traps.h - the exception frame shared by vectors.S and traps.c.
 *
 * Owns: the layout of the register frame the vectors save, and the numbers
 * naming the 16 vector slots (their names: mmu/esr.c). Shared by assembly
 * and C; offsets are checked against the C struct at compile time in
 * traps.c.
 */
#ifndef TRAPS_H
#define TRAPS_H

#define FRAME_X0    0
#define FRAME_X30   (30 * 8)
#define FRAME_ELR   (31 * 8)
#define FRAME_SPSR  (32 * 8)
#define FRAME_ESR   (33 * 8)
#define FRAME_FAR   (34 * 8)
#define FRAME_SP    (35 * 8)
#define FRAME_SIZE  (36 * 8)     /* multiple of 16: keeps SP aligned */

/* Vector slot = 4 * group + type, group: 0 current EL SP0, 1 current EL
 * SPx, 2 lower EL AArch64, 3 lower EL AArch32; type: 0 sync, 1 IRQ, 2 FIQ,
 * 3 SError (D1.10.2, "Exception vectors"). */
#define VECTOR_TYPE_SYNC  0
/* Slots from here on: taken from a lower EL (EL0). */
#define VECTOR_LOWER_EL_FIRST 8

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stdint.h>
struct exception_frame {
	uint64_t x[31];
	uint64_t elr, spsr, esr, far, sp;
};
void handle_exception(unsigned slot, struct exception_frame *frame);
/* start/fixup.c: the fix-ups that need the MMU on; true: the frame now
 * resumes where the fix-up said. */
bool exception_fixup_mmu_on(unsigned slot, struct exception_frame *frame);
/* refuse.c: the bss cleared with the MMU off, so that the console and exit
 * state start defined (no UART: output through semihosting). */
void early_clear_bss(void);
#endif

#endif /* TRAPS_H */
