/*
 * history.c - one client's undo and redo (history.h): the steps it drew,
 * each an array of the cells it changed, and the rule that takes a step
 * back or does it again by compare-and-swap.
 *
 * A step's changes are recorded in the order the board reported them. When
 * the step closes they are sorted by cell (and by order within a cell) and
 * each cell's chain of changes is folded into one: the word before the
 * first and the word after the last. So a stroke that passes a cell twice
 * is one change there, and the cells of a row sit side by side, which is
 * what the wide-character check below needs (a wide character and its
 * CELL_CONT half are neighbours).
 *
 * Taking a step back (or doing it again) goes in three passes over its
 * cells: which still hold exactly what the step left there (the "from"
 * word); of those, which may be restored without leaving a wide character
 * without its right half or a CELL_CONT without its left (dropped until
 * nothing changes); then the compare-and-swaps, where a lost race keeps
 * the cell and the other half of a wide pair with it. The step is then
 * compacted in place to the cells actually restored and moved to the other
 * list: redo is built from exactly those cells, as the contract says.
 *
 * Memory: every step is counted as its header plus the capacity of its
 * array; the total never exceeds the budget. A growing step makes room by
 * forgetting the oldest undo steps; a step that alone outgrows the budget
 * is dropped whole (EFBIG) and what it writes until history_end is ignored.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "history.h"

/* One cell a step changed. 24 bytes: col and row fit 16 bits (BOARD_MAX_*). */
struct history_cell {
	uint16_t col, row;
	uint32_t seq;            /* order within the step, until it closes */
	uint64_t before, after;
};

struct history_step {
	struct history_step *prev, *next;   /* towards the older, the newer step */
	enum history_kind kind;
	size_t n, cap;
	struct history_cell *cells;
};

/* A list of steps, oldest at head, newest at tail. */
struct history_list {
	struct history_step *head, *tail;
	size_t count;
};

struct history {
	size_t max_bytes, bytes;
	struct history_list undo, redo;
	struct history_step *open;   /* the step being recorded, or NULL */
	enum history_kind open_kind;
	bool is_open, dropped;       /* a step is open; its changes are being ignored */
};

#define STEP_BYTES(cap) (sizeof(struct history_step) + (cap) * sizeof(struct history_cell))

struct history *
history_new(size_t max_bytes)
{
	struct history *h = calloc(1, sizeof *h);   /* errno ENOMEM when NULL */

	if (h != NULL)
		h->max_bytes = max_bytes;
	return h;
}

static void
step_free(struct history *h, struct history_step *s)
{
	h->bytes -= STEP_BYTES(s->cap);
	free(s->cells);
	free(s);
}

static void
list_push(struct history_list *l, struct history_step *s)
{
	s->next = NULL;
	s->prev = l->tail;
	if (l->tail != NULL)
		l->tail->next = s;
	else
		l->head = s;
	l->tail = s;
	l->count++;
}

/* Take s out of l. */
static void
list_unlink(struct history_list *l, struct history_step *s)
{
	if (s->prev != NULL)
		s->prev->next = s->next;
	else
		l->head = s->next;
	if (s->next != NULL)
		s->next->prev = s->prev;
	else
		l->tail = s->prev;
	l->count--;
	s->prev = s->next = NULL;
}

/* Forget the oldest step of l. */
static void
list_forget(struct history *h, struct history_list *l)
{
	struct history_step *s = l->head;

	list_unlink(l, s);
	step_free(h, s);
}

static void
list_clear(struct history *h, struct history_list *l)
{
	while (l->head != NULL)
		list_forget(h, l);
}

/* Drop the open step (its memory), keeping it open but ignored when ignore. */
static void
drop_open(struct history *h, bool ignore)
{
	if (h->open != NULL)
		step_free(h, h->open);
	h->open = NULL;
	h->dropped = ignore;
}

void
history_reset(struct history *h)
{
	if (h == NULL)
		return;
	drop_open(h, false);
	h->is_open = false;
	list_clear(h, &h->undo);
	list_clear(h, &h->redo);
}

void
history_free(struct history *h)
{
	history_reset(h);
	free(h);
}

