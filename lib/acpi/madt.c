/*
 * madt.c - the CPUs the MADT describes, and which of them this one is.
 *
 * Owns: acpi_read_madt: the walk of the MADT's interrupt controller
 * structures (from 44, each a type byte and a length byte, ACPI 6.5
 * 5.2.12), stepping by each one's own length, never past the table: a
 * length of 0 or 1, or one past the end, is refused (a walk that could
 * loop or read outside); the GICC entries (type 0x0B, table 5.37): 76
 * bytes (5.1), 80 (6.0) or 82 (6.5), any other of at least 76 read as
 * far as 76's fields go, one shorter refused; their flags (bit 0 Enabled,
 * bit 3 Online Capable), MPIDR (at 68: affinity fields only, or skipped
 * as Linux does), UID, CPU interface number, parking protocol version and
 * mailbox (16, 24); duplicates skipped; this CPU found by MPIDR wherever
 * it is (it need not be first), else refused; and the GICD's version
 * (type 0x0C, at 20).
 */
#include "acpi/acpi.h"
#include "acpi/bytes.h"

#define MADT_SUBTABLES      44
#define MADT_GICC           0x0b
#define MADT_GICD           0x0c
#define GICC_ENABLED        (1u << 0)
#define GICC_ONLINE_CAPABLE (1u << 3)
#define GICD_VERSION        20

static uint32_t length_bit(uint8_t length)
{
	switch (length) {
	case 76: return 1u << 0;
	case 80: return 1u << 1;
	case 82: return 1u << 2;
	default: return 1u << 3;
	}
}

static bool seen_before(const struct acpi_madt *m, uint64_t mpidr)
{
	for (uint32_t i = 0; i < m->nr_cpus; i++)
		if (m->cpu[i].mpidr == mpidr)
			return true;
	return false;
}

static bool is_self(const struct acpi_info *info, const struct acpi_cpu *c)
{
	if (info->self_mpidr == ACPI_MPIDR_FIRST_ENABLED)
		return c->enabled && info->madt.boot < 0;
	return c->mpidr == info->self_mpidr;
}

/* Where an entry goes in cpu[]: the next place, or, when they are all
 * taken, the last one for this CPU's own entry (which must be kept; the
 * one it replaces is counted as dropped). */
static struct acpi_cpu *place_of(struct acpi_madt *m, bool self)
{
	if (m->nr_cpus < ACPI_MAX_CPUS)
		return &m->cpu[m->nr_cpus++];
	m->nr_dropped++;
	return self ? &m->cpu[ACPI_MAX_CPUS - 1] : 0;
}

static void read_gicc(struct acpi_info *info, const uint8_t *g, uint32_t offset)
{
	struct acpi_madt *m = &info->madt;
	struct acpi_cpu c, *slot;
	bool self;

	c.length = g[1];
	c.offset = offset;
	c.cpu_interface = acpi_u32(g + 4);
	c.uid = acpi_u32(g + 8);
	c.flags = acpi_u32(g + 12);
	c.parking_version = acpi_u32(g + 16);
	c.parked_address = acpi_u64(g + 24);
	c.mpidr = acpi_u64(g + 68);
	c.enabled = c.flags & GICC_ENABLED;
	c.online_capable = !c.enabled && (c.flags & GICC_ONLINE_CAPABLE);
	m->nr_gicc++;
	m->lengths_seen |= length_bit(c.length);
	if (c.mpidr & ~MACHINE_MPIDR_HWID_MASK) {
		m->nr_bad_mpidr++;
		return;
	}
	if (seen_before(m, c.mpidr)) {
		m->nr_duplicate++;
		return;
	}
	if (c.enabled)
		m->nr_enabled++;
	else if (c.online_capable)
		m->nr_online_capable++;
	else
		m->nr_off++;
	self = is_self(info, &c);
	slot = place_of(m, self);
	if (!slot)
		return;
	*slot = c;
	if (self) {
		m->boot = (int32_t)(slot - m->cpu);
		m->boot_entry = m->nr_gicc - 1;
		if (info->self_mpidr == ACPI_MPIDR_FIRST_ENABLED)
			info->self_mpidr = c.mpidr;
	}
}

void acpi_read_madt(struct acpi_info *info, const uint8_t *t, uint32_t len)
{
	const uint64_t pa = info->used[ACPI_MADT].pa;
	struct acpi_madt *m = &info->madt;
	uint32_t off = MADT_SUBTABLES;

	m->present = true;
	m->revision = t[8];
	if (len < MADT_SUBTABLES) {
		acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_SHORT, t, pa, 4, len);
		return;
	}
	/* Each step moves on by at least 2 bytes, or stops: no loop. */
	while (off < len) {
		const uint8_t *s = t + off;
		uint8_t type, length;

		if (len - off < 2) {
			acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_SUBTABLE, t, pa, off,
				    len - off);
			return;
		}
		type = s[0];
		length = s[1];
		if (type == MADT_GICC && (length < ACPI_GICC_MIN_LENGTH || length > len - off)) {
			acpi_refuse(info, ACPI_ERR_BAD_GICC, ACPI_WHY_SUBTABLE, t, pa, off, length);
			return;
		}
		if (length < 2 || length > len - off) {
			acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_SUBTABLE, t, pa, off, length);
			return;
		}
		if (type == MADT_GICC)
			read_gicc(info, s, off);
		else if (type == MADT_GICD && length > GICD_VERSION && !m->gic_version)
			m->gic_version = s[GICD_VERSION];
		off += length;
	}
	if (m->boot < 0)
		acpi_refuse(info, ACPI_ERR_NO_BOOT_CPU, ACPI_WHY_NONE, t, pa, 0,
			    info->self_mpidr == ACPI_MPIDR_FIRST_ENABLED ? 0 : info->self_mpidr);
}
