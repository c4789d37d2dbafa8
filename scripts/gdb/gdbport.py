#!/usr/bin/env python3
"""scripts/gdb/gdbport.py - TCP ports for QEMU's gdbstub (Linux).

  gdbport.py                      print a free port on 127.0.0.1 (the kernel
                                  picks it: bind to port 0), never a fixed 1234
  gdbport.py --wait PID PORT [S]  wait up to S seconds (default 10) until
                                  process PID, or one of its descendants (PID
                                  may be a `timeout` wrapper), listens on
                                  127.0.0.1:PORT; exit 0, or 1 if PID died or
                                  time ran out (e.g. someone else took the port)
"""
import os
import socket
import sys
import time


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listen_inodes(port):
    """Socket inodes listening on 127.0.0.1:port or 0.0.0.0:port."""
    want = {"0100007F:%04X" % port, "00000000:%04X" % port}
    inodes = set()
    with open("/proc/net/tcp") as f:
        for line in f.readlines()[1:]:
            cols = line.split()
            if cols[1] in want and cols[3] == "0A":
                inodes.add(cols[9])
    return inodes


def _tree(pid):
    """pid and all its descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir("/proc/%d/task" % p):
                with open("/proc/%d/task/%s/children" % (p, task)) as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return out


def owns_listener(pid, port):
    """Does pid (or a descendant) hold the listening socket of port?"""
    inodes = _listen_inodes(port)
    if not inodes:
        return False
    for p in _tree(pid):
        try:
            for fd in os.listdir("/proc/%d/fd" % p):
                link = os.readlink("/proc/%d/fd/%s" % (p, fd))
                if link.startswith("socket:[") and link[8:-1] in inodes:
                    return True
        except OSError:
            continue
    return False


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_listening(pid, port, seconds=10.0):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if owns_listener(pid, port):
            return True
        if not alive(pid):
            return False
        time.sleep(0.05)
    return False


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "--wait":
        ok = wait_listening(int(sys.argv[2]), int(sys.argv[3]),
                            float(sys.argv[4]) if len(sys.argv) > 4 else 10.0)
        sys.exit(0 if ok else 1)
    if len(sys.argv) > 1:
        sys.exit(__doc__)
    print(free_port())
