/*
 * linear_fake.h - linear ranges a test may change: a buffer of its own
 * behind a boot_layout's view (the RAM plan owns them in the product).
 *
 * Owns: set_linear(l, i, pa, size), which points l->linear at the buffer
 * (copying what l had there first) and sets range i, growing nr_linear to
 * cover it. One buffer: one layout at a time uses it.
 */
#ifndef LINEAR_FAKE_H
#define LINEAR_FAKE_H

#include <string.h>
#include "maps.h"

static struct phys_range linear_fake_buf[MAX_LINEAR_RANGES];

static inline void set_linear(struct boot_layout *l, unsigned i, uint64_t pa, uint64_t size)
{
	if (l->linear != linear_fake_buf) {
		if (l->nr_linear)
			memmove(linear_fake_buf, l->linear, l->nr_linear * sizeof(linear_fake_buf[0]));
		l->linear = linear_fake_buf;
	}
	linear_fake_buf[i] = (struct phys_range){ pa, pa + size, NULL };
	if (i >= l->nr_linear)
		l->nr_linear = i + 1;
}

#endif /* LINEAR_FAKE_H */
