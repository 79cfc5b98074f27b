/*
 * typing.h - the grapheme being typed, no curses. A terminal delivers one
 * as several characters (e, then U+0301; ❤ then U+FE0F), so the pen keeps
 * the cluster so far here, with its cell and where the cursor was after
 * it, and while the next character continues it (the cursor still there,
 * the cell still holding what was written), the cell is redrawn with what
 * the cluster is now, or emptied when it can no longer be one cell, with
 * a note saying why.
 *
 * The pen's cursor and brush come in a struct typing_cursor, which
 * typing_grow moves and the pen takes back; notes are left in the struct
 * typing for the pen to show. Only typing.c writes a struct typing.
 */
#ifndef PIZARRA_TYPING_H
#define PIZARRA_TYPING_H

#include <stdbool.h>
#include <stdint.h>

#include "board.h"
#include "grapheme.h"

struct typing {
	struct grapheme g;           /* its code points (g.n 0: none) */
	uint32_t col, row;           /* its cell */
	uint32_t next_col;           /* the cursor after it, */
	bool edge;                   /* and at_edge */
	int tool;                    /* the pen's tool it was typed with */
	bool brush;                  /* that tool is the brush (the character becomes the brush) */
	uint32_t cp;                 /* what its cell holds for it now (0: nothing) */
	bool dead;                   /* the tool refused it (the edge): the rest is dropped */
	bool said;                   /* a refusal of it was said */
	char note[256];              /* what the last call wants said */
	bool note_warn;
};

/* The pen's cursor (at_edge: it filled the row's last cell) and its brush. */
struct typing_cursor {
	uint32_t col, row;
	bool at_edge;
	uint32_t brush;
};

/* What a call did (bits, the values of pen.h's PEN_CELLS, PEN_CURSOR, PEN_NOTE). */
#define TYPING_CELLS   1u    /* cells were written */
#define TYPING_CURSOR  2u    /* the cursor moved */
#define TYPING_NOTE    4u    /* there is a note (note, note_warn) */

/* There is no grapheme being typed any more (a paste came). */
void typing_forget(struct typing *t);

/*
 * True when cp joins the grapheme typed last, with the cursor c and the
 * pen's tool where that left them and its cell on ink still holding what
 * was written for it (the brush's cell is not looked at).
 */
bool typing_joins(struct typing *t, const struct typing_cursor *c, int tool,
		  const struct board *ink, uint32_t cp);

/*
 * A new grapheme, cp, at the cursor with the pen's tool (brush: it is the
 * brush); false when it cannot be one cell (typing_refuse says why).
 */
bool typing_start(struct typing *t, const struct typing_cursor *c, int tool, bool brush,
		  uint32_t cp);

/* The tool typed cp: remember what its cell holds for it (or drop the rest) and the cursor after. */
void typing_placed(struct typing *t, const struct typing_cursor *c, const struct board *ink,
		   uint32_t cp);

/* Remember where the cursor is after the grapheme. */
void typing_after(struct typing *t, const struct typing_cursor *c);

/* A note saying why the grapheme cannot be one cell, then more words; TYPING_NOTE. */
unsigned typing_refuse(struct typing *t, const char *then);

/*
 * The grapheme grew (typing_joins): draw what it is now in its cell on
 * ink (colour, author; the board cols wide) and move the cursor c after
 * it, or take it back; with the brush, the brush becomes it.
 */
unsigned typing_grow(struct typing *t, struct typing_cursor *c, const struct board *ink,
		     unsigned colour, unsigned author, uint32_t cols);

#endif
