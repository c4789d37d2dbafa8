# scripts/gdb/stubgdb/tables.py - descriptors read out of a physical memory
# that can only hand back bytes (pure). A subclass supplies read(pa, nbytes):
# mem.py through QEMU's gdbstub, the host tests from a dict. Owns the
# descriptors' byte order (SCTLR.EE) and the per-command cache of whole
# tables that pt-dump reads.

import struct


class DescReader:
    """desc(pa) and table(pa, n) over self.read(pa, nbytes)."""

    def __init__(self):
        self.big_endian = False
        self.cache = {}

    def read(self, pa, nbytes):
        raise NotImplementedError

    def _unpack(self, raw, n):
        return struct.unpack((">" if self.big_endian else "<") + "%dQ" % n, raw)

    def table(self, pa, n):
        """The n descriptors of the table at pa (cached: tables do not change
        while one command runs, and pt-dump visits each once per level)."""
        key = (pa, n)
        if key not in self.cache:
            self.cache[key] = self._unpack(self.read(pa, 8 * n), n)
        return self.cache[key]

    def desc(self, pa):
        """One descriptor, never cached (pt-walk reads each once)."""
        return self._unpack(self.read(pa, 8), 1)[0]
