/*
 * paste.c - the bracketed paste under way (struct paste): its text,
 * grown by doubling up to PASTE_MAX, and how much of the end marker the
 * last keys matched. A partial match that breaks off was text after all
 * and joins the paste. What the paste is for (the pen, a prompt, nothing
 * in a question) is input.c's to decide.
 */
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "paste.h"
#include "screen.h"
#include "utf8.h"

#define ESC 27

/* Append bytes to the paste (past PASTE_MAX it only notes that). */
static void
paste_add(struct paste *p, const char *bytes, size_t n)
{
	size_t cap;
	char *t;

	if (p->over)
		return;
	if (p->len + n > PASTE_MAX) {
		p->over = true;
		return;
	}
	if (p->len + n > p->cap) {
		cap = p->cap ? p->cap : 4096;
		while (cap < p->len + n)
			cap *= 2;
		t = realloc(p->text, cap);
		if (t == NULL) {
			p->over = true;
			return;
		}
		p->text = t;
		p->cap = cap;
	}
	memcpy(p->text + p->len, bytes, n);
	p->len += n;
}

void
paste_free(struct paste *p)
{
	free(p->text);
	p->text = NULL;
	p->len = p->cap = 0;
	p->over = false;
	p->match = 0;
	p->on = false;
}

void
paste_start(struct paste *p, uint64_t now)
{
	paste_free(p);
	p->on = true;
	p->at = now;
}

bool
paste_idle(const struct paste *p, uint64_t now)
{
	return p->on && now >= p->at + PASTE_IDLE_MS;
}

void
paste_line(const struct paste *p, char *line, size_t *len, size_t size)
{
	size_t i = 0;
	uint32_t cp;
	int n;

	while (i < p->len && p->text[i] != '\n' && p->text[i] != '\r') {
		n = utf8_decode(p->text + i, p->len - i, &cp);
		if (n < 0)
			break;
		if (cell_drawable(cp) && *len + (size_t)n < size) {
			memcpy(line + *len, p->text + i, (size_t)n);
			*len += (size_t)n;
			line[*len] = '\0';
		}
		i += (size_t)n;
	}
}

bool
paste_key(struct paste *p, int ret, wint_t ch, uint64_t now)
{
	static const char end[] = "\033[201~";
	char utf[4];
	int n;

	p->at = now;
	if (ret == OK && (unsigned)ch == (unsigned char)end[p->match])
		return ++p->match == sizeof end - 1;
	/* what looked like the end marker was text after all */
	if (p->match > 0) {
		paste_add(p, end, p->match);
		p->match = 0;
		if (ret == OK && ch == ESC) {
			p->match = 1;
			return false;
		}
	}
	if (ret != OK) {
		/* a key the terminal description decoded (an escape sequence in the text) */
		paste_add(p, "\033", 1);
		return false;
	}
	n = utf8_encode((uint32_t)ch, utf);
	/* what is no character at all is kept as an invalid byte: the paste is refused */
	paste_add(p, n > 0 ? utf : "\xff", n > 0 ? (size_t)n : 1);
	return false;
}
