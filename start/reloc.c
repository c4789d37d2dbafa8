/*
 * reloc.c - point the GOT at where the image runs.
 *
 * Owns: got_rebase(). Debian's libfdt.a is position-independent code: it
 * reaches __stack_chk_guard through a GOT slot that the linker fills with
 * the link (virtual) address, which is not reachable while the MMU is off.
 * early_init() rebases every GOT slot that points into the image to the
 * physical load address; kernel_main() rebases them back once the MMU is on
 * (the same idea as Linux's self-relocation, limited to the GOT).
 */
#include <stdint.h>
#include "boot.h"

extern uint64_t __got_start[], __got_end[];

void got_rebase(uint64_t from_text, uint64_t to_text, uint64_t image_size)
{
	for (uint64_t *slot = __got_start; slot < __got_end; slot++)
		if (*slot - from_text < image_size)
			*slot = *slot - from_text + to_text;
}
