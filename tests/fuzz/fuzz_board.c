/*
 * fuzz_board.c - fuzz target: arbitrary bytes as a board segment. The
 * bytes are copied into a buffer of exactly their size (so a read past the
 * segment is a heap overflow the sanitizer sees) and opened with
 * board_open; when the header validates, every read path runs over it:
 * board_get on every cell and past the edges, board_row and the row
 * stamps, dump_text plain and with colours (checked: valid UTF-8, no
 * control character, within the geometry, the colours only SGR), and
 * client_list (checked: every field sanitised). Then a few cells are drawn
 * over what was there, and a header field chosen by the input's last bytes
 * is overwritten: board_check must fail exactly when a field it validates
 * changed.
 */
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "cell.h"
#include "client.h"
#include "dump.h"
#include "fuzz.h"
#include "text.h"

/* Check every field client_list hands out. */
static void
fuzz_board_clients(const struct board *b)
{
	static struct client_info list[BOARD_SLOTS];
	bool seen[BOARD_SLOTS] = { false };
	int i, n;
	size_t k;

	n = client_list(b, list, BOARD_SLOTS);
	FUZZ_ASSERT(n >= 0 && n <= BOARD_SLOTS);
	for (i = 0; i < n; i++) {
		const struct client_info *c = &list[i];

		FUZZ_ASSERT(c->slot >= 0 && c->slot < BOARD_SLOTS && !seen[c->slot]);
		seen[c->slot] = true;
		FUZZ_ASSERT(c->pid > 0);
		FUZZ_ASSERT(c->colour >= 1 && c->colour <= 15);
		FUZZ_ASSERT(c->tool <= 255);
		FUZZ_ASSERT(c->col < b->cols && c->row < b->rows);
		FUZZ_ASSERT(memchr(c->tty, '\0', sizeof c->tty) != NULL);
		for (k = 0; c->tty[k] != '\0'; k++)
			FUZZ_ASSERT(c->tty[k] > 0x20 && c->tty[k] < 0x7F);
	}
	FUZZ_ASSERT(client_list(b, list, 0) == 0);
}

/* Read every cell, row and stamp, inside and just outside the board. */
static void
fuzz_board_cells(const struct board *b)
{
	uint32_t r, c;
	uint64_t w;

	for (r = 0; r < b->rows; r++) {
		const _Atomic uint64_t *row = board_row(b, r);

		FUZZ_ASSERT(row != NULL);
		(void)board_row_stamp(b, r);
		for (c = 0; c < b->cols; c++) {
			w = board_get(b, c, r);
			FUZZ_ASSERT(w == atomic_load(&row[c]));
			FUZZ_ASSERT(cell_fg(w) < CELL_COLOURS_MAX && cell_bg(w) < CELL_COLOURS_MAX &&
			    cell_attrs(w) <= CELL_ATTRS && cell_author(w) < CELL_AUTHORS &&
			    cell_counter(w) < CELL_COUNTERS);
			FUZZ_ASSERT(cell_content(w) == cell_make(cell_cp(w), cell_style_of(w),
			    cell_author(w)));
			FUZZ_ASSERT(cell_width(cell_cp(w)) <= 2);
		}
		FUZZ_ASSERT(board_get(b, b->cols, r) == CELL_EMPTY);
	}
	FUZZ_ASSERT(board_row(b, b->rows) == NULL);
	FUZZ_ASSERT(board_row_stamp(b, b->rows) == 0);
	FUZZ_ASSERT(board_get(b, 0, b->rows) == CELL_EMPTY);
	FUZZ_ASSERT(board_get(b, UINT32_MAX, UINT32_MAX) == CELL_EMPTY);
}

