#!/bin/bash
# tests/qemu/console-cases.sh - the console drivers QEMU can run beyond the
# boards' own (issue 19), one case per line in boot.sh's argument order.
#
# Owns: the DTBs these cases hand over (build/test-dtbs/console-*.dtb: QEMU
# virt's own, dumped at 1 GiB, its PL011's compatible rewritten with
# fdtput; handed over byte for byte through the generic loader and a
# trampoline, as hostile-cases.sh does) and the cases:
#   console-sbsa: "arm,sbsa-uart" alone. QEMU's PL011 stands in for an
#     SBSA Generic UART, which has only the data and flag registers; it
#     transmits even with UARTCR.UARTEN clear, as the SBSA UART has no
#     enable. With -trace pl011_write into a -D file (boot.sh adds it to
#     the log) the case requires writes to UARTDR (the trace works) and
#     none to UARTIBRD 0x24, UARTFBRD 0x28, UARTLCR_H 0x2c or UARTCR 0x30;
#     without -semihosting, so the whole report in the log came over the
#     UART, and the console never dropped.
#   console-sbsa-first: "arm,sbsa-uart", "arm,pl011", as the LX2160A DTBs
#     have it: the first compatible with a driver wins, the same checks.
#   console-pl011-control: the unchanged "arm,pl011": the PL011 driver
#     does write UARTCR (QEMU resets it with UARTEN clear), so the trace
#     check above can see a write it forbids.
# And the console's rules (earlycon=, stdout-path, /aliases/serial0), each
# on the UART without semihosting (the report's lines prove which UART):
#   console-earlycon: no stdout-path, no serial0, bootargs
#     earlycon=pl011,0x9000000: the UART by earlycon (Linux's syntax);
#   console-earlycon-ignored: earlycon= at an address in RAM: named and
#     ignored, the stdout-path's console kept;
#   console-serial0: no stdout-path, /aliases/serial0: the UART by it;
#   console-framebuffer: stdout-path names a framebuffer: named, passed
#     over for serial0;
#   console-malformed: stdout-path not a string: named malformed (not
#     missing), passed over for serial0.
# The i.MX UART runs on -M imx8mp-evk (QEMU 10: board/imx8mp-evk/).
set -eu
out=build/test-dtbs
logs=${TEST_LOG_DIR:-build/test-logs}
mkdir -p "$out" "$logs"
load=$BOARD_LOAD_PA dtb_pa=0x44000000   # the Image where QEMU virt puts it; the DTB where these cases do

qemu-system-aarch64 -M virt,dumpdtb="$out/console-base.dtb" -cpu cortex-a53 -m 1G -nodefaults \
	-display none >/dev/null 2>&1 </dev/null

# console NAME COMPATIBLE...: the base DTB, its console's compatible list
# replaced.
console() {
	local name=$1
	shift
	cp "$out/console-base.dtb" "$out/console-$name.dtb"
	fdtput -t s "$out/console-$name.dtb" /pl011@9000000 compatible "$@"
}
console sbsa arm,sbsa-uart
console sbsa-first arm,sbsa-uart arm,pl011

# The trace's lines, as boot.sh adds them to the log (the offset's form
# of QEMU 7.2 and 10.0 made one): "pl011_write addr 0x30 value 0x00000301".
wrote() { echo "addr_$(printf '0x%x' "$1")_value"; }
no_control="!$(wrote 0x24)&!$(wrote 0x28)&!$(wrote 0x2c)&!$(wrote 0x30)"
uart_only="$(wrote 0)&!took_no_byte&!dropped"
x0="image-x0=$dtb_pa"
for name in sbsa sbsa-first; do
	echo "console-$name $x0:$out/console-$name.dtb cortex-a53 1G 1 $load" \
		"nosemihosting/console_/pl011@9000000_(sbsa)&$uart_only&$no_control" \
		"-trace pl011_write -D $logs/console-$name.trace"
done
echo "console-pl011-control $x0:$out/console-base.dtb cortex-a53 1G 1 $load" \
	"nosemihosting/console_/pl011@9000000_(pl011)&$uart_only&$(wrote 0x30)" \
	"-trace pl011_write -D $logs/console-pl011-control.trace"

# rules NAME: the base DTB without stdout-path and /aliases (so the case
# adds what it tests), the PL011 as QEMU made it.
rules() {
	cp "$out/console-base.dtb" "$out/console-$1.dtb"
	fdtput -d "$out/console-$1.dtb" /chosen stdout-path
	fdtput -r "$out/console-$1.dtb" /aliases 2>/dev/null || true
	fdtput -c "$out/console-$1.dtb" /aliases
}
rules earlycon
fdtput -t s "$out/console-earlycon.dtb" /chosen bootargs "earlycon=pl011,0x9000000"
rules earlycon-ignored
fdtput -t s "$out/console-earlycon-ignored.dtb" /chosen stdout-path "/pl011@9000000"
fdtput -t s "$out/console-earlycon-ignored.dtb" /chosen bootargs "earlycon=pl011,0x40001000"
rules serial0
fdtput -t s "$out/console-serial0.dtb" /aliases serial0 "/pl011@9000000"
rules framebuffer
fdtput -t s "$out/console-framebuffer.dtb" /aliases serial0 "/pl011@9000000"
fdtput -c "$out/console-framebuffer.dtb" /framebuffer@40000000
fdtput -t s "$out/console-framebuffer.dtb" /framebuffer@40000000 compatible simple-framebuffer
fdtput -t s "$out/console-framebuffer.dtb" /chosen stdout-path "/framebuffer@40000000"
rules malformed
fdtput -t s "$out/console-malformed.dtb" /aliases serial0 "/pl011@9000000"
fdtput -t bx "$out/console-malformed.dtb" /chosen stdout-path 2f 70 6c   # "/pl", no NUL
uart="!dropped&!took_no_byte"
rule() { # NAME EXPECTED-MARKERS
	echo "console-$1 $x0:$out/console-$1.dtb cortex-a53 1G 1 $load nosemihosting/$2&$uart"
}
rule earlycon "console_/pl011@9000000_(pl011)_at_pa_0x9000000_by_earlycon=pl011,0x9000000"
# (No quotes in a marker: xargs reads them.)
rule earlycon-ignored "console:_earlycon=pl011,0x40001000:_its_address_lies_in_RAM&(memory@40000000);_ignored,_the_stdout-path_console_kept&by_stdout-path"
rule serial0 "console_/pl011@9000000_(pl011)_at_pa_0x9000000_by_/aliases/serial0"
rule framebuffer "/framebuffer@40000000&is_not_a_UART_the_stub_drives_(compatible_&simple-framebuffer&;_/aliases/serial0_used_instead&by_/aliases/serial0"
rule malformed "malformed_(not_a_NUL-terminated_string);_/aliases/serial0_used_instead&by_/aliases/serial0"
