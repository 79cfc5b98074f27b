/*
 * board.c - the board model inside a segment: header initialisation and
 * publication, validation against shm_segsz, bounded cell access (a cell,
 * a character kept whole, a row, a compare-and-swap), the clear, and
 * copies of a board in process memory (board_copy, board_copy_cells).
 * Nothing here notifies (the caller bumps the generation once after its
 * changes, notify.h), so board does not depend on notify; it uses futex.h
 * only to wake and wait on the magic word while a new board is published
 * (board_init, board_wait_ready). Text written onto a board (put, place,
 * load) is text.c's.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "board.h"
#include "cell.h"
#include "futex.h"

/* Bytes a cols x rows board needs. */
size_t
board_size_for(uint32_t cols, uint32_t rows)
{
	return sizeof(struct board_header) + (size_t)cols * rows * sizeof(uint64_t) +
	    (size_t)rows * sizeof(uint32_t);
}

/* Check a geometry against the limits and SHMMAX. */
int
board_check_geometry(uint32_t cols, uint32_t rows, uint64_t shmmax, struct pzerr *e)
{
	if (cols < BOARD_MIN_COLS || rows < BOARD_MIN_ROWS)
		return pzerr_set(e, EINVAL,
		    _("%ux%u is too small to draw on; a board is at least %ux%u"),
		    cols, rows, BOARD_MIN_COLS, BOARD_MIN_ROWS);
	if (cols > BOARD_MAX_COLS)
		return pzerr_set(e, EINVAL, _("%ux%u is too large: at most %u columns"), cols, rows,
		    BOARD_MAX_COLS);
	if (rows > BOARD_MAX_ROWS)
		return pzerr_set(e, EINVAL, _("%ux%u is too large: at most %u rows"), cols, rows,
		    BOARD_MAX_ROWS);
	if ((uint64_t)cols * rows > BOARD_MAX_CELLS)
		return pzerr_set(e, EINVAL, _("%ux%u is too large: %llu cells, at most %u"),
		    cols, rows, (unsigned long long)cols * rows, BOARD_MAX_CELLS);
	if (shmmax != 0 && board_size_for(cols, rows) > shmmax)
		return pzerr_set(e, EINVAL,
		    _("%ux%u needs %zu bytes but this system's SHMMAX is %llu "
		    "(/proc/sys/kernel/shmmax); choose a smaller size"),
		    cols, rows, board_size_for(cols, rows), (unsigned long long)shmmax);
	return 0;
}

/* A new board's geometry for content of need_cols x need_rows. */
int
board_geometry_for(uint32_t need_cols, uint32_t need_rows, uint32_t *cols, uint32_t *rows,
		   struct pzerr *e)
{
	uint32_t c = need_cols > BOARD_DEF_COLS ? need_cols : BOARD_DEF_COLS;
	uint32_t r = need_rows > BOARD_DEF_ROWS ? need_rows : BOARD_DEF_ROWS;

	if (need_cols > BOARD_MAX_COLS)
		return pzerr_set(e, EFBIG, _("%u columns are needed, and a board has at most %u"),
		    need_cols, BOARD_MAX_COLS);
	if (need_rows > BOARD_MAX_ROWS)
		return pzerr_set(e, EFBIG, _("%u rows are needed, and a board has at most %u"),
		    need_rows, BOARD_MAX_ROWS);
	if ((uint64_t)c * r > BOARD_MAX_CELLS)
		return pzerr_set(e, EFBIG, _("a %ux%u board would be needed: %llu cells, and a "
		    "board has at most %u"), c, r, (unsigned long long)c * r, BOARD_MAX_CELLS);
	*cols = c;
	*rows = r;
	return 0;
}

