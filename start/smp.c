/*
 * smp.c - bringing up the other CPUs (see smp.h).
 *
 * How a CPU is started: PSCI CPU_ON when a conduit is known (the DTB's, or
 * the board's BOARD_PSCI_CONDUIT_NO_DTB); else, entered at EL3, the board's
 * BOARD_SMP_AT_EL3 (QEMU starts every core of an ELF at the entry: they wait
 * in the holding pen); else the board's BOARD_SMP_FIRMWARE (the Raspberry
 * Pi firmware's spin table). The CPUs are the available ones of the DTB's
 * /cpus (lib/machine.c), or the board's BOARD_NR_CPUS with Aff0 = 0, 1, ...
 * when there is no DTB or it has no /cpus.
 */
#include <stdio.h>
#include "board.h"
#include "cache.h"
#include "exit.h"
#include "hw.h"
#include "psci.h"
#include "smp.h"
#include "sysreg.h"
#include "xlat.h"

_Static_assert(__builtin_offsetof(struct secondary_boot_args, ttbr0) == SBA_TTBR0, "SBA");
_Static_assert(__builtin_offsetof(struct secondary_boot_args, ttbr1) == SBA_TTBR1, "SBA");
_Static_assert(__builtin_offsetof(struct secondary_boot_args, tcr) == SBA_TCR, "SBA");
_Static_assert(__builtin_offsetof(struct secondary_boot_args, stack_pa) == SBA_STACK_PA, "SBA");
_Static_assert(sizeof(struct secondary_boot_args) == SBA_SIZE, "SBA");

/* Read with the MMU off by secondaries: cleaned to the PoC after writing.
 * pen_release is in .data, not .bss, so that it is 0 from the moment the
 * image is loaded: pen CPUs read it before the boot CPU clears the bss. */
struct secondary_boot_args secondary_boot_args __attribute__((aligned(64)));
uint64_t pen_release[NR_CPUS] __attribute__((aligned(64), section(".data")));

enum cpu_state { CPU_OFF, CPU_STARTING, CPU_DONE };
static unsigned cpu_state[NR_CPUS];
static unsigned cpu_entry_el[NR_CPUS];
static const struct smp_env *smp;      /* for secondary_main */
static unsigned printing_cpu;

void secondary_entry(void);
void secondary_el1(void);
void libc_init(void);
extern char early_pgd[], cpu_stacks[];

#define SECONDARY_TIMEOUT_MS 1000

/* What a CPU with its MMU (and so its caches) off reads: to the PoC. */
static void clean_to_poc(const void *va, uint64_t size)
{
	dcache_clean_poc((uintptr_t)va, (uintptr_t)va + size);
}

static uint64_t image_pa(const void *va)
{
	return memmap_image_phys(smp->layout, (uintptr_t)va);
}

static void prepare_boot_args(void)
{
	struct secondary_boot_args *a = &secondary_boot_args;

	/* The boot CPU's own values (tcr_el1_value() computed them once at
	 * boot), with TTBR0 walks on: a secondary turns its MMU on from the
	 * identity map, the early map's root. */
	a->ttbr0 = image_pa(early_pgd);
	a->ttbr1 = read_sysreg(ttbr1_el1);
	a->tcr = read_sysreg(tcr_el1) & ~TCR_EPD0;
	a->stack_pa = image_pa(cpu_stacks) + CPU_STACK_STRIDE;
	clean_to_poc(a, sizeof(*a));
}

static const char *method_name(int method)
{
	switch (method) {
	case SMP_PEN:        return "holding pen";
	case SMP_SPIN_TABLE: return "firmware spin table";
	case SMP_RESET_RELEASE: return "reset vector + reset release";
	case SMP_NONE:       return "none";
	default:             return "PSCI CPU_ON";
	}
}

#define SMP_PSCI 100

static int choose_method(void)
{
	if (exit_psci_conduit() != PSCI_CONDUIT_NONE)
		return SMP_PSCI;
	return smp->entry_el == 3 ? BOARD_SMP_AT_EL3 : BOARD_SMP_FIRMWARE;
}

/* One device register page, mapped with the runtime API for a moment at
 * SCRATCH_VADDR, a level-1 slot the final map leaves free (memory.h). */
