/*
 * screen.c - the terminal. Everything that must be undone on the way out
 * (terminal modes, O_ASYNC on stdin, mouse tracking, the alternate screen)
 * is recorded here so that a fatal signal's handler can undo it with
 * async-signal-safe calls only (signals.c calls it). Terminal input wakes
 * the event loop through SIGIO (stdin in O_ASYNC, set here), which bumps a
 * process-local futex word (signals.c's) the loop sleeps on beside the
 * board's; the colours are look.c's, set up here once ncurses runs.
 */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "i18n.h"
#include "cell.h"
#include "cli.h"
#include "direct.h"
#include "look.h"
#include "screen.h"
#include "signals.h"
#include "utf8.h"

#define SCREEN_RESTORE "\033[?2004l\033[?1003l\033[?1006l\033[?1002l\033[?1000l\033[?25h\033[?1049l\033[0m"
#define SCREEN_PASTE_ON  "\033[?2004h"    /* bracketed paste: ESC [ 200 ~ text ESC [ 201 ~ */
#define SCREEN_PASTE_OFF "\033[?2004l"

static struct termios screen_saved_tio;
static bool screen_have_tio;
static int screen_stdin_flags = -1;            /* stdin's file status flags before O_ASYNC */
static WINDOW *screen_windows[SCREEN_NAREAS];
static bool screen_is_utf8, screen_small, screen_sidebar_on;
static bool screen_sgr_mouse;                  /* ncurses decodes SGR (1006) mouse reports */
static bool screen_ended;                      /* screen_end gave the terminal back */

/* Write the restore sequence and the saved terminal modes (async-signal-safe). */
static void
screen_restore_raw(void)
{
	ssize_t r = write(STDOUT_FILENO, SCREEN_RESTORE, sizeof SCREEN_RESTORE - 1);

	(void)r;
	if (screen_stdin_flags != -1)
		fcntl(STDIN_FILENO, F_SETFL, screen_stdin_flags);
	if (screen_have_tio)
		tcsetattr(STDIN_FILENO, TCSANOW, &screen_saved_tio);
}

/* Ask the kernel for SIGIO when the terminal has input, and chain SIGWINCH. */
static void
screen_watch_input(void)
{
	signals_watch();
	screen_stdin_flags = fcntl(STDIN_FILENO, F_GETFL);
	if (screen_stdin_flags != -1 && fcntl(STDIN_FILENO, F_SETOWN, getpid()) == 0)
		fcntl(STDIN_FILENO, F_SETFL, screen_stdin_flags | O_ASYNC);
}

/* Install the handlers that always give the terminal back (signals.h), with ours. */
void
screen_install_signals(void)
{
	signals_install(screen_restore_raw);
}

/* True once a request to leave arrived. */
bool
screen_signalled(void)
{
	return signals_leave_asked();
}

/* The word the event loop sleeps on besides the board: it changes when input may wait. */
_Atomic uint32_t *
screen_input_word(void)
{
	return signals_word();
}

bool
screen_hung_up(void)
{
	struct pollfd p[2] = { { STDIN_FILENO, 0, 0 }, { STDOUT_FILENO, 0, 0 } };
	int i;

	if (poll(p, 2, 0) <= 0)
		return false;
	for (i = 0; i < 2; i++)
		if (p[i].revents & (POLLHUP | POLLERR | POLLNVAL))
			return true;
	return false;
}

/* Give the terminal back at exit() too. */
static void
screen_atexit(void)
{
	/* once screen_end gave the terminal back, what was written since stays
	 * (a second ESC [ ?1049 l would move the cursor back over it) */
	if (screen_ended)
		return;
	if (!isendwin())
		endwin();
	screen_restore_raw();
}

