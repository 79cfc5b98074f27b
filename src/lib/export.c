/*
 * export.c - the board as HTML and SVG (and as text and ANSI text, which
 * are dump_text's). A row is walked into glyphs by dump_row, the walk
 * of dump_text itself (what it shows in each column, in which style), so
 * that every format shows the same text; the writers only differ in how
 * they mark styles and columns up: a style's look (export_look: its
 * colours as RGB, reverse applied, and bold, italic, underline) as CSS in
 * HTML and as presentation attributes and background <rect>s in SVG.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cell.h"
#include "dump.h"
#include "export.h"
#include "palette.h"

/* A board being written: where the rows end, and one row's glyphs. */
struct export_walk {
	const struct board *b;
	uint32_t *last;        /* per row: dump_row_last */
	uint32_t rows;         /* rows up to the last one that is not blank */
	uint32_t cols;         /* columns up to the end of the widest row */
	struct dump_glyph *g;  /* one row's glyphs (at most b->cols) */
	uint32_t n;
};

/* Walk row into w->g, as dump_text shows it. */
static void
export_row(struct export_walk *w, uint32_t row)
{
	w->n = dump_row(w->b, row, w->last[row], w->g);
}

/* Measure the board (rows and columns shown) and make room for a row. */
static int
export_begin(struct export_walk *w, const struct board *b)
{
	uint32_t row, end;

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
		w->last[row] = dump_row_last(b, row);
		if (w->last[row] != UINT32_MAX)
			w->rows = row + 1;
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

#define EXPORT_INK    0x000000ul   /* the page's text colour */
#define EXPORT_PAPER  0xfffffful   /* the page's background */

/* What a style shows: its colours as 0xrrggbb (reverse applied), which differ from the page's. */
struct export_look {
	unsigned long fg, bg;
	bool fg_set, bg_set;       /* false: the page's own (EXPORT_INK, EXPORT_PAPER) */
	unsigned attrs;            /* CELL_BOLD, CELL_ITALIC, CELL_UNDERLINE (reverse applied) */
};

/* Colour c (1..255) as 0xrrggbb in xterm's palette. */
static unsigned long
export_rgb(unsigned c)
{
	struct palette_rgb rgb = palette_xterm_rgb(c);

	return (unsigned long)rgb.r << 16 | (unsigned long)rgb.g << 8 | rgb.b;
}

/* The look of a style: colour 0 is the page's own, reverse swaps the two. */
static struct export_look
export_look(unsigned style)
{
	unsigned fg = style & 0xFF, bg = style >> 8 & 0xFF, attrs = style >> 16 & CELL_ATTRS;
	struct export_look l;
	unsigned long t;

	l.fg = fg != 0 ? export_rgb(fg) : EXPORT_INK;
	l.bg = bg != 0 ? export_rgb(bg) : EXPORT_PAPER;
	l.fg_set = fg != 0;
	l.bg_set = bg != 0;
	if (attrs & CELL_REVERSE) {
		t = l.fg;
		l.fg = l.bg;
		l.bg = t;
		l.fg_set = l.bg_set = true;   /* the page's ink and paper, swapped, are set too */
	}
	l.attrs = attrs & ~CELL_REVERSE;
	return l;
}

/* Append one CSS declaration (HTML: ";" between them) or presentation attribute (SVG). */
static void
export_put_decl(struct strbuf *out, bool svg, bool *first, const char *name, const char *value)
{
	if (svg)
		strbuf_printf(out, " %s=\"%s\"", name, value);
	else
		strbuf_printf(out, "%s%s:%s", *first ? "" : ";", name, value);
	*first = false;
}

/* Append the look's CSS declarations (HTML) or presentation attributes (SVG text). */
static void
export_put_look(struct strbuf *out, const struct export_look *l, bool svg)
{
	bool first = true;
	char rgb[8];

	if (l->fg_set) {
		snprintf(rgb, sizeof rgb, "#%06lx", l->fg & 0xFFFFFFul);
		export_put_decl(out, svg, &first, svg ? "fill" : "color", rgb);
	}
	if (l->bg_set && !svg) {
		snprintf(rgb, sizeof rgb, "#%06lx", l->bg & 0xFFFFFFul);
		export_put_decl(out, svg, &first, "background-color", rgb);
	}
	if (l->attrs & CELL_BOLD)
		export_put_decl(out, svg, &first, "font-weight", "bold");
	if (l->attrs & CELL_ITALIC)
		export_put_decl(out, svg, &first, "font-style", "italic");
	if (l->attrs & CELL_UNDERLINE)
		export_put_decl(out, svg, &first, "text-decoration", "underline");
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

/* Append one row of the page: its style runs as spans, wide characters in theirs. */
static void
export_html_row(const struct export_walk *w, struct strbuf *out)
{
	struct export_look l;
	unsigned open = 0;
	uint32_t i;

	for (i = 0; i < w->n; i++) {
		const struct dump_glyph *g = &w->g[i];

		if (g->style != open) {
			if (open != 0)
				strbuf_puts(out, "</span>");
			if (g->style != 0) {
				l = export_look(g->style);
				strbuf_puts(out, "<span style=\"");
				export_put_look(out, &l, false);
				strbuf_puts(out, "\">");
			}
			open = g->style;
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
export_svg_text(const struct dump_glyph *g, uint32_t from, uint32_t to, uint32_t row,
		struct strbuf *out)
{
	uint32_t cols = g[to - 1].col + g[to - 1].width - g[from].col, i;
	struct export_look l = export_look(g[from].style);

	strbuf_printf(out, "<text x=\"%lu\" y=\"%lu\" textLength=\"%lu\" xml:space=\"preserve\"",
	    (unsigned long)g[from].col * EXPORT_SVG_CELL_W,
	    (unsigned long)row * EXPORT_SVG_CELL_H + EXPORT_SVG_BASELINE,
	    (unsigned long)cols * EXPORT_SVG_CELL_W);
	export_put_look(out, &l, true);
	strbuf_putc(out, '>');
	for (i = from; i < to; i++)
		export_put_xml(out, g[i].cp);
	strbuf_puts(out, "</text>\n");
}

/* Append a <rect> under each run of one background that is not the page's. */
static void
export_svg_backgrounds(const struct export_walk *w, uint32_t row, struct strbuf *out)
{
	const struct dump_glyph *g = w->g;
	struct export_look l, m;
	uint32_t i = 0, j;

	while (i < w->n) {
		l = export_look(g[i].style);
		for (j = i + 1; j < w->n; j++) {
			m = export_look(g[j].style);
			if (m.bg_set != l.bg_set || m.bg != l.bg)
				break;
		}
		if (l.bg_set)
			strbuf_printf(out, "<rect x=\"%lu\" y=\"%lu\" width=\"%lu\" height=\"%d\" "
			    "fill=\"#%06lx\"/>\n", (unsigned long)g[i].col * EXPORT_SVG_CELL_W,
			    (unsigned long)row * EXPORT_SVG_CELL_H,
			    (unsigned long)(g[j - 1].col + g[j - 1].width - g[i].col) *
			    EXPORT_SVG_CELL_W, EXPORT_SVG_CELL_H, l.bg);
		i = j;
	}
}

/*
 * Append one row: its backgrounds, then a <text> per run of one style and
 * one width, spaces at its ends left out (unless underlined: they show).
 */
static void
export_svg_row(const struct export_walk *w, uint32_t row, struct strbuf *out)
{
	const struct dump_glyph *g = w->g;
	uint32_t i = 0, j, from, to;
	bool keep;

	export_svg_backgrounds(w, row, out);
	while (i < w->n) {
		for (j = i + 1; j < w->n && g[j].style == g[i].style && g[j].width == g[i].width; j++)
			;
		keep = (g[i].style >> 16 & CELL_UNDERLINE) != 0;
		for (from = i; !keep && from < j && g[from].cp == ' '; from++)
			;
		for (to = j; !keep && to > from && g[to - 1].cp == ' '; to--)
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
