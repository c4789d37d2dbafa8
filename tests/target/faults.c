/*
 * faults.c - the fault tests (see faults.h). Test build only.
 */
#include <stdio.h>
#include "esr.h"
#include "faults.h"
#include "fault.h"
#include "memory.h"
#include "regs.h"
#include "sysreg.h"

/* tests/target/probes.S and el0.S */
void probe_stack_push(uint64_t sp);
uint64_t run_at_el0(uint64_t entry, uint64_t arg, uint64_t sp_el0);
__attribute__((noreturn)) void el0_return(uint64_t value);
extern char el0_page[];             /* el0.S: el0_read_and_return's page */
extern char probe_stack_push_insn[], probe_stack_push_fixup[];

#define FSC_TRANS(l) (FSC_TRANSLATION + (l))
#define FSC_PERM(l)  (FSC_PERMISSION + (l))
#define FSC_ALIGN    FSC_ALIGNMENT

/* What the handler saw. armed: a test is waiting for one fault. */
static struct {
	bool armed, taken, at_el0;
	uint64_t exec_target;        /* instruction-abort tests: the branch target */
	uint64_t esr, far, elr;
} rec;

static const struct { const char *insn, *fixup; } fixups[] = {
	{ probe_stack_push_insn, probe_stack_push_fixup },
};

/* Loads and stores go through the product's guarded accesses (one
 * recovery mechanism: mmu/fault.h), which hand back what the exception
 * left; it is recorded as the hook records the others. */
static void record(const struct caught_fault *c)
{
	rec.armed = false;
	rec.taken = true;
	rec.esr = c->esr, rec.far = c->far, rec.elr = c->elr;
}

static uint64_t probe_load(uint64_t va)
{
	struct caught_fault c;
	uint64_t value = 0;

	if (guarded_read64(va, &value, &c))
		record(&c);
	return value;
}

static void probe_store(uint64_t va, uint64_t value)
{
	struct caught_fault c;

	if (guarded_write64(va, value, &c))
		record(&c);
}

bool fault_tests_fixup(unsigned slot, struct exception_frame *f)
{
	unsigned ec = esr_class(f->esr);
	bool from_el0 = slot >= 8 && slot < 12;

	if (from_el0 && (slot & 3) == VECTOR_TYPE_SYNC && rec.at_el0) {
		if (ec == ESR_EC_SVC64)
			el0_return(f->x[0]);
		if (rec.armed && ec == ESR_EC_DABT_LOW) {
			rec.armed = false;
			rec.taken = true;
			rec.esr = f->esr, rec.far = f->far, rec.elr = f->elr;
			el0_return(~0ULL);
		}
		return false;
	}
	if (!rec.armed || (slot & 3) != VECTOR_TYPE_SYNC)
		return false;
	for (unsigned i = 0; i < sizeof(fixups) / sizeof(fixups[0]); i++) {
		if (f->elr == (uint64_t)(uintptr_t)fixups[i].insn && ec == ESR_EC_DABT_CUR) {
			rec.armed = false;
			rec.taken = true;
			rec.esr = f->esr, rec.far = f->far, rec.elr = f->elr;
			f->elr = (uint64_t)(uintptr_t)fixups[i].fixup;
			return true;
		}
	}
	if (ec == ESR_EC_IABT_CUR && f->elr == rec.exec_target) {
		rec.armed = false;
		rec.taken = true;
		rec.esr = f->esr, rec.far = f->far, rec.elr = f->elr;
		f->elr = f->x[30];           /* back to after the BLR */
		return true;
	}
	return false;
}

struct expect_fault {
	const char *name;
	unsigned ec, fsc;
	int wnr;                     /* 0 read, 1 write, -1 not a data abort */
	uint64_t far;
};

static void arm(void)
{
	rec.armed = true;
	rec.taken = false;
	rec.esr = rec.far = rec.elr = 0;
}

