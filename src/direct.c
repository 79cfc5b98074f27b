/*
 * direct.c - the direct frame (direct.h). It owns the cells held back in
 * the current frame, the cells shown but not yet settled into ncurses,
 * what it read of the terminal's description, and a small cache of SGR
 * strings by attributes and colour pair.
 *
 * How: a held cell is the cchar_t canvasput.c made, which is what the
 * window would hold (the canvas window has no background or attributes of
 * its own to merge), so what leaves is what doupdate would have sent, in
 * the terminal's own strings: sgr0 first (DECSC saved ncurses' attributes,
 * DECRC brings them back), then bold, dim, smul, rev, sitm, and
 * setaf/setab of the pair's colours as ncurses holds them (pair_content;
 * -1, the default, sends nothing after sgr0). The bytes are built on the
 * stack and leave in one write() to standard output, the file ncurses
 * writes to; its own buffer is empty between frames, since doupdate ends
 * with a flush. A cup comes before every cell but one that follows an
 * ASCII character on its row, so a terminal that counts a wide
 * character's columns differently from wcwidth cannot shift the next one.
 *
 * Settling replays the shown cells in order into the window (mvwadd_wch,
 * as canvasput.c did before), reads each back as the window holds it (a
 * wide one with its continuation) into curscr, and queues the window:
 * newscr and curscr then agree with the terminal, and the canvas's shadow
 * (which took the cells as drawn) agrees with the window.
 */
#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>
#include <wchar.h>

#include "direct.h"

#define DIRECT_SGR_MAX  64      /* one SGR string, sgr0 and colours included */
#define DIRECT_CACHE    32      /* SGR strings kept, by attributes and pair */
#define DIRECT_CELL_MAX (16 + DIRECT_SGR_MAX + 4)   /* a cup, an SGR, a character */
#define DIRECT_ATTRS    (A_BOLD | A_DIM | A_UNDERLINE | A_REVERSE | A_ITALIC)

struct direct_sgr {
	bool used;
	attr_t attrs;
	short pair, fg, bg;            /* the pair's colours when the string was made */
	unsigned char len;
	char s[DIRECT_SGR_MAX];
};

#define DIRECT_PENDING  128     /* cells shown and not settled; one more settles first */

/* A canvas cell held back or shown directly: window position, as the window would hold it. */
struct direct_cell {
	short y, x;
	cchar_t cc;
};

static bool direct_ok;           /* the terminal allows direct frames */
static bool direct_utf8;         /* characters leave as UTF-8 (else ASCII only) */
static bool direct_plain_cup;    /* cup is ECMA-48's CUP: formatted here, not by tiparm */
static bool direct_held;         /* a frame's cells are held back */
static WINDOW *direct_win;       /* the canvas window of the held and the shown cells */
static int direct_n;             /* cells held in this frame */
static struct direct_cell direct_frame[DIRECT_MAX];
static int direct_pending_n;     /* cells shown directly, not yet in ncurses */
static struct direct_cell direct_pending[DIRECT_PENDING];
static struct direct_sgr direct_cache[DIRECT_CACHE];
static char direct_sgr0[DIRECT_SGR_MAX];   /* sgr0 without its padding */
static size_t direct_sgr0_len;

/* A terminfo string that is there (neither absent nor cancelled). */
static bool
direct_have(const char *s)
{
	return s != NULL && s != (const char *)-1;
}

/*
 * Terminfo string s into dst (room bytes) without its padding: tputs turns
 * "$<5>" into a delay (or nothing), so it must not reach the terminal as
 * text. Its length, or room when it does not fit.
 */
static size_t
direct_strip(char *dst, size_t room, const char *s)
{
	size_t n = 0, k;

	while (*s != '\0') {
		if (s[0] == '$' && s[1] == '<') {
			k = 2 + strspn(s + 2, "0123456789.*/");
			if (s[k] == '>' && k > 2) {
				s += k + 1;
				continue;
			}
		}
		if (n + 1 >= room)
			return room;
		dst[n++] = *s++;
	}
	return n;
}

