/*
 * test_efi_cmdline.c - host unit tests of start/efi/efi_cmdline.c.
 *
 * Owns: efi_keep_cmdline on load options as firmware gives them: UCS-2
 * with and without a NUL, an empty or absent one, an odd byte count,
 * non-ASCII characters (read as '?', counted), control characters, and a
 * line longer than EFI_CMDLINE_MAX (cut, the rest counted).
 */
#include "unit.h"
#include "efi.h"

static struct efi_boot_info info;

/* ascii as UCS-2 into buf; returns the byte count (without a NUL). */
static uint32_t ucs2(uint16_t *buf, const char *ascii)
{
	uint32_t n = 0;

	while (ascii[n]) {
		buf[n] = (uint8_t)ascii[n];
		n++;
	}
	return 2 * n;
}

static void test_plain(void **state)
{
	uint16_t buf[64];
	uint32_t size = ucs2(buf, "Image.efi stub.report=full");

	(void)state;
	memset(&info, 0x5a, sizeof(info));
	efi_keep_cmdline(&info, buf, size);             /* no NUL: the size ends it */
	assert_string_equal(info.cmdline, "Image.efi stub.report=full");
	assert_int_equal(info.cmdline_cut, 0);
	assert_int_equal(info.cmdline_non_ascii, 0);
	buf[5] = 0;                                      /* a NUL ends it earlier */
	efi_keep_cmdline(&info, buf, size);
	assert_string_equal(info.cmdline, "Image");
}

static void test_empty(void **state)
{
	uint16_t buf[4] = { 'x', 'y', 0, 0 };

	(void)state;
	memset(&info, 0x5a, sizeof(info));
	efi_keep_cmdline(&info, NULL, 100);
	assert_string_equal(info.cmdline, "");
	efi_keep_cmdline(&info, buf, 0);
	assert_string_equal(info.cmdline, "");
	efi_keep_cmdline(&info, buf, 3);                /* odd: the half character dropped */
	assert_string_equal(info.cmdline, "x");
}

static void test_non_ascii(void **state)
{
	uint16_t buf[] = { 's', 0x00e9, 'x', 0x2603, '\t', 0x0007, 'y' };

	(void)state;
	efi_keep_cmdline(&info, buf, sizeof(buf));
	assert_string_equal(info.cmdline, "s?x?\t?y");
	assert_int_equal(info.cmdline_non_ascii, 3);
}

static void test_cut(void **state)
{
	static uint16_t buf[EFI_CMDLINE_MAX + 10];

	(void)state;
	for (unsigned i = 0; i < ARRAY_LEN(buf); i++)
		buf[i] = 'a' + i % 26;
	efi_keep_cmdline(&info, buf, sizeof(buf));
	assert_int_equal(strlen(info.cmdline), EFI_CMDLINE_MAX - 1);
	assert_int_equal(info.cmdline_cut, ARRAY_LEN(buf) - (EFI_CMDLINE_MAX - 1));
	assert_int_equal(info.cmdline[EFI_CMDLINE_MAX - 2], 'a' + (EFI_CMDLINE_MAX - 2) % 26);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_non_ascii),
		cmocka_unit_test(test_cut),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
