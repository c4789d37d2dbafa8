/*
 * test_regs.c - host unit tests of mmu/regs.c.
 *
 * Owns: parange_bits, mmfr0_parange, mmfr0_has_4k_granule, the TCR_EL1
 * value field by field, par_decode (success and fault), and the tcr_format,
 * sctlr_format and mair_format texts. Reference: Arm ARM D17.2.
 */
#include "unit.h"
#include "regs.h"
#include "sysreg.h"

static unsigned field(uint64_t v, unsigned hi, unsigned lo)
{
	return (unsigned)((v >> lo) & ((1ULL << (hi - lo + 1)) - 1));
}

static void test_parange_bits(void **state)
{
	static const unsigned want[16] = { 32, 36, 40, 42, 44, 48, 52 };

	(void)state;
	for (unsigned p = 0; p < 16; p++)
		assert_int_equal(parange_bits(p), want[p]);   /* 7..15 reserved: 0 */
}

static void test_mmfr0_parange(void **state)
{
	(void)state;
	assert_int_equal(mmfr0_parange(0x0000000000001122ULL), 2);   /* QEMU cortex-a53 */
	assert_int_equal(mmfr0_parange(0x0000000000001125ULL), 5);
	assert_int_equal(mmfr0_parange(0xfffffffffffffff6ULL), 6);
	assert_int_equal(mmfr0_parange(0x00000000000000f0ULL), 0);
}

static void test_4k_granule(void **state)
{
	(void)state;
	assert_true(mmfr0_has_4k_granule(0x0000000000001122ULL));        /* TGran4 = 0 */
	assert_true(mmfr0_has_4k_granule(0x0000000010001125ULL));        /* 1: with 52-bit */
	assert_false(mmfr0_has_4k_granule(0x00000000f0000000ULL));       /* 0xf: absent */
	assert_false(mmfr0_has_4k_granule(0x00000000f0001125ULL));
	assert_false(mmfr0_has_4k_granule(0xfffffffff0000000ULL));
	/* Other fields at 0xf (TGran64 27:24, TGran16 23:20, bits 63:32) do not count. */
	assert_true(mmfr0_has_4k_granule(0xffffffff0fffffffULL));
	assert_true(mmfr0_has_4k_granule(0x000000000f000000ULL));
}

static void test_tcr_value(void **state)
{
	(void)state;
	assert_int_equal(tcr_el1_value(0x1125), 0x00000005b5193519ULL);
	assert_int_equal(tcr_el1_value(0x1122), 0x00000002b5193519ULL);
	assert_int_equal(tcr_el1_value(0x1120), 0x00000000b5193519ULL);
	/* Fields of ID_AA64MMFR0_EL1 other than PARange do not leak in. */
	assert_int_equal(tcr_el1_value(0xfffffffffffffff1ULL), 0x00000001b5193519ULL);
}

static void test_tcr_fields(void **state)
{
	(void)state;
	for (unsigned p = 0; p < 16; p++) {
		uint64_t t = tcr_el1_value(p);

		assert_int_equal(field(t, 5, 0), 25);      /* T0SZ: 39-bit */
		assert_int_equal(field(t, 21, 16), 25);    /* T1SZ */
		assert_int_equal(field(t, 7, 7), 0);       /* EPD0: walks enabled */
		assert_int_equal(field(t, 23, 23), 0);     /* EPD1 */
		assert_int_equal(field(t, 9, 8), 1);       /* IRGN0 WBWA */
		assert_int_equal(field(t, 11, 10), 1);     /* ORGN0 */
		assert_int_equal(field(t, 13, 12), 3);     /* SH0 inner */
		assert_int_equal(field(t, 15, 14), 0);     /* TG0 = 0b00: 4K */
		assert_int_equal(field(t, 22, 22), 0);     /* A1: ASID from TTBR0 */
		assert_int_equal(field(t, 25, 24), 1);     /* IRGN1 */
		assert_int_equal(field(t, 27, 26), 1);     /* ORGN1 */
		assert_int_equal(field(t, 29, 28), 3);     /* SH1 */
		assert_int_equal(field(t, 31, 30), 2);     /* TG1 = 0b10: 4K */
		/* IPS = PARange, clamped to 0b101 (48 bits): 52 needs FEAT_LPA2. */
		assert_int_equal(field(t, 34, 32), p > 5 ? 5 : p);
		assert_int_equal(t >> 35, 0);              /* AS, TBI, ...: 0 */
	}
}

