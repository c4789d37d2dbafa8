/*
 * fuzz_early_dtb.c - libFuzzer harness for lib/early_dtb.c, the DTB
 * reading a refusal does with the MMU off.
 *
 * Owns: the input as a DTB in an 8-byte aligned buffer of exactly its
 * size, its header's totalsize set to that size (the reader trusts
 * totalsize: in the boot it is all the memory there is to read), read
 * once; then the result held together (a console kind the drivers know,
 * or a reason). Seeds: the unit tests' DTBs (tests/unit/dts/). What it
 * proves: no read outside the blob, no undefined behaviour, no loop
 * (libFuzzer's -timeout), whatever the bytes.
 */
#include <stdlib.h>
#include <string.h>
#include "early_dtb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct early_dtb d;
	uint8_t *blob;

	if (size < 40 || size > 0x200000)
		return 0;
	blob = aligned_alloc(8, (size + 7) & ~(size_t)7);
	if (!blob)
		return 0;
	memcpy(blob, data, size);
	blob[4] = (uint8_t)(size >> 24), blob[5] = (uint8_t)(size >> 16);
	blob[6] = (uint8_t)(size >> 8), blob[7] = (uint8_t)size;
	early_dtb_read(blob, &d);
	if (d.port.kind != MACHINE_CONSOLE_NONE && (d.why || !uart_kind_supported(d.port.kind)))
		abort();
	if (d.port.kind == MACHINE_CONSOLE_NONE && !d.why)
		abort();
	free(blob);
	return 0;
}
