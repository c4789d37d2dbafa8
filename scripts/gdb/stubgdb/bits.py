# scripts/gdb/stubgdb/bits.py - bit-field extraction from register and
# descriptor values, and the 64-bit mask (pure).

M64 = (1 << 64) - 1


def bits(v, hi, lo):
    """Field v[hi:lo], inclusive, as the Arm ARM writes it."""
    return (v >> lo) & ((1 << (hi - lo + 1)) - 1)


def bit(v, n):
    return (v >> n) & 1
