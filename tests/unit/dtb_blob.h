/*
 * dtb_blob.h - the test device trees, loaded from files once (host tests).
 *
 * Owns: struct blob and dtb_blob_load()/dtb_blob_free(), for the
 * tests that read tests/unit/dts/<name>.dts as compiled by unit.mk into
 * UNIT_DTB_DIR (overridable by the environment variable of that name).
 * Each blob is 8-byte aligned, as booting.rst asks of a DTB. Include after
 * unit.h.
 */
#ifndef DTB_BLOB_H
#define DTB_BLOB_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef UNIT_DTB_DIR
#define UNIT_DTB_DIR "build/host-tests/dtb"
#endif

struct blob {
	const char *name;
	void *data;
	size_t size;
};

/* The blob called name in blobs[0..n), read on first use. */
static inline const void *dtb_blob_load(struct blob *blobs, size_t n, const char *name,
					size_t *size)
{
	for (size_t i = 0; i < n; i++) {
		struct blob *b = &blobs[i];
		const char *dir = getenv("UNIT_DTB_DIR");
		char path[512];
		FILE *f;
		long len;

		if (strcmp(b->name, name))
			continue;
		if (b->data)
			goto out;
		snprintf(path, sizeof(path), "%s/%s.dtb", dir ? dir : UNIT_DTB_DIR, name);
		f = fopen(path, "rb");
		if (!f)
			fail_msg("cannot open %s (built by tests/unit/unit.mk)", path);
		fseek(f, 0, SEEK_END);
		len = ftell(f);
		rewind(f);
		assert_true(len > 0);
		b->size = (size_t)len;
		b->data = aligned_alloc(8, (b->size + 7) & ~(size_t)7);
		assert_non_null(b->data);
		assert_int_equal(fread(b->data, 1, b->size, f), b->size);
		fclose(f);
out:
		if (size)
			*size = b->size;
		return b->data;
	}
	fail_msg("no blob named %s", name);
	return NULL;
}

static inline void dtb_blob_free(struct blob *blobs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(blobs[i].data);
		blobs[i].data = NULL;
	}
}

#endif /* DTB_BLOB_H */
