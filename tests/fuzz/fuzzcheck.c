/*
 * fuzzcheck.c - the invariants the fuzz targets check on what the core
 * library hands out (see fuzz.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "utf8.h"

/* Report a broken invariant and abort. */
void
fuzz_fail(const char *what, const char *file, int line)
{
	fprintf(stderr, "fuzz: invariant broken at %s:%d: %s\n", file, line, what);
	abort();
}

/* Length of the SGR sequence at s (ESC [ digits/semicolons m), 0 when not one. */
static size_t
fuzz_sgr_len(const char *s, size_t len)
{
	size_t i;

	if (len < 3 || s[0] != '\033' || s[1] != '[')
		return 0;
	for (i = 2; i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == ';'); i++)
		;
	return i < len && s[i] == 'm' ? i + 1 : 0;
}

/* Check a dump's bytes, lines and characters. */
void
fuzz_check_dump(const struct strbuf *dump, bool ansi, uint32_t cols, uint32_t rows)
{
	const char *s = dump->data;
	size_t i = 0, len = dump->len, k;
	uint32_t lines = 0, chars = 0, cp;
	int n;

	FUZZ_ASSERT(!dump->failed);
	FUZZ_ASSERT(len == 0 || s[len - 1] == '\n');
	while (i < len) {
		if (ansi && (k = fuzz_sgr_len(s + i, len - i)) != 0) {
			i += k;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		FUZZ_ASSERT(n > 0);
		i += (size_t)n;
		if (cp == '\n') {
			lines++;
			chars = 0;
			continue;
		}
		FUZZ_ASSERT(cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0));
		chars++;
		FUZZ_ASSERT(chars <= cols);
	}
	FUZZ_ASSERT(lines <= rows);
}

/* Compare an ansi dump stripped of SGR with the plain one. */
bool
fuzz_ansi_is_plain(const struct strbuf *ansi, const struct strbuf *plain)
{
	size_t i = 0, j = 0, k;

	while (i < ansi->len) {
		if ((k = fuzz_sgr_len(ansi->data + i, ansi->len - i)) != 0) {
			i += k;
			continue;
		}
		if (j >= plain->len || ansi->data[i] != plain->data[j])
			return false;
		i++;
		j++;
	}
	return j == plain->len;
}
