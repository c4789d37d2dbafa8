/*
 * test_esr.c - host unit tests of mmu/esr.c, the one syndrome decoder.
 *
 * Owns: esr_class, esr_class_name, esr_is_abort, esr_fault_status,
 * esr_is_write, vector_slot_name, the fault status names, levels, types
 * and text, and the one text of a cause (esr_describe), on ESR_EL1 values
 * as the CPU reports them (Arm ARM D17.2.37).
 */
#include "unit.h"
#include "esr.h"

static void test_class(void **state)
{
	(void)state;
	assert_int_equal(esr_class(0x96000045ULL), 0x25);   /* DABT same EL, write, L1 */
	assert_int_equal(esr_class(0x86000006ULL), 0x21);   /* IABT same EL, L2 */
	assert_int_equal(esr_class(0x56000000ULL), 0x15);   /* SVC #0 */
	assert_int_equal(esr_class(0x02000000ULL), 0x00);   /* unknown, IL set */
	assert_int_equal(esr_class(0xf2000000ULL), 0x3c);   /* BRK #0 */
	assert_int_equal(esr_class(0xfc000000ULL), 0x3f);
	/* ISS2 and RES0 bits above 31 do not leak into the class. */
	assert_int_equal(esr_class(0xffffffff96000045ULL), 0x25);
	assert_int_equal(esr_class(0x0000000103ffffffULL), 0x00);
}

static void test_class_names(void **state)
{
	(void)state;
	assert_string_equal(esr_class_name(0x25), "data abort from the same EL");
	assert_string_equal(esr_class_name(0x21), "instruction abort from the same EL");
	assert_string_equal(esr_class_name(0x15), "SVC from AArch64");
	assert_string_equal(esr_class_name(0x00), "unknown reason (undefined instruction)");
	assert_string_equal(esr_class_name(0x24), "data abort from a lower EL");
	assert_string_equal(esr_class_name(0x20), "instruction abort from a lower EL");
	assert_string_equal(esr_class_name(0x16), "HVC from AArch64");
	assert_string_equal(esr_class_name(0x17), "SMC from AArch64");
	assert_string_equal(esr_class_name(0x22), "PC alignment fault");
	assert_string_equal(esr_class_name(0x26), "SP alignment fault");
	assert_string_equal(esr_class_name(0x2f), "SError interrupt");
	assert_string_equal(esr_class_name(0x3c), "BRK instruction");
	assert_string_equal(esr_class_name(0x3f), "other exception class");
	assert_string_equal(esr_class_name(0x02), "other exception class");
	assert_string_equal(esr_class_name(0x40), "other exception class");
}

static void test_is_abort(void **state)
{
	unsigned n = 0;

	(void)state;
	assert_true(esr_is_abort(0x20));
	assert_true(esr_is_abort(0x21));
	assert_true(esr_is_abort(0x24));
	assert_true(esr_is_abort(0x25));
	assert_false(esr_is_abort(0x22));
	assert_false(esr_is_abort(0x26));
	assert_false(esr_is_abort(0x15));
	assert_false(esr_is_abort(0x00));
	for (unsigned ec = 0; ec < 64; ec++)
		n += esr_is_abort(ec);
	assert_int_equal(n, 4);
}

static void test_fault_status(void **state)
{
	(void)state;
	assert_int_equal(esr_fault_status(0x96000045ULL), 0x05);
	assert_int_equal(esr_fault_status(0x9600004fULL), 0x0f);
	assert_int_equal(esr_fault_status(0x86000006ULL), 0x06);
	/* WnR (6), S1PTW (7), CM (8), EA (9) are not part of the DFSC. */
	assert_int_equal(esr_fault_status(0x960003c7ULL), 0x07);
	assert_int_equal(esr_fault_status(0x96000061ULL), 0x21);
}

static void test_is_write(void **state)
{
	(void)state;
	assert_true(esr_is_write(0x96000045ULL));
	assert_false(esr_is_write(0x96000005ULL));
	assert_false(esr_is_write(0x96000085ULL));   /* S1PTW, not WnR */
	assert_true(esr_is_write(0x40ULL));
	assert_false(esr_is_write(~0x40ULL));
}

