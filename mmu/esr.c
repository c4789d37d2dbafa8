/*
 * esr.c - the exception syndrome decoder (see esr.h). Written as switches
 * and if-chains that return literals, and lib/strbuf.c's line builder
 * (no library): start/start.mk builds it with switch-to-table conversion off,
 * which would emit absolute pointers, wrong with the MMU off.
 */
#include "esr.h"
#include "strbuf.h"

unsigned esr_class(uint64_t esr)
{
	return (unsigned)((esr >> ESR_EC_SHIFT) & ESR_EC_MASK);
}

const char *esr_class_name(unsigned ec)
{
	switch (ec) {
	case ESR_EC_UNKNOWN:     return "unknown reason (undefined instruction)";
	case ESR_EC_WFX:         return "WFI/WFE trapped";
	case ESR_EC_FP_ASIMD:    return "FP/SIMD access trapped";
	case ESR_EC_ILL:         return "illegal execution state";
	case ESR_EC_SVC64:       return "SVC from AArch64";
	case ESR_EC_HVC64:       return "HVC from AArch64";
	case ESR_EC_SMC64:       return "SMC from AArch64";
	case ESR_EC_SYS64:       return "MSR/MRS/system instruction trapped";
	case ESR_EC_IABT_LOW:    return "instruction abort from a lower EL";
	case ESR_EC_IABT_CUR:    return "instruction abort from the same EL";
	case ESR_EC_PC_ALIGN:    return "PC alignment fault";
	case ESR_EC_DABT_LOW:    return "data abort from a lower EL";
	case ESR_EC_DABT_CUR:    return "data abort from the same EL";
	case ESR_EC_SP_ALIGN:    return "SP alignment fault";
	case ESR_EC_SERROR:      return "SError interrupt";
	case ESR_EC_BREAKPT_LOW: return "breakpoint from a lower EL";
	case ESR_EC_BREAKPT_CUR: return "breakpoint from the same EL";
	case ESR_EC_SOFTSTP_LOW: return "software step from a lower EL";
	case ESR_EC_SOFTSTP_CUR: return "software step from the same EL";
	case ESR_EC_WATCHPT_LOW: return "watchpoint from a lower EL";
	case ESR_EC_WATCHPT_CUR: return "watchpoint from the same EL";
	case ESR_EC_BRK64:       return "BRK instruction";
	default:                 return "other exception class";
	}
}

bool esr_is_abort(unsigned ec)
{
	return ec == ESR_EC_IABT_LOW || ec == ESR_EC_IABT_CUR || ec == ESR_EC_DABT_LOW ||
	       ec == ESR_EC_DABT_CUR;
}

static bool is_data_abort(unsigned ec)
{
	return ec == ESR_EC_DABT_LOW || ec == ESR_EC_DABT_CUR;
}

unsigned esr_fault_status(uint64_t esr)
{
	return (unsigned)(esr & FSC_MASK);
}

bool esr_is_write(uint64_t esr)
{
	return (esr & ESR_ISS_WNR) != 0;
}

/* FEAT_LPA2's level -1 code of a level group (its type), or 0 for none. */
static unsigned level_m1_type(unsigned fsc)
{
	switch (fsc) {
	case FSC_ADDR_SIZE_LM1:   return FSC_ADDR_SIZE | 0x40;   /* 0x40: "a type", even 0 */
	case FSC_TRANSLATION_LM1: return FSC_TRANSLATION;
	case FSC_SEA_WALK_LM1:    return FSC_SEA_WALK;
	case FSC_PARITY_WALK_LM1: return FSC_PARITY_WALK;
	default:                  return 0;
	}
}

/* The groups whose low two bits are the level (D17.2.37, DFSC), and
 * FEAT_LPA2's level -1 codes of the same groups. */
static bool level_specific(unsigned fsc)
{
	if (level_m1_type(fsc))
		return true;
	switch (fsc & FSC_TYPE_MASK) {
	case FSC_ADDR_SIZE: case FSC_TRANSLATION: case FSC_ACCESS_FLAG: case FSC_PERMISSION:
	case FSC_SEA_WALK: case FSC_PARITY_WALK:
		return true;
	default:
		return false;
	}
}