/* Compares what the handler recorded with e; prints one line. */
static bool judge(const struct expect_fault *e)
{
	unsigned ec = esr_class(rec.esr), fsc = esr_fault_status(rec.esr);
	int wnr = e->wnr < 0 ? -1 : (int)esr_is_write(rec.esr);
	char got[64], want[64];
	bool ok = rec.taken && ec == e->ec && fsc == e->fsc && wnr == e->wnr && rec.far == e->far;

	rec.armed = false;
	if (!rec.taken) {
		printf("[FAIL] fault %-22s no fault taken (expected EC 0x%02x FSC 0x%02x)\n",
		       e->name, e->ec, e->fsc);
		return false;
	}
	printf("[%s] fault %-22s EC 0x%02x FSC 0x%02x (%s)%s FAR 0x%016llx\n",
	       ok ? " ok " : "FAIL", e->name, ec, fsc, fault_status_format(fsc, got, sizeof(got)),
	       wnr < 0 ? "" : wnr ? " write" : " read", (unsigned long long)rec.far);
	if (!ok)
		printf("       expected EC 0x%02x FSC 0x%02x (%s)%s FAR 0x%016llx\n", e->ec, e->fsc,
		       fault_status_format(e->fsc, want, sizeof(want)),
		       e->wnr < 0 ? "" : e->wnr ? " write" : " read", (unsigned long long)e->far);
	return ok;
}

static bool load_fault(const char *name, uint64_t va, unsigned fsc)
{
	struct expect_fault e = { name, ESR_EC_DABT_CUR, fsc, 0, va };

	arm();
	(void)probe_load(va);
	return judge(&e);
}

/* A VA the final map leaves out at the given level: level 1 in a level-1
 * slot nothing uses, level 2 in the image's level-1 slot past its 2 MiB,
 * level 3 in the image's last level-3 table past _end. */
static uint64_t unmapped_at(const struct hook_env *env, int level)
{
	if (level == 1)
		return (uint64_t)VA_START + 300 * (uint64_t)SZ_1G;
	if (level == 2)
		return env->layout->virt_text + 5 * (uint64_t)SZ_2M;
	return env->layout->virt_text + env->layout->image_size;   /* the page after _end */
}

/* EL0's page of code and a stack page with an unmapped guard below it,
 * made so in the live final map with the runtime API (the product's map
 * has nothing EL0 may touch). Returns the stack top, or 0 on failure. */
