# scripts/gdb/stubgdb - the code behind scripts/gdb/stub.py, one module per
# concern. stub.py (the file users source) imports commands.py, which
# registers the gdb commands.
#
# Pure (no gdb: plain python3 imports them; tests/gdbpy tests them):
#   errors.py   StubError, the one user-facing failure
#   bits.py     bit-field extraction
#   regs.py     register field decoders (SCTLR, TCR, MAIR, TTBR, ESR, HCR, CPSR)
#   fmt.py      sizes as the stub prints them
#   regime.py   a stage 1 regime and its VA ranges' geometry, from values
#   desc.py     one descriptor: its kind, output address, attributes
#   tables.py   descriptors out of any byte-readable physical memory
#   walker.py   the walk of one VA, and the dump of a whole range
#   report.py   the text pt-walk, pt-dump and mmu-regs print
#   opts.py     the commands' argument parsing
#   elf.py      the image file: sections, link base, size, link -> load
#   result.py   the boot's result record (lib/result.h) decoded
# Need gdb:
#   target.py   registers, expressions and symbols of the connected target
#   mem.py      guest physical memory through QEMU's gdbstub
#   commands.py the gdb commands and the $stub_pa function
