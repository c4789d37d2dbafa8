/*
 * tables.c - finding the ACPI tables and checking each one's header.
 *
 * Owns: acpi_info_init, acpi_read_rsdp (RSDP, ACPI 6.5 5.2.5: signature,
 * both checksums, revision 2 or later with an XsdtAddress; the XSDT,
 * 5.2.8: header, checksum, entries of 8 bytes at any alignment; every
 * table it lists: its header readable, Length 36 or more and inside
 * memory, checksum), acpi_read_by_signature (the same checks on tables
 * given by signature), which tables the boot uses (FACP, APIC, SPCR,
 * DBG2: the first of each; a used table whose checksum fails is refused,
 * an unused one named), then the readers of each (fadt.c, madt.c,
 * console.c), and acpi_refuse. Every read goes through the caller's
 * map or find callback and stays inside the bytes it returned.
 */
#include "acpi/acpi.h"
#include "acpi/bytes.h"

static const char *const_sig(enum acpi_used which)
{
	switch (which) {
	case ACPI_RSDP: return "RSDP";
	case ACPI_XSDT: return "XSDT";
	case ACPI_FADT: return "FACP";
	case ACPI_MADT: return "APIC";
	case ACPI_SPCR: return "SPCR";
	default:        return "DBG2";
	}
}

static void copy_sig(char dst[5], const uint8_t *sig)
{
	for (int i = 0; i < 4; i++)
		dst[i] = sig && sig[i] >= 0x20 && sig[i] < 0x7f ? (char)sig[i] : '?';
	dst[4] = '\0';
}

/* n characters of a header's OEM field, trailing spaces dropped. */
static void copy_oem(char *dst, const uint8_t *src, int n)
{
	int end = 0;

	for (int i = 0; i < n; i++) {
		dst[i] = src[i] >= 0x20 && src[i] < 0x7f ? (char)src[i] : '?';
		if (src[i] != ' ' && src[i] != 0)
			end = i + 1;
	}
	dst[end] = '\0';
}

void acpi_refuse(struct acpi_info *info, enum acpi_err err, enum acpi_why why,
		 const uint8_t *sig, uint64_t pa, uint32_t offset, uint64_t value)
{
	struct acpi_problem *pb = &info->problem;

	if (pb->err != ACPI_OK)
		return;
	pb->err = err;
	pb->why = why;
	copy_sig(pb->table, sig);
	pb->pa = pa;
	pb->offset = offset;
	pb->value = value;
}

void acpi_info_init(struct acpi_info *info, uint64_t self_mpidr)
{
	uint8_t *p = (uint8_t *)info;

	/* Byte by byte up to the GICC array, which is filled as far as
	 * madt.nr_cpus says (and a loop the compiler would make a memset
	 * of is a library call). */
	for (uint64_t i = 0; i < __builtin_offsetof(struct acpi_info, madt.cpu); i++)
		((volatile uint8_t *)p)[i] = 0;
	info->self_mpidr = self_mpidr;
	info->madt.boot = -1;
}

static enum acpi_used used_of(const uint8_t *sig)
{
	for (int u = ACPI_FADT; u < ACPI_NR_USED; u++)
		if (acpi_sig_is(sig, const_sig((enum acpi_used)u), 4))
			return (enum acpi_used)u;
	return ACPI_NR_USED;
}

static void set_ref(struct acpi_table_ref *ref, const uint8_t *t, uint64_t pa, uint32_t len)
{
	copy_sig(ref->sig, t);
	ref->revision = t[8];
	ref->checksum_ok = acpi_checksum(t, len) == 0;
	ref->pa = pa;
	ref->length = len;
}

/* The header at t (avail bytes readable) is a table's: Length 36 or more,
 * at most avail and ACPI_MAX_TABLE_SIZE. Refuses and returns 0 if not. */
static uint32_t checked_length(struct acpi_info *info, const uint8_t *t, uint64_t avail,
			       uint64_t pa)
{
	uint32_t len = acpi_u32(t + 4);

	if (len < ACPI_HEADER_SIZE)
		acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_SHORT, t, pa, 4, len);
	else if (len > ACPI_MAX_TABLE_SIZE)
		acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_TOO_LONG, t, pa, 4, len);
	else if (len > avail)
		acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_NOT_IN_MEMORY, t, pa, 4, len);
	else
		return len;
	return 0;
}

/* A table the XSDT (or the finder) gave: recorded in listed[], and in
 * used[] when the boot reads it. Its bytes: t[0 .. len). */
