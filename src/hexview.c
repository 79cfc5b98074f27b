/*
 * hexview.c - the byte view (see hexview.h). A frame is a list of rows:
 * the fixed bands (each under its title), then the scrolling band from
 * h->top. Each row keeps its offset, its bytes and per byte when it last
 * changed; the next frame looks its rows up in this one by offset, so a
 * byte lights only when the same offset was seen before with another
 * value, however the view moved. The description's words are translated
 * (i18n.h); the board's field names and the format names are not.
 * No curses here: hexdraw.c draws a frame into a window.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "hexview.h"
#include "i18n.h"
#include "utf8.h"


void
hexview_reset(struct hexview *h, uint64_t size, enum shmpeek_format f)
{
	h->fmt = (unsigned)f < SHMPEEK_NFORMATS ? f : SHMPEEK_BYTES;
	h->size = size;
	h->cursor = h->top = 0;
	h->have_before = false;
	h->lit_until = 0;
	h->now.n = h->before.n = 0;
}

/* Free one frame's rows. */
static void
hexview_rows_free(struct hexview_rows *r)
{
	free(r->off);
	free(r->bytes);
	free(r->changed);
	free(r->have);
	memset(r, 0, sizeof *r);
}

void
hexview_free(struct hexview *h)
{
	hexview_rows_free(&h->now);
	hexview_rows_free(&h->before);
	h->have_before = false;
}

void
hexview_bands(struct hexview *h, const struct hexview_band *b, int n, const char *title)
{
	int i;

	h->nfixed = n < 0 ? 0 : n > HEXVIEW_MAX_FIXED ? HEXVIEW_MAX_FIXED : n;
	for (i = 0; i < h->nfixed; i++)
		h->fixed[i] = b[i];
	h->scroll_title = title;
}

/* The element size of the format. */
unsigned
hexview_esize(const struct hexview *h)
{
	return shmpeek_format_size(h->fmt);
}

/* Keep the cursor inside the segment, on an element's first byte. */
static void
hexview_clamp(struct hexview *h)
{
	unsigned es = hexview_esize(h);

	if (h->size == 0) {
		h->cursor = 0;
		return;
	}
	if (h->cursor >= h->size)
		h->cursor = h->size - 1;
	h->cursor -= h->cursor % es;
}

void
hexview_next_format(struct hexview *h)
{
	h->fmt = (enum shmpeek_format)((h->fmt + 1) % SHMPEEK_NFORMATS);
	hexview_clamp(h);
}

void
hexview_jump(struct hexview *h, uint64_t off)
{
	h->cursor = off;
	hexview_clamp(h);
}

void
hexview_cursor_len(struct hexview *h, unsigned len)
{
	h->cursor_len = len;
}

/* The bytes the cursor covers. */
unsigned
hexview_cursor_span(const struct hexview *h)
{
	unsigned es = hexview_esize(h);

	return h->cursor_len > es ? h->cursor_len : es;
}

void
hexview_step(struct hexview *h, long elements)
{
	uint64_t d = (uint64_t)(elements < 0 ? -elements : elements) * hexview_esize(h);

	if (elements < 0)
		h->cursor = d > h->cursor ? 0 : h->cursor - d;
	else
		h->cursor = d > UINT64_MAX - h->cursor ? UINT64_MAX : h->cursor + d;
	hexview_clamp(h);
}

void
hexview_step_rows(struct hexview *h, long rows)
{
	unsigned per = h->now.per_row ? h->now.per_row : 16;

	hexview_step(h, rows * (long)(per / hexview_esize(h)));
}

void
hexview_page(struct hexview *h, int pages)
{
	long rows = h->scroll_rows > 1 ? h->scroll_rows - 1 : 1;

	hexview_step_rows(h, rows * pages);
}

void
hexview_home(struct hexview *h, bool end)
{
	h->cursor = end ? (h->size ? h->size - 1 : 0) : 0;
	hexview_clamp(h);
}

