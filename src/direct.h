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
 * attributes and the character set back where ncurses left them. The same
 * cells are copied into ncurses' picture of the terminal (curscr), so the
 * next ordinary frame finds them already shown and writes nothing for them.
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

/* The canvas window's cell (y, x) was written in this frame. */
void direct_note(int y, int x);

/*
 * Write the noted cells of window win ourselves when the frame may go
 * direct (eligible: the canvas changed and no window is over it) and the
 * terminal allows it; they are copied into curscr, so a doupdate after
 * (for the other windows this frame changed) sends only those. True when
 * done: a frame that changed nothing else skips doupdate. False: nothing
 * was written, call doupdate. The noted cells are forgotten either way.
 */
bool direct_flush(WINDOW *win, bool eligible);

#endif
