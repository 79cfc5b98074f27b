/*
 * textscan.h - the text a board takes, walked as board lines without any
 * board: every character checked (strict UTF-8, no controls but newlines
 * and tabs, every grapheme cluster one cell, grapheme.h), the shape
 * measured (the lines it needs, its widest line, its first line wider than
 * a limit), and each character handed with its line and column to a
 * visitor, which is how text_put, text_place and text_load draw.
 *
 * The rules: a newline ends a line, "\r\n" is one newline (text_place
 * turns a lone "\r" into one before it walks), a tab goes to the next
 * multiple of TEXTSCAN_TAB columns, a line's width ends at its last
 * character. Column counts saturate far beyond any board rather than wrap.
 * Errors name the line and the column within it, and the byte of the line
 * for invalid UTF-8.
 */
#ifndef PIZARRA_TEXTSCAN_H
#define PIZARRA_TEXTSCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pzerr.h"

#define TEXTSCAN_TAB 8   /* a tab goes to the next multiple of this many columns */

/*
 * Check that UTF-8 text (as text_load and text_put take it) is valid and
 * fits max_cols x max_rows, without any board. Returns 0 or -1 with e
 * naming the line and column of the first problem.
 */
int textscan_check(const char *text, size_t len, uint32_t max_cols, uint32_t max_rows,
		   struct pzerr *e);

/*
 * A text walked in pieces as it is read (a file, say), so that a reader
 * can stop at the first byte a board cannot hold, or as soon as the text
 * is larger than any board, instead of reading all of it first. The same
 * rules as textscan_check; the fields say the shape so far. (No field is
 * called lines or columns: curses' term.h defines those as macros.)
 */
struct textscan {
	uint32_t max_cols;     /* lines wider than this are noted in wide_line */
	uint32_t line;         /* 0-based line of the next character */
	uint32_t col;          /* its column, tabs expanded */
	uint32_t end;          /* the width of this line so far */
	uint32_t height;       /* lines up to the last one with a character */
	uint32_t width;        /* the widest line that ended so far, in columns */
	uint32_t wide_line;    /* 1-based first line wider than max_cols, 0 none */
	uint32_t wide_width;   /* its width */
	size_t line_byte;      /* bytes of this line walked so far */
	size_t done;           /* bytes walked in all */
};

/* Start a scan of a new text. */
void textscan_init(struct textscan *sc, uint32_t max_cols);

/*
 * Walk the next len bytes of the text. Unless final (the end of the text),
 * a character cut by the end of what was given is left over: *used says
 * how many bytes were walked, and the caller passes the rest again with
 * more. Returns 0, or -1 with e naming the line and the column within it
 * (invalid UTF-8, a character a board cannot hold); *used is then where
 * the problem is.
 */
int textscan_feed(struct textscan *sc, const char *text, size_t len, bool final,
		  size_t *used, struct pzerr *e);

/* Called for a character at (line, col) of the text, both 0-based; cp as a cell holds it. */
typedef void (*textscan_visit_fn)(uint32_t line, uint32_t col, uint32_t cp, void *arg);

/*
 * textscan_feed that also calls fn (when not NULL) with arg for every
 * character that fits within sc->max_cols (columns col to col + its width
 * within 0..max_cols), in the order of the text. A character left over
 * (not final) is not visited until it is walked.
 */
int textscan_run(struct textscan *sc, const char *text, size_t len, bool final, size_t *used,
		 textscan_visit_fn fn, void *arg, struct pzerr *e);

/* The shape of a whole text: the lines it needs, and its first line wider than a limit. */
struct textscan_shape {
	uint32_t lines;        /* up to the last line with a character */
	uint32_t wide_line;    /* 1-based first line wider than the limit, 0 none */
	uint32_t wide_width;   /* that line's width in columns */
};

/*
 * The whole of a text at once (final), limit max_cols: its shape in
 * shape, fn (when not NULL) called as textscan_run calls it. Returns 0 or
 * -1 with e as textscan_feed.
 */
int textscan_walk(const char *text, size_t len, uint32_t max_cols,
		  struct textscan_shape *shape, textscan_visit_fn fn, void *arg, struct pzerr *e);

#endif
