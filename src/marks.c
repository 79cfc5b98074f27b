/*
 * marks.c - the cursors of the others, the box's outline, the selections
 * and the paste preview over the canvas. A frame clears the cells marked
 * last time, marks the cursors in view now, and compares the two short
 * lists, so only the rows where a mark came, went or changed colour are
 * flagged; a moved outline, selection or preview flags the rows it left
 * and the rows it covers now. Selections are rectangles, asked cell by
 * cell (there are few, and most frames have none).
 */
#include <stdlib.h>
#include <string.h>

#include "marks.h"

bool
marks_resize(struct marks *m, int w, int h)
{
	size_t n = w > 0 && h > 0 ? (size_t)w * (size_t)h : 0;

	m->w = w;
	m->h = h;
	if (n != m->n || m->at == NULL) {
		free(m->at);
		m->at = n ? calloc(n, 1) : NULL;
		m->n = m->at ? n : 0;
	}
	m->count = 0;
	return n == 0 || m->at != NULL;
}

void
marks_clear(struct marks *m)
{
	if (m->n > 0)
		memset(m->at, 0, m->n);
	m->count = 0;
}

void
marks_free(struct marks *m)
{
	free(m->at);
	m->at = NULL;
	m->n = 0;
	m->count = 0;
}

/* Flag the canvas row of cell index i: a cursor mark came, went or changed there. */
static void
marks_row_moved(const struct marks *m, uint32_t i, uint8_t *moved)
{
	moved[i / (uint32_t)m->w] = 1;
}

/* Mark the cursors of list in view (top left at col, row), skipping my_slot. */
static void
marks_cursors(struct marks *m, const struct client_info *list, int n, int my_slot,
	      uint32_t col, uint32_t row)
{
	int i;

	m->count = 0;
	for (i = 0; i < n; i++) {
		const struct client_info *c = &list[i];
		uint32_t at;

		if (c->slot == my_slot)
			continue;
		if (c->col < col || c->row < row || c->col - col >= (uint32_t)m->w ||
		    c->row - row >= (uint32_t)m->h)
			continue;
		at = (c->row - row) * (uint32_t)m->w + (c->col - col);
		if (m->at[at] == 0)
			m->cells[m->count++] = at;
		m->at[at] = (uint8_t)(c->colour | 0x10);
	}
	for (i = 0; i < m->count; i++)
		m->val[i] = m->at[m->cells[i]];
}

/* Flag the canvas rows a rectangle covers (it came or went), with the view's top at row. */
static void
marks_rect_rows(const struct marks *m, const struct marks_rect *r, uint32_t view_row,
		uint8_t *moved)
{
	uint32_t row;

	if (!r->on)
		return;
	for (row = r->r0; row <= r->r1; row++)
		if (row >= view_row && row - view_row < (uint32_t)m->h)
			moved[row - view_row] = 1;
}

/* A moved outline redraws the rows it left and the rows it covers now. */
static void
marks_box_rows(struct marks *m, uint32_t view_row, uint8_t *moved)
{
	const struct marks_rect *a = &m->box, *b = &m->box_drawn;

	if (a->on == b->on && (!a->on || (a->c0 == b->c0 && a->c1 == b->c1 && a->r0 == b->r0 &&
	    a->r1 == b->r1)))
		return;
	marks_rect_rows(m, b, view_row, moved);
	marks_rect_rows(m, a, view_row, moved);
	m->box_drawn = m->box;
}

/* The selections of list (but my_slot's), ours and the preview, as this frame shows them. */
static void
marks_collect(struct marks *m, const struct client_info *list, int n, int my_slot)
{
	struct marks_sels *s = &m->sels;
	const struct clip *c = m->clip;
	int i;

	s->n = 0;
	for (i = 0; i < n && s->n < MARKS_SELS - 2; i++)
		if (list[i].slot != my_slot && list[i].sel.on) {
			s->r[s->n] = (struct marks_rect){ true, list[i].sel.c0, list[i].sel.r0,
			    list[i].sel.c1, list[i].sel.r1 };
			s->ink[s->n++] = (uint8_t)(0x20 | (list[i].colour & 0xF));
		}
	if (m->mine.on) {
		s->r[s->n] = m->mine;
		s->ink[s->n++] = (uint8_t)(0x20 | (m->mine_ink & 0xF));
	}
	if (c != NULL && c->grabbed && c->moving != NULL) {
		s->r[s->n] = (struct marks_rect){ true, c->c0, c->r0, c->c1, c->r1 };
		s->ink[s->n++] = 0x40;
	}
	if (c != NULL && c->preview && s->n < MARKS_SELS) {
		s->r[s->n] = (struct marks_rect){ true, m->paste_col, m->paste_row,
		    m->paste_col + c->w - 1, m->paste_row + c->h - 1 };
		s->ink[s->n++] = 0x40;
	}
}

