/*
 * canvas.c - the board viewport: which part of the board the canvas shows
 * (it follows the cursor), drawing only the cells that changed since the
 * last frame (a shadow of what each screen cell shows), other clients'
 * cursors in their colours, placeholders for anything that cannot be shown,
 * and the greyed-out board while detached.
 */
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "notify.h"
#include "ui.h"

#define CANVAS_OUTSIDE   (1ull << 62)     /* shadow key of a cell beyond the board */
#define CANVAS_DIM       (1ull << 61)     /* shadow flag: drawn greyed out */
#define CANVAS_STALE     UINT64_MAX       /* shadow key that matches nothing */

/* Forget what the screen shows: the next frame redraws every cell. */
void
canvas_invalidate(struct ui *ui)
{
	size_t n = ui->canvas_w > 0 && ui->canvas_h > 0 ?
	    (size_t)ui->canvas_w * (size_t)ui->canvas_h : 0;

	if (n != ui->shadow_n) {
		free(ui->shadow);
		free(ui->presence);
		free(ui->row_moved);
		ui->shadow = n ? malloc(n * sizeof *ui->shadow) : NULL;
		ui->presence = n ? calloc(n, 1) : NULL;
		ui->row_moved = n ? calloc(n, 1) : NULL;
		ui->shadow_n = ui->shadow && ui->presence && ui->row_moved ? n : 0;
	}
	for (size_t i = 0; i < ui->shadow_n; i++)
		ui->shadow[i] = CANVAS_STALE;
	if (ui->shadow_n > 0)
		memset(ui->presence, 0, ui->shadow_n);
	ui->nmarks = 0;
	ui->full_redraw = true;
}

/* Keep one axis of the viewport around pos. */
static uint32_t
canvas_follow(uint32_t view, uint32_t pos, uint32_t size, int visible)
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

