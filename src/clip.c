/*
 * clip.c - the selection, the clipboard and the operations on them (clip.h
 * says what each does). Every cell is written through clip_put, which
 * leaves a cell that already shows what would be written, and otherwise
 * calls board_draw_log and appends what it reports to the operation's log,
 * so an operation's log is exactly the cells it changed: one undo step.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "clip.h"

void
clip_init(struct clip *c)
{
	memset(c, 0, sizeof *c);
}

void
clip_free(struct clip *c)
{
	free(c->moving);
	free(c->cells);
	clip_init(c);
}

void
clip_log_init(struct clip_log *l)
{
	memset(l, 0, sizeof *l);
}

void
clip_log_free(struct clip_log *l)
{
	free(l->v);
	clip_log_init(l);
}

/* Append n changes; on no memory the log says so and keeps what it has. */
static void
clip_log_add(struct clip_log *l, const struct board_change *ch, size_t n)
{
	struct board_change *v;
	size_t cap;

	if (l == NULL || n == 0)
		return;
	if (l->n + n > l->cap) {
		cap = l->cap ? l->cap * 2 : 64;
		while (cap < l->n + n)
			cap *= 2;
		if ((v = realloc(l->v, cap * sizeof *v)) == NULL) {
			l->failed = true;
			return;
		}
		l->v = v;
		l->cap = cap;
	}
	memcpy(l->v + l->n, ch, n * sizeof *ch);
	l->n += n;
}

/* Does the board's (col, row) already show cp in style (a wide cp with its right half)? */
static bool
clip_shows(const struct board *b, uint32_t col, uint32_t row, uint32_t cp, unsigned style)
{
	uint64_t w = board_get(b, col, row);

	if (cell_cp(w) != cp || cell_style_of(w) != (cp == 0 ? 0 : style))
		return false;
	return cp == 0 || cell_width(cp) != 2 || cell_cp(board_get(b, col + 1, row)) == CELL_CONT;
}

/* Write cp in style at (col, row) unless it is there already; the columns it takes (0: none). */
static int
clip_put(const struct board *b, uint32_t col, uint32_t row, uint32_t cp, unsigned style,
	 unsigned author, struct clip_log *l, long *changed)
{
	struct board_change ch[BOARD_DRAW_CHANGES];
	size_t n = 0;
	int w;

	if (clip_shows(b, col, row, cp, style))
		return cp == 0 ? 1 : cell_width(cp);
	w = board_draw_log(b, col, row, cp, cp == 0 ? 0 : style, author, ch, &n);
	clip_log_add(l, ch, n);
	*changed += (long)n;
	return w < 0 ? 0 : w;
}

/* The drag's own copy goes. */
static void
clip_let_go(struct clip *c)
{
	free(c->moving);
	c->moving = NULL;
	c->grabbed = false;
}

void
clip_mark(struct clip *c, uint32_t col, uint32_t row)
{
	clip_let_go(c);
	c->marking = c->on = true;
	c->anchor_col = c->c0 = c->c1 = col;
	c->anchor_row = c->r0 = c->r1 = row;
}

/* One axis from the anchor a to p, at most CLIP_MAX long. */
static void
clip_axis(uint32_t a, uint32_t p, uint32_t *lo, uint32_t *hi)
{
	if (p >= a) {
		*lo = a;
		*hi = p - a >= CLIP_MAX ? a + CLIP_MAX - 1 : p;
	} else {
		*hi = a;
		*lo = a - p >= CLIP_MAX ? a - (CLIP_MAX - 1) : p;
	}
}

void
clip_extend(struct clip *c, uint32_t col, uint32_t row)
{
	if (!c->marking)
		clip_mark(c, col, row);
	clip_axis(c->anchor_col, col, &c->c0, &c->c1);
	clip_axis(c->anchor_row, row, &c->r0, &c->r1);
}

void
clip_done(struct clip *c)
{
	c->marking = false;
}

void
clip_drop(struct clip *c)
{
	clip_let_go(c);
	c->on = c->marking = false;
}

bool
clip_has(const struct clip *c, uint32_t col, uint32_t row)
{
	return c->on && col >= c->c0 && col <= c->c1 && row >= c->r0 && row <= c->r1;
}

static uint64_t *clip_take(const struct clip *c, const struct board *b, uint32_t *w,
			   uint32_t *h);

void
clip_grab(struct clip *c, const struct board *b, uint32_t col, uint32_t row)
{
	uint32_t w, h;

	clip_let_go(c);
	c->moving = b != NULL ? clip_take(c, b, &w, &h) : NULL;
	if (c->moving != NULL && (w != c->c1 - c->c0 + 1 || h != c->r1 - c->r0 + 1)) {
		free(c->moving);         /* the board shrank under it: the rectangle alone */
		c->moving = NULL;
	}
	c->grabbed = true;
	c->marking = false;
	c->grab_col = col;
	c->grab_row = row;
	c->from_c0 = c->c0;
	c->from_r0 = c->r0;
}

