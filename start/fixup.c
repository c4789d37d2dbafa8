/*
 * fixup.c - the exception fix-ups of the MMU-on world.
 *
 * Owns: exception_fixup_mmu_on(), which the exception handler
 * (start/traps.c, in the MMU-off set) calls once SCTLR_EL1.M is set, and
 * the order of the fix-ups it tries: a synchronous exception goes to the
 * fault module first (mmu/fault.c: the abort resolver of demand paging,
 * the guarded access in flight), then, in a test build, to the hooks that
 * expect it (hooks.h). Their state and their tables hold link addresses,
 * which is why they are reached only from here.
 */
#include "fault.h"
#include "hooks.h"
#include "traps.h"

bool exception_fixup_mmu_on(unsigned slot, struct exception_frame *f)
{
	bool sync = (slot & 3) == VECTOR_TYPE_SYNC;

	if (sync && fault_fixup(slot < VECTOR_LOWER_EL_FIRST, f->esr, f->far, &f->elr))
		return true;
	return hooks_exception_fixup(slot, f);
}
