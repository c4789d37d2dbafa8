#!/bin/bash
# scripts/qemu-version.sh - what depends on which QEMU runs: its version,
# the TCG plugin API it loads, and a board's options spelled for it.
#
# Owns: reading a qemu-system-aarch64's version (`--version`), comparing
# it, the plugin API version it loads (QEMU up to 8.2 loads only API 1,
# 9.0 on only 2 and later: tests/bench/insn_plugin.c is built for one or
# the other), and the board options whose spelling depends on the QEMU:
# a machine's sound device (board.mk BOARD_QEMU_AUDIO: xlnx-zcu102's
# DisplayPort audio; QEMU 10 refuses to start it without a backend and
# wants `-audio none`, which 7.2 refuses: "Parameter 'model' is missing";
# 7.2 takes `-audiodev none,id=snd0`, which 10 does not give the machine)
# and the folder of ROMs the machine loads (board.mk BOARD_QEMU_ROMS, as
# `-L`: scripts/fetch-seabios.sh fills it).
# usage: qemu-version.sh [QEMU] [version | at-least VERSION | plugin-api | board-opts]
#   QEMU defaults to qemu-system-aarch64 (found on PATH); the command to
#   version. board-opts reads BOARD_QEMU_AUDIO, BOARD_QEMU_ROMS and
#   BOARD_ROM_DIR from the environment (make board-env exports them).
set -euo pipefail
qemu=qemu-system-aarch64
case ${1:-} in ''|version|at-least|plugin-api|board-opts) ;; *) qemu=$1; shift ;; esac
what=${1:-version}

version() {
	local v
	v=$("$qemu" --version 2>/dev/null | sed -n '1s/^QEMU emulator version \([0-9][0-9.]*\).*/\1/p')
	[ -n "$v" ] || { echo "qemu-version: '$qemu --version' names no version" >&2; exit 1; }
	echo "$v"
}
# at_least A B: A >= B, as versions (7.2.22 < 10.0).
at_least() { [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n 1)" = "$2" ]; }

case $what in
version) version ;;
at-least) at_least "$(version)" "${2:?at-least VERSION}" ;;
plugin-api) if at_least "$(version)" 9.0; then echo 2; else echo 1; fi ;;
board-opts)
	opts=()
	case ${BOARD_QEMU_AUDIO:-} in
	'') ;;
	none) if at_least "$(version)" 8.2; then opts+=(-audio none); else opts+=(-audiodev none,id=snd0); fi ;;
	*) echo "qemu-version: BOARD_QEMU_AUDIO=$BOARD_QEMU_AUDIO: only 'none' is known" >&2; exit 1 ;;
	esac
	if [ -n "${BOARD_QEMU_ROMS:-}" ]; then
		opts+=(-L "${BOARD_ROM_DIR:?BOARD_QEMU_ROMS without BOARD_ROM_DIR}")
	fi
	echo "${opts[*]}" ;;
*) echo "usage: qemu-version.sh [QEMU] [version | at-least VERSION | plugin-api | board-opts]" >&2; exit 2 ;;
esac
