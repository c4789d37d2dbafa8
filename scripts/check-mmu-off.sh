#!/bin/sh
# scripts/check-mmu-off.sh - the fence around the code that runs with the
# MMU off (start/start.mk declares the set).
#
# Owns: the two rules every object of the MMU-off set must keep, checked on
# its relocations (as Linux's arch/arm64/kernel/pi/relacheck):
#   1. no absolute address: no R_AARCH64_ABS16/32/64, MOVW_UABS/SABS or
#      GOT relocation in code or data (the code runs at the load address,
#      where a link address is wrong), but against the link-time constants
#      named (a local symbol shows as its section: make it global to name
#      it);
#   2. no call outside the set: every CALL26/JUMP26 targets a symbol the
#      set defines, or one of the exits named (taken only with the MMU on).
# Each breach is named with its object, section and symbol; exit 1 if any.
# usage: check-mmu-off.sh "EXITS" "LINK_CONSTANTS" OBJ...
# READELF and NM name the cross tools (aarch64-linux-gnu-readelf, -nm).
set -eu
exits=$1 constants=$2
shift 2
readelf=${READELF:-aarch64-linux-gnu-readelf}
nm=${NM:-aarch64-linux-gnu-nm}

# Every symbol the set defines (global or local), one per line.
defined=$("$nm" --defined-only "$@" | awk 'NF == 3 { print $3 }' | sort -u)

breaches=$(for obj in "$@"; do
	"$readelf" -rW "$obj" | awk -v obj="$obj" -v exits=" $exits " \
		-v constants=" $constants " -v defined="$defined" '
	BEGIN { n = split(defined, d, "\n"); for (i = 1; i <= n; i++) def[d[i]] = 1 }
	/^Relocation section / { sec = $3; gsub(/[\047]/, "", sec); sub(/^\.rela/, "", sec); next }
	# Only what is loaded: code and data, not the debug information.
	sec !~ /^\.(head|text|rodata|data)/ { next }
	$3 ~ /^R_AARCH64_/ {
		type = $3; sym = (NF >= 5) ? $5 : "(none)"
		# ADD/LDST_ABS_LO12_NC are the page offset of a PC-relative
		# adrp pair: the same at the load and the link address.
		if (type ~ /_ABS(16|32|64)$|_MOVW_[SU]ABS|_GOT/) {
			if (index(constants, " " sym " ") == 0)
				printf "%s: %s: absolute relocation %s against %s\n", obj, sec, type, sym
		} else if (type ~ /CALL26|JUMP26/) {
			if (sym !~ /^\./ && !(sym in def) && index(exits, " " sym " ") == 0)
				printf "%s: %s: calls %s, outside the MMU-off set\n", obj, sec, sym
		}
	}'
done)
if [ -n "$breaches" ]; then
	echo "$breaches"
	echo "the MMU-off set (start/start.mk) must hold no absolute address and call nothing" \
		"outside itself: these run at the load address, before the MMU is on"
	exit 1
fi
exit 0
