/*
 * look.c - the looks (see look.h). Readable on a light and a dark
 * background alike is the rule of the table; the inks, drawn on the
 * terminal's own background, are checked against it when the terminal
 * said which it is (palette.h judges the contrast).
 */
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "look.h"
#include "cell.h"
#include "palette.h"

#define LOOK_PROBE_MS  300           /* the longest wait for the background's answer */
#define LOOK_PAIR_BASE 32            /* pairs LOOK_PAIR_BASE + n: ink colour n */
#define LOOK_PAIR_CELLS 48           /* pairs 48..255: cells' fg on bg, as they come */
#define LOOK_PAIR_LAST 255           /* an attr_t holds pair numbers up to 255 */

/* One meaning's look: colours when available, attributes either way. */
struct look_style {
	short fg, bg;
	attr_t attr;      /* with colour */
	attr_t mono;      /* without colour */
};

static const struct look_style look_table[LOOK_COUNT] = {
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

static bool look_colour;
static int look_pair_of[LOOK_COUNT];
static attr_t look_attr_of[LOOK_COUNT];
static short look_cell_pair[LOOK_PAIR_LAST + 1][2];   /* fg, bg of the cells' pairs */
static int look_cell_pairs;            /* pairs given out from LOOK_PAIR_CELLS on */
static struct palette_rgb look_bg;     /* the terminal's background, when it said */
static bool look_bg_known;

/* Set up the colour pairs of the table and the ink colours. */
void
look_start(void)
{
	int i, n;

	/* NO_COLOR (no-color.org): attributes only, for the chrome and the inks alike */
	look_colour = (getenv("NO_COLOR") == NULL || getenv("NO_COLOR")[0] == '\0') &&
	    has_colors() && start_color() == OK && COLORS >= 8 && COLOR_PAIRS > 48;
	if (look_colour)
		use_default_colors();
	for (i = 0; i < LOOK_COUNT; i++) {
		look_pair_of[i] = 0;
		look_attr_of[i] = look_colour ? look_table[i].attr : look_table[i].mono;
		if (look_colour && (look_table[i].fg != -1 || look_table[i].bg != -1) &&
		    init_pair((short)(i + 1), look_table[i].fg, look_table[i].bg) == OK)
			look_pair_of[i] = i + 1;
	}
	look_cell_pairs = 0;
	if (!look_colour)
		return;
	/* with 8 colours, 8..15 are their dark twins in bold, but grey (8) and
	 * bright white (15) are plain black and white: bold would make them vanish */
	for (n = 1; n < 16; n++)
		init_pair((short)(LOOK_PAIR_BASE + n), (short)(COLORS >= 16 ? n : n == 8 ? 7 : n % 8),
		    -1);
}

/*
 * Ask the terminal for its background (OSC 11) before ncurses starts. A
 * DA1 request (CSI c) follows, which every terminal answers: its reply
 * ends the wait, so a terminal that ignores OSC 11 (tmux, screen) costs
 * one round trip; one that answers nothing costs LOOK_PROBE_MS. Without
 * an answer, $COLORFGBG may tell; otherwise nothing is assumed.
 *
 * The question leaves in look_probe_start and the answer is read in
 * look_probe_finish, so the round trip (0.1 to 0.4 ms to a local terminal,
 * more over ssh) overlaps whatever the caller does in between. Meanwhile
 * the terminal stays without ICANON (the answer is readable without a
 * newline) and ECHO (it is not shown); look_probe_finish puts saved back.
 */
static struct termios look_probe_saved;
static bool look_probe_started, look_probe_raw, look_probe_asked;
static struct timespec look_probe_at;

/* Milliseconds since the question left. */
static long
look_probe_elapsed(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - look_probe_at.tv_sec) * 1000 +
	    (now.tv_nsec - look_probe_at.tv_nsec) / 1000000;
}

void
look_probe_start(const struct termios *saved)
{
	static const char query[] = "\033]11;?\033\\\033[c";
	struct termios raw;

	if (look_probe_started)
		return;
	look_probe_started = true;
	look_bg_known = palette_from_colorfgbg(getenv("COLORFGBG"), &look_bg) == 0;
	if (saved == NULL)
		return;
	raw = *saved;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) != 0)
		return;
	look_probe_saved = *saved;
	look_probe_raw = true;
	clock_gettime(CLOCK_MONOTONIC, &look_probe_at);
	look_probe_asked = write(STDOUT_FILENO, query, sizeof query - 1) ==
	    (ssize_t)(sizeof query - 1);
}

