# scripts/gdb/stubgdb/opts.py - the arguments of pt-walk and pt-dump
# (pure): the leading -elN / -f options and pt-dump's choice of range.

from .errors import StubError

DUMP_USAGE = "usage: pt-dump [-el1|-el2|-el3] [-f] [ttbr0|ttbr1]"


def parse_opts(arg):
    """(forced EL or None, -f given, the rest). Leading -el1/-el2/-el3 and
    -f; the rest is kept verbatim (an expression may contain quotes and
    spaces)."""
    force_el, force, rest = None, False, arg.strip()
    while rest:
        word, _, tail = rest.partition(" ")
        if word in ("-el1", "-el2", "-el3"):
            force_el = int(word[3])
        elif word == "-f":
            force = True
        else:
            break
        rest = tail.strip()
    return force_el, force, rest


def dump_halves(which, regime):
    """The ranges pt-dump prints: [0, 1], [0] or [1] (only TTBR0 in a
    one-range regime)."""
    which = which.lower()
    if which in ("", "all"):
        return [0, 1] if regime.two_ranges else [0]
    if which in ("ttbr0", "0"):
        return [0]
    if which in ("ttbr1", "1"):
        if not regime.two_ranges:
            raise StubError("the %s regime has only TTBR0" % regime.name)
        return [1]
    raise StubError(DUMP_USAGE)
