# scripts/gdb/stub.py - gdb commands for AArch64 bare-metal debugging on QEMU.
#
# Load in any gdb session (gdb-multiarch, aarch64 target, QEMU's gdbstub):
#     (gdb) source scripts/gdb/stub.py
#
# Commands (each has `help NAME`):
#   stub-symbols [PHYS_LOAD|off] [ELF]  also load the ELF's symbols at its
#                                       physical load address (pre-MMU code)
#   $stub_pa(VA)                        an image link address -> its pa
#   mmu-regs                            MMU registers decoded field by field
#   pt-walk [-el1|-el2|-el3] [-f] VA    walk the live tables for one address
#   pt-dump [-el1|-el2|-el3] [-f] [ttbr0|ttbr1]
#                                       every mapping, merged into ranges
#
# The walker is generic VMSAv8-64 stage 1: granule, levels and ranges come
# from the live TCR (TxSZ, TG0/TG1, IPS/PS, EPDn, TBIn), the tables are read
# from guest physical memory (QEMU's Qqemu.PhyMemMode), and the regime is the
# one of the current exception level (EL1&0, EL2 or EL2&0 with HCR_EL2.E2H,
# EL3) unless forced. Block/page attributes are printed in the stub's own
# format (mmu/desc.c pte_attrs_format, mmu/dump.c pt_range_format).
# Stage 2 is not walked: when HCR_EL2.VM is set, pa= is an IPA and says so.
#
# This file is only the loader: it puts its folder on sys.path and imports
# the package stubgdb/ (one module per concern; stubgdb/__init__.py lists
# them). The pure modules (register decoders, the walker, the output's text)
# do not import gdb: tests/gdbpy tests them with plain python3.

import inspect
import os
import sys


def _load_stubgdb():
    """Import stubgdb afresh and register its commands. Sourcing this file
    again re-imports every module (edits take effect, stub-symbols' state
    starts empty) and writes no __pycache__ into the source tree."""
    # Not __file__: gdb leaves it alone when this file is sourced from
    # another Python script (it keeps that script's); the running code was
    # compiled from this file's path.
    here = os.path.dirname(os.path.abspath(inspect.currentframe().f_code.co_filename))
    if here not in sys.path:
        sys.path.insert(0, here)
    for name in [m for m in sys.modules if m == "stubgdb" or m.startswith("stubgdb.")]:
        del sys.modules[name]
    no_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    try:
        import stubgdb.commands
    finally:
        sys.dont_write_bytecode = no_bytecode
    stubgdb.commands.register()


_load_stubgdb()
del _load_stubgdb