/* Dump plain and with colours; check both and that they agree. */
static void
fuzz_board_dumps(const struct board *b)
{
	struct strbuf plain, ansi;

	strbuf_init(&plain);
	strbuf_init(&ansi);
	FUZZ_ASSERT(dump_text(b, &plain, false) == 0);
	FUZZ_ASSERT(dump_text(b, &ansi, true) == 0);
	fuzz_check_dump(&plain, false, b->cols, b->rows);
	fuzz_check_dump(&ansi, true, b->cols, b->rows);
	FUZZ_ASSERT(fuzz_ansi_is_plain(&ansi, &plain));
	strbuf_free(&plain);
	strbuf_free(&ansi);
}

/* Draw over what was there, at places the input chooses; the dumps stay sane. */
static void
fuzz_board_draw(const struct board *b, const uint8_t *data, size_t size)
{
	static const uint32_t cps[] = { 'x', 0x4E00, 0, 0x2588, 0x1F600 };
	struct pzerr e;
	size_t i;

	for (i = 0; i + 2 < size && i < 24; i += 3) {
		uint32_t c = data[i] % b->cols, r = data[i + 1] % b->rows;
		uint32_t cp = cps[data[i + 2] % 5];
		uint64_t before = board_get(b, c, r);
		int w = board_draw(b, c, r, cp, (unsigned)data[i + 2] * 0x01030507u,
		    data[i + 2] & 0x7F);

		FUZZ_ASSERT(w == -1 || w == 1 || w == 2);
		if (w == 2)
			FUZZ_ASSERT(cell_cp(board_get(b, c + 1, r)) == CELL_CONT);
		if (w > 0 && cp != 0)
			FUZZ_ASSERT(cell_cp(board_get(b, c, r)) == cp);
		if (w > 0)
			FUZZ_ASSERT(cell_counter(board_get(b, c, r)) ==
			    (cell_counter(before) + 1) % CELL_COUNTERS);
	}
	FUZZ_ASSERT(text_put(b, 0, 0, "ok", 2, 3, 1, &e) == 0);
	fuzz_board_dumps(b);
}

/* Overwrite one header field; board_check must notice exactly the fields it validates. */
static void
fuzz_board_header(const struct board *b, const uint8_t *data, size_t size)
{
	struct board_header *h = b->hdr;
	_Atomic uint32_t *fields[] = { &h->magic, &h->version, &h->header_size, &h->nslots,
	    &h->cols, &h->rows, &h->generation, &h->slot_tag };
	uint32_t v, old;
	unsigned which;
	struct pzerr e;

	if (size < 5)
		return;
	which = data[size - 1] % (sizeof fields / sizeof fields[0]);
	memcpy(&v, data + size - 5, sizeof v);
	old = atomic_load(fields[which]);
	atomic_store(fields[which], v);
	if (which < 6 && v != old)
		FUZZ_ASSERT(board_check(b, &e) != 0 && e.msg[0] != '\0');
	else
		FUZZ_ASSERT(board_check(b, &e) == 0);
}

/* Arbitrary bytes as a segment. */
int
fuzz_board_one(const uint8_t *data, size_t size)
{
	struct board b;
	struct pzerr e;
	void *seg;

	seg = malloc(size > 0 ? size : 1);
	if (seg == NULL)
		return 0;
	if (size > 0)
		memcpy(seg, data, size);
	if (board_open(&b, seg, size, false, &e) != 0) {
		FUZZ_ASSERT(e.msg[0] != '\0' && b.hdr == NULL);
		free(seg);
		return 0;
	}
	FUZZ_ASSERT(board_check_geometry(b.cols, b.rows, 0, NULL) == 0);
	FUZZ_ASSERT(board_size_for(b.cols, b.rows) <= size);
	FUZZ_ASSERT(board_check(&b, &e) == 0);
	fuzz_board_cells(&b);
	fuzz_board_dumps(&b);
	fuzz_board_clients(&b);
	fuzz_board_draw(&b, data, size);
	fuzz_board_header(&b, data, size);
	fuzz_board_cells(&b);
	fuzz_board_clients(&b);
	free(seg);
	return 0;
}

#ifndef FUZZ_REPLAY
/* libFuzzer's entry point. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_board_one(data, size);
}
#endif
