/*
 * fuzz_load.c - fuzz target: arbitrary text on a private in-memory board.
 * The first four bytes choose the board's geometry (16..63 x 4..15), where
 * to put the text and in which colour; the rest is the text. Checked:
 *   - textscan_check and text_load agree (both accept, or both refuse
 *     with a message), and a refused load changes nothing;
 *   - a loaded board dumps to sane text (valid UTF-8, no control
 *     character, within the geometry), the coloured dump is the same text,
 *     and loading the dump again gives the same dump (round trip);
 *   - text already in the dump's form (no tab, no CR, no trailing blank on a
 *     line, no trailing empty line, something besides newlines, every
 *     grapheme cluster one code point) dumps back to itself;
 *   - textscan_check with the room left and text_put agree, a refused
 *     put changes nothing, and an accepted one leaves sane dumps that agree.
 */
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "cell.h"
#include "dump.h"
#include "fuzz.h"
#include "grapheme.h"
#include "text.h"
#include "textscan.h"

/* A private board in process memory. */
struct fuzz_mem {
	void *seg;
	size_t size;
	struct board b;
};

/* Create a cols x rows board in memory, its cells filled with a pattern. */
static bool
fuzz_load_board(struct fuzz_mem *m, uint32_t cols, uint32_t rows)
{
	struct pzerr e;
	uint32_t r, c;

	m->size = board_size_for(cols, rows);
	m->seg = calloc(1, m->size);
	if (m->seg == NULL)
		return false;
	FUZZ_ASSERT(board_init(m->seg, m->size, cols, rows, &e) == 0);
	FUZZ_ASSERT(board_open(&m->b, m->seg, m->size, false, &e) == 0);
	for (r = 0; r < rows; r++)
		for (c = 0; c < cols; c++)
			board_set(&m->b, c, r, cell_make('a' + (c + r) % 26,
			    cell_style((c + r) % 256, r * 7 % 256, c % 16), r % 128));
	return true;
}

/* A copy of the board's cells. */
static uint64_t *
fuzz_load_cells(const struct board *b)
{
	size_t n = (size_t)b->cols * b->rows, i;
	uint64_t *copy = malloc(n * sizeof *copy);

	if (copy == NULL)
		abort();
	for (i = 0; i < n; i++)
		copy[i] = atomic_load(&b->cells[i]);
	return copy;
}

/* True when the board's cells are those of the copy. */
static bool
fuzz_load_same(const struct board *b, const uint64_t *copy)
{
	size_t n = (size_t)b->cols * b->rows, i;

	for (i = 0; i < n; i++)
		if (atomic_load(&b->cells[i]) != copy[i])
			return false;
	return true;
}

/* Dump plain and coloured, check both, and return the plain one in out. */
static void
fuzz_load_dump(const struct board *b, struct strbuf *out)
{
	struct strbuf ansi;

	strbuf_init(out);
	strbuf_init(&ansi);
	FUZZ_ASSERT(dump_text(b, out, false) == 0);
	FUZZ_ASSERT(dump_text(b, &ansi, true) == 0);
	fuzz_check_dump(out, false, b->cols, b->rows);
	fuzz_check_dump(&ansi, true, b->cols, b->rows);
	FUZZ_ASSERT(fuzz_ansi_is_plain(&ansi, out));
	strbuf_free(&ansi);
}

/* True when text is already in the form dump_text writes (see the top). */
static bool
fuzz_load_canonical(const char *text, size_t len)
{
	size_t i;

	if (len == 0)
		return true;
	if (memchr(text, '\t', len) != NULL || memchr(text, '\r', len) != NULL)
		return false;
	if (text[len - 1] == ' ' || (len >= 2 && text[len - 1] == '\n' &&
	    (text[len - 2] == '\n' || text[len - 2] == ' ')))
		return false;
	for (i = 0; i + 1 < len; i++)
		if (text[i] == ' ' && text[i + 1] == '\n')
			return false;
	/* a cluster of several code points is stored as its NFC, selectors dropped */
	for (i = 0; i < len;) {
		struct grapheme g;
		int n = grapheme_next(text + i, len - i, true, &g);

		if (n <= 0)
			i++;
		else if (g.n != 1)
			return false;
		else
			i += (size_t)n;
	}
	for (i = 0; i < len; i++)
		if (text[i] != '\n')
			return true;
	return false;
}

/* Load text; check the agreement with textscan_check and the round trips. */
static void
fuzz_load_text(const struct board *b, const char *text, size_t len)
{
	struct strbuf d1, d2;
	struct pzerr e1, e2;
	uint64_t *before = fuzz_load_cells(b);
	int checked, loaded;

	checked = textscan_check(text, len, b->cols, b->rows, &e1);
	loaded = text_load(b, text, len, &e2);
	FUZZ_ASSERT((checked == 0) == (loaded == 0));
	if (loaded != 0) {
		FUZZ_ASSERT(e2.msg[0] != '\0' && fuzz_load_same(b, before));
		free(before);
		return;
	}
	free(before);
	fuzz_load_dump(b, &d1);
	if (fuzz_load_canonical(text, len)) {
		bool newline = len > 0 && text[len - 1] != '\n';

		FUZZ_ASSERT(d1.len == len + newline && (len == 0 || memcmp(d1.data, text, len) == 0));
	}
	FUZZ_ASSERT(text_load(b, strbuf_cstr(&d1), d1.len, &e2) == 0);
	fuzz_load_dump(b, &d2);
	FUZZ_ASSERT(d1.len == d2.len && (d1.len == 0 || memcmp(d1.data, d2.data, d1.len) == 0));
	strbuf_free(&d1);
	strbuf_free(&d2);
}

/* Put text at (col, row); check the agreement with textscan_check. */
static void
fuzz_load_put(const struct board *b, uint32_t col, uint32_t row, const char *text, size_t len,
	      unsigned colour, unsigned author)
{
	uint64_t *before = fuzz_load_cells(b);
	struct pzerr e1, e2;
	struct strbuf d;
	int checked, put;

	checked = textscan_check(text, len, b->cols - col, b->rows - row, &e1);
	put = text_put(b, col, row, text, len, colour, author, &e2);
	FUZZ_ASSERT((checked == 0) == (put == 0));
	if (put != 0)
		FUZZ_ASSERT(e2.msg[0] != '\0' && fuzz_load_same(b, before));
	free(before);
	fuzz_load_dump(b, &d);
	strbuf_free(&d);
}

/* Arbitrary text on a private board. */
int
fuzz_load_one(const uint8_t *data, size_t size)
{
	struct fuzz_mem m;
	uint32_t cols, rows, col, row;
	const char *text = (const char *)data + 4;
	size_t len;

	if (size < 4)
		return 0;
	cols = BOARD_MIN_COLS + data[0] % 48;
	rows = BOARD_MIN_ROWS + data[1] % 12;
	col = data[2] % cols;
	row = data[3] % rows;
	len = size - 4;
	if (!fuzz_load_board(&m, cols, rows))
		return 0;
	fuzz_load_put(&m.b, col, row, text, len, data[2] >> 4, data[3] >> 1);
	fuzz_load_text(&m.b, text, len);
	fuzz_load_put(&m.b, col, row, text, len, data[0] >> 4, data[1] >> 1);
	free(m.seg);
	return 0;
}

#ifndef FUZZ_REPLAY
/* libFuzzer's entry point. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_load_one(data, size);
}
#endif
