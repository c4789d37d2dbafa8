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
# The i.MX UART on -M imx8mp-evk needs QEMU 10 (not 7.2): not here yet.
set -eu
out=build/test-dtbs
logs=${TEST_LOG_DIR:-build/test-logs}
mkdir -p "$out" "$logs"
load=0x40200000 dtb_pa=0x44000000

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
