/*
 * esr.c - ESR_EL1 decoding (see esr.h). Written as if-chains and switches
 * that return literals; the build disables switch-to-table conversion,
 * which would emit absolute pointers that are wrong with the MMU off.
 */
#include "esr.h"
#include "sysreg.h"

unsigned esr_class(uint64_t esr)
{
	return (unsigned)((esr >> ESR_EC_SHIFT) & ESR_EC_MASK);
}

const char *esr_class_name(unsigned ec)
{
	switch (ec) {
	case 0x00: return "unknown reason (undefined instruction)";
	case 0x01: return "WFI/WFE trapped";
	case 0x07: return "FP/SIMD access trapped";
	case 0x0e: return "illegal execution state";
	case 0x15: return "SVC from AArch64";
	case 0x16: return "HVC from AArch64";
	case 0x17: return "SMC from AArch64";
	case 0x18: return "MSR/MRS/system instruction trapped";
	case 0x20: return "instruction abort from a lower EL";
	case 0x21: return "instruction abort from the same EL";
	case 0x22: return "PC alignment fault";
	case 0x24: return "data abort from a lower EL";
	case 0x25: return "data abort from the same EL";
	case 0x26: return "SP alignment fault";
	case 0x2f: return "SError interrupt";
	case 0x30: return "breakpoint from a lower EL";
	case 0x31: return "breakpoint from the same EL";
	case 0x32: return "software step from a lower EL";
	case 0x33: return "software step from the same EL";
	case 0x34: return "watchpoint from a lower EL";
	case 0x35: return "watchpoint from the same EL";
	case 0x3c: return "BRK instruction";
	default:   return "other exception class";
	}
}

bool esr_is_abort(unsigned ec)
{
	return ec == 0x20 || ec == 0x21 || ec == 0x24 || ec == 0x25;
}

unsigned esr_fault_status(uint64_t esr)
{
	return (unsigned)(esr & 0x3f);
}

bool esr_is_write(uint64_t esr)
{
	return (esr >> 6) & 1;   /* ISS.WnR, data aborts */
}

const char *vector_slot_name(unsigned slot)
{
	if (slot >= 16)
		return "?";
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
	default: return "SError, lower EL (AArch32)";
	}
}
