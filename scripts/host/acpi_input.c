/*
 * acpi_input.c - ACPI tables from a folder or an acpidump log (see
 * acpi_input.h).
 */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "acpi_input.h"

static struct acpi_input_table *add(struct acpi_input *in, const char *source)
{
	struct acpi_input_table *t;

	if (in->n >= ACPI_INPUT_MAX)
		return NULL;
	t = &in->table[in->n++];
	memset(t, 0, sizeof(*t));
	snprintf(t->source, sizeof(t->source), "%s", source);
	return t;
}

/* The signature from the bytes themselves: "RSD PTR " or the first 4. */
static void name_by_content(struct acpi_input_table *t)
{
	if (t->size >= 8 && !memcmp(t->bytes, "RSD PTR ", 8))
		memcpy(t->sig, "RSD PTR ", 8);
	else if (t->size >= 4)
		memcpy(t->sig, t->bytes, 4);
}

static int load_folder(struct acpi_input *in, const char *dir, const char **why)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d) {
		*why = "cannot open the folder";
		return -1;
	}
	while ((e = readdir(d))) {
		char path[512];
		struct stat st;
		struct acpi_input_table *t;
		FILE *f;

		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (stat(path, &st) || !S_ISREG(st.st_mode) || st.st_size < 4)
			continue;
		t = add(in, path);
		if (!t)
			break;
		t->bytes = malloc((size_t)st.st_size);
		f = fopen(path, "rb");
		if (!t->bytes || !f || fread(t->bytes, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
			if (f)
				fclose(f);
			*why = "cannot read a file of the folder";
			closedir(d);
			return -1;
		}
		fclose(f);
		t->size = (size_t)st.st_size;
		name_by_content(t);
	}
	closedir(d);
	return 0;
}

/* "    0010: 42 58 50 43 ..." : the bytes appended to t. */
static void hex_line(struct acpi_input_table *t, const char *line)
{
	const char *p = strchr(line, ':') + 1;

	for (int i = 0; i < 16; i++) {
		unsigned v;
		int n;

		if (sscanf(p, " %2x%n", &v, &n) != 1 || !isxdigit((unsigned char)p[n - 1]) ||
		    (p[n] && !isspace((unsigned char)p[n])))
			break;
		t->bytes = realloc(t->bytes, t->size + 1);
		t->bytes[t->size++] = (uint8_t)v;
		p += n;
	}
}

static bool is_hex_line(const char *line)
{
	unsigned off;
	int n = 0;

	return sscanf(line, " %4x:%n", &off, &n) == 1 && n > 0 && isspace((unsigned char)line[0]);
}

static int load_log(struct acpi_input *in, const char *path, const char **why)
{
	FILE *f = fopen(path, "r");
	struct acpi_input_table *t = NULL;
	char line[512];

	if (!f) {
		*why = "cannot open the file";
		return -1;
	}
	in->from_log = true;
	while (fgets(line, sizeof(line), f)) {
		char sig[5];
		unsigned long long pa;

		line[strcspn(line, "\r\n")] = '\0';
		if (strlen(line) > 7 && sscanf(line, "%4c @ 0x%llx", sig, &pa) == 2 &&
		    line[4] == ' ' && line[5] == '@') {
			t = add(in, path);
			if (t)
				t->pa = pa;
			continue;
		}
		if (t && is_hex_line(line))
			hex_line(t, line);
		else if (!line[0] || !isspace((unsigned char)line[0]))
			t = NULL;
	}
	fclose(f);
	for (unsigned i = 0; i < in->n; i++) {
		name_by_content(&in->table[i]);
		if (!strcmp(in->table[i].sig, "RSD PTR "))
			in->rsdp_pa = in->table[i].pa;
	}
	if (!in->n)
		*why = "no acpidump block (\"SIG @ 0xADDR\" and hex lines) in the file";
	return in->n ? 0 : -1;
}

int acpi_input_load(struct acpi_input *in, const char *path, const char **why)
{
	struct stat st;

	memset(in, 0, sizeof(*in));
	if (stat(path, &st)) {
		*why = "no such file or folder";
		return -1;
	}
	return S_ISDIR(st.st_mode) ? load_folder(in, path, why) : load_log(in, path, why);
}

void acpi_input_free(struct acpi_input *in)
{
	for (unsigned i = 0; i < in->n; i++)
		free(in->table[i].bytes);
	in->n = 0;
}

const void *acpi_input_map(void *ctx, uint64_t pa, uint64_t len)
{
	const struct acpi_input *in = ctx;

	for (unsigned i = 0; i < in->n; i++) {
		const struct acpi_input_table *t = &in->table[i];

		if (pa >= t->pa && pa - t->pa < t->size && len <= t->size - (pa - t->pa))
			return t->bytes + (pa - t->pa);
	}
	return NULL;
}

const void *acpi_input_find(void *ctx, const char *sig, uint64_t *pa, uint64_t *len)
{
	const struct acpi_input *in = ctx;

	for (unsigned i = 0; i < in->n; i++)
		if (!memcmp(in->table[i].sig, sig, 4)) {
			*pa = in->table[i].pa;
			*len = in->table[i].size;
			return in->table[i].bytes;
		}
	return NULL;
}
