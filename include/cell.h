/*
 * cell.h - one board cell: a 32-bit word holding a character, a colour and
 * the slot of the client who drew it.
 *
 *   bits  0..20  Unicode code point (0 = empty cell)
 *   bits 21..24  colour index 0..15: 0 is the terminal's default colour,
 *                n is ANSI/xterm colour n (1 red ... 7 white, 8..15 bright)
 *   bits 25..31  author: 0 = nobody (scripts, load), n = client slot n-1
 *
 * A word is read and written with one 32-bit atomic access, so a cell never
 * tears. A character two columns wide occupies its cell and the next one,
 * which holds CELL_CONT. Words come from shared memory: anything may be in
 * them, so every accessor here is total and the classifiers say what is safe
 * to show.
 */
#ifndef PIZARRA_CELL_H
#define PIZARRA_CELL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CELL_EMPTY      0u
#define CELL_CONT       0x110000u      /* right half of a wide character */
#define CELL_CP_MASK    0x1FFFFFu
#define CELL_COLOURS    16             /* colour indexes 0..15 */
#define CELL_AUTHORS    128            /* author field values 0..127 */

/* Build a cell word; out-of-range parts are masked. */
uint32_t cell_make(uint32_t cp, unsigned colour, unsigned author);

/* The code point field (may be anything, including control characters). */
uint32_t cell_cp(uint32_t cell);

/* The colour index 0..15. */
unsigned cell_colour(uint32_t cell);

/* The author field 0..127 (0 = nobody, n = slot n-1). */
unsigned cell_author(uint32_t cell);

/*
 * Columns cp takes on a terminal: 1 or 2 for a character pizarra can place
 * in a cell, 0 for anything else: controls C0/C1/DEL, surrogates, above
 * U+10FFFF, unassigned, format characters (Cf), line and paragraph
 * separators, combining marks (Mn, Mc, Me), and every code point that
 * joins the grapheme before or after it (UAX #29: variation selectors,
 * emoji modifiers, ZWJ, spacing and prepended marks, regional indicators,
 * Hangul jamo), so that no two cells ever read as one grapheme. Widths are
 * utf8proc's (Unicode 15.0 with utf8proc 2.8); they do not depend on the
 * process locale.
 */
int cell_width(uint32_t cp);

/* The Unicode version of the widths and grapheme rules ("15.0.0"), utf8proc's. */
const char *cell_unicode_version(void);

/* The utf8proc release that gives them ("2.8.0"). */
const char *cell_utf8proc_version(void);

/* True when cp is a character a cell may hold and a terminal may be sent. */
bool cell_drawable(uint32_t cp);

/*
 * Columns the UTF-8 text s takes on a terminal: each character's width
 * as utf8proc gives it (0 for controls, combining and other zero-width
 * characters; a mark a cell cannot hold alone still counts its columns),
 * and 1 for each byte that is not valid UTF-8. For laying out messages by what the
 * eye sees, not by bytes.
 */
int cell_columns(const char *s);

/*
 * How many bytes of s fit in cols columns, cut at a whole character (as
 * cell_columns counts them); *used (when not NULL) gets the columns those
 * bytes take. What waddnstr(win, s, cols) would do to ASCII, for text in
 * any language: waddnstr(win, s, cell_fit(s, cols, NULL)).
 */
int cell_fit(const char *s, int cols, int *used);

#endif
