/*
 * ram_input.c - the RAM plan's input from the DTB (see ram_input.h).
 */
#include "exit.h"
#include "ram_input.h"

void ram_input_from_machine(const struct machine *m, struct phys_range *banks,
			    struct ram_reservation *rsv, struct ram_plan_input *in,
			    unsigned *nr_dynamic)
{
	const struct machine_reserved *mr = &m->reserved;

	in->bank = banks;
	in->nr_banks = 0;
	for (int i = 0; i < m->memory.n_banks; i++)
		banks[in->nr_banks++] = (struct phys_range){ m->memory.bank[i].phys_base,
			m->memory.bank[i].phys_base + m->memory.bank[i].size, m->memory.bank[i].node };
	in->rsv = rsv;
	in->nr_rsv = 0;
	*nr_dynamic = 0;
	for (int i = 0; i < mr->n_rsv; i++) {
		const struct machine_reservation *r = &mr->rsv[i];

		if (r->dynamic) {
			(*nr_dynamic)++;
			continue;
		}
		rsv[in->nr_rsv++] = (struct ram_reservation){
			{ r->phys_base, r->phys_base + r->size, r->name }, r->no_map };
	}
	if (m->chosen.has_initrd) {
		in->phys_initrd_start = m->chosen.phys_initrd_start;
		in->phys_initrd_end = m->chosen.phys_initrd_end;
	}
}

int ram_plan_refusal_status(int rc)
{
	return rc == RAM_EIMAGE_RESERVED || rc == RAM_EIMAGE_NOT_LINEAR || rc == RAM_EINITRD_IMAGE
	       ? EXIT_BAD_LOAD : EXIT_BAD_DTB;
}
