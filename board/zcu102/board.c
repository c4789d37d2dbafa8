/*
 * board/zcu102/board.c - what the Zynq UltraScale+ MPSoC (ZCU102) needs
 * that its DTB does not say: starting an APU core when this image was
 * itself entered at EL3 (no PSCI firmware below it to ask).
 *
 * Owns: the APU's reset vector registers and core reset bits (UG1085,
 * "APU_CTRL" RVBARADDRnL/H at 0xfd5c0040 + 8n; CRF_APB RST_FPD_APU at
 * 0xfd1a0104, bit n ACPUn_RESET). Below EL3 the DTB's PSCI does the job.
 *
 * Checked with QEMU 7.2 (-M xlnx-zcu102): CPUs 1-3 start powered off and
 * run nothing until started. Entered at EL3 (secure=on), writing the entry
 * to RVBARADDRnL/H and clearing ACPUn_RESET starts core n at EL3 at its
 * RVBAR; clearing only ACPUn_PWRON_RESET (bit 10 + n) does nothing in QEMU.
 * On the real board the PMU firmware must first have powered the core's
 * island (not modelled by QEMU, not checked here).
 */
#include <stdio.h>
#include "board_ops.h"
#include "kernel_map.h"

#define APU_RVBAR_PA(n)      (0xfd5c0040ULL + 8ULL * (n))
#define CRF_RST_FPD_APU_PA   0xfd1a0104ULL
#define ACPU_RESET_BIT(n)    (1u << (n))
#define ZYNQMP_APU_CORES     4

static int zcu102_cpu_start_el3(const struct board_env *env, uint64_t mpidr, uint64_t entry_pa)
{
	static volatile uint32_t *rvbar, *reset;      /* mapped once */
	unsigned core = (unsigned)(mpidr & 0xff);     /* one cluster: Aff0 */

	if ((mpidr & ~0xffULL) || core >= ZYNQMP_APU_CORES) {
		printf("zcu102: MPIDR 0x%llx is not an APU core\n", (unsigned long long)mpidr);
		return -1;
	}
	if (!rvbar)
		rvbar = (volatile uint32_t *)(uintptr_t)kernel_map_ioremap(
			env->xlat, APU_RVBAR_PA(0), 8 * ZYNQMP_APU_CORES);
	if (!reset)
		reset = (volatile uint32_t *)(uintptr_t)kernel_map_ioremap(
			env->xlat, CRF_RST_FPD_APU_PA, 4);
	if (!rvbar || !reset)
		return -1;
	/* The 64-bit reset vector as two words, then the core out of reset:
	 * it starts there at EL3. */
	rvbar[2 * core] = (uint32_t)entry_pa;
	rvbar[2 * core + 1] = (uint32_t)(entry_pa >> 32);
	__asm__ volatile("dsb sy" : : : "memory");
	*reset &= ~ACPU_RESET_BIT(core);
	__asm__ volatile("dsb sy" : : : "memory");
	return 0;
}

static const char *const zcu102_compatible[] = { "xlnx,zynqmp", NULL };

BOARD_OPS(zcu102_ops) = {
	.name = "zcu102",
	.compatible = zcu102_compatible,
	.cpu_start_el3 = zcu102_cpu_start_el3,
};
