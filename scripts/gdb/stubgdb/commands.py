# scripts/gdb/stubgdb/commands.py - the gdb commands stub-symbols, mmu-regs,
# pt-walk, pt-dump, stub-result and the function $stub_pa (needs gdb): their help text,
# arguments and printing. The work is in the pure modules (regime, walker,
# report, elf); register() makes gdb know the commands.

import gdb

from . import report, result
from .bits import M64, bit
from .elf import elf_image_size, elf_link_base, link_to_load
from .errors import StubError
from .mem import PhysMem
from .opts import dump_halves, parse_opts
from .target import current_el, eval_addr, live_regime, reg, symbol_note
from .walker import dump_half, walk

DEFAULT_LOAD_PA = 0x40200000

# The image's link address, load address and size, once stub-symbols ran.
IMAGE = {}


def run_safely(fn, *a):
    """Any failure as one gdb error message, never a Python traceback."""
    try:
        fn(*a)
    except StubError as e:
        raise gdb.GdbError(str(e))
    except gdb.MemoryError as e:
        raise gdb.GdbError("memory read failed: %s" % e)
    except gdb.error as e:
        raise gdb.GdbError(str(e))


def put(lines):
    for line in lines:
        print(line)


class StubSymbols(gdb.Command):
    """Load the stub's symbols a second time, at its physical load address.

Usage: stub-symbols [PHYS_LOAD] [ELF]
       stub-symbols off

The ELF is linked at its high-half virtual address (KIMAGE_VADDR,
0xffffffc000000000) but runs at the address the loader chose (QEMU -kernel:
0x40200000, the default) until the MMU is on and head.S jumps to the link
address. This adds the ELF's symbols, line tables and unwind information
again with every section moved by PHYS_LOAD - link address, so:
  hbreak primary_entry / __create_page_tables / mmu_enable
      hit at the physical address (MMU off), with source lines and backtrace;
  hbreak kernel_main  hits at the virtual address (MMU on).
A breakpoint on a symbol gets two locations (physical and virtual); use
hbreak: a software breakpoint cannot be inserted at the virtual address
while the MMU is off, and may be lost across the MMU switch.
Globals still resolve to their link address, unreadable before the MMU is
on: read them through $stub_pa, e.g. p/x ((unsigned long *)$stub_pa(&early_pgd))[1].
ELF defaults to the file loaded with `file`. `off` removes the copy."""

    def __init__(self):
        super().__init__("stub-symbols", gdb.COMMAND_FILES, gdb.COMPLETE_FILENAME)

    def invoke(self, arg, from_tty):
        run_safely(self.do, arg)

    def do(self, arg):
        argv = gdb.string_to_argv(arg)
        if argv and argv[0] == "off":
            self.remove()
            print("stub-symbols: physical copy removed")
            return
        load = eval_addr(argv[0]) if argv else DEFAULT_LOAD_PA
        elf = argv[1] if len(argv) > 1 else gdb.current_progspace().filename
        if not elf:
            raise StubError("no ELF: `file build/stub.elf` first, or give it: "
                            "stub-symbols 0x40200000 build/stub.elf")
        if load & 0xfff:
            print("stub-symbols: warning: 0x%x is not page aligned (the stub needs 2 MiB)" % load)
        link = elf_link_base(elf)
        offset = (load - link) & M64
        self.remove()
        quoted = '"%s"' % elf if " " in elf else elf
        gdb.execute("add-symbol-file %s -o 0x%x" % (quoted, offset), from_tty=False,
                    to_string=True)
        # Kept in a convenience variable: it survives sourcing stub.py again.
        gdb.set_convenience_variable("_stub_symbols_load", load)
        IMAGE.update(link=link, load=load, size=elf_image_size(elf))
        print("stub-symbols: %s linked at 0x%x, symbols added at pa 0x%x (offset 0x%x)"
              % (elf, link, load, offset))
        print("stub-symbols: use hbreak; pre-MMU code (primary_entry, "
              "__create_page_tables, mmu_enable) hits at the pa, kernel_main at the va")

    @staticmethod
    def remove():
        load = gdb.convenience_variable("_stub_symbols_load")
        if load is not None and load.type.code != gdb.TYPE_CODE_VOID:
            try:
                gdb.execute("remove-symbol-file -a 0x%x" % (int(load) & M64), from_tty=False,
                            to_string=True)
            except gdb.error:
                pass
            gdb.execute("set $_stub_symbols_load = (void)0", to_string=True)
        IMAGE.clear()


class StubPa(gdb.Function):
    """$stub_pa(VA): the physical address of a link (virtual) address of the
image, from stub-symbols' load address; other addresses are returned as
they are. Before the MMU is on, globals resolve to their link address,
which cannot be read yet: p/x ((unsigned long *)$stub_pa(&early_pgd))[1]"""

    def __init__(self):
        super().__init__("stub_pa")

    def invoke(self, va):
        if not IMAGE:
            raise gdb.GdbError("$stub_pa: run stub-symbols first")
        v = link_to_load(IMAGE, int(va) & M64)
        return gdb.Value(v).cast(gdb.lookup_type("unsigned long"))