/* Append terminfo string s to the SGR entry e; false when it does not fit. */
static bool
direct_sgr_add(struct direct_sgr *e, const char *s)
{
	size_t room = sizeof e->s - e->len, n = s != NULL ? direct_strip(e->s + e->len, room, s) :
	    room;

	if (n >= room)
		return false;
	e->len = (unsigned char)(e->len + n);
	return true;
}

void
direct_init(void)
{
	const char *env = getenv("PIZARRA_DIRECT"), *cs = nl_langinfo(CODESET);

	direct_ok = false;
	direct_held = false;
	direct_n = 0;
	direct_pending_n = 0;
	memset(direct_cache, 0, sizeof direct_cache);
	if (cur_term == NULL || (env != NULL && strcmp(env, "off") == 0))
		return;
	/* DECSC and DECRC save and restore the attributes and character set with
	 * the cursor; the ANSI.SYS pair (CSI s, CSI u) only the cursor */
	if (!direct_have(save_cursor) || strcmp(save_cursor, "\033" "7") != 0 ||
	    !direct_have(restore_cursor) || strcmp(restore_cursor, "\033" "8") != 0 ||
	    !direct_have(cursor_address) || !direct_have(exit_attribute_mode))
		return;
	/* ncurses leaves out attributes that such a terminal cannot show with colour */
	if (has_colors() && no_color_video > 0)
		return;
	direct_sgr0_len = direct_strip(direct_sgr0, sizeof direct_sgr0, exit_attribute_mode);
	if (direct_sgr0_len >= sizeof direct_sgr0)
		return;
	direct_utf8 = cs != NULL && strcmp(cs, "UTF-8") == 0;
	direct_plain_cup = strcmp(cursor_address, "\033[%i%p1%d;%p2%dH") == 0;
	direct_ok = true;
}

/* The SGR string for attributes a in pair p, or NULL when the terminal lacks a part of it. */
static const struct direct_sgr *
direct_sgr(attr_t a, short p)
{
	static const attr_t order[] = { A_BOLD, A_DIM, A_UNDERLINE, A_REVERSE, A_ITALIC };
	const char *caps[] = { enter_bold_mode, enter_dim_mode, enter_underline_mode,
	    enter_reverse_mode, enter_italics_mode };
	struct direct_sgr *e = &direct_cache[((unsigned)p * 7u + (unsigned)(a >> 16)) % DIRECT_CACHE];
	short fg = -1, bg = -1;
	size_t i;

	/* a pair may be given new colours (init_pair): asked every time, it is an array look-up */
	if (p != 0 && pair_content(p, &fg, &bg) == ERR)
		return NULL;
	if (e->used && e->attrs == a && e->pair == p && e->fg == fg && e->bg == bg)
		return e;
	e->used = false;
	e->len = 0;
	if (!direct_sgr_add(e, exit_attribute_mode))
		return NULL;
	for (i = 0; i < sizeof order / sizeof order[0]; i++)
		if ((a & order[i]) && (!direct_have(caps[i]) || !direct_sgr_add(e, caps[i])))
			return NULL;
	if (fg >= 0 && (!direct_have(set_a_foreground) ||
	    !direct_sgr_add(e, tiparm(set_a_foreground, (int)fg))))
		return NULL;
	if (bg >= 0 && (!direct_have(set_a_background) ||
	    !direct_sgr_add(e, tiparm(set_a_background, (int)bg))))
		return NULL;
	e->used = true;
	e->attrs = a;
	e->pair = p;
	e->fg = fg;
	e->bg = bg;
	return e;
}

