/*
 * segtable.c - top's list (see segtable.h). The order is an array of
 * indexes into the segdata's rows (which stay sorted by shmid), sorted by
 * the column's shmlist field, ties by shmid, so equal rows never swap
 * between two samples. Columns are laid out in list.h's order by
 * priority: the ones that do not fit the window are left out, from the
 * end of the priority list. The heads are the kernel's field names, as
 * ipcs prints them (not translated); cells are laid out by display
 * columns, so a user or command name in UTF-8 keeps the columns straight.
 */
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "i18n.h"
#include "segtable.h"
#include "utf8.h"

/* The columns top shows, most important first. */
static const enum list_col segtable_priority[] = {
	LIST_KEY, LIST_ID, LIST_OWNER, LIST_PERMS, LIST_SIZE, LIST_NATTCH, LIST_STATUS,
	LIST_BOARD, LIST_CPID, LIST_LPID, LIST_COMMAND, LIST_LCOMMAND, LIST_ATTACHED,
};

#define SEGTABLE_NPRIO (sizeof segtable_priority / sizeof segtable_priority[0])

void
segtable_init(struct segtable *t)
{
	memset(t, 0, sizeof *t);
	t->sort = LIST_ID;
	t->selected = -1;
}

void
segtable_free(struct segtable *t)
{
	free(t->order);
	t->order = NULL;
	t->n = t->cap = 0;
}

/* qsort has no context: one sort at a time. */
static _Thread_local const struct segdata *segtable_d;
static _Thread_local int segtable_field;
static _Thread_local bool segtable_desc;

static int
segtable_cmp(const void *pa, const void *pb)
{
	const struct shmlist_seg *a = &segtable_d->rows[*(const size_t *)pa].seg;
	const struct shmlist_seg *b = &segtable_d->rows[*(const size_t *)pb].seg;
	uint64_t x, y;
	int r = 0;

	if (segtable_field >= 0) {
		x = a->v[segtable_field];
		y = b->v[segtable_field];
		if (segtable_field == SHMLIST_KEY) {
			x = (uint64_t)((int64_t)(int32_t)(uint32_t)x + 0x80000000ll);
			y = (uint64_t)((int64_t)(int32_t)(uint32_t)y + 0x80000000ll);
		}
		r = x < y ? -1 : x > y;
	}
	if (segtable_desc)
		r = -r;
	if (r == 0)
		r = shmlist_shmid(a) < shmlist_shmid(b) ? -1 : shmlist_shmid(a) > shmlist_shmid(b);
	return r;
}

/* Keep the selected row in view. */
static void
segtable_view(struct segtable *t)
{
	size_t h = t->height > 1 ? (size_t)t->height - 1 : 1;

	if (t->sel < t->scroll)
		t->scroll = t->sel;
	else if (t->sel >= t->scroll + h)
		t->scroll = t->sel - h + 1;
	if (t->n <= h)
		t->scroll = 0;
	else if (t->scroll > t->n - h)
		t->scroll = t->n - h;
}

void
segtable_sync(struct segtable *t, const struct segdata *d)
{
	size_t i, *p;

	if (d->n > t->cap) {
		p = realloc(t->order, d->n * sizeof *p);
		if (p == NULL)
			return;
		t->order = p;
		t->cap = d->n;
	}
	for (i = 0; i < d->n; i++)
		t->order[i] = i;
	t->n = d->n;
	segtable_d = d;
	segtable_field = list_sort_field(t->sort);
	segtable_desc = t->descending;
	if (t->n > 1)
		qsort(t->order, t->n, sizeof t->order[0], segtable_cmp);
	if (t->n == 0) {
		t->selected = -1;
		t->sel = t->scroll = 0;
		return;
	}
	for (i = 0; i < t->n; i++)
		if (shmlist_shmid(&d->rows[t->order[i]].seg) == t->selected)
			break;
	if (i == t->n)
		i = t->sel < t->n ? t->sel : t->n - 1;
	t->sel = i;
	t->selected = shmlist_shmid(&d->rows[t->order[i]].seg);
	segtable_view(t);
}

void
segtable_sort(struct segtable *t, const struct segdata *d, enum list_col c)
{
	if (list_sort_field(c) < 0)
		return;
	if (t->sort == c)
		t->descending = !t->descending;
	else
		t->descending = c == LIST_NATTCH || c == LIST_SIZE;
	t->sort = c;
	segtable_sync(t, d);
}

void
segtable_next_sort(struct segtable *t, const struct segdata *d)
{
	enum list_col c = t->sort;
	size_t i;

	for (i = 0; i < LIST_NCOLS; i++) {
		c = (enum list_col)((c + 1) % LIST_NCOLS);
		if (list_sort_field(c) >= 0 && c != LIST_STATUS && c != LIST_ATTACHED)
			break;
	}
	t->sort = c;
	t->descending = c == LIST_NATTCH || c == LIST_SIZE;
	segtable_sync(t, d);
}

/* Select the row at i (clamped): its segment is the one the selection follows from now on. */
static void
segtable_select(struct segtable *t, const struct segdata *d, long i)
{
	if (t->n == 0)
		return;
	if (i < 0)
		i = 0;
	if ((size_t)i >= t->n)
		i = (long)t->n - 1;
	t->sel = (size_t)i;
	if (t->order[t->sel] < d->n)
		t->selected = shmlist_shmid(&d->rows[t->order[t->sel]].seg);
	segtable_view(t);
}