class MmuRegs(gdb.Command):
    """Decode the MMU registers of the current CPU.

Usage: mmu-regs

Prints SCTLR_EL1, TCR_EL1, MAIR_EL1, TTBR0_EL1, TTBR1_EL1, ESR_EL1 and
FAR_EL1 (the first line of each in the stub's report format), and at EL2/EL3
the registers of that regime too when QEMU's gdbstub exposes them."""

    def __init__(self):
        super().__init__("mmu-regs", gdb.COMMAND_STATUS)

    def invoke(self, arg, from_tty):
        run_safely(self.do)

    def do(self):
        el = current_el()
        print(report.cpsr_line(reg("cpsr") & 0xffffffff))
        self.rows(report.EL1_ROWS)
        hcr = reg("HCR_EL2")
        if el >= 2 and hcr is not None:
            print(report.hcr_line(hcr))
            self.rows(report.el2_rows(bit(hcr, 34)))
        if el == 3:
            self.rows(report.EL3_ROWS)

    @staticmethod
    def rows(rows):
        for name, fmt, extra in rows:
            put(report.reg_lines(name, reg(name), fmt, extra, symbol_note))


class PtWalk(gdb.Command):
    """Walk the live translation tables for one virtual address.

Usage: pt-walk [-el1|-el2|-el3] [-f] VA

VA is any gdb expression ($pc, $sp, 0xffffffc000000000, &var; a function,
array or struct stands for its address; a linker symbol without debug info
needs &). The regime is
the current EL's (EL1&0; EL2, or EL2&0 when HCR_EL2.E2H=1; EL3) unless
forced with -elN. Granule, start level and ranges come from the live TCR;
tables are read from guest physical memory. Prints each level's table
address, index and descriptor, then exactly one line with `pa=0x...` and
the attributes, or the level at which the walk faults. With the MMU off in
that regime the result is pa = va unless -f walks the tables anyway."""

    def __init__(self):
        super().__init__("pt-walk", gdb.COMMAND_DATA, gdb.COMPLETE_EXPRESSION)

    def invoke(self, arg, from_tty):
        run_safely(self.do, arg)

    def do(self, arg):
        force_el, force, expr = parse_opts(arg)
        if not expr:
            raise StubError("usage: pt-walk [-el1|-el2|-el3] [-f] VA")
        va = eval_addr(expr)
        r = live_regime(force_el)
        put(report.note_lines(r.notes))
        if not r.mmu_on and not force:
            put(report.walk_off_lines(r, va))
            return
        with PhysMem() as mem:
            mem.big_endian = r.big_endian
            res = walk(r, mem, va)
        put(report.walk_lines(r, va, res))


class PtDump(gdb.Command):
    """Dump every mapping of one or both halves, merged into ranges.

Usage: pt-dump [-el1|-el2|-el3] [-f] [ttbr0|ttbr1]

One line per range, in the stub's format (mmu/dump.c pt_range_format):
  VA_START-VA_END pa PA SIZE Ln ATTRS
Adjacent leaves merge when the va and pa are contiguous and the level and
attributes are equal. Without an argument both halves are dumped (only
TTBR0 in the EL2 and EL3 regimes)."""

    def __init__(self):
        super().__init__("pt-dump", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        run_safely(self.do, arg)

    def do(self, arg):
        force_el, force, which = parse_opts(arg)
        r = live_regime(force_el)
        halves = dump_halves(which, r)
        put(report.note_lines(r.notes))
        if not r.mmu_on and not force:
            print(report.dump_off_line(r))
            return
        with PhysMem() as mem:
            mem.big_endian = r.big_endian
            for n in halves:
                h = r.half(n)
                print(report.dump_header(h))
                if h.epd:
                    print(report.dump_disabled_line(h))
                    continue
                ranges = []
                dump_half(h, mem, ranges)
                put(report.range_lines(ranges))


class StubResult(gdb.Command):
    """Print the boot's result record (lib/result.h): how the run ended.

Usage: stub-result [PHYS_LOAD]

The record lies at PHYS_LOAD + 0x800 (RESULT_OFFSET) in guest physical
memory; PHYS_LOAD defaults to stub-symbols' load address, else 0x40200000
(QEMU -kernel on virt). Readable whatever the MMU does, also after a boot
that printed nothing (no console, no semihosting): its state (never ran,
running, ended), the exit status, the checks passed and failed, the CPUs
online, the console and the rule that chose it, where the output went,
and the first fatal line."""

    def __init__(self):
        super().__init__("stub-result", gdb.COMMAND_STATUS, gdb.COMPLETE_EXPRESSION)

    def invoke(self, arg, from_tty):
        run_safely(self.do, arg)

    def do(self, arg):
        load = eval_addr(arg) if arg.strip() else IMAGE.get("load", DEFAULT_LOAD_PA)
        pa = load + result.OFFSET
        with PhysMem() as mem:
            raw = mem.read(pa, result.SIZE)
        put(result.lines(result.decode(raw), pa))


def register():
    """Make gdb know the commands (a second call replaces them)."""
    StubSymbols()
    StubPa()
    MmuRegs()
    PtWalk()
    PtDump()
    StubResult()
