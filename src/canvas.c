/*
 * canvas.c - the board viewport. A frame looks only at rows whose stamp
 * moved (or where a presence cursor came or went) and, in those, writes a
 * screen cell only when its shadow key (cell word, presence mark, greyed
 * flag) differs from what the screen shows, so a remote keystroke costs a
 * row scan and one cell. Which rows a presence cursor or the box's outline
 * came to or left is marks.c's to say; the ASCII stand-ins for box-drawing
 * characters are lines.c's; writing a cell, and the outline and paste
 * preview cells, canvasput.c's.
 */
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "cell.h"
#include "notify.h"
#include "canvas.h"
#include "canvasput.h"
#include "client.h"
#include "direct.h"
#include "marks.h"
#include "screen.h"
#include "shminfo.h"


/* The shadow key of a board cell: what it shows (not its write counter), the
 * presence mark over it, greyed or not. */
#define CANVAS_KEY(cell, pres, dim) \
	(cell_content(cell) | (uint64_t)(pres) << CELL_COUNTER_SHIFT | ((dim) ? CANVAS_DIM : 0))

void
canvas_invalidate(struct canvas *c)
{
	size_t i;

	for (i = 0; i < c->shadow_n; i++)
		c->shadow[i] = CANVAS_STALE;
	marks_clear(&c->marks);
	c->full_redraw = true;
}

void
canvas_free(struct canvas *c)
{
	free(c->shadow);
	free(c->row_moved);
	free(c->row_seen);
	marks_free(&c->marks);
	c->shadow = NULL;
	c->row_moved = NULL;
	c->row_seen = NULL;
	c->shadow_n = 0;
	c->row_seen_n = 0;
}