__attribute__((unused))
static volatile uint32_t *map_device(uint64_t pa)
{
	static const struct pte_attrs device = {
		.attrindx = MT_DEVICE_nGnRnE, .af = true, .pxn = true, .uxn = true,
	};
	int rc = xlat_map(smp->xlat, (uint64_t)SCRATCH_VADDR, pa & ~(uint64_t)(PAGE_SIZE - 1),
			  PAGE_SIZE, &device);

	if (rc) {
		printf("smp: mapping device page 0x%llx: %s\n", (unsigned long long)pa,
		       xlat_strerror(rc));
		return NULL;
	}
	return (volatile uint32_t *)(uintptr_t)((uint64_t)SCRATCH_VADDR + (pa & (PAGE_SIZE - 1)));
}

__attribute__((unused))
static void unmap_device(void)
{
	dsb(sy);                /* the device writes are done */
	(void)xlat_unmap(smp->xlat, (uint64_t)SCRATCH_VADDR, PAGE_SIZE);
}

/* Start one CPU. 0 started, 1 not present (PSCI says so), -1 failed. */
static int start_cpu(int method, unsigned cpu, uint64_t mpidr)
{
	uint64_t entry = image_pa((const void *)secondary_entry);

	switch (method) {
	case SMP_PSCI: {
		int64_t rc = psci_call(exit_psci_conduit(), PSCI_0_2_FN64_CPU_ON, mpidr, entry, cpu);

		if (rc == PSCI_RET_INVALID_PARAMS)
			return 1;
		if (rc != PSCI_RET_SUCCESS) {
			printf("cpu%u: PSCI CPU_ON(0x%llx) returned %lld\n", cpu,
			       (unsigned long long)mpidr, (long long)rc);
			return -1;
		}
		return 0;
	}
	case SMP_PEN:
		/* Pen CPUs ran el_setup at the entry: skip it, keep their EL. */
		pen_release[cpu] = image_pa((const void *)secondary_el1);
		clean_to_poc(&pen_release[cpu], sizeof(pen_release[cpu]));
		__asm__ volatile("sev" : : : "memory");
		return 0;
#ifdef BOARD_SPIN_TABLE_PA
	case SMP_SPIN_TABLE: {
		/* The firmware's mailbox for this core, through the linear map. */
		uint64_t *box = (uint64_t *)(uintptr_t)memmap_phys_to_virt(smp->layout,
						BOARD_SPIN_TABLE_PA + 8ULL * cpu);

		*box = entry;
		clean_to_poc(box, sizeof(*box));
		__asm__ volatile("sev" : : : "memory");
		return 0;
	}
#endif
#ifdef BOARD_RVBAR_PA
	case SMP_RESET_RELEASE: {
		/* The core's reset vector (64 bits as two words), then release
		 * its reset: it starts there at EL3. */
		volatile uint32_t *rvbar = map_device(BOARD_RVBAR_PA + 8ULL * cpu);
		volatile uint32_t *reset;

		if (!rvbar)
			return -1;
		rvbar[0] = (uint32_t)entry;
		rvbar[1] = (uint32_t)(entry >> 32);
		unmap_device();
		reset = map_device(BOARD_CORE_RESET_PA);
		if (!reset)
			return -1;
		*reset &= ~BOARD_CORE_RESET_BIT(cpu);
		unmap_device();
		return 0;
	}
#endif
	default:
		printf("cpu%u: no way to start it here (entered at EL%u, no PSCI)\n", cpu,
		       smp->entry_el);
		return -1;
	}
}

static bool wait_done(unsigned cpu)
{
	uint64_t freq = read_sysreg(cntfrq_el0), start = read_sysreg(cntvct_el0);

	while (__atomic_load_n(&cpu_state[cpu], __ATOMIC_ACQUIRE) != CPU_DONE) {
		if (read_sysreg(cntvct_el0) - start > freq / 1000 * SECONDARY_TIMEOUT_MS)
			return false;
		__asm__ volatile("yield");
	}
	return true;
}

