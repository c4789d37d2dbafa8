/*
 * test_acpi.c - host unit tests of the ACPI reader (lib/acpi/).
 *
 * Owns: the reader on tables compiled by iasl from the .dsl files of tests/unit/acpi/
 * (unit.mk builds them into build/host-tests/acpi/), laid out in a fake
 * physical memory at the addresses the RSDP and XSDT name (the XSDT at
 * 0x1100: its entries 4- but not 8-byte aligned, in host memory too, so
 * UBSan sees any unaligned load), and changed byte by byte where iasl
 * cannot say it (the checksum then fixed again, unless the test is about
 * it): every refusal, every SPCR interface type with its access width,
 * GICC entries of 76, 80 and 82 bytes, a boot CPU that is not the first
 * GICC, an online-capable CPU, a parking-protocol mailbox, SPCR absent
 * with DBG2 present, both absent, tables found by signature, and the
 * refusal lines.
 */
#include "unit.h"
#include "acpi/acpi.h"
#include "acpi/problem.h"
#include "exit.h"

#define RSDP_PA 0x1000
#define XSDT_PA 0x1100
#define FADT_PA 0x2000
#define MADT_PA 0x3000
#define SPCR_PA 0x4000
#define DBG2_PA 0x5000
#define GTDT_PA 0x6000

struct region {
	uint64_t pa;
	uint8_t *bytes;           /* host address = pa mod 16 */
	uint8_t *alloc;
	size_t size;
};

static struct region mem[8];
static unsigned nr_mem;
static struct acpi_info info;

static void load_into(struct region *r, const char *name, uint64_t pa)
{
	char path[256];
	FILE *f;
	long size;

	snprintf(path, sizeof(path), "%s/%s.aml", UNIT_ACPI_DIR, name);
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	r->alloc = aligned_alloc(16, ((size_t)size + 16 + 15) & ~(size_t)15);
	r->bytes = r->alloc + pa % 16;
	r->size = (size_t)size;
	r->pa = pa;
	assert_int_equal(fread(r->bytes, 1, r->size, f), r->size);
	fclose(f);
}

static void load_at(const char *name, uint64_t pa)
{
	load_into(&mem[nr_mem++], name, pa);
}

static struct region *find(uint64_t pa)
{
	for (unsigned i = 0; i < nr_mem; i++)
		if (mem[i].pa == pa)
			return &mem[i];
	return NULL;
}

static const void *map_fake(void *ctx, uint64_t pa, uint64_t len)
{
	(void)ctx;
	for (unsigned i = 0; i < nr_mem; i++)
		if (pa >= mem[i].pa && pa - mem[i].pa <= mem[i].size &&
		    len <= mem[i].size - (pa - mem[i].pa))
			return mem[i].bytes + (pa - mem[i].pa);
	return NULL;
}

static int setup(void **state)
{
	(void)state;
	nr_mem = 0;
	load_at("rsdp", RSDP_PA);
	load_at("xsdt", XSDT_PA);
	load_at("facp", FADT_PA);
	load_at("apic", MADT_PA);
	load_at("spcr", SPCR_PA);
	load_at("dbg2", DBG2_PA);
	load_at("gtdt", GTDT_PA);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	for (unsigned i = 0; i < nr_mem; i++)
		free(mem[i].alloc);
	nr_mem = 0;
	return 0;
}

static void fix_checksum(struct region *r, unsigned at, unsigned len)
{
	uint8_t sum = 0;

	r->bytes[at] = 0;
	for (unsigned i = 0; i < len; i++)
		sum = (uint8_t)(sum + r->bytes[i]);
	r->bytes[at] = (uint8_t)-sum;
}

static void fix(struct region *r)
{
	fix_checksum(r, 9, (unsigned)r->size);
}

