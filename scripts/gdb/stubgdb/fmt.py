# scripts/gdb/stubgdb/fmt.py - sizes printed the way the stub prints them
# (mmu/dump.c format_size), so gdb's lines compare equal to the report's
# (pure).


def format_size(size):
    """The largest unit that divides size exactly: 4K, 2M, 1956K, 12B."""
    u = -1
    while u < 3 and size and (size & 1023) == 0:
        size >>= 10
        u += 1
    return "%dB" % size if u < 0 else "%d%s" % (size, "KMGT"[u])