/* Fill a fresh zeroed segment's header and publish it. */
int
board_init(void *base, size_t segsz, uint32_t cols, uint32_t rows, struct pzerr *e)
{
	struct board_header *h = base;

	if (board_check_geometry(cols, rows, 0, e) != 0)
		return -1;
	if (segsz < board_size_for(cols, rows))
		return pzerr_set(e, EINVAL, _("segment of %zu bytes is too small for %ux%u"),
		    segsz, cols, rows);
	atomic_store_explicit(&h->version, BOARD_VERSION, memory_order_relaxed);
	atomic_store_explicit(&h->header_size, (uint32_t)sizeof *h, memory_order_relaxed);
	atomic_store_explicit(&h->cols, cols, memory_order_relaxed);
	atomic_store_explicit(&h->rows, rows, memory_order_relaxed);
	atomic_store_explicit(&h->nslots, BOARD_SLOTS, memory_order_relaxed);
	atomic_store_explicit(&h->created, (uint64_t)time(NULL), memory_order_relaxed);
	atomic_store_explicit(&h->magic, BOARD_MAGIC, memory_order_release);
	futex_wake(&h->magic);
	return 0;
}

/* Wait on the magic word until a creator publishes it, or the deadline. */
int
board_wait_ready(const void *base, size_t segsz, int timeout_ms)
{
	struct board_header *h = (struct board_header *)base;
	long long deadline = futex_now_ms() + timeout_ms, left;

	if (segsz < sizeof h->magic) {
		errno = EINVAL;
		return -1;
	}
	while (atomic_load_explicit(&h->magic, memory_order_acquire) == 0) {
		left = deadline - futex_now_ms();
		if (left <= 0) {
			errno = ETIMEDOUT;
			return -1;
		}
		futex_wait(&h->magic, 0, left > 50 ? 50 : (int)left);
	}
	return 0;
}

/* One read of the header fields that validation looks at. */
struct board_fields {
	uint32_t magic, version, hsize, nslots, cols, rows;
};

/* Read the header fields once (magic with acquire, so the rest is published). */
static struct board_fields
board_read_fields(struct board_header *h)
{
	struct board_fields f;

	f.magic = atomic_load_explicit(&h->magic, memory_order_acquire);
	f.version = atomic_load_explicit(&h->version, memory_order_relaxed);
	f.hsize = atomic_load_explicit(&h->header_size, memory_order_relaxed);
	f.nslots = atomic_load_explicit(&h->nslots, memory_order_relaxed);
	f.cols = atomic_load_explicit(&h->cols, memory_order_relaxed);
	f.rows = atomic_load_explicit(&h->rows, memory_order_relaxed);
	return f;
}

/* Refuse a board of another layout version, saying which pizarra made it. */
static int
board_version_error(uint32_t version, struct pzerr *e)
{
	if (version >= 1 && version < BOARD_VERSION)
		/* TRANSLATORS: why a segment is no usable board (the message goes on with
		   "; it was left untouched: remove it with `ipcrm -m N`..."); version 1
		   boards have 32-bit cells, this pizarra's have 64-bit ones */
		return pzerr_set(e, EPROTO, _("it was made by an older pizarra (board layout "
		    "version %u; this one reads version %u, with 64-bit cells): that pizarra "
		    "can still dump it"), version, BOARD_VERSION);
	if (version > BOARD_VERSION && version < 256)
		/* TRANSLATORS: see "it was made by an older pizarra..." */
		return pzerr_set(e, EPROTO, _("it was made by a newer pizarra (board layout "
		    "version %u; this one reads version %u): use that pizarra"),
		    version, BOARD_VERSION);
	return pzerr_set(e, EPROTO, _("corrupt pizarra header (layout version %u; this "
	    "pizarra reads version %u)"), version, BOARD_VERSION);
}

