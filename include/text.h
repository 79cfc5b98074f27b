/*
 * text.h - UTF-8 text written onto a board: at a place (text_put, refused
 * whole when it does not fit), as a block a paste lays down (text_place,
 * clipped and counted), or as the whole board (text_load). The text is
 * checked by textscan.h's rules first (strict UTF-8, no controls but
 * newlines and tabs, every grapheme cluster one cell) and nothing is
 * written when it fails: the error names the line and column. Cells are
 * written with board.h's writers (wide characters kept whole, every
 * cell's write counter bumped). No operation here notifies: the writer
 * calls notify_bump once after it.
 */
#ifndef PIZARRA_TEXT_H
#define PIZARRA_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "pzerr.h"

/*
 * Write UTF-8 text starting at (col, row); a newline continues at col on the
 * next row. Validates everything first and writes nothing on error. Does
 * not notify: call notify_bump after it.
 */
int text_put(const struct board *b, uint32_t col, uint32_t row, const char *text,
	     size_t len, unsigned colour, unsigned author, struct pzerr *e);

/* What text_place wrote and what it left out. */
struct text_placed {
	uint32_t height;       /* lines of the text, up to the last one with a character (not
	                        * "lines": curses' term.h makes that a macro) */
	uint32_t cells;        /* characters written */
	uint32_t dropped;      /* characters outside the board, not written */
	uint32_t end_col;      /* where the text ends (the cell after its last character, */
	uint32_t end_row;      /* or the left edge of the line after a final newline); may be off the board */
};

/*
 * Place UTF-8 text as a block whose top left is (col, row), as a paste
 * does: every line starts at col, a tab goes to the next multiple of 8
 * columns from col, and "\r\n", "\r" and "\n" each end a line. What
 * falls outside the board (a character that does not fit right of the
 * last column, a line below the last row) is dropped and counted in
 * out->dropped, not refused. All of the text is checked first, with the
 * rules of text_put (strict UTF-8, no controls but newlines and tabs,
 * every grapheme one cell): on a problem nothing is written and e names
 * the line and column. Does not notify: call notify_bump after it.
 */
int text_place(const struct board *b, uint32_t col, uint32_t row, const char *text, size_t len,
		unsigned colour, unsigned author, struct text_placed *out, struct pzerr *e);

/* text_place that tells log (when not NULL) every change it writes. */
int text_place_log(const struct board *b, uint32_t col, uint32_t row, const char *text, size_t len,
		    unsigned colour, unsigned author, struct text_placed *out, board_log_fn *log,
		    void *log_arg, struct pzerr *e);

/*
 * Replace the whole board with UTF-8 text (lines separated by \n, \r\n
 * accepted, tabs expanded to 8). Validates the whole text first (UTF-8,
 * drawable characters, every line and the line count fit) and changes
 * nothing if it is invalid: e names the line and column. Every cell is
 * written with board_write's counter bump. Does not notify: call
 * notify_bump after it.
 */
int text_load(const struct board *b, const char *text, size_t len, struct pzerr *e);

#endif
