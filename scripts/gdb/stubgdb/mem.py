# scripts/gdb/stubgdb/mem.py - guest physical memory through QEMU's gdbstub
# (needs gdb): the Qqemu.PhyMemMode switch, always switched back, and gdb's
# memory cache dropped on both sides of it (it holds virtual-mode reads).

import re

import gdb

from .errors import StubError
from .tables import DescReader


def flush_dcache():
    """Drop gdb's memory cache (its name changed across gdb versions)."""
    for cmd in ("maint flush dcache", "maint flush-dcache"):
        try:
            gdb.execute(cmd, to_string=True)
            return
        except gdb.error:
            continue


class PhysMem(DescReader):
    """Context: the gdbstub reads guest physical memory while inside.
    QEMU's Qqemu.PhyMemMode:1; always restored to :0 and gdb's cache flushed."""

    def __init__(self):
        super().__init__()
        self.inf = None

    def __enter__(self):
        try:
            out = gdb.execute("maint packet Qqemu.PhyMemMode:1", to_string=True)
        except gdb.error as e:
            raise StubError("cannot switch the gdbstub to physical memory (%s); "
                            "is gdb connected to QEMU?" % e)
        if not re.search(r'received: "?OK"?\s*$', out, re.M):
            raise StubError("the target refused Qqemu.PhyMemMode:1 (not QEMU's gdbstub?): %s"
                            % out.strip().replace("\n", " "))
        flush_dcache()
        self.inf = gdb.selected_inferior()
        return self

    def __exit__(self, *exc):
        try:
            gdb.execute("maint packet Qqemu.PhyMemMode:0", to_string=True)
            flush_dcache()
        except gdb.error:
            pass
        return False

    def read(self, pa, nbytes):
        try:
            return bytes(self.inf.read_memory(pa, nbytes))
        except (gdb.error, gdb.MemoryError) as e:
            raise StubError("cannot read guest physical memory at 0x%x: %s" % (pa, e))