/*
 * Any-motion mouse tracking (1003), which ncurses does not ask for, in SGR
 * coordinates (1006) when ncurses decodes those (the terminal's XM turns
 * 1006 on, as xterm's does; tmux and screen entries keep X10). A terminal
 * keeps one tracking mode, and ncurses' own set-up (XM, 1000) replaces an
 * earlier 1003: this is written after ncurses has sent its own, that is
 * after a doupdate that left suspension (the first refresh, or after
 * Ctrl-Z). Not at all when ncurses reads no mouse here (TERM=vt100).
 */
static void
screen_motion_on(void)
{
	if (!has_mouse())
		return;
	fputs(screen_sgr_mouse ? "\033[?1003h\033[?1006h" : "\033[?1003h", stdout);
	fflush(stdout);
}

void
screen_send(const char *bytes, size_t n)
{
	fwrite(bytes, 1, n, stdout);
	fflush(stdout);
}

/* True when the terminal's XM capability (ncurses' mouse set-up) turns on SGR reports. */
static bool
screen_xm_sgr(void)
{
	const char *xm = tigetstr("XM");

	return xm != NULL && xm != (const char *)-1 && strstr(xm, "1006") != NULL;
}

/*
 * Before anything is written to the terminal: a terminal of a known type
 * that can move the cursor (terminfo's cup), or one line that says which
 * and how to fix it. setupterm() only reads the terminfo entry.
 */
int
screen_check(const char *opts)
{
	const char *term = getenv("TERM"), *cup;
	bool moves;
	int err = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error(_("the interactive board needs a terminal; use `pizarra%s dump` or "
		    "`pizarra%s put` from scripts"), opts, opts);
		return -1;
	}
	if (term == NULL || term[0] == '\0') {
		cli_error("%s", term == NULL ? _("TERM is not set: the board needs to know the "
		    "terminal's type to draw on it; set TERM to your terminal's type (e.g. "
		    "TERM=xterm-256color)") : _("TERM is empty: the board needs to know the "
		    "terminal's type to draw on it; set TERM to your terminal's type (e.g. "
		    "TERM=xterm-256color)"));
		return -1;
	}
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		if (err == -1)
			cli_error(_("TERM=%s: no terminfo database was found; install the Debian "
			    "package ncurses-base, or set TERMINFO"), term);
		else
			cli_error(_("the terminal type TERM=%s is unknown here (no terminfo entry, "
			    "or too generic to draw on): set TERM to your terminal's type (e.g. "
			    "TERM=xterm-256color)"), term);
		return -1;
	}
	cup = tigetstr("cup");
	moves = cup != NULL && cup != (const char *)-1;
	del_curterm(cur_term);
	if (!moves) {
		cli_error(_("TERM=%s cannot move the cursor: the board needs a terminal with cursor "
		    "addressing; run it in xterm, or set TERM=xterm-256color"), term);
		return -1;
	}
	return 0;
}

/* The terminal's modes, read once: after screen_probe they are the probe's, not the user's. */
static void
screen_read_modes(void)
{
	static bool done;

	if (!done)
		screen_have_tio = tcgetattr(STDIN_FILENO, &screen_saved_tio) == 0;
	done = true;
}

void
screen_probe(void)
{
	screen_read_modes();
	look_probe_start(screen_have_tio ? &screen_saved_tio : NULL);
}

void
screen_probe_end(void)
{
	screen_read_modes();
	look_probe_finish(screen_have_tio ? &screen_saved_tio : NULL);
}

/*
 * Cursor motions by cup and the single-step moves only. To choose a motion
 * ncurses formats every parametrised one it could use (vpa, hpa, cud, cuu,
 * cuf, cub) with tiparm, from several starting points, to compare their
 * lengths: for a remote keystroke's two moves that was the largest part of
 * doupdate (docs/performance.md, "Where the time goes at N = 32"). Without
 * them, a move is one cup (formatted once) or a few cuf1/cud1/cr: the
 * same screen, a byte or two more at most.
 */
static void
screen_plain_motion(void)
{
	if (cur_term == NULL || cursor_address == NULL)
		return;
	row_address = NULL;
	column_address = NULL;
	parm_down_cursor = NULL;
	parm_up_cursor = NULL;
	parm_right_cursor = NULL;
	parm_left_cursor = NULL;
}

