# tests/gdb/t_breakpoints.py - hardware breakpoints on both sides of the MMU
# switch, with stub-symbols: pre-MMU symbols stop at the physical address
# with SCTLR_EL1.M == 0 (and the early tables are read through $stub_pa
# before and after the macros wrote them), kernel_main at its link address
# with M == 1; the
# frame, source file and backtrace are right in both phases. Also: errors
# are clean messages and pt-walk leaves the gdbstub in virtual mode.
import os
import sys

sys.dont_write_bytecode = True     # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gdbtest as T  # noqa: E402

import gdb  # noqa: E402


def body():
    T.run("set pagination off")
    T.run("file %s" % T.ELF)
    va = {n: T.link_addr(n) for n in ("_text", "primary_entry", "__create_page_tables",
                                    "mmu_enable", "kernel_main", "early_pgd",
                                    "early_idmap_pmd")}
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

    T.run("hbreak __create_page_tables")
    stop_at("__create_page_tables", 0, "pa")
    # The early tables are shipped as zeros: nothing written yet.
    idx = (T.LOAD >> 30) & 511
    entry = "((unsigned long *)$stub_pa(&early_pgd))[%d]" % idx
    out, err = T.try_run("p/x " + entry)
    T.check(out is not None and out.strip().endswith("= 0x0"),
            "__create_page_tables: the identity's level-1 entry is still zero", err or out)

    T.run("hbreak mmu_enable")
    bt = stop_at("mmu_enable", 0, "pa")
    T.check("primary_entry" in bt, "mmu_enable: backtrace (MMU off) reaches primary_entry", bt)
    # A global before the MMU is on: through its pa ($stub_pa), the table
    # entry the macros wrote is readable (at its link address it is not,
    # yet): a table descriptor pointing at early_idmap_pmd.
    want = pa["early_idmap_pmd"] | 3
    out, err = T.try_run("p/x " + entry)
    T.check(out is not None and out.strip().endswith("= 0x%x" % want),
            "mmu_enable: early_pgd[%d] read through $stub_pa links early_idmap_pmd (0x%x)"
            % (idx, want), err or out)
    # TTBR0 and TTBR1 come in as the one shared root, x0 == x1.
    T.check(T.reg("x0") == pa["early_pgd"] and T.reg("x1") == pa["early_pgd"],
            "mmu_enable: x0 = x1 = early_pgd's pa", "x0 0x%x x1 0x%x" % (T.reg("x0"), T.reg("x1")))

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
