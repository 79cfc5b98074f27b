/*
 * import.c - ANSI colour sequences taken out of a text into a style per
 * byte (cell_style: both colours and the attributes), and a text with
 * styles laid onto a board: as a block at a position (each character drawn with board_draw, so wide characters stay
 * whole), or as the whole board (drawn into a board in process memory
 * first, then copied over every cell). The characters are checked with
 * the board's own scan (textscan_feed) before anything is drawn, so the
 * walk that draws them meets only characters a cell can hold.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "cell.h"
#include "grapheme.h"
#include "import.h"
#include "palette.h"
#include "utf8.h"

#define IMPORT_TAB      8
#define IMPORT_SGR_MAX  32    /* parameters of one SGR sequence looked at */
#define IMPORT_BIG      1000  /* a parameter this large or larger is said as such */

void
import_plain(struct import_text *t, const char *text, size_t len)
{
	memset(t, 0, sizeof *t);
	t->text = text;
	t->len = len;
}

void
import_free(struct import_text *t)
{
	free(t->buf);
	free(t->styles);
	memset(t, 0, sizeof *t);
}

/* The squared distance of two colours in RGB. */
static unsigned long
import_distance(struct palette_rgb p, unsigned r, unsigned g, unsigned b)
{
	long dr = (long)r - p.r, dg = (long)g - p.g, db = (long)b - p.b;

	return (unsigned long)(dr * dr + dg * dg + db * db);
}

unsigned
import_colour_rgb(unsigned r, unsigned g, unsigned b)
{
	unsigned long best = ~0ul, d;
	unsigned c, pick = CELL_BLACK;

	/* the cube and the greys first: they look the same on every terminal */
	for (c = CELL_COLOURS; c < CELL_COLOURS_MAX; c++) {
		d = import_distance(palette_xterm_rgb(c), r, g, b);
		if (d < best) {
			best = d;
			pick = c;
		}
	}
	for (c = 1; c < CELL_COLOURS; c++) {
		d = import_distance(palette_xterm_rgb(c), r, g, b);
		if (d < best) {
			best = d;
			pick = c;
		}
	}
	return pick;
}

unsigned
import_colour_256(unsigned n)
{
	n &= 0xFF;
	return n == 0 ? CELL_BLACK : n;
}

/*
 * Where the next character of the text so far (out[0..n)) goes, for an
 * error at that place: "line L, column C: why". When the text so far has
 * a problem of its own, that one is earlier and is the one reported.
 */
static int
import_error_at(const char *out, size_t n, const char *why, struct pzerr *e)
{
	struct textscan sc;
	size_t used;

	textscan_init(&sc, UINT32_MAX);
	if (textscan_feed(&sc, out, n, true, &used, e) != 0)
		return -1;
	return pzerr_set(e, EILSEQ, _("line %u, column %u: %s"), sc.line + 1, sc.col + 1, why);
}

/*
 * The parameters of an SGR sequence (digits and ;) as numbers, saturated
 * at 1000 (IMPORT_BIG: no parameter is that large). -1 for a byte that is
 * not a digit or ;, -2 for more than max parameters.
 */
static int
import_params(const char *s, size_t len, unsigned *p, int max)
{
	int n = 1;
	size_t i;

	p[0] = 0;
	for (i = 0; i < len; i++) {
		if (s[i] == ';') {
			if (n == max)
				return -2;
			p[n++] = 0;
		} else if (s[i] >= '0' && s[i] <= '9') {
			p[n - 1] = p[n - 1] >= IMPORT_BIG ? IMPORT_BIG : p[n - 1] * 10 + (unsigned)(s[i] - '0');
		} else {
			return -1;
		}
	}
	return n;
}

/* The looks an SGR sequence changes, as it goes. */
struct import_pen {
	unsigned fg, bg, attrs;
};

/*
 * An extended colour at p[*k] (38 or 48): 5;N or 2;R;G;B after it. Its
 * cell colour in *c and *k past it, or -1 when it is neither.
 */
static int
import_extended(const unsigned *p, int n, int *k, unsigned *c)
{
	if (*k + 2 < n && p[*k + 1] == 5 && p[*k + 2] <= 255) {
		*c = import_colour_256(p[*k + 2]);
		*k += 2;
		return 0;
	}
	if (*k + 4 < n && p[*k + 1] == 2 && p[*k + 2] <= 255 && p[*k + 3] <= 255 &&
	    p[*k + 4] <= 255) {
		*c = import_colour_rgb(p[*k + 2], p[*k + 3], p[*k + 4]);
		*k += 4;
		return 0;
	}
	return -1;
}

