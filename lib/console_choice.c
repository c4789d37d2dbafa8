/*
 * console_choice.c - earlycon= over the DT's or ACPI's console (see
 * console_choice.h).
 */
#include <string.h>
#include "bootargs.h"
#include "console_choice.h"
#include "dt_addr.h"

/* Bounded copy, terminated. */
static void copy(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* A node of the DTB whose first reg entry (through its buses' ranges)
 * holds pa: its path in buf; false if none. Only for an earlycon address:
 * one look over the index, once a boot. */
static bool device_at(const struct machine *m, uint64_t pa, char *buf, size_t len)
{
	for (unsigned i = 0; i < m->tree.n_nodes; i++) {
		struct machine_problem pb = { 0 };
		uint64_t base, size;

		if (!dt_node_prop(&m->tree, (int)i, "reg").val ||
		    dt_translate_reg(&m->tree, (int)i, &base, &size, &pb) != MACHINE_OK)
			continue;
		if (pa >= base && pa - base < size) {
			dt_get_path(&m->tree, (int)i, buf, len);
			return true;
		}
	}
	return false;
}

/* The console earlycon names, over whatever the DT or ACPI chose. */
static void take(struct machine_console *con, const struct console_earlycon *e)
{
	*con = (struct machine_console){
		.kind = e->req.kind, .rule = MACHINE_RULE_EARLYCON, .compatible = e->req.name,
		.available = true, .translated = true, .phys_base = e->req.phys_base,
		.size = 0x1000, .reg_shift = e->req.layout.reg_shift,
		.io_width = e->req.layout.io_width,
		.options = e->req.options[0] ? e->req.options : NULL,
	};
	copy(con->path, sizeof(con->path), e->detail);
}

void console_apply_earlycon(struct machine *m, const char *cmdline, console_ram_fn in_ram,
			    void *arg, struct console_earlycon *out)
{
	const char *value, *ram;
	size_t len;
	bool has_value;

	memset(out, 0, sizeof(*out));
	out->asked = bootargs_find(cmdline, "earlycon", &value, &len, &has_value, &out->later);
	if (!out->asked)
		return;
	earlycon_parse(has_value ? value : NULL, len, &out->req);
	out->over = m->console.rule;
	switch (out->req.form) {
	case EARLYCON_REFUSED:
		out->ignored = out->req.refused;
		return;
	case EARLYCON_NONE:
	case EARLYCON_FROM_DT:
		return;                  /* the DT's or ACPI's console, as Linux */
	case EARLYCON_SEMIHOSTING:
		m->console = (struct machine_console){ .rule = MACHINE_RULE_EARLYCON,
						       .compatible = "smh" };
		return;
	case EARLYCON_UART:
		break;
	}
	ram = in_ram ? in_ram(out->req.phys_base, arg) : NULL;
	if (ram) {
		copy(out->detail, sizeof(out->detail), ram);
		out->ignored = "its address lies in RAM: not a UART's registers";
		return;
	}
	if (m->fdt && !device_at(m, out->req.phys_base, out->detail, sizeof(out->detail))) {
		out->ignored = "no device of the DTB has registers there";
		return;
	}
	take(&m->console, out);
}

enum console_verdict console_verdict(const struct machine_console *c, console_ram_fn in_ram,
				     void *arg, const char **ram)
{
	*ram = NULL;
	if (c->kind == MACHINE_CONSOLE_NONE || c->problem.err != MACHINE_OK)
		return CONSOLE_NONE;
	if (!uart_kind_supported(c->kind) || !c->available)
		return CONSOLE_UNUSABLE;
	*ram = in_ram ? in_ram(c->phys_base, arg) : NULL;
	return *ram ? CONSOLE_IN_RAM : CONSOLE_DRIVEN;
}
