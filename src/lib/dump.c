/*
 * dump.c - the board as text, plain or with ANSI colour sequences (what
 * `pizarra dump` and `dump --ansi` print, and F6 saves as .txt and .ans):
 * one line per row, blanks trimmed, never a control character out of a
 * cell, and only SGR sequences pizarra itself makes. Cell words are read
 * with board_get and the accessors of cell.h only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "dump.h"

/* Add the SGR code of colour c (1..255) as a foreground (base 30) or background (40). */
static size_t
dump_sgr_colour(char *p, size_t n, unsigned c, unsigned base)
{
	int k;

	if (c < 8)
		k = snprintf(p, n, ";%u", base + c);
	else if (c < 16)
		k = snprintf(p, n, ";%u", base + 60 + c - 8);
	else
		k = snprintf(p, n, ";%u;5;%u", base + 8, c);
	return k > 0 && (size_t)k < n ? (size_t)k : 0;
}

/* Append the SGR sequence that goes from style was to style st (dump.h says how). */
static void
dump_sgr(struct strbuf *out, unsigned was, unsigned st)
{
	static const struct { unsigned bit; const char *code; } attr[] = {
		{ CELL_BOLD, ";1" }, { CELL_ITALIC, ";3" }, { CELL_UNDERLINE, ";4" },
		{ CELL_REVERSE, ";7" },
	};
	unsigned fg = st & 0xFF, bg = st >> 8 & 0xFF, attrs = st >> 16 & CELL_ATTRS;
	char codes[64];
	size_t n = 0, i;

	if (st == 0) {
		strbuf_puts(out, "\033[0m");
		return;
	}
	/* what must go (an attribute, a background) needs a reset first */
	if ((was >> 8 & ~(st >> 8)) != 0) {
		codes[n++] = ';';
		codes[n++] = '0';
		was = 0;
	}
	for (i = 0; i < sizeof attr / sizeof attr[0]; i++)
		if (attrs & attr[i].bit) {
			memcpy(codes + n, attr[i].code, 2);
			n += 2;
		}
	if (fg != 0)
		n += dump_sgr_colour(codes + n, sizeof codes - n, fg, 30);
	else if ((was & 0xFF) != 0)
		n += (size_t)snprintf(codes + n, sizeof codes - n, ";39");
	if (bg != 0)
		n += dump_sgr_colour(codes + n, sizeof codes - n, bg, 40);
	codes[n] = '\0';
	/* codes has at least one: st is not 0 */
	strbuf_printf(out, "\033[%sm", codes + 1);
}

bool
dump_blank(uint64_t cell)
{
	uint32_t cp = cell_cp(cell);

	return (cp == 0 || cp == ' ') && cell_bg(cell) == 0 &&
	    (cell_attrs(cell) & (CELL_UNDERLINE | CELL_REVERSE)) == 0;
}

uint32_t
dump_row_last(const struct board *b, uint32_t row)
{
	uint32_t col;

	for (col = b->cols; col-- > 0;)
		if (!dump_blank(board_get(b, col, row)))
			return col;
	return UINT32_MAX;
}

/* Add one glyph to g[*n]. */
static void
dump_add(struct dump_glyph *g, uint32_t *n, uint32_t col, uint32_t cp, unsigned width,
	 unsigned style)
{
	g[*n].col = col;
	g[*n].cp = cp;
	g[*n].width = width;
	g[*n].style = style;
	(*n)++;
}

uint32_t
dump_row(const struct board *b, uint32_t row, uint32_t last, struct dump_glyph *g)
{
	unsigned style = 0;
	uint32_t col, cp, n = 0;
	uint64_t cell;
	bool wide_open = false;

	for (col = 0; last != UINT32_MAX && col <= last && col < b->cols; col++) {
		cell = board_get(b, col, row);
		cp = cell_cp(cell);
		if (cp == CELL_CONT) {
			if (!wide_open)
				dump_add(g, &n, col, ' ', 1, style & DUMP_BLANK_KEEPS);
			wide_open = false;
			continue;
		}
		wide_open = false;
		/* a blank shows only what a blank can: no background, underline or reverse */
		style = dump_blank(cell) ? style & DUMP_BLANK_KEEPS : cell_style_of(cell);
		if (cp == 0 || cp == ' ')
			dump_add(g, &n, col, ' ', 1, style);
		else if (!cell_drawable(cp))
			dump_add(g, &n, col, 0xFFFD, 1, style);
		else if (cell_width(cp) != 2)
			dump_add(g, &n, col, cp, 1, style);
		else if (col + 1 < b->cols && cell_cp(board_get(b, col + 1, row)) == CELL_CONT) {
			dump_add(g, &n, col, cp, 2, style);
			wide_open = true;
		} else
			dump_add(g, &n, col, 0xFFFD, 1, style);
	}
	return n;
}

/* Append one row's glyphs, with SGR sequences when ansi. */
static void
dump_put_row(const struct dump_glyph *g, uint32_t n, struct strbuf *out, bool ansi)
{
	unsigned style = 0;
	uint32_t i;

	for (i = 0; i < n; i++) {
		if (ansi && g[i].style != style) {
			dump_sgr(out, style, g[i].style);
			style = g[i].style;
		}
		strbuf_put_utf8(out, g[i].cp);
	}
	if (ansi && style != 0)
		dump_sgr(out, style, 0);
}

/* Append the board as text, blanks trimmed. */
int
dump_text(const struct board *b, struct strbuf *out, bool ansi)
{
	struct dump_glyph *g;
	uint32_t row, last_row = 0, *last, n;
	bool any = false;

	last = calloc(b->rows > 0 ? b->rows : 1, sizeof *last);
	g = calloc(b->cols > 0 ? b->cols : 1, sizeof *g);
	if (last == NULL || g == NULL) {
		free(last);
		free(g);
		return -1;
	}
	for (row = 0; row < b->rows; row++) {
		last[row] = dump_row_last(b, row);
		if (last[row] != UINT32_MAX) {
			last_row = row;
			any = true;
		}
	}
	for (row = 0; any && row <= last_row; row++) {
		n = dump_row(b, row, last[row], g);
		dump_put_row(g, n, out, ansi);
		strbuf_putc(out, '\n');
	}
	free(last);
	free(g);
	return out->failed ? -1 : 0;
}
