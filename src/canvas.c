/*
 * canvas.c - the board viewport. A frame looks only at rows whose stamp
 * moved (or where a presence cursor came or went) and, in those, writes a
 * screen cell only when its shadow key (cell word, presence mark, greyed
 * flag) differs from what the screen shows, so a remote keystroke costs a
 * row scan and one cell. Presence cursors are a short list of marked cells,
 * so moving ones touch only the cells marked before and now.
 */
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "notify.h"
#include "canvas.h"
#include "client.h"
#include "screen.h"

#define CANVAS_OUTSIDE   (1ull << 62)     /* shadow key of a cell beyond the board */
#define CANVAS_DIM       (1ull << 61)     /* shadow flag: drawn greyed out */
#define CANVAS_PREVIEW   (1ull << 60)     /* shadow key of a preview cell: | its glyph */
#define CANVAS_CUT       (1ull << 59)     /* shadow flag: a wide character cut by the right edge */
#define CANVAS_STALE     UINT64_MAX       /* shadow key that matches nothing */

void
canvas_invalidate(struct canvas *c)
{
	size_t i;

	for (i = 0; i < c->shadow_n; i++)
		c->shadow[i] = CANVAS_STALE;
	if (c->shadow_n > 0)
		memset(c->presence, 0, c->shadow_n);
	c->nmarks = 0;
	c->full_redraw = true;
}

void
canvas_free(struct canvas *c)
{
	free(c->shadow);
	free(c->presence);
	free(c->row_moved);
	free(c->row_seen);
	c->shadow = NULL;
	c->presence = c->row_moved = NULL;
	c->row_seen = NULL;
	c->shadow_n = 0;
	c->row_seen_n = 0;
}

void
canvas_resize(struct canvas *c)
{
	size_t n;

	c->w = screen_canvas_cols();
	c->h = screen_canvas_rows();
	n = c->w > 0 && c->h > 0 ? (size_t)c->w * (size_t)c->h : 0;
	if (n != c->shadow_n) {
		free(c->shadow);
		free(c->presence);
		free(c->row_moved);
		c->shadow = n ? malloc(n * sizeof *c->shadow) : NULL;
		c->presence = n ? calloc(n, 1) : NULL;
		c->row_moved = n ? calloc(n, 1) : NULL;
		c->shadow_n = c->shadow && c->presence && c->row_moved ? n : 0;
	}
	c->view_col = c->view_row = 0;
	canvas_invalidate(c);
}

/* Keep one axis of the viewport around pos. */
static uint32_t
canvas_follow_axis(uint32_t view, uint32_t pos, uint32_t size, int visible)
{
	uint32_t vis = visible > 0 ? (uint32_t)visible : 1;

	if (size <= vis)
		return 0;
	if (pos < view)
		view = pos;
	else if (pos >= view + vis)
		view = pos - vis + 1;
	if (view > size - vis)
		view = size - vis;
	return view;
}

void
canvas_follow(struct canvas *c, const struct board *b, uint32_t col, uint32_t row)
{
	uint32_t vc, vr;

	if (b == NULL || c->shadow_n == 0)
		return;
	vc = canvas_follow_axis(c->view_col, col, b->cols, c->w);
	vr = canvas_follow_axis(c->view_row, row, b->rows, c->h);
	if (vc != c->view_col || vr != c->view_row) {
		c->view_col = vc;
		c->view_row = vr;
		canvas_invalidate(c);
	}
}

/* One axis of the viewport moved by d, within the board. */
static uint32_t
canvas_pan_axis(uint32_t view, long d, uint32_t size, int visible)
{
	long v = (long)view + d, last = (long)size - (visible > 0 ? visible : 1);

	if (v > last)
		v = last;
	return v < 0 ? 0 : (uint32_t)v;
}

bool
canvas_pan(struct canvas *c, const struct board *b, long dc, long dr)
{
	uint32_t vc, vr;

	if (b == NULL || c->shadow_n == 0)
		return false;
	vc = canvas_pan_axis(c->view_col, dc, b->cols, c->w);
	vr = canvas_pan_axis(c->view_row, dr, b->rows, c->h);
	if (vc == c->view_col && vr == c->view_row)
		return false;
	c->view_col = vc;
	c->view_row = vr;
	canvas_invalidate(c);
	return true;
}

