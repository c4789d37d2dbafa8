# scripts/gdb/stubgdb/target.py - what gdb knows of the connected target
# (needs gdb): its registers under QEMU's gdbstub names, the current EL,
# the regime of an EL filled from the live registers, expressions as
# addresses, and symbol names for addresses.

import gdb

from .bits import M64
from .errors import StubError
from .regime import Regime
from .regs import cpsr_el

# QEMU 7.2's gdbstub names: SCTLR_EL1 is "SCTLR" ($SCTLR_EL1 is void), VBAR_EL1
# is "VBAR"; the EL is PSTATE.EL in $cpsr (there is no CurrentEL register).
REG_ALIASES = {
    "SCTLR_EL1": ("SCTLR", "SCTLR_EL1"),
    "VBAR_EL1": ("VBAR", "VBAR_EL1"),
    "CPACR_EL1": ("CPACR", "CPACR_EL1"),
}


def reg(name):
    """Value of a register as an unsigned 64-bit int, or None if the target
    does not have it (gdb evaluates an unknown $NAME to void)."""
    for n in REG_ALIASES.get(name, (name,)):
        try:
            v = gdb.parse_and_eval("$" + n)
        except gdb.error:
            continue
        if v.type.code == gdb.TYPE_CODE_VOID:
            continue
        try:
            return int(v) & M64
        except (gdb.error, ValueError, OverflowError):
            continue
    return None


def need_reg(name):
    v = reg(name)
    if v is None:
        raise StubError("register %s is not available from this target "
                        "(QEMU's gdbstub exposes only what the CPU model has)" % name)
    return v


def current_el():
    cpsr = reg("cpsr")
    if cpsr is None:
        raise StubError("cannot read $cpsr: is gdb connected (target remote HOST:PORT)?")
    return cpsr_el(cpsr)


def live_regime(force_el=None):
    """The regime of the current EL (EL0 walks EL1&0's tables), or of
    force_el, with its registers read now."""
    el = current_el()
    el = force_el if force_el is not None else el
    if el == 0:
        el = 1
    r = Regime(el, reg("HCR_EL2"))
    try:
        values = (need_reg(r.sctlr_name), need_reg(r.tcr_name), need_reg(r.mair_name),
                  [need_reg(n) for n in r.ttbr_names])
    except StubError as e:
        raise StubError("%s; cannot walk the %s regime%s" % (
            e, r.name, "" if el == 1 else " (try -el1 for the EL1&0 tables)"))
    r.set_values(*values, mmfr0=reg("ID_AA64MMFR0_EL1"))
    return r


def symbol_note(addr):
    """' (name)' when an address is exactly a symbol, e.g. a table's label."""
    try:
        out = gdb.execute("info symbol 0x%x" % addr, to_string=True).strip()
    except gdb.error:
        return ""
    if out.startswith("No symbol") or " + " in out.split(" in section")[0]:
        return ""
    return " (%s)" % out.split(" in section")[0]


def eval_addr(expr):
    """A gdb expression as an address: a function, array or struct stands
    for its address, as in C."""
    try:
        v = gdb.parse_and_eval(expr)
        code = v.type.strip_typedefs().code
        if code == gdb.TYPE_CODE_VOID:
            raise StubError("%s is void (no such register on this target?)" % expr)
        if code in (gdb.TYPE_CODE_ARRAY, gdb.TYPE_CODE_FUNC, gdb.TYPE_CODE_STRUCT,
                    gdb.TYPE_CODE_UNION):
            v = v.address        # an object that is not a number: its address
        return int(v) & M64
    except (gdb.error, ValueError, TypeError) as e:
        raise StubError("cannot evaluate '%s': %s" % (expr, e))