static uint32_t clip_shift(uint32_t p, long d, uint32_t n, uint32_t size);

void
clip_drag(struct clip *c, uint32_t col, uint32_t row, uint32_t cols, uint32_t rows)
{
	uint32_t w = c->c1 - c->c0 + 1, h = c->r1 - c->r0 + 1;

	if (!c->grabbed)
		return;
	c->c0 = clip_shift(c->from_c0, (long)col - (long)c->grab_col, w, cols);
	c->r0 = clip_shift(c->from_r0, (long)row - (long)c->grab_row, h, rows);
	c->c1 = c->c0 + w - 1;
	c->r1 = c->r0 + h - 1;
}

bool
clip_ungrab(struct clip *c, long *dc, long *dr)
{
	uint32_t w = c->c1 - c->c0 + 1, h = c->r1 - c->r0 + 1;

	if (!c->grabbed)
		return false;
	clip_let_go(c);
	*dc = (long)c->c0 - (long)c->from_c0;
	*dr = (long)c->r0 - (long)c->from_r0;
	c->c0 = c->from_c0;
	c->r0 = c->from_r0;
	c->c1 = c->c0 + w - 1;
	c->r1 = c->r0 + h - 1;
	return true;
}

struct client_sel
clip_sel(const struct clip *c)
{
	struct client_sel s = { c->on, c->c0, c->r0, c->c1, c->r1 };

	return s;
}

/* The selection's cells, cut to the board b (it may have shrunk); false when none. */
static bool
clip_bounds(const struct clip *c, const struct board *b, uint32_t *c1, uint32_t *r1)
{
	if (!c->on || c->c0 >= b->cols || c->r0 >= b->rows) {
		errno = ENOENT;
		return false;
	}
	*c1 = c->c1 < b->cols ? c->c1 : b->cols - 1;
	*r1 = c->r1 < b->rows ? c->r1 : b->rows - 1;
	return true;
}

/* The words of the selection's cells, w * h of them; NULL with errno. */
static uint64_t *
clip_take(const struct clip *c, const struct board *b, uint32_t *w, uint32_t *h)
{
	uint32_t c1, r1, x, y;
	uint64_t *v;

	if (!clip_bounds(c, b, &c1, &r1))
		return NULL;
	*w = c1 - c->c0 + 1;
	*h = r1 - c->r0 + 1;
	if ((v = malloc((size_t)*w * *h * sizeof *v)) == NULL)
		return NULL;
	for (y = 0; y < *h; y++)
		for (x = 0; x < *w; x++)
			v[(size_t)y * *w + x] = cell_content(board_get(b, c->c0 + x, c->r0 + y));
	return v;
}

long
clip_copy(struct clip *c, const struct board *b)
{
	uint32_t w, h;
	uint64_t *v = clip_take(c, b, &w, &h);

	if (v == NULL)
		return -1;
	free(c->cells);
	c->cells = v;
	c->w = w;
	c->h = h;
	return (long)w * h;
}

/* Empty the cells of rectangle (c0, r0)-(c1, r1) that are not in keep (c0, r0, c1, r1; NULL: none). */
static void
clip_empty(const struct board *b, uint32_t c0, uint32_t r0, uint32_t c1, uint32_t r1,
	   const uint32_t keep[4], unsigned author, struct clip_log *l, long *changed)
{
	uint32_t x, y;

	for (y = r0; y <= r1; y++)
		for (x = c0; x <= c1; x++)
			if (keep == NULL || x < keep[0] || x > keep[2] || y < keep[1] || y > keep[3])
				clip_put(b, x, y, 0, 0, author, l, changed);
}

long
clip_erase(struct clip *c, const struct board *b, unsigned author, struct clip_log *l)
{
	uint32_t c1, r1;
	long changed = 0;

	if (!clip_bounds(c, b, &c1, &r1))
		return -1;
	clip_empty(b, c->c0, c->r0, c1, r1, NULL, author, l, &changed);
	return changed;
}

long
clip_cut(struct clip *c, const struct board *b, unsigned author, struct clip_log *l)
{
	if (clip_copy(c, b) < 0)
		return -1;
	return clip_erase(c, b, author, l);
}

long
clip_fill(struct clip *c, const struct board *b, uint32_t cp, unsigned style,
	  unsigned author, struct clip_log *l)
{
	uint32_t c1, r1, x, y, w = (uint32_t)cell_width(cp);
	long changed = 0;

	if (!clip_bounds(c, b, &c1, &r1))
		return -1;
	if (w == 0)
		return 0;
	for (y = c->r0; y <= r1; y++)
		for (x = c->c0; x + w - 1 <= c1; x += w)
			clip_put(b, x, y, cp, style, author, l, &changed);
	return changed;
}

