/*
 * screen.c - the terminal: ncurses set-up and tear-down, the colour table
 * (indexed by meaning, with bold/underline/reverse fallbacks for terminals
 * without colour), the window layout, and putting the terminal back (echo,
 * cursor, mouse tracking off) on every way out, fatal signals included.
 */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "ui.h"

#define SCREEN_PAIR_BASE 32            /* pairs SCREEN_PAIR_BASE + n: ink colour n */
#define SCREEN_RESTORE "\033[?1003l\033[?1006l\033[?1002l\033[?1000l\033[?25h\033[?1049l\033[0m"

/* One meaning's look: colours when available, attributes either way. */
struct screen_look {
	short fg, bg;
	attr_t attr;      /* with colour */
	attr_t mono;      /* without colour */
};

static const struct screen_look screen_looks[UC_COUNT] = {
	[UC_NORMAL] = { -1, -1, A_NORMAL, A_NORMAL },
	[UC_TITLE] = { COLOR_BLACK, COLOR_GREEN, A_BOLD, A_REVERSE | A_BOLD },
	[UC_NAME] = { COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
	[UC_VALUE] = { -1, -1, A_BOLD, A_BOLD },
	[UC_CHANGED] = { COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE },
	[UC_KEY] = { -1, -1, A_BOLD, A_BOLD },
	[UC_KEYLABEL] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[UC_STATUS] = { COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
	[UC_MESSAGE] = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[UC_WARNING] = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
	[UC_OUTSIDE] = { COLOR_BLUE, -1, A_DIM, A_DIM },
	[UC_DETACHED] = { COLOR_WHITE, -1, A_DIM, A_DIM },
	[UC_PLACEHOLDER] = { COLOR_RED, -1, A_BOLD, A_UNDERLINE },
	[UC_SYSCALL_FAIL] = { COLOR_RED, -1, A_NORMAL, A_UNDERLINE },
};

static struct termios screen_saved_tio;
static bool screen_have_tio;
static volatile sig_atomic_t screen_got_signal;
static _Atomic uint32_t screen_input;          /* bumped by SIGIO, SIGWINCH, quit signals */
static struct sigaction screen_curses_winch;   /* ncurses' own SIGWINCH handler */
static int screen_stdin_flags = -1;            /* stdin's file status flags before O_ASYNC */

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

/* Fatal signal: put the terminal back, then die of the same signal. */
static void
screen_fatal(int sig)
{
	screen_restore_raw();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* SIGINT, SIGTERM, SIGHUP, SIGQUIT: ask the event loop to quit cleanly. */
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
	static const int quit_sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	static const int fatal_sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = screen_on_signal;
	sa.sa_flags = SA_RESTART;
	for (i = 0; i < sizeof quit_sigs / sizeof quit_sigs[0]; i++)
		sigaction(quit_sigs[i], &sa, NULL);
	sa.sa_handler = screen_fatal;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < sizeof fatal_sigs / sizeof fatal_sigs[0]; i++)
		sigaction(fatal_sigs[i], &sa, NULL);
}

/* True once a quit signal arrived. */
bool
screen_signalled(void)
{
	return screen_got_signal != 0;
}

/* Give the terminal back at exit() too. */
static void
screen_atexit(void)
{
	if (!isendwin())
		endwin();
	screen_restore_raw();
}

/* Set up the colour pairs of the table and the ink colours. */
static void
screen_colours(struct ui *ui)
{
	int i, n;

	ui->colour = has_colors() && start_color() == OK && COLORS >= 8 && COLOR_PAIRS > 48;
	if (ui->colour)
		use_default_colors();
	for (i = 0; i < UC_COUNT; i++) {
		ui->pair_of[i] = 0;
		ui->attr_of[i] = ui->colour ? screen_looks[i].attr : screen_looks[i].mono;
		if (ui->colour && (screen_looks[i].fg != -1 || screen_looks[i].bg != -1) &&
		    init_pair((short)(i + 1), screen_looks[i].fg, screen_looks[i].bg) == OK)
			ui->pair_of[i] = i + 1;
	}
	if (!ui->colour)
		return;
	for (n = 1; n < 16; n++)
		init_pair((short)(SCREEN_PAIR_BASE + n), (short)(COLORS >= 16 ? n : n % 8), -1);
}

/* Can the interactive board run here (a terminal of a known type)? Prints why not. */
int
screen_check(void)
{
	const char *term = getenv("TERM");
	int err = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error("the interactive board needs a terminal; use `pizarra dump` or "
		    "`pizarra put` from scripts");
		return -1;
	}
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		cli_error("the terminal type TERM=%s is unknown here: set TERM to your "
		    "terminal's type (e.g. xterm-256color)", term != NULL ? term : "");
		return -1;
	}
	del_curterm(cur_term);
	return 0;
}

