/*
 * clip.h - the selection and the clipboard, no curses: a rectangle of
 * board cells marked (from a corner to the cursor or the pointer), the
 * cells copied from it (the clipboard, process memory), the paste preview
 * (on or off: it shows the clipboard at the cursor before it lands), and
 * the operations that write the board: cut, delete, fill, move, paste.
 *
 * Every writing operation is one undo step: it writes each cell with
 * board_draw_log and appends every struct board_change to a clip_log,
 * which the caller hands to the history whole (history.h). A cell that
 * already holds what the operation would write is left alone (no write,
 * no change). Nothing notifies: the caller does, once.
 *
 * Bounds: a selection is at most CLIP_MAX cells a side (client.h's
 * CLIENT_SEL_MAX, what a slot can carry), so the clipboard holds at most
 * CLIP_MAX * CLIP_MAX cell words (8 MiB). A paste or a move is cut at the
 * board's edges. Only clip.c writes a struct clip.
 */
#ifndef PIZARRA_CLIP_H
#define PIZARRA_CLIP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "client.h"
#include "strbuf.h"

#define CLIP_MAX CLIENT_SEL_MAX

/* The changes one operation made, in the order made (for the history). */
struct clip_log {
	struct board_change *v;
	size_t n, cap;
	bool failed;                /* memory ran out: some changes are not in v */
};

struct clip {
	bool marking;               /* a corner is set; the other follows */
	bool on;                    /* a rectangle is selected (also while marking) */
	uint32_t anchor_col, anchor_row;
	uint32_t c0, r0, c1, r1;    /* the rectangle, inclusive, c0 <= c1, r0 <= r1 */
	bool grabbed;               /* a drag moves the selection (it lands on release) */
	uint32_t grab_col, grab_row;  /* where the drag took it */
	uint32_t from_c0, from_r0;  /* and where the selection was then */
	uint64_t *moving;           /* what it held then, shown where the drag takes it */
	uint64_t *cells;            /* the clipboard: w * h cell words, row by row */
	uint32_t w, h;              /* 0 x 0: empty */
	bool preview;               /* the clipboard is shown at the cursor, not yet placed */
};

/* An empty selection, clipboard and log. */
void clip_init(struct clip *c);
void clip_free(struct clip *c);
void clip_log_init(struct clip_log *l);
void clip_log_free(struct clip_log *l);

/* Set the first corner at (col, row) (a 1x1 selection that grows as the other corner moves). */
void clip_mark(struct clip *c, uint32_t col, uint32_t row);

/* The other corner is (col, row); a side longer than CLIP_MAX is cut short toward it. */
void clip_extend(struct clip *c, uint32_t col, uint32_t row);

/* The other corner is set: the selection stays as it is. */
void clip_done(struct clip *c);

/* No selection any more (the clipboard stays). */
void clip_drop(struct clip *c);

/* Is (col, row) inside the selection? */
bool clip_has(const struct clip *c, uint32_t col, uint32_t row);

/*
 * A drag that moves the selection: taken at (col, row) (inside it) with
 * what b holds there (shown where it goes, clip_moving_at; without memory
 * for it, the rectangle alone), the rectangle follows the pointer to
 * (col, row) kept whole on a board of cols x rows, and on release
 * clip_ungrab puts it back where it was and says by how much to clip_move
 * it. False from clip_ungrab when none.
 */
void clip_grab(struct clip *c, const struct board *b, uint32_t col, uint32_t row);
void clip_drag(struct clip *c, uint32_t col, uint32_t row, uint32_t cols, uint32_t rows);
bool clip_ungrab(struct clip *c, long *dc, long *dr);

/* The selection as a slot publishes it. */
struct client_sel clip_sel(const struct clip *c);

/*
 * Copy the selection's cells (as words: character, colours, attributes)
 * into the clipboard. The cells copied, or -1 with errno ENOMEM (the
 * clipboard is then as it was) or ENOENT (nothing selected).
 */
long clip_copy(struct clip *c, const struct board *b);

/* Erase every cell of the selection (delete). Cells changed, or -1 ENOENT. */
long clip_erase(struct clip *c, const struct board *b, unsigned author, struct clip_log *l);

/* Copy, then erase: cells erased, or -1 (errno as clip_copy; nothing erased then). */
long clip_cut(struct clip *c, const struct board *b, unsigned author, struct clip_log *l);

/*
 * Every cell of the selection gets cp in style (a wide cp two cells at a
 * time; a last column without room for its right half is left). Cells
 * changed, or -1 ENOENT.
 */
long clip_fill(struct clip *c, const struct board *b, uint32_t cp, unsigned style,
	       unsigned author, struct clip_log *l);

/*
 * The clipboard placed with its top left at (col, row), cut at the board's
 * edges; an empty cell of it empties the board's (the rectangle is placed
 * whole). Cells changed, or -1 ENOENT when the clipboard is empty.
 */
long clip_paste(const struct clip *c, const struct board *b, uint32_t col, uint32_t row,
		unsigned author, struct clip_log *l);

/*
 * Move the selection and what it holds by (dc, dr), kept whole on the
 * board: the cells it leaves are emptied, the clipboard is not touched.
 * Cells changed (0 when it could not move that way), or -1 with ENOENT or
 * ENOMEM.
 */
long clip_move(struct clip *c, const struct board *b, long dc, long dr, unsigned author,
	       struct clip_log *l);

/* The preview on (false when the clipboard is empty) or off. */
bool clip_preview(struct clip *c, bool on);

/*
 * The clipboard's word that a preview at (col, row) shows over board cell
 * (x, y); false when the cell is outside it (or no preview is on).
 */
bool clip_preview_at(const struct clip *c, uint32_t col, uint32_t row, uint32_t x, uint32_t y,
		     uint64_t *word);

/* While a drag moves the selection: the word shown over board cell (x, y) where it is now. */
bool clip_moving_at(const struct clip *c, uint32_t x, uint32_t y, uint64_t *word);

/*
 * The clipboard as UTF-8 text, for the terminal's clipboard: one line per
 * row, trailing blanks cut, an empty cell a space, a right half nothing,
 * a character a cell may not hold U+FFFD; rows end in "\n" but the last.
 */
void clip_text(const struct clip *c, struct strbuf *out);

#endif