/* Validate the header at base against segsz and fill b. */
int
board_open(struct board *b, void *base, size_t segsz, bool readonly, struct pzerr *e)
{
	const size_t hsize = sizeof(struct board_header);
	struct board_fields f;

	memset(b, 0, sizeof *b);
	if (segsz < hsize)
		return pzerr_set(e, EPROTO,
		    _("%zu bytes is too small for a pizarra board (at least %zu)"), segsz, hsize);
	f = board_read_fields(base);
	if (f.magic != BOARD_MAGIC)
		return pzerr_set(e, EPROTO, _("not a pizarra board (magic 0x%08x, expected 0x%08x)"),
		    f.magic, BOARD_MAGIC);
	if (f.version != BOARD_VERSION)
		return board_version_error(f.version, e);
	if (f.hsize != hsize || f.nslots != BOARD_SLOTS)
		return pzerr_set(e, EPROTO,
		    _("corrupt pizarra header (header size %u, %u slots; expected %zu, %u)"),
		    f.hsize, f.nslots, hsize, BOARD_SLOTS);
	if (board_check_geometry(f.cols, f.rows, 0, NULL) != 0)
		return pzerr_set(e, EPROTO, _("corrupt pizarra header (geometry %ux%u)"),
		    f.cols, f.rows);
	if (board_size_for(f.cols, f.rows) > segsz)
		return pzerr_set(e, EPROTO,
		    _("corrupt pizarra header: %ux%u needs %zu bytes, the segment has %zu"),
		    f.cols, f.rows, board_size_for(f.cols, f.rows), segsz);
	b->hdr = base;
	b->cells = (_Atomic uint64_t *)(void *)((char *)base + hsize);
	b->row_stamps = (_Atomic uint32_t *)(void *)(b->cells + (size_t)f.cols * f.rows);
	b->cols = f.cols;
	b->rows = f.rows;
	b->segsz = segsz;
	b->readonly = readonly;
	return 0;
}

/* Re-check the header against what board_open validated. */
int
board_check(const struct board *b, struct pzerr *e)
{
	struct board_fields f = board_read_fields(b->hdr);

	if (f.magic != BOARD_MAGIC)
		return pzerr_set(e, EPROTO, _("board header overwritten: magic is now 0x%08x"),
		    f.magic);
	if (f.version != BOARD_VERSION)
		return pzerr_set(e, EPROTO, _("board header overwritten: version is now %u"),
		    f.version);
	if (f.hsize != sizeof(struct board_header) || f.nslots != BOARD_SLOTS)
		return pzerr_set(e, EPROTO,
		    _("board header overwritten: header size %u, %u slots"), f.hsize, f.nslots);
	if (f.cols != b->cols || f.rows != b->rows)
		return pzerr_set(e, EPROTO, _("board header overwritten: geometry %ux%u is now %ux%u"),
		    b->cols, b->rows, f.cols, f.rows);
	return 0;
}

/* The cell word at (col, row), empty when out of bounds. */
uint64_t
board_get(const struct board *b, uint32_t col, uint32_t row)
{
	if (col >= b->cols || row >= b->rows)
		return CELL_EMPTY;
	return atomic_load_explicit(&b->cells[(size_t)row * b->cols + col],
	    memory_order_relaxed);
}

/* Mark a row as changed (after its cells were stored). */
static void
board_stamp(const struct board *b, uint32_t row)
{
	atomic_fetch_add_explicit(&b->row_stamps[row], 1, memory_order_release);
}

/* Store a cell word at (col, row) as it is and stamp the row. */
int
board_set(const struct board *b, uint32_t col, uint32_t row, uint64_t cell)
{
	if (col >= b->cols || row >= b->rows || b->readonly)
		return -1;
	atomic_store_explicit(&b->cells[(size_t)row * b->cols + col], cell,
	    memory_order_relaxed);
	board_stamp(b, row);
	return 0;
}

/* Store cell_next(old, value) over whatever the word holds, by CAS; the new word. */
static uint64_t
board_write_word(_Atomic uint64_t *w, uint64_t value, uint64_t *before)
{
	uint64_t old = atomic_load_explicit(w, memory_order_relaxed), next;

	do
		next = cell_next(old, value);
	while (!atomic_compare_exchange_weak_explicit(w, &old, next, memory_order_relaxed,
	    memory_order_relaxed));
	if (before != NULL)
		*before = old;
	return next;
}

