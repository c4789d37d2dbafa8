/*
 * traps.c - what happens on an exception: fix-up or decoded report.
 *
 * Owns: handle_exception(), called by vectors.S. The expected exceptions
 * are the semihosting HLT when QEMU has no -semihosting (resumed with x0 =
 * SEMIHOST_ABSENT), a data abort the abort resolver resolves (demand
 * paging: the instruction runs again), a fault of the one guarded access
 * in flight (guarded.h: recorded, resumed at its fix-up, like an entry of
 * Linux's exception table), and those a test build's hook expects
 * (hooks.h). It also owns the one decoding of an exception's cause
 * (trap_print_cause) that both the report below and the shell print.
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
#include "guarded.h"
#include "hooks.h"
#include "psci.h"
#include "regs.h"
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

/* guarded.S: x0 = the value loaded, x1 = 1 when the fix-up ran (AAPCS64
 * returns a 16-byte composite in x0 and x1). */
struct guarded_ret {
	uint64_t value, faulted;
};
struct guarded_ret guarded_load(uint64_t va);
struct guarded_ret guarded_store(uint64_t va, uint64_t val);
extern const char guarded_load_insn[], guarded_load_fixup[];
extern const char guarded_store_insn[], guarded_store_fixup[];

/* The recovery point: armed around one guarded access, never nested. In
 * the bss, so only trusted once the MMU is on (the bss cleared). */
static struct {
	bool armed;
	struct caught_fault *caught;
} guard;
static abort_resolver_fn abort_resolver;

void traps_set_abort_resolver(abort_resolver_fn fn)
{
	abort_resolver = fn;
}

int guarded_read64(uint64_t va, uint64_t *val, struct caught_fault *caught)
{
	struct guarded_ret r;

	guard.caught = caught;
	guard.armed = true;
	__asm__ volatile("" : : : "memory");     /* armed before the access */
	r = guarded_load(va);
	__asm__ volatile("" : : : "memory");
	guard.armed = false;
	*val = r.value;
	return r.faulted ? 1 : 0;
}

int guarded_write64(uint64_t va, uint64_t val, struct caught_fault *caught)
{
	struct guarded_ret r;

	guard.caught = caught;
	guard.armed = true;
	__asm__ volatile("" : : : "memory");
	r = guarded_store(va, val);
	__asm__ volatile("" : : : "memory");
	guard.armed = false;
	return r.faulted ? 1 : 0;
}

/* A synchronous exception on the guarded instruction itself: recorded,
 * resumed at its fix-up. Any other PC is not ours. */
static bool guarded_fixup(unsigned slot, struct exception_frame *f)
{
	static const struct { const char *insn, *fixup; } table[] = {
		{ guarded_load_insn, guarded_load_fixup },
		{ guarded_store_insn, guarded_store_fixup },
	};

	if (!guard.armed || (slot & 3) != VECTOR_TYPE_SYNC)
		return false;
	for (unsigned i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (f->elr != (uint64_t)(uintptr_t)table[i].insn)
			continue;
		guard.armed = false;
		*guard.caught = (struct caught_fault){
			.slot = slot, .esr = f->esr, .far = f->far, .elr = f->elr,
		};
		f->elr = (uint64_t)(uintptr_t)table[i].fixup;
		return true;
	}
	return false;
}

void trap_print_cause(uint64_t esr, const char *sep)
{
	unsigned ec = esr_class(esr);

	console_puts("EC ");
	console_put_hex(ec);
	console_puts(": ");
	console_puts(esr_class_name(ec));
	if (esr_is_abort(ec)) {
		unsigned fsc = esr_fault_status(esr);
		int level = fault_status_level(fsc);

		console_puts(sep);
		console_puts("FSC ");
		console_put_hex(fsc);
		console_puts(": ");
		console_puts(fault_status_name(fsc));
		if (level >= 0) {
			console_puts(", level ");
			console_put_dec((uint64_t)level);
		}
		if (ec == 0x24 || ec == 0x25)
			console_puts(esr_is_write(esr) ? " (write)" : " (read)");
	}
}

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
	exit_set_psci_conduit(PSCI_CONDUIT_NONE);   /* the exit must not call it again */
	stub_exit(EXIT_PSCI_NO_FIRMWARE);
}

void handle_exception(unsigned slot, struct exception_frame *f)
{
	unsigned ec = esr_class(f->esr);
	struct psci_in_flight psci;

	if ((slot & 3) == VECTOR_TYPE_SYNC && ec == 0x00 &&
	    f->elr == (uint64_t)(uintptr_t)semihost_trap) {
		f->x[0] = SEMIHOST_ABSENT;
		f->elr += 4;
		return;
	}
	/* EC 0x00, on the HVC/SMC itself: UNDEFINED (lib/psci.c). */
	if ((slot & 3) == VECTOR_TYPE_SYNC && ec == 0x00 && psci_call_trapped(f->elr, &psci)) {
		report_psci_trap(&psci, f);
		return;
	}
	/* The product's own: only with the MMU on (before it the bss, where
	 * the resolver and the guard live, is not cleared yet). */
	if (read_sysreg(sctlr_el1) & SCTLR_EL1_M) {
		if ((slot & 3) == VECTOR_TYPE_SYNC && slot < 8 && abort_resolver &&
		    abort_resolver(f->esr, f->far))
			return;
		if (guarded_fixup(slot, f))
			return;
	}
	if (hooks_exception_fixup(slot, f))     /* the test build's, if any */
		return;
	if (!(read_sysreg(sctlr_el1) & SCTLR_EL1_M))
		early_clear_bss();   /* MMU off: bss not cleared yet, no UART known */
	if (reporting++) {
		console_puts("\nstub: FATAL: exception while reporting an exception\n");
		stub_exit(EXIT_EXCEPTION);
	}
	console_puts("\n*** unexpected exception: ");
	console_puts(vector_slot_name(slot));
	console_puts("\n    ");
	trap_print_cause(f->esr, "\n    ");
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
