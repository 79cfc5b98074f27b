/*
 * history.h - one client's undo and redo: the steps it drew, each the list
 * of cells it changed, taken back and done again by compare-and-swap so
 * that nobody else's work is ever overwritten.
 *
 * A step is what a person thinks of as one action: a mouse press to its
 * release, a run of one tool, a run of typing, a box, a fill, a paste, a
 * cut, a move, a clear. The caller opens a step (history_begin), hands it
 * every board_change its writes reported (history_add: the word each cell
 * held before and the word stored) and closes it (history_end).
 *
 * The rule of undo is restore.h's: a cell goes back to its "before" word
 * only when it still holds exactly the "after" word the step stored (all
 * 64 bits, by compare-and-swap); cells someone changed since are kept and
 * counted, and wide characters stay whole. Redo is built at the moment of
 * undo from the cells actually restored, with the same check.
 * A step that passes a cell several times is one change there: the word
 * before its first write, the word after its last (restore_fold).
 * A new step (its first history_add) empties the redo list.
 *
 * Memory is bounded: the history holds at most max_bytes of changes (24
 * bytes a cell, 48 a step, the arrays' spare room counted); the oldest
 * steps are forgotten to make room, and a single step larger than the
 * whole budget is dropped (history_add says so, before anything older is
 * forgotten for it) and cannot be undone.
 * History belongs to one process and one board: history_reset when the
 * client moves to another board. Curses-free and single-threaded.
 */
#ifndef PIZARRA_HISTORY_H
#define PIZARRA_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board.h"

/* What a step was, for the status line ("undid the box"). */
enum history_kind {
	HISTORY_DRAW,       /* brush, eraser, line: a press to its release, a key-held run */
	HISTORY_TYPING,     /* a run of typing */
	HISTORY_BOX,
	HISTORY_FILL,
	HISTORY_PASTE,
	HISTORY_CUT,
	HISTORY_MOVE,
	HISTORY_DELETE,
	HISTORY_CLEAR,
	HISTORY_KINDS
};

#define HISTORY_MIN_STEPS 100          /* steps kept at least, when they fit the budget */
#define HISTORY_DEFAULT_BYTES (16u << 20)

struct history;

/* What an undo or redo did. */
struct history_result {
	enum history_kind kind;   /* the step taken back or done again */
	size_t restored;          /* cells put back */
	size_t kept;              /* cells left alone because someone changed them since */
};

/* A new, empty history of at most max_bytes of changes. NULL with errno ENOMEM. */
struct history *history_new(size_t max_bytes);

/* Free it (NULL is fine). */
void history_free(struct history *h);

/* Forget every step and redo (a new board). */
void history_reset(struct history *h);

/*
 * Open a step of this kind; an open step is closed first. A step that
 * gets no change is not kept.
 */
void history_begin(struct history *h, enum history_kind kind);

/* Is a step open, and of what kind (kind may be NULL)? */
bool history_is_open(const struct history *h, enum history_kind *kind);

/*
 * Add n changes to the open step (one of HISTORY_DRAW is opened when none
 * is). The first change of a step empties the redo list. 0, or -1 with
 * errno ENOMEM when memory ran out or EFBIG when the step outgrew the
 * budget: then the step is dropped whole (it cannot be undone) and the
 * changes until history_end are ignored.
 */
int history_add(struct history *h, const struct board_change *c, size_t n);

/* Close the open step (nothing when none is open). */
void history_end(struct history *h);

/*
 * Undo the newest step on b (closing the open one first). 0 with *r
 * filled, or -1 with errno ENOENT when there is nothing to undo, EROFS
 * when b is read-only (nothing changed). Does not notify.
 */
int history_undo(struct history *h, const struct board *b, struct history_result *r);

/* Redo the newest undone step, by the same rule. -1 ENOENT when none. */
int history_redo(struct history *h, const struct board *b, struct history_result *r);

/* Steps that can be undone, and redone. */
size_t history_undos(const struct history *h);
size_t history_redos(const struct history *h);

/* Bytes held now (changes and their bookkeeping), at most the budget. */
size_t history_bytes(const struct history *h);

#endif