int
screen_init(void)
{
	const char *cs = nl_langinfo(CODESET);

	screen_is_utf8 = cs != NULL && strcmp(cs, "UTF-8") == 0;
	/* With SIGTSTP ignored ncurses installs no handler of its own, and so
	 * does not wrap every doupdate in two sigaction calls; ^Z is ours. */
	signal(SIGTSTP, SIG_IGN);
	screen_probe_end();
	if (newterm(NULL, stdout, stdin) == NULL) {
		cli_error(_("cannot start the terminal (TERM=%s): set TERM to your terminal's type"),
		    getenv("TERM") ? getenv("TERM") : "");
		return -1;
	}
	atexit(screen_atexit);
	screen_plain_motion();
	direct_init();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	typeahead(-1);
	set_escdelay(25);
	look_start();
	mousemask(ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION, NULL);
	mouseinterval(0);
	screen_sgr_mouse = screen_xm_sgr();
	/* Until its first endwin, ncurses 6.4 flushes after every cursor move,
	 * so each frame would leave in several writes: leave and come back. */
	endwin();
	refresh();
	/* after ncurses' own set-up, which knows nothing of these; SCREEN_RESTORE undoes them */
	fputs(SCREEN_PASTE_ON, stdout);
	fflush(stdout);
	screen_motion_on();
	screen_watch_input();
	screen_sidebar_on = true;
	screen_layout();
	return 0;
}

/* Delete the layout's windows. */
static void
screen_drop_windows(void)
{
	int i;

	direct_settle();        /* direct.c keeps the canvas window's cells until then */
	for (i = 0; i < SCREEN_NAREAS; i++) {
		if (screen_windows[i] != NULL)
			delwin(screen_windows[i]);
		screen_windows[i] = NULL;
	}
}

void
screen_end(void)
{
	screen_drop_windows();
	fputs(SCREEN_PASTE_OFF, stdout);
	fputs("\033[?1003l", stdout);
	fflush(stdout);
	mousemask(0, NULL);
	endwin();
	screen_restore_raw();
	signal(SIGTSTP, SIG_DFL);
	screen_ended = true;
}

void
screen_leave(void)
{
	fputs(SCREEN_PASTE_OFF, stdout);
	fputs("\033[?1003l", stdout);
	fflush(stdout);
	def_prog_mode();
	endwin();
	if (screen_stdin_flags != -1)
		fcntl(STDIN_FILENO, F_SETFL, screen_stdin_flags);
}

void
screen_return(void)
{
	if (screen_stdin_flags != -1 && fcntl(STDIN_FILENO, F_SETOWN, getpid()) == 0)
		fcntl(STDIN_FILENO, F_SETFL, screen_stdin_flags | O_ASYNC);
	reset_prog_mode();
	fputs(SCREEN_PASTE_ON, stdout);
	fflush(stdout);
	direct_settle();        /* the repaint draws the window: it must hold what is shown */
	clearok(curscr, TRUE);
	/* the doupdate that leaves suspension sends ncurses' mouse set-up again */
	doupdate();
	screen_motion_on();
}

void
screen_suspend(void)
{
	screen_leave();
	kill(getpid(), SIGSTOP);
	screen_return();
}

void
screen_repaint(void)
{
	direct_settle();
	clearok(curscr, TRUE);
}

