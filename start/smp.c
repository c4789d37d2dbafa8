/*
 * smp.c - bringing up the other CPUs (see smp.h).
 *
 * How a CPU is started: entered at EL3 (no firmware below the image), by
 * the board's operation if it has one (board_ops.h), else from the holding
 * pen (QEMU starts every core of an ELF at the entry); below EL3 by the
 * CPU's enable-method in the DTB: "psci" (CPU_ON through /psci's conduit)
 * or "spin-table" (its cpu-release-addr). A CPU that cannot be started is
 * named with the reason.
 *
 * Waiting costs nothing: the boot CPU sleeps in WFE between a secondary's
 * SEVs (one as it arrives, one when its checks are done), the generic
 * timer's event stream waking it often enough to keep the bound; a
 * secondary, its checks done, is powered off by PSCI CPU_OFF when PSCI
 * started it (nothing here needs it again), else sleeps in WFI (no
 * interrupt is ever routed to it).
 */
#include <stdio.h>
#include "board_ops.h"
#include "cache.h"
#include "console.h"
#include "exit.h"
#include "hw.h"
#include "kernel_map.h"
#include "psci.h"
#include "result.h"
#include "sections.h"
#include "smp.h"
#include "sysreg.h"
#include "xlat.h"

_Static_assert(__builtin_offsetof(struct secondary_boot_args, ttbr0) == SBA_TTBR0, "SBA");
_Static_assert(__builtin_offsetof(struct secondary_boot_args, ttbr1) == SBA_TTBR1, "SBA");
_Static_assert(__builtin_offsetof(struct secondary_boot_args, tcr) == SBA_TCR, "SBA");
_Static_assert(__builtin_offsetof(struct secondary_boot_args, cpu) == SBA_CPU, "SBA");
_Static_assert(__builtin_offsetof(struct secondary_boot_args, stack_top) == SBA_STACK_TOP, "SBA");
_Static_assert(sizeof(struct secondary_boot_args) == SBA_SIZE, "SBA");
_Static_assert(MACHINE_MAX_CPUS >= NR_CPUS, "the DTB reader keeps every CPU the stub brings up");

/* Read with the MMU off by secondaries: cleaned to the PoC after writing.
 * pen_release is in .data, not .bss, so that it is 0 from the moment the
 * image is loaded: pen CPUs read it before the boot CPU clears the bss
 * (affinity 0 is the boot CPU's, never a pen CPU's). */
struct secondary_boot_args secondary_boot_args __attribute__((aligned(64)));
struct { uint64_t mpidr, entry; } pen_release __attribute__((aligned(64), section(".data")));
_Static_assert(__builtin_offsetof(__typeof__(pen_release), mpidr) == PEN_MPIDR, "pen");
_Static_assert(__builtin_offsetof(__typeof__(pen_release), entry) == PEN_ENTRY, "pen");

/* ARRIVED: running C at the link address (its MMU on), checks to come. */
enum cpu_state { CPU_OFF, CPU_STARTING, CPU_ARRIVED, CPU_DONE };
/* The plan: logical CPU n (1 .. nr_secondaries) is the DTB's cpu[planned[n]]. */
static int planned[NR_CPUS];
static unsigned nr_secondaries;
static unsigned cpu_state[NR_CPUS];
static unsigned cpu_entry_el[NR_CPUS];
static bool cpu_by_psci[NR_CPUS];      /* started by CPU_ON: parks by CPU_OFF */
static const struct smp_env *smp;      /* for secondary_main */
static unsigned printing_cpu;

void libc_init(void);

/* A started CPU reaches C within a few thousand instructions; its checks
 * take a few million. (Under QEMU -icount 1 ms is a million instructions:
 * a CPU that never comes costs the arrival timeout.) */
#define SECONDARY_ARRIVAL_MS 100
#define SECONDARY_TIMEOUT_MS 1000

/* What a CPU with its MMU (and so its caches) off reads: to the PoC. */
static void clean_to_poc(const void *va, uint64_t size)
{
	dcache_clean_poc((uintptr_t)va, (uintptr_t)va + size);
}

static uint64_t image_pa(const void *va)
{
	return maps_image_phys(smp->layout, (uintptr_t)va);
}

