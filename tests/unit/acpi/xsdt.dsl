/*
 * The XSDT: FACP at 0x2000, APIC at 0x3000, SPCR at 0x4000, DBG2 at 0x5000,
 * GTDT at 0x6000 (unused).
 * (tests/unit/test_acpi.c; compiled by iasl at build time,
 * tests/unit/unit.mk)
 */
[0004]                          Signature : "XSDT"    [Extended System Description Table]
[0004]                       Table Length : 00000064
[0001]                           Revision : 01
[0001]                           Checksum : 8B
[0006]                             Oem ID : "TEST  "
[0008]                       Oem Table ID : "STUBTEST"
[0004]                       Oem Revision : 00000001
[0004]                    Asl Compiler ID : "INTL"
[0004]              Asl Compiler Revision : 20100528

[0008]             ACPI Table Address   0 : 0000000000002000
[0008]             ACPI Table Address   1 : 0000000000003000
[0008]             ACPI Table Address   2 : 0000000000004000
[0008]             ACPI Table Address   3 : 0000000000005000
[0008]             ACPI Table Address   4 : 0000000000006000
