/*
 * tests/bench/insn_plugin.c - QEMU TCG plugin behind `make bench`.
 *
 * Owns: counting the guest's executed instructions with no help from the
 * guest, the count at the FIRST execution of each marker address, and at
 * EVERY execution of each every= address. At exit (or, with stop=on, as
 * soon as every marker has been hit) it prints
 *     mark NAME 0xADDR COUNT        COUNT = instructions executed before it
 *     mark NAME 0xADDR -            never executed
 *     hit NAME COUNT                one line per execution of an every=
 *                                   address, in order (MAX_HITS in all)
 *     total COUNT
 *     translated INSNS TBS          distinct instruction addresses QEMU
 *                                   translated, and translation blocks
 * through qemu_plugin_outs, i.e. QEMU's log: give QEMU `-d plugin` (and
 * `-D FILE` to keep it apart from a console on stdout).
 *
 * Arguments (one -plugin option, repeat mark= freely):
 *     -plugin build/bench/insn_plugin-apiN.so,mark=NAME:ADDR,mark=...,stop=on
 * mark=NAME:ADDR   first execution of the instruction at ADDR
 * above=NAME:ADDR  first execution of any instruction at or above ADDR
 *                  (e.g. the first high-half instruction, whatever its name)
 * every=NAME:ADDR  every execution of the instruction at ADDR (e.g. an
 *                  exception vector and its eret: the bench pairs them)
 * stop=on          end QEMU (exit status 0) once every mark= and above=
 *                  marker has been hit
 * smp=on           allow more than one vCPU: the count is then all of
 *                  theirs, which is exact only under -icount (QEMU runs
 *                  every vCPU in one thread, one at a time)
 * ADDR is a virtual address as the CPU sees it (with the MMU off, the
 * physical address); hex with 0x, or decimal.
 *
 * One count for the whole machine: without smp=on the plugin refuses to
 * load with more than one vCPU, so every count is vCPU 0's.
 *
 * Debian ships no qemu-plugin.h, so the few declarations used are below,
 * as QEMU's include/qemu/qemu-plugin.h has them. One source, two builds
 * (tests/tests.mk: build/bench/insn_plugin-apiN.so), since a QEMU loads
 * only the API versions it knows and no version is known to both:
 *   -DQEMU_PLUGIN_API=1  QEMU up to 8.2 (7.2: Debian 12): the inline add
 *                        goes to a plain counter
 *                        (qemu_plugin_register_vcpu_insn_exec_inline);
 *   -DQEMU_PLUGIN_API=2  QEMU 9.0 on (10.0: Debian 13, bookworm-backports),
 *                        which removed that call: the inline add goes to
 *                        a scoreboard made at install
 *                        (qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu).
 * The counts are the same in both (API 2 sums its vCPUs' elements).
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- QEMU's plugin API (version 1 or 2), the part this file uses ---- */
#ifndef QEMU_PLUGIN_API
#error "QEMU_PLUGIN_API: 1 (QEMU up to 8.2) or 2 (9.0 on), from tests/tests.mk"
#endif
#if QEMU_PLUGIN_API != 1 && QEMU_PLUGIN_API != 2
#error "QEMU_PLUGIN_API must be 1 or 2"
#endif
#define QEMU_PLUGIN_EXPORT __attribute__((visibility("default")))
#define QEMU_PLUGIN_VERSION QEMU_PLUGIN_API

typedef uint64_t qemu_plugin_id_t;

typedef struct qemu_info_t {
	const char *target_name;
	struct {
		int min;
		int cur;
	} version;
	bool system_emulation;
	union {
		struct {
			int smp_vcpus;
			int max_vcpus;
		} system;
	};
} qemu_info_t;

struct qemu_plugin_tb;
struct qemu_plugin_insn;

enum qemu_plugin_cb_flags {
	QEMU_PLUGIN_CB_NO_REGS,
	QEMU_PLUGIN_CB_R_REGS,
	QEMU_PLUGIN_CB_RW_REGS,
};
enum qemu_plugin_op {
	QEMU_PLUGIN_INLINE_ADD_U64,
};

typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index, void *userdata);
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn,
					    qemu_plugin_vcpu_udata_cb_t cb,
					    enum qemu_plugin_cb_flags flags, void *userdata);
#if QEMU_PLUGIN_API == 1
void qemu_plugin_register_vcpu_insn_exec_inline(struct qemu_plugin_insn *insn,
						enum qemu_plugin_op op, void *ptr, uint64_t imm);
#else
/* Per-vCPU storage QEMU owns; an entry is a field of each vCPU's element. */
struct qemu_plugin_scoreboard;
typedef struct {
	struct qemu_plugin_scoreboard *score;
	size_t offset;
} qemu_plugin_u64;
struct qemu_plugin_scoreboard *qemu_plugin_scoreboard_new(size_t element_size);
void *qemu_plugin_scoreboard_find(struct qemu_plugin_scoreboard *score, unsigned int vcpu_index);
void qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(struct qemu_plugin_insn *insn,
							 enum qemu_plugin_op op,
							 qemu_plugin_u64 entry, uint64_t imm);
#endif
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);
void qemu_plugin_outs(const char *string);
bool qemu_plugin_bool_parse(const char *name, const char *val, bool *ret);

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;
QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info,
					   int argc, char **argv);
/* ---- end of the API declarations ---- */

#define MAX_MARKS 32
#define MAX_HITS  100000

struct mark {
	char name[64];
	uint64_t addr;
	bool above;	/* matches every address >= addr */
	bool every;	/* every execution is recorded, never "hit" */
	bool hit;
	uint64_t hit_addr;	/* where it was hit (differs from addr for above=) */
	uint64_t count;
};

static bool matches(const struct mark *m, uint64_t va)
{
	return m->above ? va >= m->addr : va == m->addr;
}

static struct mark marks[MAX_MARKS];
static int n_marks, n_hit, n_every;
/* The executions of every= addresses, in order: (mark, count). */
static struct { int mark; uint64_t count; } hits[MAX_HITS];
static int n_hits;
static bool stop_after_last;
static bool reported;

/*
 * What QEMU translated: the distinct instruction addresses (a set, open
 * addressing, an address stored with bit 0 set so that 0 means empty) and
 * the translation blocks. A boot's wall time on TCG is mostly this
 * (docs/bench.md): each distinct instruction is translated once, whatever
 * it executes after. QEMU may translate in several threads (no -icount,
 * more than one vCPU): tb_trans holds seen_lock.
 */
static pthread_mutex_t seen_lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t *seen;
static size_t seen_size, n_distinct, n_tbs;

static bool seen_add(uint64_t va)
{
	size_t i;

	if (2 * (n_distinct + 1) > seen_size) {
		size_t old_size = seen_size, new_size = old_size ? 2 * old_size : 1 << 14;
		uint64_t *old = seen;

		seen = calloc(new_size, sizeof(*seen));
		if (!seen)
			return false;
		seen_size = new_size;
		n_distinct = 0;
		for (i = 0; i < old_size; i++)
			if (old[i])
				seen_add(old[i] & ~(uint64_t)1);
		free(old);
	}
	for (i = (size_t)(va >> 2) & (seen_size - 1); seen[i]; i = (i + 1) & (seen_size - 1))
		if (seen[i] == (va | 1))
			return true;
	seen[i] = va | 1;
	n_distinct++;
	return true;
}
/*
 * Instructions executed so far (see the top comment). API 1: one plain
 * counter for every vCPU; API 2: an element of a scoreboard per vCPU
 * (QEMU may move the storage when vCPUs come: looked up at each use),
 * insn_total() their sum.
 */
