/*
 * tests/bench/fault_init.c - the /init that make bench boots Linux with, to
 * count Linux 6.1's anonymous-page fault the way the stub's demand fault is
 * counted (tests/bench/bench.sh: the EL0 synchronous vector to the eret of
 * ret_to_user, each execution, under the TCG plugin).
 *
 * Owns: one anonymous private mapping of FAULT_PAGES pages, without
 * transparent huge pages (MADV_NOHUGEPAGE: every page its own fault), one
 * store into each page in address order (touch_loop: the bench counts the
 * faults taken after its first instruction), a line on the console, and the
 * power-off (reboot(2) with LINUX_REBOOT_CMD_POWER_OFF: PSCI SYSTEM_OFF,
 * QEMU exits 0).
 * Built from source by the bench with the cross compiler: static, no libc
 * (aarch64-linux-gnu-gcc -static -nostdlib -ffreestanding), raw system calls.
 */
#include <stdint.h>

#define FAULT_PAGES   1024
#define PAGE          4096

/* asm-generic/unistd.h (arm64) */
#define NR_WRITE      64
#define NR_EXIT       93
#define NR_REBOOT     142
#define NR_MUNMAP     215
#define NR_MMAP       222
#define NR_MADVISE    233
#define PROT_RW       3            /* PROT_READ | PROT_WRITE */
#define MAP_PRIV_ANON 0x22         /* MAP_PRIVATE | MAP_ANONYMOUS */
#define MADV_NOHUGEPAGE 15
#define REBOOT_MAGIC1 0xfee1deadUL
#define REBOOT_MAGIC2 672274793UL
#define REBOOT_POWER_OFF 0x4321fedcUL

static long sys6(long nr, long a, long b, long c, long d, long e, long f)
{
	register long x8 __asm__("x8") = nr;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	register long x3 __asm__("x3") = d;
	register long x4 __asm__("x4") = e;
	register long x5 __asm__("x5") = f;

	__asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
			 : "memory");
	return x0;
}

static void say(const char *s)
{
	long n = 0;

	while (s[n])
		n++;
	sys6(NR_WRITE, 1, (long)s, n, 0, 0, 0);
}

/* One store a page, in order: each the first touch of an anonymous page.
 * Out of line and named, so the bench finds where the faults begin. */
__attribute__((noinline)) void touch_loop(volatile uint8_t *p, long pages)
{
	for (long i = 0; i < pages; i++)
		p[i * PAGE] = 1;
}

void _start(void)
{
	long len = (long)FAULT_PAGES * PAGE;
	long p = sys6(NR_MMAP, 0, len, PROT_RW, MAP_PRIV_ANON, -1, 0);

	if (p < 0 && p > -4096) {
		say("fault_init: mmap failed\n");
	} else {
		sys6(NR_MADVISE, p, len, MADV_NOHUGEPAGE, 0, 0, 0);
		touch_loop((volatile uint8_t *)p, FAULT_PAGES);
		say("fault_init: 1024 pages touched\n");
		sys6(NR_MUNMAP, p, len, 0, 0, 0, 0);
	}
	sys6(NR_REBOOT, REBOOT_MAGIC1, REBOOT_MAGIC2, REBOOT_POWER_OFF, 0, 0, 0);
	sys6(NR_EXIT, 0, 0, 0, 0, 0, 0);
	for (;;)
		;
}
