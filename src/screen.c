/*
 * screen.c - the terminal. Everything that must be undone on the way out
 * (terminal modes, O_ASYNC on stdin, mouse tracking, the alternate screen)
 * is recorded here so that a fatal signal's handler can undo it with
 * async-signal-safe calls only. Terminal input wakes the event loop
 * through SIGIO, which bumps a process-local futex word the loop sleeps on
 * beside the board's; SIGWINCH is chained to ncurses' own handler.
 */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <poll.h>
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
#include "palette.h"
#include "screen.h"
#include "utf8.h"

#define SCREEN_PROBE_MS  300           /* the longest wait for the background's answer */
#define SCREEN_PAIR_BASE 32            /* pairs SCREEN_PAIR_BASE + n: ink colour n */
#define SCREEN_RESTORE "\033[?2004l\033[?1003l\033[?1006l\033[?1002l\033[?1000l\033[?25h\033[?1049l\033[0m"
#define SCREEN_PASTE_ON  "\033[?2004h"    /* bracketed paste: ESC [ 200 ~ text ESC [ 201 ~ */
#define SCREEN_PASTE_OFF "\033[?2004l"

/* One meaning's look: colours when available, attributes either way. */
struct screen_style {
	short fg, bg;
	attr_t attr;      /* with colour */
	attr_t mono;      /* without colour */
};

static const struct screen_style screen_looks[LOOK_COUNT] = {
	/*
	 * Readable on a light and a dark background alike: text in the
	 * terminal's own foreground (-1) wherever it can be, colours only as
	 * backgrounds under black or white text, and never bold over an
	 * explicit black or white (xterm's boldColors turns bold black grey).
	 */
	[LOOK_NORMAL] = { -1, -1, A_NORMAL, A_NORMAL },
	[LOOK_TITLE] = { COLOR_BLACK, COLOR_GREEN, A_NORMAL, A_REVERSE },
	[LOOK_NAME] = { -1, -1, A_NORMAL, A_NORMAL },
	[LOOK_VALUE] = { -1, -1, A_BOLD, A_BOLD },
	[LOOK_CHANGED] = { COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE },
	[LOOK_KEY] = { -1, -1, A_BOLD, A_BOLD },
	[LOOK_KEYLABEL] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[LOOK_STATUS] = { -1, -1, A_NORMAL, A_NORMAL },
	[LOOK_MESSAGE] = { -1, -1, A_BOLD, A_BOLD },
	[LOOK_WARNING] = { COLOR_WHITE, COLOR_RED, A_NORMAL, A_REVERSE | A_BOLD },
	[LOOK_OUTSIDE] = { -1, -1, A_DIM, A_DIM },
	[LOOK_DETACHED] = { -1, -1, A_DIM, A_DIM },
	[LOOK_PLACEHOLDER] = { COLOR_RED, -1, A_NORMAL, A_UNDERLINE },
	[LOOK_SYSCALL_FAIL] = { COLOR_RED, -1, A_NORMAL, A_UNDERLINE },
};

static struct termios screen_saved_tio;
static bool screen_have_tio;
static volatile sig_atomic_t screen_got_signal;
static _Atomic uint32_t screen_input;          /* bumped by SIGIO, SIGWINCH, leave signals */
static struct sigaction screen_curses_winch;   /* ncurses' own SIGWINCH handler */
static int screen_stdin_flags = -1;            /* stdin's file status flags before O_ASYNC */
static WINDOW *screen_windows[SCREEN_NAREAS];
static bool screen_is_utf8, screen_colour, screen_small, screen_sidebar_on;
static bool screen_sgr_mouse;                  /* ncurses decodes SGR (1006) mouse reports */
static int screen_pair_of[LOOK_COUNT];
static struct palette_rgb screen_bg;           /* the terminal's background, when it said */
static bool screen_bg_known;
static bool screen_ended;                      /* screen_end gave the terminal back */
static attr_t screen_attr_of[LOOK_COUNT];

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

/* The word the event loop sleeps on besides the board: it changes when input may wait. */
_Atomic uint32_t *
screen_input_word(void)
{
	return &screen_input;
}

/* SIGIO: the terminal has input; wake the event loop. */
static void
screen_on_io(int sig)
{
	(void)sig;
	atomic_fetch_add(&screen_input, 1);
}

