/*
 * console.c - the console the firmware describes: SPCR, else DBG2.
 *
 * Owns: acpi_read_spcr (the Serial Port Console Redirection table:
 * interface type at 36, the register GAS at 40, baud rate at 58) and
 * acpi_read_dbg2 (the Debug Port Table 2: OffsetDbgDeviceInfo at 36,
 * NumberDbgDeviceInfo at 40; each device's Length at 1, register count at
 * 3, PortType at 12 (0x8000 serial), PortSubtype at 14, the offset of its
 * GAS array at 18, every offset checked inside the device and the device
 * inside the table), and which driver a type gets, with what access
 * width: PL011 (0x03; BCM2835's, 0x10, as Linux reads it) and the SBSA
 * UARTs (0x0d 32-bit only, 0x0e generic) always 32-bit, whatever the GAS
 * says (QEMU 7.2 says byte); the 16550s (0x00, 0x01, 0x12) at the GAS's
 * access size (1/2/3 = 8/16/32-bit; a 32-bit UART has its registers 4
 * bytes apart, as Linux's earlycon mmio32), or, without one, its bit
 * width. A console that cannot be used is named by its verdict, not
 * refused: the boot goes on without it.
 */
#include "acpi/acpi.h"
#include "acpi/bytes.h"

#define SPCR_INTERFACE_TYPE 36
#define SPCR_GAS            40
#define SPCR_BAUD_RATE      58
#define SPCR_MIN_LENGTH     80      /* revisions 1 and 2 */
#define GAS_SIZE            12
#define GAS_SPACE_MEMORY    0

#define DBG2_DEVICE_OFFSET  36
#define DBG2_DEVICE_COUNT   40
#define DBG2_MIN_LENGTH     44
#define DBG2_DEVICE_MIN     22      /* a device's fixed fields */
#define DBG2_PORT_SERIAL    0x8000

/* The interface types (the DBG2 specification's serial subtypes). */
#define TYPE_16550          0x00
#define TYPE_16550_SUBSET   0x01
#define TYPE_PL011          0x03
#define TYPE_SBSA_32BIT     0x0d
#define TYPE_SBSA_GENERIC   0x0e
#define TYPE_BCM2835        0x10
#define TYPE_16550_GAS      0x12

const char *acpi_console_type_name(uint16_t type)
{
	switch (type) {
	case TYPE_16550:        return "16550";
	case TYPE_16550_SUBSET: return "16550 subset";
	case TYPE_PL011:        return "PL011";
	case TYPE_SBSA_32BIT:   return "SBSA 32-bit UART";
	case TYPE_SBSA_GENERIC: return "SBSA generic UART";
	case TYPE_BCM2835:      return "BCM2835 (a PL011)";
	case TYPE_16550_GAS:    return "16550 with GAS";
	default:                return "unsupported type";
	}
}

/* A 16550's register width in bytes: the GAS's access size (ACPI 6.5,
 * 5.2.3.2: 1 byte, 2 word, 3 dword), else its bit width. */
static uint8_t ns16550_width(const struct acpi_console *c)
{
	switch (c->access_size) {
	case 1: return 1;
	case 2: return 2;
	case 3: return 4;
	default: break;
	}
	return c->bit_width == 32 ? 4 : c->bit_width == 16 ? 2 : 1;
}

static void choose_driver(struct acpi_console *c)
{
	switch (c->type) {
	case TYPE_PL011:
	case TYPE_BCM2835:
		c->kind = MACHINE_CONSOLE_PL011;
		c->io_width = 4;
		break;
	case TYPE_SBSA_32BIT:
	case TYPE_SBSA_GENERIC:
		c->kind = MACHINE_CONSOLE_SBSA;
		c->io_width = 4;
		break;
	case TYPE_16550:
	case TYPE_16550_SUBSET:
	case TYPE_16550_GAS:
		c->kind = MACHINE_CONSOLE_NS16550;
		c->io_width = ns16550_width(c);
		c->reg_shift = c->io_width == 4 ? 2 : c->io_width == 2 ? 1 : 0;
		break;
	default:
		c->kind = MACHINE_CONSOLE_UNSUPPORTED;
		c->verdict = ACPI_CONSOLE_UNSUPPORTED;
		return;
	}
	if (c->space_id != GAS_SPACE_MEMORY)
		c->verdict = ACPI_CONSOLE_NOT_MMIO;
	else if (!c->address)
		c->verdict = ACPI_CONSOLE_NO_ADDRESS;
}

static void read_gas(struct acpi_console *c, const uint8_t *gas)
{
	c->space_id = gas[0];
	c->bit_width = gas[1];
	c->bit_offset = gas[2];
	c->access_size = gas[3];
	c->address = acpi_u64(gas + 4);
}

static uint32_t baud_of(uint8_t code)
{
	switch (code) {
	case 3: return 9600;
	case 4: return 19200;
	case 6: return 57600;
	case 7: return 115200;
	default: return 0;
	}
}

void acpi_read_spcr(struct acpi_info *info, const uint8_t *t, uint32_t len)
{
	struct acpi_console *c = &info->console;

	if (len < SPCR_MIN_LENGTH) {
		acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_SHORT, t, info->used[ACPI_SPCR].pa,
			    4, len);
		return;
	}
	c->source = ACPI_CONSOLE_SPCR;
	c->table_revision = t[8];
	c->type = t[SPCR_INTERFACE_TYPE];
	read_gas(c, t + SPCR_GAS);
	c->baud_code = t[SPCR_BAUD_RATE];
	c->baud = baud_of(c->baud_code);
	choose_driver(c);
}

/* The first serial device of DBG2 with a register: its GAS, checked
 * inside the device, the device inside the table. */
void acpi_read_dbg2(struct acpi_info *info, const uint8_t *t, uint32_t len)
{
	const uint64_t pa = info->used[ACPI_DBG2].pa;
	struct acpi_console *c = &info->console;
	uint32_t off, count;

	c->verdict = ACPI_CONSOLE_NOT_DESCRIBED;
	if (len < DBG2_MIN_LENGTH) {
		acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_SHORT, t, pa, 4, len);
		return;
	}
	off = acpi_u32(t + DBG2_DEVICE_OFFSET);
	count = acpi_u32(t + DBG2_DEVICE_COUNT);
	c->dbg2_devices = count;
	/* Each device moves on by at least DBG2_DEVICE_MIN bytes: at most
	 * len / 22 steps whatever the count says. */
	for (uint32_t i = 0; i < count; i++) {
		const uint8_t *d = t + off;
		uint32_t dlen, regs, gas;

		if (off > len || len - off < DBG2_DEVICE_MIN) {
			acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_SUBTABLE, t, pa,
				    i ? off : DBG2_DEVICE_OFFSET, off);
			return;
		}
		dlen = acpi_u16(d + 1);
		if (dlen < DBG2_DEVICE_MIN || dlen > len - off) {
			acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_SUBTABLE, t, pa, off, dlen);
			return;
		}
		regs = d[3];
		gas = acpi_u16(d + 18);
		if (acpi_u16(d + 12) == DBG2_PORT_SERIAL && regs) {   /* none: walk on */
			if (gas < DBG2_DEVICE_MIN || gas > dlen || dlen - gas < GAS_SIZE) {
				acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_DBG2_REGISTERS, t, pa,
					    off + 18, gas);
				return;
			}
			c->source = ACPI_CONSOLE_DBG2;
			c->verdict = ACPI_CONSOLE_USABLE;
			c->table_revision = t[8];
			c->type = acpi_u16(d + 14);
			read_gas(c, d + gas);
			choose_driver(c);
			return;
		}
		off += dlen;
	}
}
