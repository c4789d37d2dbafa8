#!/bin/bash
# tests/qemu/acpi-boot.sh - one ACPI boot (acpi-cases.sh), judged by
# boot.sh, and, when the test build wrote out its tables, those tables
# compared with what it printed (acpi-compare.py): "PASS NAME" and, for
# the tables, "PASS NAME-compare" (or FAIL lines), and boot.sh's ROW line.
# EDK2 under TCG takes its time, the more CPUs the longer: QEMU_TIMEOUT 120.
# usage: acpi-boot.sh NAME ARTIFACT CPU MEM EL LOAD EXPECT [QEMU ARGS]  (BUILD_DIR)
set -u
name=$1
QEMU_TIMEOUT=${QEMU_TIMEOUT:-120} tests/qemu/boot.sh "$@"
log=build/test-logs/$name.log
if [[ $name == *-tables ]]; then
	tests/qemu/acpi-compare.py "$name-compare" "$log" "build/test-logs/$name.tables"
fi
exit 0
