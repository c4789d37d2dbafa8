#!/bin/sh
# tests/gdb/debug-gdb.sh - the debugger `make debug` starts in the
# make-debug case of tests/gdb/run.sh (GDB=tests/gdb/debug-gdb.sh).
#
# Owns: running gdb-multiarch (GDB_REAL) in batch mode on the command line
# scripts/gdb/debug.py built, unchanged (stub.py, the ELF, stub-symbols at
# the load address, target remote), then t_debug.py's checks; no input.
exec "${GDB_REAL:-gdb-multiarch}" -nx -batch "$@" -x "$(dirname "$0")/t_debug.py" </dev/null
