/*
 * history.c - one client's undo and redo (history.h): the steps it drew,
 * each an array of the cells it changed, in two lists, within a budget.
 *
 * A step's changes are recorded in the order the board reported them. When
 * the step closes they are folded (restore_fold: one change per cell, the
 * cells of a row side by side). Taking a step back (or doing it again) is
 * restore_run, the rule by compare-and-swap (restore.h); the step is left
 * holding the cells actually restored and moved to the other list: redo is
 * built from exactly those cells, as the contract says.
 *
 * Memory: every step is counted as its header plus the capacity of its
 * array; the total never exceeds the budget. A growing step makes room by
 * forgetting the oldest undo steps; a step that alone outgrows the budget
 * is dropped whole (EFBIG) and what it writes until history_end is ignored.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "restore.h"

struct history_step {
	struct history_step *prev, *next;   /* towards the older, the newer step */
	enum history_kind kind;
	size_t n, cap;
	struct restore_cell *cells;
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

#define STEP_BYTES(cap) (sizeof(struct history_step) + (cap) * sizeof(struct restore_cell))

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
	s->n = restore_fold(s->cells, s->n);
	if (s->n < s->cap) {   /* give back what the fold saved */
		struct restore_cell *c = realloc(s->cells, s->n * sizeof *c);

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
	struct restore_cell *c;

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
	limit = (h->max_bytes - STEP_BYTES(0)) / sizeof(struct restore_cell);
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
		s->cells[s->n] = (struct restore_cell){ (uint16_t)c[i].col, (uint16_t)c[i].row,
		    (uint32_t)s->n, c[i].before, c[i].after };
		s->n++;
	}
	return 0;
}

/* Take the newest step of one list back (undo) or again, moving what was restored to the other. */
static int
history_apply(struct history *h, const struct board *b, struct history_result *r, bool undo)
{
	struct history_list *from = undo ? &h->undo : &h->redo, *to = undo ? &h->redo : &h->undo;
	struct history_step *s;
	size_t out;

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
	out = restore_run(s->cells, s->n, undo, b);
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
