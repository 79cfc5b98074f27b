/*
 * dump.h - the board as UTF-8 text, plain or with ANSI colour sequences:
 * what `pizarra dump` and `dump --ansi` print and F6 saves as .txt and
 * .ans, and what `load` and `load --ansi` read back (import.h).
 *
 * One line per row, trailing blanks and trailing empty rows trimmed (a
 * space with a background, underline or reverse is no blank), a cell that
 * cannot be shown as U+FFFD, a wide character without its right half as
 * U+FFFD and an orphan right half as a space. Never copies a control
 * character from the segment. No curses, no printing.
 */
#ifndef PIZARRA_DUMP_H
#define PIZARRA_DUMP_H

#include <stdbool.h>
#include <stdint.h>

#include "board.h"
#include "cell.h"
#include "strbuf.h"

/*
 * Append the board as UTF-8 text (above). With ansi, style changes are
 * marked with SGR sequences, reset at the end of each line: "\e[0m" for
 * the default style; otherwise "\e[" then "0;" when an attribute or
 * background of the style before must go, then 1 bold, 3 italic, 4
 * underline, 7 reverse, the foreground (30+n for 1..7, 90+n-8 for 8..15,
 * 38;5;n for 16..255, 39 for the default after another), the background
 * (40+n, 100+n-8, 48;5;n; none for the default), separated by ";", then
 * "m" (a foreground 1..15 alone is "\e[3Nm" or "\e[9Nm", as in version
 * 1). A blank (dump_blank) shows in the style before it, less what would
 * show on a blank (DUMP_BLANK_KEEPS), so `load --ansi` gives every cell
 * that is not blank its very style back and leaves every blank blank.
 * 0, or -1 when memory ran out.
 */
int dump_text(const struct board *b, struct strbuf *out, bool ansi);

/* What a row shows in one place: a character over one or two columns, in a style. */
struct dump_glyph {
	uint32_t col;          /* its first column */
	uint32_t cp;           /* what is shown: ' ' for a blank, U+FFFD for what cannot be */
	unsigned width;        /* columns: 1 or 2 */
	unsigned style;        /* cell_style; a blank's is the style before it, masked */
};

/* The parts of a style a blank keeps from the one before it: foreground, bold, italic. */
#define DUMP_BLANK_KEEPS   (0xFFu | (CELL_BOLD | CELL_ITALIC) << 16)

/*
 * True when a cell shows nothing: empty or a space, without a background,
 * underline or reverse (any other cell is shown, and ends no row early).
 */
bool dump_blank(uint64_t cell);

/* The last column of row that is not blank, UINT32_MAX when there is none. */
uint32_t dump_row_last(const struct board *b, uint32_t row);

/*
 * Walk row up to and including column last (dump_row_last; UINT32_MAX:
 * nothing) into g (room for b->cols glyphs), as dump_text shows it; the
 * number of glyphs. The HTML and SVG writers (export.h) walk rows with it,
 * so every format shows the same text.
 */
uint32_t dump_row(const struct board *b, uint32_t row, uint32_t last, struct dump_glyph *g);

#endif