static unsigned n_vcpus = 1;
#if QEMU_PLUGIN_API == 1
static uint64_t insn_count_v1;
static uint64_t *insn_count(unsigned vcpu)
{
	(void)vcpu;
	return &insn_count_v1;
}
static uint64_t insn_total(void)
{
	return insn_count_v1;
}
static void count_inline(struct qemu_plugin_insn *insn)
{
	qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64, &insn_count_v1, 1);
}
static bool counter_init(void)
{
	return true;
}
#else
static struct qemu_plugin_scoreboard *insn_score;
static uint64_t *insn_count(unsigned vcpu)
{
	return qemu_plugin_scoreboard_find(insn_score, vcpu);
}
static uint64_t insn_total(void)
{
	uint64_t sum = 0;

	for (unsigned i = 0; i < n_vcpus; i++)
		sum += *insn_count(i);
	return sum;
}
static void count_exec(unsigned int vcpu_index, void *userdata)
{
	(void)userdata;
	(*insn_count(vcpu_index))++;
}
/*
 * With more than one vCPU, a callback instead of the inline add: QEMU
 * 10.0.2 aborts ("arm_mmu_idx_el: code should not be reached", in
 * helper_rebuild_hflags_a64) once a second vCPU runs under -icount with an
 * inline add on every instruction, Linux as well as the stub; the
 * callback counts the same, only slower.
 */
static void count_inline(struct qemu_plugin_insn *insn)
{
	qemu_plugin_u64 entry = { .score = insn_score, .offset = 0 };

	if (n_vcpus > 1)
		qemu_plugin_register_vcpu_insn_exec_cb(insn, count_exec, QEMU_PLUGIN_CB_NO_REGS, NULL);
	else
		qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(insn, QEMU_PLUGIN_INLINE_ADD_U64,
								    entry, 1);
}
static bool counter_init(void)
{
	insn_score = qemu_plugin_scoreboard_new(sizeof(uint64_t));
	return insn_score != NULL;
}
#endif

static void report(void)
{
	char line[256];

	if (reported)
		return;
	reported = true;
	for (int i = 0; i < n_marks; i++) {
		if (marks[i].every)
			continue;
		if (marks[i].hit)
			snprintf(line, sizeof(line), "mark %.63s 0x%" PRIx64 " %" PRIu64 "\n",
				 marks[i].name, marks[i].hit_addr, marks[i].count);
		else
			snprintf(line, sizeof(line), "mark %.63s 0x%" PRIx64 " -\n",
				 marks[i].name, marks[i].addr);
		qemu_plugin_outs(line);
	}
	for (int i = 0; i < n_hits; i++) {
		snprintf(line, sizeof(line), "hit %.63s %" PRIu64 "\n", marks[hits[i].mark].name,
			 hits[i].count);
		qemu_plugin_outs(line);
	}
	snprintf(line, sizeof(line), "total %" PRIu64 "\n", insn_total());
	qemu_plugin_outs(line);
	snprintf(line, sizeof(line), "translated %zu %zu\n", n_distinct, n_tbs);
	qemu_plugin_outs(line);
}

/*
 * A marker instruction counts itself here instead of through an inline add:
 * then "count before it" does not depend on whether QEMU runs an insn's
 * inline ops before or after its callbacks.
 */
static void marker_exec(unsigned int vcpu_index, void *userdata)
{
	uint64_t addr = (uintptr_t)userdata, now = insn_total();

	for (int i = 0; i < n_marks; i++) {
		if (marks[i].every && marks[i].addr == addr && n_hits < MAX_HITS)
			hits[n_hits++] = (__typeof__(hits[0])){ i, now };
		if (marks[i].every || marks[i].hit || !matches(&marks[i], addr))
			continue;
		marks[i].hit = true;
		marks[i].hit_addr = addr;
		marks[i].count = now;
		n_hit++;
	}
	(*insn_count(vcpu_index))++;
	if (stop_after_last && n_hit == n_marks - n_every) {
		/* The total is the count at the last marker: deterministic. */
		report();
		/* As semihosting's SYS_EXIT does from this thread: atexit runs. */
		exit(0);
	}
}

static bool is_marker(uint64_t addr)
{
	for (int i = 0; i < n_marks; i++)
		if ((marks[i].every || !marks[i].hit) && matches(&marks[i], addr))
			return true;
	return false;
}

