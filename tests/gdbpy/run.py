#!/usr/bin/env python3
"""tests/gdbpy/run.py - the host tests of scripts/gdb/stubgdb's pure modules
(register decoders, walker over fake memory, output text, ELF reading,
argument parsing): plain python3 unittest, no gdb, no QEMU.

Owns: finding tests/gdbpy/test_*.py, running them, and the one closing
line "gdbpy: N passed, M failed" (N, M: test methods; exit status non-zero
on any failure).
usage: run.py [-v]      (also: python3 -B -m unittest discover -s tests/gdbpy)
"""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True     # no __pycache__ in the source tree
sys.path.insert(0, HERE)


def failed_tests(result):
    """Test methods that failed or erred: a method whose subtests fail
    several times is one failure, as it is one test."""
    bad = set()
    for test, _ in result.failures + result.errors:
        bad.add(getattr(test, "test_case", test).id())
    for test in result.unexpectedSuccesses:
        bad.add(test.id())
    return bad


def main():
    suite = unittest.defaultTestLoader.discover(HERE, pattern="test_*.py", top_level_dir=HERE)
    verbosity = 2 if "-v" in sys.argv[1:] else 1
    result = unittest.TextTestRunner(verbosity=verbosity, stream=sys.stderr).run(suite)
    sys.stderr.flush()
    failed = len(failed_tests(result))
    passed = result.testsRun - failed - len(result.skipped)
    if not result.testsRun:        # nothing found is no evidence: a failure
        failed += 1
    print("gdbpy: %d passed, %d failed" % (passed, failed))
    return 1 if failed or not result.wasSuccessful() else 0


if __name__ == "__main__":
    sys.exit(main())