/* ASCII stand-in for a box-drawing or block character in a non-UTF-8 terminal. */
static uint32_t
canvas_ascii(uint32_t cp)
{
	static const uint16_t horiz[] = { 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509,
	    0x254C, 0x254D, 0x2550, 0x2574, 0x2576, 0x2578, 0x257A };
	static const uint16_t vert[] = { 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B,
	    0x254E, 0x254F, 0x2551, 0x2575, 0x2577, 0x2579, 0x257B };
	size_t i;

	if (cp >= 0x2500 && cp <= 0x257F) {
		for (i = 0; i < sizeof horiz / sizeof horiz[0]; i++)
			if (cp == horiz[i])
				return '-';
		for (i = 0; i < sizeof vert / sizeof vert[0]; i++)
			if (cp == vert[i])
				return '|';
		return '+';
	}
	if (cp >= 0x2580 && cp <= 0x259F)
		return '#';
	return 0;
}

/* Put one character (cp drawable, or a placeholder) at y, x with attributes. */
static void
canvas_put(int y, int x, uint32_t cp, attr_t attr)
{
	wchar_t wc[2] = { 0, 0 };
	cchar_t cc;

	if (cp == 0)
		cp = ' ';
	if (cp >= 0x80 && !screen_utf8()) {
		uint32_t a = canvas_ascii(cp);

		if (a == 0) {
			a = '?';
			attr = screen_attr(LOOK_PLACEHOLDER) | (attr & A_REVERSE);
		}
		cp = a;
	}
	wc[0] = (wchar_t)cp;
	setcchar(&cc, wc, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
	mvwadd_wch(screen_window(SCREEN_CANVAS), y, x, &cc);
}

/* The placeholder for a cell that cannot be shown. */
static uint32_t
canvas_placeholder(void)
{
	return screen_utf8() ? 0xFFFD : '?';
}

/* Flag the canvas row of cell index i: a presence cursor came, went or changed there. */
static void
canvas_row_moved(struct canvas *cv, uint32_t i)
{
	cv->row_moved[i / (uint32_t)cv->w] = 1;
}

/*
 * Mark every other client's cursor that falls in the viewport, touching only
 * the cells marked last time and this time, and flag the rows where a mark
 * came, went or changed colour.
 */
static void
canvas_presence(struct canvas *cv, const struct client_info *list, int n, int my_slot)
{
	uint32_t old[BOARD_SLOTS];
	uint8_t old_val[BOARD_SLOTS];
	int i, k, nold = cv->nmarks;

	memcpy(old, cv->marks, (size_t)nold * sizeof old[0]);
	memcpy(old_val, cv->mark_val, (size_t)nold);
	for (i = 0; i < nold; i++)
		cv->presence[old[i]] = 0;
	cv->nmarks = 0;
	for (i = 0; i < n; i++) {
		const struct client_info *c = &list[i];
		uint32_t at;

		if (c->slot == my_slot)
			continue;
		if (c->col < cv->view_col || c->row < cv->view_row ||
		    c->col - cv->view_col >= (uint32_t)cv->w ||
		    c->row - cv->view_row >= (uint32_t)cv->h)
			continue;
		at = (c->row - cv->view_row) * (uint32_t)cv->w + (c->col - cv->view_col);
		if (cv->presence[at] == 0)
			cv->marks[cv->nmarks++] = at;
		cv->presence[at] = (uint8_t)(c->colour | 0x10);
	}
	for (i = 0; i < cv->nmarks; i++)
		cv->mark_val[i] = cv->presence[cv->marks[i]];
	for (i = 0; i < nold; i++)
		if (cv->presence[old[i]] != old_val[i])
			canvas_row_moved(cv, old[i]);
	for (i = 0; i < cv->nmarks; i++) {
		for (k = 0; k < nold && (old[k] != cv->marks[i] || old_val[k] != cv->mark_val[i]); k++)
			;
		if (k == nold)
			canvas_row_moved(cv, cv->marks[i]);
	}
}

/* Draw the edge of the board (or nothing) for a screen cell beyond it. */
static void
canvas_outside(const struct board *b, int y, int x, uint32_t bc, uint32_t br)
{
	attr_t a = screen_attr(LOOK_OUTSIDE);
	uint32_t cp = ' ';

	if (bc == b->cols && br < b->rows)
		cp = screen_utf8() ? 0x2502 : '|';
	else if (br == b->rows && bc < b->cols)
		cp = screen_utf8() ? 0x2500 : '-';
	else if (bc == b->cols && br == b->rows)
		cp = screen_utf8() ? 0x2518 : '+';
	canvas_put(y, x, cp, a);
}

/* Attributes for a board cell: its ink, a presence cursor over it, or grey. */
static attr_t
canvas_attr(uint32_t cell, uint8_t pres, bool dim)
{
	if (pres)
		return screen_ink(pres & 0xF, true);
	if (dim)
		return screen_attr(LOOK_DETACHED);
	return screen_ink(cell_colour(cell), false);
}

/* Draw the board cell at screen (y, x) from its row; returns the screen columns it used. */
static int
canvas_cell(struct canvas *cv, const struct board *b, const _Atomic uint32_t *cells, int y, int x,
	    const uint8_t *presence, bool dim)
{
	uint32_t bc = cv->view_col + (uint32_t)x;
	size_t i = (size_t)y * (size_t)cv->w + (size_t)x;
	uint32_t cell = atomic_load_explicit(&cells[bc], memory_order_relaxed);
	uint32_t cp = cell_cp(cell), next = 0;
	uint64_t key = cell | (uint64_t)presence[i] << 32 | (dim ? CANVAS_DIM : 0), key2 = 0;
	uint8_t pres = presence[i];
	bool cut = false;
	int w = 1;

	if (cp >= 0x1100 && cp != CELL_CONT && cell_width(cp) == 2) {
		if (bc + 1 < b->cols)
			next = atomic_load_explicit(&cells[bc + 1], memory_order_relaxed);
		if (x + 1 < cv->w && cell_cp(next) == CELL_CONT) {
			w = 2;
			key2 = next | (uint64_t)presence[i + 1] << 32 | (dim ? CANVAS_DIM : 0);
		} else if (cell_cp(next) == CELL_CONT) {
			/* whole, but its right half is beyond the canvas's last column */
			cut = true;
			key |= CANVAS_CUT;
		}
	}
	if (cv->shadow[i] == key && (w == 1 || cv->shadow[i + 1] == key2))
		return w;
	cv->shadow[i] = key;
	if (w == 2)
		cv->shadow[i + 1] = key2;
	if (cut) {
		/* nothing is wrong with it: say quietly that it goes on out of sight */
		canvas_put(y, x, screen_utf8() ? 0x2026 : '>', screen_attr(LOOK_OUTSIDE) |
		    (pres ? A_REVERSE : 0));
		return 1;
	}
	if (cp == CELL_CONT)
		cp = ' ';
	if (w == 2 && presence[i] == 0)
		pres = presence[i + 1];
	if (cp != 0 && cp != ' ' && (!cell_drawable(cp) || (cell_width(cp) == 2 && w == 1) ||
	    (w == 2 && !screen_utf8()))) {
		canvas_put(y, x, canvas_placeholder(), screen_attr(LOOK_PLACEHOLDER) |
		    (pres ? A_REVERSE : 0));
		if (w == 2)
			canvas_put(y, x + 1, ' ', canvas_attr(next, presence[i + 1], dim));
		return w;
	}
	canvas_put(y, x, cp, canvas_attr(cell, pres, dim));
	return w;
}

void
canvas_preview(struct canvas *cv, bool on, uint32_t c0, uint32_t r0, uint32_t c1, uint32_t r1,
	       unsigned ink)
{
	cv->preview.on = on;
	cv->preview.c0 = c0 < c1 ? c0 : c1;
	cv->preview.c1 = c0 < c1 ? c1 : c0;
	cv->preview.r0 = r0 < r1 ? r0 : r1;
	cv->preview.r1 = r0 < r1 ? r1 : r0;
	cv->preview_ink = ink;
}

/* Flag the canvas rows a rectangle covers (it came or went). */
static void
canvas_rect_rows(struct canvas *cv, const struct canvas_rect *r)
{
	uint32_t row;

	if (!r->on)
		return;
	for (row = r->r0; row <= r->r1; row++)
		if (row >= cv->view_row && row - cv->view_row < (uint32_t)cv->h)
			cv->row_moved[row - cv->view_row] = 1;
}

/* A moved preview redraws the rows it left and the rows it covers now. */
static void
canvas_preview_rows(struct canvas *cv)
{
	const struct canvas_rect *a = &cv->preview, *b = &cv->preview_drawn;

	if (a->on == b->on && (!a->on || (a->c0 == b->c0 && a->c1 == b->c1 && a->r0 == b->r0 &&
	    a->r1 == b->r1)))
		return;
	canvas_rect_rows(cv, b);
	canvas_rect_rows(cv, a);
	cv->preview_drawn = cv->preview;
}

/* The preview's character at board cell (col, row): a corner or an edge; 0 off it. */
static uint32_t
canvas_preview_glyph(const struct canvas *cv, uint32_t col, uint32_t row)
{
	const struct canvas_rect *r = &cv->preview;
	bool top = row == r->r0, bottom = row == r->r1, left = col == r->c0, right = col == r->c1;
	bool u = screen_utf8();

	if (!r->on || col < r->c0 || col > r->c1 || row < r->r0 || row > r->r1 ||
	    !(top || bottom || left || right))
		return 0;
	if ((top || bottom) && (left || right) && r->c0 != r->c1 && r->r0 != r->r1)
		return !u ? '+' : top ? (left ? 0x250C : 0x2510) : (left ? 0x2514 : 0x2518);
	if (r->r0 == r->r1 && r->c0 == r->c1)
		return u ? 0x253C : '+';
	if (top || bottom)
		return r->r0 == r->r1 || !(left || right) ? (u ? 0x2500 : '-') : (u ? 0x2502 : '|');
	return u ? 0x2502 : '|';
}

/* Draw a preview cell (or the blank left of one, under half a wide character). */
static int
canvas_preview_put(struct canvas *cv, int y, int x, uint32_t glyph)
{
	size_t i = (size_t)y * (size_t)cv->w + (size_t)x;
	uint64_t key = CANVAS_PREVIEW | glyph | (uint64_t)cv->preview_ink << 24;

	if (cv->shadow[i] != key) {
		cv->shadow[i] = key;
		canvas_put(y, x, glyph, screen_ink(cv->preview_ink, true) | A_DIM);
	}
	return 1;
}

/* Draw the screen cells of row y that lie beyond the board's edge. */
static void
canvas_outside_row(struct canvas *cv, const struct board *b, int y, int from)
{
	uint32_t br = cv->view_row + (uint32_t)y;
	int x;

	for (x = from; x < cv->w; x++) {
		uint32_t bc = cv->view_col + (uint32_t)x;
		size_t i = (size_t)y * (size_t)cv->w + (size_t)x;
		uint64_t key = CANVAS_OUTSIDE | (uint64_t)bc << 20 | br;

		if (cv->shadow[i] != key) {
			cv->shadow[i] = key;
			canvas_outside(b, y, x, bc, br);
		}
	}
}

/* Size the per-row stamps for b; false when they must all be considered stale. */
static bool
canvas_rows_ready(struct canvas *cv, const struct board *b)
{
	if (cv->row_seen_n == b->rows && cv->row_seen != NULL)
		return true;
	free(cv->row_seen);
	cv->row_seen = calloc(b->rows, sizeof *cv->row_seen);
	cv->row_seen_n = cv->row_seen ? b->rows : 0;
	return false;
}

void
canvas_follow_client(struct canvas *cv, pid_t pid, uid_t uid, bool by_uid)
{
	cv->following = true;
	cv->follow_pid = pid;
	cv->follow_uid = uid;
	cv->follow_by_uid = by_uid;
	cv->follow_found = false;
}

void
canvas_unfollow(struct canvas *cv)
{
	cv->following = false;
	cv->follow_found = false;
}

/* Pan to the followed client's cursor, when they are on the board. */
static void
canvas_track(struct canvas *cv, const struct board *b, const struct client_info *list, int n,
	     int my_slot)
{
	int i;

	if (!cv->following)
		return;
	for (i = 0; i < n; i++)
		if (list[i].slot != my_slot && (cv->follow_by_uid ? list[i].uid == cv->follow_uid :
		    list[i].pid == cv->follow_pid))
			break;
	cv->follow_found = i < n;
	if (i == n)
		return;
	cv->followed = list[i];
	canvas_follow(cv, b, list[i].col, list[i].row);
}

/*
 * Only rows whose stamp moved or whose presence cursors changed are
 * looked at, unless a full check was asked for (a new view, a tick).
 */
void
canvas_draw(struct canvas *cv, const struct board *b, bool live, int my_slot)
{
	WINDOW *win = screen_window(SCREEN_CANVAS);
	struct client_info list[BOARD_SLOTS];
	bool dim = !live, full;
	uint32_t gen = 0, stamp;
	int x, y, n = 0;

	if (win == NULL || cv->shadow_n == 0)
		return;
	if (b == NULL) {
		werase(win);
		canvas_invalidate(cv);
		wnoutrefresh(win);
		return;
	}
	if (live) {
		gen = notify_generation(b);
		cv->drawn_presence = notify_presence_seen(b);
		n = client_list(b, list, BOARD_SLOTS);
		canvas_track(cv, b, list, n, my_slot);
	}
	full = !canvas_rows_ready(cv, b) || cv->full_redraw || cv->full_check;
	canvas_presence(cv, list, n, my_slot);
	canvas_preview_rows(cv);
	for (y = 0; y < cv->h; y++) {
		uint32_t br = cv->view_row + (uint32_t)y;
		const _Atomic uint32_t *cells = board_row(b, br);
		bool moved = cv->row_moved[y];

		cv->row_moved[y] = 0;
		if (cells == NULL) {
			if (full)
				canvas_outside_row(cv, b, y, 0);
			continue;
		}
		stamp = board_row_stamp(b, br);
		if (!full && !moved && stamp == cv->row_seen[br])
			continue;
		cv->row_seen[br] = stamp;
		for (x = 0; x < cv->w && cv->view_col + (uint32_t)x < b->cols;) {
			uint32_t bc = cv->view_col + (uint32_t)x, g = canvas_preview_glyph(cv, bc, br);

			/* a wide character whose right half is under the preview is cut */
			if (g == 0 && canvas_preview_glyph(cv, bc + 1, br) != 0 &&
			    cell_width(cell_cp(atomic_load_explicit(&cells[bc],
			    memory_order_relaxed))) == 2)
				g = ' ';
			if (g != 0)
				x += canvas_preview_put(cv, y, x, g);
			else
				x += canvas_cell(cv, b, cells, y, x, cv->presence, dim);
		}
		if (full)
			canvas_outside_row(cv, b, y, x);
	}
	cv->full_redraw = false;
	cv->full_check = false;
	if (live)
		cv->drawn_gen = gen;
	wnoutrefresh(win);
}

bool
canvas_behind(const struct canvas *cv, const struct board *b)
{
	return b != NULL && notify_generation(b) != cv->drawn_gen;
}

bool
canvas_recheck(struct canvas *cv, const struct board *b, bool live)
{
	uint32_t gen = live ? notify_generation(b) : 0;

	if (gen == cv->checked_gen)
		return false;
	cv->checked_gen = gen;
	cv->full_check = true;
	return true;
}

void
canvas_place_cursor(const struct canvas *cv, uint32_t col, uint32_t row)
{
	uint32_t x = col - cv->view_col, y = row - cv->view_row;

	if (screen_window(SCREEN_CANVAS) == NULL)
		return;
	if (col >= cv->view_col && row >= cv->view_row && x < (uint32_t)cv->w &&
	    y < (uint32_t)cv->h) {
		curs_set(1);
		setsyx((int)y, (int)x);
	} else {
		curs_set(0);
	}
}

bool
canvas_cell_at(const struct canvas *cv, const struct board *b, int x, int y, uint32_t *col,
	       uint32_t *row)
{
	if (b == NULL || x < 0 || y < 0 || x >= cv->w || y >= cv->h)
		return false;
	*col = cv->view_col + (uint32_t)x;
	*row = cv->view_row + (uint32_t)y;
	*col = *col >= b->cols ? b->cols - 1 : *col;
	*row = *row >= b->rows ? b->rows - 1 : *row;
	return true;
}