static void test_par_success(void **state)
{
	struct hw_translation h;

	(void)state;
	/* ATTR 0xff, PA 0x40203000, NS (9) and RES1 (11) set, SH 3. */
	memset(&h, 0x5a, sizeof(h));
	par_decode(0xff00000040203b80ULL, 0xffffffc000003abcULL, &h);
	assert_true(h.ok);
	assert_int_equal(h.pa, 0x40203abcULL);
	assert_int_equal(h.mair_attr, 0xff);
	assert_int_equal(h.sh, 3);
	assert_int_equal(h.fst, 0);

	/* Device memory: ATTR 0x00, SH 0b10; PA above 4 GiB, top of 48 bits. */
	par_decode(0x0000fffffffff900ULL, 0x123ULL, &h);
	assert_true(h.ok);
	assert_int_equal(h.pa, 0x0000fffffffff123ULL);
	assert_int_equal(h.mair_attr, 0x00);
	assert_int_equal(h.sh, 2);

	/* Bits 55:48 (IMPLEMENTATION DEFINED / RES0) are not part of the PA. */
	par_decode(0x44ff000009000000ULL, 0xffffffffc0000fffULL, &h);
	assert_true(h.ok);
	assert_int_equal(h.pa, 0x09000fffULL);
	assert_int_equal(h.mair_attr, 0x44);
	assert_int_equal(h.sh, 0);
}

static void test_par_fault(void **state)
{
	struct hw_translation h;

	(void)state;
	memset(&h, 0x5a, sizeof(h));
	par_decode(0x000000000000000fULL, 0x8000000000ULL, &h);   /* FST 0x07 */
	assert_false(h.ok);
	assert_int_equal(h.fst, 0x07);
	assert_int_equal(h.pa, 0);
	assert_int_equal(h.mair_attr, 0);
	assert_int_equal(h.sh, 0);
	/* PTW (8) and S (9) do not leak into FST. */
	par_decode(1 | (0x06 << 1) | 0x100 | 0x200 | 0x800, 0, &h);
	assert_false(h.ok);
	assert_int_equal(h.fst, 0x06);
	par_decode(1 | (0x3f << 1), 0, &h);
	assert_int_equal(h.fst, 0x3f);
}

static void test_tcr_format(void **state)
{
	char buf[320];

	(void)state;
	assert_string_equal(tcr_format(0x00000005b5193519ULL, buf, sizeof(buf)),
			    "T0SZ=25 (39-bit) TG0=4K IRGN0=WBWA ORGN0=WBWA SH0=ISH EPD0=0 | "
			    "T1SZ=25 (39-bit) TG1=4K IRGN1=WBWA ORGN1=WBWA SH1=ISH EPD1=0 | "
			    "IPS=5 (48-bit) A1=0 AS=0");
	/* T0SZ 16, TG0 64K (01), IRGN0 WT, ORGN0 WBnWA, SH0 OSH, EPD0;
	 * T1SZ 32, TG1 16K (01), IRGN1 NC, ORGN1 WT, SH1 NSH, EPD1, A1;
	 * IPS 2, AS. */
	{
		uint64_t t = 16 | (2 << 8) | (3 << 10) | (2 << 12) | (1 << 14) | (1 << 7) |
			     (32ULL << 16) | (0ULL << 24) | (2ULL << 26) | (0ULL << 28) |
			     (1ULL << 30) | (1ULL << 23) | (1ULL << 22) | (2ULL << 32) |
			     (1ULL << 36);

		assert_string_equal(tcr_format(t, buf, sizeof(buf)),
				    "T0SZ=16 (48-bit) TG0=64K IRGN0=WT ORGN0=WBnWA SH0=OSH EPD0=1 | "
				    "T1SZ=32 (32-bit) TG1=16K IRGN1=NC ORGN1=WT SH1=NSH EPD1=1 | "
				    "IPS=2 (40-bit) A1=1 AS=1");
	}
	/* The reserved encodings: TG0 0b11, TG1 0b00, SH 0b01. */
	tcr_format((3ULL << 14) | (1ULL << 12) | (1ULL << 28), buf, sizeof(buf));
	assert_non_null(strstr(buf, "TG0=res "));
	assert_non_null(strstr(buf, "TG1=res "));
	assert_non_null(strstr(buf, "SH0=res "));
	assert_non_null(strstr(buf, "SH1=res "));
	assert_null(strstr(buf, "TG1=64K"));
	tcr_format(3ULL << 30, buf, sizeof(buf));
	assert_non_null(strstr(buf, "TG1=64K "));
}