/* One attribute parameter (1, 3, 4, 7 on; 22, 23, 24, 27 off): 0, or -1 when it is none. */
static int
import_attr(unsigned q, struct import_pen *pen)
{
	static const struct { unsigned on, off, bit; } attr[] = {
		{ 1, 22, CELL_BOLD }, { 3, 23, CELL_ITALIC }, { 4, 24, CELL_UNDERLINE },
		{ 7, 27, CELL_REVERSE },
	};
	size_t i;

	for (i = 0; i < sizeof attr / sizeof attr[0]; i++) {
		if (q == attr[i].on)
			pen->attrs |= attr[i].bit;
		else if (q == attr[i].off)
			pen->attrs &= ~attr[i].bit;
		else
			continue;
		return 0;
	}
	return -1;
}

/*
 * Apply SGR parameters p[0..n) to *pen: 0 or -1 with why (wn bytes)
 * naming the first parameter a cell cannot hold.
 */
static int
import_sgr(const unsigned *p, int n, struct import_pen *pen, char *why, size_t wn)
{
	unsigned q, c;
	int k;

	for (k = 0; k < n; k++) {
		q = p[k];
		if (q == 0)
			pen->fg = pen->bg = pen->attrs = 0;
		else if (import_attr(q, pen) == 0)
			;
		else if (q == 39 || q == 49)
			*(q == 39 ? &pen->fg : &pen->bg) = 0;
		else if ((q >= 30 && q <= 37) || (q >= 40 && q <= 47))
			*(q < 40 ? &pen->fg : &pen->bg) = import_colour_256(q % 10);
		else if ((q >= 90 && q <= 97) || (q >= 100 && q <= 107))
			*(q < 100 ? &pen->fg : &pen->bg) = q % 10 + 8;
		else if ((q == 38 || q == 48) && import_extended(p, n, &k, &c) == 0)
			*(q == 38 ? &pen->fg : &pen->bg) = c;
		else if (q >= IMPORT_BIG) {
			/* TRANSLATORS: completes "line 3, column 7: "; SGR and 999 stay */
			snprintf(why, wn, "%s", _("an SGR parameter over 999, which no cell holds"));
			return -1;
		} else {
			/* TRANSLATORS: completes "line 3, column 7: "; SGR and the numbers stay */
			snprintf(why, wn, _("SGR parameter %u is not one a cell holds (0, 1, 3, 4, 7, "
			    "22-24, 27, 30-39, 40-49, 90-97, 100-107; 38 and 48 with 5;N or "
			    "2;R;G;B)"), q);
			return -1;
		}
	}
	return 0;
}

/*
 * The escape sequence at in[0..len) (in[0] is ESC): its length, with the
 * looks it sets applied to *pen, or -1 with why saying what it is.
 */
static long
import_escape(const char *in, size_t len, struct import_pen *pen, char *why, size_t wn)
{
	unsigned p[IMPORT_SGR_MAX];
	char seq[40], q[200];
	size_t j = 2, params;
	int n;

	if (len < 2 || in[1] != '[') {
		/* TRANSLATORS: completes "line 3, column 7: " */
		snprintf(why, wn, "%s", _("an escape (ESC) that does not start a colour sequence "
		    "(ESC [ ... m)"));
		return -1;
	}
	while (j < len && in[j] >= 0x30 && in[j] <= 0x3F)
		j++;
	params = j - 2;
	while (j < len && in[j] >= 0x20 && in[j] <= 0x2F)
		j++;
	if (j == len || in[j] < 0x40 || in[j] > 0x7E) {
		/* TRANSLATORS: completes "line 3, column 7: " */
		snprintf(why, wn, "%s", _("an escape sequence (ESC [) that does not end"));
		return -1;
	}
	n = in[j] == 'm' && j == params + 2 ? import_params(in + 2, params, p, IMPORT_SGR_MAX) : -1;
	if (n == -2) {
		/* TRANSLATORS: completes "line 3, column 7: "; %d is 32; SGR and ESC [ ... m stay */
		snprintf(why, wn, _("an SGR sequence with more than %d parameters (ESC [ ... m)"),
		    IMPORT_SGR_MAX);
		return -1;
	}
	if (n < 0) {
		snprintf(seq, sizeof seq, "%.*s", (int)(j + 1 < sizeof seq - 4 ? j + 1 : sizeof seq - 4),
		    in);
		/* TRANSLATORS: completes "line 3, column 7: "; %s is the sequence, e.g. \e[2J */
		snprintf(why, wn, _("the escape sequence %s is not a colour (SGR, ESC [ ... m)"),
		    utf8_escape(seq, q, sizeof q));
		return -1;
	}
	if (import_sgr(p, n, pen, why, wn) != 0)
		return -1;
	return (long)(j + 1);
}

