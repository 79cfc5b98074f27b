/*
 * restore.c - the rule that takes a step's cells back or does them again
 * (restore.h), by compare-and-swap, so that nobody else's work is ever
 * overwritten.
 *
 * Folding sorts the cells by row, column and order of writing, and folds
 * each cell's chain of changes into one: the word before the first and the
 * word after the last. So a stroke that passes a cell twice is one change
 * there, and the cells of a row sit side by side, which is what the
 * wide-character check below needs (a wide character and its CELL_CONT
 * half are neighbours).
 *
 * Restoring goes in three passes over the cells: which still hold exactly
 * what the step left there (the "from" word); of those, which may be
 * restored without leaving a wide character without its right half or a
 * CELL_CONT without its left (dropped until nothing changes); then the
 * compare-and-swaps, where a lost race keeps the cell and the other half
 * of a wide pair with it. The cells are then compacted in place to those
 * actually restored.
 */
#include <stdlib.h>

#include "cell.h"
#include "restore.h"

/* The cells being restored (the functions below were a step's). */
struct restore_span {
	struct restore_cell *cells;
	size_t n;
};

/* Order of cells: by row, column, then order of writing. */
static int
cell_order(const void *pa, const void *pb)
{
	const struct restore_cell *a = pa, *b = pb;

	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/*
 * Sort the cells and fold each cell's changes into one. A chain broken by
 * another writer (a change whose before is not the previous after) starts
 * again from the other writer's word: undoing our later write gives theirs.
 */
size_t
restore_fold(struct restore_cell *cells, size_t n)
{
	size_t i, out = 0;

	qsort(cells, n, sizeof *cells, cell_order);
	for (i = 0; i < n; i++) {
		struct restore_cell *c = &cells[i];

		if (out > 0 && cells[out - 1].col == c->col && cells[out - 1].row == c->row) {
			struct restore_cell *last = &cells[out - 1];

			if (last->after != c->before)
				last->before = c->before;
			last->after = c->after;
			continue;
		}
		cells[out++] = *c;
	}
	return out;
}

/* The word a cell of the step ends with, and the word it must hold now. */
#define TO(c, undo) ((undo) ? (c)->before : (c)->after)
#define FROM(c, undo) ((undo) ? (c)->after : (c)->before)
#define WIDE(w) (cell_width(cell_cp(w)) == 2)
#define CONT(w) (cell_cp(w) == CELL_CONT)
#define PLANNED seq   /* after the fold, a cell's seq says it is to be restored */

/*
 * The word (col, row), a neighbour of cell j, would hold after the
 * restoration planned: the step's word when the cell is in the step
 * (sorted and folded, so a neighbour in the row sits beside j) and
 * planned; what it holds now otherwise. Outside the board: empty.
 */
static uint64_t
final_word(const struct restore_span *s, size_t j, long col, uint32_t row, bool undo,
	   const struct board *b)
{
	size_t k;

	if (col < 0 || (uint32_t)col >= b->cols)
		return CELL_EMPTY;
	for (k = j > 0 ? j - 1 : 0; k < s->n && k <= j + 1; k++)
		if (s->cells[k].col == col && s->cells[k].row == row && s->cells[k].PLANNED)
			return TO(&s->cells[k], undo);
	return board_get(b, (uint32_t)col, row);
}

/*
 * Would restoring cell j (with the plan) leave both its sides whole: a
 * CELL_CONT exactly when a wide character is on its left, a wide character
 * exactly when a CELL_CONT is on its right?
 */
static bool
whole_after(const struct restore_span *s, size_t j, bool undo, const struct board *b)
{
	const struct restore_cell *c = &s->cells[j];
	uint64_t me = TO(c, undo);

	return CONT(me) == WIDE(final_word(s, j, (long)c->col - 1, c->row, undo, b)) &&
	    WIDE(me) == CONT(final_word(s, j, (long)c->col + 1, c->row, undo, b));
}

/*
 * Plan which cells go back: those that hold exactly the from word, less
 * those that would break a wide character (again until none does: each
 * pass drops at least one cell or ends).
 */
static void
plan(struct restore_span *s, bool undo, const struct board *b)
{
	size_t i;
	bool changed = true;

	for (i = 0; i < s->n; i++) {
		struct restore_cell *c = &s->cells[i];

		c->PLANNED = board_get(b, c->col, c->row) == FROM(c, undo);
	}
	while (changed) {
		changed = false;
		for (i = 0; i < s->n; i++)
			if (s->cells[i].PLANNED && !whole_after(s, i, undo, b)) {
				s->cells[i].PLANNED = 0;
				changed = true;
			}
	}
}

/* Are cells i and i+1 of the step the two halves of one character, before or after? */
static bool
linked(const struct restore_span *s, size_t i)
{
	const struct restore_cell *a = &s->cells[i], *c = &s->cells[i + 1];

	return c->row == a->row && c->col == a->col + 1 &&
	    (WIDE(a->before) || WIDE(a->after) || CONT(c->before) || CONT(c->after));
}

/*
 * Carry out the plan by compare-and-swap; a race lost to another writer
 * keeps the cell, and its other half with it (put back if it was done).
 */
static void
apply(struct restore_span *s, bool undo, const struct board *b)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		struct restore_cell *c = &s->cells[i], *l = i > 0 ? c - 1 : NULL;

		if (!c->PLANNED || board_cas_cell(b, c->col, c->row, FROM(c, undo), TO(c, undo)))
			continue;
		c->PLANNED = 0;
		if (l != NULL && l->PLANNED && linked(s, i - 1) &&
		    board_cas_cell(b, l->col, l->row, TO(l, undo), FROM(l, undo)))
			l->PLANNED = 0;
		if (i + 1 < s->n && linked(s, i))
			c[1].PLANNED = 0;
	}
}

size_t
restore_run(struct restore_cell *cells, size_t n, bool undo, const struct board *b)
{
	struct restore_span s = { cells, n };
	size_t i, out = 0;

	plan(&s, undo, b);
	apply(&s, undo, b);
	for (i = 0; i < n; i++)
		if (cells[i].PLANNED)
			cells[out++] = cells[i];
	return out;
}
