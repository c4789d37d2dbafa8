/*
 * dtb.c - read RAM and PSCI facts from the device tree (see dtb.h).
 */
#include <libfdt.h>
#include <string.h>
#include "dtb.h"

bool dtb_valid(const void *fdt)
{
	if (!fdt || ((uintptr_t)fdt & 7))
		return false;
	if (fdt_magic(fdt) != FDT_MAGIC)
		return false;
	return fdt_check_header(fdt) == 0;
}

/* Reads ncells (1 or 2) big-endian cells; cells are 4-byte aligned. */
static uint64_t read_cells(const fdt32_t *cell, int ncells)
{
	uint64_t v = 0;

	for (int i = 0; i < ncells; i++)
		v = (v << 32) | fdt32_to_cpu(cell[i]);
	return v;
}

enum dtb_ram_status dtb_find_ram(const void *fdt, uint64_t containing_pa,
				 uint64_t *phys_base, uint64_t *size)
{
	int ac = fdt_address_cells(fdt, 0), sc = fdt_size_cells(fdt, 0);
	bool any = false;
	int node;

	if (ac < 1 || ac > 2 || sc < 1 || sc > 2)
		return DTB_RAM_BAD_CELLS;
	for (node = fdt_node_offset_by_prop_value(fdt, -1, "device_type", "memory", 7);
	     node >= 0;
	     node = fdt_node_offset_by_prop_value(fdt, node, "device_type", "memory", 7)) {
		int len, stride = 4 * (ac + sc);
		const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);

		any = true;
		if (!reg)
			continue;
		for (int off = 0; off + stride <= len; off += stride) {
			const fdt32_t *bank = reg + off / 4;
			uint64_t base = read_cells(bank, ac), sz = read_cells(bank + ac, sc);

			if (containing_pa - base < sz) {
				*phys_base = base;
				*size = sz;
				return DTB_RAM_OK;
			}
		}
	}
	return any ? DTB_RAM_NOT_FOUND : DTB_RAM_NO_MEMORY_NODE;
}

enum psci_conduit dtb_psci_conduit(const void *fdt)
{
	int node = fdt_path_offset(fdt, "/psci");
	const char *method;
	int len;

	if (node < 0)
		return PSCI_CONDUIT_NONE;
	method = fdt_getprop(fdt, node, "method", &len);
	if (!method || len < 4)
		return PSCI_CONDUIT_NONE;
	if (!strncmp(method, "hvc", 4))
		return PSCI_CONDUIT_HVC;
	if (!strncmp(method, "smc", 4))
		return PSCI_CONDUIT_SMC;
	return PSCI_CONDUIT_NONE;
}

const char *dtb_bootargs(const void *fdt)
{
	int node = fdt_path_offset(fdt, "/chosen");
	const char *args;
	int len;

	if (node < 0)
		return NULL;
	args = fdt_getprop(fdt, node, "bootargs", &len);
	if (!args || len < 1 || args[len - 1] != '\0')
		return NULL;
	return args;
}

int dtb_cpus(const void *fdt, uint64_t *mpidr, int max)
{
	int cpus = fdt_path_offset(fdt, "/cpus"), n = 0, node;
	int ac;

	if (cpus < 0)
		return -1;
	ac = fdt_address_cells(fdt, cpus);
	if (ac < 1 || ac > 2)
		return -1;
	fdt_for_each_subnode(node, fdt, cpus) {
		int len;
		const char *type = fdt_getprop(fdt, node, "device_type", &len);
		const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);

		if (!type || strcmp(type, "cpu") || !reg || len < 4 * ac)
			continue;
		if (n < max)
			mpidr[n] = read_cells(reg, ac);
		n++;
	}
	return n < max ? n : max;
}