/* SIGWINCH: wake the event loop, then let ncurses note the new size. */
static void
screen_on_winch(int sig, siginfo_t *info, void *ctx)
{
	atomic_fetch_add(&screen_input, 1);
	if (screen_curses_winch.sa_flags & SA_SIGINFO) {
		if (screen_curses_winch.sa_sigaction != NULL)
			screen_curses_winch.sa_sigaction(sig, info, ctx);
	} else if (screen_curses_winch.sa_handler != SIG_DFL &&
	    screen_curses_winch.sa_handler != SIG_IGN) {
		screen_curses_winch.sa_handler(sig);
	}
}

/* Ask the kernel for SIGIO when the terminal has input, and chain SIGWINCH. */
static void
screen_watch_input(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = screen_on_io;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGIO, &sa, NULL);
	sa.sa_sigaction = screen_on_winch;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	if (sigaction(SIGWINCH, &sa, &screen_curses_winch) != 0)
		memset(&screen_curses_winch, 0, sizeof screen_curses_winch);
	screen_stdin_flags = fcntl(STDIN_FILENO, F_GETFL);
	if (screen_stdin_flags != -1 && fcntl(STDIN_FILENO, F_SETOWN, getpid()) == 0)
		fcntl(STDIN_FILENO, F_SETFL, screen_stdin_flags | O_ASYNC);
}

/*
 * Every signal whose default action ends the process (all but KILL and STOP,
 * which cannot be caught; SIGIO is the input's, SIGWINCH the resize's) is
 * one of two kinds here:
 *
 * - a request to leave, from someone else or from a limit: the handler only
 *   records it and wakes the loop, which ends as F10 does (our slot
 *   released, shmdt, the terminal given back by screen_end, status 0). The
 *   program is intact, so the whole way out can run.
 * - the program itself failed (a fault, abort(), a trap, a forbidden system
 *   call): its state may be half-changed (inside malloc, inside ncurses), so
 *   the handler only puts the terminal back with async-signal-safe calls and
 *   dies of the same signal, so that the exit status and a core dump tell
 *   what happened; the others reap the slot within a second, as after
 *   kill -9. Such a handler returning to a faulting instruction would fault
 *   again, for ever, which is why these never try to go on.
 *
 * The real-time signals SIGRTMIN..SIGRTMAX are requests to leave. Signals
 * 32 and 33 are glibc's own (thread cancellation, setxid): sigaction
 * refuses them, so they keep their default action (docs/security.md).
 */
static const int screen_leave_sigs[] = {
	SIGHUP, SIGINT, SIGTERM, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
	SIGXCPU, SIGXFSZ, SIGPIPE,
#ifdef SIGPWR
	SIGPWR,
#endif
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
};
static const int screen_fatal_sigs[] = {
	SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS,
};