static uint8_t el0_stack_area[2 * PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

static uint64_t el0_setup(const struct hook_env *env)
{
	static const struct pte_attrs el0_text = {
		.attrindx = MT_NORMAL, .sh = 3, .af = true, .rdonly = true, .user = true, .pxn = true,
	};
	static const struct pte_attrs el0_data = {
		.attrindx = MT_NORMAL, .sh = 3, .af = true, .user = true, .pxn = true, .uxn = true,
	};
	uint64_t text = (uintptr_t)el0_page, guard = (uintptr_t)el0_stack_area;
	int rc = xlat_protect(env->xlat, text, PAGE_SIZE, &el0_text);

	if (!rc)
		rc = xlat_unmap(env->xlat, guard, PAGE_SIZE);
	if (!rc)
		rc = xlat_protect(env->xlat, guard + PAGE_SIZE, PAGE_SIZE, &el0_data);
	if (rc) {
		printf("[FAIL] fault tests: EL0 page and stack: %s\n", xlat_strerror(rc));
		return 0;
	}
	return guard + 2 * PAGE_SIZE;
}

int fault_tests_run(const struct hook_env *env)
{
	const struct image_symbols *s = env->syms;
	const struct boot_layout *l = env->layout;
	static uint64_t data_word __attribute__((aligned(16)));
	uint64_t el0_stack_top;
	int passed = 0, failed = 0;
	struct expect_fault e;
	struct walk_result w;

#define COUNT(ok) do { if (ok) passed++; else failed++; } while (0)
	printf("fault tests (each provoked on purpose, recovered, ESR/FAR checked):\n");

	/* Translation faults at each level: the walk must agree on the level. */
	for (int level = 1; level <= 3; level++) {
		uint64_t va = unmapped_at(env, level);
		char name[24];

		sw_walk(env->walk, va, &w);
		snprintf(name, sizeof(name), "translation L%d", level);
		if (w.status != WALK_INVALID_DESC || w.fault_level != level) {
			printf("[FAIL] fault %-22s va 0x%llx: the walk ends at level %d, not %d\n",
			       name, (unsigned long long)va, w.fault_level, level);
			failed++;
			continue;
		}
		COUNT(load_fault(name, va, FSC_TRANS(level)));
	}

	e = (struct expect_fault){ "write to rodata", ESR_EC_DABT_CUR, FSC_PERM(3), 1, s->srodata };
	arm();
	probe_store(s->srodata, 0);
	COUNT(judge(&e));

	/* Execute from data: the fetch faults on the XN page itself. */
	e = (struct expect_fault){ "execute from data", ESR_EC_IABT_CUR, FSC_PERM(3), -1,
				   (uint64_t)(uintptr_t)&data_word };
	arm();
	rec.exec_target = (uint64_t)(uintptr_t)&data_word;
	((void (*)(void))(uintptr_t)&data_word)();
	COUNT(judge(&e));

	/* Device memory: any unaligned access faults, whatever SCTLR.A says
	 * (Arm ARM B2.5.2). QEMU 7.2 does not model that; there the fault is
	 * checked again with SCTLR_EL1.A = 1, and the line says so. */
	{
		uint64_t va = maps_virt_uart(l) + 0x19;   /* inside UARTFR: no side effects */

		e = (struct expect_fault){ "unaligned device read", ESR_EC_DABT_CUR, FSC_ALIGN, 0, va };
		arm();
		(void)probe_load(va);
		if (!rec.taken) {
			printf("       note: no alignment fault on Device memory with SCTLR_EL1.A=0 "
			       "(this CPU model does not check it); again with A=1\n");
			write_sysreg(read_sysreg(sctlr_el1) | SCTLR_EL1_A, sctlr_el1);
			isb();
			arm();
			(void)probe_load(va);
			write_sysreg(read_sysreg(sctlr_el1) & ~SCTLR_EL1_A, sctlr_el1);
			isb();
		}
		COUNT(judge(&e));
	}

	/* A call that overflows the stack lands in the guard page below it. */
	e = (struct expect_fault){ "stack guard page", ESR_EC_DABT_CUR, FSC_TRANS(3), 1,
				   s->stack_bottom - 16 };
	arm();
	probe_stack_push(s->stack_bottom);
	COUNT(judge(&e));

	/* TTBR0 is closed (EPD0): the old identity map of the image is gone. */
	COUNT(load_fault("low address, TTBR0 off", l->phys_text, FSC_TRANS(0)));

	/* EL0 may run its one page but not touch kernel memory. */
	el0_stack_top = el0_setup(env);
	if (!el0_stack_top) {
		failed += 2;
	} else {
		/* and EL0 may read its own stack page: SVC brings the value back. */
		uint64_t *el0_word = (uint64_t *)(uintptr_t)(el0_stack_top - 8);
		uint64_t got;

		e = (struct expect_fault){ "EL0 reads kernel data", ESR_EC_DABT_LOW, FSC_PERM(3), 0,
					   s->sdata };
		rec.at_el0 = true;
		arm();
		(void)run_at_el0((uintptr_t)el0_page, s->sdata, el0_stack_top);
		COUNT(judge(&e));
		*el0_word = 0x5eed0e10;
		got = run_at_el0((uintptr_t)el0_page, el0_stack_top - 8, el0_stack_top - 16);
		printf("[%s] fault %-22s none, as it must: EL0 read 0x%llx (want 0x5eed0e10)\n",
		       got == 0x5eed0e10 ? " ok " : "FAIL", "EL0 reads its page", (unsigned long long)got);
		COUNT(got == 0x5eed0e10);
		rec.at_el0 = false;
	}

	/* Runtime API: map a page, read it, unmap it, and it faults where the
	 * walk now ends (its emptied tables are freed). */
	{
		uint64_t va = (uint64_t)VA_START + 400 * (uint64_t)SZ_1G;
		uint64_t pa = l->phys_text + (s->srodata - s->text);
		struct pte_attrs ro = { .attrindx = MT_NORMAL, .sh = 3, .af = true, .rdonly = true,
					.pxn = true, .uxn = true };
		unsigned before = xlat_pages_used(env->xlat);
		int rc = xlat_map(env->xlat, va, pa, PAGE_SIZE, &ro);
		uint64_t want = *(volatile uint64_t *)(uintptr_t)s->srodata, got = 0;
		bool ok = rc == XLAT_OK;

		if (ok) {
			arm();
			got = probe_load(va);
			ok = !rec.taken && got == want;
			rec.armed = false;
		}
		rc = ok ? xlat_unmap(env->xlat, va, PAGE_SIZE) : rc;
		ok = ok && rc == XLAT_OK && xlat_pages_used(env->xlat) == before;
		sw_walk(env->walk, va, &w);
		if (!ok || w.status != WALK_INVALID_DESC) {
			printf("[FAIL] fault %-22s map/read/unmap: %s, read 0x%llx want 0x%llx, "
			       "pages %u -> %u\n", "runtime-unmapped page", xlat_strerror(rc),
			       (unsigned long long)got, (unsigned long long)want, before,
			       xlat_pages_used(env->xlat));
			failed++;
		} else {
			COUNT(load_fault("runtime-unmapped page", va, FSC_TRANS(w.fault_level)));
		}
	}
#undef COUNT
	printf("faults: %d passed, %d failed\n", passed, failed);
	return failed;
}
