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

#include "board.h"
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
 * 1). A blank cell without background keeps the style before it.
 * 0, or -1 when memory ran out.
 */
int dump_text(const struct board *b, struct strbuf *out, bool ansi);

#endif
