/*
 * exit.c - end the run with a status (see exit.h).
 *
 * Order: semihosting SYS_EXIT_EXTENDED (QEMU -semihosting: its exit code is
 * the status), then PSCI SYSTEM_OFF through the DTB's conduit (QEMU ends; the
 * status is only printed), then park. Safe with the MMU off or on.
 */
#include "console.h"
#include "exit.h"
#include "psci.h"
#include "result.h"
#include "semihost.h"

void stub_exit(int status)
{
	uint64_t block[2] = { ADP_Stopped_ApplicationExit, (uint64_t)status };

	console_puts("stub: exit status ");
	console_put_dec((uint64_t)status);
	console_puts("\n");
	console_flush();
	result_end(status);
	semihost_call(SEMIHOSTING_SYS_EXIT_EXTENDED, (uint64_t)(uintptr_t)block);
	/* Still here: no semihosting. */
	(void)psci_system_off();
	console_puts("stub: no semihosting and no PSCI: parked (status above)\n");
	console_flush();
	for (;;)
		__asm__ volatile("wfe");
}