void
look_probe_finish(const struct termios *saved)
{
	struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };
	char buf[512];
	size_t len = 0;
	ssize_t n;
	long left;
	const char *da;

	look_probe_start(saved);
	if (!look_probe_raw)
		return;
	look_probe_raw = false;
	buf[0] = '\0';
	while (look_probe_asked && len < sizeof buf - 1) {
		/* past the deadline (a long wait in between), whatever is there */
		left = LOOK_PROBE_MS - look_probe_elapsed();
		if (poll(&pfd, 1, left <= 0 ? 0 : left < 10 ? (int)left : 10) <= 0) {
			if (left <= 0)
				break;
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
	tcsetattr(STDIN_FILENO, TCSANOW, &look_probe_saved);
	if (palette_parse_osc11(buf, len, &look_bg) == 0)
		look_bg_known = true;
}

bool
look_ink_reads(unsigned colour)
{
	return !look_colour || !look_bg_known || palette_reads_on(colour, look_bg);
}

attr_t
look_attr(enum look l)
{
	return look_attr_of[l] | (look_pair_of[l] ? COLOR_PAIR(look_pair_of[l]) : 0);
}

/* Without colour, inks are told apart by attributes; with 8 colours, 8..15 are bold. */
attr_t
look_ink(unsigned colour, bool cursor)
{
	static const attr_t mono[] = { A_BOLD, A_UNDERLINE, A_BOLD | A_UNDERLINE };
	attr_t a = cursor ? A_REVERSE : A_NORMAL;

	colour &= 15;
	if (colour == 0)
		return a;
	if (!look_colour)
		return a | mono[colour % 3];
	if (COLORS < 16 && colour >= 9 && colour <= 14)
		a |= A_BOLD;
	return a | COLOR_PAIR(LOOK_PAIR_BASE + (int)colour);
}

/* The terminal's colour for cell colour c: -1 for 0 (default), the nearest it has otherwise. */
static short
look_term_colour(unsigned c)
{
	if (c == 0)
		return -1;
	if (COLORS >= 256)
		return (short)c;
	c = palette_nearest(c, COLORS >= 16 ? 16 : 8);
	return (short)(COLORS >= 16 ? c : c == 8 ? 7 : c % 8);
}

/* The pair of fg on bg (terminal colours), given out as they come; 0 when none is left. */
static int
look_pair(short fg, short bg)
{
	int i, last = COLOR_PAIRS - 1 < LOOK_PAIR_LAST ? COLOR_PAIRS - 1 : LOOK_PAIR_LAST;

	for (i = 0; i < look_cell_pairs; i++)
		if (look_cell_pair[i][0] == fg && look_cell_pair[i][1] == bg)
			return LOOK_PAIR_CELLS + i;
	if (LOOK_PAIR_CELLS + i > last || init_pair((short)(LOOK_PAIR_CELLS + i), fg, bg) != OK)
		return 0;
	look_cell_pair[i][0] = fg;
	look_cell_pair[i][1] = bg;
	look_cell_pairs++;
	return LOOK_PAIR_CELLS + i;
}

/*
 * A cell's looks: its attributes as they are; a foreground 0..15 on the
 * default background as the inks; other colours as the terminal has them
 * (the nearest of 16 or 8), in pairs given out as they come and, once
 * they run out, the foreground's nearest ink alone. Without colour, a
 * background shows as reverse.
 */
attr_t
look_cell(unsigned fg, unsigned bg, unsigned attrs)
{
	attr_t a = (attrs & CELL_BOLD ? A_BOLD : 0) | (attrs & CELL_UNDERLINE ? A_UNDERLINE : 0) |
	    (attrs & CELL_REVERSE ? A_REVERSE : 0) | (attrs & CELL_ITALIC ? A_ITALIC : 0);
	unsigned near = fg < 16 ? fg : palette_nearest(fg, 16);
	int pair;

	fg &= 0xFF;
	bg &= 0xFF;
	if (bg == 0 && fg < 16)
		return a | look_ink(fg, false);
	if (!look_colour)
		return a | look_ink(near, false) | (bg != 0 ? A_REVERSE : 0);
	pair = look_pair(look_term_colour(fg), look_term_colour(bg));
	if (pair == 0)
		return a | look_ink(near, false);
	if (COLORS < 16 && near >= 9 && near <= 14)
		a |= A_BOLD;
	return a | COLOR_PAIR(pair);
}
