/*
 * lines.h - lines of box-drawing characters on a board, no curses: the
 * character for the directions a cell connects and their weights, a step
 * of a line from a cell to its neighbour, a box, both joining the lines
 * they cross, in five styles (single, double, heavy, rounded corners,
 * ASCII), with an arrow at the line's head when asked; and the ASCII
 * stand-in for a box-drawing, block or arrow character where the terminal
 * has no UTF-8.
 *
 * A cell's shape is the weight of each of its four arms: LINES_LIGHT,
 * LINES_HEAVY or LINES_DOUBLE, two bits each (LINES_ARM(shape, dir)).
 * Joining takes the shape a cell has (read from its character) and gives
 * the arms a stroke adds the stroke's weight; where Unicode has no
 * character for the result, the arms the stroke did not draw give way
 * (lines_join says how). A lone arm is drawn as a full line, which reads
 * back as both ways, so a struct lines remembers the exact shape of the
 * line's last cell: a stroke turns its corners right (a corner, not a
 * tee), and an arrow at its head becomes a line piece again when the line
 * goes on. Only lines.c writes a struct lines.
 */
#ifndef PIZARRA_LINES_H
#define PIZARRA_LINES_H

#include <stdbool.h>
#include <stdint.h>

#include "board.h"

/* Directions (bits). */
enum { LINES_UP = 1, LINES_DOWN = 2, LINES_LEFT = 4, LINES_RIGHT = 8 };

/* Weights of an arm. */
enum { LINES_NONE = 0, LINES_LIGHT = 1, LINES_HEAVY = 2, LINES_DOUBLE = 3 };

/* Shapes: arm weights, two bits per direction (up, down, left, right). */
#define LINES_SHAPE(u, d, l, r) ((unsigned)(u) | (unsigned)(d) << 2 | (unsigned)(l) << 4 | \
				 (unsigned)(r) << 6)

enum lines_style {
	LINES_SINGLE,
	LINES_DOUBLED,
	LINES_HEAVIED,
	LINES_ROUNDED,
	LINES_ASCII,
	LINES_NSTYLES
};

/* The line being drawn: its style, its arrow, its last cell with its exact shape. */
struct lines {
	enum lines_style style;
	bool arrows;                 /* an arrow at the line's head */
	bool valid;                  /* the last cell below is known */
	uint32_t col, row;
	unsigned shape;              /* its exact shape */
	uint32_t cp;                 /* the character written there (a piece or an arrow) */
};

/* What a line is drawn on, and with. */
struct lines_ink {
	const struct board *board;
	unsigned colour, author;
};

/* The weight of the arm of shape in direction dir (one of LINES_UP...). */
unsigned lines_arm(unsigned shape, unsigned dir);

/*
 * The shape a character has (0 for one that is not a line): the Unicode
 * box-drawing pieces U+2500..U+257F but the dashed and the diagonal ones;
 * in the ASCII style also '-', '|' and '+' (all four arms).
 */
unsigned lines_shape(uint32_t cp, enum lines_style style);

/*
 * The character a cell holding a shape shows in a style. A lone arm is a
 * full line of its weight. Where Unicode has no piece for the shape, the
 * nearest one: heavy meeting double, and the two ends of a line of
 * different weights when one is double, are drawn with the weight of
 * `keep` (the arms a stroke draws, LINES_UP... bits) and the other arms
 * single. A light corner is rounded (U+256D..U+2570) in the rounded style
 * or when was_arc. The ASCII style draws '-', '|' or '+'.
 */
uint32_t lines_piece(unsigned shape, unsigned keep, enum lines_style style, bool was_arc);

/*
 * What a cell holding old shows once a stroke in style adds the arms dirs
 * (LINES_UP... bits): its own arms with the stroke's weight on dirs.
 */
uint32_t lines_join(uint32_t old, unsigned dirs, enum lines_style style);

/* The arrow pointing in direction dir (→ ← ↑ ↓, or > < ^ v in ASCII). */
uint32_t lines_arrow(unsigned dir, enum lines_style style);

/* The next style (and its name, translated: "single", "double"...). */
void lines_next_style(struct lines *l);
const char *lines_style_name(enum lines_style s);

/* Arrows at the line's head, or not. */
void lines_toggle_arrows(struct lines *l);

/*
 * One step of a line from (c1, r1) to the neighbouring (c2, r2) (the
 * same cell: nothing): both cells get the directions they had and the
 * step's; with arrows on, (c2, r2) shows an arrow pointing the step's
 * way instead, until the line goes on. True when a cell was written.
 */
bool lines_step(struct lines *l, const struct lines_ink *ink, uint32_t c1, uint32_t r1,
		uint32_t c2, uint32_t r2);

/* The box with corners (c0, r0) and (c1, r1), c0 <= c1, r0 <= r1; true when a cell was written. */
bool lines_box(struct lines *l, const struct lines_ink *ink, uint32_t c0, uint32_t r0,
	       uint32_t c1, uint32_t r1);

/* ASCII stand-in for a box-drawing, block or arrow character ('-', '|', '+', '#', '>'...); 0 for others. */
uint32_t lines_ascii(uint32_t cp);

#endif
