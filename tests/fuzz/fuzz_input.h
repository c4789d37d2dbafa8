/*
 * fuzz_input.h - reading a libFuzzer input as a stream of small numbers.
 *
 * Owns: struct input and get8/get16/more, shared by the harnesses whose
 * inputs are byte streams (fuzz_pgalloc.c, fuzz_ram_plan.c). Past the
 * end every read gives 0, so any input is a complete program.
 */
#ifndef FUZZ_INPUT_H
#define FUZZ_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct input {
	const uint8_t *d;
	size_t n, i;
};

static inline unsigned get8(struct input *in)
{
	return in->i < in->n ? in->d[in->i++] : 0;
}

static inline unsigned get16(struct input *in)
{
	unsigned lo = get8(in);

	return lo | get8(in) << 8;
}

static inline bool more(const struct input *in)
{
	return in->i < in->n;
}

#endif /* FUZZ_INPUT_H */
