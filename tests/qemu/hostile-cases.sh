#!/bin/bash
# tests/qemu/hostile-cases.sh - the wrong inputs a new user gives: each
# must end, in time, with its named message and exit status (issue 20's
# classes), one case per line in boot.sh's argument order.
#
# Owns: the DTBs these cases hand over (build/test-dtbs/hostile-*.dtb, made
# from QEMU virt's own like tests/qemu/dtb-cases.sh's, handed over byte for
# byte through the generic loader and a trampoline) and the cases:
#   a console whose compatible names the wrong UART (a PL011 driven as a
#   16550: its LSR never says "empty"), a console at an address where no
#   device answers (an external abort), a console whose reg lies in RAM, a
#   DTB pointer (x0) where no memory answers; stub.shell with no console
#   (the monitor must not wait for input that cannot come); the Image cut
#   at 16 and 64 KiB; the Image run from flash (-bios); the Image loaded so
#   close to the end of RAM that its bss and stacks run past it; PSCI over
#   hvc named by a DTB while the image is entered at EL2; a CPU without a
#   cycle counter (pmu=off: said, not printed as zeros); with two CPUs,
#   cpu@1 by a spin table whose cpu-release-addr points at the image's
#   text, the DTB, the live root table (the pool at the top of 1 GiB:
#   0x7ffc0000), its own stack (below the pool), the page allocator's
#   metadata (below the stacks: 0x7ff7c000), a misaligned address,
#   an address outside RAM: each refused by name before anything is
#   written, the CPU left off; cpu@1 given cpu@0's MPIDR: named, not
#   started; and a refusal with the MMU off (an image across 1 GiB) with no
#   semihosting: said on the DTB's UART, found with the MMU off, the run
#   ended by PSCI SYSTEM_OFF.
# A hang would be a FAIL by boot.sh's timeout: every case must end.
set -eu
out=build/test-dtbs
mkdir -p "$out"
load=$BOARD_LOAD_PA dtb_pa=0x44000000   # the Image where QEMU virt puts it; the DTB where these cases do

. tests/qemu/dtb-edit.sh
dtb_dump hostile-base "" -cpu cortex-a53 -m 1G

# edit NAME PYTHON: hostile-base.dts changed by the Python expression on `s`.
edit() { dtb_edit hostile-base "hostile-$1" "$2"; }
pl011='compatible = "arm,pl011\\0arm,primecell";'
edit wrong-uart "s.replace('$pl011', 'compatible = \"ns16550a\";', 1)"
edit uart-absent "s.replace('$pl011', 'compatible = \"brcm,bcm2835-aux-uart\";', 1).replace('reg = <0x00 0x9000000 0x00 0x1000>', 'reg = <0x00 0xb000000 0x00 0x1000>', 1)"
edit shell-no-console "re.sub(r'serial0 = [^;]*;', '', re.sub(r'stdout-path = [^;]*;', 'bootargs = \"stub.shell\";', s, 1))"
edit uart-in-ram "s.replace('reg = <0x00 0x9000000 0x00 0x1000>', 'reg = <0x00 0x48000000 0x00 0x1000>', 1)"

# The EL2 case's DTB comes from virt with virtualization=on (PSCI over
# smc), its method then changed to hvc.
dtb_dump hostile-el2 ,virtualization=on -cpu cortex-a53 -m 1G
dtb_edit hostile-el2 hostile-hvc-at-el2 "s.replace('method = \"smc\"', 'method = \"hvc\"')"

# Two CPUs: cpu@1 started by a spin table with a hostile mailbox, or
# with cpu@0's MPIDR.
dtb_dump hostile-smp2 "" -cpu cortex-a53 -m 1G -smp 2
smp2() { # NAME PYTHON-SUBSTITUTION on cpu@1's block
	python3 - "$out/hostile-smp2.dts" "$out/hostile-$1.dts" "$2" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
a = s.index("cpu@1 {")
b = s.index("};", a)
s = s[:a] + eval(sys.argv[3], {"block": s[a:b]}) + s[b:]
open(sys.argv[2], "w").write(s)
PY
	dtc -q -I dts -O dtb -o "$out/hostile-$1.dtb" "$out/hostile-$1.dts" 2>/dev/null
}
spin() { # NAME ADDR
	smp2 "$1" "block.replace('enable-method = \"psci\";', 'enable-method = \"spin-table\"; cpu-release-addr = <0x00 $2>;')"
}
spin release-in-text 0x40201000
spin release-in-dtb 0x44000100
spin release-in-tables 0x7ffc0000
spin release-in-stack 0x7ffbf000
spin release-in-metadata 0x7ff80000
spin release-misaligned 0x40000004
spin release-not-ram 0x08000000
smp2 duplicate-mpidr "block.replace('reg = <0x01>;', 'reg = <0x00>;')"

