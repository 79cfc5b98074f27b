/*
 * tracewrap.h - the system-call log (trace.h) broken into lines for a
 * column of a given width, no curses: a long call breaks between tokens
 * (after a space, a comma, a '|' or a '('), so "IPC_CREAT|IPC_EXCL" breaks
 * at the '|', never inside a name; a token longer than the width is cut
 * where it must be; continuation lines are indented by 2. The sidebar
 * draws the pieces.
 */
#ifndef PIZARRA_TRACEWRAP_H
#define PIZARRA_TRACEWRAP_H

#include "trace.h"

/*
 * The first piece of p for a line of width columns (width - 2 for a
 * continuation): *n gets its length; returns where the next piece starts
 * (the spaces after this one skipped). A width of 3 or less never breaks.
 */
const char *tracewrap_next(const char *p, int width, int *n);

/* Rows the whole log takes at width, continuations included. */
int tracewrap_rows(const struct trace *log, int width);

#endif
