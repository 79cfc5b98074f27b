/*
 * tracewrap.c - the system-call log broken into lines between tokens (see
 * tracewrap.h). It owns nothing; only the sidebar calls it.
 */
#include <string.h>

#include "tracewrap.h"

/* The length of the first piece of s for width columns: all of it when it fits. */
static int
tracewrap_piece(const char *s, int width)
{
	int len = (int)strlen(s), i;

	if (len <= width)
		return len;
	for (i = width - 1; i > 0; i--)
		if (strchr(" ,|(", s[i]) != NULL)
			return i + 1;
	return width;
}

const char *
tracewrap_next(const char *p, int width, int *n)
{
	*n = width > 3 ? tracewrap_piece(p, width) : (int)strlen(p);
	p += *n;
	while (*p == ' ')
		p++;
	return p;
}

/* Rows one entry takes, wrapped to width (continuations indented by 2). */
static int
tracewrap_entry_rows(int width, const struct trace_entry *en)
{
	const char *p = en->text;
	int rows = 0, w = width, n;

	if (width <= 3)
		return 1;
	while (*p != '\0') {
		p = tracewrap_next(p, w, &n);
		rows++;
		w = width - 2;
	}
	return rows > 0 ? rows : 1;
}

int
tracewrap_rows(const struct trace *log, int width)
{
	const struct trace_entry *en;
	int rows = 0;
	unsigned i;

	for (i = 0; (en = trace_get(log, i)) != NULL; i++)
		rows += tracewrap_entry_rows(width, en);
	return rows;
}
