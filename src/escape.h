/*
 * escape.h - escape sequences the terminal description does not know. With
 * a wrong TERM they arrive as ESC and plain characters, and a terminal
 * answering our background query late sends an OSC string: this filter
 * swallows them instead of letting them be drawn on the board. A lone ESC
 * is held until the next key or the end of the batch of input, which is
 * how the Esc key itself is told apart. One sequence is recognised: ESC [
 * 2 0 0 ~, the start of a bracketed paste. Only escape.c writes a struct
 * escape.
 */
#ifndef PIZARRA_ESCAPE_H
#define PIZARRA_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

struct escape {
	int state;           /* 1 after ESC, 2 in a CSI, 3 in an SS3, 4 in an OSC, 5 at its ESC */
	char csi[16];        /* the parameter bytes of the CSI sequence so far */
	size_t csi_len;
};

/* What escape_key found (bits). */
#define ESCAPE_ESC    1u   /* the ESC held before the key was the Esc key: hand it on first */
#define ESCAPE_TAKEN  2u   /* the key is part of a sequence: swallowed */
#define ESCAPE_PASTE  4u   /* and it ended ESC [ 2 0 0 ~: a bracketed paste starts */

/* One key (wget_wch's return and character) through the filter: ESCAPE_* bits. */
unsigned escape_key(struct escape *e, int ret, wint_t ch);

/* The batch of input ended: true when an ESC was held (it was the Esc key). */
bool escape_flush(struct escape *e);

#endif