/* Pan the viewport so the cursor is visible. */
void
canvas_follow_cursor(struct ui *ui)
{
	const struct board *b = ui_board(ui);
	uint32_t vc, vr;

	if (b == NULL || ui->canvas == NULL)
		return;
	vc = canvas_follow(ui->view_col, ui->me.col, b->cols, ui->canvas_w);
	vr = canvas_follow(ui->view_row, ui->me.row, b->rows, ui->canvas_h);
	if (vc != ui->view_col || vr != ui->view_row) {
		ui->view_col = vc;
		ui->view_row = vr;
		canvas_invalidate(ui);
	}
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
canvas_put(struct ui *ui, int y, int x, uint32_t cp, attr_t attr)
{
	wchar_t wc[2] = { 0, 0 };
	cchar_t cc;

	if (cp == 0)
		cp = ' ';
	if (cp >= 0x80 && !ui->utf8) {
		uint32_t a = canvas_ascii(cp);

		if (a == 0) {
			a = '?';
			attr = screen_attr(ui, UC_PLACEHOLDER) | (attr & A_REVERSE);
		}
		cp = a;
	}
	wc[0] = (wchar_t)cp;
	setcchar(&cc, wc, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
	mvwadd_wch(ui->canvas, y, x, &cc);
}

/* The placeholder for a cell that cannot be shown. */
static uint32_t
canvas_placeholder(const struct ui *ui)
{
	return ui->utf8 ? 0xFFFD : '?';
}

/* Flag the canvas row of cell index i: a presence cursor came, went or changed there. */
static void
canvas_row_moved(struct ui *ui, uint32_t i)
{
	ui->row_moved[i / (uint32_t)ui->canvas_w] = 1;
}

/*
 * Mark every other client's cursor that falls in the viewport, touching only
 * the cells marked last time and this time, and flag the rows where a mark
 * came, went or changed colour.
 */
static void
canvas_presence(struct ui *ui, const struct board *b)
{
	struct client_info list[BOARD_SLOTS];
	uint32_t old[BOARD_SLOTS];
	uint8_t old_val[BOARD_SLOTS];
	int i, k, n = 0, nold = ui->nmarks;

	memcpy(old, ui->marks, (size_t)nold * sizeof old[0]);
	memcpy(old_val, ui->mark_val, (size_t)nold);
	for (i = 0; i < nold; i++)
		ui->presence[old[i]] = 0;
	ui->nmarks = 0;
	if (ui->attached && !ui->distrust)
		n = client_list(b, list, BOARD_SLOTS);
	for (i = 0; i < n; i++) {
		const struct client_info *c = &list[i];
		uint32_t at;

		if (ui->have_slot && c->slot == ui->me.slot)
			continue;
		if (c->col < ui->view_col || c->row < ui->view_row ||
		    c->col - ui->view_col >= (uint32_t)ui->canvas_w ||
		    c->row - ui->view_row >= (uint32_t)ui->canvas_h)
			continue;
		at = (c->row - ui->view_row) * (uint32_t)ui->canvas_w + (c->col - ui->view_col);
		if (ui->presence[at] == 0)
			ui->marks[ui->nmarks++] = at;
		ui->presence[at] = (uint8_t)(c->colour | 0x10);
	}
	for (i = 0; i < ui->nmarks; i++)
		ui->mark_val[i] = ui->presence[ui->marks[i]];
	for (i = 0; i < nold; i++)
		if (ui->presence[old[i]] != old_val[i])
			canvas_row_moved(ui, old[i]);
	for (i = 0; i < ui->nmarks; i++) {
		for (k = 0; k < nold && (old[k] != ui->marks[i] || old_val[k] != ui->mark_val[i]); k++)
			;
		if (k == nold)
			canvas_row_moved(ui, ui->marks[i]);
	}
}

/* Draw the edge of the board (or nothing) for a screen cell beyond it. */
static void
canvas_outside(struct ui *ui, const struct board *b, int y, int x, uint32_t bc, uint32_t br)
{
	attr_t a = screen_attr(ui, UC_OUTSIDE);
	uint32_t cp = ' ';

	if (bc == b->cols && br < b->rows)
		cp = ui->utf8 ? 0x2502 : '|';
	else if (br == b->rows && bc < b->cols)
		cp = ui->utf8 ? 0x2500 : '-';
	else if (bc == b->cols && br == b->rows)
		cp = ui->utf8 ? 0x2518 : '+';
	canvas_put(ui, y, x, cp, a);
}

/* Attributes for a board cell: its ink, a presence cursor over it, or grey. */
static attr_t
canvas_attr(const struct ui *ui, uint32_t cell, uint8_t pres, bool dim)
{
	if (pres)
		return screen_ink(ui, pres & 0xF, true);
	if (dim)
		return screen_attr(ui, UC_DETACHED);
	return screen_ink(ui, cell_colour(cell), false);
}

/* Draw the board cell at screen (y, x) from its row; returns the screen columns it used. */
static int
canvas_cell(struct ui *ui, const struct board *b, const _Atomic uint32_t *cells, int y, int x,
	    const uint8_t *presence, bool dim)
{
	uint32_t bc = ui->view_col + (uint32_t)x;
	size_t i = (size_t)y * (size_t)ui->canvas_w + (size_t)x;
	uint32_t cell = atomic_load_explicit(&cells[bc], memory_order_relaxed);
	uint32_t cp = cell_cp(cell), next = 0;
	uint64_t key = cell | (uint64_t)presence[i] << 32 | (dim ? CANVAS_DIM : 0), key2 = 0;
	uint8_t pres = presence[i];
	int w = 1;

	if (cp >= 0x1100 && cp != CELL_CONT && cell_width(cp) == 2) {
		if (bc + 1 < b->cols)
			next = atomic_load_explicit(&cells[bc + 1], memory_order_relaxed);
		if (x + 1 < ui->canvas_w && cell_cp(next) == CELL_CONT) {
			w = 2;
			key2 = next | (uint64_t)presence[i + 1] << 32 | (dim ? CANVAS_DIM : 0);
		}
	}
	if (ui->shadow[i] == key && (w == 1 || ui->shadow[i + 1] == key2))
		return w;
	ui->shadow[i] = key;
	if (w == 2)
		ui->shadow[i + 1] = key2;
	if (cp == CELL_CONT)
		cp = ' ';
	if (w == 2 && presence[i] == 0)
		pres = presence[i + 1];
	if (cp != 0 && cp != ' ' && (!cell_drawable(cp) || (cell_width(cp) == 2 && w == 1) ||
	    (w == 2 && !ui->utf8))) {
		canvas_put(ui, y, x, canvas_placeholder(ui), screen_attr(ui, UC_PLACEHOLDER) |
		    (pres ? A_REVERSE : 0));
		if (w == 2)
			canvas_put(ui, y, x + 1, ' ', canvas_attr(ui, next, presence[i + 1], dim));
		return w;
	}
	canvas_put(ui, y, x, cp, canvas_attr(ui, cell, pres, dim));
	return w;
}

/* Draw the screen cells of row y that lie beyond the board's edge. */
static void
canvas_outside_row(struct ui *ui, const struct board *b, int y, int from)
{
	uint32_t br = ui->view_row + (uint32_t)y;
	int x;

	for (x = from; x < ui->canvas_w; x++) {
		uint32_t bc = ui->view_col + (uint32_t)x;
		size_t i = (size_t)y * (size_t)ui->canvas_w + (size_t)x;
		uint64_t key = CANVAS_OUTSIDE | (uint64_t)bc << 20 | br;

		if (ui->shadow[i] != key) {
			ui->shadow[i] = key;
			canvas_outside(ui, b, y, x, bc, br);
		}
	}
}

/* Size the per-row stamps for b; false when they must all be considered stale. */
static bool
canvas_rows_ready(struct ui *ui, const struct board *b)
{
	if (ui->row_seen_n == b->rows && ui->row_seen != NULL)
		return true;
	free(ui->row_seen);
	ui->row_seen = calloc(b->rows, sizeof *ui->row_seen);
	ui->row_seen_n = ui->row_seen ? b->rows : 0;
	return false;
}

/*
 * Redraw the cells that changed since the last frame: only rows whose
 * stamp moved or whose presence cursors changed, unless a full check was
 * asked for (a new view, a tick).
 */
void
canvas_draw(struct ui *ui)
{
	const struct board *b = ui_board(ui);
	bool dim = !ui->attached || ui->distrust, full;
	uint32_t gen = 0, stamp;
	int x, y;

	if (ui->canvas == NULL || ui->shadow_n == 0)
		return;
	if (b == NULL) {
		werase(ui->canvas);
		canvas_invalidate(ui);
		wnoutrefresh(ui->canvas);
		return;
	}
	if (ui->attached && !ui->distrust) {
		gen = notify_generation(b);
		ui->drawn_presence = notify_presence_seen(b);
	}
	full = !canvas_rows_ready(ui, b) || ui->full_redraw || ui->full_check;
	canvas_presence(ui, b);
	for (y = 0; y < ui->canvas_h; y++) {
		uint32_t br = ui->view_row + (uint32_t)y;
		const _Atomic uint32_t *cells = board_row(b, br);
		bool moved = ui->row_moved[y];

		ui->row_moved[y] = 0;

		if (cells == NULL) {
			if (full)
				canvas_outside_row(ui, b, y, 0);
			continue;
		}
		stamp = board_row_stamp(b, br);
		if (!full && !moved && stamp == ui->row_seen[br])
			continue;
		ui->row_seen[br] = stamp;
		for (x = 0; x < ui->canvas_w && ui->view_col + (uint32_t)x < b->cols;)
			x += canvas_cell(ui, b, cells, y, x, ui->presence, dim);
		if (full)
			canvas_outside_row(ui, b, y, x);
	}
	ui->full_redraw = false;
	ui->full_check = false;
	if (ui->attached && !ui->distrust)
		ui->drawn_gen = gen;
	wnoutrefresh(ui->canvas);
}

/* Put the terminal cursor on our cursor (after every window was queued). */
void
canvas_place_cursor(struct ui *ui)
{
	uint32_t x, y;

	if (ui->canvas == NULL)
		return;
	x = ui->me.col - ui->view_col;
	y = ui->me.row - ui->view_row;
	if (ui->me.col >= ui->view_col && ui->me.row >= ui->view_row &&
	    x < (uint32_t)ui->canvas_w && y < (uint32_t)ui->canvas_h) {
		curs_set(1);
		setsyx((int)y, (int)x);
	} else {
		curs_set(0);
	}
}
