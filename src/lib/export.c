/*
 * export.c - the board as HTML and SVG (and as text and ANSI text, which
 * are dump_text's). A row is first walked into glyphs, exactly as
 * dump_text walks it (what it shows in each column, in which colour), so
 * that every format shows the same text; the writers then only differ in
 * how they mark colours and columns up. Cell words are read with the
 * accessors of cell.h only.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cell.h"
#include "dump.h"
#include "export.h"
#include "palette.h"

/* What a row shows in one place: a character over one or two columns. */
struct export_glyph {
	uint32_t col;          /* its first column */
	uint32_t cp;           /* what is shown: ' ' for a blank, U+FFFD for what cannot be */
	unsigned width;        /* columns: 1 or 2 */
	unsigned colour;       /* 0..255; a blank has the colour of what is before it */
};

/* A board being written: where the rows end, and one row's glyphs. */
struct export_walk {
	const struct board *b;
	uint32_t *last;        /* per row: its last column that is not blank, UINT32_MAX none */
	uint32_t rows;         /* rows up to the last one that is not blank */
	uint32_t cols;         /* columns up to the end of the widest row */
	struct export_glyph *g;   /* one row's glyphs (at most b->cols) */
	uint32_t n;
};

/* True when a cell shows nothing (empty or a space), as dump_text judges it. */
static bool
export_blank(uint64_t cell)
{
	uint32_t cp = cell_cp(cell);

	return cp == 0 || cp == ' ';
}

/* Add one glyph to the row. */
static void
export_add(struct export_walk *w, uint32_t col, uint32_t cp, unsigned width, unsigned colour)
{
	struct export_glyph *g = &w->g[w->n++];

	g->col = col;
	g->cp = cp;
	g->width = width;
	g->colour = colour;
}

/* Walk row into w->g, as dump_text shows it. */
static void
export_row(struct export_walk *w, uint32_t row)
{
	const struct board *b = w->b;
	uint32_t col, cp, last = w->last[row];
	unsigned colour = 0;
	bool wide_open = false;
	uint64_t cell;

	w->n = 0;
	for (col = 0; last != UINT32_MAX && col <= last; col++) {
		cell = board_get(b, col, row);
		cp = cell_cp(cell);
		if (cp == CELL_CONT) {
			if (!wide_open)
				export_add(w, col, ' ', 1, colour);
			wide_open = false;
			continue;
		}
		wide_open = false;
		if (!export_blank(cell))
			colour = cell_colour(cell);
		if (cp == 0 || cp == ' ')
			export_add(w, col, ' ', 1, colour);
		else if (!cell_drawable(cp))
			export_add(w, col, 0xFFFD, 1, colour);
		else if (cell_width(cp) != 2)
			export_add(w, col, cp, 1, colour);
		else if (col + 1 < b->cols && cell_cp(board_get(b, col + 1, row)) == CELL_CONT) {
			export_add(w, col, cp, 2, colour);
			wide_open = true;
		} else
			export_add(w, col, 0xFFFD, 1, colour);
	}
}

/* Measure the board (rows and columns shown) and make room for a row. */
static int
export_begin(struct export_walk *w, const struct board *b)
{
	uint32_t row, col, end;

	memset(w, 0, sizeof *w);
	w->b = b;
	w->last = calloc(b->rows > 0 ? b->rows : 1, sizeof *w->last);
	w->g = calloc(b->cols > 0 ? b->cols : 1, sizeof *w->g);
	if (w->last == NULL || w->g == NULL) {
		free(w->last);
		free(w->g);
		return -1;
	}
	for (row = 0; row < b->rows; row++) {
		w->last[row] = UINT32_MAX;
		for (col = b->cols; col-- > 0;)
			if (!export_blank(board_get(b, col, row))) {
				w->last[row] = col;
				w->rows = row + 1;
				break;
			}
	}
	for (row = 0; row < w->rows; row++) {
		export_row(w, row);
		end = w->n > 0 ? w->g[w->n - 1].col + w->g[w->n - 1].width : 0;
		if (end > w->cols)
			w->cols = end;
	}
	return 0;
}

static void
export_end(struct export_walk *w)
{
	free(w->last);
	free(w->g);
}

/* Append a code point as text of HTML or XML: &, <, > and " escaped. */
static void
export_put_xml(struct strbuf *out, uint32_t cp)
{
	switch (cp) {
	case '&': strbuf_puts(out, "&amp;"); break;
	case '<': strbuf_puts(out, "&lt;"); break;
	case '>': strbuf_puts(out, "&gt;"); break;
	case '"': strbuf_puts(out, "&quot;"); break;
	default: strbuf_put_utf8(out, cp); break;
	}
}

/* Append colour c as #rrggbb. */
static void
export_put_rgb(struct strbuf *out, unsigned c)
{
	struct palette_rgb rgb = palette_xterm_rgb(c);

	strbuf_printf(out, "#%02x%02x%02x", rgb.r, rgb.g, rgb.b);
}

static const char export_html_head[] =
	"<!DOCTYPE html>\n"
	"<html>\n"
	"<head>\n"
	"<meta charset=\"utf-8\">\n"
	"<meta name=\"generator\" content=\"pizarra " PACKAGE_VERSION "\">\n"
	"<title>pizarra</title>\n"
	"<style>\n"
	"body { background: #ffffff; color: #000000; }\n"
	"pre.pizarra { font-family: \"DejaVu Sans Mono\", monospace; font-size: 16px; "
	"line-height: 1.25; }\n"
	"pre.pizarra .w { display: inline-block; width: 2ch; }\n"
	"</style>\n"
	"</head>\n"
	"<body>\n"
	"<pre class=\"pizarra\">\n";

