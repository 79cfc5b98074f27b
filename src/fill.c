/*
 * fill.c - a flood fill in two passes: fill_find marks the region (a
 * span fill: each run of alike cells in a row is marked and pushed once,
 * and popping it looks for alike runs touching it in the rows above and
 * below), fill_paint writes it. What a cell looks like is its key: 0 for
 * blank (empty or a space), else its code point and colour; a right half takes its wide
 * character's key, and one without its wide character a key of its own.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "fill.h"
#include "undo.h"

#define FILL_LONE_HALF ((uint64_t)1 << 40)   /* a right half with no wide character */

struct fill_span {
	uint32_t row, x1, x2;
};

struct fill_stack {
	struct fill_span *s;
	size_t n, cap;
};

/* What a cell word looks like. */
static uint64_t
fill_word_key(uint64_t w)
{
	uint32_t cp = cell_cp(w);

	return cp == 0 || cp == ' ' ? 0 : (uint64_t)cp | (uint64_t)cell_colour(w) << 24;
}

/* What the cell at (col, row) looks like (one read of each word). */
static uint64_t
fill_key(const struct board *b, uint32_t col, uint32_t row)
{
	uint64_t w = board_get(b, col, row), left;

	if (cell_cp(w) != CELL_CONT)
		return fill_word_key(w);
	if (col > 0) {
		left = board_get(b, col - 1, row);
		if (cell_width(cell_cp(left)) == 2)
			return fill_word_key(left);
	}
	return FILL_LONE_HALF;
}

bool
fill_same(const struct board *b, uint32_t col, uint32_t row, uint32_t cp, unsigned colour)
{
	return fill_key(b, col, row) == fill_word_key(cell_make(cp, colour, 0));
}

static size_t
fill_bit(const struct fill_region *fr, uint32_t col, uint32_t row)
{
	return (size_t)row * fr->cols + col;
}

bool
fill_has(const struct fill_region *fr, uint32_t col, uint32_t row)
{
	size_t i;

	if (fr->in == NULL || col >= fr->cols || row >= fr->rows)
		return false;
	i = fill_bit(fr, col, row);
	return fr->in[i / 8] >> (i % 8) & 1;
}

static void
fill_mark(struct fill_region *fr, uint32_t col, uint32_t row)
{
	size_t i = fill_bit(fr, col, row);

	fr->in[i / 8] |= (unsigned char)(1u << (i % 8));
	fr->cells++;
	if (col < fr->c0)
		fr->c0 = col;
	if (col > fr->c1)
		fr->c1 = col;
	if (row < fr->r0)
		fr->r0 = row;
	if (row > fr->r1)
		fr->r1 = row;
}

/* Cell (col, row) is alike and not marked yet. */
static bool
fill_open(const struct fill_region *fr, const struct board *b, uint32_t col, uint32_t row,
	  uint64_t key)
{
	return !fill_has(fr, col, row) && fill_key(b, col, row) == key;
}

/* Push a span; -1 when the stack cannot grow. */
static int
fill_push(struct fill_stack *st, struct fill_region *fr, uint32_t row, uint32_t x1, uint32_t x2)
{
	struct fill_span *s;
	size_t cap;

	if (st->n == st->cap) {
		cap = st->cap == 0 ? 64 : st->cap * 2;
		s = realloc(st->s, cap * sizeof *s);
		if (s == NULL)
			return -1;
		st->s = s;
		st->cap = cap;
	}
	st->s[st->n].row = row;
	st->s[st->n].x1 = x1;
	st->s[st->n].x2 = x2;
	st->n++;
	if (st->n > fr->stack_peak)
		fr->stack_peak = st->n;
	return 0;
}

/* Mark the whole run of alike cells through (col, row) and push it. */
static int
fill_run(struct fill_stack *st, struct fill_region *fr, const struct board *b, uint32_t col,
	 uint32_t row, uint64_t key)
{
	uint32_t x1 = col, x2 = col, x;

	while (x1 > 0 && fill_open(fr, b, x1 - 1, row, key))
		x1--;
	while (x2 + 1 < fr->cols && fill_open(fr, b, x2 + 1, row, key))
		x2++;
	for (x = x1; x <= x2; x++)
		fill_mark(fr, x, row);
	return fill_push(st, fr, row, x1, x2);
}

/* The runs of row ny that touch x1..x2: marked and pushed. */
static int
fill_near(struct fill_stack *st, struct fill_region *fr, const struct board *b, uint32_t ny,
	  uint32_t x1, uint32_t x2, uint64_t key)
{
	uint32_t x;

	for (x = x1; x <= x2; x++)
		if (fill_open(fr, b, x, ny, key) && fill_run(st, fr, b, x, ny, key) != 0)
			return -1;
	return 0;
}

int
fill_find(struct fill_region *fr, const struct board *b, uint32_t col, uint32_t row)
{
	struct fill_stack st = { NULL, 0, 0 };
	struct fill_span sp;
	uint64_t key;
	int r;

	memset(fr, 0, sizeof *fr);
	if (col >= b->cols || row >= b->rows) {
		errno = EINVAL;
		return -1;
	}
	fr->cols = b->cols;
	fr->rows = b->rows;
	fr->c0 = col;
	fr->r0 = row;
	fr->in = calloc(((size_t)b->cols * b->rows + 7) / 8, 1);
	if (fr->in == NULL)
		return -1;
	key = fill_key(b, col, row);
	/* a right half: start from its wide character, the same thing */
	if (key != FILL_LONE_HALF && cell_cp(board_get(b, col, row)) == CELL_CONT)
		col--;
	r = fill_run(&st, fr, b, col, row, key);
	while (r == 0 && st.n > 0) {
		sp = st.s[--st.n];
		if (sp.row > 0)
			r = fill_near(&st, fr, b, sp.row - 1, sp.x1, sp.x2, key);
		if (r == 0 && sp.row + 1 < fr->rows)
			r = fill_near(&st, fr, b, sp.row + 1, sp.x1, sp.x2, key);
	}
	free(st.s);
	if (r != 0) {
		fill_free(fr);
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

uint32_t
fill_paint(const struct fill_region *fr, const struct board *b, uint32_t cp, unsigned colour,
	   unsigned author)
{
	uint32_t n = 0, y, x;
	int w = cell_width(cp);

	if (fr->in == NULL || fr->cells == 0 || w == 0 || b->cols != fr->cols || b->rows != fr->rows)
		return 0;
	for (y = fr->r0; y <= fr->r1; y++) {
		for (x = fr->c0; x <= fr->c1; x++) {
			if (!fill_has(fr, x, y))
				continue;
			if (w == 2 && !fill_has(fr, x + 1, y))
				continue;            /* no room for the right half */
			if (undo_draw(b, x, y, cp, colour, author) > 0)
				n += (uint32_t)w;
			x += (uint32_t)w - 1;
		}
	}
	return n;
}

void
fill_free(struct fill_region *fr)
{
	free(fr->in);
	fr->in = NULL;
}
