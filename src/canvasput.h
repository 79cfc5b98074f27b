/*
 * canvasput.h - writing cells into the canvas window: one character with
 * its attributes (an ASCII stand-in or a placeholder where the terminal
 * cannot show it), and the overlay cells drawn over the board (the box
 * tool's outline, the paste or move preview), each kept in the canvas's
 * shadow under its own key so an unchanged one is not written again. The
 * shadow keys' flags are here, shared with canvas.c.
 */
#ifndef PIZARRA_CANVASPUT_H
#define PIZARRA_CANVASPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "screen.h"

#define CANVAS_OUTSIDE   (1ull << 62)     /* shadow key of a cell beyond the board */
#define CANVAS_DIM       (1ull << 61)     /* shadow flag: drawn greyed out */
#define CANVAS_PREVIEW   (1ull << 60)     /* shadow key of a preview cell: | its glyph */
#define CANVAS_CUT       (1ull << 59)     /* shadow flag: a wide character cut by the right edge */
#define CANVAS_STALE     UINT64_MAX       /* shadow key that matches nothing */

/* Put code point cp (0: a space) at canvas cell (y, x) with attributes attr. */
void canvasput_char(int y, int x, uint32_t cp, attr_t attr);

/*
 * The box's outline glyph at canvas cell (y, x), shadow index i, in ink;
 * written only when the shadow says otherwise. Returns the columns used (1).
 */
int canvasput_outline(uint64_t *shadow, size_t i, int y, int x, uint32_t glyph, unsigned ink);

/*
 * A cell of the paste preview, board word word (next: the one right of it;
 * wide: there is a canvas column for its right half), at (y, x), shadow
 * index i: our ink, reversed and dim. Returns the columns used (1 or 2).
 */
int canvasput_pasted(uint64_t *shadow, size_t i, int y, int x, bool wide, uint64_t word,
		     uint64_t next, unsigned ink);

#endif
