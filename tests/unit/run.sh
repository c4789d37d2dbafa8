#!/bin/sh
# tests/unit/run.sh - run the host unit-test binaries and add up the results.
#
# Owns: running each build/host-tests/test_<name> (called by unit.mk after
# the build, with MAKE, UNIT_MK, UNIT_OUT, BOARD, V in the environment),
# counting cmocka's per-test "[       OK ]" lines against its "Running N
# test(s)" line, and the final line "unit: N passed, M failed". A binary
# that is not up to date after the build (it failed to build) counts as one
# failure; one that stops before cmocka's "N test(s) run." line (sanitizer
# abort, signal, timeout) or exits non-zero with no failed test (e.g. a
# LeakSanitizer report) counts as at least one. Exit status: 0 iff M = 0.
# Usage: run.sh NAME...
set -u

out=${UNIT_OUT:-build/host-tests}
unit_mk=${UNIT_MK:-tests/unit/unit.mk}
make_cmd=${MAKE:-make}
verbose=${V:-0}
total_pass=0
total_fail=0

for name in "$@"; do
	bin=$out/test_$name
	log=$out/test_$name.log

	if ! $make_cmd --no-print-directory -q -f "$unit_mk" BOARD="${BOARD:-virt}" "$bin" \
		>/dev/null 2>&1; then
		echo "  test_$name: NOT BUILT (counted as 1 failure)"
		total_fail=$((total_fail + 1))
		continue
	fi

	CMOCKA_MESSAGE_OUTPUT=stdout timeout 20 "$bin" >"$log" 2>&1
	rc=$?
	declared=$(sed -n 's/^\[==========\] Running \([0-9][0-9]*\) test(s)\.$/\1/p' "$log" | head -n 1)
	passed=$(grep -c '^\[       OK \]' "$log")
	finished=$(grep -c '^\[==========\] [0-9][0-9]* test(s) run\.$' "$log")
	declared=${declared:-0}
	failed=$((declared - passed))
	[ "$failed" -ge 0 ] || failed=0
	note=""
	if [ "$finished" -eq 0 ]; then
		note=" (stopped early, exit status $rc)"
		[ "$failed" -ge 1 ] || failed=1
	elif [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
		note=" (exit status $rc)"
		failed=1
	fi

	echo "  test_$name: $passed passed, $failed failed$note"
	if [ "$failed" -ne 0 ] || [ "$verbose" = 1 ]; then
		sed 's/^/    /' "$log"
	fi
	total_pass=$((total_pass + passed))
	total_fail=$((total_fail + failed))
done

echo "unit: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
