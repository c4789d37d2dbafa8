/*
 * bootargs.c - the stub's "stub.*" words of a command line, parsed against
 * declared option tables (see bootargs.h). No library calls: words are
 * (pointer, length) pairs into the command line, the messages are built in
 * a buffer on the stack.
 */
#include <stdbool.h>
#include <stddef.h>
#include "bootargs.h"

#define STUB_PREFIX "stub."
#define STUB_PREFIX_LEN 5
/* A word longer than this is cut (with "...") in a message. */
#define MAX_WORD_SHOWN 64

struct word {
	const char *s;
	size_t len;
	bool unbalanced;         /* a quote opened in it is never closed */
};

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* The next word at or after *p, and *p moved past it; false at the end.
 * A double quote opens or closes a part in which blanks do not split. */
static bool next_word(const char **p, struct word *w)
{
	const char *s = *p;
	bool quoted = false;

	if (!s)
		return false;
	while (is_space(*s))
		s++;
	if (!*s)
		return false;
	w->s = s;
	for (; *s && (quoted || !is_space(*s)); s++)
		if (*s == '"')
			quoted = !quoted;
	w->len = (size_t)(s - w->s);
	w->unbalanced = quoted;
	*p = s;
	return true;
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Meant for the stub but not in its syntax: "stub." in another case, or
 * quoted ("stub.faults"). Such a word is named, never obeyed. */
static bool looks_like_stub_word(const struct word *w)
{
	size_t skip = w->len && w->s[0] == '"' ? 1 : 0;

	for (size_t i = 0; i < STUB_PREFIX_LEN; i++)
		if (skip + i >= w->len || lower(w->s[skip + i]) != STUB_PREFIX[i])
			return false;
	return true;
}

static bool is_stub_word(const struct word *w)
{
	for (size_t i = 0; i < STUB_PREFIX_LEN; i++)
		if (i >= w->len || w->s[i] != STUB_PREFIX[i])
			return false;
	return true;
}

/* The key's length: up to the first '=', or the whole word (a flag). */
static size_t key_len(const struct word *w)
{
	size_t n = 0;

	while (n < w->len && w->s[n] != '=')
		n++;
	return n;
}

/* s[0..len) is the NUL-terminated text, exactly or but for case. */
static bool same_as(const char *s, size_t len, const char *text, bool any_case)
{
	size_t i = 0;

	for (; i < len; i++)
		if (text[i] != (any_case ? lower(s[i]) : s[i]))   /* stops at text's NUL */
			return false;
	return text[i] == '\0';
}

static bool same(const char *s, size_t len, const char *text)
{
	return same_as(s, len, text, false);
}

static const struct bootarg_option *find_option(const struct bootarg_option *const *tables,
						unsigned ntables, const char *key, size_t klen,
						bool any_case)
{
	for (unsigned t = 0; t < ntables; t++)
		for (const struct bootarg_option *o = tables[t]; o && o->key; o++)
			if (same_as(key, klen, o->key, any_case))
				return o;
	return NULL;
}

/* A later word of the command line (from rest on) names the same key. */
static bool given_again(const char *rest, const char *key)
{
	struct word w;

	while (next_word(&rest, &w))
		if (same(w.s, key_len(&w), key))
			return true;
	return false;
}

/* A value of a BOOTARG_FLAG_BOOL option: *v = 0 or 1; false if malformed.
 * has_value false: the key alone, which sets the flag. */
static bool parse_bool(bool has_value, const char *s, size_t len, int *v)
{
	static const char *const on[] = { "1", "yes", "on", "true" };
	static const char *const off[] = { "0", "no", "off", "false" };

	if (!has_value) {
		*v = 1;
		return true;
	}
	for (unsigned i = 0; i < sizeof(on) / sizeof(on[0]); i++) {
		if (same(s, len, on[i])) {
			*v = 1;
			return true;
		}
		if (same(s, len, off[i])) {
			*v = 0;
			return true;
		}
	}
	return false;
}

static bool parse_choice(bool has_value, const char *s, size_t len,
			 const char *const *choices, int *v)
{
	if (!has_value || !choices)
		return false;
	for (int i = 0; choices[i]; i++)
		if (same(s, len, choices[i])) {
			*v = i;
			return true;
		}
	return false;
}

/* One message line, cut at the buffer's end (always terminated). */
struct line {
	char buf[256];
	size_t n;
};

static void add_n(struct line *l, const char *s, size_t len)
{
	for (size_t i = 0; i < len && s[i] && l->n + 1 < sizeof(l->buf); i++)
		l->buf[l->n++] = s[i];
	l->buf[l->n] = '\0';
}

static void add(struct line *l, const char *s)
{
	add_n(l, s, (size_t)-1);
}

static void add_word(struct line *l, const char *s, size_t len)
{
	if (len <= MAX_WORD_SHOWN) {
		add_n(l, s, len);
		return;
	}
	add_n(l, s, MAX_WORD_SHOWN);
	add(l, "...");
}

/* What an option accepts, as the malformed-value message lists it. */
static void add_allowed(struct line *l, const struct bootarg_option *o)
{
	if (o->type == BOOTARG_FLAG_BOOL) {
		add(l, o->key);
		add(l, ", ");
		add(l, o->key);
		add(l, "=1|0|yes|no|on|off|true|false");
		return;
	}
	add(l, o->key);
	add(l, "=");
	for (int i = 0; o->choices && o->choices[i]; i++) {
		if (i)
			add(l, "|");
		add(l, o->choices[i]);
	}
}

int bootargs_parse(const char *cmdline, const struct bootarg_option *const *tables,
		   unsigned ntables, void (*say)(const char *msg_line, void *cookie), void *cookie)
{
	const char *p = cmdline;
	struct word w;
	int said = 0;

	while (next_word(&p, &w)) {
		size_t klen = key_len(&w);
		bool has_value = klen < w.len;
		const char *value = has_value ? w.s + klen + 1 : w.s + klen;
		size_t vlen = has_value ? w.len - klen - 1 : 0;
		const struct bootarg_option *o;
		struct line l = { .n = 0 };
		bool good;
		int v = 0;

		add(&l, "stub: ");
		if (w.unbalanced) {
			add(&l, "unbalanced quote: ");
			add_word(&l, w.s, w.len);
			add(&l, " runs to the end of the command line, one word (as Linux reads it)");
			if (say)
				say(l.buf, cookie);
			said++;
			l.n = 0;
			add(&l, "stub: ");
		}
		if (!is_stub_word(&w) && !looks_like_stub_word(&w))
			continue;                    /* Linux's */
		o = find_option(tables, ntables, w.s, klen, false);
		if (!o && is_stub_word(&w) && find_option(tables, ntables, w.s, klen, true)) {
			add(&l, "ignoring ");
			add_word(&l, w.s, w.len);
			add(&l, ": the stub's options are lower case (");
			add(&l, find_option(tables, ntables, w.s, klen, true)->key);
			add(&l, ")");
		} else if (!is_stub_word(&w)) {
			add(&l, "ignoring ");
			add_word(&l, w.s, w.len);
			add(&l, ": the stub's options are lower case and unquoted (stub.KEY[=VALUE])");
		} else if (!o) {
			add(&l, "ignoring unknown option ");
			add_word(&l, w.s, klen);
		} else if (given_again(p, o->key)) {
			add_word(&l, w.s, w.len);
			add(&l, " is overridden by a later ");
			add(&l, o->key);
		} else {
			good = o->type == BOOTARG_FLAG_BOOL ? parse_bool(has_value, value, vlen, &v)
				: parse_choice(has_value, value, vlen, o->choices, &v);
			if (good) {
				if (o->out)
					*o->out = v;
				continue;
			}
			add_word(&l, w.s, w.len);
			add(&l, " is malformed (allowed: ");
			add_allowed(&l, o);
			add(&l, "): ignored");
		}
		if (say)
			say(l.buf, cookie);
		said++;
	}
	return said;
}

bool bootargs_find(const char *cmdline, const char *key, const char **value, size_t *len,
		   bool *has_value, unsigned *later)
{
	const char *p = cmdline;
	struct word w;
	bool found = false;

	*later = 0;
	while (next_word(&p, &w)) {
		size_t k = key_len(&w);

		if (!same(w.s, k, key))
			continue;
		if (found) {
			(*later)++;
			continue;
		}
		found = true;
		*has_value = k < w.len;
		*value = *has_value ? w.s + k + 1 : NULL;
		*len = *has_value ? w.len - k - 1 : 0;
	}
	return found;
}
