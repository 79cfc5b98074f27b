/*
 * hexdraw.c - a frame of the byte view drawn into a window (see
 * hexdraw.h); hexview.c keeps the frame (its rows, their bytes, when each
 * byte last changed) and this file only reads it. A byte lit by a change
 * keeps LOOK_CHANGED for HEXVIEW_HIGHLIGHT_MS; characters are drawn
 * through the same filter as every cell, so a segment's bytes never reach
 * the terminal as control characters.
 */
#include <stdio.h>
#include <string.h>

#include "cell.h"
#include "hexdraw.h"
#include "i18n.h"
#include "screen.h"
#include "utf8.h"

/* The look of a byte lit at t (0: not lit), under the cursor or not. */
static attr_t
hexdraw_attr(uint64_t t, uint64_t now, bool cursor)
{
	attr_t a = t != 0 && now < t + HEXVIEW_HIGHLIGHT_MS ? screen_attr(LOOK_CHANGED) :
	    screen_attr(LOOK_VALUE);

	return cursor ? a | A_REVERSE : a;
}

/* One row of bytes at y: offset, elements, characters. */
static void
hexdraw_row(const struct hexview *h, WINDOW *win, int y, size_t j, uint64_t now)
{
	const struct hexview_rows *r = &h->before;
	const unsigned char *b = r->bytes + j * r->per_row;
	const uint64_t *c = r->changed + j * r->per_row;
	unsigned per = r->per_row, es = hexview_esize(h), span = hexview_cursor_span(h), k, i;
	uint64_t off = r->off[j], lit;
	char el[32], line[32];
	bool cur;

	snprintf(line, sizeof line, "%0*llx  ", hexview_offw(h), (unsigned long long)off);
	wattrset(win, screen_attr(LOOK_NAME));
	mvwaddnstr(win, y, 0, line, -1);
	if (h->fmt != SHMPEEK_CHARS) {
		for (k = 0; k < per; k += es) {
			lit = 0;
			for (i = 0; i < es && k + i < per; i++)
				if (c[k + i] > lit)
					lit = c[k + i];
			cur = off + k >= h->cursor && off + k < h->cursor + span;
			if (off + k >= h->size)
				break;
			shmpeek_element(h->fmt, b + k, k < r->have[j] ? r->have[j] - k : 0, el,
			    sizeof el);
			wattrset(win, hexdraw_attr(lit, now, cur));
			if (h->fmt == SHMPEEK_BYTES)
				waddnstr(win, el, -1);
			else
				wprintw(win, "%*s", (int)shmpeek_width(h->fmt), el);
			wattrset(win, A_NORMAL);
			waddstr(win, h->fmt == SHMPEEK_BYTES && k % 8 == 7 ? "  " : " ");
		}
		if (h->fmt != SHMPEEK_BYTES)
			return;
		wmove(win, y, hexview_offw(h) + 2 + (int)per * 3 + (int)(per / 8));
	}
	for (k = 0; k < per && k < r->have[j]; k++) {
		cur = off + k >= h->cursor && off + k < h->cursor + span;
		wattrset(win, hexdraw_attr(c[k], now, cur && (h->fmt == SHMPEEK_CHARS ||
		    span > es)));
		waddch(win, (chtype)(unsigned char)shmpeek_char(b[k]));
	}
	wattrset(win, A_NORMAL);
}

/*
 * Write text at the cursor in at most cols columns (cell_fit): a title in
 * Spanish takes the columns it shows, not its bytes.
 */
static void
hexdraw_put(WINDOW *win, const char *text, int cols)
{
	int n = cell_fit(text, cols, NULL);

	if (n > 0)
		waddnstr(win, text, n);
}

void
hexdraw_view(const struct hexview *h, WINDOW *win, const struct boardmap *names, uint64_t now)
{
	const struct hexview_rows *r = &h->before;
	char line[256];
	size_t j;
	int y = 0, w;

	if (win == NULL)
		return;
	w = getmaxx(win);
	werase(win);
	wattrset(win, screen_attr(LOOK_TITLE));
	hexview_describe(h, names, line, sizeof line);
	wmove(win, y++, 0);
	hexdraw_put(win, line, w);
	wattrset(win, A_NORMAL);
	for (j = 0; h->have_before && j < r->n && y < getmaxy(win); j++, y++) {
		if (r->off[j] >= HEXVIEW_TITLE - HEXVIEW_MAX_FIXED) {
			uint64_t t = HEXVIEW_TITLE - r->off[j];
			const char *title = t == 0 ? h->scroll_title : h->fixed[t - 1].title;

			wattrset(win, screen_attr(LOOK_NAME) | A_BOLD);
			wmove(win, y, 0);
			hexdraw_put(win, title != NULL ? title : "", w);
			wattrset(win, A_NORMAL);
			continue;
		}
		hexdraw_row(h, win, y, j, now);
	}
	wnoutrefresh(win);
}