int smp_bring_up(const struct smp_env *env)
{
	const struct machine_cpus *dt = env->machine && env->machine->cpus.problem.err !=
		MACHINE_ERR_NO_CPUS ? &env->machine->cpus : NULL;
	uint64_t mpidr[MACHINE_MAX_CPUS];
	int ncpus = 0, online = 1, failed = 0;
	int method;

	smp = env;
	if (dt) {
		for (int i = 0; i < dt->n_cpus; i++)
			if (dt->cpu[i].available)
				mpidr[ncpus++] = dt->cpu[i].mpidr;
	} else {
		_Static_assert(BOARD_NR_CPUS <= MACHINE_MAX_CPUS, "board.h: BOARD_NR_CPUS");
		for (; ncpus < BOARD_NR_CPUS; ncpus++)
			mpidr[ncpus] = (uint64_t)ncpus;
	}
	method = choose_method();
	prepare_boot_args();
	printf("smp: %d CPUs in the %s, started by %s\n", ncpus, dt ? "DTB" : "board facts",
	       method_name(method));
	if (dt && dt->n_cpus - ncpus + dt->n_dropped)
		printf("smp: left out: %d not available, %d beyond the reader's %d\n",
		       dt->n_cpus - ncpus, dt->n_dropped, MACHINE_MAX_CPUS);
	for (int i = 0; i < ncpus; i++) {
		unsigned cpu = (unsigned)(mpidr[i] & 0xff);
		int rc;

		if ((mpidr[i] & MPIDR_HWID_MASK) == BOARD_BOOT_CPU_MPIDR)
			continue;
		if (cpu >= NR_CPUS) {
			printf("cpu%u: beyond NR_CPUS (%d): left off\n", cpu, NR_CPUS);
			continue;
		}
		__atomic_store_n(&cpu_state[cpu], CPU_STARTING, __ATOMIC_RELEASE);
		rc = start_cpu(method, cpu, mpidr[i]);
		if (rc > 0) {
			printf("cpu%u: not present (PSCI: invalid MPIDR 0x%llx)\n", cpu,
			       (unsigned long long)mpidr[i]);
			continue;
		}
		if (rc < 0 || !wait_done(cpu)) {
			if (rc == 0)
				printf("cpu%u: FAIL: no answer within %d ms\n", cpu, SECONDARY_TIMEOUT_MS);
			failed++;
			continue;
		}
		if (cpu_entry_el[cpu] != env->entry_el) {
			printf("cpu%u: FAIL: entered at EL%u, the boot CPU at EL%u\n", cpu,
			       cpu_entry_el[cpu], env->entry_el);
			failed++;
		}
		online++;
	}
	printf("cpus: %d online\n", online);
	return failed;
}

static void print_cpu_line(const char *line)
{
	printf("  cpu%u: %s\n", printing_cpu, line);
}

/* Checks from this CPU's side: its own stack and the guard below it, and
 * addresses every CPU uses, through its own MMU and TLB. */
void secondary_main(unsigned cpu, unsigned entry_el)
{
	const struct image_symbols *s = smp->syms;
	uint64_t guard = s->stack_guard + cpu * CPU_STACK_STRIDE;
	struct probe probes[] = {
		{ "own stack top", guard + CPU_STACK_STRIDE - 16 },
		{ "own stack guard", guard },
		{ "text start", s->text },
		{ "rodata start", s->srodata },
		{ "data start", s->sdata },
		{ "linear first", (uint64_t)PAGE_OFFSET },
		{ "uart", memmap_virt_uart(smp->layout) },
		{ "null page", 0 },
	};
	struct check_env env = {
		.phase = MAP_FINAL, .layout = smp->layout, .syms = s, .walk = smp->walk,
		.mair = read_sysreg(mair_el1), .at = hw_at, .print = print_cpu_line,
		.verbose = smp->verbose,
	};
	uint64_t el = (read_sysreg(CurrentEL) >> 2) & 3;

	libc_init();
	printing_cpu = cpu;
	cpu_entry_el[cpu] = entry_el;
	printf("cpu%u: entered at EL%u, now EL%llu, MPIDR 0x%llx, SP 0x%llx, TTBR1 0x%llx\n", cpu,
	       entry_el, (unsigned long long)el, (unsigned long long)read_sysreg(mpidr_el1),
	       (unsigned long long)(uintptr_t)__builtin_frame_address(0),
	       (unsigned long long)read_sysreg(ttbr1_el1));
	check_run(&env, probes, (int)(sizeof(probes) / sizeof(probes[0])), smp->tally);
	__atomic_store_n(&cpu_state[cpu], CPU_DONE, __ATOMIC_RELEASE);
	__asm__ volatile("sev" : : : "memory");
	for (;;)
		__asm__ volatile("wfe");
}
