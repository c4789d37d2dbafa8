/*
 * psci.h - calls to the firmware's PSCI (Arm DEN 0022, "Power State
 * Coordination Interface").
 *
 * Owns: the conduit (HVC or SMC: set once the DTB has been read, as
 * Linux's drivers/firmware/psci/psci.c sets its invoke function; NONE
 * until then, and when nothing runs below the image), the conduit names,
 * the function IDs this stub uses (and their names), the calls, and the
 * record of the call in flight that lets the exception handler name a call
 * nothing answered. Safe with the MMU off or on.
 */
#ifndef PSCI_H
#define PSCI_H

#define PSCI_0_2_FN_PSCI_VERSION 0x84000000
#define PSCI_0_2_FN_CPU_OFF      0x84000002
#define PSCI_0_2_FN_SYSTEM_OFF   0x84000008
#define PSCI_0_2_FN64_CPU_ON     0xc4000003
#define PSCI_RET_SUCCESS         0
#define PSCI_RET_NOT_SUPPORTED   (-1)
#define PSCI_RET_INVALID_PARAMS  (-2)
#define PSCI_RET_ALREADY_ON      (-4)

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stdint.h>

enum psci_conduit { PSCI_CONDUIT_NONE, PSCI_CONDUIT_HVC, PSCI_CONDUIT_SMC };

/* A call between its HVC/SMC and that instruction's return. */
struct psci_in_flight {
	uint64_t insn;                 /* address of its HVC or SMC; 0: no call */
	uint64_t fn;
	enum psci_conduit conduit;
};

/* The conduit a DTB or the FADT names, where something can answer it for
 * an image entered at entry_el: none at EL3 (nothing runs below the
 * image); none for HVC at EL2 (it would reach the image's own EL2, which
 * has no vector: no hypervisor lies below it). */
static inline enum psci_conduit psci_usable_conduit(enum psci_conduit c, unsigned entry_el)
{
	if (entry_el == 3 || (entry_el == 2 && c == PSCI_CONDUIT_HVC))
		return PSCI_CONDUIT_NONE;
	return c;
}

/* The conduit every call below uses. */
void psci_set_conduit(enum psci_conduit conduit);
enum psci_conduit psci_conduit(void);
const char *psci_conduit_name(enum psci_conduit conduit);
/* "CPU_ON", "SYSTEM_OFF", "PSCI_VERSION"; "function" for the others. */
const char *psci_function_name(uint64_t fn);
/* x0 = fn, x1..x3 = args through HVC #0 or SMC #0 (the conduit set);
 * returns x0. With no conduit, returns PSCI_RET_NOT_SUPPORTED without
 * calling. One caller at a time (the boot CPU; stub_exit), as the
 * in-flight record is one. */
int64_t psci_call(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);
int64_t psci_cpu_on(uint64_t mpidr, uint64_t entry_pa, uint64_t context);
int64_t psci_system_off(void);
/* CPU_OFF, for the calling CPU: only a secondary that CPU_ON started over
 * the conduit set makes it (the conduit answers: there is no trap to
 * name), so it keeps no in-flight record (the boot CPU's calls use it
 * meanwhile). Returns only if the firmware refused (DENIED). */
int64_t psci_cpu_off(void);
/* True, with *call, when elr is the HVC/SMC of the call in flight: the
 * exception was taken on that instruction itself (UNDEFINED: EC 0x00), so
 * no firmware answered. */
bool psci_call_trapped(uint64_t elr, struct psci_in_flight *call);
#endif

#endif /* PSCI_H */
