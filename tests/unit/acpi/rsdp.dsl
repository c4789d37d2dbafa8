/*
 * The RSDP: revision 2, the XSDT at 0x1100 (so its entries are 4- but not
 * 8-byte aligned).
 * (tests/unit/test_acpi.c; compiled by iasl at build time,
 * tests/unit/unit.mk)
 */
[0008]                          Signature : "RSD PTR "
[0001]                           Checksum : 43
[0006]                             Oem ID : "TEST  "
[0001]                           Revision : 02
[0004]                       RSDT Address : 00000000
[0004]                             Length : 00000024
[0008]                       XSDT Address : 0000000000001100
[0001]                  Extended Checksum : DC
[0003]                           Reserved : 000000