unsigned smp_plan(const struct machine *m)
{
	const struct machine_cpus *dt = &m->cpus;
	uint64_t self = read_sysreg(mpidr_el1) & MPIDR_HWID_MASK;
	int unavailable = 0;
	bool self_listed = false;

	nr_secondaries = 0;
	if (dt->problem.err == MACHINE_ERR_NO_CPUS) {
		printf("smp: the DTB has no /cpus: the boot CPU only\n");
		return 0;
	}
	for (int i = 0; i < dt->n_cpus; i++) {
		if (dt->cpu[i].mpidr == self) {
			self_listed = true;
			continue;
		}
		if (!dt->cpu[i].available) {
			unavailable++;
			continue;
		}
		if (nr_secondaries + 1 >= NR_CPUS) {
			printf("smp: %s (MPIDR 0x%llx) beyond NR_CPUS (%d): left off\n", dt->cpu[i].node,
			       (unsigned long long)dt->cpu[i].mpidr, NR_CPUS);
			continue;
		}
		planned[++nr_secondaries] = i;
	}
	if (!self_listed)
		printf("smp: the boot CPU's MPIDR 0x%llx is not in the DTB's /cpus\n",
		       (unsigned long long)self);
	if (unavailable || dt->n_dropped)
		printf("smp: left out: %d CPUs not available (status), %d beyond the DTB reader's %d\n",
		       unavailable, dt->n_dropped, MACHINE_MAX_CPUS);
	return nr_secondaries;
}

static void prepare_boot_args(void)
{
	struct secondary_boot_args *a = &secondary_boot_args;

	/* The boot CPU's own values (tcr_el1_value() computed them once at
	 * boot), with TTBR0 walks on: a secondary turns its MMU on from the
	 * identity map, the early map's root. */
	a->ttbr0 = read_sysreg(ttbr0_el1);      /* the identity: shared root or its own */
	a->ttbr1 = read_sysreg(ttbr1_el1);
	a->tcr = read_sysreg(tcr_el1) & ~TCR_EPD0;
}

enum start_method { START_NONE, START_PSCI, START_SPIN_TABLE, START_PEN, START_BOARD };

static const char *method_name(enum start_method m)
{
	switch (m) {
	case START_PSCI:       return "PSCI CPU_ON";
	case START_SPIN_TABLE: return "spin table";
	case START_PEN:        return "holding pen";
	case START_BOARD:      return "board operation";
	default:               return "none";
	}
}

static enum start_method method_of(const struct machine_cpu *c, const struct board_ops *board)
{
	if (smp->entry_el == 3)          /* no firmware below: the enable-method is not ours */
		return board && board->cpu_start_el3 ? START_BOARD : START_PEN;
	switch (c->enable) {
	case MACHINE_CPU_ENABLE_PSCI:       return START_PSCI;
	case MACHINE_CPU_ENABLE_SPIN_TABLE: return START_SPIN_TABLE;
	default:                            return START_NONE;
	}
}

/* Start logical CPU cpu. 0 started, 1 not present or cannot be started
 * (named, left off), -1 failed. */
static int start_cpu(enum start_method method, unsigned cpu, const struct machine_cpu *c,
		     const struct board_ops *board)
{
	uint64_t entry = image_pa((const void *)secondary_entry);
	struct secondary_boot_args *a = &secondary_boot_args;

	a->cpu = cpu;
	a->stack_top = maps_virt_stack(cpu) + BOOT_STACK_SIZE;
	clean_to_poc(a, sizeof(*a));
	switch (method) {
	case START_PSCI: {
		int64_t rc;

		if (psci_conduit() == PSCI_CONDUIT_NONE) {
			printf("cpu%u: enable-method psci, but the DTB names no usable /psci conduit: "
			       "left off\n", cpu);
			return 1;
		}
		rc = psci_cpu_on(c->mpidr, entry, cpu);
		if (rc == PSCI_RET_INVALID_PARAMS) {
			printf("cpu%u: not present (PSCI: invalid MPIDR 0x%llx)\n", cpu,
			       (unsigned long long)c->mpidr);
			return 1;
		}
		if (rc != PSCI_RET_SUCCESS) {
			printf("cpu%u: PSCI CPU_ON(0x%llx) returned %lld\n", cpu,
			       (unsigned long long)c->mpidr, (long long)rc);
			return -1;
		}
		return 0;
	}
	case START_PEN:
		/* Pen CPUs ran el_setup at the entry: skip it, keep their EL. */
		pen_release.entry = image_pa((const void *)secondary_el1);
		clean_to_poc(&pen_release, sizeof(pen_release));
		dsb(sy);
		pen_release.mpidr = c->mpidr;
		clean_to_poc(&pen_release, sizeof(pen_release));
		dsb(sy);
		__asm__ volatile("sev" : : : "memory");
		return 0;
	case START_SPIN_TABLE: {
		uint64_t *box;

		if (!c->has_release_addr || !maps_linear_has(smp->layout, c->phys_release_addr)) {
			printf("cpu%u: spin-table without a cpu-release-addr in the linear map (0x%llx): "
			       "left off\n", cpu, (unsigned long long)c->phys_release_addr);
			return 1;
		}
		/* The firmware's mailbox for this core, through the linear map. */
		box = (uint64_t *)(uintptr_t)maps_phys_to_virt(smp->layout, c->phys_release_addr);
		*box = entry;
		clean_to_poc(box, sizeof(*box));
		dsb(sy);
		__asm__ volatile("sev" : : : "memory");
		return 0;
	}
	case START_BOARD: {
		struct board_env env = { smp->xlat };

		return board->cpu_start_el3(&env, c->mpidr, entry) ? -1 : 0;
	}
	default:
		printf("cpu%u: enable-method %s: no way to start it (psci or spin-table): left off\n",
		       cpu, c->enable_method ? c->enable_method : "(none)");
		return 1;
	}
}

