/*
 * A DBG2 shaped like a SolidRun HoneyComb LX2's: one serial device, subtype
 * 0x0E (SBSA generic UART) at 0x21D0000 with byte access in its GAS.
 */
[0004]                          Signature : "DBG2"    [Debug Port table type 2]
[0004]                       Table Length : 00000000
[0001]                           Revision : 00
[0001]                           Checksum : 00
[0006]                             Oem ID : "TEST  "
[0008]                       Oem Table ID : "STUBTEST"
[0004]                       Oem Revision : 00000001
[0004]                    Asl Compiler ID : "INTL"
[0004]              Asl Compiler Revision : 20200925

[0004]                        Info Offset : 0000002C
[0004]                         Info Count : 00000001

[0001]                           Revision : 00
[0002]                             Length : 0000
[0001]                     Register Count : 01
[0002]                    Namepath Length : 000F
[0002]                    Namepath Offset : 0026
[0002]                    OEM Data Length : 0000 [Optional field not present]
[0002]                    OEM Data Offset : 0000 [Optional field not present]
[0002]                          Port Type : 8000
[0002]                       Port Subtype : 000E
[0002]                           Reserved : 0000
[0002]                Base Address Offset : 0016
[0002]                Address Size Offset : 0022

[0012]              Base Address Register : [Generic Address Structure]
[0001]                           Space ID : 00 [SystemMemory]
[0001]                          Bit Width : 20
[0001]                         Bit Offset : 00
[0001]               Encoded Access Width : 01 [Byte Access:8]
[0008]                            Address : 00000000021D0000

[0004]                       Address Size : 00001000

[0015]                           Namepath : "\_SB_.COM0"