# The Image cut short, as a half-written card or a failed copy leaves it.
head -c 16384 build/Image >"$out/hostile-cut-16k.img"
head -c 65536 build/Image >"$out/hostile-cut-64k.img"

x0="image-x0=$dtb_pa"
echo "hostile-wrong-uart $x0:$out/hostile-wrong-uart.dtb cortex-a53 1G 1 $load pass/the_UART_at_pa_0x9000000_took_no_byte_within_200_ms"
echo "hostile-uart-absent $x0:$out/hostile-uart-absent.dtb cortex-a53 1G 1 $load pass/at_pa_0xb000000_cannot_be_used:_EC_0x25:_data_abort_from_the_same_EL;_FSC_0x10:_synchronous_external_abort"
echo "hostile-dtb-unbacked image-x0=0x100000000 cortex-a53 1G 1 $load exit7/no_usable_DTB_at_x0_=_pa_0x100000000:_EC_0x25:_data_abort_from_the_same_EL;_FSC_0x10:_synchronous_external_abort"
echo "hostile-shell-no-console $x0:$out/hostile-shell-no-console.dtb cortex-a53 1G 1 $load pass/shell:_not_started:_no_console_to_read_commands_from"
echo "hostile-uart-in-ram $x0:$out/hostile-uart-in-ram.dtb cortex-a53 1G 1 $load pass/pa_0x48000000,_lies_in_RAM_(memory@40000000)"
echo "hostile-cut-16k kernel=$out/hostile-cut-16k.img cortex-a53 1G 1 - exit9/the_image_is_not_whole:_its_end_marker"
echo "hostile-cut-64k kernel=$out/hostile-cut-64k.img cortex-a53 1G 1 - exit9/the_file_was_cut_short"
echo "hostile-bios-flash bios=build/Image cortex-a53 1G 1 - exit9/does_not_run_from_writable_RAM"
# The whole file in RAM, its last byte at RAM's end (virt, 128 MiB from
# 0x40000000): the bss and stacks past it.
near_end=$(printf '0x%x' $((0x48000000 - $(stat -c %s build/Image))))
echo "hostile-bss-past-ram $x0 cortex-a53 128M 1 $near_end exit4/runs_past_the_end_of_RAM"
echo "hostile-hvc-at-el2 $x0:$out/hostile-hvc-at-el2.dtb cortex-a53 1G 2 $load pass/but_the_image_was_entered_at_EL2"
echo "hostile-no-pmu image cortex-a53,pmu=off 128M 1 - pass/MMU_on_(no_cycle_counter:&bench:_no_cycle_counter"
left_off='not_written,_left_off&cpus:_1_online,_1_left_off'
echo "hostile-release-in-text $x0:$out/hostile-release-in-text.dtb cortex-a53 1G 1 $load pass@1/lies_in_what_the_boot_holds_(cpu@1,_0x40201000):_the_image&$left_off -smp 2"
echo "hostile-release-in-dtb $x0:$out/hostile-release-in-dtb.dtb cortex-a53 1G 1 $load pass@1/(cpu@1,_0x44000100):_the_DTB:&$left_off -smp 2"
echo "hostile-release-in-tables $x0:$out/hostile-release-in-tables.dtb cortex-a53 1G 1 $load pass@1/(cpu@1,_0x7ffc0000):_the_boot&table_pool&$left_off -smp 2"
echo "hostile-release-in-stack $x0:$out/hostile-release-in-stack.dtb cortex-a53 1G 1 $load pass@1/(cpu@1,_0x7ffbf000):_the_secondaries&stacks&$left_off -smp 2"
echo "hostile-release-in-metadata $x0:$out/hostile-release-in-metadata.dtb cortex-a53 1G 1 $load pass@1/(cpu@1,_0x7ff80000):_the_page_allocator&_metadata:_not_written&$left_off -smp 2"
echo "hostile-release-misaligned $x0:$out/hostile-release-misaligned.dtb cortex-a53 1G 1 $load pass@1/cpu-release-addr_not_8-byte_aligned_(cpu@1,_0x40000004)&$left_off -smp 2"
echo "hostile-release-not-ram $x0:$out/hostile-release-not-ram.dtb cortex-a53 1G 1 $load pass@1/cpu-release-addr_not_in_the_linear_map&$left_off -smp 2"
echo "hostile-duplicate-mpidr $x0:$out/hostile-duplicate-mpidr.dtb cortex-a53 1G 1 $load pass@1/smp:_cpu@1_(MPIDR_0x0)_has_the_MPIDR_of_cpu@0:_a_duplicate_in_/cpus,_not_started&cpus:_1_online -smp 2"
echo "hostile-refusal-on-uart image cortex-a57 2G 1 0x7fff0000 uart-exit4/the_image_crosses_a_1_GiB_boundary"