/* Do a and b show the same (field by field: padding is not compared)? */
static bool
marks_sels_same(const struct marks_sels *a, const struct marks_sels *b)
{
	int i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++)
		if (a->ink[i] != b->ink[i] || a->r[i].c0 != b->r[i].c0 || a->r[i].c1 != b->r[i].c1 ||
		    a->r[i].r0 != b->r[i].r0 || a->r[i].r1 != b->r[i].r1)
			return false;
	return true;
}

/* Selections that moved flag the rows they left and those they cover now. */
static void
marks_sels_rows(struct marks *m, uint32_t view_row, uint8_t *moved)
{
	int i;

	if (marks_sels_same(&m->sels, &m->sels_drawn))
		return;
	for (i = 0; i < m->sels_drawn.n; i++)
		marks_rect_rows(m, &m->sels_drawn.r[i], view_row, moved);
	for (i = 0; i < m->sels.n; i++)
		marks_rect_rows(m, &m->sels.r[i], view_row, moved);
	m->sels_drawn = m->sels;
}

void
marks_mine(struct marks *m, const struct clip *clip, uint32_t col, uint32_t row, unsigned ink)
{
	m->mine = (struct marks_rect){ clip->on, clip->c0, clip->r0, clip->c1, clip->r1 };
	if (!clip->on)
		m->mine = (struct marks_rect){ false, 0, 0, 0, 0 };
	m->mine_ink = ink;
	m->clip = clip;
	m->paste_col = col;
	m->paste_row = row;
}

uint8_t
marks_selected(const struct marks *m, uint32_t col, uint32_t row)
{
	int i;

	for (i = m->sels.n; i-- > 0;) {
		const struct marks_rect *r = &m->sels.r[i];

		if (m->sels.ink[i] != 0x40 && col >= r->c0 && col <= r->c1 && row >= r->r0 &&
		    row <= r->r1)
			return m->sels.ink[i];
	}
	return 0;
}

bool
marks_row_selected(const struct marks *m, uint32_t row)
{
	int i;

	for (i = 0; i < m->sels.n; i++)
		if (m->sels.ink[i] != 0x40 && row >= m->sels.r[i].r0 && row <= m->sels.r[i].r1)
			return true;
	return false;
}

bool
marks_pasted(const struct marks *m, uint32_t col, uint32_t row, uint64_t *word)
{
	return m->clip != NULL && (clip_moving_at(m->clip, col, row, word) ||
	    clip_preview_at(m->clip, m->paste_col, m->paste_row, col, row, word));
}

void
marks_update(struct marks *m, const struct client_info *list, int n, int my_slot,
	     uint32_t col, uint32_t row, uint8_t *moved)
{
	uint32_t old[BOARD_SLOTS];
	uint8_t old_val[BOARD_SLOTS];
	int i, k, nold = m->count;

	memcpy(old, m->cells, (size_t)nold * sizeof old[0]);
	memcpy(old_val, m->val, (size_t)nold);
	for (i = 0; i < nold; i++)
		m->at[old[i]] = 0;
	marks_cursors(m, list, n, my_slot, col, row);
	for (i = 0; i < nold; i++)
		if (m->at[old[i]] != old_val[i])
			marks_row_moved(m, old[i], moved);
	for (i = 0; i < m->count; i++) {
		for (k = 0; k < nold && (old[k] != m->cells[i] || old_val[k] != m->val[i]); k++)
			;
		if (k == nold)
			marks_row_moved(m, m->cells[i], moved);
	}
	marks_box_rows(m, row, moved);
	marks_collect(m, list, n, my_slot);
	marks_sels_rows(m, row, moved);
}

void
marks_box(struct marks *m, bool on, uint32_t c0, uint32_t r0, uint32_t c1, uint32_t r1,
	  unsigned ink)
{
	m->box.on = on;
	m->box.c0 = c0 < c1 ? c0 : c1;
	m->box.c1 = c0 < c1 ? c1 : c0;
	m->box.r0 = r0 < r1 ? r0 : r1;
	m->box.r1 = r0 < r1 ? r1 : r0;
	m->box_ink = ink;
}

uint32_t
marks_box_glyph(const struct marks *m, uint32_t col, uint32_t row, bool u)
{
	const struct marks_rect *r = &m->box;
	bool top = row == r->r0, bottom = row == r->r1, left = col == r->c0, right = col == r->c1;

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

bool
marks_over_row(const struct marks *m, uint32_t row)
{
	const struct clip *c = m->clip;

	return (m->box.on && row >= m->box.r0 && row <= m->box.r1) ||
	    (c != NULL && (c->preview || (c->grabbed && c->moving != NULL)));
}