/* CNTKCTL_EL1 (Arm ARM D13.8.15): EVNTEN generates an event each time
 * bit EVNTI of the virtual count flips (D11.2.3, "Event streams"). Bit 9:
 * every 1024 ticks, 16 us at QEMU's 62.5 MHz, well inside any bound. */
#define CNTKCTL_EVNTEN       (1ul << 2)
#define CNTKCTL_EVNTI_SHIFT  4
#define CNTKCTL_EVNTI_MASK   (0xful << CNTKCTL_EVNTI_SHIFT)
#define EVENT_STREAM_BIT     9ul

/* Until cpu_state[cpu] reaches state, at most ms milliseconds: asleep in
 * WFE, woken by the secondary's SEV or the event stream. */
static bool wait_state(unsigned cpu, unsigned state, unsigned ms)
{
	uint64_t freq = read_sysreg(cntfrq_el0), start = read_sysreg(cntvct_el0);

	while (__atomic_load_n(&cpu_state[cpu], __ATOMIC_ACQUIRE) < state) {
		if (read_sysreg(cntvct_el0) - start > freq / 1000 * ms)
			return false;
		__asm__ volatile("wfe" : : : "memory");
	}
	return true;
}

/* The event stream on (returns the old CNTKCTL_EL1, to put back). */
static uint64_t event_stream_on(void)
{
	uint64_t old = read_sysreg(cntkctl_el1);

	write_sysreg((old & ~CNTKCTL_EVNTI_MASK) | CNTKCTL_EVNTEN |
		     (EVENT_STREAM_BIT << CNTKCTL_EVNTI_SHIFT), cntkctl_el1);
	isb();
	return old;
}

/* "smp: N other CPUs in the DTB..." before any starts: what printf would
 * print, through the console directly (the line grows no cost per CPU
 * but its count). */
static void report_plan(const struct smp_env *env, const struct board_ops *board)
{
	unsigned by[START_BOARD + 1] = { 0 };
	const char *source = env->machine->fdt ? "DTB" : "MADT";

	if (!nr_secondaries) {
		console_puts("smp: no other CPU in the ");
		console_puts(source);
		console_puts("\n");
		return;
	}
	console_puts("smp: ");
	console_put_dec(nr_secondaries);
	if (env->entry_el == 3) {
		console_puts(" other CPUs in the DTB; entered at EL3 (no firmware): ");
		console_puts(board ? "the board's operation, " : "the holding pen");
		console_puts(board ? board->name : "");
		console_puts("\n");
		return;
	}
	for (unsigned cpu = 1; cpu <= nr_secondaries; cpu++)
		by[method_of(&env->machine->cpus.cpu[planned[cpu]], NULL)]++;
	console_puts(" other CPUs in the ");
	console_puts(source);
	console_puts(": ");
	console_put_dec(by[START_PSCI]);
	console_puts(" by PSCI CPU_ON, ");
	console_put_dec(by[START_SPIN_TABLE]);
	console_puts(" by spin table, ");
	console_put_dec(by[START_NONE]);
	console_puts(" without a usable enable-method\n");
}

