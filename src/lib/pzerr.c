/*
 * pzerr.c - filling the one-line error report of the core library.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "pzerr.h"

/* Record err and a formatted message in e; always returns -1. */
int
pzerr_set(struct pzerr *e, int err, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	e->err = err;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return -1;
}

/* Reset e to "no error". */
void
pzerr_clear(struct pzerr *e)
{
	if (e == NULL)
		return;
	e->err = 0;
	e->msg[0] = '\0';
}