/* Start ncurses, colours, mouse; 0 or -1 with a message printed. */
int
screen_init(struct ui *ui)
{
	const char *cs = nl_langinfo(CODESET);

	ui->utf8 = cs != NULL && strcmp(cs, "UTF-8") == 0;
	screen_have_tio = tcgetattr(STDIN_FILENO, &screen_saved_tio) == 0;
	/* With SIGTSTP ignored ncurses installs no handler of its own, and so
	 * does not wrap every doupdate in two sigaction calls; ^Z is ours. */
	signal(SIGTSTP, SIG_IGN);
	if (newterm(NULL, stdout, stdin) == NULL) {
		cli_error("cannot start the terminal (TERM=%s): set TERM to your terminal's type",
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
	screen_colours(ui);
	mousemask(ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION, NULL);
	mouseinterval(0);
	fputs("\033[?1003h", stdout);
	fflush(stdout);
	/* Until its first endwin, ncurses 6.4 flushes after every cursor move,
	 * so each frame would leave in several writes: leave and come back. */
	endwin();
	refresh();
	screen_watch_input();
	ui->sidebar_on = true;
	screen_layout(ui);
	return 0;
}

/* Leave ncurses and put the terminal back. */
void
screen_end(struct ui *ui)
{
	WINDOW **w[] = { &ui->canvas, &ui->sidebar, &ui->status, &ui->keybar };
	size_t i;

	for (i = 0; i < sizeof w / sizeof w[0]; i++) {
		if (*w[i] != NULL)
			delwin(*w[i]);
		*w[i] = NULL;
	}
	fputs("\033[?1003l", stdout);
	fflush(stdout);
	mousemask(0, NULL);
	endwin();
	screen_restore_raw();
	signal(SIGTSTP, SIG_DFL);
}

/* Ctrl-Z: give the terminal back, stop until SIGCONT, then take it again. */
void
screen_suspend(struct ui *ui)
{
	fputs("\033[?1003l", stdout);
	fflush(stdout);
	def_prog_mode();
	endwin();
	if (screen_stdin_flags != -1)
		fcntl(STDIN_FILENO, F_SETFL, screen_stdin_flags);
	kill(getpid(), SIGSTOP);
	if (screen_stdin_flags != -1)
		fcntl(STDIN_FILENO, F_SETFL, screen_stdin_flags | O_ASYNC);
	reset_prog_mode();
	fputs("\033[?1003h", stdout);
	fflush(stdout);
	clearok(curscr, TRUE);
	canvas_invalidate(ui);
	ui->dirty = UI_DIRTY_ALL;
}

/* (Re)create the windows for the terminal's current size. */
void
screen_layout(struct ui *ui)
{
	WINDOW **w[] = { &ui->canvas, &ui->sidebar, &ui->status, &ui->keybar };
	int sw = 0;
	size_t i;

	for (i = 0; i < sizeof w / sizeof w[0]; i++) {
		if (*w[i] != NULL)
			delwin(*w[i]);
		*w[i] = NULL;
	}
	/* Keys are read through stdscr, and reading refreshes it when touched:
	 * queue it once now so it never paints blanks over the windows later. */
	werase(stdscr);
	wnoutrefresh(stdscr);
	ui->too_small = COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
	if (ui->too_small)
		return;
	if (ui->sidebar_on) {
		sw = COLS * 2 / 5;
		sw = sw < 30 ? 30 : sw > 42 ? 42 : sw;
	}
	ui->sidebar_w = sw;
	ui->canvas_w = COLS - sw;
	ui->canvas_h = LINES - 2;
	ui->canvas = newwin(ui->canvas_h, ui->canvas_w, 0, 0);
	if (sw > 0)
		ui->sidebar = newwin(LINES - 2, sw, 0, COLS - sw);
	ui->status = newwin(1, COLS, LINES - 2, 0);
	ui->keybar = newwin(1, COLS, LINES - 1, 0);
	for (i = 0; i < sizeof w / sizeof w[0]; i++)
		if (*w[i] != NULL)
			leaveok(*w[i], FALSE);
	clearok(curscr, TRUE);
	canvas_invalidate(ui);
	ui->view_col = ui->view_row = 0;
	canvas_follow_cursor(ui);
}

/* The attributes (pair included) for a meaning. */
attr_t
screen_attr(const struct ui *ui, enum ui_colour c)
{
	return ui->attr_of[c] | (ui->pair_of[c] ? COLOR_PAIR(ui->pair_of[c]) : 0);
}

/* The attributes for ink colour 0..15, as a cursor (reverse) or not. */
attr_t
screen_ink(const struct ui *ui, unsigned colour, bool cursor)
{
	static const attr_t mono[] = { A_BOLD, A_UNDERLINE, A_BOLD | A_UNDERLINE };
	attr_t a = cursor ? A_REVERSE : A_NORMAL;

	colour &= 15;
	if (colour == 0)
		return a;
	if (!ui->colour)
		return a | mono[colour % 3];
	if (COLORS < 16 && colour >= 8)
		a |= A_BOLD;
	return a | COLOR_PAIR(SCREEN_PAIR_BASE + (int)colour);
}

/* Tell the user the terminal is too small until it is resized. */
void
screen_too_small(struct ui *ui)
{
	char msg[4][64];
	int i, y0 = LINES / 2 - 2, x;

	(void)ui;
	snprintf(msg[0], sizeof msg[0], "pizarra needs at least %dx%d;", UI_MIN_COLS,
	    UI_MIN_LINES);
	snprintf(msg[1], sizeof msg[1], "this terminal is %dx%d.", COLS, LINES);
	snprintf(msg[2], sizeof msg[2], "Please enlarge it.");
	snprintf(msg[3], sizeof msg[3], "(F10 quits; nothing is lost)");
	erase();
	for (i = 0; i < 4; i++) {
		x = (COLS - (int)strlen(msg[i])) / 2;
		if (y0 + i >= 0 && y0 + i < LINES)
			mvaddnstr(y0 + i, x < 0 ? 0 : x, msg[i], COLS);
	}
	wnoutrefresh(stdscr);
}
