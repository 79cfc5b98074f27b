/*
 * direct.h - a frame of a few canvas cells written to the terminal by
 * pizarra itself, not by ncurses' doupdate.
 *
 * A remote keystroke changes two or three cells of the canvas (the letter,
 * the typist's cursor mark beside it) and nothing else on the screen. For
 * that, doupdate compares whole screen lines and formats cursor motions and
 * colours through terminfo: most of a watcher's own work per keystroke
 * (docs/performance.md, "Where the time goes at N = 32"). A direct frame
 * writes the cells' bytes in one write(): DECSC, then for each cell a cup,
 * its SGR and its character, then DECRC, which puts the cursor, the
 * attributes and the character set back where ncurses left them. The
 * cells are held back from ncurses while the frame is drawn (direct_put),
 * so a remote keystroke touches none of ncurses' memory: they go into the
 * canvas window and ncurses' picture of the terminal (curscr) at the next
 * ordinary frame (a tick, a key: direct_settle), which then finds them
 * already shown and writes nothing for them. A wake-up's cost here is the
 * memory it touches after the vCPU slept (docs/performance.md, "A remote
 * keystroke timed").
 *
 * Only where that is exact: a terminal whose save and restore are DECSC and
 * DECRC (xterm, tmux, screen, the Linux console, VTE, vt100), that has no
 * no_color_video rule, a frame of at most DIRECT_MAX cells with only the
 * attributes written here (bold, dim, underline, reverse, italic, a colour
 * pair), printable characters, and the terminal's cursor already where the
 * frame wants it (or hidden, newscr leaveok). Anything else goes through
 * doupdate, as before.
 */
#ifndef PIZARRA_DIRECT_H
#define PIZARRA_DIRECT_H

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <stdbool.h>

/* The most cells a direct frame writes; a frame with more goes through doupdate. */
#define DIRECT_MAX 32

/*
 * Read the terminal's strings, once ncurses has started (newterm). With
 * PIZARRA_DIRECT=off in the environment, every frame goes through doupdate
 * (to compare the two).
 */
void direct_init(void);

/*
 * Begin a frame of canvas window win whose cells are held back
 * (direct_put) to leave directly: true when the terminal allows it and its
 * cursor is where ncurses' next frame wants it (or hidden: newscr
 * leaveok). False: nothing is held, cells go into the window as usual.
 */
bool direct_begin(WINDOW *win);

/* True while a frame's cells are held back (the window has not got them). */
bool direct_holding(void);

/*
 * Cell cc at (y, x) of the canvas window win: held back while a frame is
 * (up to DIRECT_MAX cells; one more puts the held ones and the rest into
 * the window, and the frame goes through doupdate), else into the window.
 */
void direct_put(WINDOW *win, int y, int x, const cchar_t *cc);

/*
 * End the held frame. When every cell is one a direct frame may carry,
 * the cells leave in one write() and are kept as shown but not yet in
 * ncurses (its window, newscr, curscr) until direct_settle: true. Else
 * they go into the window, which is queued (wnoutrefresh) for doupdate:
 * false. A frame that spilled (direct_put) is false too.
 */
bool direct_end(void);

/*
 * Tell ncurses what direct frames showed: their cells into the canvas
 * window, newscr (wnoutrefresh, the cursor ncurses wants kept) and
 * curscr, so that its next doupdate neither writes them again nor draws
 * what was there before over them. Before every frame through ncurses,
 * every full repaint, and before the canvas window goes; a held frame is
 * put into the window first. Nothing to do is a test of a counter.
 */
void direct_settle(void);

#endif