/* Append one row of the page: its colour runs as spans, wide characters in theirs. */
static void
export_html_row(const struct export_walk *w, struct strbuf *out)
{
	unsigned open = 0;
	uint32_t i;

	for (i = 0; i < w->n; i++) {
		const struct export_glyph *g = &w->g[i];

		if (g->colour != open) {
			if (open != 0)
				strbuf_puts(out, "</span>");
			if (g->colour != 0) {
				strbuf_puts(out, "<span style=\"color:");
				export_put_rgb(out, g->colour);
				strbuf_puts(out, "\">");
			}
			open = g->colour;
		}
		if (g->width == 2)
			strbuf_puts(out, "<span class=\"w\">");
		export_put_xml(out, g->cp);
		if (g->width == 2)
			strbuf_puts(out, "</span>");
	}
	if (open != 0)
		strbuf_puts(out, "</span>");
	strbuf_putc(out, '\n');
}

int
export_html(const struct board *b, struct strbuf *out)
{
	struct export_walk w;
	uint32_t row;

	if (export_begin(&w, b) != 0)
		return -1;
	strbuf_puts(out, export_html_head);
	for (row = 0; row < w.rows; row++) {
		export_row(&w, row);
		export_html_row(&w, out);
	}
	strbuf_puts(out, "</pre>\n</body>\n</html>\n");
	export_end(&w);
	return out->failed ? -1 : 0;
}

/* Append glyphs g[from..to) of row as one <text>. */
static void
export_svg_text(const struct export_glyph *g, uint32_t from, uint32_t to, uint32_t row,
		struct strbuf *out)
{
	uint32_t cols = g[to - 1].col + g[to - 1].width - g[from].col, i;

	strbuf_printf(out, "<text x=\"%lu\" y=\"%lu\" textLength=\"%lu\" xml:space=\"preserve\"",
	    (unsigned long)g[from].col * EXPORT_SVG_CELL_W,
	    (unsigned long)row * EXPORT_SVG_CELL_H + EXPORT_SVG_BASELINE,
	    (unsigned long)cols * EXPORT_SVG_CELL_W);
	if (g[from].colour != 0) {
		strbuf_puts(out, " fill=\"");
		export_put_rgb(out, g[from].colour);
		strbuf_putc(out, '"');
	}
	strbuf_putc(out, '>');
	for (i = from; i < to; i++)
		export_put_xml(out, g[i].cp);
	strbuf_puts(out, "</text>\n");
}

/* Append one row: a <text> per run of one colour and one width, blanks at its ends left out. */
static void
export_svg_row(const struct export_walk *w, uint32_t row, struct strbuf *out)
{
	const struct export_glyph *g = w->g;
	uint32_t i = 0, j, from, to;

	while (i < w->n) {
		for (j = i + 1; j < w->n && g[j].colour == g[i].colour && g[j].width == g[i].width; j++)
			;
		for (from = i; from < j && g[from].cp == ' '; from++)
			;
		for (to = j; to > from && g[to - 1].cp == ' '; to--)
			;
		if (from < to)
			export_svg_text(g, from, to, row, out);
		i = j;
	}
}

int
export_svg(const struct board *b, struct strbuf *out)
{
	struct export_walk w;
	unsigned long width, height;
	uint32_t row;

	if (export_begin(&w, b) != 0)
		return -1;
	width = (unsigned long)(w.cols > 0 ? w.cols : 1) * EXPORT_SVG_CELL_W;
	height = (unsigned long)(w.rows > 0 ? w.rows : 1) * EXPORT_SVG_CELL_H;
	strbuf_printf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%lu\" height=\"%lu\" "
	    "viewBox=\"0 0 %lu %lu\">\n"
	    "<rect width=\"%lu\" height=\"%lu\" fill=\"#ffffff\"/>\n"
	    "<g font-family=\"'DejaVu Sans Mono', monospace\" font-size=\"%d\" fill=\"#000000\">\n",
	    width, height, width, height, width, height, EXPORT_SVG_FONT);
	for (row = 0; row < w.rows; row++) {
		export_row(&w, row);
		export_svg_row(&w, row, out);
	}
	strbuf_puts(out, "</g>\n</svg>\n");
	export_end(&w);
	return out->failed ? -1 : 0;
}

int
export_write(const struct board *b, enum export_format f, struct strbuf *out)
{
	switch (f) {
	case EXPORT_HTML:
		return export_html(b, out);
	case EXPORT_SVG:
		return export_svg(b, out);
	case EXPORT_ANSI:
		return dump_text(b, out, true);
	default:
		return dump_text(b, out, false);
	}
}

enum export_format
export_format_for(const char *path)
{
	const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');

	if (dot == NULL || (slash != NULL && dot < slash))
		return EXPORT_TEXT;
	dot++;
	if (strcasecmp(dot, "ans") == 0)
		return EXPORT_ANSI;
	if (strcasecmp(dot, "html") == 0 || strcasecmp(dot, "htm") == 0)
		return EXPORT_HTML;
	if (strcasecmp(dot, "svg") == 0)
		return EXPORT_SVG;
	return EXPORT_TEXT;
}
