#!/bin/bash
# tests/qemu/cases-board.sh - smoke cases for a board other than the default,
# in boot.sh's argument order. Owns nothing board-specific: the board's
# board.mk says which artifact enters at which EL under QEMU
# (BOARD_QEMU_CASES, "ARTIFACT:EL[:ONLINE] ...", ONLINE the CPUs that must
# come up when not all do, e.g. cores QEMU never starts), on its CPU and
# RAM size.
set -eu
board=$BOARD_QEMU_MACHINE
for case in ${BOARD_QEMU_CASES:?the board lists no QEMU cases}; do
	IFS=: read -r artifact el online <<<"$case"
	echo "$board-$artifact-el$el $artifact $BOARD_QEMU_CPU $BOARD_QEMU_MEM $el - pass${online:+@$online}"
done
