/*
 * undo.h - this process's undo history (history.h's struct history, one
 * per client: a new client starts empty) and where its steps begin and
 * end. Every writer of the front-end draws through undo_draw (or hands
 * undo_log to a board_*_log writer), so what it changes is recorded in the
 * open step; the actions say where a step starts and ends:
 *   - UNDO_ONCE: a mouse press to its release, a box, a fill, a paste, a
 *     clear: undo_step opens it, undo_end closes it;
 *   - UNDO_KEYS: a key-held run of one tool (the brush, the line, the
 *     eraser moved by keys): goes on while the same tool moves by keys;
 *   - UNDO_TYPING: a run of typing (and Backspace, Delete): goes on while
 *     keys come less than UNDO_PAUSE_MS apart. The pause is judged when
 *     the next key comes (no timer: nothing wakes the loop for it).
 * Any other action (a tool change, moving away with a tool that does not
 * draw, a mouse press) ends the run with undo_end or by opening another.
 *
 * No curses. Before undo_open (the unit tests of the pen), nothing is
 * recorded and undo_draw is board_draw.
 */
#ifndef PIZARRA_UNDO_H
#define PIZARRA_UNDO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "history.h"

#define UNDO_PAUSE_MS 500   /* a pause this long ends a run of typing */

enum undo_run {
	UNDO_ONCE,      /* ends when undo_end says */
	UNDO_KEYS,      /* goes on while the same tool moves by keys */
	UNDO_TYPING     /* goes on while keys come quickly */
};

/* Start recording, in at most bytes of memory. 0, or -1 with errno ENOMEM. */
int undo_open(size_t bytes);

/* Free the history (at exit). */
void undo_close(void);

/* Forget every step: this client moved to another board. */
void undo_reset(void);

/*
 * Open a step of kind for a run of how with tool, or go on with the open
 * one when it is the same run (UNDO_KEYS: the same tool; UNDO_TYPING:
 * the same tool, and the last key of the run came less than UNDO_PAUSE_MS
 * ago).
 */
void undo_step(enum history_kind kind, enum undo_run how, int tool);

/* Close the open step. */
void undo_end(void);

/* board_draw, its changes recorded in the open step. */
int undo_draw(const struct board *b, uint32_t col, uint32_t row, uint32_t cp, unsigned colour,
	      unsigned author);

/* A board_log_fn (arg unused): the changes of a board_*_log writer, recorded. */
void undo_log(void *arg, const struct board_change *c, size_t n);

/* True once after a step was too large for the history (it cannot be undone). */
bool undo_dropped(void);

/* The history's budget in bytes (what undo_open was given). */
size_t undo_budget(void);

/* history_undo and history_redo on b: 0 with *r filled, or -1 with errno (ENOENT: none). */
int undo_undo(const struct board *b, struct history_result *r);
int undo_redo(const struct board *b, struct history_result *r);

#endif
