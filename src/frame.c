/*
 * frame.c - the frame of pizarra top and peek (see frame.h). Keys come as
 * wget_wch gives them; ESC starts a sequence when '[' or 'O' follows in
 * the same batch, and ends at a final byte (0x40..0x7E), so Alt and
 * unknown function keys never act as their letters. The help box lists
 * the keys from the same rows as the key bar, so they cannot disagree.
 * Labels and help lines are translated where they are drawn; every width
 * is in display columns (a Spanish "ñ" is two bytes and one column).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cell.h"
#include "frame.h"
#include "i18n.h"
#include "screen.h"
#include "utf8.h"

#define FRAME_LABEL_W 7            /* the key bar's and the help's label column */

#define CTRL(c) ((c) & 0x1f)

uint64_t
frame_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

void
frame_say(struct frame *f, bool warn, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(f->message, sizeof f->message, fmt, ap);
	va_end(ap);
	f->warn = warn;
	f->until = frame_now() + FRAME_MESSAGE_MS;
}

bool
frame_expire(struct frame *f, uint64_t now)
{
	if (f->until == 0 || now < f->until)
		return false;
	f->until = 0;
	f->message[0] = '\0';
	return true;
}

const struct frame_key *
frame_lookup(const struct frame_key *keys, size_t n, int ret, wint_t ch)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		if (ret == KEY_CODE_YES && keys[i].fkey != 0 && (int)ch == KEY_F(keys[i].fkey))
			return &keys[i];
		for (k = 0; k < 3 && keys[i].keys[k] != 0; k++)
			if ((ret == KEY_CODE_YES && keys[i].keys[k] == (int)(FRAME_CODE | ch)) ||
			    (ret == OK && keys[i].keys[k] == (int)ch))
				return &keys[i];
	}
	return NULL;
}

bool
frame_quits(int ret, wint_t ch)
{
	return (ret == KEY_CODE_YES && ch == KEY_F(10)) ||
	    (ret == OK && (ch == CTRL('C') || ch == CTRL('Q')));
}

void
frame_read_keys(struct frame *f, void (*key)(void *ctx, int ret, wint_t ch), void *ctx)
{
	wint_t ch;
	int ret;

	while ((ret = wget_wch(stdscr, &ch)) != ERR) {
		if (ret == KEY_CODE_YES && ch == KEY_RESIZE) {
			screen_layout();
			key(ctx, ret, ch);
			continue;
		}
		if (f->esc == 1 && ret == OK && (ch == '[' || ch == 'O')) {
			f->esc = 2;
			continue;
		}
		if (f->esc == 2 && ret == OK) {
			if (ch >= 0x40 && ch <= 0x7E)
				f->esc = 0;
			continue;
		}
		if (f->esc == 1)
			key(ctx, OK, 27);
		f->esc = ret == OK && ch == 27;
		if (!f->esc)
			key(ctx, ret, ch);
	}
	if (f->esc == 1)
		key(ctx, OK, 27);
	f->esc = 0;
}

/* Write text at the cursor in at most cols columns (cell_fit); the columns written. */
static int
frame_put(WINDOW *win, const char *text, int cols)
{
	int used, n = cell_fit(text, cols, &used);

	if (n > 0)
		waddnstr(win, text, n);
	return used;
}

void
frame_draw_status(const struct frame *f, const char *title, const char *text, uint64_t now)
{
	WINDOW *win = screen_window(SCREEN_STATUS);

	if (win == NULL)
		return;
	bool message = f->message[0] != '\0' && f->until != 0 && now < f->until;

	werase(win);
	wattrset(win, screen_attr(LOOK_TITLE));
	wmove(win, 0, 0);
	frame_put(win, title, COLS);
	wattrset(win, screen_attr(LOOK_STATUS));
	/* a message that would not fit after the text stands in its place */
	if (!message || getcurx(win) + cell_columns(text) + 2 + cell_columns(f->message) <= COLS)
		frame_put(win, text, COLS - getcurx(win));
	if (message && COLS - getcurx(win) > 2) {
		wattrset(win, screen_attr(f->warn ? LOOK_WARNING : LOOK_MESSAGE));
		waddstr(win, "  ");
		frame_put(win, f->message, COLS - getcurx(win));
	}
	wattrset(win, A_NORMAL);
	wnoutrefresh(win);
}

