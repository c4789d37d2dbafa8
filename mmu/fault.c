/*
 * fault.c - the faults the product expects and survives (see fault.h).
 */
#include <stddef.h>
#include "fault.h"

/* guarded.S: x0 = the value loaded, x1 = 1 when the fix-up ran (AAPCS64
 * returns a 16-byte composite in x0 and x1). */
struct guarded_ret {
	uint64_t value, faulted;
};
struct guarded_ret guarded_load(uint64_t va, uint64_t unused);     /* x1 is overwritten */
struct guarded_ret guarded_store(uint64_t va, uint64_t val);
struct guarded_ret guarded_load32(uint64_t va, uint64_t unused);
/* Code labels of guarded.S (not linker symbols). */
extern const char guarded_load_insn[], guarded_load_fixup[];
extern const char guarded_store_insn[], guarded_store_fixup[];
extern const char guarded_load32_insn[], guarded_load32_fixup[];

/* The recovery point: armed around one guarded access, never nested. */
static struct {
	bool armed;
	struct caught_fault *caught;
} guard;
static abort_resolver_fn abort_resolver;

void fault_set_abort_resolver(abort_resolver_fn fn)
{
	abort_resolver = fn;
}

bool fault_guard_armed(void)
{
	return guard.armed;
}

/* One guarded access: arm, run access(va, val) (a load ignores val),
 * disarm. The compiler barriers keep the arming around the access. */
typedef struct guarded_ret (*guarded_access_fn)(uint64_t va, uint64_t val);

static int guarded(guarded_access_fn access, uint64_t va, uint64_t val, uint64_t *loaded,
		   struct caught_fault *caught)
{
	struct guarded_ret r;

	guard.caught = caught;
	guard.armed = true;
	__asm__ volatile("" : : : "memory");     /* armed before the access */
	r = access(va, val);
	__asm__ volatile("" : : : "memory");
	guard.armed = false;
	if (loaded)
		*loaded = r.value;
	return r.faulted ? 1 : 0;
}

int guarded_read64(uint64_t va, uint64_t *val, struct caught_fault *caught)
{
	return guarded(guarded_load, va, 0, val, caught);
}

int guarded_read32(uint64_t va, uint32_t *val, struct caught_fault *caught)
{
	uint64_t v;
	int faulted = guarded(guarded_load32, va, 0, &v, caught);

	*val = (uint32_t)v;
	return faulted;
}

int guarded_write64(uint64_t va, uint64_t val, struct caught_fault *caught)
{
	return guarded(guarded_store, va, val, NULL, caught);
}

/* The exception on the guarded instruction itself: recorded, resumed at
 * its fix-up. Any other PC is not ours. */
static bool guarded_fixup(uint64_t esr, uint64_t far, uint64_t *elr)
{
	static const struct { const char *insn, *fixup; } table[] = {
		{ guarded_load_insn, guarded_load_fixup },
		{ guarded_store_insn, guarded_store_fixup },
		{ guarded_load32_insn, guarded_load32_fixup },
	};

	if (!guard.armed)
		return false;
	for (unsigned i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (*elr != (uint64_t)(uintptr_t)table[i].insn)
			continue;
		guard.armed = false;
		*guard.caught = (struct caught_fault){ .esr = esr, .far = far, .elr = *elr };
		*elr = (uint64_t)(uintptr_t)table[i].fixup;
		return true;
	}
	return false;
}

bool fault_fixup(bool from_el1, uint64_t esr, uint64_t far, uint64_t *elr)
{
	if (from_el1 && abort_resolver && abort_resolver(esr, far))
		return true;
	return guarded_fixup(esr, far, elr);
}
