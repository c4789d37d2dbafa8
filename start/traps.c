/*
 * traps.c - what happens on an exception: fix-up or decoded report.
 *
 * Owns: handle_exception(), called by vectors.S. The expected exceptions
 * are the semihosting HLT when QEMU has no -semihosting (resumed with x0 =
 * SEMIHOST_ABSENT), a data abort the abort resolver resolves (demand
 * paging: the instruction runs again), a fault of the one guarded access
 * in flight (mmu/fault.h: recorded, resumed at its fix-up, like an entry
 * of Linux's exception table), and those a test build's hook expects
 * (hooks.h); the last three only with the MMU on, through start/fixup.c.
 * The cause is decoded by mmu/esr.c, the one decoder.
 * A PSCI call that nothing answered (its HVC/SMC UNDEFINED: lib/psci.c) is
 * named as such and ends the run with EXIT_PSCI_NO_FIRMWARE; but
 * SYSTEM_OFF, which only stub_exit makes, returns PSCI_RET_NOT_SUPPORTED
 * so that the exit goes on (parks) with its own status.
 * Anything else is reported (vector, EC decoded, fault
 * status with level, ESR, FAR, ELR, SPSR, EL) and ends the run with
 * EXIT_EXCEPTION. Uses only the early console: with the MMU off (no UART
 * known yet) it first resets it (refuse.c early_clear_bss): the report then
 * goes to semihosting.
 */
#include <stddef.h>
#include "console.h"
#include "esr.h"
#include "exit.h"
#include "psci.h"
#include "result.h"
#include "semihost.h"
#include "sysreg.h"
#include "traps.h"

_Static_assert(offsetof(struct exception_frame, x[30]) == FRAME_X30, "frame x30");
_Static_assert(offsetof(struct exception_frame, elr) == FRAME_ELR, "frame elr");
_Static_assert(offsetof(struct exception_frame, spsr) == FRAME_SPSR, "frame spsr");
_Static_assert(offsetof(struct exception_frame, esr) == FRAME_ESR, "frame esr");
_Static_assert(offsetof(struct exception_frame, far) == FRAME_FAR, "frame far");
_Static_assert(offsetof(struct exception_frame, sp) == FRAME_SP, "frame sp");
_Static_assert(sizeof(struct exception_frame) == FRAME_SIZE, "frame size");
_Static_assert(FRAME_SIZE % 16 == 0, "frame keeps SP 16-byte aligned");

static int reporting;    /* an exception while reporting: do not recurse */

static void field(const char *name, uint64_t v)
{
	console_puts(name);
	console_put_hex(v);
}

/* The PSCI call in flight trapped on its own HVC/SMC: named, then fatal
 * (see the top of this file). */
static void report_psci_trap(const struct psci_in_flight *call, struct exception_frame *f)
{
	bool powering_off = call->fn == PSCI_0_2_FN_SYSTEM_OFF;

	if (!(read_sysreg(sctlr_el1) & SCTLR_EL1_M))
		early_clear_bss();
	console_puts(powering_off ? "\nstub: PSCI " : "\nstub: FATAL: PSCI ");
	console_puts(psci_function_name(call->fn));
	console_puts(" over ");
	console_puts(psci_conduit_name(call->conduit));
	console_puts(" trapped (EC ");
	console_put_hex(esr_class(f->esr));
	console_puts(": ");
	console_puts(esr_class_name(esr_class(f->esr)));
	console_puts("; no firmware answers this conduit; the DTB's /psci method is wrong?)");
	field("\n    function ", call->fn);
	field("  ESR_EL1 ", f->esr);
	field("  ELR_EL1 ", f->elr);
	console_puts("\n");
	if (powering_off) {
		f->x[0] = (uint64_t)PSCI_RET_NOT_SUPPORTED;
		f->elr += 4;
		return;
	}
	psci_set_conduit(PSCI_CONDUIT_NONE);   /* the exit must not call it again */
	if (result_fatal_begin()) {
		result_fatal_add("PSCI call trapped: no firmware answers the conduit; function ");
		result_fatal_add_hex(call->fn);
	}
	stub_exit(EXIT_PSCI_NO_FIRMWARE);
}

void handle_exception(unsigned slot, struct exception_frame *f)
{
	unsigned ec = esr_class(f->esr);
	struct psci_in_flight psci;
	char cause[ESR_DESCRIBE_MAX];

	if ((slot & 3) == VECTOR_TYPE_SYNC && ec == ESR_EC_UNKNOWN &&
	    f->elr == (uint64_t)(uintptr_t)semihost_trap) {
		f->x[0] = SEMIHOST_ABSENT;
		f->elr += 4;
		return;
	}
	/* EC "unknown", on the HVC/SMC itself: UNDEFINED (lib/psci.c). */
	if ((slot & 3) == VECTOR_TYPE_SYNC && ec == ESR_EC_UNKNOWN && psci_call_trapped(f->elr, &psci)) {
		report_psci_trap(&psci, f);
		return;
	}
	/* The fix-ups of the MMU-on world (start/fixup.c): only with the MMU
	 * on (before it the bss, where their state lives, is not cleared yet,
	 * and their code and tables hold link addresses). The one call out of
	 * the MMU-off set (start/start.mk: MMU_OFF_EXITS). */
	if ((read_sysreg(sctlr_el1) & SCTLR_EL1_M) && exception_fixup_mmu_on(slot, f))
		return;
	if (!(read_sysreg(sctlr_el1) & SCTLR_EL1_M))
		early_clear_bss();   /* MMU off: bss not cleared yet, no UART known */
	if (reporting++) {
		console_puts("\nstub: FATAL: exception while reporting an exception\n");
		stub_exit(EXIT_EXCEPTION);
	}
	if (result_fatal_begin()) {
		result_fatal_add("unexpected exception: ");
		result_fatal_add(vector_slot_name(slot));
		result_fatal_add(", ESR_EL1 ");
		result_fatal_add_hex(f->esr);
		result_fatal_add(" FAR_EL1 ");
		result_fatal_add_hex(f->far);
		result_fatal_add(" ELR_EL1 ");
		result_fatal_add_hex(f->elr);
	}
	console_puts("\n*** unexpected exception: ");
	console_puts(vector_slot_name(slot));
	console_puts("\n    ");
	console_puts(esr_describe(f->esr, "\n    ", cause, sizeof(cause)));
	field("\n    ESR_EL1 ", f->esr);
	field("  FAR_EL1 ", f->far);
	field("\n    ELR_EL1 ", f->elr);
	field("  SPSR_EL1 ", f->spsr);
	console_puts("  from EL");
	console_put_dec((f->spsr >> 2) & 3);
	field("  SP ", f->sp);
	field("\n    x0 ", f->x[0]);
	field("  x1 ", f->x[1]);
	field("  x29 ", f->x[29]);
	field("  x30 ", f->x[30]);
	console_puts("\n");
	stub_exit(EXIT_EXCEPTION);
}