/* Write value over (col, row) with the counter bumped, and stamp the row. */
int
board_write(const struct board *b, uint32_t col, uint32_t row, uint64_t value,
	    uint64_t *before, uint64_t *after)
{
	uint64_t next;

	if (col >= b->cols || row >= b->rows || b->readonly)
		return -1;
	next = board_write_word(&b->cells[(size_t)row * b->cols + col], value, before);
	if (after != NULL)
		*after = next;
	board_stamp(b, row);
	return 0;
}

/* Write a row of values over row (each with the counter bumped), and stamp it once. */
int
board_write_row(const struct board *b, uint32_t row, const uint64_t *values)
{
	uint32_t c;

	if (row >= b->rows || b->readonly)
		return -1;
	for (c = 0; c < b->cols; c++)
		board_write_word(&b->cells[(size_t)row * b->cols + c], values[c], NULL);
	board_stamp(b, row);
	return 0;
}

/* Store desired at (col, row) if it holds exactly expected. */
bool
board_cas_cell(const struct board *b, uint32_t col, uint32_t row, uint64_t expected,
	       uint64_t desired)
{
	if (col >= b->cols || row >= b->rows || b->readonly)
		return false;
	if (!atomic_compare_exchange_strong_explicit(&b->cells[(size_t)row * b->cols + col],
	    &expected, desired, memory_order_relaxed, memory_order_relaxed))
		return false;
	board_stamp(b, row);
	return true;
}

/* The cells of one row, NULL out of bounds. */
const _Atomic uint64_t *
board_row(const struct board *b, uint32_t row)
{
	if (row >= b->rows)
		return NULL;
	return b->cells + (size_t)row * b->cols;
}

/* The change stamp of a row (0 out of bounds). */
uint32_t
board_row_stamp(const struct board *b, uint32_t row)
{
	if (row >= b->rows)
		return 0;
	return atomic_load_explicit(&b->row_stamps[row], memory_order_acquire);
}

/* True when the cell at (col, row) holds a two-column character. */
static bool
board_is_wide(const struct board *b, uint32_t col, uint32_t row)
{
	return cell_width(cell_cp(board_get(b, col, row))) == 2;
}

/* board_write, recorded in the log when there is one. */
static void
board_logged(const struct board *b, uint32_t col, uint32_t row, uint64_t value,
	     struct board_change *log, size_t *nlog)
{
	struct board_change *c = log != NULL ? &log[*nlog] : NULL;

	if (board_write(b, col, row, value, c ? &c->before : NULL, c ? &c->after : NULL) != 0 ||
	    c == NULL)
		return;
	c->col = col;
	c->row = row;
	(*nlog)++;
}

/* Write one character keeping wide characters whole, saying what changed. */
int
board_draw_log(const struct board *b, uint32_t col, uint32_t row, uint32_t cp,
	       unsigned colour, unsigned author, struct board_change *log, size_t *nlog)
{
	int w = cp == 0 ? 1 : cell_width(cp);
	uint32_t last;

	if (nlog != NULL)
		*nlog = 0;
	if (nlog == NULL)
		log = NULL;
	if (w == 0 || b->readonly || row >= b->rows || col >= b->cols ||
	    col + (uint32_t)w > b->cols)
		return -1;
	last = col + (uint32_t)w - 1;
	if (col > 0 && cell_cp(board_get(b, col, row)) == CELL_CONT &&
	    board_is_wide(b, col - 1, row))
		board_logged(b, col - 1, row, CELL_EMPTY, log, nlog);
	if (last + 1 < b->cols && board_is_wide(b, last, row) &&
	    cell_cp(board_get(b, last + 1, row)) == CELL_CONT)
		board_logged(b, last + 1, row, CELL_EMPTY, log, nlog);
	if (cp == 0) {
		board_logged(b, col, row, CELL_EMPTY, log, nlog);
		return 1;
	}
	if (w == 2)
		board_logged(b, col + 1, row, cell_make(CELL_CONT, colour, author), log, nlog);
	board_logged(b, col, row, cell_make(cp, colour, author), log, nlog);
	return w;
}

