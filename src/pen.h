/*
 * pen.h - the cursor and the drawing tools (text, brush, line, box,
 * eraser, fill, select: the pen only moves its cursor), as one table of tool behaviours: what typing, a step of
 * the cursor, a mouse press, a drag, a release and Enter do with each
 * tool; the line's style and arrows (lines.c's), the brush chosen.
 *
 * No curses. The pen draws on a struct pen_paper: the board it reads
 * (for its size and what is there), the board it may write (NULL when
 * this client may not draw now), and the colour and author of its ink.
 * Every operation returns PEN_* bits saying what happened; the caller
 * publishes the cursor, notifies the others and shows the pen's note.
 * Only pen.c writes a struct pen (its line, a struct lines, through
 * lines.c; the grapheme typed, a struct typing, through typing.c).
 */
#ifndef PIZARRA_PEN_H
#define PIZARRA_PEN_H

#include <stdbool.h>
#include <stdint.h>

#include "board.h"
#include "lines.h"
#include "typing.h"

enum pen_tool_id {
	PEN_TEXT,
	PEN_BRUSH,
	PEN_LINE,
	PEN_BOX,
	PEN_ERASER,
	PEN_FILL,
	PEN_SELECT,      /* marks a rectangle: clip.c's, through the selection's actions */
	PEN_NTOOLS
};

/* What an operation did (bits). */
#define PEN_CELLS    1u    /* cells were written: notify the others */
#define PEN_CURSOR   2u    /* the cursor may have moved: publish it */
#define PEN_NOTE     4u    /* the pen has a note for the user (pen->note) */
#define PEN_REFUSED  8u    /* it had to draw and may not (paper.ink NULL) */
#define PEN_DONE    16u    /* a box was drawn or given up: its hint may go */

struct pen_paper {
	const struct board *view;    /* what is shown (size, contents); NULL: nothing */
	const struct board *ink;     /* where to write; NULL: may not draw now */
	unsigned colour, author;     /* of what is written */
};

struct pen {
	enum pen_tool_id tool;
	uint32_t col, row;           /* the cursor, on the board */
	uint32_t line_start;         /* column Enter returns to */
	uint32_t brush;              /* the brush's character */
	bool anchor_set;             /* box: first corner chosen */
	uint32_t anchor_col, anchor_row;
	bool down;                   /* the mouse button is held */
	bool at_edge;                /* the last character typed filled the row's last cell */
	struct lines line;           /* line: the exact directions of the last cell drawn */
	char note[256];              /* what the last operation wants said */
	bool note_warn;
	struct typing typed;         /* the grapheme being typed, as several characters */
};

/* A pen at 0,0 with the text tool; the brush is a full block, or # without UTF-8. */
void pen_init(struct pen *p, bool utf8);

/* The name of a tool ("TEXT", "BRUSH"...). */
const char *pen_tool_name(enum pen_tool_id t);

/* Put the cursor at (col, row) without drawing (a client starting out). */
void pen_place(struct pen *p, uint32_t col, uint32_t row);

/* Choose the next tool (cancels a box's corner). */
unsigned pen_next_tool(struct pen *p);

/* The next line and box style (single, double, heavy, rounded, ASCII); arrows on or off. */
void pen_next_style(struct pen *p);
void pen_toggle_arrows(struct pen *p);

/* The style the tool draws lines in (enum lines_style), -1 when it draws none. */
int pen_style(const struct pen *p);

/*
 * cp, chosen from the glyph picker, becomes the brush; the tool becomes the
 * brush unless it is the fill, which fills with the brush. False (nothing
 * changed) when no cell can hold cp.
 */
bool pen_pick(struct pen *p, uint32_t cp);

/*
 * The fill: the region under the cursor (fill.h: the cells joined to it
 * through their four neighbours that look the same) gets the brush in the
 * paper's colour, as one operation. Enter and a press do it with the
 * fill tool; this is its one entry point (an undo wraps it).
 */
unsigned pen_fill(struct pen *p, const struct pen_paper *pp);

/* Move the cursor by (dc, dr), clamped to the board, using the tool on the way. */
unsigned pen_move(struct pen *p, const struct pen_paper *pp, long dc, long dr);

/*
 * Type one printable character at the cursor (the brush tool takes it as
 * its brush). A character that continues the grapheme typed just before
 * (a combining mark, a variation selector, the rest of a ZWJ sequence:
 * grapheme.h), with the cursor still where that left it, joins it: the
 * cell is redrawn with what the cluster is now (e then U+0301 is é, a
 * selector changes nothing), or emptied when the cluster can no longer be
 * one cell, with a note saying why.
 */
unsigned pen_type(struct pen *p, const struct pen_paper *pp, uint32_t cp);

/* Leave a note for the caller to show (printf-style); returns PEN_NOTE. */
unsigned pen_note(struct pen *p, bool warn, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Backspace: step left (over a whole wide character) and erase. */
unsigned pen_backspace(struct pen *p, const struct pen_paper *pp);

/* Delete: erase the cell under the cursor. */
unsigned pen_delete(struct pen *p, const struct pen_paper *pp);

/* Enter: the box tool's corner (first, then the box), else the start of the next line. */
unsigned pen_enter(struct pen *p, const struct pen_paper *pp);

/* Esc: cancel a box's first corner. */
unsigned pen_escape(struct pen *p);

/* The mouse button went down on board cell (col, row). */
unsigned pen_press(struct pen *p, const struct pen_paper *pp, uint32_t col, uint32_t row);

/* The pointer moved to (col, row) with the button held. */
unsigned pen_drag(struct pen *p, const struct pen_paper *pp, uint32_t col, uint32_t row);

/* The button came up on (col, row): finish the stroke (a dragged box is drawn). */
unsigned pen_release(struct pen *p, const struct pen_paper *pp, uint32_t col, uint32_t row);

/* The button came up outside the board's view: the stroke ends where it was. */
void pen_lift(struct pen *p);

#endif
