/*
 * regs.c - the MMU control registers decoded: PAR_EL1, and the text of
 * TCR_EL1, SCTLR_EL1 and MAIR_EL1 (see regs.h). The values the boot
 * writes are tcr.c's.
 */
#include <stdio.h>
#include <string.h>
#include "regs.h"
#include "desc.h"
#include "sysreg.h"

void par_decode(uint64_t par, uint64_t va, struct hw_translation *out)
{
	*out = (struct hw_translation){ .ok = !(par & PAR_F) };
	if (!out->ok) {
		out->fst = (uint8_t)((par >> PAR_FST_SHIFT) & PAR_FST_MASK);
		return;
	}
	out->pa = (par & PAR_PA_MASK) | (va & (PAGE_SIZE - 1));
	out->mair_attr = (uint8_t)(par >> PAR_ATTR_SHIFT);
	out->sh = (uint8_t)((par >> PAR_SH_SHIFT) & 3);
}

static const char *rgn_name(unsigned v)
{
	switch (v & 3) {
	case 0: return "NC";
	case 1: return "WBWA";
	case 2: return "WT";
	default: return "WBnWA";
	}
}

static const char *sh_name(unsigned v)
{
	switch (v & 3) {
	case 0: return "NSH";
	case 2: return "OSH";
	case 3: return "ISH";
	default: return "res";
	}
}

static const char *tg0_name(unsigned v)
{
	switch (v & 3) {
	case TCR_TG0_4K: return "4K";
	case TCR_TG0_16K: return "16K";
	case TCR_TG0_64K: return "64K";
	default: return "res";
	}
}

static const char *tg1_name(unsigned v)
{
	switch (v & 3) {
	case TCR_TG1_4K: return "4K";
	case TCR_TG1_16K: return "16K";
	case TCR_TG1_64K: return "64K";
	default: return "res";
	}
}

char *tcr_format(uint64_t t, char *buf, size_t len)
{
	unsigned t0sz = t & 0x3f, t1sz = (t >> TCR_T1SZ_SHIFT) & 0x3f;
	unsigned ips = (t >> TCR_IPS_SHIFT) & 7;

	snprintf(buf, len,
		 "T0SZ=%u (%u-bit) TG0=%s IRGN0=%s ORGN0=%s SH0=%s EPD0=%u | "
		 "T1SZ=%u (%u-bit) TG1=%s IRGN1=%s ORGN1=%s SH1=%s EPD1=%u | "
		 "IPS=%u (%u-bit) A1=%u AS=%u",
		 t0sz, 64 - t0sz, tg0_name(t >> TCR_TG0_SHIFT), rgn_name(t >> TCR_IRGN0_SHIFT),
		 rgn_name(t >> TCR_ORGN0_SHIFT), sh_name(t >> TCR_SH0_SHIFT), (unsigned)((t >> 7) & 1),
		 t1sz, 64 - t1sz, tg1_name(t >> TCR_TG1_SHIFT), rgn_name(t >> TCR_IRGN1_SHIFT),
		 rgn_name(t >> TCR_ORGN1_SHIFT), sh_name(t >> TCR_SH1_SHIFT), (unsigned)((t >> 23) & 1),
		 ips, parange_bits(ips), (unsigned)((t >> 22) & 1), (unsigned)((t >> 36) & 1));
	/* FEAT_LPA2's DS only where it is set (every other geometry's line
	 * stays as it was). */
	if (t & TCR_DS) {
		size_t used = strlen(buf);

		snprintf(buf + used, len - used, " DS=1");
	}
	return buf;
}

char *sctlr_format(uint64_t s, char *buf, size_t len)
{
	snprintf(buf, len, "M=%u A=%u C=%u SA=%u SA0=%u I=%u WXN=%u EE=%u",
		 (unsigned)(s & 1), (unsigned)((s >> 1) & 1), (unsigned)((s >> 2) & 1),
		 (unsigned)((s >> 3) & 1), (unsigned)((s >> 4) & 1), (unsigned)((s >> 12) & 1),
		 (unsigned)((s >> 19) & 1), (unsigned)((s >> 25) & 1));
	return buf;
}

char *mair_format(uint64_t mair, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < 8 && used < len; i++) {
		uint8_t a = mair_attr_byte(mair, i);
		int n;

		if (a == 0 && i > MT_NORMAL)
			continue;       /* unused slots */
		n = snprintf(buf + used, len - used, "%s[%u]=0x%02x %s", i ? " " : "", i, a,
			     mair_attr_name(a));
		if (n < 0)
			break;
		used += (size_t)n;
	}
	return buf;
}