/* Order of cells: by row, column, then order of writing. */
static int
cell_order(const void *pa, const void *pb)
{
	const struct history_cell *a = pa, *b = pb;

	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/*
 * Sort the step and fold each cell's changes into one. A chain broken by
 * another writer (a change whose before is not the previous after) starts
 * again from the other writer's word: undoing our later write gives theirs.
 */
static void
step_fold(struct history_step *s)
{
	size_t i, out = 0;

	qsort(s->cells, s->n, sizeof *s->cells, cell_order);
	for (i = 0; i < s->n; i++) {
		struct history_cell *c = &s->cells[i];

		if (out > 0 && s->cells[out - 1].col == c->col && s->cells[out - 1].row == c->row) {
			struct history_cell *last = &s->cells[out - 1];

			if (last->after != c->before)
				last->before = c->before;
			last->after = c->after;
			continue;
		}
		s->cells[out++] = *c;
	}
	s->n = out;
}

void
history_end(struct history *h)
{
	struct history_step *s;

	if (h == NULL || !h->is_open)
		return;
	s = h->open;
	h->open = NULL;
	h->is_open = false;
	h->dropped = false;
	if (s == NULL)
		return;
	if (s->n == 0) {
		step_free(h, s);
		return;
	}
	step_fold(s);
	if (s->n < s->cap) {   /* give back what the fold saved */
		struct history_cell *c = realloc(s->cells, s->n * sizeof *c);

		if (c != NULL) {
			h->bytes -= STEP_BYTES(s->cap) - STEP_BYTES(s->n);
			s->cells = c;
			s->cap = s->n;
		}
	}
	list_push(&h->undo, s);
}

void
history_begin(struct history *h, enum history_kind kind)
{
	if (h == NULL)
		return;
	history_end(h);
	h->is_open = true;
	h->open_kind = kind < HISTORY_KINDS ? kind : HISTORY_DRAW;
	h->dropped = false;
}

bool
history_is_open(const struct history *h, enum history_kind *kind)
{
	if (h == NULL || !h->is_open)
		return false;
	if (kind != NULL)
		*kind = h->open_kind;
	return true;
}

/* Forget undo steps, oldest first, until need more bytes fit. */
static bool
make_room(struct history *h, size_t need)
{
	while (h->max_bytes - h->bytes < need && h->undo.head != NULL)
		list_forget(h, &h->undo);
	return h->max_bytes - h->bytes >= need;
}

/*
 * Give the open step room for n more changes (doubling, within the budget,
 * forgetting the oldest steps to make room; step_fits said the budget can
 * hold it); -1 with errno when it cannot be.
 */
static int
step_grow(struct history *h, size_t n)
{
	struct history_step *s = h->open;
	size_t limit = (h->max_bytes - sizeof *s) / sizeof *s->cells, need = s->n + n, want;
	struct history_cell *c;

	if (need <= s->cap)
		return 0;
	want = s->cap < 16 ? 16 : s->cap * 2;
	if (want < need)
		want = need;
	if (want > limit)
		want = limit;
	if (h->max_bytes - h->bytes < (want - s->cap) * sizeof *c)
		want = need;   /* no doubling into the budget of older steps */
	if (!make_room(h, (want - s->cap) * sizeof *c)) {
		errno = EFBIG;
		return -1;
	}
	c = realloc(s->cells, want * sizeof *c);
	if (c == NULL)
		return -1;   /* errno ENOMEM */
	h->bytes += (want - s->cap) * sizeof *c;
	s->cells = c;
	s->cap = want;
	return 0;
}

/* The open step's record, made at its first change (which empties the redo list). */
static int
step_open(struct history *h)
{
	struct history_step *s;

	if (h->open != NULL)
		return 0;
	list_clear(h, &h->redo);
	if (!make_room(h, sizeof *s)) {
		errno = EFBIG;
		return -1;
	}
	s = calloc(1, sizeof *s);
	if (s == NULL)
		return -1;   /* errno ENOMEM */
	s->kind = h->open_kind;
	h->bytes += STEP_BYTES(0);
	h->open = s;
	return 0;
}

/* Could the open step ever hold n more changes within the whole budget? */
static bool
step_fits(const struct history *h, size_t n)
{
	size_t limit, have = h->open != NULL ? h->open->n : 0;

	if (h->max_bytes < STEP_BYTES(0))
		return false;
	limit = (h->max_bytes - STEP_BYTES(0)) / sizeof(struct history_cell);
	return have <= limit && n <= limit - have;
}

int
history_add(struct history *h, const struct board_change *c, size_t n)
{
	size_t i;

	if (h == NULL || (n > 0 && c == NULL)) {
		errno = EINVAL;
		return -1;
	}
	if (!h->is_open)
		history_begin(h, HISTORY_DRAW);
	if (h->dropped || n == 0)
		return 0;
	if (!step_fits(h, n)) {
		drop_open(h, true);   /* before anything older is forgotten for it */
		errno = EFBIG;
		return -1;
	}
	if (step_open(h) != 0 || step_grow(h, n) != 0) {
		int err = errno;

		drop_open(h, true);
		errno = err;
		return -1;
	}
	for (i = 0; i < n; i++) {
		struct history_step *s = h->open;

		if (c[i].col > UINT16_MAX || c[i].row > UINT16_MAX)
			continue;   /* no board is that large (BOARD_MAX_*) */
		s->cells[s->n] = (struct history_cell){ (uint16_t)c[i].col, (uint16_t)c[i].row,
		    (uint32_t)s->n, c[i].before, c[i].after };
		s->n++;
	}
	return 0;
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
final_word(const struct history_step *s, size_t j, long col, uint32_t row, bool undo,
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
whole_after(const struct history_step *s, size_t j, bool undo, const struct board *b)
{
	const struct history_cell *c = &s->cells[j];
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
plan(struct history_step *s, bool undo, const struct board *b)
{
	size_t i;
	bool changed = true;

	for (i = 0; i < s->n; i++) {
		struct history_cell *c = &s->cells[i];

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
linked(const struct history_step *s, size_t i)
{
	const struct history_cell *a = &s->cells[i], *c = &s->cells[i + 1];

	return c->row == a->row && c->col == a->col + 1 &&
	    (WIDE(a->before) || WIDE(a->after) || CONT(c->before) || CONT(c->after));
}

/*
 * Carry out the plan by compare-and-swap; a race lost to another writer
 * keeps the cell, and its other half with it (put back if it was done).
 */
static void
apply(struct history_step *s, bool undo, const struct board *b)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		struct history_cell *c = &s->cells[i], *l = i > 0 ? c - 1 : NULL;

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

/* Take the newest step of one list back (undo) or again, moving what was restored to the other. */
static int
history_apply(struct history *h, const struct board *b, struct history_result *r, bool undo)
{
	struct history_list *from = undo ? &h->undo : &h->redo, *to = undo ? &h->redo : &h->undo;
	struct history_step *s;
	size_t i, out = 0;

	history_end(h);
	if (from->tail == NULL) {
		errno = ENOENT;
		return -1;
	}
	if (b->readonly) {
		errno = EROFS;
		return -1;
	}
	s = from->tail;
	plan(s, undo, b);
	apply(s, undo, b);
	for (i = 0; i < s->n; i++)
		if (s->cells[i].PLANNED)
			s->cells[out++] = s->cells[i];
	r->kind = s->kind;
	r->restored = out;
	r->kept = s->n - out;
	list_unlink(from, s);
	s->n = out;
	if (out == 0)
		step_free(h, s);
	else
		list_push(to, s);
	return 0;
}

int
history_undo(struct history *h, const struct board *b, struct history_result *r)
{
	return history_apply(h, b, r, true);
}

int
history_redo(struct history *h, const struct board *b, struct history_result *r)
{
	return history_apply(h, b, r, false);
}

size_t
history_undos(const struct history *h)
{
	return h != NULL ? h->undo.count : 0;
}

size_t
history_redos(const struct history *h)
{
	return h != NULL ? h->redo.count : 0;
}

size_t
history_bytes(const struct history *h)
{
	return h != NULL ? h->bytes : 0;
}
