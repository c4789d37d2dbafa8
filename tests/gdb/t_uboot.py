# tests/gdb/t_uboot.py - pt-walk is not specific to the stub: attach to
# Debian's U-Boot for QEMU (MMU on, its own 4-level tables, identity map)
# while it counts down to autoboot, and walk its tables at the CPU's EL
# (GDBT_EL: 1 -> EL1&0 with TTBR0_EL1, 2 -> EL2 with TTBR0_EL2).
import os
import sys

sys.dont_write_bytecode = True     # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gdbtest as T  # noqa: E402

EL = int(os.environ.get("GDBT_EL", "1"))
REGIME = {1: "EL1&0 regime, TTBR0_EL1", 2: "EL2 regime, TTBR0_EL2"}[EL]


def body():
    T.setup(symbols=False)
    el = (T.reg("cpsr") >> 2) & 3
    T.check(el == EL, "U-Boot runs at EL%d" % EL, "EL%d" % el)

    out, err = T.try_run("mmu-regs")
    T.check(out is not None and "TCR_EL1   0x" in out, "mmu-regs on U-Boot", err or "")
    if EL == 2:
        T.check(out is not None and "TTBR0_EL2 0x" in out and "TCR_EL2   0x" in out,
                "mmu-regs shows the EL2 registers", out or err)

    for expr in ("$pc", "$sp"):
        va = T.reg(expr[1:])
        w = T.pt_walk(expr)
        T.check(w.get("pa") == va and w.get("regime") == REGIME and w["pa_lines"] == 1,
                "pt-walk %s (0x%x): identity-mapped, walked in the %s" % (expr, va, REGIME),
                w.get("error") or w["out"])
        T.check("L0 table" in w["out"], "pt-walk %s: the walk starts at level 0 (4 levels)" % expr,
                w["out"])

    # Outside every range this regime translates: a level-0 fault, no pa.
    w = T.pt_walk("0xffff000000000000")
    T.check(w.get("fault_level") == 0 and w["pa_lines"] == 0,
            "pt-walk of an untranslated high address faults at level 0",
            w.get("error") or w["out"])

    out, err = T.try_run("pt-dump")
    ranges = [l.split() for l in (out or "").splitlines() if l.startswith("  0x")]
    ident = all(int(r[0].split("-")[0], 16) == int(r[2], 16) for r in ranges)
    T.check(out is not None and ranges and ident,
            "pt-dump: %d ranges, all identity-mapped" % len(ranges), err or out)

    T.run("detach")


T.main(body)