/* Hex digits the offsets need: at least 8. */
int
hexview_offw(const struct hexview *h)
{
	int d = 8;

	while (d < 16 && h->size > 0 && ((h->size - 1) >> (4 * d)) != 0)
		d++;
	return d;
}

/* The width a row of per bytes takes in format f, after offw digits of offset. */
static int
hexview_row_width(enum shmpeek_format f, unsigned per, int offw)
{
	unsigned es = shmpeek_format_size(f), ew = shmpeek_width(f);

	if (f == SHMPEEK_BYTES)
		return offw + 2 + (int)per * 3 + (int)(per / 8) + (int)per;
	if (f == SHMPEEK_CHARS)
		return offw + 2 + (int)per;
	return offw + 2 + (int)(per / es) * (int)(ew + 1);
}

/* The bytes per row that fit w columns (a power of two, 4 at least). */
static unsigned
hexview_per_row(const struct hexview *h, int w)
{
	unsigned per = h->fmt == SHMPEEK_CHARS ? 128 : 32;
	int offw = hexview_offw(h);

	while (per > 8 && hexview_row_width(h->fmt, per, offw) > w)
		per /= 2;
	return per;
}

/* Room for n rows of per bytes. */
static int
hexview_rows_grow(struct hexview_rows *r, size_t n, unsigned per)
{
	void *p;

	if (n <= r->cap && per == r->per_row)
		return 0;
	hexview_rows_free(r);
	if (n == 0)
		n = 1;
	if ((p = calloc(n, sizeof *r->off)) == NULL)
		return -1;
	r->off = p;
	r->bytes = calloc(n, per);
	r->changed = calloc(n * per, sizeof *r->changed);
	r->have = calloc(n, sizeof *r->have);
	if (r->bytes == NULL || r->changed == NULL || r->have == NULL) {
		hexview_rows_free(r);
		return -1;
	}
	r->cap = n;
	r->per_row = per;
	return 0;
}

/* The row of the last frame that starts at off, or -1. */
static long
hexview_find(const struct hexview_rows *r, uint64_t off)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->off[i] == off)
			return (long)i;
	return -1;
}

/* Add one row to the new frame (a title, or the bytes at off). */
static void
hexview_add_row(struct hexview_rows *r, uint64_t off)
{
	if (r->n < r->cap)
		r->off[r->n++] = off;
}

/*
 * Place the scrolling band so the cursor's row is in it: a step just past
 * an edge scrolls by a row, a jump further away puts the cursor's row a
 * third of the way down, with context above it.
 */
static void
hexview_follow(struct hexview *h, unsigned per, int rows)
{
	uint64_t crow = h->cursor - h->cursor % per, span, third;

	if (rows < 1)
		rows = 1;
	span = (uint64_t)rows * per;
	third = (uint64_t)(rows / 3) * per;
	h->top -= h->top % per;
	if (crow + per == h->top)
		h->top = crow;
	else if (crow == h->top + span)
		h->top = crow - span + per;
	else if (crow < h->top || crow >= h->top + span)
		h->top = crow > third ? crow - third : 0;
}

/*
 * Which rows are shown, top to bottom: each fixed band's title and rows,
 * the scrolling part's title, then as many scrolling rows as fit (the
 * first line of the window describes the cursor).
 */
static void
hexview_lay_out(struct hexview *h, unsigned per, int rows)
{
	int i, left = rows - 1;
	uint64_t off;

	h->now.n = 0;
	for (i = 0; i < h->nfixed && left > 1; i++) {
		hexview_add_row(&h->now, HEXVIEW_TITLE - (uint64_t)i - 1);
		left--;
		for (off = h->fixed[i].off - h->fixed[i].off % per;
		    off < h->fixed[i].off + h->fixed[i].len && off < h->size && left > 1; off += per) {
			hexview_add_row(&h->now, off);
			left--;
		}
	}
	if (h->scroll_title != NULL && left > 1) {
		hexview_add_row(&h->now, HEXVIEW_TITLE);
		left--;
	}
	h->scroll_rows = left;
	hexview_follow(h, per, left);
	for (i = 0, off = h->top; i < left && off < h->size; i++, off += per)
		hexview_add_row(&h->now, off);
}

