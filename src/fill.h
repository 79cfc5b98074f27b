/*
 * fill.h - the region a flood fill covers, and painting it, no curses.
 *
 * The region of a cell is every cell joined to it through its four
 * neighbours that looks the same: the same character in the same colour,
 * or blank (empty or a space, whatever its colour and author). A wide
 * character and its right half (CELL_CONT) are one thing: both halves are
 * in the region or neither, and a right half is never taken for an empty
 * cell. fill_find marks the region in a bitmap of the board (one bit a
 * cell) with an explicit stack of spans (a run of cells in one row; each
 * run is pushed once, when it is marked), never recursion, so it ends on
 * any board and whatever other writers do meanwhile; fill_paint then
 * writes the region row by row. Between the two, a caller can read what
 * the region's cells hold (fill_has), to undo the fill later.
 *
 * Memory: the bitmap is cols x rows / 8 bytes (250 KB for 2000 x 1000,
 * 2 MiB for the largest board), the stack at most one entry (12 bytes) per
 * run of the region, grown as needed (on an empty board, two). Both are
 * freed by fill_free.
 */
#ifndef PIZARRA_FILL_H
#define PIZARRA_FILL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board.h"

struct fill_region {
	uint32_t cols, rows;         /* the board's geometry when found */
	unsigned char *in;           /* bit (row * cols + col): in the region */
	uint32_t cells;              /* how many cells are in it */
	uint32_t c0, r0, c1, r1;     /* the smallest rectangle that holds it */
	size_t stack_peak;           /* the most spans the stack held at once */
};

/*
 * Mark the region of (col, row) on b. 0, or -1 with errno: EINVAL (the cell
 * is off the board), ENOMEM. On failure nothing is held.
 */
int fill_find(struct fill_region *fr, const struct board *b, uint32_t col, uint32_t row);

/* True when (col, row) is in the region. */
bool fill_has(const struct fill_region *fr, uint32_t col, uint32_t row);

/*
 * Write cp in colour and author over the region on b, row by row, left to
 * right; how many cells were written. A wide cp takes two cells of a run
 * at a time, from the run's left end; a run's last cell that has no
 * neighbour in the run for the right half is left as it was.
 */
uint32_t fill_paint(const struct fill_region *fr, const struct board *b, uint32_t cp,
		    unsigned colour, unsigned author);

/* True when the region already looks like cp in colour (filling it would change nothing). */
bool fill_same(const struct board *b, uint32_t col, uint32_t row, uint32_t cp, unsigned colour);

/* Free what fill_find holds. */
void fill_free(struct fill_region *fr);

#endif
