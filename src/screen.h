/*
 * screen.h - the terminal: ncurses set-up and tear-down, putting the
 * terminal back on every way out (fatal signals included), the signals
 * that wake the event loop, the colours by meaning (look.h's table, asked
 * through the screen), and the layout of the four windows (canvas,
 * sidebar, status line, key bar).
 *
 * Terminal state is one per process, so it lives in screen.c (as htop
 * keeps it in CRT.c): only screen.c writes it; the others ask for windows,
 * sizes and attributes.
 */
#ifndef PIZARRA_SCREEN_H
#define PIZARRA_SCREEN_H

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "look.h"

#define SCREEN_MIN_COLS   50
#define SCREEN_MIN_LINES  12

/* The windows of the layout. */
enum screen_area {
	SCREEN_CANVAS,
	SCREEN_SIDEBAR,      /* NULL when the sidebar is hidden */
	SCREEN_STATUS,
	SCREEN_KEYBAR,
	SCREEN_NAREAS
};

/*
 * Can the interactive board run here (a terminal of a known type)? Prints
 * why not; opts are the options that name the board, for the hint.
 */
int screen_check(const char *opts);

/*
 * Install the handlers that always give the terminal back: for every signal
 * whose default action ends the process (but KILL and STOP, and glibc's 32
 * and 33). The requests to leave (HUP, INT, TERM, QUIT, USR1, USR2, ALRM,
 * VTALRM, PROF, XCPU, XFSZ, PIPE, PWR, STKFLT, SIGRTMIN..SIGRTMAX) end the
 * event loop cleanly; the failures (SEGV, BUS, FPE, ILL, ABRT, TRAP, SYS)
 * put the terminal back in the handler and die of the signal.
 */
void screen_install_signals(void);

/* True once a request to leave arrived (see screen_install_signals). */
bool screen_signalled(void);

/*
 * True when the terminal went away: poll() reports POLLHUP, POLLERR or
 * POLLNVAL on standard input or output (a hung-up terminal, whose reads
 * give 0 or EIO). A client started in a session of its own (setsid) gets
 * no SIGHUP when its terminal closes; this is how it notices.
 */
bool screen_hung_up(void);

/* The word SIGIO (terminal input), SIGWINCH and the requests to leave bump. */
_Atomic uint32_t *screen_input_word(void);

/*
 * Ask the terminal for its background now (look_probe_start), so that its
 * answer travels while the caller opens the board; screen_init reads it.
 * A caller that stops before screen_init calls screen_probe_end, which
 * reads the answer and gives the terminal its modes back.
 */
void screen_probe(void);
void screen_probe_end(void);

/* Start ncurses, colours and the mouse, then lay out; 0 or -1 with a message printed. */
int screen_init(void);

/* Leave ncurses and put the terminal back. */
void screen_end(void);

/* Ctrl-Z: give the terminal back, stop until SIGCONT, take it again (redraw everything). */
void screen_suspend(void);

/*
 * Give the terminal back for a while (another program runs in it:
 * pizarra top opening a segment), and take it again after, redrawing
 * everything; screen_suspend is the two around a SIGSTOP.
 */
void screen_leave(void);
void screen_return(void);

/* Ctrl-L: repaint the whole terminal at the next doupdate. */
void screen_repaint(void);

/* (Re)create the windows for the terminal's current size. */
void screen_layout(void);

/* True when the terminal is smaller than the layout needs. */
bool screen_too_small(void);

/* Say the terminal is too small (queued for the next doupdate). */
void screen_draw_too_small(void);

/* A window of the layout (NULL when absent or the terminal is too small). */
WINDOW *screen_window(enum screen_area a);

/* The canvas's size in cells. */
int screen_canvas_cols(void);
int screen_canvas_rows(void);

/*
 * Write text at the window's cursor in at most room columns; text that
 * does not fit is cut at a character and ends in an ellipsis (… or ~).
 */
void screen_put_fit(WINDOW *w, const char *text, int room);

/* Show or hide the sidebar (the canvas gets the room); screen_layout applies it. */
void screen_show_sidebar(bool on);

/* True when the layout has a sidebar. */
bool screen_sidebar_shown(void);

/* True when the terminal's character set is UTF-8. */
bool screen_utf8(void);

/* The attributes (colour pair included) for a meaning (look.h's table). */
attr_t screen_attr(enum look l);

/*
 * True when ink colour 0..15 reads on this terminal's background (always
 * when the background is unknown or there is no colour).
 */
bool screen_ink_reads(unsigned colour);

/* The attributes for ink colour 0..15, as a cursor (reverse) or not. */
attr_t screen_ink(unsigned colour, bool cursor);

/* The attributes of a board cell's colours fg on bg (0..255) and attributes (look_cell). */
attr_t screen_cell(unsigned fg, unsigned bg, unsigned attrs);

/*
 * Write bytes to the terminal between frames, as they are (an OSC 52 for
 * the clipboard): nothing of ncurses' is half written then.
 */
void screen_send(const char *bytes, size_t n);

#endif