void
canvas_resize(struct canvas *c)
{
	size_t n;
	bool marked;

	c->w = screen_canvas_cols();
	c->h = screen_canvas_rows();
	n = c->w > 0 && c->h > 0 ? (size_t)c->w * (size_t)c->h : 0;
	marked = marks_resize(&c->marks, c->w, c->h);
	if (n != c->shadow_n) {
		free(c->shadow);
		free(c->row_moved);
		c->shadow = n ? malloc(n * sizeof *c->shadow) : NULL;
		c->row_moved = n ? calloc(n, 1) : NULL;
		c->shadow_n = c->shadow && marked && c->row_moved ? n : 0;
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

/* The placeholder for a cell that cannot be shown. */
static uint32_t
canvas_placeholder(void)
{
	return screen_utf8() ? 0xFFFD : '?';
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
	canvasput_char(y, x, cp, a);
}

/* Attributes for a board cell: its colours and attributes, a presence cursor or a selection over it, or grey. */
static attr_t
canvas_attr(uint64_t cell, uint8_t pres, bool dim)
{
	if (pres & 0x20)       /* a selection: reversed and underlined in its maker's ink */
		return screen_ink(pres & 0xF, true) | A_UNDERLINE;
	if (pres)
		return screen_ink(pres & 0xF, true);
	if (dim)
		return screen_attr(LOOK_DETACHED);
	return screen_cell(cell_fg(cell), cell_bg(cell), cell_attrs(cell));
}

/* Draw the board cell at screen (y, x) from its row; returns the screen columns it used. */
static int
canvas_cell(struct canvas *cv, const struct board *b, const _Atomic uint64_t *cells, int y, int x,
	    const uint8_t *presence, bool dim)
{
	uint32_t bc = cv->view_col + (uint32_t)x, br = cv->view_row + (uint32_t)y;
	size_t i = (size_t)y * (size_t)cv->w + (size_t)x;
	uint64_t cell = atomic_load_explicit(&cells[bc], memory_order_relaxed), next = 0;
	uint32_t cp = cell_cp(cell);
	uint8_t pres = presence[i] ? presence[i] : marks_selected(&cv->marks, bc, br), pres2 = 0;
	uint64_t key = CANVAS_KEY(cell, pres, dim), key2 = 0;
	bool cut = false;
	int w = 1;

	if (cp >= 0x1100 && cp != CELL_CONT && cell_width(cp) == 2) {
		if (bc + 1 < b->cols)
			next = atomic_load_explicit(&cells[bc + 1], memory_order_relaxed);
		if (x + 1 < cv->w && cell_cp(next) == CELL_CONT) {
			w = 2;
			pres2 = presence[i + 1] ? presence[i + 1] : marks_selected(&cv->marks, bc + 1, br);
			key2 = CANVAS_KEY(next, pres2, dim);
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
		canvasput_char(y, x, screen_utf8() ? 0x2026 : '>', screen_attr(LOOK_OUTSIDE) |
		    (pres ? A_REVERSE : 0));
		return 1;
	}
	if (cp == CELL_CONT)
		cp = ' ';
	if (w == 2 && pres == 0)
		pres = pres2;
	if (cp != 0 && cp != ' ' && (!cell_drawable(cp) || (cell_width(cp) == 2 && w == 1) ||
	    (w == 2 && !screen_utf8()))) {
		canvasput_char(y, x, canvas_placeholder(), screen_attr(LOOK_PLACEHOLDER) |
		    (pres ? A_REVERSE : 0));
		if (w == 2)
			canvasput_char(y, x + 1, ' ', canvas_attr(next, pres2, dim));
		return w;
	}
	canvasput_char(y, x, cp, canvas_attr(cell, pres, dim));
	return w;
}

void
canvas_preview(struct canvas *cv, bool on, uint32_t c0, uint32_t r0, uint32_t c1, uint32_t r1,
	       unsigned ink)
{
	marks_box(&cv->marks, on, c0, r0, c1, r1, ink);
}

void
canvas_selection(struct canvas *cv, const struct clip *clip, uint32_t col, uint32_t row,
		 unsigned ink)
{
	marks_mine(&cv->marks, clip, col, row, ink);
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

const char *
canvas_following(const struct canvas *cv, char *out, size_t n)
{
	char user[32];

	if (!cv->following)
		return NULL;
	if (cv->follow_found)
		snprintf(out, n, "%s (pid %d)", shminfo_user(cv->followed.uid, user, sizeof user),
		    (int)cv->followed.pid);
	else if (cv->follow_by_uid)
		/* TRANSLATORS: whom the view follows, after "following " on the
		 * status line: a user or a pid that has no cursor on the board */
		snprintf(out, n, _("%s (not on the board)"),
		    shminfo_user(cv->follow_uid, user, sizeof user));
	else
		snprintf(out, n, _("pid %d (not on the board)"), (int)cv->follow_pid);
	return out;
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
 * A row with no selection and no outline over it: a narrow cell whose key
 * (CANVAS_KEY, with only a cursor mark as its mark) is what the shadow holds
 * is passed over here, without canvas_cell's calls; a row changed by one
 * keystroke is mostly such cells. Any other cell goes to canvas_cell.
 */
static int
canvas_row_plain(struct canvas *cv, const struct board *b, const _Atomic uint64_t *cells, int y,
		 bool dim)
{
	size_t at = (size_t)y * (size_t)cv->w;
	const uint64_t *shadow = cv->shadow + at;
	const uint8_t *pres = cv->marks.at + at;
	const _Atomic uint64_t *row = cells + cv->view_col;
	uint64_t dimbit = dim ? CANVAS_DIM : 0, cell;
	int x, end = cv->w;

	if ((uint64_t)cv->view_col + (uint64_t)end > b->cols)
		end = cv->view_col < b->cols ? (int)(b->cols - cv->view_col) : 0;
	for (x = 0; x < end;) {
		cell = atomic_load_explicit(&row[x], memory_order_relaxed);
		if ((cell & CELL_CP_MASK) < 0x1100 && shadow[x] == ((cell & ~CELL_COUNTER_MASK) |
		    (uint64_t)pres[x] << CELL_COUNTER_SHIFT | dimbit)) {
			x++;
			continue;
		}
		x += canvas_cell(cv, b, cells, y, x, cv->marks.at, dim);
	}
	return x;
}

/* Draw the board cells of canvas row y, board row br (its cells), and the outline over them. */
static int
canvas_row(struct canvas *cv, const struct board *b, const _Atomic uint64_t *cells, int y,
	   bool dim)
{
	uint32_t br = cv->view_row + (uint32_t)y;
	bool u = screen_utf8();
	int x;

	if (!marks_over_row(&cv->marks, br)) {
		/* nothing over it (the usual frame): the board's cells alone */
		if (!marks_row_selected(&cv->marks, br))
			return canvas_row_plain(cv, b, cells, y, dim);
		for (x = 0; x < cv->w && cv->view_col + (uint32_t)x < b->cols;)
			x += canvas_cell(cv, b, cells, y, x, cv->marks.at, dim);
		return x;
	}
	for (x = 0; x < cv->w && cv->view_col + (uint32_t)x < b->cols;) {
		uint32_t bc = cv->view_col + (uint32_t)x, g = marks_box_glyph(&cv->marks, bc, br, u);
		uint64_t pw, pn = 0;
		bool pasted = g == 0 && marks_pasted(&cv->marks, bc, br, &pw);

		/* a wide character whose right half is under the preview is cut */
		if (g == 0 && !pasted && (marks_box_glyph(&cv->marks, bc + 1, br, u) != 0 ||
		    marks_pasted(&cv->marks, bc + 1, br, &pn)) &&
		    cell_width(cell_cp(atomic_load_explicit(&cells[bc],
		    memory_order_relaxed))) == 2)
			g = ' ';
		if (g != 0)
			x += canvasput_outline(cv->shadow, (size_t)y * (size_t)cv->w + (size_t)x, y, x, g,
			    cv->marks.box_ink);
		else if (pasted)
			x += canvasput_pasted(cv->shadow, (size_t)y * (size_t)cv->w + (size_t)x, y,
			    x, x + 1 < cv->w, pw, marks_pasted(&cv->marks, bc + 1, br, &pn) ? pn : 0,
			    cv->marks.mine_ink);
		else
			x += canvas_cell(cv, b, cells, y, x, cv->marks.at, dim);
	}
	return x;
}

/*
 * Only rows whose stamp moved or whose presence cursors changed are
 * looked at, unless a full check was asked for (a new view, a tick).
 */
static void
canvas_rows(struct canvas *cv, const struct board *b, bool full, bool dim)
{
	uint32_t stamp;
	int x, y;

	for (y = 0; y < cv->h; y++) {
		uint32_t br = cv->view_row + (uint32_t)y;
		const _Atomic uint64_t *cells = board_row(b, br);
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
		x = canvas_row(cv, b, cells, y, dim);
		if (full)
			canvas_outside_row(cv, b, y, x);
	}
}

bool
canvas_draw(struct canvas *cv, const struct board *b, bool live, int my_slot)
{
	WINDOW *win = screen_window(SCREEN_CANVAS);
	struct client_info list[BOARD_SLOTS];
	uint32_t gen = 0, view_col = cv->view_col, view_row = cv->view_row;
	bool full, found = cv->follow_found;
	pid_t pid = cv->followed.pid;
	int n = 0;

	if (win == NULL || cv->shadow_n == 0)
		return false;
	if (b == NULL) {
		direct_settle();
		werase(win);
		canvas_invalidate(cv);
		wnoutrefresh(win);
		return false;
	}
	if (live) {
		gen = notify_generation(b);
		cv->drawn_presence = notify_presence_seen(b);
		n = client_list(b, list, BOARD_SLOTS);
		canvas_track(cv, b, list, n, my_slot);
	}
	full = !canvas_rows_ready(cv, b) || cv->full_redraw || cv->full_check;
	marks_update(&cv->marks, list, n, my_slot, cv->view_col, cv->view_row, cv->row_moved);
	canvas_rows(cv, b, full, !live);
	cv->full_redraw = false;
	cv->full_check = false;
	if (live)
		cv->drawn_gen = gen;
	/* a direct frame's cells are not in the window (direct.h) */
	if (!direct_holding())
		wnoutrefresh(win);
	return cv->following && (cv->view_col != view_col || cv->view_row != view_row ||
	    cv->follow_found != found || cv->followed.pid != pid);
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
		/* hidden, it may stay wherever the frame's output leaves it (leaveok) */
		curs_set(0);
		setsyx(-1, -1);
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
