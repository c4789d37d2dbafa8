/*
 * print.c - the live MMU state printed (see print.h).
 */
#include <stdio.h>
#include "print.h"
#include "regs.h"
#include "sysreg.h"

void print_mmu_regs(void)
{
	char buf[320];
	uint64_t v;

	v = read_sysreg(sctlr_el1);
	printf("SCTLR_EL1 0x%016llx: %s\n", (unsigned long long)v, sctlr_format(v, buf, sizeof(buf)));
	v = read_sysreg(tcr_el1);
	printf("TCR_EL1   0x%016llx: %s\n", (unsigned long long)v, tcr_format(v, buf, sizeof(buf)));
	v = read_sysreg(mair_el1);
	printf("MAIR_EL1  0x%016llx: %s\n", (unsigned long long)v, mair_format(v, buf, sizeof(buf)));
}

static void print_range(const struct pt_range *r, void *cookie)
{
	char line[160];

	(void)cookie;
	printf("  %s\n", pt_range_format(r, line, sizeof(line)));
}

int print_half(const struct walk_ctx *w, int ttbr)
{
	int n;

	if (ttbr == 0 && w->ttbr0_disabled) {
		printf("  (none: TTBR0 walks disabled, TCR_EL1.EPD0 = 1)\n");
		return -1;
	}
	n = pt_dump(w, ttbr, print_range, NULL);
	if (n < 0)
		printf("  (a table could not be read)\n");
	return n;
}

void print_xlat_pool(const struct xlat_ctx *x)
{
	struct xlat_pool_info pi;

	xlat_pool_info(x, &pi);
	printf("pool: %u in use", pi.pool_used + pi.seg_used);
	if (pi.segs)
		printf(", %u of them from the allocator in %u refill%s of %u pages", pi.seg_used,
		       pi.segs, pi.segs == 1 ? "" : "s", pi.seg_pages);
}
