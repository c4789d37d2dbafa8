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
#include "cpu_plan.h"
#include "exit.h"
#include "hw.h"
#include "kernel_map.h"
#include "pgalloc.h"
#include "psci.h"
#include "result.h"
#include "sections.h"
#include "strbuf.h"
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
/* The plan (cpu_plan.h): logical CPU n (1 .. plan.n) is the DTB's cpu[plan.dt[n]]. */
static struct cpu_plan plan;
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

static void say_line(const char *line, void *arg)
{
	(void)arg;
	printf("%s\n", line);
}

unsigned smp_plan(const struct machine *m, unsigned entry_el)
{
	const struct board_ops *board = entry_el == 3 ? board_ops_find(m) : NULL;

	cpu_plan_make(m, read_sysreg(mpidr_el1) & MPIDR_HWID_MASK, entry_el,
		      board && board->cpu_start_el3 ? board->name : NULL, &plan, say_line, NULL);
	return plan.n;
}

/* Whether a spin table's mailbox may be written (cpu_plan.h), against
 * what this boot holds; named and left off otherwise. */
static bool mailbox_writable(unsigned cpu, const struct machine_cpu *c)
{
	const struct boot_layout *l = smp->layout;
	struct cpu_held held[4 + PGALLOC_MAX_BANKS] = {
		{ l->phys_text, l->phys_text + l->image_size, "the image (its text, data, early tables, stack)" },
		{ l->phys_dtb, l->phys_dtb + l->dtb_size, "the DTB" },
		{ l->phys_pool, l->phys_pool + (l->phys_pool ? BOOT_POOL_PAGES * PAGE_SIZE : 0),
		  "the boot's table pool (the live tables)" },
		{ l->phys_stacks, l->phys_stacks + (uint64_t)l->nr_stacks * BOOT_STACK_SIZE,
		  "the secondaries' stacks" },
	};
	unsigned n_held = 4;
	const struct cpu_held *hit;
	const char *why;

	/* The allocator is running: its state bytes are live too. */
	for (unsigned i = 0; smp->pages && i < pgalloc_nr_banks(smp->pages); i++) {
		struct pgalloc_stats st;

		if (!pgalloc_stats(smp->pages, i, &st) && st.meta_pages)
			held[n_held++] = (struct cpu_held){ st.meta_pa,
							    st.meta_pa + st.meta_pages * PAGE_SIZE,
							    "the page allocator's metadata" };
	}
	why = cpu_release_addr_check(c, held, n_held, &hit);

	if (!why && !maps_linear_has(l, c->phys_release_addr))
		why = "cpu-release-addr not in the linear map (not RAM the boot maps)";
	if (!why)
		return true;
	printf("cpu%u: %s (%s, 0x%llx)%s%s: not written, left off\n", cpu, why, c->node,
	       (unsigned long long)c->phys_release_addr, hit ? ": " : "", hit ? hit->what : "");
	return false;
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

		if (!mailbox_writable(cpu, c))
			return 1;
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

int smp_bring_up(const struct smp_env *env)
{
	const struct board_ops *board;
	int online = 1, failed = 0, left_off = (int)plan.left_off;
	uint64_t cntkctl;

	smp = env;
	board = env->entry_el == 3 ? board_ops_find(env->machine) : NULL;
	char line[160];
	struct strbuf sb;

	prepare_boot_args();
	cntkctl = event_stream_on();
	/* Through the console directly: no formatter (the line costs its count). */
	strbuf_init(&sb, line, sizeof(line));
	cpu_plan_summary(&plan, &sb);
	console_puts(line);
	console_puts("\n");
	for (unsigned cpu = 1; cpu <= plan.n; cpu++) {
		const struct machine_cpu *c = &env->machine->cpus.cpu[plan.dt[cpu]];
		enum start_method method = plan.method[cpu];
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
				       : SECONDARY_TIMEOUT_MS, start_method_name(method));
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
 * secondary's whole work is a few thousand instructions), built whole and
 * written once: one pass through the UART's driver, not thirteen. */
static void report_arrival(unsigned cpu, unsigned entry_el, uint64_t el, uint64_t sp)
{
	char line[144];                 /* the longest line, every number at its widest */
	struct strbuf sb;

	strbuf_init(&sb, line, sizeof(line));
	strbuf_str(&sb, "cpu");
	strbuf_dec(&sb, cpu);
	strbuf_str(&sb, ": entered at EL");
	strbuf_dec(&sb, entry_el);
	strbuf_str(&sb, ", now EL");
	strbuf_dec(&sb, el);
	strbuf_str(&sb, ", MPIDR ");
	strbuf_hex(&sb, read_sysreg(mpidr_el1));
	strbuf_str(&sb, ", SP ");
	strbuf_hex(&sb, sp);
	strbuf_str(&sb, ", TTBR1 ");
	strbuf_hex(&sb, read_sysreg(ttbr1_el1));
	strbuf_char(&sb, '\n');
	console_write(line, sb.len);
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
