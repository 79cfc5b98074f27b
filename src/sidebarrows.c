/*
 * sidebarrows.c - the sidebar's rows as drawn (sidebarrows.h). A frame's
 * pieces of text go to one static buffer (one sidebar per process, one
 * frame at a time); each row's pieces are hashed with FNV-1a (64 bits) in
 * the order they came, and a row is cleared from column 1 (the divider in
 * column 0 stays) and drawn again only when its hash moved. Pieces that do
 * not fit in the buffer make the frame a whole one, drawn as before.
 */
#include <string.h>

#include "look.h"
#include "screen.h"
#include "sidebarrows.h"

/* Write text at (y, x) clipped to the sidebar's width (an ellipsis says it was). */
static void
sidebarrows_put(int y, int x, attr_t a, const char *text)
{
	WINDOW *win = screen_window(SCREEN_SIDEBAR);
	int room = getmaxx(win) - x;

	if (room <= 0)
		return;
	wattrset(win, a);
	wmove(win, y, x);
	screen_put_fit(win, text, room);
	wattrset(win, A_NORMAL);
}

/*
 * While sidebar_draw lays a frame out, the pieces of text are kept here,
 * not drawn: each row's pieces are hashed, and only the rows whose hash
 * differs from the one drawn last are cleared and drawn (no werase of the
 * whole panel to change one number). Pieces that do not fit make the
 * frame a whole one.
 */
#define SIDEBARROWS_PIECES  512
#define SIDEBARROWS_BYTES   16384
static struct {
	bool on, overflow;
	int n;
	size_t used;
	struct { int y, x; attr_t a; size_t at; } piece[SIDEBARROWS_PIECES];
	char text[SIDEBARROWS_BYTES];
} sidebarrows_rec;

void
sidebarrows_text(int y, int x, attr_t a, const char *text)
{
	size_t len = strlen(text) + 1;

	if (!sidebarrows_rec.on) {
		sidebarrows_put(y, x, a, text);
		return;
	}
	if (sidebarrows_rec.n == SIDEBARROWS_PIECES || len > SIDEBARROWS_BYTES - sidebarrows_rec.used) {
		sidebarrows_rec.overflow = true;
		return;
	}
	sidebarrows_rec.piece[sidebarrows_rec.n].y = y;
	sidebarrows_rec.piece[sidebarrows_rec.n].x = x;
	sidebarrows_rec.piece[sidebarrows_rec.n].a = a;
	sidebarrows_rec.piece[sidebarrows_rec.n++].at = sidebarrows_rec.used;
	memcpy(sidebarrows_rec.text + sidebarrows_rec.used, text, len);
	sidebarrows_rec.used += len;
}

/* FNV-1a over n bytes of p, from h. */
static uint64_t
sidebarrows_hash(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	while (n-- > 0)
		h = (h ^ *b++) * 0x100000001b3ull;
	return h;
}

/* Draw the rows whose pieces differ from what was drawn (all of them when !sb->drawn_ok). */
static void
sidebarrows_flush(struct sidebarrows *r, WINDOW *win, int height)
{
	uint64_t h[SIDEBARROWS_MAX];
	int i, y;

	for (y = 0; y < height && y < SIDEBARROWS_MAX; y++)
		h[y] = 0xcbf29ce484222325ull;
	for (i = 0; i < sidebarrows_rec.n; i++) {
		y = sidebarrows_rec.piece[i].y;
		if (y < 0 || y >= SIDEBARROWS_MAX || y >= height)
			continue;
		h[y] = sidebarrows_hash(h[y], &sidebarrows_rec.piece[i].x, sizeof sidebarrows_rec.piece[i].x);
		h[y] = sidebarrows_hash(h[y], &sidebarrows_rec.piece[i].a, sizeof sidebarrows_rec.piece[i].a);
		h[y] = sidebarrows_hash(h[y], sidebarrows_rec.text + sidebarrows_rec.piece[i].at,
		    strlen(sidebarrows_rec.text + sidebarrows_rec.piece[i].at));
	}
	for (y = 0; y < height; y++) {
		bool redo = y >= SIDEBARROWS_MAX || !r->ok || h[y] != r->hash[y];

		if (y < SIDEBARROWS_MAX)
			r->hash[y] = h[y];
		if (!redo)
			continue;
		wmove(win, y, 1);
		wclrtoeol(win);
		for (i = 0; i < sidebarrows_rec.n; i++)
			if (sidebarrows_rec.piece[i].y == y)
				sidebarrows_put(y, sidebarrows_rec.piece[i].x, sidebarrows_rec.piece[i].a,
				    sidebarrows_rec.text + sidebarrows_rec.piece[i].at);
	}
	r->ok = true;
}

void
sidebarrows_invalidate(struct sidebarrows *r)
{
	r->ok = false;
}

void
sidebarrows_begin(struct sidebarrows *r, WINDOW *win)
{
	if (win != r->win || getmaxx(win) != r->w || getmaxy(win) != r->h)
		r->ok = false;
	r->win = win;
	r->w = getmaxx(win);
	r->h = getmaxy(win);
	sidebarrows_rec.on = true;
	sidebarrows_rec.overflow = false;
	sidebarrows_rec.n = 0;
	sidebarrows_rec.used = 0;
}

bool
sidebarrows_end(struct sidebarrows *r, WINDOW *win)
{
	int height = getmaxy(win);

	sidebarrows_rec.on = false;
	if (!r->ok || sidebarrows_rec.overflow) {
		werase(win);
		wattrset(win, screen_attr(LOOK_OUTSIDE));
		mvwvline(win, 0, 0, ACS_VLINE, height);
		wattrset(win, A_NORMAL);
		r->ok = false;
	}
	if (sidebarrows_rec.overflow)
		return true;
	sidebarrows_flush(r, win, height);
	return false;
}
