/*
 * text.c - text written onto a board (text.h): put (a text at a place,
 * refused whole when it does not fit), place (a block as a paste lays it,
 * clipped and counted) and load (the whole board replaced). The text is
 * walked by textscan.c, which checks it and says where each character
 * goes; the cells are written through board.h's bounded writers, which
 * keep wide characters whole and bump every cell's write counter. Nothing
 * here notifies (the caller bumps the generation once, notify.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "cell.h"
#include "text.h"
#include "textscan.h"

/* What text_put draws with. */
struct text_pen {
	const struct board *b;
	uint32_t col, row;
	unsigned colour, author;
};

/* Draw one character of a put. */
static void
text_put_one(uint32_t line, uint32_t col, uint32_t cp, void *arg)
{
	struct text_pen *pen = arg;

	board_draw(pen->b, pen->col + col, pen->row + line, cp, pen->colour, pen->author);
}

/* Write text at (col, row) after validating all of it. */
int
text_put(const struct board *b, uint32_t col, uint32_t row, const char *text,
	 size_t len, unsigned colour, unsigned author, struct pzerr *e)
{
	struct text_pen pen = { b, col, row, colour, author };
	struct textscan_shape sh;

	if (board_writable_at(b, col, row, e) != 0)
		return -1;
	if (textscan_walk(text, len, b->cols - col, &sh, NULL, NULL, e) != 0)
		return -1;
	if (sh.wide_line != 0 && sh.lines > 1)
		return pzerr_set(e, EFBIG,
		    _("the text's longest line is %u columns wide: from column %u it needs "
		    "columns %u-%u, but the board's columns are 0-%u"),
		    sh.wide_width, col, col, col + sh.wide_width - 1, b->cols - 1);
	if (sh.wide_line != 0)
		return pzerr_set(e, EFBIG,
		    _("the text is %u columns wide: from column %u it needs columns %u-%u, "
		    "but the board's columns are 0-%u"),
		    sh.wide_width, col, col, col + sh.wide_width - 1, b->cols - 1);
	if (sh.lines > b->rows - row)
		return pzerr_set(e, EFBIG,
		    _("the text has %u lines: from row %u it needs rows %u-%u, but the board's "
		    "rows are 0-%u"), sh.lines, row, row, row + sh.lines - 1, b->rows - 1);
	textscan_walk(text, len, b->cols - col, &sh, text_put_one, &pen, NULL);
	return 0;
}

/* What text_place draws with, and what it counts. */
struct text_placer {
	const struct board *b;
	uint32_t col, row;
	unsigned colour, author;
	bool write;
	uint32_t cells, dropped;
	board_log_fn *log;     /* told every change written, when not NULL */
	void *log_arg;
};

/* Place one character of a block, or count it out when it is off the board. */
static void
text_place_one(uint32_t line, uint32_t col, uint32_t cp, void *arg)
{
	struct text_placer *pl = arg;
	const struct board *b = pl->b;
	uint32_t w = (uint32_t)cell_width(cp);

	if (line >= b->rows - pl->row || col >= b->cols - pl->col ||
	    w > b->cols - pl->col - col) {
		pl->dropped++;
		return;
	}
	pl->cells++;
	if (pl->write) {
		struct board_change c[BOARD_DRAW_CHANGES];
		size_t n;

		board_draw_log(b, pl->col + col, pl->row + line, cp, pl->colour, pl->author, c, &n);
		if (pl->log != NULL && n > 0)
			pl->log(pl->log_arg, c, n);
	}
}

/* Place text as a block at (col, row), dropping what falls off the board. */
int
text_place(const struct board *b, uint32_t col, uint32_t row, const char *text, size_t len,
	   unsigned colour, unsigned author, struct text_placed *out, struct pzerr *e)
{
	return text_place_log(b, col, row, text, len, colour, author, out, NULL, NULL, e);
}

/* text_place, telling log every change. */
int
text_place_log(const struct board *b, uint32_t col, uint32_t row, const char *text, size_t len,
		unsigned colour, unsigned author, struct text_placed *out, board_log_fn *log,
		void *log_arg, struct pzerr *e)
{
	struct text_placer pl = { b, col, row, colour, author, false, 0, 0, log, log_arg };
	struct textscan sc;
	size_t i, n = 0, used;
	char *lf;
	int pass;

	memset(out, 0, sizeof *out);
	if (board_writable_at(b, col, row, e) != 0)
		return -1;
	/* every kind of newline as \n */
	lf = malloc(len > 0 ? len : 1);
	if (lf == NULL)
		return pzerr_set(e, ENOMEM, _("out of memory for %zu bytes of text"), len);
	for (i = 0; i < len; i++) {
		if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
			continue;
		lf[n++] = text[i] == '\r' ? '\n' : text[i];
	}
	/* the first walk checks and counts, the second writes */
	for (pass = 0; pass < 2; pass++) {
		pl.write = pass == 1;
		pl.cells = pl.dropped = 0;
		textscan_init(&sc, UINT32_MAX);
		if (textscan_run(&sc, lf, n, true, &used, text_place_one, &pl, e) != 0) {
			free(lf);
			return -1;
		}
	}
	free(lf);
	out->height = sc.height;
	out->cells = pl.cells;
	out->dropped = pl.dropped;
	out->end_col = sc.col > UINT32_MAX - col ? UINT32_MAX : col + sc.col;
	out->end_row = sc.line > UINT32_MAX - row ? UINT32_MAX : row + sc.line;
	return 0;
}

/* A row image being built by text_load. */
struct text_rows {
	uint64_t *cells;     /* rows * cols words */
	uint32_t cols;
};

/* Place one loaded character in the image (a wide one with its CELL_CONT). */
static void
text_load_one(uint32_t line, uint32_t col, uint32_t cp, void *arg)
{
	struct text_rows *img = arg;
	uint64_t *row = img->cells + (size_t)line * img->cols;

	row[col] = cell_make(cp, 0, 0);
	if (cell_width(cp) == 2)
		row[col + 1] = cell_make(CELL_CONT, 0, 0);
}

/* Replace the board with text, validated first. */
int
text_load(const struct board *b, const char *text, size_t len, struct pzerr *e)
{
	struct text_rows img;
	struct textscan_shape sh;
	size_t i, n = (size_t)b->cols * b->rows;

	if (b->readonly)
		return pzerr_set(e, EROFS, _("the board is attached read-only"));
	if (textscan_walk(text, len, b->cols, &sh, NULL, NULL, e) != 0)
		return -1;
	if (sh.wide_line != 0)
		return pzerr_set(e, EFBIG, _("line %u is %u columns wide, the board has %u columns"),
		    sh.wide_line, sh.wide_width, b->cols);
	if (sh.lines > b->rows)
		return pzerr_set(e, EFBIG, _("the text has %u lines, the board has %u rows"),
		    sh.lines, b->rows);
	img.cols = b->cols;
	img.cells = calloc(n, sizeof *img.cells);
	if (img.cells == NULL)
		return pzerr_set(e, ENOMEM, _("out of memory for a %ux%u board"), b->cols, b->rows);
	textscan_walk(text, len, b->cols, &sh, text_load_one, &img, NULL);
	for (i = 0; i < b->rows; i++)
		board_write_row(b, (uint32_t)i, img.cells + i * b->cols);
	free(img.cells);
	return 0;
}

