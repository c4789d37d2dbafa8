/*
 * psci.c - PSCI calls through the DTB's (or the board's) conduit.
 */
#include "psci.h"

const char *psci_conduit_name(enum psci_conduit conduit)
{
	if (conduit == PSCI_CONDUIT_HVC)
		return "hvc";
	if (conduit == PSCI_CONDUIT_SMC)
		return "smc";
	return "none";
}

int64_t psci_call(enum psci_conduit conduit, uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3)
{
	register uint64_t x0 __asm__("x0") = fn;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	register uint64_t x3 __asm__("x3") = a3;

	if (conduit == PSCI_CONDUIT_HVC)
		__asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
	else if (conduit == PSCI_CONDUIT_SMC)
		__asm__ volatile("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
	else
		return -1;
	return (int64_t)x0;
}