int
import_ansi(struct import_text *t, const char *in, size_t len, struct pzerr *e)
{
	char why[PZERR_MSG_MAX - 64], *out = malloc(len > 0 ? len : 1);
	uint32_t *col = malloc((len > 0 ? len : 1) * sizeof *col);
	struct import_pen pen = { 0, 0, 0 };
	size_t i = 0, n = 0;
	long used;

	memset(t, 0, sizeof *t);
	if (out == NULL || col == NULL) {
		free(out);
		free(col);
		return pzerr_set(e, ENOMEM, _("out of memory for %zu bytes of text"), len);
	}
	while (i < len) {
		if (in[i] != '\033') {
			out[n] = in[i++];
			col[n++] = cell_style(pen.fg, pen.bg, pen.attrs);
			continue;
		}
		used = import_escape(in + i, len - i, &pen, why, sizeof why);
		if (used < 0) {
			import_error_at(out, n, why, e);
			free(out);
			free(col);
			return -1;
		}
		i += (size_t)used;
	}
	t->buf = out;
	t->text = out;
	t->len = n;
	t->styles = col;
	return 0;
}

int
import_shape(const struct import_text *t, uint32_t max_cols, struct textscan *sc,
	     struct pzerr *e)
{
	size_t used;

	textscan_init(sc, max_cols);
	return textscan_feed(sc, t->text, t->len, true, &used, e);
}

/* Draw t's characters on b, the block's top left at (col, row); checked before. */
static void
import_draw(const struct board *b, uint32_t col, uint32_t row, const struct import_text *t)
{
	uint32_t line = 0, at = 0;
	struct grapheme g;
	size_t i = 0;
	int n;

	while (i < t->len) {
		if (t->text[i] == '\n' || t->text[i] == '\r' || t->text[i] == '\t') {
			/* \r comes only before \n: the scan refuses it anywhere else */
			if (t->text[i] == '\n') {
				line++;
				at = 0;
			} else if (t->text[i] == '\t') {
				at = (at / IMPORT_TAB + 1) * IMPORT_TAB;
			}
			i++;
			continue;
		}
		n = grapheme_next(t->text + i, t->len - i, true, &g);
		if (n <= 0 || g.verdict != GRAPHEME_CELL)
			return;        /* not after import_shape */
		board_draw(b, col + at, row + line, g.cp, t->styles != NULL ? t->styles[i] : 0, 0);
		at += (uint32_t)cell_width(g.cp);
		i += (size_t)n;
	}
}

int
import_place(const struct board *b, uint32_t col, uint32_t row, const struct import_text *t,
	     struct pzerr *e)
{
	struct textscan sc;

	if (board_writable_at(b, col, row, e) != 0)
		return -1;
	if (import_shape(t, b->cols - col, &sc, e) != 0)
		return -1;
	if (sc.width > b->cols - col && sc.height <= 1)
		return pzerr_set(e, EFBIG,
		    _("the text is %u columns wide: from column %u it needs columns %u-%u, "
		    "but the board's columns are 0-%u"),
		    sc.width, col, col, col + sc.width - 1, b->cols - 1);
	if (sc.width > b->cols - col)
		return pzerr_set(e, EFBIG,
		    _("the text's longest line is %u columns wide: from column %u it needs "
		    "columns %u-%u, but the board's columns are 0-%u"),
		    sc.width, col, col, col + sc.width - 1, b->cols - 1);
	if (sc.height > b->rows - row)
		return pzerr_set(e, EFBIG,
		    _("the text has %u lines: from row %u it needs rows %u-%u, but the board's "
		    "rows are 0-%u"), sc.height, row, row, row + sc.height - 1, b->rows - 1);
	import_draw(b, col, row, t);
	return 0;
}

int
import_load(const struct board *b, const struct import_text *t, struct pzerr *e)
{
	size_t n = (size_t)b->cols * b->rows;
	struct textscan sc;
	struct board img;

	if (b->readonly)
		return pzerr_set(e, EROFS, _("the board is attached read-only"));
	if (import_shape(t, b->cols, &sc, e) != 0)
		return -1;
	if (sc.wide_line != 0)
		return pzerr_set(e, EFBIG, _("line %u is %u columns wide, the board has %u columns"),
		    sc.wide_line, sc.wide_width, b->cols);
	if (sc.height > b->rows)
		return pzerr_set(e, EFBIG, _("the text has %u lines, the board has %u rows"),
		    sc.height, b->rows);
	/* the new content drawn in process memory, then copied over every cell */
	img = *b;
	img.readonly = false;
	img.cells = calloc(n > 0 ? n : 1, sizeof *img.cells);
	img.row_stamps = calloc(b->rows > 0 ? b->rows : 1, sizeof *img.row_stamps);
	if (img.cells == NULL || img.row_stamps == NULL) {
		free((void *)img.cells);
		free((void *)img.row_stamps);
		return pzerr_set(e, ENOMEM, _("out of memory for a %ux%u board"), b->cols, b->rows);
	}
	board_clear(&img, NULL);
	import_draw(&img, 0, 0, t);
	board_copy_cells(b, &img);
	free((void *)img.cells);
	free((void *)img.row_stamps);
	return 0;
}