static void test_sctlr_format(void **state)
{
	char buf[128];

	(void)state;
	assert_int_equal(SCTLR_EL1_MMU_ON, 0x30d0181dULL);
	assert_string_equal(sctlr_format(SCTLR_EL1_MMU_ON, buf, sizeof(buf)),
			    "M=1 A=0 C=1 SA=1 SA0=1 I=1 WXN=0 EE=0");
	assert_string_equal(sctlr_format(SCTLR_EL1_MMU_OFF, buf, sizeof(buf)),
			    "M=0 A=0 C=0 SA=1 SA0=1 I=0 WXN=0 EE=0");
	assert_string_equal(sctlr_format(~0ULL, buf, sizeof(buf)),
			    "M=1 A=1 C=1 SA=1 SA0=1 I=1 WXN=1 EE=1");
	assert_string_equal(sctlr_format((1 << 1) | (1 << 19) | (1 << 25), buf, sizeof(buf)),
			    "M=0 A=1 C=0 SA=0 SA0=0 I=0 WXN=1 EE=1");
}

static void test_mair_format(void **state)
{
	char buf[256];

	(void)state;
	assert_string_equal(mair_format(MAIR_EL1_VALUE, buf, sizeof(buf)),
			    "[0]=0x00 DEVICE/nGnRnE [1]=0x04 DEVICE/nGnRE [2]=0x0c DEVICE/GRE "
			    "[3]=0x44 MEM/NORMAL-NC [4]=0xff MEM/NORMAL");
	assert_string_equal(mair_format(0xbbff44ff440c0400ULL, buf, sizeof(buf)),
			    "[0]=0x00 DEVICE/nGnRnE [1]=0x04 DEVICE/nGnRE [2]=0x0c DEVICE/GRE "
			    "[3]=0x44 MEM/NORMAL-NC [4]=0xff MEM/NORMAL [5]=0x44 MEM/NORMAL-NC "
			    "[6]=0xff MEM/NORMAL [7]=0xbb MEM/OTHER");
	assert_string_equal(mair_format(0, buf, sizeof(buf)),
			    "[0]=0x00 DEVICE/nGnRnE [1]=0x00 DEVICE/nGnRnE [2]=0x00 DEVICE/nGnRnE "
			    "[3]=0x00 DEVICE/nGnRnE [4]=0x00 DEVICE/nGnRnE");
}

static void test_mair_format_truncates(void **state)
{
	char full[256], buf[40];

	(void)state;
	mair_format(MAIR_EL1_VALUE, full, sizeof(full));
	memset(buf, 'z', sizeof(buf));
	mair_format(MAIR_EL1_VALUE, buf, 30);
	assert_int_equal(strlen(buf), 29);
	assert_memory_equal(buf, full, 29);
	assert_int_equal(buf[30], 'z');
}

static void test_mmfr0_pa_bits(void **state)
{
	(void)state;
	assert_int_equal(mmfr0_pa_bits(0x0), 32);
	assert_int_equal(mmfr0_pa_bits(0x1122), 40);     /* cortex-a53 */
	assert_int_equal(mmfr0_pa_bits(0x5), 48);
	assert_int_equal(mmfr0_pa_bits(0x6), 48);        /* 52 needs FEAT_LPA2 */
	assert_int_equal(mmfr0_pa_bits(0x32310201126ULL), 48);  /* -cpu max */
	/* TCR_EL1.IPS agrees. */
	assert_int_equal((tcr_el1_value(0x6) >> 32) & 7, 5);
	assert_int_equal((tcr_el1_value(0x1122) >> 32) & 7, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mmfr0_pa_bits),
		cmocka_unit_test(test_parange_bits),
		cmocka_unit_test(test_mmfr0_parange),
		cmocka_unit_test(test_4k_granule),
		cmocka_unit_test(test_tcr_value),
		cmocka_unit_test(test_tcr_fields),
		cmocka_unit_test(test_par_success),
		cmocka_unit_test(test_par_fault),
		cmocka_unit_test(test_tcr_format),
		cmocka_unit_test(test_sctlr_format),
		cmocka_unit_test(test_mair_format),
		cmocka_unit_test(test_mair_format_truncates),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