static void test_vector_slot_names(void **state)
{
	static const char *const want[16] = {
		"synchronous, current EL with SP_EL0", "IRQ, current EL with SP_EL0",
		"FIQ, current EL with SP_EL0", "SError, current EL with SP_EL0",
		"synchronous, current EL with SP_ELx", "IRQ, current EL with SP_ELx",
		"FIQ, current EL with SP_ELx", "SError, current EL with SP_ELx",
		"synchronous, lower EL (AArch64)", "IRQ, lower EL (AArch64)",
		"FIQ, lower EL (AArch64)", "SError, lower EL (AArch64)",
		"synchronous, lower EL (AArch32)", "IRQ, lower EL (AArch32)",
		"FIQ, lower EL (AArch32)", "SError, lower EL (AArch32)",
	};

	(void)state;
	for (unsigned slot = 0; slot < 16; slot++)
		assert_string_equal(vector_slot_name(slot), want[slot]);
	assert_string_equal(vector_slot_name(16), "?");
	assert_string_equal(vector_slot_name(~0u), "?");
}

static void test_fault_status_names(void **state)
{
	(void)state;
	for (unsigned l = 0; l < 4; l++) {
		assert_string_equal(fault_status_name(0x00 + l), "address size fault");
		assert_string_equal(fault_status_name(0x04 + l), "translation fault");
		assert_string_equal(fault_status_name(0x08 + l), "access flag fault");
		assert_string_equal(fault_status_name(0x0c + l), "permission fault");
	}
	assert_string_equal(fault_status_name(0x10), "synchronous external abort");
	assert_string_equal(fault_status_name(0x11), "synchronous tag check fault");
	assert_string_equal(fault_status_name(0x21), "alignment fault");
	assert_string_equal(fault_status_name(0x30), "TLB conflict abort");
	assert_string_equal(fault_status_name(0x3f), "other fault");
	assert_string_equal(fault_status_name(0x22), "other fault");
}

static void test_fault_status_levels(void **state)
{
	(void)state;
	for (unsigned l = 0; l < 4; l++) {
		assert_int_equal(fault_status_level(0x00 + l), (int)l);
		assert_int_equal(fault_status_level(0x04 + l), (int)l);
		assert_int_equal(fault_status_level(0x08 + l), (int)l);
		assert_int_equal(fault_status_level(0x0c + l), (int)l);
	}
	assert_int_equal(fault_status_level(0x10), FSC_NO_LEVEL);
	assert_int_equal(fault_status_level(0x11), FSC_NO_LEVEL);
	assert_int_equal(fault_status_level(0x21), FSC_NO_LEVEL);
	assert_int_equal(fault_status_level(0x30), FSC_NO_LEVEL);
	assert_int_equal(fault_status_level(0x22), FSC_NO_LEVEL);
}

/* FEAT_LPA2's level -1 codes (D17.2.37): 0x29 address size, 0x2b
 * translation, 0x13 external abort and 0x1b parity/ECC error on a walk,
 * each of its group, at level -1; the codes around them are not. */
static void test_fault_status_level_minus_one(void **state)
{
	char buf[ESR_DESCRIBE_MAX];

	(void)state;
	assert_int_equal(fault_status_level(0x29), -1);
	assert_int_equal(fault_status_level(0x2b), -1);
	assert_int_equal(fault_status_level(0x13), -1);
	assert_int_equal(fault_status_level(0x1b), -1);
	assert_true(fault_status_is(0x29, FSC_ADDR_SIZE));
	assert_true(fault_status_is(0x2b, FSC_TRANSLATION));
	assert_false(fault_status_is(0x2b, FSC_ADDR_SIZE));
	assert_true(fault_status_is(0x13, FSC_SEA_WALK));
	assert_true(fault_status_is(0x1b, FSC_PARITY_WALK));
	assert_string_equal(fault_status_name(0x2b), "translation fault");
	assert_string_equal(fault_status_name(0x29), "address size fault");
	assert_string_equal(fault_status_format(0x2b, buf, sizeof(buf)), "translation fault, L-1");
	assert_string_equal(fault_status_format(0x21, buf, sizeof(buf)), "alignment fault");
	assert_int_equal(fault_status_level(0x2a), FSC_NO_LEVEL);
	assert_int_equal(fault_status_level(0x12), FSC_NO_LEVEL);
	assert_string_equal(esr_describe(0x9600002bULL, "; ", buf, sizeof(buf)),
			    "EC 0x25: data abort from the same EL; FSC 0x2b: translation fault, "
			    "level -1 (read)");
}

/* esr.h: fault_status_level is "-1..3, or FSC_NO_LEVEL when not level-specific".
 * DFSC 0b0101LL (synchronous external abort on a translation table walk,
 * level LL) and 0b0111LL (parity/ECC error on a table walk, level LL) are
 * level-specific (Arm ARM D17.2.37, ESR_ELx ISS for data/instruction aborts). */