static void take_table(struct acpi_info *info, const uint8_t *t, uint64_t pa, uint32_t len,
		       const uint8_t **bytes)
{
	enum acpi_used u = used_of(t);
	struct acpi_table_ref ref;

	set_ref(&ref, t, pa, len);
	if (info->nr_listed < ACPI_MAX_LISTED)
		info->listed[info->nr_listed] = ref;
	info->nr_listed++;
	if (u == ACPI_NR_USED) {
		if (!ref.checksum_ok)
			info->nr_unused_bad++;
		return;
	}
	if (info->used[u].length) {
		info->nr_duplicates++;
		return;
	}
	/* ACPICA only warns on a bad checksum; a table this boot trusts for
	 * its console and CPUs must be whole. */
	if (!ref.checksum_ok) {
		acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_CHECKSUM, t, pa, 9,
			    acpi_checksum(t, len));
		return;
	}
	info->used[u] = ref;
	bytes[u] = t;
}

/* What the boot reads of the tables it took, once all are known. */
static void read_used(struct acpi_info *info, const uint8_t *const *bytes)
{
	const struct acpi_table_ref *u = info->used;

	if (info->problem.err != ACPI_OK)
		return;
	if (u[ACPI_FADT].length)
		acpi_read_fadt(info, bytes[ACPI_FADT], u[ACPI_FADT].length);
	if (u[ACPI_SPCR].length)
		acpi_read_spcr(info, bytes[ACPI_SPCR], u[ACPI_SPCR].length);
	else if (u[ACPI_DBG2].length)
		acpi_read_dbg2(info, bytes[ACPI_DBG2], u[ACPI_DBG2].length);
	else
		info->console.verdict = ACPI_CONSOLE_NOT_DESCRIBED;
	if (!u[ACPI_MADT].length)
		acpi_refuse(info, ACPI_ERR_NO_BOOT_CPU, ACPI_WHY_ABSENT,
			    (const uint8_t *)"APIC", 0, 0, info->self_mpidr);
	else
		acpi_read_madt(info, bytes[ACPI_MADT], u[ACPI_MADT].length);
}

/* The RSDP (ACPI 6.5, 5.2.5.3): "RSD PTR ", the checksum of its first 20
 * bytes, revision at 15; from revision 2 its Length at 20, the extended
 * checksum of 36 bytes, XsdtAddress at 24. Returns the XSDT's address, or
 * 0 after a refusal. */
static uint64_t read_rsdp(struct acpi_info *info, uint64_t pa, acpi_map_fn *map, void *ctx)
{
	const uint8_t *r = pa ? map(ctx, pa, 20) : 0;
	uint64_t xsdt;

	info->used[ACPI_RSDP].pa = pa;
	if (!r || !acpi_sig_is(r, "RSD PTR ", 8)) {
		acpi_refuse(info, ACPI_ERR_NO_RSDP, r ? ACPI_WHY_SIGNATURE : ACPI_WHY_NOT_IN_MEMORY,
			    (const uint8_t *)"RSDP", pa, 0, r ? acpi_u64(r) : 20);
		return 0;
	}
	if (acpi_checksum(r, 20))
		acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_CHECKSUM, (const uint8_t *)"RSDP", pa,
			    8, acpi_checksum(r, 20));
	info->rsdp_revision = r[15];
	copy_oem(info->oem_id, r + 9, 6);
	if (info->problem.err != ACPI_OK)
		return 0;
	if (r[15] < 2) {
		acpi_refuse(info, ACPI_ERR_RSDT_ONLY, ACPI_WHY_NONE, (const uint8_t *)"RSDP", pa, 15,
			    r[15]);
		return 0;
	}
	r = map(ctx, pa, 36);
	if (!r) {
		acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_NOT_IN_MEMORY, (const uint8_t *)"RSDP",
			    pa, 20, 36);
		return 0;
	}
	info->used[ACPI_RSDP].revision = r[15];
	info->used[ACPI_RSDP].length = 36;
	if (acpi_checksum(r, 36)) {
		acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_CHECKSUM, (const uint8_t *)"RSDP", pa,
			    32, acpi_checksum(r, 36));
		return 0;
	}
	info->used[ACPI_RSDP].checksum_ok = true;
	copy_sig(info->used[ACPI_RSDP].sig, (const uint8_t *)"RSDP");
	xsdt = acpi_u64(r + 24);
	if (!xsdt)
		acpi_refuse(info, ACPI_ERR_RSDT_ONLY, ACPI_WHY_NONE, (const uint8_t *)"RSDP", pa, 24,
			    acpi_u32(r + 16));
	return xsdt;
}

