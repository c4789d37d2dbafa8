/*
 * desc.c - decode and encode translation-table descriptors (see desc.h).
 */
#include <stdio.h>
#include "desc.h"
#include "strbuf.h"

struct desc_info desc_decode(uint64_t desc, int level)
{
	struct desc_info info = { .kind = desc_kind_of(desc, level) };

	if (info.kind == DESC_TABLE) {
		info.addr = pte_to_phys(desc);
		return info;
	}
	if (info.kind == DESC_INVALID)
		return info;                /* invalid or reserved encoding */

	info.addr = desc_leaf_addr(desc, level);
	info.attrs.attrindx = (uint8_t)((desc & PTE_ATTRINDX_MASK) >> 2);
	info.attrs.sh = lpa2_is_enabled() ? PTE_SH_TCR : (uint8_t)((desc & PTE_SH_MASK) >> 8);
	info.attrs.rdonly = (desc & PTE_RDONLY) != 0;
	info.attrs.user = (desc & PTE_USER) != 0;
	info.attrs.af = (desc & PTE_AF) != 0;
	info.attrs.ng = (desc & PTE_NG) != 0;
	info.attrs.pxn = (desc & PTE_PXN) != 0;
	info.attrs.uxn = (desc & PTE_UXN) != 0;
	return info;
}

uint64_t desc_make_leaf(uint64_t pa, const struct pte_attrs *a, int level)
{
	uint64_t d = phys_to_pte(pa & ~((1ULL << level_shift(level)) - 1) &
				 ((1ULL << oa_bits_max()) - 1)) |
		     (level == 3 ? PTE_TYPE_PAGE : PMD_TYPE_SECT);

	d |= PTE_ATTRINDX((uint64_t)(a->attrindx & 7));
	if (!lpa2_is_enabled())
		d |= (uint64_t)(a->sh & 3) << 8;
	if (a->rdonly) d |= PTE_RDONLY;
	if (a->user)   d |= PTE_USER;
	if (a->af)     d |= PTE_AF;
	if (a->ng)     d |= PTE_NG;
	if (a->pxn)    d |= PTE_PXN;
	if (a->uxn)    d |= PTE_UXN;
	return d;
}

struct pte_attrs pte_attrs_as_held(const struct pte_attrs *attrs)
{
	struct pte_attrs held = *attrs;

	if (lpa2_is_enabled())
		held.sh = PTE_SH_TCR;
	return held;
}

/* Field by field (a bool's bytes other than 0 and 1 are not compared as
 * such, and the struct has no padding to differ). */
bool pte_attrs_equal(const struct pte_attrs *a, const struct pte_attrs *b)
{
	return a->attrindx == b->attrindx && a->sh == b->sh &&
	       a->rdonly == b->rdonly && a->user == b->user && a->af == b->af &&
	       a->ng == b->ng && a->pxn == b->pxn && a->uxn == b->uxn;
}

uint8_t mair_attr_byte(uint64_t mair, unsigned attrindx)
{
	return (uint8_t)(mair >> (8 * (attrindx & 7)));
}

const char *mair_attr_name(uint8_t attr)
{
	switch (attr) {
	case MAIR_ATTR_DEVICE_nGnRnE: return "DEVICE/nGnRnE";
	case MAIR_ATTR_DEVICE_nGnRE:  return "DEVICE/nGnRE";
	case MAIR_ATTR_DEVICE_GRE:    return "DEVICE/GRE";
	case MAIR_ATTR_NORMAL_NC:     return "MEM/NORMAL-NC";
	case MAIR_ATTR_NORMAL:        return "MEM/NORMAL";
	default:                      return "MEM/OTHER";
	}
}

/* printf's "%s %s %s %s%s%s%s %s" of the fields, built by strbuf.h. */
char *pte_attrs_format(const struct pte_attrs *a, char *buf, size_t len)
{
	static const char *const sh_name[4] = { "NSH", "???", "OSH", "SHD" };
	struct strbuf t;

	strbuf_init(&t, buf, len);
	strbuf_str(&t, a->rdonly ? "ro " : "RW ");
	strbuf_str(&t, a->pxn ? "NX " : "x  ");
	strbuf_str(&t, sh_name[a->sh & 3]);
	strbuf_str(&t, a->af ? " AF" : " --");
	strbuf_str(&t, a->ng ? " nG" : "");
	strbuf_str(&t, a->uxn ? " UXN" : "");
	strbuf_str(&t, a->user ? " USR" : "");
	strbuf_char(&t, ' ');
	strbuf_str(&t, mair_attr_name(mair_attr_byte(MAIR_EL1_VALUE, a->attrindx)));
	return buf;
}