/*
 * Copy row j's bytes from the segment and light those that differ from
 * the same offset's last copy (a highlight lasts HEXVIEW_HIGHLIGHT_MS);
 * true when the row must be drawn again.
 */
static bool
hexview_read_row(struct hexview *h, const struct shmpeek *p, size_t j, unsigned per,
    uint64_t now)
{
	unsigned char *b = h->now.bytes + j * per;
	uint64_t *c = h->now.changed + j * per, r;
	bool changed = false;
	unsigned k;
	long old;

	memset(c, 0, per * sizeof *c);
	h->now.have[j] = 0;
	if (h->now.off[j] >= HEXVIEW_TITLE - HEXVIEW_MAX_FIXED)
		return false;
	h->now.have[j] = (unsigned)shmpeek_copy(p, h->now.off[j], b, per);
	old = h->have_before && h->before.per_row == per ? hexview_find(&h->before,
	    h->now.off[j]) : -1;
	if (old < 0)
		return true;
	for (k = 0; k < per; k++) {
		r = h->before.changed[(size_t)old * per + k];
		if (k < h->now.have[j] && k < h->before.have[old] &&
		    b[k] != h->before.bytes[(size_t)old * per + k]) {
			r = now;
			changed = true;
			h->changed_bytes++;
		}
		if (k >= h->now.have[j] || k >= h->before.have[old])
			r = 0;
		c[k] = r;
		if (r != 0 && r + HEXVIEW_HIGHLIGHT_MS > h->lit_until)
			h->lit_until = r + HEXVIEW_HIGHLIGHT_MS;
	}
	return changed || h->now.have[j] != h->before.have[old] ||
	    memcmp(b, h->before.bytes + (size_t)old * per, h->now.have[j]) != 0;
}

bool
hexview_update(struct hexview *h, const struct shmpeek *p, int w, int rows, uint64_t now)
{
	struct hexview_rows tmp;
	unsigned per = hexview_per_row(h, w);
	bool changed = !h->have_before || per != h->before.per_row;
	size_t j;

	hexview_clamp(h);
	h->changed_bytes = 0;
	if (hexview_rows_grow(&h->now, rows > 0 ? (size_t)rows : 1, per) != 0)
		return false;
	hexview_lay_out(h, per, rows);
	for (j = 0; j < h->now.n; j++)
		if (hexview_read_row(h, p, j, per, now))
			changed = true;
	if (h->lit_until != 0 && now >= h->lit_until) {
		h->lit_until = 0;
		changed = true;
	} else if (h->lit_until != 0) {
		changed = true;
	}
	if (h->before.n != h->now.n)
		changed = true;
	tmp = h->before;
	h->before = h->now;
	h->now = tmp;
	h->have_before = true;
	return changed;
}

uint64_t
hexview_lit_until(const struct hexview *h)
{
	return h->lit_until;
}

/* The cursor's bytes from the last frame (the row holding it), or NULL. */
static const unsigned char *
hexview_cursor_bytes(const struct hexview *h, unsigned *avail)
{
	const struct hexview_rows *r = &h->before;
	size_t j;

	for (j = 0; h->have_before && j < r->n && r->per_row > 0; j++)
		if (r->off[j] < HEXVIEW_TITLE - HEXVIEW_MAX_FIXED && h->cursor >= r->off[j] &&
		    h->cursor < r->off[j] + r->have[j]) {
			*avail = r->have[j] - (unsigned)(h->cursor - r->off[j]);
			return r->bytes + j * r->per_row + (h->cursor - r->off[j]);
		}
	*avail = 0;
	return NULL;
}