/* Character wc as the terminal takes it, into o (4 bytes); its length, 0 when it may not go direct. */
static size_t
direct_char(char *o, wchar_t wc)
{
	uint32_t c = (uint32_t)wc;

	if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c > 0x10FFFF ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (!direct_utf8)
		return 0;
	if (c < 0x800) {
		o[0] = (char)(0xC0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xE0 | c >> 12);
		o[1] = (char)(0x80 | (c >> 6 & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | c >> 18);
	o[1] = (char)(0x80 | (c >> 12 & 0x3F));
	o[2] = (char)(0x80 | (c >> 6 & 0x3F));
	o[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* v (1..9999) in decimal at o; its length. */
static size_t
direct_decimal(char *o, int v)
{
	char d[4];
	size_t n = 0, k;

	do {
		d[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0 && n < sizeof d);
	for (k = 0; k < n; k++)
		o[k] = d[n - 1 - k];
	return n;
}

/* The cursor to screen (y, x), 0-based, into o (16 bytes); its length, 0 when too long. */
static size_t
direct_cup(char *o, int y, int x)
{
	const char *s;
	size_t n;

	if (direct_plain_cup) {
		/* by hand: snprintf showed in every remote keystroke's profile */
		if (y < 0 || x < 0 || y > 9998 || x > 9998)
			return 0;
		o[0] = '\033';
		o[1] = '[';
		n = direct_decimal(o + 2, y + 1);
		o[2 + n] = ';';
		n += 3;
		n += direct_decimal(o + n, x + 1);
		o[n++] = 'H';
		return n;
	}
	s = tiparm(cursor_address, y, x);
	n = s != NULL ? direct_strip(o, 16, s) : 16;
	return n < 16 ? n : 0;
}

/*
 * All of p to standard output, through interruptions and a full terminal.
 * A terminal file left non-blocking (O_NONBLOCK is the open file's, shared
 * with every program on that terminal) that stays full is waited for as
 * long as it takes, as ncurses waits: a frame given up half-way would leave
 * a sequence cut in the middle ("ESC [ 4" then ncurses' next bytes), no
 * DECRC (the terminal's cursor and attributes not where ncurses thinks),
 * and cells curscr holds as shown that never reached the screen.
 */
static void
direct_write(const char *p, size_t n)
{
	struct pollfd pfd = { .fd = STDOUT_FILENO, .events = POLLOUT };

	while (n > 0) {
		ssize_t r = write(STDOUT_FILENO, p, n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			pfd.revents = 0;
			if (poll(&pfd, 1, -1) < 0 && errno != EINTR)
				return;
			if (pfd.revents & (POLLERR | POLLHUP | POLLNVAL))
				return;     /* the terminal is gone */
			continue;
		}
		if (r <= 0)
			return;     /* the terminal is gone: the loop notices it hung up */
		p += r;
		n -= (size_t)r;
	}
}

/* Where the last cell of a frame left the terminal: the place after it, its attributes. */
struct direct_at_end {
	int next_y, next_x;            /* -1: unknown (a cup comes first) */
	bool sgr_sent;
	attr_t attrs;
	short pair;
};

/*
 * Cell cc, at screen (y, x), into the bytes at o (DIRECT_CELL_MAX): its cup
 * unless it follows an ASCII character on its row, its SGR unless the last
 * cell's attributes and pair were the same (compared by value: two of them
 * may share a cache entry), its character. 0 when the cell may not go direct.
 */
static size_t
direct_cell(char *o, const cchar_t *cc, int y, int x, struct direct_at_end *end)
{
	wchar_t wc[CCHARW_MAX + 1] = { 0 };
	const struct direct_sgr *sgr;
	attr_t a;
	short p;
	size_t n = 0, k;
	char ch[4];
	int w;

	if (getcchar(cc, wc, &a, &p, NULL) == ERR || wc[1] != 0)
		return 0;
	a &= ~A_COLOR;
	if ((a & ~DIRECT_ATTRS) != 0 || (w = wcwidth(wc[0])) < 1 || w > 2 ||
	    (k = direct_char(ch, wc[0])) == 0 || (sgr = direct_sgr(a, p)) == NULL)
		return 0;
	if (y != end->next_y || x != end->next_x) {
		if ((n = direct_cup(o, y, x)) == 0)
			return 0;
	}
	if (!end->sgr_sent || end->attrs != a || end->pair != p) {
		memcpy(o + n, sgr->s, sgr->len);
		n += sgr->len;
		end->sgr_sent = true;
		end->attrs = a;
		end->pair = p;
	}
	memcpy(o + n, ch, k);
	n += k;
	end->next_y = y;
	end->next_x = wc[0] < 0x7F ? x + 1 : -1;
	return n;
}

bool
direct_holding(void)
{
	return direct_held;
}

void
direct_settle(void)
{
	WINDOW *win = direct_win;
	int i, by, bx, wy, wx, ny, nx, cy, cx;
	bool leave;
	cchar_t shown;

	if (direct_held) {
		/* spilled: the shown cells come first, the held ones are newer */
		direct_held = false;
		direct_settle();
		for (i = 0; i < direct_n; i++)
			mvwadd_wch(win, direct_frame[i].y, direct_frame[i].x, &direct_frame[i].cc);
		direct_n = 0;
		return;
	}
	if (direct_pending_n == 0 || win == NULL)
		return;
	getbegyx(win, by, bx);
	getyx(win, wy, wx);
	getyx(newscr, ny, nx);
	getyx(curscr, cy, cx);
	leave = is_leaveok(newscr);
	for (i = 0; i < direct_pending_n; i++) {
		const struct direct_cell *d = &direct_pending[i];

		mvwadd_wch(win, d->y, d->x, &d->cc);
		/* wadd_wchnstr copies the cell as the window holds it (a wide one
		 * with its continuation), as doupdate does, without wadd_wch's rendering */
		if (mvwin_wch(win, d->y, d->x, &shown) != ERR)
			mvwadd_wchnstr(curscr, by + d->y, bx + d->x, &shown, 1);
	}
	direct_pending_n = 0;
	wmove(win, wy, wx);
	wmove(curscr, cy, cx);
	wnoutrefresh(win);
	/* the window's cursor is not the one this screen wants (ui.c sets it per frame) */
	leaveok(newscr, leave);
	wmove(newscr, ny, nx);
}

bool
direct_begin(WINDOW *win)
{
	int ny, nx, cy, cx;

	if (!direct_ok || win == NULL)
		return false;
	if (win != direct_win)
		direct_settle();
	/* the terminal's cursor (where doupdate left it) must be where this frame
	 * wants it, unless the frame leaves it anywhere (hidden: leaveok) */
	getyx(newscr, ny, nx);
	getyx(curscr, cy, cx);
	if (!is_leaveok(newscr) && (ny != cy || nx != cx))
		return false;
	direct_win = win;
	direct_n = 0;
	direct_held = true;
	return true;
}

void
direct_put(WINDOW *win, int y, int x, const cchar_t *cc)
{
	if (direct_held && win == direct_win && direct_n < DIRECT_MAX && y >= 0 && x >= 0 &&
	    y <= SHRT_MAX && x <= SHRT_MAX) {
		direct_frame[direct_n].y = (short)y;
		direct_frame[direct_n].x = (short)x;
		direct_frame[direct_n].cc = *cc;
		direct_n++;
		return;
	}
	/* more than a direct frame takes (or not one): what is held and shown
	 * goes into the window first, in order */
	if (direct_held || direct_pending_n > 0)
		direct_settle();
	mvwadd_wch(win, y, x, cc);
}

/* The held frame's cells into the window, queued for doupdate. */
static bool
direct_spill(void)
{
	direct_settle();
	if (direct_win != NULL)
		wnoutrefresh(direct_win);
	return false;
}

bool
direct_end(void)
{
	char buf[2 + DIRECT_MAX * DIRECT_CELL_MAX + DIRECT_SGR_MAX + 2];
	struct direct_at_end end = { .next_y = -1, .next_x = -1 };
	int n = direct_n, i, by, bx;
	size_t len = 0, k;

	if (!direct_held)
		return false;
	if (n == 0) {
		direct_held = false;
		return true;
	}
	getbegyx(direct_win, by, bx);
	memcpy(buf, "\033" "7", 2);
	len = 2;
	for (i = 0; i < n; i++) {
		k = direct_cell(buf + len, &direct_frame[i].cc, by + direct_frame[i].y,
		    bx + direct_frame[i].x, &end);
		if (k == 0)
			return direct_spill();
		len += k;
	}
	/* DECRC brings ncurses' attributes back; sgr0 first all the same, for a
	 * terminal that restores only the cursor (ncurses' are normal between frames) */
	memcpy(buf + len, direct_sgr0, direct_sgr0_len);
	len += direct_sgr0_len;
	memcpy(buf + len, "\033" "8", 2);
	len += 2;
	direct_write(buf, len);
	direct_held = false;
	direct_n = 0;
	if (direct_pending_n + n > DIRECT_PENDING)
		direct_settle();
	memcpy(direct_pending + direct_pending_n, direct_frame, (size_t)n * sizeof *direct_frame);
	direct_pending_n += n;
	return true;
}