static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	size_t n = qemu_plugin_tb_n_insns(tb);

	(void)id;
	pthread_mutex_lock(&seen_lock);
	n_tbs++;
	/*
	 * Per instruction, not per TB: a TB left early (exception, I/O under
	 * icount) still counts exactly what ran. QEMU re-executes an I/O insn
	 * in a CF_MEMI_ONLY TB that carries no insn callbacks, so no double count.
	 */
	for (size_t i = 0; i < n; i++) {
		struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
		uint64_t va = qemu_plugin_insn_vaddr(insn);

		if (!seen_add(va)) {
			fprintf(stderr, "insn_plugin: out of memory for the translated set\n");
			exit(1);
		}
		if (is_marker(va))
			qemu_plugin_register_vcpu_insn_exec_cb(insn, marker_exec, QEMU_PLUGIN_CB_NO_REGS,
							       (void *)(uintptr_t)va);
		else
			count_inline(insn);
	}
	pthread_mutex_unlock(&seen_lock);
}

static void at_exit(qemu_plugin_id_t id, void *userdata)
{
	(void)id;
	(void)userdata;
	report();
}

static int parse_mark(const char *val, bool above, bool every)
{
	const char *colon = strrchr(val, ':');
	char *end;
	struct mark *m;

	if (n_marks == MAX_MARKS) {
		fprintf(stderr, "insn_plugin: more than %d marks\n", MAX_MARKS);
		return -1;
	}
	m = &marks[n_marks];
	if (!colon || colon == val || (size_t)(colon - val) >= sizeof(m->name)) {
		fprintf(stderr, "insn_plugin: %s: want NAME:ADDR\n", val);
		return -1;
	}
	memcpy(m->name, val, colon - val);
	m->name[colon - val] = '\0';
	m->addr = strtoull(colon + 1, &end, 0);
	if (end == colon + 1 || *end) {
		fprintf(stderr, "insn_plugin: %s: bad address\n", val);
		return -1;
	}
	m->above = above;
	m->every = every;
	n_every += every;
	n_marks++;
	return 0;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info,
					   int argc, char **argv)
{
	bool smp = false;

	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];

		if (!strncmp(arg, "mark=", 5)) {
			if (parse_mark(arg + 5, false, false))
				return -1;
		} else if (!strncmp(arg, "above=", 6)) {
			if (parse_mark(arg + 6, true, false))
				return -1;
		} else if (!strncmp(arg, "every=", 6)) {
			if (parse_mark(arg + 6, false, true))
				return -1;
		} else if (!strncmp(arg, "smp=", 4)) {
			if (!qemu_plugin_bool_parse("smp", arg + 4, &smp)) {
				fprintf(stderr, "insn_plugin: smp=%s: want on or off\n", arg + 4);
				return -1;
			}
		} else if (!strncmp(arg, "stop=", 5)) {
			if (!qemu_plugin_bool_parse("stop", arg + 5, &stop_after_last)) {
				fprintf(stderr, "insn_plugin: stop=%s: want on or off\n", arg + 5);
				return -1;
			}
		} else {
			fprintf(stderr, "insn_plugin: unknown argument %s\n", arg);
			return -1;
		}
	}
	if (info->system_emulation && info->system.max_vcpus > 1 && !smp) {
		fprintf(stderr, "insn_plugin: one counter for one vCPU; run with -smp 1 (or smp=on)\n");
		return -1;
	}
	if (info->system_emulation && info->system.max_vcpus > 1)
		n_vcpus = (unsigned)info->system.max_vcpus;
	if (stop_after_last && n_marks == n_every) {
		fprintf(stderr, "insn_plugin: stop=on needs at least one mark= or above=\n");
		return -1;
	}
	if (!counter_init()) {
		fprintf(stderr, "insn_plugin: no scoreboard for the counter\n");
		return -1;
	}
	qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
	qemu_plugin_register_atexit_cb(id, at_exit, NULL);
	return 0;
}
