/*
 * hooks.h - where a test build may act on the boot, and nothing else.
 *
 * Owns: struct test_hooks and the calls the boot makes at its fixed points.
 * The product registers none: link.ld's .test_hooks table is empty, so
 * every call below is a loop over nothing. The test build (make
 * CONFIG_TEST_HOOKS=1: tests/target/) links one table entry that provokes
 * failures and faults on purpose, and the exception handler's fix-up that
 * recovers from the expected ones.
 */
#ifndef HOOKS_H
#define HOOKS_H

#include <stdbool.h>
#include "bootargs.h"
#include "maps.h"
#include "sections.h"
#include "traps.h"
#include "walk.h"
#include "xlat.h"

struct hook_env {
	const struct boot_layout *layout;
	const struct image_symbols *syms;
	const struct walk_ctx *walk;       /* the live tables, as the checks see them */
	struct xlat_ctx *xlat;             /* the final map (once built) */
};

struct test_hooks {
	/* Boot options the test build obeys (NULL-key-terminated; bootargs.h),
	 * parsed with the product's before boot_args runs: known here, named
	 * as unknown and ignored by the product. */
	const struct bootarg_option *options;
	void (*boot_args)(const char *bootargs);            /* NULL: no DTB */
	void (*early_map_live)(const struct hook_env *env);  /* before its checks */
	void (*final_map_live)(const struct hook_env *env);  /* before its checks */
	int (*after_checks)(const struct hook_env *env);     /* failures */
	/* true: the exception was expected, the frame now resumes elsewhere */
	bool (*exception_fixup)(unsigned slot, struct exception_frame *frame);
};

/* A test build's registration: TEST_HOOKS(name) = { ... }; */
#define TEST_HOOKS(name) \
	static const struct test_hooks name; \
	static const struct test_hooks *const name##_entry \
		__attribute__((used, section(".test_hooks"))) = &name; \
	static const struct test_hooks name

#define FOR_EACH_HOOK(h) \
	for (const struct test_hooks *const *h = __test_hooks_start; h < __test_hooks_end; h++)

/* Appends each hook's option table to tables[0..max), after the n already
 * there (the product's); returns the new count. Tables beyond max are left
 * out, so their options read as unknown. */
static inline unsigned hooks_bootarg_tables(const struct bootarg_option **tables, unsigned n,
					    unsigned max)
{
	FOR_EACH_HOOK(h)
		if ((*h)->options && n < max)
			tables[n++] = (*h)->options;
	return n;
}

static inline void hooks_boot_args(const char *bootargs)
{
	FOR_EACH_HOOK(h)
		if ((*h)->boot_args)
			(*h)->boot_args(bootargs);
}

static inline void hooks_early_map_live(const struct hook_env *env)
{
	FOR_EACH_HOOK(h)
		if ((*h)->early_map_live)
			(*h)->early_map_live(env);
}

static inline void hooks_final_map_live(const struct hook_env *env)
{
	FOR_EACH_HOOK(h)
		if ((*h)->final_map_live)
			(*h)->final_map_live(env);
}

static inline int hooks_after_checks(const struct hook_env *env)
{
	int failures = 0;

	FOR_EACH_HOOK(h)
		if ((*h)->after_checks)
			failures += (*h)->after_checks(env);
	return failures;
}

static inline bool hooks_exception_fixup(unsigned slot, struct exception_frame *frame)
{
	FOR_EACH_HOOK(h)
		if ((*h)->exception_fixup && (*h)->exception_fixup(slot, frame))
			return true;
	return false;
}

#endif /* HOOKS_H */
