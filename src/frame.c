/*
 * frame.c - the frame of pizarra top and peek (see frame.h). Keys come as
 * wget_wch gives them; ESC starts a sequence when '[' or 'O' follows in
 * the same batch, and ends at a final byte (0x40..0x7E), so Alt and
 * unknown function keys never act as their letters. The help box lists
 * the keys from the same rows as the key bar, so they cannot disagree.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "frame.h"
#include "screen.h"

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

void
frame_draw_status(const struct frame *f, const char *title, const char *text, uint64_t now)
{
	WINDOW *win = screen_window(SCREEN_STATUS);

	if (win == NULL)
		return;
	bool message = f->message[0] != '\0' && f->until != 0 && now < f->until;

	werase(win);
	wattrset(win, screen_attr(LOOK_TITLE));
	mvwaddnstr(win, 0, 0, title, COLS);
	wattrset(win, screen_attr(LOOK_STATUS));
	/* a message that would not fit after the text stands in its place */
	if (!message || getcurx(win) + (int)(strlen(text) + 2 + strlen(f->message)) <= COLS)
		waddnstr(win, text, COLS - getcurx(win));
	if (message && COLS - getcurx(win) > 2) {
		wattrset(win, screen_attr(f->warn ? LOOK_WARNING : LOOK_MESSAGE));
		waddstr(win, "  ");
		waddnstr(win, f->message, COLS - getcurx(win));
	}
	wattrset(win, A_NORMAL);
	wnoutrefresh(win);
}

void
frame_draw_keybar(const struct frame_key *keys, size_t n)
{
	WINDOW *win = screen_window(SCREEN_KEYBAR);
	size_t i;

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
		wprintw(win, "%-7s", keys[i].label);
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
frame_draw_help(const char *title, const char *const *prose, size_t nprose,
		const struct frame_key *keys, size_t n)
{
	int h = (int)nprose + 2, w = 76, y = 1;
	char line[192], other[8], fk[8];
	WINDOW *win;
	size_t k;

	for (k = 0; k < n; k++)
		h += keys[k].help != NULL;
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
	mvwaddnstr(win, 0, 2, title, w - 4);
	wattrset(win, A_NORMAL);
	for (k = 0; k < nprose && y < h - 1; k++)
		mvwaddnstr(win, y++, 2, prose[k], w - 4);
	for (k = 0; k < n && y < h - 1; k++) {
		if (keys[k].help == NULL)
			continue;
		fk[0] = '\0';
		if (keys[k].fkey != 0)
			snprintf(fk, sizeof fk, "F%d", keys[k].fkey);
		frame_key_name(keys[k].keys[0], other, sizeof other);
		snprintf(line, sizeof line, "%-4s%-6s %-7s %s", fk, other,
		    keys[k].label != NULL ? keys[k].label : "", keys[k].help);
		mvwaddnstr(win, y++, 2, line, w - 4);
	}
	wnoutrefresh(win);
	delwin(win);
}
