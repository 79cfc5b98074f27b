/*
 * picker.h - the glyph picker (Ctrl-O): a box over the canvas with a grid
 * of box-drawing pieces, blocks and shades, arrows and common symbols (an
 * ASCII set without UTF-8), and the glyphs chosen lately first. Arrows
 * (and Home, End) move the choice, Enter or a click on a glyph sets the
 * brush (stroke_pick: the tool becomes the brush, but for the fill), Esc,
 * Ctrl-O again or a click outside the box closes it. It fits an 80x24
 * terminal whole; on a smaller one the rows scroll to keep the choice in
 * sight. Only picker.c writes a struct picker (a member of input's
 * struct input, as the help's scroll is).
 */
#ifndef PIZARRA_PICKER_H
#define PIZARRA_PICKER_H

#include <stdbool.h>
#include <stdint.h>
#include <wchar.h>

#include "action.h"

#define PICKER_RECENT 16           /* glyphs remembered as chosen lately */

struct picker {
	int sel;                         /* the entry chosen, in the grid's order */
	uint32_t recent[PICKER_RECENT];  /* most recent first */
	int nrecent;
};

/* The picker opens: the choice is on the brush's glyph when the grid has it. */
void picker_open(struct picker *pk, uint32_t brush);

/* One key or mouse event; *done when the picker closes (the brush set or not). ACT_* bits. */
unsigned picker_key(struct picker *pk, struct desk *d, int ret, wint_t ch, bool *done);

/* The box over the screen. */
void picker_draw(const struct picker *pk);

#endif
