/*
 * psci.c - PSCI calls through the conduit the DTB names, and the record
 * of the one in flight (see psci.h).
 *
 * An HVC with no EL2, or an SMC with no EL3 (or with SCR_EL3.SMD set), is
 * UNDEFINED at EL1 (Arm ARM C6.2 "HVC", "SMC"): the exception is taken to
 * EL1 on the instruction itself, with EC 0x00. The instruction's address
 * is recorded by the same asm statement that executes it, so the exception
 * handler can tell that case from any other.
 */
#include "psci.h"

static volatile struct psci_in_flight in_flight;
static enum psci_conduit conduit_in_use;

void psci_set_conduit(enum psci_conduit conduit)
{
	conduit_in_use = conduit;
}

enum psci_conduit psci_conduit(void)
{
	return conduit_in_use;
}

const char *psci_conduit_name(enum psci_conduit conduit)
{
	if (conduit == PSCI_CONDUIT_HVC)
		return "hvc";
	if (conduit == PSCI_CONDUIT_SMC)
		return "smc";
	return "none";
}

const char *psci_function_name(uint64_t fn)
{
	if (fn == PSCI_0_2_FN64_CPU_ON)
		return "CPU_ON";
	if (fn == PSCI_0_2_FN_SYSTEM_OFF)
		return "SYSTEM_OFF";
	if (fn == PSCI_0_2_FN_PSCI_VERSION)
		return "PSCI_VERSION";
	if (fn == PSCI_0_2_FN_CPU_OFF)
		return "CPU_OFF";
	return "function";
}

#ifndef HOST_BUILD   /* the calls: the target only (the names are host-tested) */
/* adr/str store the address of the HVC/SMC (label 1) in *insn_at just
 * before it runs; "memory": what the caller recorded is stored before too.
 * SMCCC v1.0 firmware may corrupt x4-x17 (Arm DEN 0028, "SMC Calling
 * Convention"): clobbered. */
#define PSCI_TRAP_INSN(op)                                                            \
	__asm__ volatile("adr %[at], 1f\n\t"                                          \
			 "str %[at], %[slot]\n"                                       \
			 "1:\t" op " #0"                                              \
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), [at] "=&r"(at),    \
			   [slot] "=m"(*insn_at)                                      \
			 : : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13",  \
			     "x14", "x15", "x16", "x17", "memory")

/* The one HVC/SMC of every call: fn and its arguments over a conduit
 * (HVC or SMC), the instruction's address stored at insn_at first. */
static int64_t conduit_call(enum psci_conduit conduit, uint64_t fn, uint64_t a1, uint64_t a2,
			    uint64_t a3, volatile uint64_t *insn_at)
{
	register uint64_t x0 __asm__("x0") = fn;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	register uint64_t x3 __asm__("x3") = a3;
	uint64_t at;

	if (conduit == PSCI_CONDUIT_HVC)
		PSCI_TRAP_INSN("hvc");
	else
		PSCI_TRAP_INSN("smc");
	return (int64_t)x0;
}

int64_t psci_call(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3)
{
	enum psci_conduit conduit = conduit_in_use;
	int64_t ret;

	if (conduit != PSCI_CONDUIT_HVC && conduit != PSCI_CONDUIT_SMC)
		return PSCI_RET_NOT_SUPPORTED;
	in_flight.fn = fn;
	in_flight.conduit = conduit;
	ret = conduit_call(conduit, fn, a1, a2, a3, &in_flight.insn);
	in_flight.insn = 0;
	return ret;
}

int64_t psci_cpu_off(void)
{
	/* A secondary's: its own slot, not the boot CPU's record (psci.h). */
	volatile uint64_t insn_at;

	if (conduit_in_use != PSCI_CONDUIT_HVC && conduit_in_use != PSCI_CONDUIT_SMC)
		return PSCI_RET_NOT_SUPPORTED;
	return conduit_call(conduit_in_use, PSCI_0_2_FN_CPU_OFF, 0, 0, 0, &insn_at);
}

bool psci_call_trapped(uint64_t elr, struct psci_in_flight *call)
{
	if (!in_flight.insn || elr != in_flight.insn)
		return false;
	call->insn = in_flight.insn;
	call->fn = in_flight.fn;
	call->conduit = in_flight.conduit;
	return true;
}

int64_t psci_cpu_on(uint64_t mpidr, uint64_t entry_pa, uint64_t context)
{
	return psci_call(PSCI_0_2_FN64_CPU_ON, mpidr, entry_pa, context);
}

int64_t psci_system_off(void)
{
	return psci_call(PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
}
#endif
