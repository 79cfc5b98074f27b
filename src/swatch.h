/*
 * swatch.h - the colour picker (Ctrl-N): a box over the canvas that sets
 * what the brush paints (paint.h): the foreground and the background (of
 * the 256 xterm colours where the terminal has 256, else of the 16 every
 * colour terminal has, shown as the nearest it has; 0 is the terminal's
 * own colour) and the attributes bold, underline, reverse and italic,
 * with a sample drawn in the style chosen (on a terminal without colours
 * a background shows as reverse, and the attributes stand in).
 *
 * Up and Down (and Tab) go from row to row; on a colour row Left and
 * Right step the colour (round), PgUp and PgDn by 16, Home back to 0, and
 * digits type its number; on an attribute row Left, Right or Space switch
 * it; b, u, r and i switch the attributes from any row. Enter sets the
 * brush and closes, Esc or Ctrl-N again closes leaving it as it was, and
 * so does a click outside the box. Only swatch.c writes a struct swatch
 * (a member of input's struct input, as the glyph picker's is).
 */
#ifndef PIZARRA_SWATCH_H
#define PIZARRA_SWATCH_H

#include <stdbool.h>
#include <wchar.h>

#include "action.h"

struct swatch {
	int row;                   /* the row chosen: foreground, background, an attribute */
	unsigned fg, bg, attrs;    /* the style being chosen */
	unsigned typed;            /* the number typed so far on a colour row; 0: none */
	int ndigits;
};

/* The picker opens on the brush's style now (cell_style). */
void swatch_open(struct swatch *sw, unsigned style);

/* How many colours the picker offers here: 256 or 16. */
unsigned swatch_colours(void);

/* One key or mouse event; *done when the picker closes (the brush set or not). ACT_* bits. */
unsigned swatch_key(struct swatch *sw, struct desk *d, int ret, wint_t ch, bool *done);

/* The box over the screen. */
void swatch_draw(const struct swatch *sw);

#endif
