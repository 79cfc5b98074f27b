/*
 * export.h - a board written out for other programs: plain text and text
 * with ANSI colours (as dump_text writes them), a standalone HTML page and
 * an SVG picture. Every writer works from a struct board (a live one or a
 * board_copy) and shows exactly what `pizarra dump` shows, cell for cell:
 * the same rows, trailing blanks and trailing empty rows left out, a cell
 * that cannot be shown as U+FFFD, a wide character over two columns (a
 * wide character without its right half as U+FFFD, an orphan right half as
 * a blank). No control character ever comes out of a cell, and &, <, >
 * and " are escaped where the format needs it.
 *
 * Styles are the cell's (cell_style_of), as dump_text shows them (a
 * blank in the style before it, masked: dump.h): colour 0 is the page's
 * own (its text colour #000000 as foreground, its background #ffffff),
 * 1..255 are drawn with xterm's default palette (palette.h), as inline
 * styles in HTML and fills in SVG, so that a page pasted elsewhere keeps
 * them. Reverse swaps the two colours (the page's own included). Bold,
 * italic and underline are font-weight:bold, font-style:italic and
 * text-decoration:underline (CSS in HTML, attributes of the same names in
 * SVG).
 *
 * HTML: <pre class="pizarra"> in a monospace font, one line per row, each
 * run of one style a <span style="...">, each wide character a
 * <span class="w"> two columns wide (display:inline-block; width:2ch), so
 * that columns stay aligned whatever font draws the wide character. As in
 * any <pre>, the newline right after the start tag is not part of the text.
 * A run's span has color:#rrggbb (a foreground not the page's) and
 * background-color:#rrggbb (a background not the page's).
 *
 * SVG: a grid of EXPORT_SVG_CELL_W x EXPORT_SVG_CELL_H user units per
 * cell, as large as what dump shows (at least one cell); under each run
 * of one background not the page's a <rect> of its cells filled with it;
 * one <text> per run (characters of one style and one width, spaces at its
 * ends left out unless underlined) at
 * x = its column * EXPORT_SVG_CELL_W, y = its row * EXPORT_SVG_CELL_H +
 * EXPORT_SVG_BASELINE, with textLength its columns' width, so a wide
 * character takes two columns in any font; xml:space="preserve",
 * font-family monospace.
 *
 * No curses, no printing: the writers append to a strbuf and return -1
 * when memory ran out (the strbuf's failed flag).
 */
#ifndef PIZARRA_EXPORT_H
#define PIZARRA_EXPORT_H

#include <stdbool.h>

#include "board.h"
#include "strbuf.h"

#define EXPORT_SVG_CELL_W    10   /* user units per column */
#define EXPORT_SVG_CELL_H    20   /* user units per row */
#define EXPORT_SVG_BASELINE  15   /* a row's baseline below its top */
#define EXPORT_SVG_FONT      16   /* font-size */

enum export_format {
	EXPORT_TEXT,           /* UTF-8 text, as `dump` */
	EXPORT_ANSI,           /* the same with SGR colour sequences, as `dump --ansi` */
	EXPORT_HTML,           /* a standalone HTML page */
	EXPORT_SVG,            /* an SVG picture */
};

/*
 * The format a file name asks for by its extension, in any case: .ans
 * ANSI, .html and .htm HTML, .svg SVG; .txt, any other extension and none
 * are text.
 */
enum export_format export_format_for(const char *path);

/* Append the board in format f. 0, or -1 when memory ran out. */
int export_write(const struct board *b, enum export_format f, struct strbuf *out);

/* Append the board as a standalone HTML page. 0, or -1 when memory ran out. */
int export_html(const struct board *b, struct strbuf *out);

/* Append the board as an SVG picture. 0, or -1 when memory ran out. */
int export_svg(const struct board *b, struct strbuf *out);

#endif