int smp_bring_up(const struct smp_env *env)
{
	const struct board_ops *board;
	int online = 1, failed = 0, left_off = 0;
	uint64_t cntkctl;

	smp = env;
	board = env->entry_el == 3 ? board_ops_find(env->machine) : NULL;
	prepare_boot_args();
	cntkctl = event_stream_on();
	report_plan(env, board);
	for (unsigned cpu = 1; cpu <= nr_secondaries; cpu++) {
		const struct machine_cpu *c = &env->machine->cpus.cpu[planned[cpu]];
		enum start_method method = method_of(c, board);
		int rc;

		__atomic_store_n(&cpu_state[cpu], CPU_STARTING, __ATOMIC_RELEASE);
		cpu_by_psci[cpu] = method == START_PSCI;   /* read with its MMU on */
		rc = start_cpu(method, cpu, c, board);
		if (rc > 0) {
			left_off++;
			continue;
		}
		if (rc == 0 && !wait_state(cpu, CPU_ARRIVED, SECONDARY_ARRIVAL_MS) &&
		    method == START_PEN) {
			/* At EL3 nothing says whether a core runs at all. */
			printf("cpu%u: MPIDR 0x%llx never came to the holding pen (not started by "
			       "anything): left off\n", cpu, (unsigned long long)c->mpidr);
			left_off++;
			continue;
		}
		if (rc < 0 || !wait_state(cpu, CPU_DONE, SECONDARY_TIMEOUT_MS)) {
			if (rc == 0)
				printf("cpu%u: FAIL: %s within %d ms (%s)\n", cpu,
				       cpu_state[cpu] < CPU_ARRIVED ? "did not arrive" : "checks not done",
				       cpu_state[cpu] < CPU_ARRIVED ? SECONDARY_ARRIVAL_MS
				       : SECONDARY_TIMEOUT_MS, method_name(method));
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
	write_sysreg(cntkctl, cntkctl_el1);
	isb();
	printf("cpus: %d online", online);
	result_cpus((unsigned)online);
	if (left_off)
		printf(", %d left off", left_off);
	printf("\n");
	return failed;
}

/* Where a secondary ends, its checks done (a function of its own: the
 * mark make bench counts a secondary's work to). Off, or asleep. */
static __attribute__((noinline, noreturn)) void secondary_park(unsigned cpu)
{
	if (cpu_by_psci[cpu])
		(void)psci_cpu_off();          /* returns only if refused */
	for (;;)
		__asm__ volatile("wfi");
}

static void print_cpu_line(const char *line)
{
	printf("  cpu%u: %s\n", printing_cpu, line);
}

/* "cpu1: entered at EL1, now EL1, MPIDR 0x..., SP 0x..., TTBR1 0x...": what
 * printf("... %u ... 0x%llx ...") would print, without the formatter (a
 * secondary's whole work is a few thousand instructions). */
static void report_arrival(unsigned cpu, unsigned entry_el, uint64_t el, uint64_t sp)
{
	console_puts("cpu");
	console_put_dec(cpu);
	console_puts(": entered at EL");
	console_put_dec(entry_el);
	console_puts(", now EL");
	console_put_dec(el);
	console_puts(", MPIDR ");
	console_put_hex(read_sysreg(mpidr_el1));
	console_puts(", SP ");
	console_put_hex(sp);
	console_puts(", TTBR1 ");
	console_put_hex(read_sysreg(ttbr1_el1));
	console_puts("\n");
}

/* Checks from this CPU's side: its own stack and the guard below it, and
 * addresses every CPU uses, through its own MMU and TLB. */
void secondary_main(unsigned cpu, unsigned entry_el)
{
	const struct image_symbols *s = smp->syms;
	uint64_t bottom = maps_virt_stack(cpu);
	struct probe probes[] = {
		{ "own stack top", bottom + BOOT_STACK_SIZE - 16 },
		{ "own stack guard", bottom - PAGE_SIZE },
		{ "text start", s->text + PAGE_SIZE },
		{ "rodata start", s->srodata },
		{ "data start", s->sdata },
		{ "linear first", (uint64_t)PAGE_OFFSET },
		{ "uart", maps_virt_uart(smp->layout) },
		{ "null page", 0 },
	};
	struct check_env env = {
		.phase = MAP_FINAL, .layout = smp->layout, .syms = s, .walk = smp->walk,
		.mair = read_sysreg(mair_el1), .at = hw_at, .print = print_cpu_line,
		.verbose = smp->verbose,
	};
	uint64_t el = (read_sysreg(CurrentEL) >> 2) & 3;

	libc_init();
	__atomic_store_n(&cpu_state[cpu], CPU_ARRIVED, __ATOMIC_RELEASE);
	__asm__ volatile("dsb ish; sev" : : : "memory");
	printing_cpu = cpu;
	cpu_entry_el[cpu] = entry_el;
	report_arrival(cpu, entry_el, el, (uintptr_t)__builtin_frame_address(0));
	check_run(&env, probes, (int)(sizeof(probes) / sizeof(probes[0])), smp->tally);
	__atomic_store_n(&cpu_state[cpu], CPU_DONE, __ATOMIC_RELEASE);
	__asm__ volatile("dsb ish; sev" : : : "memory");
	secondary_park(cpu);
}
