/*
 * cell.h - one board cell: a 64-bit word holding a character, its
 * foreground and background colours, attributes, the slot of the client
 * who drew it, and a write counter.
 *
 *   bits  0..20  Unicode code point (0 = empty cell)
 *   bits 21..28  foreground colour 0..255 (cell_fg)
 *   bits 29..36  background colour 0..255 (cell_bg)
 *   bits 37..40  attributes: CELL_BOLD, CELL_UNDERLINE, CELL_REVERSE, CELL_ITALIC
 *   bits 41..47  author: 0 = nobody (scripts, load), n = client slot n-1
 *   bits 48..63  write counter 0..65535 (cell_counter), wrapping
 *
 * Colours, in either field: 0 is the terminal's default colour (its own
 * foreground, or its own background); 1..255 is xterm colour n itself, so
 * the 16 colours of version 1 (1 red ... 7 white, 8..15 bright) keep their
 * numbers. xterm colour 0 (black) has no number of its own: black is 16,
 * the first of the 6x6x6 cube (#000000), which a terminal with fewer than
 * 256 colours shows as its colour 0 (palette_nearest). CELL_COLOURS (16) is
 * what every colour terminal has; CELL_COLOURS_MAX (256) is the field.
 *
 * The write counter is what per-author undo compares: every writer of
 * the board model (board_draw, put, place, load, clear) stores
 * cell_next(old, value), the value with old's counter plus one, by a
 * compare-and-swap on the word, so any two words a cell holds in a row
 * differ, even when the same character is written back (the ABA case).
 * An undo restores a cell only when it still holds exactly the word its
 * stroke wrote (board_cas_cell). The counter wraps at 65536: a cell that
 * went back to the very word an undo expects must have been written a
 * multiple of 65536 times in between, and its last write must have had
 * the same character, colours, attributes and author (the undoer's own
 * slot), which no honest writer does by chance between a stroke and its
 * undo. A hostile writer can store any word anyway (see docs/security.md).
 *
 * Writers carry a cell's looks as one "style" (cell_style: foreground,
 * background and attributes in one unsigned); a style below 256 is a
 * foreground alone on the default background, so the colour indexes 0..15
 * of version 1 are styles as they are.
 *
 * A word is read and written with one 64-bit atomic access (lock-free,
 * board.h asserts it), so a cell never tears. A character two columns
 * wide occupies its cell and the next one, which holds CELL_CONT. Words
 * come from shared memory: anything may be in them, so every accessor
 * here is total and the classifiers say what is safe to show.
 */
#ifndef PIZARRA_CELL_H
#define PIZARRA_CELL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CELL_EMPTY      0u
#define CELL_CONT       0x110000u      /* right half of a wide character */
#define CELL_CP_MASK    0x1FFFFFu
#define CELL_COLOURS    16             /* the colours every colour terminal has: 0..15 */
#define CELL_COLOURS_MAX 256           /* colour field values 0..255 */
#define CELL_BLACK      16             /* black (xterm 16, #000000); 0 is the default colour */
#define CELL_AUTHORS    128            /* author field values 0..127 */
#define CELL_COUNTERS   65536          /* write counter values 0..65535 */

/* Attribute bits (cell_attrs, cell_style). */
#define CELL_BOLD       1u
#define CELL_UNDERLINE  2u
#define CELL_REVERSE    4u
#define CELL_ITALIC     8u
#define CELL_ATTRS      15u            /* all of them */

/* The fields' places in the word. */
#define CELL_FG_SHIFT      21
#define CELL_BG_SHIFT      29
#define CELL_ATTR_SHIFT    37
#define CELL_AUTHOR_SHIFT  41
#define CELL_COUNTER_SHIFT 48
#define CELL_COUNTER_MASK  ((uint64_t)0xFFFF << CELL_COUNTER_SHIFT)

/*
 * A style: foreground fg (bits 0..7), background bg (bits 8..15) and
 * attributes (bits 16..19) in one unsigned, each part masked. A style
 * below 256 is a foreground on the default background.
 */
unsigned cell_style(unsigned fg, unsigned bg, unsigned attrs);

/*
 * Build a cell word: code point cp, the style's colours and attributes,
 * author, write counter 0. Out-of-range parts are masked.
 */
uint64_t cell_make(uint32_t cp, unsigned style, unsigned author);

/* The code point field (may be anything, including control characters). */
uint32_t cell_cp(uint64_t cell);

/* The foreground colour 0..255 (0 = the terminal's default). */
unsigned cell_fg(uint64_t cell);

/* The same as cell_fg: the name version 1 had for its one colour. */
unsigned cell_colour(uint64_t cell);

/* The background colour 0..255 (0 = the terminal's default). */
unsigned cell_bg(uint64_t cell);

/* The attribute bits 0..15 (CELL_BOLD...). */
unsigned cell_attrs(uint64_t cell);

/* The cell's style (cell_style of its fg, bg and attributes). */
unsigned cell_style_of(uint64_t cell);

/* The author field 0..127 (0 = nobody, n = slot n-1). */
unsigned cell_author(uint64_t cell);

/* The write counter 0..65535. */
unsigned cell_counter(uint64_t cell);

/* The word without its write counter: what it shows and who wrote it. */
uint64_t cell_content(uint64_t cell);

/*
 * The word to store over old: value's content with old's counter plus
 * one (65535 wraps to 0). Every writer of the board model stores this.
 */
uint64_t cell_next(uint64_t old, uint64_t value);

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
