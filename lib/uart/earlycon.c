/*
 * earlycon.c - the `earlycon=` boot argument parsed (see earlycon.h).
 *
 * Each Linux earlycon name stands for the compatible its driver declares
 * beside it (Linux pairs EARLYCON_DECLARE with OF_EARLYCON_DECLARE), so
 * the driver and its layout come from compat.c's one list; the 8250
 * names alone take their layout from the iotype (mmio: bytes at stride 1,
 * mmio16: 16-bit at 2, mmio32: 32-bit at 4), as Linux's 8250 does.
 */
#include <string.h>
#include "earlycon.h"

static const struct {
	const char *name, *compatible;
} names[] = {
	{ "uart8250", "ns16550a" }, { "uart", "ns16550a" }, { "ns16550", "ns16550" },
	{ "ns16550a", "ns16550a" }, { "pl011", "arm,pl011" },
	{ "qdf2400_e44", "arm,sbsa-uart" },     /* the SBSA UART's earlycon */
	{ "cdns", "cdns,uart-r1p12" }, { "bcm2835aux", "brcm,bcm2835-aux-uart" },
	{ "meson", "amlogic,meson-gx-uart" }, { "ec_imx6q", "fsl,imx6q-uart" },
	{ "ec_imx21", "fsl,imx21-uart" }, { "lpuart32", "fsl,ls1028a-lpuart" },
	{ "ar3700_uart", "marvell,armada-3700-uart" }, { "scif", "renesas,scif" },
	{ "qcom_geni", "qcom,geni-debug-uart" }, { "msm_serial_dm", "qcom,msm-uartdm" },
	{ "omap8250", "ti,am654-uart" },
};

/* The iotypes of uart_parse_earlycon: what each means here. */
enum iotype { IO_DEFAULT, IO_MEM, IO_MEM16, IO_MEM32, IO_REFUSED };

static bool starts(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);

	return len >= n && !memcmp(s, word, n);
}

/* The next comma-separated field of [*s, end): its start and length. */
static size_t field(const char **s, const char *end, const char **start)
{
	const char *p = *s;

	*start = p;
	while (p < end && *p != ',')
		p++;
	*s = p < end ? p + 1 : p;
	return (size_t)(p - *start);
}

static void copy(char *dst, size_t size, const char *src, size_t len)
{
	if (len >= size)
		len = size - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
}

static void refuse(struct earlycon_request *out, const char *why)
{
	out->form = EARLYCON_REFUSED;
	out->refused = why;
}

/* A number as strtoull with base 0 reads it (0x hex, 0 octal, decimal),
 * the whole field: false if anything else is in it or it overflows. */
static bool parse_address(const char *s, size_t len, uint64_t *out)
{
	uint64_t v = 0;
	unsigned base = 10;
	size_t i = 0;

	if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		base = 16, i = 2;
	else if (len > 1 && s[0] == '0')
		base = 8, i = 1;
	if (i == len)
		return false;
	for (; i < len; i++) {
		unsigned d;
		char c = s[i];

		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			d = (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			d = (unsigned)(c - 'A' + 10);
		else
			return false;
		if (d >= base || v > (UINT64_MAX - d) / base)
			return false;
		v = v * base + d;
	}
	*out = v;
	return true;
}

static enum iotype parse_iotype(const char *s, size_t len, const char **why)
{
	static const struct { const char *word; enum iotype io; } types[] = {
		{ "mmio", IO_MEM }, { "mmio16", IO_MEM16 }, { "mmio32", IO_MEM32 },
		{ "mmio32native", IO_MEM32 },
	};

	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (len == strlen(types[i].word) && !memcmp(s, types[i].word, len))
			return types[i].io;
	if (len == 2 && !memcmp(s, "io", 2))
		*why = "io (port I/O) has no meaning on Arm: give the UART's MMIO address";
	else if (len == 8 && !memcmp(s, "mmio32be", 8))
		*why = "mmio32be (big-endian registers) has no driver here";
	else
		*why = "not an address or an iotype (mmio, mmio16, mmio32, mmio32native)";
	return IO_REFUSED;
}

void earlycon_parse(const char *value, size_t len, struct earlycon_request *out)
{
	const char *end, *name, *f;
	size_t name_len, flen;
	enum iotype io = IO_DEFAULT;
	const char *why = NULL;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (!value) {
		out->form = EARLYCON_FROM_DT;
		return;
	}
	copy(out->value, sizeof(out->value), value, len);
	end = value + len;
	name_len = field(&value, end, &name);
	copy(out->name, sizeof(out->name), name, name_len);
	if (name_len == 3 && !memcmp(name, "smh", 3) && value == end) {
		out->form = EARLYCON_SEMIHOSTING;
		return;
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (name_len == strlen(names[i].name) && !memcmp(name, names[i].name, name_len))
			break;
	if (i == sizeof(names) / sizeof(names[0])) {
		refuse(out, name_len ? "no such earlycon name here (uart8250, uart, ns16550, "
		       "ns16550a, pl011, qdf2400_e44, cdns, bcm2835aux, meson, ec_imx6q, ec_imx21, "
		       "lpuart32, ar3700_uart, scif, qcom_geni, msm_serial_dm, omap8250, smh)"
		       : "no name before the first comma");
		return;
	}
	flen = field(&value, end, &f);
	if (!flen) {
		refuse(out, "no address: earlycon=<name>,<address> (the stdout-path's console: "
		       "the bare word earlycon)");
		return;
	}
	if (!starts(f, flen, "0") && !(f[0] >= '1' && f[0] <= '9')) {
		io = parse_iotype(f, flen, &why);
		if (io == IO_REFUSED) {
			refuse(out, why);
			return;
		}
		flen = field(&value, end, &f);
	}
	if (!parse_address(f, flen, &out->phys_base)) {
		refuse(out, "the address is not a number (0x... or decimal)");
		return;
	}
	copy(out->options, sizeof(out->options), value, (size_t)(end - value));
	out->kind = uart_kind_of(names[i].compatible, &out->layout);
	out->layout.from_dt = false;
	if (out->kind == MACHINE_CONSOLE_NS16550) {
		/* Linux's 8250: the iotype sets stride and width; bytes by default. */
		out->layout.reg_shift = io == IO_MEM32 ? 2 : io == IO_MEM16 ? 1 : 0;
		out->layout.io_width = io == IO_MEM32 ? 4 : io == IO_MEM16 ? 2 : 1;
	} else if (io == IO_MEM16) {
		refuse(out, "mmio16 is for the 8250 family only");
		return;
	}
	out->form = EARLYCON_UART;
}