static void put_le(uint8_t *p, uint64_t v, unsigned bytes)
{
	for (unsigned i = 0; i < bytes; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

/* Set a field of the table at pa and fix its checksum. */
static void poke(uint64_t pa, unsigned off, uint64_t v, unsigned bytes)
{
	struct region *r = find(pa);

	assert_non_null(r);
	put_le(r->bytes + off, v, bytes);
	fix(r);
}

/* The XSDT entry that points to pa, made 0 (an entry the reader skips). */
static void drop_from_xsdt(uint64_t pa)
{
	struct region *x = find(XSDT_PA);

	for (unsigned off = 36; off + 8 <= x->size; off += 8)
		if (x->bytes[off] == (pa & 0xff) && x->bytes[off + 1] == ((pa >> 8) & 0xff))
			poke(XSDT_PA, off, 0, 8);
}

static enum acpi_err read_tables(uint64_t self)
{
	acpi_info_init(&info, self);
	return acpi_read_rsdp(&info, RSDP_PA, map_fake, NULL);
}

static const char *problem_line(void)
{
	static char buf[256];
	struct strbuf sb;

	strbuf_init(&sb, buf, sizeof(buf));
	acpi_problem_line(&info, &sb);
	return buf;
}

/* ---- the tables as QEMU virt gives them ---------------------------- */

/* A usable console from source, driven with 32-bit accesses although its
 * GAS says byte (both test tables do). */
static void expect_console(enum acpi_console_source source, uint16_t type,
			   enum machine_console_kind kind, uint64_t address)
{
	assert_int_equal(info.console.source, source);
	assert_int_equal(info.console.verdict, ACPI_CONSOLE_USABLE);
	assert_int_equal(info.console.type, type);
	assert_int_equal(info.console.kind, kind);
	assert_int_equal(info.console.address, address);
	assert_int_equal(info.console.access_size, 1);
	assert_int_equal(info.console.io_width, 4);
}

static void test_virt_tables(void **state)
{
	(void)state;
	assert_int_equal(read_tables(0), ACPI_OK);
	assert_int_equal((XSDT_PA + 36) % 8, 4);     /* the entries are not 8-byte aligned */
	assert_int_equal(info.rsdp_revision, 2);
	assert_string_equal(info.oem_id, "TEST");
	assert_string_equal(info.oem_table_id, "STUBTEST");
	assert_int_equal(info.nr_listed, 5);
	assert_string_equal(info.listed[4].sig, "GTDT");
	assert_int_equal(info.nr_unused_bad, 0);
	assert_int_equal(info.used[ACPI_XSDT].pa, XSDT_PA);
	assert_int_equal(info.used[ACPI_MADT].pa, MADT_PA);
	/* FADT 6.0: hardware-reduced, PSCI over HVC. */
	assert_true(info.fadt.present);
	assert_int_equal(info.fadt.revision, 6);
	assert_int_equal(info.fadt.minor, 0);
	assert_true(info.fadt.hw_reduced);
	assert_true(info.fadt.has_arm_boot_arch);
	assert_true(info.fadt.psci);
	assert_true(info.fadt.hvc);
	/* SPCR: a PL011 at 32 bits although its GAS says byte. */
	expect_console(ACPI_CONSOLE_SPCR, 3, MACHINE_CONSOLE_PL011, 0x9000000);
	assert_int_equal(info.console.baud, 115200);
	/* MADT: four CPUs, this one first, GICv2. */
	assert_int_equal(info.madt.nr_gicc, 4);
	assert_int_equal(info.madt.nr_enabled, 4);
	assert_int_equal(info.madt.nr_cpus, 4);
	assert_int_equal(info.madt.boot, 0);
	assert_int_equal(info.madt.gic_version, 2);
	assert_int_equal(info.madt.lengths_seen, 1u << 1);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(info.madt.cpu[i].mpidr, (uint64_t)i);
		assert_int_equal(info.madt.cpu[i].uid, (uint32_t)i);
		assert_true(info.madt.cpu[i].enabled);
		assert_int_equal(info.madt.cpu[i].length, 80);
	}
}

static void test_fadt_conduits(void **state)
{
	(void)state;
	poke(FADT_PA, 129, 1, 2);                    /* PSCI over SMC */
	assert_int_equal(read_tables(0), ACPI_OK);
	assert_true(info.fadt.psci);
	assert_false(info.fadt.hvc);
	poke(FADT_PA, 129, 0, 2);                    /* no PSCI */
	assert_int_equal(read_tables(0), ACPI_OK);
	assert_false(info.fadt.psci);
	poke(FADT_PA, 129, 3, 2);                    /* FADT 5.0: no ARM_BOOT_ARCH yet */
	poke(FADT_PA, 8, 5, 1);
	assert_int_equal(read_tables(0), ACPI_OK);
	assert_false(info.fadt.has_arm_boot_arch);
	assert_false(info.fadt.psci);
	poke(FADT_PA, 112, 0, 4);                    /* not hardware-reduced: named, read on */
	assert_int_equal(read_tables(0), ACPI_OK);
	assert_false(info.fadt.hw_reduced);
}

static void test_fadt_absent(void **state)
{
	(void)state;
	drop_from_xsdt(FADT_PA);
	assert_int_equal(read_tables(0), ACPI_OK);
	assert_false(info.fadt.present);
	assert_false(info.fadt.psci);
	assert_int_equal(info.nr_null_entries, 1);
}

/* ---- the refusals ---------------------------------------------------- */

static void expect_refusal(enum acpi_err err, enum acpi_why why, const char *table, int status)
{
	assert_int_equal(info.problem.err, err);
	assert_int_equal(info.problem.why, why);
	assert_string_equal(info.problem.table, table);
	assert_int_equal(acpi_exit_status(err), status);
	assert_non_null(strstr(problem_line(), table));
}

static void test_no_rsdp(void **state)
{
	(void)state;
	acpi_info_init(&info, 0);
	assert_int_equal(acpi_read_rsdp(&info, 0, map_fake, NULL), ACPI_ERR_NO_RSDP);
	assert_int_equal(acpi_exit_status(ACPI_ERR_NO_RSDP), EXIT_ACPI_NO_RSDP);
	assert_non_null(strstr(problem_line(), "neither a DTB nor an ACPI 2.0 RSDP"));
	acpi_info_init(&info, 0);
	assert_int_equal(acpi_read_rsdp(&info, 0x9999000, map_fake, NULL), ACPI_ERR_NO_RSDP);
	assert_int_equal(info.problem.why, ACPI_WHY_NOT_IN_MEMORY);
	find(RSDP_PA)->bytes[0] = 'X';
	assert_int_equal(read_tables(0), ACPI_ERR_NO_RSDP);
	assert_int_equal(info.problem.why, ACPI_WHY_SIGNATURE);
	assert_non_null(strstr(problem_line(), "RSD PTR"));
}

static void test_rsdt_only(void **state)
{
	struct region *r = find(RSDP_PA);

	(void)state;
	r->bytes[15] = 0;                            /* ACPI 1.0: 20 bytes, an RSDT */
	fix_checksum(r, 8, 20);
	assert_int_equal(read_tables(0), ACPI_ERR_RSDT_ONLY);
	expect_refusal(ACPI_ERR_RSDT_ONLY, ACPI_WHY_NONE, "RSDP", EXIT_ACPI_RSDT_ONLY);
	assert_non_null(strstr(problem_line(), "revision 0x0"));
}

static void test_rsdp_no_xsdt_address(void **state)
{
	struct region *r = find(RSDP_PA);

	(void)state;
	put_le(r->bytes + 24, 0, 8);
	fix_checksum(r, 32, 36);
	assert_int_equal(read_tables(0), ACPI_ERR_RSDT_ONLY);
	assert_non_null(strstr(problem_line(), "XsdtAddress 0"));
}

static void test_rsdp_checksums(void **state)
{
	struct region *r = find(RSDP_PA);

	(void)state;
	r->bytes[8] ^= 1;
	assert_int_equal(read_tables(0), ACPI_ERR_BAD_TABLE);
	expect_refusal(ACPI_ERR_BAD_TABLE, ACPI_WHY_CHECKSUM, "RSDP", EXIT_ACPI_BAD_TABLE);
	r->bytes[8] ^= 1;
	r->bytes[32] ^= 1;                           /* the extended checksum */
	assert_int_equal(read_tables(0), ACPI_ERR_BAD_TABLE);
	assert_int_equal(info.problem.offset, 32);
}

static void test_table_checksums(void **state)
{
	static const struct { uint64_t pa; const char *sig; } used[] = {
		{ XSDT_PA, "XSDT" }, { FADT_PA, "FACP" }, { MADT_PA, "APIC" }, { SPCR_PA, "SPCR" },
	};

	(void)state;
	for (unsigned i = 0; i < ARRAY_LEN(used); i++) {
		struct region *r = find(used[i].pa);

		r->bytes[20] ^= 0x40;                /* any byte: the sum moves */
		assert_int_equal(read_tables(0), ACPI_ERR_BAD_TABLE);
		expect_refusal(ACPI_ERR_BAD_TABLE, ACPI_WHY_CHECKSUM, used[i].sig,
			       EXIT_ACPI_BAD_TABLE);
		assert_int_equal(info.problem.pa, used[i].pa);
		assert_non_null(strstr(problem_line(), "checksum fails"));
		r->bytes[20] ^= 0x40;
	}
	assert_int_equal(read_tables(0), ACPI_OK);
}

static void test_unused_table_checksum_named(void **state)
{
	(void)state;
	find(GTDT_PA)->bytes[20] ^= 1;
	assert_int_equal(read_tables(0), ACPI_OK);
	assert_int_equal(info.nr_unused_bad, 1);
	assert_false(info.listed[4].checksum_ok);
}

static void test_table_lengths(void **state)
{
	(void)state;
	poke(SPCR_PA, 4, 0x1000, 4);                 /* past the memory it lies in */
	assert_int_equal(read_tables(0), ACPI_ERR_BAD_TABLE);
	expect_refusal(ACPI_ERR_BAD_TABLE, ACPI_WHY_NOT_IN_MEMORY, "SPCR", EXIT_ACPI_BAD_TABLE);
	assert_int_equal(info.problem.value, 0x1000);
	poke(SPCR_PA, 4, 20, 4);                     /* shorter than its header */
	assert_int_equal(read_tables(0), ACPI_ERR_BAD_TABLE);
	expect_refusal(ACPI_ERR_BAD_TABLE, ACPI_WHY_SHORT, "SPCR", EXIT_ACPI_BAD_TABLE);
	poke(SPCR_PA, 4, 0x40000000, 4);             /* 1 GiB */
	assert_int_equal(read_tables(0), ACPI_ERR_BAD_TABLE);
	assert_int_equal(info.problem.why, ACPI_WHY_TOO_LONG);
}

static void test_spcr_too_short_for_its_fields(void **state)
{
	struct region *r = find(SPCR_PA);

	(void)state;
	r->size = 52;
	poke(SPCR_PA, 4, 52, 4);
	assert_int_equal(read_tables(0), ACPI_ERR_BAD_TABLE);
	expect_refusal(ACPI_ERR_BAD_TABLE, ACPI_WHY_SHORT, "SPCR", EXIT_ACPI_BAD_TABLE);
}

static void test_xsdt_shape(void **state)
{
	struct region *x = find(XSDT_PA);

	(void)state;
	poke(XSDT_PA, 4, x->size - 4, 4);            /* half an entry */
	assert_int_equal(read_tables(0), ACPI_ERR_BAD_TABLE);
	expect_refusal(ACPI_ERR_BAD_TABLE, ACPI_WHY_XSDT_ENTRIES, "XSDT", EXIT_ACPI_BAD_TABLE);
	poke(XSDT_PA, 4, x->size, 4);
	poke(XSDT_PA, 0, 0x54445352, 4);             /* "RSDT" where the XSDT should be */
	assert_int_equal(read_tables(0), ACPI_ERR_BAD_TABLE);
	expect_refusal(ACPI_ERR_BAD_TABLE, ACPI_WHY_SIGNATURE, "XSDT", EXIT_ACPI_BAD_TABLE);
}

static void test_xsdt_entry_nowhere(void **state)
{
	(void)state;
	poke(XSDT_PA, 36 + 8 * 2, 0x7777000, 8);     /* the SPCR's entry */
	assert_int_equal(read_tables(0), ACPI_ERR_BAD_TABLE);
	expect_refusal(ACPI_ERR_BAD_TABLE, ACPI_WHY_NOT_IN_MEMORY, "XSDT", EXIT_ACPI_BAD_TABLE);
	assert_int_equal(info.problem.offset, 36 + 8 * 2);
	assert_int_equal(info.problem.value, 0x7777000);
}

static void test_boot_cpu_missing(void **state)
{
	(void)state;
	assert_int_equal(read_tables(0x5), ACPI_ERR_NO_BOOT_CPU);
	expect_refusal(ACPI_ERR_NO_BOOT_CPU, ACPI_WHY_NONE, "APIC", EXIT_ACPI_NO_BOOT_CPU);
	assert_non_null(strstr(problem_line(), "MPIDR 0x5 (4 GICC entries)"));
	drop_from_xsdt(MADT_PA);
	assert_int_equal(read_tables(0), ACPI_ERR_NO_BOOT_CPU);
	assert_int_equal(info.problem.why, ACPI_WHY_ABSENT);
	assert_non_null(strstr(problem_line(), "lists no MADT"));
}

static void test_gicc_bad_length(void **state)
{
	(void)state;
	poke(MADT_PA, 44 + 80 + 1, 75, 1);           /* the second GICC, one byte short */
	assert_int_equal(read_tables(0), ACPI_ERR_BAD_GICC);
	expect_refusal(ACPI_ERR_BAD_GICC, ACPI_WHY_SUBTABLE, "APIC", EXIT_ACPI_BAD_GICC);
	assert_int_equal(info.problem.offset, 44 + 80);
	assert_int_equal(info.problem.value, 75);
	poke(MADT_PA, 44 + 80 + 1, 0, 1);            /* 0: a walk that would never move */
	assert_int_equal(read_tables(0), ACPI_ERR_BAD_GICC);
	poke(MADT_PA, 44 + 80 * 3 + 1, 0xff, 1);     /* the last GICC past the table's end */
	poke(MADT_PA, 44 + 80 + 1, 80, 1);
	assert_int_equal(read_tables(0), ACPI_ERR_BAD_GICC);
	assert_int_equal(info.problem.offset, 44 + 80 * 3);
}

static void test_madt_other_subtable_length(void **state)
{
	(void)state;
	poke(MADT_PA, 44 + 80 * 4 + 1, 0, 1);        /* the GICD's length 0 */
	assert_int_equal(read_tables(0), ACPI_ERR_BAD_TABLE);
	expect_refusal(ACPI_ERR_BAD_TABLE, ACPI_WHY_SUBTABLE, "APIC", EXIT_ACPI_BAD_TABLE);
	poke(MADT_PA, 44 + 80 * 4 + 1, 1, 1);
	assert_int_equal(read_tables(0), ACPI_ERR_BAD_TABLE);
}

/* ---- GICC lengths: iasl 20200925 writes 80; 76 and 82 made from it --- */

static void madt_with_gicc_length(unsigned length)
{
	struct region *r = find(MADT_PA);
	uint8_t *out = aligned_alloc(16, 1024 + 16), *p = out + MADT_PA % 16;
	unsigned off = 44, n = 44;

	memset(out, 0, 1024 + 16);
	memcpy(p, r->bytes, 44);
	while (off < r->size) {
		unsigned len = r->bytes[off + 1];

		memcpy(p + n, r->bytes + off, len < length ? len : length);
		if (r->bytes[off] == 0x0b) {
			p[n + 1] = (uint8_t)length;
			n += length;
		} else {
			n += len;
		}
		off += len;
	}
	free(r->alloc);
	r->alloc = out;
	r->bytes = p;
	r->size = n;
	put_le(p + 4, n, 4);
	fix(r);
}

static void test_gicc_lengths(void **state)
{
	static const unsigned lengths[] = { 76, 80, 82 };

	(void)state;
	for (unsigned i = 0; i < ARRAY_LEN(lengths); i++) {
		teardown(NULL);
		setup(NULL);
		madt_with_gicc_length(lengths[i]);
		assert_int_equal(read_tables(2), ACPI_OK);
		assert_int_equal(info.madt.nr_gicc, 4);
		assert_int_equal(info.madt.boot, 2);
		assert_int_equal(info.madt.cpu[3].mpidr, 3);
		assert_int_equal(info.madt.cpu[3].length, lengths[i]);
		assert_int_equal(info.madt.cpu[3].offset, 44 + 3 * lengths[i]);
		assert_int_equal(info.madt.lengths_seen, 1u << i);
		assert_int_equal(info.madt.gic_version, 2);
	}
}

/* ---- a server's MADT ------------------------------------------------ */

static void use_clusters_madt(void)
{
	struct region *r = find(MADT_PA);

	free(r->alloc);
	load_into(r, "apic-clusters", MADT_PA);
	poke(MADT_PA, 44 + 80 * 3 + 12, 8, 4);       /* GICC 3: Online Capable */
}

static void test_boot_cpu_not_first(void **state)
{
	const struct acpi_madt *m = &info.madt;

	(void)state;
	use_clusters_madt();
	assert_int_equal(read_tables(0x100), ACPI_OK);
	assert_int_equal(m->nr_gicc, 6);
	assert_int_equal(m->boot, 2);
	assert_int_equal(m->boot_entry, 2);
	assert_int_equal(m->cpu[0].mpidr, 0x100000);
	assert_int_equal(m->nr_enabled, 4);
	assert_int_equal(m->nr_online_capable, 1);
	assert_true(m->cpu[3].online_capable);
	assert_false(m->cpu[3].enabled);
	assert_int_equal(m->nr_off, 1);
	assert_int_equal(m->cpu[5].parking_version, 1);
	assert_int_equal(m->cpu[5].parked_address, 0x80001000);
	assert_int_equal(m->gic_version, 3);
	/* Without a given MPIDR (the host tool): the first enabled GICC. */
	assert_int_equal(read_tables(ACPI_MPIDR_FIRST_ENABLED), ACPI_OK);
	assert_int_equal(m->boot, 0);
	assert_int_equal(info.self_mpidr, 0x100000);
}

static void test_mpidr_duplicate_and_bad(void **state)
{
	(void)state;
	poke(MADT_PA, 44 + 80 * 1 + 68, 0, 8);       /* GICC 1 says MPIDR 0 again */
	poke(MADT_PA, 44 + 80 * 2 + 68, 1ULL << 31, 8); /* GICC 2: bit 31 is no affinity */
	assert_int_equal(read_tables(0), ACPI_OK);
	assert_int_equal(info.madt.nr_gicc, 4);
	assert_int_equal(info.madt.nr_duplicate, 1);
	assert_int_equal(info.madt.nr_bad_mpidr, 1);
	assert_int_equal(info.madt.nr_cpus, 2);
}

/* ---- the console ------------------------------------------------------ */

static void spcr_as(uint8_t type, uint8_t access_size, uint8_t bit_width)
{
	struct region *r = find(SPCR_PA);

	r->bytes[36] = type;
	r->bytes[41] = bit_width;
	r->bytes[43] = access_size;
	fix(r);
	assert_int_equal(read_tables(0), ACPI_OK);
}

static void test_spcr_types(void **state)
{
	static const struct {
		uint8_t type, access_size, bit_width;
		enum machine_console_kind kind;
		uint8_t io_width, reg_shift;
	} cases[] = {
		{ 0x03, 1, 8, MACHINE_CONSOLE_PL011, 4, 0 },    /* QEMU 7.2 says byte */
		{ 0x03, 3, 32, MACHINE_CONSOLE_PL011, 4, 0 },
		{ 0x10, 3, 32, MACHINE_CONSOLE_PL011, 4, 0 },   /* BCM2835: Linux reads a PL011 */
		{ 0x0d, 3, 32, MACHINE_CONSOLE_SBSA, 4, 0 },
		{ 0x0e, 1, 8, MACHINE_CONSOLE_SBSA, 4, 0 },     /* HoneyComb's byte GAS */
		{ 0x00, 1, 8, MACHINE_CONSOLE_NS16550, 1, 0 },
		{ 0x01, 2, 16, MACHINE_CONSOLE_NS16550, 2, 1 },
		{ 0x12, 3, 32, MACHINE_CONSOLE_NS16550, 4, 2 },
		{ 0x00, 0, 32, MACHINE_CONSOLE_NS16550, 4, 2 },   /* no access size: bit width */
		{ 0x00, 0, 8, MACHINE_CONSOLE_NS16550, 1, 0 },
	};

	(void)state;
	for (unsigned i = 0; i < ARRAY_LEN(cases); i++) {
		spcr_as(cases[i].type, cases[i].access_size, cases[i].bit_width);
		assert_int_equal(info.console.verdict, ACPI_CONSOLE_USABLE);
		assert_int_equal(info.console.type, cases[i].type);
		assert_int_equal(info.console.kind, cases[i].kind);
		assert_int_equal(info.console.io_width, cases[i].io_width);
		assert_int_equal(info.console.reg_shift, cases[i].reg_shift);
		assert_string_not_equal(acpi_console_type_name(cases[i].type), "unsupported type");
	}
	spcr_as(0x0f, 1, 8);                          /* Arm DCC: nothing to drive here */
	assert_int_equal(info.console.verdict, ACPI_CONSOLE_UNSUPPORTED);
	assert_int_equal(info.console.kind, MACHINE_CONSOLE_UNSUPPORTED);
}

static void test_spcr_unusable(void **state)
{
	(void)state;
	poke(SPCR_PA, 40, 1, 1);                     /* system I/O space */
	assert_int_equal(read_tables(0), ACPI_OK);
	assert_int_equal(info.console.verdict, ACPI_CONSOLE_NOT_MMIO);
	poke(SPCR_PA, 40, 0, 1);
	poke(SPCR_PA, 44, 0, 8);                     /* address 0: redirection disabled */
	assert_int_equal(read_tables(0), ACPI_OK);
	assert_int_equal(info.console.verdict, ACPI_CONSOLE_NO_ADDRESS);
}

static void test_dbg2_when_no_spcr(void **state)
{
	(void)state;
	drop_from_xsdt(SPCR_PA);
	assert_int_equal(read_tables(0), ACPI_OK);
	expect_console(ACPI_CONSOLE_DBG2, 0x0e, MACHINE_CONSOLE_SBSA, 0x21d0000);
	assert_int_equal(info.console.dbg2_devices, 1);
}

static void test_no_console_described(void **state)
{
	(void)state;
	drop_from_xsdt(SPCR_PA);
	drop_from_xsdt(DBG2_PA);
	assert_int_equal(read_tables(0), ACPI_OK);
	assert_int_equal(info.console.source, ACPI_CONSOLE_NONE);
	assert_int_equal(info.console.verdict, ACPI_CONSOLE_NOT_DESCRIBED);
}

static void test_dbg2_bounds(void **state)
{
	(void)state;
	drop_from_xsdt(SPCR_PA);
	poke(DBG2_PA, 44 + 1, 0, 2);                 /* a device of length 0 */
	assert_int_equal(read_tables(0), ACPI_ERR_BAD_TABLE);
	expect_refusal(ACPI_ERR_BAD_TABLE, ACPI_WHY_SUBTABLE, "DBG2", EXIT_ACPI_BAD_TABLE);
	poke(DBG2_PA, 44 + 1, 49, 2);
	poke(DBG2_PA, 44 + 18, 40, 2);               /* its GAS past the device */
	assert_int_equal(read_tables(0), ACPI_ERR_BAD_TABLE);
	assert_int_equal(info.problem.why, ACPI_WHY_DBG2_REGISTERS);
	poke(DBG2_PA, 44 + 18, 22, 2);
	poke(DBG2_PA, 44 + 3, 0, 1);                 /* a serial device with no register */
	assert_int_equal(read_tables(0), ACPI_OK);   /* passed over: none left */
	assert_int_equal(info.console.verdict, ACPI_CONSOLE_NOT_DESCRIBED);
	poke(DBG2_PA, 44 + 3, 1, 1);
	poke(DBG2_PA, 36, 0xffffff00, 4);            /* the devices' offset past the table */
	assert_int_equal(read_tables(0), ACPI_ERR_BAD_TABLE);
	poke(DBG2_PA, 36, 44, 4);
	poke(DBG2_PA, 40, 0xffffffff, 4);            /* a count that cannot be */
	poke(DBG2_PA, 44 + 12, 0x8001, 2);           /* (not serial: walk on) */
	assert_int_equal(read_tables(0), ACPI_ERR_BAD_TABLE);
}

/* ---- by signature (the host tool's folder of raw tables) ------------- */

static const void *find_fake(void *ctx, const char *sig, uint64_t *pa, uint64_t *len)
{
	(void)ctx;
	for (unsigned i = 0; i < nr_mem; i++)
		if (!memcmp(mem[i].bytes, sig, 4)) {
			*pa = 0;
			*len = mem[i].size;
			return mem[i].bytes;
		}
	return NULL;
}

static void test_by_signature(void **state)
{
	(void)state;
	acpi_info_init(&info, ACPI_MPIDR_FIRST_ENABLED);
	assert_int_equal(acpi_read_by_signature(&info, find_fake, NULL), ACPI_OK);
	assert_true(info.by_signature);
	assert_int_equal(info.console.kind, MACHINE_CONSOLE_PL011);
	assert_int_equal(info.madt.nr_cpus, 4);
	assert_true(info.fadt.psci);
	assert_string_equal(info.oem_table_id, "STUBTEST");
	find(SPCR_PA)->size = 60;                    /* a file cut short */
	acpi_info_init(&info, 0);
	assert_int_equal(acpi_read_by_signature(&info, find_fake, NULL), ACPI_ERR_BAD_TABLE);
	assert_int_equal(info.problem.why, ACPI_WHY_NOT_IN_MEMORY);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(test_virt_tables),
		T(test_fadt_conduits),
		T(test_fadt_absent),
		T(test_no_rsdp),
		T(test_rsdt_only),
		T(test_rsdp_no_xsdt_address),
		T(test_rsdp_checksums),
		T(test_table_checksums),
		T(test_unused_table_checksum_named),
		T(test_table_lengths),
		T(test_spcr_too_short_for_its_fields),
		T(test_xsdt_shape),
		T(test_xsdt_entry_nowhere),
		T(test_boot_cpu_missing),
		T(test_gicc_bad_length),
		T(test_madt_other_subtable_length),
		T(test_gicc_lengths),
		T(test_boot_cpu_not_first),
		T(test_mpidr_duplicate_and_bad),
		T(test_spcr_types),
		T(test_spcr_unusable),
		T(test_dbg2_when_no_spcr),
		T(test_no_console_described),
		T(test_dbg2_bounds),
		T(test_by_signature),
#undef T
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