static void test_fault_status_level_of_walk_aborts(void **state)
{
	(void)state;
	for (unsigned l = 0; l < 4; l++) {
		assert_int_equal(fault_status_level(0x14 + l), (int)l);
		assert_int_equal(fault_status_level(0x1c + l), (int)l);
	}
}

/* The fault's type, whatever its level; the non-level codes compare whole. */
static void test_fault_status_is(void **state)
{
	(void)state;
	for (unsigned l = 0; l < 4; l++) {
		assert_true(fault_status_is(0x04 + l, FSC_TRANSLATION));
		assert_false(fault_status_is(0x04 + l, FSC_ACCESS_FLAG));
		assert_true(fault_status_is(0x08 + l, FSC_ACCESS_FLAG));
		assert_true(fault_status_is(0x0c + l, FSC_PERMISSION));
	}
	assert_true(fault_status_is(0x21, FSC_ALIGNMENT));
	assert_false(fault_status_is(0x22, FSC_ALIGNMENT));
	assert_false(fault_status_is(0x10, FSC_TRANSLATION));
}

static void test_fault_status_format(void **state)
{
	char buf[64], tiny[8];

	(void)state;
	assert_string_equal(fault_status_format(0x06, buf, sizeof(buf)), "translation fault, L2");
	assert_string_equal(fault_status_format(0x0f, buf, sizeof(buf)), "permission fault, L3");
	assert_string_equal(fault_status_format(0x21, buf, sizeof(buf)), "alignment fault");
	assert_string_equal(fault_status_format(0x06, tiny, sizeof(tiny)), "transla");
}

/* The one text of a cause, as the exception report and the monitor print
 * it: the hex as console_put_hex writes it (no padding). */
static void test_describe(void **state)
{
	char buf[ESR_DESCRIBE_MAX], tiny[12];

	(void)state;
	assert_string_equal(esr_describe(0x96000004ULL, "; ", buf, sizeof(buf)),
			    "EC 0x25: data abort from the same EL; FSC 0x4: translation fault, level 0 "
			    "(read)");
	assert_string_equal(esr_describe(0x96000047ULL, "\n    ", buf, sizeof(buf)),
			    "EC 0x25: data abort from the same EL\n    FSC 0x7: translation fault, "
			    "level 3 (write)");
	assert_string_equal(esr_describe(0x8600000fULL, "; ", buf, sizeof(buf)),
			    "EC 0x21: instruction abort from the same EL; FSC 0xf: permission fault, "
			    "level 3");
	assert_string_equal(esr_describe(0x96000061ULL, "; ", buf, sizeof(buf)),
			    "EC 0x25: data abort from the same EL; FSC 0x21: alignment fault (write)");
	assert_string_equal(esr_describe(0x56000000ULL, "; ", buf, sizeof(buf)),
			    "EC 0x15: SVC from AArch64");
	assert_string_equal(esr_describe(0x02000000ULL, "; ", buf, sizeof(buf)),
			    "EC 0x0: unknown reason (undefined instruction)");
	assert_string_equal(esr_describe(0x96000004ULL, "; ", tiny, sizeof(tiny)), "EC 0x25: da");
}

/* Demand paging's question: a translation fault on a data access from
 * EL1 itself, with a valid FAR. */
static void test_translation_fault_cur(void **state)
{
	(void)state;
	assert_true(esr_is_translation_fault_cur(0x96000007ULL));
	assert_true(esr_is_translation_fault_cur(0x96000044ULL));
	assert_false(esr_is_translation_fault_cur(0x96000407ULL));   /* FnV */
	assert_false(esr_is_translation_fault_cur(0x92000007ULL));   /* from EL0 */
	assert_false(esr_is_translation_fault_cur(0x8600000bULL));   /* instruction abort */
	assert_false(esr_is_translation_fault_cur(0x9600000fULL));   /* permission */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_class),
		cmocka_unit_test(test_class_names),
		cmocka_unit_test(test_is_abort),
		cmocka_unit_test(test_fault_status),
		cmocka_unit_test(test_is_write),
		cmocka_unit_test(test_vector_slot_names),
		cmocka_unit_test(test_fault_status_names),
		cmocka_unit_test(test_fault_status_levels),
		cmocka_unit_test(test_fault_status_level_minus_one),
		cmocka_unit_test(test_fault_status_level_of_walk_aborts),
		cmocka_unit_test(test_fault_status_is),
		cmocka_unit_test(test_fault_status_format),
		cmocka_unit_test(test_describe),
		cmocka_unit_test(test_translation_fault_cur),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
