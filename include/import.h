/*
 * import.h - text with colours onto a board: text with ANSI colour
 * sequences (what `dump --ansi` writes) taken apart into its characters
 * and their styles (cell_style: colours and attributes), and such a text
 * loaded as the whole board or placed as a block at a position, keeping
 * the rest of the board.
 *
 * The characters follow the rules of text_load (board.h): strict UTF-8,
 * lines end with \n (\r\n accepted), a tab goes to the next multiple of 8
 * columns from the block's left edge, every grapheme one cell. Of the
 * escape sequences only SGR (ESC [ ... m) is taken, and of its parameters
 * those a cell can hold, both colours and the attributes, so that what
 * `dump --ansi` writes loads back as the very same styles:
 *
 *   0 (and an empty parameter)      everything back to the default
 *   1, 3, 4, 7 / 22, 23, 24, 27     bold, italic, underline, reverse on / off
 *   30..37 / 40..47                 foreground / background 0..7 (black, 30
 *                                   or 40, is CELL_BLACK: 0 is the default)
 *   90..97 / 100..107               foreground / background 8..15
 *   39 / 49                         the default foreground / background
 *   38;5;N / 48;5;N (N 0..255)      colour N itself (0, black, is CELL_BLACK)
 *   38;2;R;G;B / 48;2;R;G;B         the nearest of xterm's 256 by RGB
 *                                   (import_colour_rgb)
 *
 * Any other escape, SGR parameter or control character is refused with
 * the line and column where it is, and nothing is written: every check is
 * made before the first cell changes. No curses, no printing.
 */
#ifndef PIZARRA_IMPORT_H
#define PIZARRA_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "pzerr.h"
#include "textscan.h"

/* A text and the style of each of its bytes. */
struct import_text {
	const char *text;        /* the characters, escapes taken out */
	size_t len;
	uint32_t *styles;        /* styles[i]: the cell_style of text[i]; NULL: all the default */
	char *buf;               /* what import_ansi allocated (text points into it) */
};

/* A text without colours (not copied: text must outlive t). */
void import_plain(struct import_text *t, const char *text, size_t len);

/*
 * Take the ANSI text in[0..len) apart into t (freed with import_free).
 * Returns 0, or -1 with e naming the line and column of the first
 * sequence that is not a colour (t is then empty); the characters are
 * checked later, by import_shape.
 */
int import_ansi(struct import_text *t, const char *in, size_t len, struct pzerr *e);

/* Free what import_ansi allocated; t is empty afterwards. */
void import_free(struct import_text *t);

/*
 * Check the characters of t (textscan_feed, lines wider than max_cols
 * noted) and measure it into sc: 0, or -1 with e naming the line and
 * column of the first character a board cannot hold.
 */
int import_shape(const struct import_text *t, uint32_t max_cols, struct textscan *sc,
		 struct pzerr *e);

/* The cell colour of xterm colour n (0..255, masked): n itself, but 0 (black) is CELL_BLACK. */
unsigned import_colour_256(unsigned n);

/*
 * The cell colour nearest to an RGB colour among xterm's 256 (palette.h),
 * by squared distance: the cube and the greys (16..255) first, as they
 * look the same on every terminal, then 1..15 only where strictly nearer.
 * Never 0 (the default): black is CELL_BLACK.
 */
unsigned import_colour_rgb(unsigned r, unsigned g, unsigned b);

/*
 * Place t as a block whose top left is (col, row): the cells its
 * characters fall on change (a space blanks its cell), everything else
 * keeps its content (the ends of shorter lines, what tabs skip). All of
 * it must fit on the board from there: otherwise -1 with ERANGE (a
 * position outside the board) or EFBIG (the columns or rows it would
 * need) in e, and nothing is written. Author 0. Does not notify.
 */
int import_place(const struct board *b, uint32_t col, uint32_t row, const struct import_text *t,
		 struct pzerr *e);

/*
 * Replace the whole board with t, as text_load does with a text without
 * colours: checked first (nothing written on a problem, EFBIG when it does
 * not fit), every other cell empty. Author 0. Does not notify.
 */
int import_load(const struct board *b, const struct import_text *t, struct pzerr *e);

#endif
