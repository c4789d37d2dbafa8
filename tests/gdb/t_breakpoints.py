# tests/gdb/t_breakpoints.py - hardware breakpoints on both sides of the MMU
# switch, with stub-symbols: pre-MMU symbols stop at the physical address
# with SCTLR_EL1.M == 0, kernel_main at its link address with M == 1; the
# frame, source file and backtrace are right in both phases. Also: errors
# are clean messages and pt-walk leaves the gdbstub in virtual mode.
import os
import re
import sys

sys.dont_write_bytecode = True     # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gdbtest as T  # noqa: E402

import gdb  # noqa: E402


def link_addr(name):
    """Link (virtual) address of a symbol, from the ELF alone."""
    out = T.run("info address %s" % name)
    m = re.search(r"0x([0-9a-f]+)", out)
    return int(m.group(1), 16)


def body():
    T.run("set pagination off")
    T.run("file %s" % T.ELF)
    va = {n: link_addr(n) for n in ("_text", "primary_entry", "early_init", "mmu_enable",
                                    "kernel_main")}
    pa = {n: (v - va["_text"] + T.LOAD) & T.M64 for n, v in va.items()}
    T.setup()

    out = T.run("hbreak primary_entry")
    T.check("2 locations" in out, "hbreak primary_entry has a physical and a virtual location",
            out.strip())

    def stop_at(name, mmu, where):
        T.cont()
        pc, sctlr = T.reg("pc"), T.reg("SCTLR")
        want = pa[name] if where == "pa" else va[name]
        T.check(pc == want, "%s: stopped at its %s 0x%x" % (name, where, want), "pc 0x%x" % pc)
        T.check((sctlr & 1) == mmu, "%s: SCTLR_EL1.M == %d" % (name, mmu), "SCTLR 0x%x" % sctlr)
        T.check(T.frame_name() == name, "%s: selected frame is %s" % (name, name), T.frame_name())
        sal = gdb.selected_frame().find_sal()
        src = sal.symtab.filename if sal.symtab else None
        T.check(src is not None and sal.line > 0, "%s: source line known" % name,
                "no line info at 0x%x" % pc)
        return T.run("bt")

    bt = stop_at("primary_entry", 0, "pa")
    want_el = int(os.environ.get("GDBT_EL", "1"))
    el = (T.reg("cpsr") >> 2) & 3
    T.check(el == want_el, "primary_entry: entered at EL%d" % want_el, "EL%d" % el)
    T.check("primary_entry" in bt, "primary_entry: in the backtrace", bt)
    out, err = T.try_run("mmu-regs")
    T.check(out is not None and "SCTLR_EL1 0x" in out and "M=0" in out,
            "mmu-regs before the MMU is on", err or "")

    T.run("hbreak early_init")
    bt = stop_at("early_init", 0, "pa")
    T.check(gdb.selected_frame().older() is not None
            and gdb.selected_frame().older().name() == "primary_entry",
            "early_init: backtrace (MMU off) reaches primary_entry", bt)

    T.run("hbreak mmu_enable")
    bt = stop_at("mmu_enable", 0, "pa")
    T.check("primary_entry" in bt, "mmu_enable: backtrace (MMU off) reaches primary_entry", bt)
    # A global before the MMU is on: through its pa ($stub_pa), early_init's
    # result is readable (at its link address it is not, yet).
    out, err = T.try_run("p/x ((struct boot_facts *)$stub_pa(&boot_facts))->phys_text")
    T.check(out is not None and out.strip().endswith("= 0x%x" % T.LOAD),
            "mmu_enable: boot_facts.phys_text read through $stub_pa is the load address",
            err or out)

    T.run("hbreak kernel_main")
    bt = stop_at("kernel_main", 1, "va")
    T.check("kernel_main" in bt, "kernel_main: in the backtrace", bt)
    el = (T.reg("cpsr") >> 2) & 3
    T.check(el == 1, "kernel_main: runs at EL1", "EL%d" % el)
    sal = gdb.selected_frame().find_sal()
    T.check(sal.symtab is not None and sal.symtab.filename.endswith("main.c"),
            "kernel_main: source file start/main.c",
            sal.symtab.filename if sal.symtab else "none")

    # pt-walk on the pc, then the gdbstub must be back in virtual mode: the
    # code bytes read at kernel_main's va equal those at its pa (idmap).
    w = T.pt_walk("$pc")
    T.check(w.get("pa") == pa["kernel_main"], "pt-walk $pc at kernel_main gives its pa",
            w.get("error") or w.get("out", ""))
    by_va = bytes(gdb.selected_inferior().read_memory(va["kernel_main"], 16))
    by_pa = bytes(gdb.selected_inferior().read_memory(pa["kernel_main"], 16))
    T.check(by_va == by_pa and by_va != bytes(16),
            "virtual memory mode restored after pt-walk", "%s vs %s" % (by_va.hex(), by_pa.hex()))

    # Errors: one clean message, no Python traceback.
    for cmd, want in (("pt-walk no_such_symbol", "cannot evaluate"),
                      ("pt-walk", "usage"),
                      ("pt-dump ttbr7", "usage"),
                      ("pt-walk -el3 0", "not available")):
        out, err = T.try_run(cmd)
        T.check(err is not None and want in err and "Traceback" not in err,
                "'%s' fails cleanly" % cmd, "output %r error %r" % (out, err))

    T.run("kill")


T.main(body)
