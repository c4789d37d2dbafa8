# tests/gdb/t_debug.py - `make debug` as a user gets it (scripts/gdb/debug.mk
# and debug.py): run last on the gdb command line debug.py builds
# (tests/gdb/debug-gdb.sh appends it), so loading stub.py, the ELF,
# stub-symbols at the board's load address and attaching to QEMU are theirs,
# not this script's. Checks that gdb is attached to a QEMU paused before
# the boot (MMU off), that stub.py's commands are there, that stub-symbols
# put primary_entry at its physical and its link address, and that the
# boot stops at primary_entry (physical, MMU off) and then at kernel_main
# (link address, MMU on). GDBT_LOAD: the load address debug.mk used.
import os
import sys

sys.dont_write_bytecode = True     # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gdbtest as T  # noqa: E402


def body():
    T.run("set pagination off")
    T.run("set confirm off")
    out, err = T.try_run("info registers pc")
    T.check(out is not None, "gdb is attached to QEMU's gdbstub", err or "")
    sctlr = T.reg("SCTLR")
    T.check((sctlr & 1) == 0, "QEMU waits before the boot: SCTLR_EL1.M == 0", "0x%x" % sctlr)
    out, err = T.try_run("help pt-walk")
    T.check(out is not None and "pt-walk" in out, "scripts/gdb/stub.py is loaded (help pt-walk)",
            err or "")

    va = {n: T.link_addr(n) for n in ("_text", "primary_entry", "kernel_main")}
    pa = {n: (v - va["_text"] + T.LOAD) & T.M64 for n, v in va.items()}
    out = T.run("hbreak primary_entry")
    T.check("2 locations" in out,
            "stub-symbols ran: primary_entry at its physical and its link address", out.strip())
    T.cont()
    pc, sctlr = T.reg("pc"), T.reg("SCTLR")
    T.check(pc == pa["primary_entry"] and (sctlr & 1) == 0,
            "the boot stops at primary_entry's pa 0x%x, MMU off" % pa["primary_entry"],
            "pc 0x%x SCTLR 0x%x" % (pc, sctlr))
    T.run("hbreak kernel_main")
    T.cont()
    pc, sctlr = T.reg("pc"), T.reg("SCTLR")
    T.check(pc == va["kernel_main"] and (sctlr & 1) == 1,
            "then at kernel_main's link address 0x%x, MMU on" % va["kernel_main"],
            "pc 0x%x SCTLR 0x%x" % (pc, sctlr))


T.main(body)
