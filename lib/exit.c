/*
 * exit.c - end the run with a status (see exit.h).
 *
 * Order: semihosting SYS_EXIT_EXTENDED (QEMU -semihosting: its exit code is
 * the status), then PSCI SYSTEM_OFF through the DTB's conduit (QEMU ends; the
 * status is only printed), then park. Safe with the MMU off or on.
 */
#include "console.h"
#include "exit.h"

#define PSCI_0_2_FN_SYSTEM_OFF       0x84000008

static enum psci_conduit exit_conduit;

void exit_set_psci_conduit(enum psci_conduit conduit)
{
	exit_conduit = conduit;
}

enum psci_conduit exit_psci_conduit(void)
{
	return exit_conduit;
}

const char *psci_conduit_name(enum psci_conduit conduit)
{
	if (conduit == PSCI_CONDUIT_HVC)
		return "hvc";
	if (conduit == PSCI_CONDUIT_SMC)
		return "smc";
	return "none";
}

static void psci_system_off(enum psci_conduit conduit)
{
	register uint64_t x0 __asm__("x0") = PSCI_0_2_FN_SYSTEM_OFF;

	if (conduit == PSCI_CONDUIT_HVC)
		__asm__ volatile("hvc #0" : "+r"(x0) : : "x1", "x2", "x3", "memory");
	else if (conduit == PSCI_CONDUIT_SMC)
		__asm__ volatile("smc #0" : "+r"(x0) : : "x1", "x2", "x3", "memory");
}

void stub_exit(int status)
{
	uint64_t block[2] = { ADP_Stopped_ApplicationExit, (uint64_t)status };

	console_puts("stub: exit status ");
	console_put_dec((uint64_t)status);
	console_puts("\n");
	console_flush();
	semihost_call(SEMIHOSTING_SYS_EXIT_EXTENDED, (uint64_t)(uintptr_t)block);
	/* Still here: no semihosting. */
	psci_system_off(exit_conduit);
	console_puts("stub: no semihosting and no PSCI: parked (status above)\n");
	console_flush();
	for (;;)
		__asm__ volatile("wfe");
}
