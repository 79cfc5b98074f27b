/*
 * look.h - colours by meaning (htop style) and the inks: one table of
 * looks, each with its colours and its fallback without colour (NO_COLOR,
 * or a terminal without eight colours), and the terminal's background,
 * asked before ncurses starts, which says which inks read on it.
 *
 * The state is one per process (the colour pairs are the terminal's), so
 * it lives in look.c; screen.c starts it and hands its answers on
 * (screen_attr, screen_ink), the drawing files ask screen.h.
 */
#ifndef PIZARRA_LOOK_H
#define PIZARRA_LOOK_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <curses.h>
#include <stdbool.h>

struct termios;   /* <termios.h> is look.c's: its CTRL() would clash with the key tables' */

/* Colours by meaning (htop style): one table, mono fallbacks included. */
enum look {
	LOOK_NORMAL,
	LOOK_TITLE,          /* sidebar section titles */
	LOOK_NAME,           /* field names */
	LOOK_VALUE,          /* field values */
	LOOK_CHANGED,        /* a value that just changed */
	LOOK_KEY,            /* key bar: the key */
	LOOK_KEYLABEL,       /* key bar: what it does */
	LOOK_STATUS,         /* status line */
	LOOK_MESSAGE,        /* status message */
	LOOK_WARNING,        /* warnings and banners */
	LOOK_OUTSIDE,        /* canvas area beyond the board's edge */
	LOOK_DETACHED,       /* the canvas while detached or distrusted */
	LOOK_PLACEHOLDER,    /* a cell that cannot be shown */
	LOOK_SYSCALL_FAIL,   /* failed call in the syscall log */
	LOOK_COUNT
};

/*
 * Before ncurses starts: the terminal's background, from its answer to
 * OSC 11 (saved: the terminal's modes; NULL when stdin is no terminal:
 * then only $COLORFGBG may tell). look_probe_start asks (once) and leaves
 * the terminal without ICANON and ECHO; look_probe_finish (which asks
 * first if nobody did) reads the answer, at most LOOK_PROBE_MS after the
 * question left, and puts saved's modes back. Every start is finished
 * before the program goes on without ncurses (an error, an exit).
 */
void look_probe_start(const struct termios *saved);
void look_probe_finish(const struct termios *saved);

/* After ncurses started: colour or not (NO_COLOR), the pairs of the looks and the inks. */
void look_start(void);

/* The attributes (colour pair included) for a meaning. */
attr_t look_attr(enum look l);

/*
 * True when ink colour 0..15 reads on this terminal's background (always
 * when the background is unknown or there is no colour).
 */
bool look_ink_reads(unsigned colour);

/* The attributes for ink colour 0..15, as a cursor (reverse) or not. */
attr_t look_ink(unsigned colour, bool cursor);

/*
 * The attributes of a board cell with foreground fg and background bg
 * (0..255, cell.h: 0 the terminal's own) and attribute bits attrs
 * (CELL_BOLD...): colours the terminal lacks become the nearest it has,
 * and without colour a background becomes reverse.
 */
attr_t look_cell(unsigned fg, unsigned bg, unsigned attrs);

#endif