/* A level-specific code's group: its type bits, or level -1's group. */
static unsigned level_type(unsigned fsc)
{
	unsigned m1 = level_m1_type(fsc);

	return m1 ? m1 & FSC_TYPE_MASK : fsc & FSC_TYPE_MASK;
}

const char *fault_status_name(unsigned fsc)
{
	if (level_specific(fsc)) {
		switch (level_type(fsc)) {
		case FSC_ADDR_SIZE:   return "address size fault";
		case FSC_TRANSLATION: return "translation fault";
		case FSC_ACCESS_FLAG: return "access flag fault";
		case FSC_PERMISSION:  return "permission fault";
		case FSC_SEA_WALK:    return "synchronous external abort on a table walk";
		default:              return "parity/ECC error on a table walk";
		}
	}
	switch (fsc) {
	case FSC_SEA:          return "synchronous external abort";
	case FSC_TAG_CHECK:    return "synchronous tag check fault";
	case FSC_PARITY:       return "parity/ECC error";
	case FSC_ALIGNMENT:    return "alignment fault";
	case FSC_TLB_CONFLICT: return "TLB conflict abort";
	default:               return "other fault";
	}
}

int fault_status_level(unsigned fsc)
{
	if (level_m1_type(fsc))
		return -1;
	return level_specific(fsc) ? (int)(fsc & 3) : FSC_NO_LEVEL;
}

bool fault_status_is(unsigned fsc, unsigned type)
{
	return level_specific(fsc) ? level_type(fsc) == type : fsc == type;
}

/* A level, -1 to 3, as text. */
static void append_level(struct strbuf *t, int level)
{
	if (level < 0)
		strbuf_char(t, '-');
	strbuf_dec(t, (uint64_t)(level < 0 ? -level : level));
}

char *fault_status_format(unsigned fsc, char *buf, size_t len)
{
	struct strbuf t;
	int level = fault_status_level(fsc);

	strbuf_init(&t, buf, len);
	strbuf_str(&t, fault_status_name(fsc));
	if (level != FSC_NO_LEVEL) {
		strbuf_str(&t, ", L");
		append_level(&t, level);
	}
	return buf;
}

char *esr_describe(uint64_t esr, const char *sep, char *buf, size_t len)
{
	struct strbuf t;
	unsigned ec = esr_class(esr);

	strbuf_init(&t, buf, len);
	strbuf_str(&t, "EC ");
	strbuf_hex(&t, ec);
	strbuf_str(&t, ": ");
	strbuf_str(&t, esr_class_name(ec));
	if (esr_is_abort(ec)) {
		unsigned fsc = esr_fault_status(esr);
		int level = fault_status_level(fsc);

		strbuf_str(&t, sep);
		strbuf_str(&t, "FSC ");
		strbuf_hex(&t, fsc);
		strbuf_str(&t, ": ");
		strbuf_str(&t, fault_status_name(fsc));
		if (level != FSC_NO_LEVEL) {
			strbuf_str(&t, ", level ");
			append_level(&t, level);
		}
		if (is_data_abort(ec))
			strbuf_str(&t, esr_is_write(esr) ? " (write)" : " (read)");
	}
	return buf;
}

const char *vector_slot_name(unsigned slot)
{
	switch (slot) {
	case 0:  return "synchronous, current EL with SP_EL0";
	case 1:  return "IRQ, current EL with SP_EL0";
	case 2:  return "FIQ, current EL with SP_EL0";
	case 3:  return "SError, current EL with SP_EL0";
	case 4:  return "synchronous, current EL with SP_ELx";
	case 5:  return "IRQ, current EL with SP_ELx";
	case 6:  return "FIQ, current EL with SP_ELx";
	case 7:  return "SError, current EL with SP_ELx";
	case 8:  return "synchronous, lower EL (AArch64)";
	case 9:  return "IRQ, lower EL (AArch64)";
	case 10: return "FIQ, lower EL (AArch64)";
	case 11: return "SError, lower EL (AArch64)";
	case 12: return "synchronous, lower EL (AArch32)";
	case 13: return "IRQ, lower EL (AArch32)";
	case 14: return "FIQ, lower EL (AArch32)";
	case 15: return "SError, lower EL (AArch32)";
	default: return "?";
	}
}
