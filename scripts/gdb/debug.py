#!/usr/bin/env python3
"""scripts/gdb/debug.py - start QEMU paused with a gdbstub, and gdb on it.

Used by `make debug` / `make debug-server` (scripts/gdb/debug.mk); also
usable alone:

  debug.py [--port N] [--gdb gdb-multiarch] [--log FILE] --elf ELF --load PA -- QEMU ARGS...
      QEMU (its own session: Ctrl-C in gdb stops the target, never QEMU)
      with -S -gdb tcp:127.0.0.1:PORT, then gdb with stub.py sourced, the
      ELF, stub-symbols PA, attached; gdb is the terminal's foreground
      process group, so Ctrl-C reaches only gdb. QEMU is killed when gdb exits.
  debug.py --server [--port N] --elf ELF --load PA -- QEMU ARGS...
      prints the gdb command line to attach, then becomes QEMU.

PORT defaults to a free one (gdbport.py: bind to port 0), never a fixed 1234; the
launch fails cleanly if QEMU does not get it.
"""
import argparse
import os
import shlex
import signal
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True     # no __pycache__ in the source tree
sys.path.insert(0, HERE)
from gdbport import free_port, wait_listening  # noqa: E402


def gdb_argv(gdb, elf, load, port):
    return [gdb, "-q", "-ex", "set architecture aarch64", "-x", os.path.join(HERE, "stub.py"),
            "-ex", "file " + os.path.abspath(elf), "-ex", "stub-symbols " + load,
            "-ex", "target remote 127.0.0.1:%d" % port]


def run_foreground(argv):
    """Run argv as the terminal's foreground process group (as a shell's
    job control does), so that Ctrl-C goes to it alone; return its status."""
    try:
        tty = os.open("/dev/tty", os.O_RDWR)
        mine = os.tcgetpgrp(tty)
    except OSError:
        return subprocess.call(argv)
    pid = os.fork()
    if pid == 0:
        try:
            os.setpgid(0, 0)
            signal.signal(signal.SIGTTOU, signal.SIG_IGN)
            os.tcsetpgrp(tty, os.getpgrp())
            signal.signal(signal.SIGTTOU, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    try:
        os.setpgid(pid, pid)
    except OSError:
        pass
    old_int = signal.signal(signal.SIGINT, signal.SIG_IGN)
    status = None
    try:
        _, status = os.waitpid(pid, 0)
    finally:
        if status is None:          # we were killed: do not leave gdb behind
            try:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            except OSError:
                pass
        old_ttou = signal.signal(signal.SIGTTOU, signal.SIG_IGN)
        try:
            os.tcsetpgrp(tty, mine)
        except OSError:
            pass
        signal.signal(signal.SIGTTOU, old_ttou)
        signal.signal(signal.SIGINT, old_int)
        os.close(tty)
    return os.waitstatus_to_exitcode(status)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--server", action="store_true")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--gdb", default="gdb-multiarch")
    ap.add_argument("--elf", required=True)
    ap.add_argument("--load", required=True)
    ap.add_argument("--log", default=os.devnull, help="QEMU's stdout/stderr (debug mode)")
    ap.add_argument("--serial", default="", help="where the console goes (for the banner)")
    ap.add_argument("qemu", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    qemu = a.qemu[1:] if a.qemu[:1] == ["--"] else a.qemu
    if not qemu:
        ap.error("no QEMU command line after --")
    port = a.port or free_port()
    qemu = qemu + ["-S", "-gdb", "tcp:127.0.0.1:%d" % port]
    gdb = gdb_argv(a.gdb, a.elf, a.load, port)

    if a.server:
        print("debug-server: QEMU paused, gdbstub on 127.0.0.1:%d; console below (Ctrl-A x quits)"
              % port)
        print("debug-server: attach with:\n  " + " ".join(shlex.quote(w) for w in gdb), flush=True)
        os.execvp(qemu[0], qemu)

    def bye(signum, frame):
        raise SystemExit(128 + signum)

    # A closed terminal or a kill must not leave QEMU (own session) running.
    signal.signal(signal.SIGHUP, bye)
    signal.signal(signal.SIGTERM, bye)
    with open(a.log, "w") as log:
        q = subprocess.Popen(qemu, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                             start_new_session=True)
    try:
        if not wait_listening(q.pid, port):
            sys.stderr.write("debug: QEMU did not open its gdbstub on 127.0.0.1:%d (status %s)\n"
                             % (port, q.poll()))
            if a.log != os.devnull:
                with open(a.log) as f:
                    sys.stderr.write(f.read())
            return 1
        print("debug: QEMU (pid %d) paused, gdbstub 127.0.0.1:%d%s" % (
            q.pid, port, "; console: tail -f " + a.serial if a.serial else ""))
        print("debug: hbreak SYMBOL, mmu-regs, pt-walk VA, pt-dump [ttbr0|ttbr1] "
              "(help pt-walk); QEMU ends with gdb", flush=True)
        return run_foreground(gdb)
    finally:
        if q.poll() is None:
            q.terminate()
            try:
                q.wait(5)
            except subprocess.TimeoutExpired:
                q.kill()
                q.wait()


if __name__ == "__main__":
    sys.exit(main())