/* Place w x h words with their top left at (col, row), cut at the board's edges. */
static long
clip_place(const uint64_t *v, uint32_t w, uint32_t h, const struct board *b, uint32_t col,
	   uint32_t row, unsigned author, struct clip_log *l)
{
	uint32_t x, y, cp;
	long changed = 0;

	for (y = 0; y < h && row + y < b->rows; y++)
		for (x = 0; x < w && col + x < b->cols; x++) {
			uint64_t word = v[(size_t)y * w + x];

			cp = cell_cp(word);
			if (cp == CELL_CONT && x > 0 && cell_width(cell_cp(v[(size_t)y * w + x - 1])) == 2)
				continue;      /* written with its left half */
			if (cp == CELL_CONT || (cp != 0 && !cell_drawable(cp)) ||
			    (cell_width(cp) == 2 && (x + 1 >= w ||
			    cell_cp(v[(size_t)y * w + x + 1]) != CELL_CONT)))
				cp = 0;        /* half a character, or nothing a cell may hold */
			clip_put(b, col + x, row + y, cp, cell_style_of(word), author, l, &changed);
		}
	return changed;
}

long
clip_paste(const struct clip *c, const struct board *b, uint32_t col, uint32_t row,
	   unsigned author, struct clip_log *l)
{
	if (c->cells == NULL || c->w == 0 || col >= b->cols || row >= b->rows) {
		errno = ENOENT;
		return -1;
	}
	return clip_place(c->cells, c->w, c->h, b, col, row, author, l);
}

/* p moved by d, kept so that a side of n cells stays within size. */
static uint32_t
clip_shift(uint32_t p, long d, uint32_t n, uint32_t size)
{
	long v = (long)p + d, last = (long)size - (long)n;

	if (v > last)
		v = last;
	return v < 0 ? 0 : (uint32_t)v;
}

long
clip_move(struct clip *c, const struct board *b, long dc, long dr, unsigned author,
	  struct clip_log *l)
{
	uint32_t w, h, keep[4];
	uint64_t *v = clip_take(c, b, &w, &h);
	long changed = 0;

	if (v == NULL)
		return -1;
	keep[0] = clip_shift(c->c0, dc, w, b->cols);
	keep[1] = clip_shift(c->r0, dr, h, b->rows);
	keep[2] = keep[0] + w - 1;
	keep[3] = keep[1] + h - 1;
	if (keep[0] != c->c0 || keep[1] != c->r0) {
		/* the cells left behind first, then the rectangle in its new place */
		clip_empty(b, c->c0, c->r0, c->c0 + w - 1, c->r0 + h - 1, keep, author, l, &changed);
		changed += clip_place(v, w, h, b, keep[0], keep[1], author, l);
		c->c0 = keep[0];
		c->r0 = keep[1];
		c->c1 = keep[2];
		c->r1 = keep[3];
	}
	free(v);
	return changed;
}

bool
clip_preview(struct clip *c, bool on)
{
	c->preview = on && c->cells != NULL && c->w > 0;
	return c->preview;
}

bool
clip_preview_at(const struct clip *c, uint32_t col, uint32_t row, uint32_t x, uint32_t y,
		uint64_t *word)
{
	if (!c->preview || x < col || y < row || x - col >= c->w || y - row >= c->h)
		return false;
	*word = c->cells[(size_t)(y - row) * c->w + (x - col)];
	return true;
}

bool
clip_moving_at(const struct clip *c, uint32_t x, uint32_t y, uint64_t *word)
{
	if (!c->grabbed || c->moving == NULL || !clip_has(c, x, y) ||
	    (c->c0 == c->from_c0 && c->r0 == c->from_r0))
		return false;
	*word = c->moving[(size_t)(y - c->r0) * (c->c1 - c->c0 + 1) + (x - c->c0)];
	return true;
}

void
clip_text(const struct clip *c, struct strbuf *out)
{
	uint32_t x, y, end, cp;

	for (y = 0; y < c->h; y++) {
		const uint64_t *row = c->cells + (size_t)y * c->w;

		for (end = c->w; end > 0 && (cell_cp(row[end - 1]) == 0 ||
		    cell_cp(row[end - 1]) == ' '); end--)
			;
		for (x = 0; x < end; x++) {
			cp = cell_cp(row[x]);
			if (cp == CELL_CONT)
				continue;
			strbuf_put_utf8(out, cp == 0 ? ' ' : cell_drawable(cp) ? cp : 0xFFFD);
		}
		if (y + 1 < c->h)
			strbuf_putc(out, '\n');
	}
}