/* What a board's field holds, for the description: a cell decoded, other words as numbers. */
static void
hexview_board_value(const unsigned char *b, unsigned avail, uint64_t start, uint64_t cursor,
		    unsigned len, const char *name, char *buf, size_t n)
{
	const unsigned char *f = b - (cursor - start);
	uint64_t v = 0;
	uint32_t cp;

	if (start + len > cursor + avail || len > 8 || cursor < start) {
		snprintf(buf, n, "%s", name);
		return;
	}
	memcpy(&v, f, len);
	if (strncmp(name, "cells[", 6) == 0 && len == sizeof(uint64_t)) {
		/* the cell's value first, where a narrow window still shows it */
		const char *where = strstr(name, " (");
		int nl = where != NULL ? (int)(where - name) : (int)strlen(name);
		unsigned long long w = v;

		cp = cell_cp(v);
		if (where == NULL)
			where = "";
		if (cp == 0 && cell_content(v) == CELL_EMPTY)
			/* TRANSLATORS: the byte view's first line on a board's cell: its name
			   (cells[row][col]), its 64-bit word, then what it holds (empty, and the
			   cell's write counter), then where it is (the last %s, " (row 1, col 2)"
			   or nothing); cut at the window */
			snprintf(buf, n, _("%.*s = 0x%016llx: empty, write %u%s"), nl, name, w,
			    cell_counter(v), where);
		else if (cp >= 0x20 && cp < 0x7F)
			/* TRANSLATORS: see "%.*s = 0x%016llx: empty, write %u%s"; the character,
			   its code point, its foreground (fg) and background (bg) colours, the slot
			   that wrote it, its write counter and its attribute bits */
			snprintf(buf, n, _("%.*s = 0x%016llx: '%c' U+%04X fg %u bg %u author %u "
			    "write %u attrs %u%s"), nl, name, w, (char)cp, cp, cell_fg(v), cell_bg(v),
			    cell_author(v), cell_counter(v), cell_attrs(v), where);
		else
			/* TRANSLATORS: see "%.*s = 0x%016llx: '%c' U+%04X fg %u bg %u..." */
			snprintf(buf, n, _("%.*s = 0x%016llx: U+%04X fg %u bg %u author %u write %u "
			    "attrs %u%s"), nl, name, w, cp, cell_fg(v), cell_bg(v), cell_author(v),
			    cell_counter(v), cell_attrs(v), where);
		return;
	}
	snprintf(buf, n, "%s = %llu (0x%llx)", name, (unsigned long long)v,
	    (unsigned long long)v);
}

const char *
hexview_describe(const struct hexview *h, const struct boardmap *names, char *buf, size_t n)
{
	char el[32], name[48], what[160];
	const unsigned char *b;
	unsigned avail, len, i;
	uint64_t start;
	size_t used;

	if (h->size == 0) {
		/* TRANSLATORS: the byte view's first line for a segment of 0 bytes */
		snprintf(buf, n, "%s", _("empty segment"));
		return buf;
	}
	b = hexview_cursor_bytes(h, &avail);
	if (b == NULL) {
		snprintf(buf, n, "0x%08llx", (unsigned long long)h->cursor);
		return buf;
	}
	if (names != NULL) {
		boardmap_name(names, h->cursor, name, sizeof name, &start, &len);
		hexview_board_value(b, avail, start, h->cursor, len, name, what, sizeof what);
		snprintf(buf, n, "0x%08llx %s", (unsigned long long)h->cursor, what);
		return buf;
	}
	shmpeek_element(h->fmt == SHMPEEK_CHARS ? SHMPEEK_BYTES : h->fmt, b, avail, el, sizeof el);
	/* TRANSLATORS: the byte view's first line: the cursor's offset, the format's name
	   (int32...) = the value, then "bytes" and the element's bytes in hex */
	used = (size_t)snprintf(buf, n, _("0x%08llx %s = %s  bytes"),
	    (unsigned long long)h->cursor, shmpeek_format_name(h->fmt), el);
	for (i = 0; i < shmpeek_format_size(h->fmt) && i < avail && used < n; i++)
		used += (size_t)snprintf(buf + used, n - used, " %02x", b[i]);
	return buf;
}
