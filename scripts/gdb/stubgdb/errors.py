# scripts/gdb/stubgdb/errors.py - StubError, the one user-facing failure
# type (pure). The commands turn it into a gdb error: one message, no
# traceback.


class StubError(Exception):
    """A user-facing failure: printed as one message, no traceback."""
