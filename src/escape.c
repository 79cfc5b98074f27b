/*
 * escape.c - the escape-sequence filter (struct escape): where in a
 * sequence the keys so far have left us, and a CSI sequence's parameter
 * bytes. A CSI ends at its final byte (0x40-0x7E) and an SS3 after one
 * character; an OSC string runs to BEL or ST (ESC \). A key that cannot be
 * part of the sequence ends it and is a key again.
 */
#include <string.h>

#include "escape.h"
#include "screen.h"

#define ESC 27

/* A key in a CSI sequence: a parameter byte kept, or the final byte (the sequence ends). */
static unsigned
escape_csi(struct escape *e, wint_t ch)
{
	if (ch >= 0x20 && ch <= 0x3F) {
		e->state = 2;
		if (e->csi_len + 1 < sizeof e->csi)
			e->csi[e->csi_len++] = (char)ch;
		return ESCAPE_TAKEN;
	}
	e->csi[e->csi_len] = '\0';
	if (ch == '~' && strcmp(e->csi, "200") == 0)
		return ESCAPE_TAKEN | ESCAPE_PASTE;
	return ESCAPE_TAKEN;
}

unsigned
escape_key(struct escape *e, int ret, wint_t ch)
{
	int state = e->state;
	unsigned esc = state == 1 ? ESCAPE_ESC : 0;

	e->state = 0;
	if (ret != OK)
		return esc;
	if (state == 1 && (ch == '[' || ch == 'O' || ch == ']')) {
		e->state = ch == '[' ? 2 : ch == 'O' ? 3 : 4;
		e->csi_len = 0;
		return ESCAPE_TAKEN;
	}
	if (state == 2 && ch >= 0x20 && ch <= 0x7E)
		return escape_csi(e, ch);
	if (state == 3)
		return ESCAPE_TAKEN;
	if (state == 4 || state == 5) {
		/* an OSC string (a terminal's late answer to our background query): to BEL or ST */
		if (state == 5)
			e->state = ch == '\\' ? 0 : 4;
		else
			e->state = ch == 7 ? 0 : ch == ESC ? 5 : 4;
		return ESCAPE_TAKEN;
	}
	if (ch != ESC)
		return esc;
	e->state = 1;
	return esc | ESCAPE_TAKEN;
}

bool
escape_flush(struct escape *e)
{
	bool held = e->state == 1;

	e->state = 0;
	return held;
}