/* Write one character keeping wide characters whole. */
int
board_draw(const struct board *b, uint32_t col, uint32_t row, uint32_t cp,
	   unsigned colour, unsigned author)
{
	return board_draw_log(b, col, row, cp, colour, author, NULL, NULL);
}

/* May text be written from (col, row)? */
int
board_writable_at(const struct board *b, uint32_t col, uint32_t row, struct pzerr *e)
{
	if (b->readonly)
		return pzerr_set(e, EROFS, _("the board is attached read-only"));
	if (col >= b->cols || row >= b->rows)
		return pzerr_set(e, ERANGE,
		    _("position %u,%u is outside the %ux%u board (columns 0-%u, rows 0-%u)"),
		    col, row, b->cols, b->rows, b->cols - 1, b->rows - 1);
	return 0;
}

/* Empty every cell. */
int
board_clear(const struct board *b, struct pzerr *e)
{
	return board_clear_log(b, NULL, NULL, e);
}

/* board_clear, telling log every cell whose content it changed. */
int
board_clear_log(const struct board *b, board_log_fn *log, void *log_arg, struct pzerr *e)
{
	size_t i, n = (size_t)b->cols * b->rows;
	struct board_change c;

	if (b->readonly)
		return pzerr_set(e, EROFS, _("the board is attached read-only"));
	for (i = 0; i < n; i++) {
		c.after = board_write_word(&b->cells[i], CELL_EMPTY, &c.before);
		if (log == NULL || cell_content(c.before) == CELL_EMPTY)
			continue;   /* an empty cell stays empty: nothing to take back */
		c.col = (uint32_t)(i % b->cols);
		c.row = (uint32_t)(i / b->cols);
		log(log_arg, &c, 1);
	}
	for (i = 0; i < b->rows; i++)
		board_stamp(b, (uint32_t)i);
	return 0;
}

/* Copy src's cells into process memory as a read-only board. */
int
board_copy(struct board_copy *out, const struct board *src, struct pzerr *e)
{
	size_t n = (size_t)src->cols * src->rows, i;
	_Atomic uint32_t *stamps;
	_Atomic uint64_t *cells;

	memset(out, 0, sizeof *out);
	/* one block: the cells, then the row stamps (never 0 bytes: malloc(0) may be NULL) */
	cells = malloc(n * sizeof *cells + (src->rows > 0 ? src->rows : 1) * sizeof *stamps);
	if (cells == NULL)
		return pzerr_set(e, ENOMEM, _("out of memory for a copy of the %ux%u board"),
		    src->cols, src->rows);
	stamps = (_Atomic uint32_t *)(void *)(cells + n);
	for (i = 0; i < n; i++)
		atomic_init(&cells[i], atomic_load_explicit(&src->cells[i], memory_order_relaxed));
	for (i = 0; i < src->rows; i++)
		atomic_init(&stamps[i], 0);
	out->board.hdr = &out->hdr;
	out->board.cells = cells;
	out->board.row_stamps = stamps;
	out->board.cols = src->cols;
	out->board.rows = src->rows;
	out->board.readonly = true;
	return 0;
}

/* Free a copy's cells. */
void
board_copy_free(struct board_copy *c)
{
	free((void *)c->board.cells);
	memset(c, 0, sizeof *c);
}

/* Copy the shared region of two boards, cell by cell, stamping dst's rows. */
void
board_copy_cells(const struct board *dst, const struct board *src)
{
	uint32_t cols = dst->cols < src->cols ? dst->cols : src->cols;
	uint32_t rows = dst->rows < src->rows ? dst->rows : src->rows;
	uint32_t r, c;

	if (dst->readonly)
		return;
	for (r = 0; r < rows; r++)
		for (c = 0; c < cols; c++)
			board_write(dst, c, r, board_get(src, c, r), NULL, NULL);
}
