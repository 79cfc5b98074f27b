/*
 * lines.h - lines of box-drawing characters on a board, no curses: the
 * character for the directions a cell connects (bits LINES_UP, _DOWN,
 * _LEFT, _RIGHT), a step of a line from a cell to its neighbour, a box,
 * both joining the lines they cross, and the ASCII stand-in for a
 * box-drawing or block character where the terminal has no UTF-8.
 *
 * A lone direction is drawn as a full line, which reads back as both
 * ways, so a struct lines remembers the exact directions of the line's
 * last cell: a stroke turns its corners right (a corner, not a tee).
 * Only lines.c writes a struct lines.
 */
#ifndef PIZARRA_LINES_H
#define PIZARRA_LINES_H

#include <stdbool.h>
#include <stdint.h>

#include "board.h"

enum { LINES_UP = 1, LINES_DOWN = 2, LINES_LEFT = 4, LINES_RIGHT = 8 };

/* The last cell a line step drew, with its exact directions. */
struct lines {
	bool valid;
	uint32_t col, row;
	unsigned bits;
};

/* What a line is drawn on, and with. */
struct lines_ink {
	const struct board *board;
	unsigned colour, author;
};

/*
 * One step of a line from (c1, r1) to the neighbouring (c2, r2) (the
 * same cell: nothing): both cells get the directions they had and the
 * step's. True when a cell was written.
 */
bool lines_step(struct lines *l, const struct lines_ink *ink, uint32_t c1, uint32_t r1,
		uint32_t c2, uint32_t r2);

/* The box with corners (c0, r0) and (c1, r1), c0 <= c1, r0 <= r1; true when a cell was written. */
bool lines_box(struct lines *l, const struct lines_ink *ink, uint32_t c0, uint32_t r0,
	       uint32_t c1, uint32_t r1);

/* ASCII stand-in for a box-drawing or block character ('-', '|', '+', '#'); 0 for others. */
uint32_t lines_ascii(uint32_t cp);

#endif