void
frame_draw_keybar(const struct frame_key *keys, size_t n)
{
	WINDOW *win = screen_window(SCREEN_KEYBAR);
	size_t i, k;
	int w;

	if (win == NULL)
		return;
	werase(win);
	wmove(win, 0, 0);
	for (i = 0; i < n && COLS - getcurx(win) > 8; i++) {
		if (keys[i].label == NULL)
			continue;
		wattrset(win, screen_attr(LOOK_KEY));
		if (keys[i].fkey != 0)
			wprintw(win, "F%d", keys[i].fkey);
		wattrset(win, screen_attr(LOOK_KEYLABEL));
		w = frame_put(win, _(keys[i].label), COLS - getcurx(win));
		/* padded to 7 columns; a longer label is kept apart from the next by a space */
		for (k = i + 1; k < n && keys[k].label == NULL; k++)
			;
		if (w < FRAME_LABEL_W)
			wprintw(win, "%*s", FRAME_LABEL_W - w, "");
		else if (k < n && COLS - getcurx(win) > 0)
			waddch(win, ' ');
	}
	wattrset(win, A_NORMAL);
	wnoutrefresh(win);
}

/* A key's other key as the help box names it ("q", "^Q", "Enter"). */
static void
frame_key_name(int k, char *buf, size_t n)
{
	if (k == '\t')
		snprintf(buf, n, "Tab");
	else if (k == '\r' || k == '\n')
		snprintf(buf, n, "Enter");
	else if (k > 0 && k < 0x20)
		snprintf(buf, n, "^%c", k + '@');
	else if (k >= 0x20 && k < 0x7F)
		snprintf(buf, n, "%c", k);
	else
		snprintf(buf, n, " ");
}

void
frame_draw_help(const char *title, const char *prose, const struct frame_key *keys, size_t n)
{
	int h = 4, w = 76, y = 1, lw = FRAME_LABEL_W, c;
	char line[256], other[8], fk[8];
	const char *p, *nl, *label;
	size_t k, used;
	WINDOW *win;

	/* the borders, the prose's lines (one more than its newlines), an empty line */
	for (p = prose; *p != '\0'; p++)
		h += *p == '\n';
	for (k = 0; k < n; k++) {
		h += keys[k].help != NULL;
		/* the F-keys' labels in one column, as wide as the widest */
		if (keys[k].help != NULL && keys[k].fkey != 0 && keys[k].label != NULL &&
		    (c = cell_columns(_(keys[k].label))) > lw)
			lw = c;
	}
	if (w > COLS - 2)
		w = COLS - 2;
	if (h > LINES - 2)
		h = LINES - 2;
	win = newwin(h, w, (LINES - 2 - h) / 2 > 0 ? (LINES - 2 - h) / 2 : 0,
	    (COLS - w) / 2 > 0 ? (COLS - w) / 2 : 0);
	if (win == NULL)
		return;
	werase(win);
	box(win, 0, 0);
	wattrset(win, screen_attr(LOOK_TITLE));
	wmove(win, 0, 2);
	frame_put(win, title, w - 4);
	wattrset(win, A_NORMAL);
	/* the prose's lines, then an empty line */
	for (p = prose; *p != '\0' && y < h - 1; y++) {
		nl = strchr(p, '\n');
		used = nl != NULL ? (size_t)(nl - p) : strlen(p);
		snprintf(line, sizeof line, "%.*s", (int)used, p);
		wmove(win, y, 2);
		frame_put(win, line, w - 4);
		p += used + (nl != NULL);
	}
	y++;
	for (k = 0; k < n && y < h - 1; k++) {
		if (keys[k].help == NULL)
			continue;
		fk[0] = '\0';
		if (keys[k].fkey != 0)
			snprintf(fk, sizeof fk, "F%d", keys[k].fkey);
		frame_key_name(keys[k].keys[0], other, sizeof other);
		label = keys[k].label != NULL ? _(keys[k].label) : "";
		c = cell_columns(label);
		snprintf(line, sizeof line, "%-4s%-6s %s%*s %s", fk, other, label,
		    c < lw ? lw - c : 0, "", _(keys[k].help));
		wmove(win, y++, 2);
		frame_put(win, line, w - 4);
	}
	wnoutrefresh(win);
	delwin(win);
}

/* The first letter of a word, a-z (upper case lowered), or 0. */
static int
frame_first_letter(const char *w)
{
	return *w >= 'a' && *w <= 'z' ? *w : *w >= 'A' && *w <= 'Z' ? *w - 'A' + 'a' : 0;
}

int
frame_answer_letter(const char *word, const char *other, int other_english)
{
	int k = frame_first_letter(word);

	if (k == other_english || k == frame_first_letter(other))
		return 0;
	return k;
}