/* What points to a table: its signature, address, and the offset there. */
struct referrer {
	const uint8_t *sig;
	uint64_t pa;
	uint32_t offset;
};

/* A table's header at pa, then all of it: its bytes, or NULL after a
 * refusal naming it (or, while its header is unreadable, what pointed to
 * it, with the address as the value). */
static const uint8_t *map_table(struct acpi_info *info, uint64_t pa, acpi_map_fn *map,
				void *ctx, const struct referrer *from, uint32_t *len)
{
	const uint8_t *t = map(ctx, pa, ACPI_HEADER_SIZE);

	if (!t) {
		acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_NOT_IN_MEMORY, from->sig, from->pa,
			    from->offset, pa);
		return 0;
	}
	*len = checked_length(info, t, UINT32_MAX, pa);
	if (!*len)
		return 0;
	t = map(ctx, pa, *len);
	if (!t)
		acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_NOT_IN_MEMORY,
			    map(ctx, pa, ACPI_HEADER_SIZE), pa, 4, *len);
	return t;
}

enum acpi_err acpi_read_rsdp(struct acpi_info *info, uint64_t rsdp_pa, acpi_map_fn *map,
			     void *ctx)
{
	const uint8_t *bytes[ACPI_NR_USED];
	uint64_t xsdt_pa = read_rsdp(info, rsdp_pa, map, ctx);
	struct referrer from = { (const uint8_t *)"RSDP", rsdp_pa, 24 };
	const uint8_t *x;
	uint32_t len, n;

	if (!xsdt_pa)
		return info->problem.err;
	x = map_table(info, xsdt_pa, map, ctx, &from, &len);
	if (!x)
		return info->problem.err;
	if (!acpi_sig_is(x, "XSDT", 4)) {
		acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_SIGNATURE, (const uint8_t *)"XSDT",
			    xsdt_pa, 0, acpi_u32(x));
		return info->problem.err;
	}
	set_ref(&info->used[ACPI_XSDT], x, xsdt_pa, len);
	copy_oem(info->oem_id, x + 10, 6);
	copy_oem(info->oem_table_id, x + 16, 8);
	if (!info->used[ACPI_XSDT].checksum_ok)
		acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_CHECKSUM, x, xsdt_pa, 9,
			    acpi_checksum(x, len));
	else if ((len - ACPI_HEADER_SIZE) % 8)
		acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_XSDT_ENTRIES, x, xsdt_pa, 4, len);
	n = (len - ACPI_HEADER_SIZE) / 8;
	for (uint32_t i = 0; i < n && info->problem.err == ACPI_OK; i++) {
		/* Entries are 8 bytes from 36: 4-byte aligned at best. */
		uint32_t offset = ACPI_HEADER_SIZE + 8 * i, tlen;
		uint64_t pa = acpi_u64(x + offset);
		const uint8_t *t;

		if (!pa) {
			info->nr_null_entries++;
			continue;
		}
		from = (struct referrer){ x, xsdt_pa, offset };
		t = map_table(info, pa, map, ctx, &from, &tlen);
		if (t)
			take_table(info, t, pa, tlen, bytes);
	}
	read_used(info, bytes);
	return info->problem.err;
}

enum acpi_err acpi_read_by_signature(struct acpi_info *info, acpi_find_fn *find, void *ctx)
{
	const uint8_t *bytes[ACPI_NR_USED];

	info->by_signature = true;
	for (int u = ACPI_FADT; u < ACPI_NR_USED && info->problem.err == ACPI_OK; u++) {
		uint64_t pa = 0, avail = 0;
		const uint8_t *t = find(ctx, const_sig((enum acpi_used)u), &pa, &avail);
		uint32_t len;

		if (!t)
			continue;
		if (avail < ACPI_HEADER_SIZE) {
			acpi_refuse(info, ACPI_ERR_BAD_TABLE, ACPI_WHY_SHORT,
				    (const uint8_t *)const_sig((enum acpi_used)u), pa, 0, avail);
			break;
		}
		len = checked_length(info, t, avail, pa);
		if (!len)
			break;
		if (u == ACPI_FADT) {
			copy_oem(info->oem_id, t + 10, 6);
			copy_oem(info->oem_table_id, t + 16, 8);
		}
		take_table(info, t, pa, len, bytes);
	}
	read_used(info, bytes);
	return info->problem.err;
}