void
segtable_move(struct segtable *t, const struct segdata *d, long delta)
{
	segtable_select(t, d, (long)t->sel + delta);
}

void
segtable_page(struct segtable *t, const struct segdata *d, int pages)
{
	long h = t->height > 2 ? t->height - 2 : 1;

	segtable_move(t, d, h * pages);
}

void
segtable_ends(struct segtable *t, const struct segdata *d, bool last)
{
	segtable_select(t, d, last ? (long)t->n - 1 : 0);
}

const struct segdata_row *
segtable_selected(const struct segtable *t, const struct segdata *d)
{
	if (t->n == 0 || t->sel >= t->n || t->order[t->sel] >= d->n)
		return NULL;
	return &d->rows[t->order[t->sel]];
}

/* Which columns fit w: shown[c] set; the last shown column takes what is left. */
static void
segtable_fit(int w, bool shown[LIST_NCOLS])
{
	size_t i;
	int used = 0;

	memset(shown, 0, LIST_NCOLS * sizeof shown[0]);
	for (i = 0; i < SEGTABLE_NPRIO; i++) {
		int cw = list_width(segtable_priority[i]) + 1;

		if (used + cw > w + 1)
			break;
		used += cw;
		shown[segtable_priority[i]] = true;
	}
}

/* Write text at the cursor in at most cols columns (cell_fit); the columns written. */
static int
segtable_put(WINDOW *win, const char *text, int cols)
{
	int used, n = cell_fit(text, cols, &used);

	if (n > 0)
		waddnstr(win, text, n);
	return used;
}

/* One cell, padded or cut to width (columns), aligned as its column wants. */
static void
segtable_cell(WINDOW *win, const char *text, int width, bool right)
{
	int cols = cell_columns(text);

	if (cols > width)
		cols = width;
	if (right && cols < width)
		wprintw(win, "%*s", width - cols, "");
	cols = segtable_put(win, text, cols);
	if (!right && cols < width)
		wprintw(win, "%*s", width - cols, "");
	waddch(win, ' ');
}

/* The look of one cell of row r in column c. */
static attr_t
segtable_look(const struct segdata_row *r, enum list_col c, bool selected, uint64_t now)
{
	int f = list_sort_field(c);
	attr_t a = screen_attr(LOOK_NORMAL);

	if (r->added_at != 0 && now < r->added_at + SEGDATA_HIGHLIGHT_MS)
		a = screen_attr(LOOK_CHANGED);
	else if (f >= 0 && r->changed_at[f] != 0 && now < r->changed_at[f] + SEGDATA_HIGHLIGHT_MS)
		a = screen_attr(LOOK_CHANGED);
	else if (c == LIST_STATUS && (r->seg.v[SHMLIST_PERMS] & 01000))
		a = screen_attr(LOOK_WARNING);
	else if (c == LIST_BOARD && r->board == LIST_BOARD_YES)
		a = screen_attr(LOOK_VALUE);
	return selected ? a | A_REVERSE : a;
}

void
segtable_draw(struct segtable *t, const struct segdata *d, WINDOW *win, bool bytes, uint64_t now)
{
	bool shown[LIST_NCOLS];
	char cell[256], head[32];
	struct list_row lr;
	int c, y, w;
	size_t i;

	if (win == NULL)
		return;
	w = getmaxx(win);
	t->height = getmaxy(win);
	segtable_view(t);
	segtable_fit(w, shown);
	werase(win);
	wmove(win, 0, 0);
	wattrset(win, screen_attr(LOOK_TITLE));
	for (c = 0; c < LIST_NCOLS; c++) {
		if (!shown[c])
			continue;
		snprintf(head, sizeof head, "%s%s", list_heading((enum list_col)c),
		    (enum list_col)c == t->sort ? (t->descending ? "v" : "^") : "");
		segtable_cell(win, head, list_width((enum list_col)c), list_right((enum list_col)c));
	}
	whline(win, ' ', w - getcurx(win));
	for (y = 1, i = t->scroll; y < t->height && i < t->n; y++, i++) {
		const struct segdata_row *r = &d->rows[t->order[i]];

		segdata_list_row(d, r, &lr);
		wmove(win, y, 0);
		for (c = 0; c < LIST_NCOLS; c++) {
			if (!shown[c])
				continue;
			wattrset(win, segtable_look(r, (enum list_col)c, i == t->sel, now));
			list_cell(&lr, (enum list_col)c, bytes, cell, sizeof cell);
			segtable_cell(win, cell, list_width((enum list_col)c),
			    list_right((enum list_col)c));
		}
		if (i == t->sel) {
			wattrset(win, A_REVERSE);
			whline(win, ' ', w - getcurx(win));
		}
		wattrset(win, A_NORMAL);
	}
	if (t->n == 0) {
		wmove(win, 2, 1);
		/* TRANSLATORS: top's list when it is empty: at most 46 columns (the list is 48
		   columns wide at 80x24); ipcs -m is a command: keep it */
		segtable_put(win, _("no segment to show (ipcs -m lists none either)"), w - 2);
	}
	wnoutrefresh(win);
}
