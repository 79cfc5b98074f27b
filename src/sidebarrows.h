/*
 * sidebarrows.h - the sidebar's rows as drawn: while a frame is laid out,
 * its pieces of text are kept, not drawn; at the end only the rows whose
 * pieces (place, attributes, text) hash differently from the last frame's
 * are cleared and drawn, so a tick that changes one number writes one row
 * (no werase of the whole panel). Only sidebarrows.c writes a struct
 * sidebarrows.
 */
#ifndef PIZARRA_SIDEBARROWS_H
#define PIZARRA_SIDEBARROWS_H

#include <stdbool.h>
#include <stdint.h>

#include "screen.h"

#define SIDEBARROWS_MAX  256     /* rows whose drawn text is remembered */

struct sidebarrows {
	uint64_t hash[SIDEBARROWS_MAX];   /* each row's pieces as last drawn */
	bool ok;                       /* hash says what the window shows */
	WINDOW *win;                   /* the window and size they were drawn in */
	int w, h;
};

/* Start laying a frame of win out: sidebarrows_text keeps pieces from now on. */
void sidebarrows_begin(struct sidebarrows *r, WINDOW *win);

/*
 * Text at (y, x) in the sidebar window with attributes a, clipped to its
 * width: kept between begin and end, drawn at once otherwise.
 */
void sidebarrows_text(int y, int x, attr_t a, const char *text);

/*
 * Draw the rows that changed (every row after sidebarrows_invalidate or a
 * new window or size). True when the frame had too much to keep: the
 * window was erased and the caller lays the frame out again, drawn as it
 * goes.
 */
bool sidebarrows_end(struct sidebarrows *r, WINDOW *win);

/* Something else drew over the window: the next frame draws every row. */
void sidebarrows_invalidate(struct sidebarrows *r);

#endif