/* The program failed: put the terminal back, then die of the same signal. */
static void
screen_fatal(int sig)
{
	screen_restore_raw();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* A request to leave: the event loop quits cleanly. */
static void
screen_on_signal(int sig)
{
	screen_got_signal = sig;
	atomic_fetch_add(&screen_input, 1);
}

/* Install the handlers that always give the terminal back. */
void
screen_install_signals(void)
{
	struct sigaction sa;
	size_t i;
	int sig;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = screen_on_signal;
	sa.sa_flags = SA_RESTART;
	for (i = 0; i < sizeof screen_leave_sigs / sizeof screen_leave_sigs[0]; i++)
		sigaction(screen_leave_sigs[i], &sa, NULL);
	for (sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		sigaction(sig, &sa, NULL);
	sa.sa_handler = screen_fatal;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < sizeof screen_fatal_sigs / sizeof screen_fatal_sigs[0]; i++)
		sigaction(screen_fatal_sigs[i], &sa, NULL);
}

/* True once a request to leave arrived. */
bool
screen_signalled(void)
{
	return screen_got_signal != 0;
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

/* Set up the colour pairs of the table and the ink colours. */
static void
screen_colours(void)
{
	int i, n;

	/* NO_COLOR (no-color.org): attributes only, for the chrome and the inks alike */
	screen_colour = (getenv("NO_COLOR") == NULL || getenv("NO_COLOR")[0] == '\0') &&
	    has_colors() && start_color() == OK && COLORS >= 8 && COLOR_PAIRS > 48;
	if (screen_colour)
		use_default_colors();
	for (i = 0; i < LOOK_COUNT; i++) {
		screen_pair_of[i] = 0;
		screen_attr_of[i] = screen_colour ? screen_looks[i].attr : screen_looks[i].mono;
		if (screen_colour && (screen_looks[i].fg != -1 || screen_looks[i].bg != -1) &&
		    init_pair((short)(i + 1), screen_looks[i].fg, screen_looks[i].bg) == OK)
			screen_pair_of[i] = i + 1;
	}
	if (!screen_colour)
		return;
	/* with 8 colours, 8..15 are their dark twins in bold, but grey (8) and
	 * bright white (15) are plain black and white: bold would make them vanish */
	for (n = 1; n < 16; n++)
		init_pair((short)(SCREEN_PAIR_BASE + n), (short)(COLORS >= 16 ? n : n == 8 ? 7 : n % 8),
		    -1);
}

/*
 * Ask the terminal for its background (OSC 11) before ncurses starts. A
 * DA1 request (CSI c) follows, which every terminal answers: its reply
 * ends the wait, so a terminal that ignores OSC 11 (tmux, screen) costs
 * one round trip; one that answers nothing costs SCREEN_PROBE_MS. Without
 * an answer, $COLORFGBG may tell; otherwise nothing is assumed.
 */
static void
screen_probe_background(void)
{
	static const char query[] = "\033]11;?\033\\\033[c";
	struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };
	char buf[512];
	struct termios raw;
	size_t len = 0;
	ssize_t n;
	int waited = 0;
	const char *da;

	screen_bg_known = palette_from_colorfgbg(getenv("COLORFGBG"), &screen_bg) == 0;
	if (!screen_have_tio)
		return;
	raw = screen_saved_tio;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) != 0)
		return;
	if (write(STDOUT_FILENO, query, sizeof query - 1) == (ssize_t)(sizeof query - 1)) {
		while (waited < SCREEN_PROBE_MS && len < sizeof buf - 1) {
			if (poll(&pfd, 1, 10) <= 0) {
				waited += 10;
				continue;
			}
			if ((n = read(STDIN_FILENO, buf + len, sizeof buf - 1 - len)) <= 0)
				break;
			len += (size_t)n;
			buf[len] = '\0';
			/* the DA1 reply, ESC [ ? ... c, comes after any OSC 11 reply */
			if ((da = strstr(buf, "\033[?")) != NULL && strchr(da, 'c') != NULL)
				break;
		}
	}
	tcsetattr(STDIN_FILENO, TCSANOW, &screen_saved_tio);
	if (palette_parse_osc11(buf, len, &screen_bg) == 0)
		screen_bg_known = true;
}

bool
screen_ink_reads(unsigned colour)
{
	return !screen_colour || !screen_bg_known || palette_reads_on(colour, screen_bg);
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
		if (term == NULL)
			cli_error("%s", _("TERM is not set: the board needs to know the terminal's "
			    "type to draw on it; set TERM to your terminal's type (e.g. "
			    "TERM=xterm-256color)"));
		else
			cli_error("%s", _("TERM is empty: the board needs to know the terminal's "
			    "type to draw on it; set TERM to your terminal's type (e.g. "
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

int
screen_init(void)
{
	const char *cs = nl_langinfo(CODESET);

	screen_is_utf8 = cs != NULL && strcmp(cs, "UTF-8") == 0;
	screen_have_tio = tcgetattr(STDIN_FILENO, &screen_saved_tio) == 0;
	/* With SIGTSTP ignored ncurses installs no handler of its own, and so
	 * does not wrap every doupdate in two sigaction calls; ^Z is ours. */
	signal(SIGTSTP, SIG_IGN);
	screen_probe_background();
	if (newterm(NULL, stdout, stdin) == NULL) {
		cli_error(_("cannot start the terminal (TERM=%s): set TERM to your terminal's type"),
		    getenv("TERM") ? getenv("TERM") : "");
		return -1;
	}
	atexit(screen_atexit);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	typeahead(-1);
	set_escdelay(25);
	screen_colours();
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

attr_t
screen_attr(enum screen_look l)
{
	return screen_attr_of[l] | (screen_pair_of[l] ? COLOR_PAIR(screen_pair_of[l]) : 0);
}

/* Without colour, inks are told apart by attributes; with 8 colours, 8..15 are bold. */
attr_t
screen_ink(unsigned colour, bool cursor)
{
	static const attr_t mono[] = { A_BOLD, A_UNDERLINE, A_BOLD | A_UNDERLINE };
	attr_t a = cursor ? A_REVERSE : A_NORMAL;

	colour &= 15;
	if (colour == 0)
		return a;
	if (!screen_colour)
		return a | mono[colour % 3];
	if (COLORS < 16 && colour >= 9 && colour <= 14)
		a |= A_BOLD;
	return a | COLOR_PAIR(SCREEN_PAIR_BASE + (int)colour);
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
