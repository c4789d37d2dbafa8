#!/bin/bash
# tests/qemu/cases-board.sh - the cases of a board other than the default,
# in boot.sh's argument order. Owns nothing board-specific: the board's
# board.mk says which artifact enters at which EL under QEMU, on its CPU:
# BOARD_QEMU_CASES, words
#     ARTIFACT[@GEOMETRY]:EL[:ONLINE[:SMP[:MEM[:EXPECT]]]]
# ARTIFACT elf or image; GEOMETRY another translation geometry's build
# (make geometries: image@4k-48 boots build/4k-48/Image); ONLINE the CPUs
# that must come up when not all do (e.g. cores QEMU never starts), N or
# N+L (L named and left off: a DTB that lists more CPUs than QEMU runs);
# SMP a -smp for QEMU; MEM a -m other than BOARD_QEMU_MEM; EXPECT
# boot.sh's (default pass). An empty field keeps the default. Every pass
# case must also print the board's BOARD_QEMU_MARKS (boot.sh's marker
# syntax: '_' a space, '&' between two).
set -eu
board=$BOARD_QEMU_MACHINE
for case in ${BOARD_QEMU_CASES:?the board lists no QEMU cases}; do
	IFS=: read -r artifact el online smp mem expect <<<"$case"
	name=$board-${artifact/@/-}-el$el${smp:+-smp$smp}${mem:+-$mem}
	if [ -z "$expect" ] || [ "$expect" = pass ]; then
		expect=pass${online:+@$online}${BOARD_QEMU_MARKS:+/$BOARD_QEMU_MARKS}
	else
		name+=-${expect%%/*}
	fi
	echo "$name $artifact $BOARD_QEMU_CPU ${mem:-$BOARD_QEMU_MEM} $el - $expect${smp:+ -smp $smp}"
done
