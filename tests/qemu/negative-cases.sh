#!/bin/bash
# tests/qemu/negative-cases.sh - the test build's boot cases, one per line,
# in the argument order of boot.sh (run with BUILD_DIR=build/test: the
# image built with CONFIG_TEST_HOOKS=1, tests/target/).
#
# Owns: the fault tests (boot argument stub.faults: every fault test of
# tests/target/faults.c must run and pass) on every CPU model at every
# entry EL; the negative cases (stub.test=EXPECT: each deliberate failure,
# a corrupt descriptor, a fault with the MMU on or before it, a stack
# overflow into its guard page, a PSCI call nothing answers, must be
# caught and reported by name); and the strictness of the boot arguments
# (stub.faults=0 is off; a malformed value is named and ignored).
set -eu
for cpu in cortex-a53 cortex-a57 cortex-a72 max; do
	for el in 1 2 3; do
		echo "faults-$cpu-el$el elf $cpu 1G $el - faults"
	done
done
echo "negative-corrupt-desc image cortex-a53 1G 1 - corrupt-desc"
echo "negative-corrupt-desc-el3 elf cortex-a72 4G 3 - corrupt-desc"
echo "negative-fault image cortex-a57 1G 2 - fault"
echo "negative-fault-4g elf max 4G 1 - fault"
echo "negative-fault-early image cortex-a53 1G 1 - fault-early"
echo "negative-fault-early-el3 elf cortex-a72 2G 3 - fault-early"
echo "negative-stack-overflow image cortex-a57 1G 1 - stack-overflow"
echo "negative-stack-overflow-el2 elf max 4G 2 - stack-overflow"
# EL1 without EL2/EL3: QEMU's PSCI answers hvc, nothing answers smc.
echo "negative-psci-nofw image cortex-a53 1G 1 - psci-nofw"
# Strict boot arguments: =0 means off; a malformed value is named, ignored.
echo "args-faults-off image cortex-a53 1G 1 - pass -append stub.faults=0"
echo "args-faults-malformed image cortex-a53 1G 1 - pass/stub:_stub.faults=maybe_is_malformed" \
	"-append stub.faults=maybe"
