/*
 * hexview.h - a segment's bytes in a window: offset, the bytes (or 32-
 * and 64-bit integers, floats, doubles, characters) and their characters,
 * a byte that changed since the last look lit up for a moment, a cursor on
 * one element, described on the first line (with the board's field names
 * when the segment is a board: "cells[0][1] = 0x02200041: U+0041 'A'
 * colour 1 author 1"). Fixed bands (a board's header, our own slot) can
 * stand above the band that scrolls, which keeps the cursor in view.
 *
 * The bytes come from a struct shmpeek (a read-only attach, or a view of
 * an attached board's segment), copied and compared here; only what is
 * visible is copied, so a look costs the window, not the segment. Nothing
 * from the segment reaches the terminal as it is: bytes are drawn as hex
 * digits, numbers and printable ASCII. Only hexview.c writes a struct
 * hexview.
 */
#ifndef PIZARRA_HEXVIEW_H
#define PIZARRA_HEXVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "boardmap.h"
#include "shmpeek.h"

#define HEXVIEW_HIGHLIGHT_MS  1500   /* how long a changed byte stays lit */
#define HEXVIEW_MAX_FIXED     2      /* fixed bands above the scrolling one */

/* A fixed band: a range of the segment shown above the scrolling band, under a title. */
struct hexview_band {
	uint64_t off, len;
	char title[96];
};

/* The rows of one frame: each row's offset, its bytes and when each byte last changed. */
struct hexview_rows {
	uint64_t *off;          /* offset of each row's first byte; UINT64_MAX for a title row */
	unsigned char *bytes;   /* per_row bytes per row */
	uint64_t *changed;      /* per byte: when it last changed (ms), 0 never */
	unsigned *have;         /* per row: bytes copied (short at the segment's end) */
	size_t n, cap;
	unsigned per_row;
};

struct hexview {
	enum shmpeek_format fmt;
	uint64_t size;                 /* the segment's size (the kernel's) */
	uint64_t cursor;               /* offset of the element under the cursor */
	unsigned cursor_len;           /* bytes the cursor covers (0: one element) */
	uint64_t top;                  /* first offset the scrolling band shows */
	int scroll_rows;               /* rows of the scrolling band, last frame */
	struct hexview_band fixed[HEXVIEW_MAX_FIXED];
	int nfixed;
	const char *scroll_title;      /* a title above the scrolling band, or NULL */
	struct hexview_rows now, before;
	bool have_before;              /* before is the previous frame (same segment) */
	size_t changed_bytes;          /* bytes seen changed by the last update */
	uint64_t lit_until;            /* the last highlight ends then (ms) */
};

/* Start on a segment of size bytes, format f, cursor at 0; forget any earlier frame. */
void hexview_reset(struct hexview *h, uint64_t size, enum shmpeek_format f);

/* Free what h holds. */
void hexview_free(struct hexview *h);

/* Set the fixed bands (n <= HEXVIEW_MAX_FIXED) and the scrolling band's title (NULL: none). */
void hexview_bands(struct hexview *h, const struct hexview_band *b, int n, const char *title);

/* The next format (bytes, int32, int64, float, double, chars, bytes...). */
void hexview_next_format(struct hexview *h);

/* Move the cursor by elements (left/right) or rows (up/down), pages, or to the start or end. */
void hexview_step(struct hexview *h, long elements);
void hexview_step_rows(struct hexview *h, long rows);
void hexview_page(struct hexview *h, int pages);
void hexview_home(struct hexview *h, bool end);

/* Put the cursor on offset off (clamped to the segment, aligned to the element). */
void hexview_jump(struct hexview *h, uint64_t off);

/* The cursor covers len bytes from now on (a board's cell: 4), not one element (0). */
void hexview_cursor_len(struct hexview *h, unsigned len);

/*
 * Lay out a w x rows window and copy what it shows from p, comparing
 * with the last frame: true when the window would look different (a byte
 * changed, a highlight went out, the layout moved).
 */
bool hexview_update(struct hexview *h, const struct shmpeek *p, int w, int rows, uint64_t now);

/* When the next highlight goes out (ms), 0 when none is lit. */
uint64_t hexview_lit_until(const struct hexview *h);

/* A row of the frame that is a band's title, not bytes (hexview_rows.off). */
#define HEXVIEW_TITLE UINT64_MAX

/* The size of one element of the format shown (1, 4, 8 bytes). */
unsigned hexview_esize(const struct hexview *h);

/* The bytes the cursor covers (an element, or a board's cell). */
unsigned hexview_cursor_span(const struct hexview *h);

/* The width of the offset column (8 hex digits, more for a segment over 4 GiB). */
int hexview_offw(const struct hexview *h);

/* The element under the cursor, described in buf (the first line of the window). */
const char *hexview_describe(const struct hexview *h, const struct boardmap *names, char *buf,
			     size_t n);

#endif