void
screen_layout(void)
{
	int sw = 0, i;

	screen_drop_windows();
	/* Keys are read through stdscr, and reading refreshes it when touched:
	 * queue it once now so it never paints blanks over the windows later. */
	werase(stdscr);
	wnoutrefresh(stdscr);
	screen_small = COLS < SCREEN_MIN_COLS || LINES < SCREEN_MIN_LINES;
	if (screen_small)
		return;
	if (screen_sidebar_on) {
		sw = COLS * 2 / 5;
		sw = sw < 30 ? 30 : sw > 42 ? 42 : sw;
	}
	screen_windows[SCREEN_CANVAS] = newwin(LINES - 2, COLS - sw, 0, 0);
	if (sw > 0)
		screen_windows[SCREEN_SIDEBAR] = newwin(LINES - 2, sw, 0, COLS - sw);
	screen_windows[SCREEN_STATUS] = newwin(1, COLS, LINES - 2, 0);
	screen_windows[SCREEN_KEYBAR] = newwin(1, COLS, LINES - 1, 0);
	for (i = 0; i < SCREEN_NAREAS; i++)
		if (screen_windows[i] != NULL)
			leaveok(screen_windows[i], FALSE);
	clearok(curscr, TRUE);
}

bool
screen_too_small(void)
{
	return screen_small;
}

WINDOW *
screen_window(enum screen_area a)
{
	return (unsigned)a < SCREEN_NAREAS ? screen_windows[a] : NULL;
}

int
screen_canvas_cols(void)
{
	return screen_windows[SCREEN_CANVAS] != NULL ? getmaxx(screen_windows[SCREEN_CANVAS]) : 0;
}

int
screen_canvas_rows(void)
{
	return screen_windows[SCREEN_CANVAS] != NULL ? getmaxy(screen_windows[SCREEN_CANVAS]) : 0;
}

void
screen_put_fit(WINDOW *w, const char *text, int room)
{
	const char *end = text;
	int cols = 0, n;
	uint32_t cp;

	if (room <= 0)
		return;
	if (cell_columns(text) <= room) {
		waddstr(w, text);
		return;
	}
	/* keep whole characters up to room - 1 columns, then the ellipsis */
	while (*end != '\0') {
		n = utf8_decode(end, strlen(end), &cp);
		if (n < 0) {
			n = 1;
			cp = '?';
		}
		if (cols + cell_width(cp) > room - 1)
			break;
		cols += cell_width(cp);
		end += n;
	}
	waddnstr(w, text, (int)(end - text));
	waddstr(w, screen_is_utf8 ? "\u2026" : "~");
}

void
screen_show_sidebar(bool on)
{
	screen_sidebar_on = on;
}

bool
screen_sidebar_shown(void)
{
	return screen_windows[SCREEN_SIDEBAR] != NULL;
}

bool
screen_utf8(void)
{
	return screen_is_utf8;
}

void
screen_draw_too_small(void)
{
	char msg[4][128];
	int i, y0 = LINES / 2 - 2, x;

	/* TRANSLATORS: four centred lines on a terminal that is too small,
	 * each at most 40 columns */
	snprintf(msg[0], sizeof msg[0], _("pizarra needs at least %dx%d;"), SCREEN_MIN_COLS,
	    SCREEN_MIN_LINES);
	snprintf(msg[1], sizeof msg[1], _("this terminal is %dx%d."), COLS, LINES);
	snprintf(msg[2], sizeof msg[2], "%s", _("Please enlarge it."));
	snprintf(msg[3], sizeof msg[3], "%s", _("(F10 quits; nothing is lost)"));
	erase();
	for (i = 0; i < 4; i++) {
		x = (COLS - cell_columns(msg[i])) / 2;
		if (y0 + i >= 0 && y0 + i < LINES)
			mvaddnstr(y0 + i, x < 0 ? 0 : x, msg[i], COLS);
	}
	wnoutrefresh(stdscr);
}

/* The colours are look.c's; the drawing files ask the screen, as for everything else. */
attr_t
screen_attr(enum look l)
{
	return look_attr(l);
}

bool
screen_ink_reads(unsigned colour)
{
	return look_ink_reads(colour);
}

attr_t
screen_ink(unsigned colour, bool cursor)
{
	return look_ink(colour, cursor);
}

attr_t
screen_cell(unsigned fg, unsigned bg, unsigned attrs)
{
	return look_cell(fg, bg, attrs);
}
