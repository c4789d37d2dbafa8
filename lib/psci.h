/*
 * psci.h - calls to the firmware's PSCI (Arm DEN 0022, "Power State
 * Coordination Interface").
 *
 * Owns: the conduit names, the function IDs this stub uses, and psci_call().
 * Safe with the MMU off or on.
 */
#ifndef PSCI_H
#define PSCI_H

#define PSCI_0_2_FN_SYSTEM_OFF   0x84000008
#define PSCI_0_2_FN64_CPU_ON     0xc4000003
#define PSCI_RET_SUCCESS         0
#define PSCI_RET_INVALID_PARAMS  (-2)
#define PSCI_RET_ALREADY_ON      (-4)

#ifndef __ASSEMBLER__
#include <stdint.h>

enum psci_conduit { PSCI_CONDUIT_NONE, PSCI_CONDUIT_HVC, PSCI_CONDUIT_SMC };

const char *psci_conduit_name(enum psci_conduit conduit);
/* x0 = fn, x1..x3 = args through HVC #0 or SMC #0; returns x0. With no
 * conduit, returns PSCI_RET_NOT_SUPPORTED (-1) without calling. */
int64_t psci_call(enum psci_conduit conduit, uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);
#endif

#endif /* PSCI_H */
