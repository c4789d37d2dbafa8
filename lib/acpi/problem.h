/*
 * problem.h - an ACPI refusal as one line (lib/acpi/problem.c).
 */
#ifndef ACPI_PROBLEM_H
#define ACPI_PROBLEM_H

#include "acpi/acpi.h"
#include "strbuf.h"

/* "ACPI: <refusal>: <table> at pa 0x...: <what>, offset N, value 0x..." */
void acpi_problem_line(const struct acpi_info *info, struct strbuf *sb);

#endif /* ACPI_PROBLEM_H */
