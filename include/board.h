/*
 * board.h - the board model: how a pizarra lays out its shared segment, how
 * a segment is checked before anything trusts it, the bounded operations on
 * its cells (a cell, a character, a row, the clear), and copies of a board
 * in process memory. Text written onto a board (put, place, load) is
 * text.h's.
 *
 * Layout (all fields native-endian, every field accessed atomically because
 * any process with write permission can change any byte at any time):
 *
 *   struct board_header   magic, version, geometry, generation counter,
 *                         BOARD_SLOTS client slots (see client.h)
 *   uint64_t cells[rows][cols]   see cell.h (8 bytes each since version 2;
 *                                version 1 had 4-byte cells and is refused)
 *   uint32_t row_stamps[rows]    bumped after every change to a row, so a
 *                                reader rescans only the rows that moved
 *
 * The header is 8192 bytes, so the cells are 8-byte aligned.
 *
 * The creator fills the header and publishes it last with a release store
 * of the magic; attachers wait for the magic (board_wait_ready), then
 * validate everything against the kernel's shm_segsz (board_open) and keep
 * their own copy of the geometry, which bounds every index from then on.
 * The segment's header is re-checked with board_check; a board whose header
 * stopped validating must not be used any more.
 *
 * No board operation notifies: a writer makes its changes, then calls
 * notify_bump once (notify.h), which bumps the generation counter and wakes
 * every client waiting on it. So a batch of changes costs one wake-up, and
 * the caller decides when the batch ends.
 *
 * Whole-board operations (load, clear, the UI's F8) hold the board's lease
 * (the header's lease and lease_wake words) while they write: lease.h.
 */
#ifndef PIZARRA_BOARD_H
#define PIZARRA_BOARD_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "pzerr.h"

#define BOARD_MAGIC      0x41525A50u   /* "PZRA" in memory on little-endian */
#define BOARD_VERSION    2u            /* 2: 64-bit cells (cell.h); 1: 32-bit cells */
#define BOARD_SLOTS      127           /* client slots; authors 1..127 */
#define BOARD_MIN_COLS   16
#define BOARD_MIN_ROWS   4
#define BOARD_MAX_COLS   10000
#define BOARD_MAX_ROWS   10000
#define BOARD_MAX_CELLS  (16u * 1024 * 1024)   /* 128 MiB of cells at most */
#define BOARD_DEF_COLS   200
#define BOARD_DEF_ROWS   60

_Static_assert(ATOMIC_INT_LOCK_FREE == 2, "4-byte atomics must be lock-free to live in shared memory");
_Static_assert(ATOMIC_LLONG_LOCK_FREE == 2, "8-byte atomics must be lock-free to live in shared memory");

/* One client slot; see client.h for the protocol. 64 bytes. */
struct board_slot {
	_Atomic uint64_t owner;      /* 0 free, else tag<<32 | ready bit 31 | pid */
	_Atomic uint64_t start;      /* process start time, /proc/PID/stat field 22 */
	_Atomic uint64_t heartbeat;  /* CLOCK_BOOTTIME milliseconds */
	_Atomic uint64_t pidns;      /* inode of the client's /proc/self/ns/pid */
	_Atomic uint32_t uid;
	_Atomic uint32_t cursor;     /* col | row << 16 */
	_Atomic uint32_t attr;       /* colour (bits 0..3), tool (bits 8..15) */
	_Atomic uint32_t tty[4];     /* terminal name, up to 16 bytes, NUL padded */
	_Atomic uint32_t reserved;
};

/* The header at offset 0 of the segment. */
struct board_header {
	_Atomic uint32_t magic;        /* BOARD_MAGIC, stored last by the creator */
	_Atomic uint32_t version;      /* BOARD_VERSION */
	_Atomic uint32_t header_size;  /* sizeof(struct board_header): cells start here */
	_Atomic uint32_t cols;
	_Atomic uint32_t rows;
	_Atomic uint32_t nslots;       /* BOARD_SLOTS */
	_Atomic uint32_t generation;   /* futex word: bumped by every change */
	_Atomic uint32_t slot_tag;     /* source of owner tags (client.h) */
	_Atomic uint64_t created;      /* creation time, seconds since the epoch */
	_Atomic uint32_t presence;     /* futex word: bumped when a client's cursor moves */
	_Atomic uint32_t lease_wake;   /* futex word: bumped when the lease is given back */
	_Atomic uint64_t lease;        /* 0 free, else holder's pid << 32 | low 32 bits of its start time */
	_Atomic uint64_t reserved;
	struct board_slot slots[BOARD_SLOTS];
};

_Static_assert(sizeof(struct board_slot) == 64, "slot layout is part of the format");
_Static_assert(sizeof(struct board_header) == 64 + 64 * BOARD_SLOTS, "header layout is part of the format");

/* A validated view of a board inside an attached segment (process-local). */
struct board {
	struct board_header *hdr;      /* in the segment */
	_Atomic uint64_t *cells;       /* in the segment: rows * cols words */
	_Atomic uint32_t *row_stamps;  /* in the segment: rows words */
	uint32_t cols, rows;           /* the geometry validated at open */
	size_t segsz;                  /* shm_segsz at open */
	bool readonly;                 /* attached SHM_RDONLY: never store */
};

/*
 * A board in process memory: a read-only copy of another board's cells,
 * for showing a board after leaving its segment (detached, or its header
 * stopped validating). board is an ordinary struct board whose hdr points
 * at hdr below, so a copy must stay where board_copy filled it (do not
 * assign it to another struct board_copy).
 */
struct board_copy {
	struct board board;        /* readonly, segsz 0; cells and row stamps malloc'd */
	struct board_header hdr;   /* all zero: generation 0, no slots */
};

/* Bytes a segment needs for a cols x rows board. */
size_t board_size_for(uint32_t cols, uint32_t rows);

/*
 * Check a requested geometry: within the minimum and maximum, and (when
 * shmmax is non-zero) fitting in shmmax bytes. Returns 0 or -1 with e set.
 */
int board_check_geometry(uint32_t cols, uint32_t rows, uint64_t shmmax, struct pzerr *e);

/*
 * Initialise a freshly created, zero-filled segment of segsz bytes as a
 * cols x rows board and publish it (release store of the magic last).
 */
int board_init(void *base, size_t segsz, uint32_t cols, uint32_t rows, struct pzerr *e);

/*
 * Wait up to timeout_ms for a creator to publish the header. Returns 0 when
 * the magic is set (to anything), -1 with ETIMEDOUT when it stays zero.
 */
int board_wait_ready(const void *base, size_t segsz, int timeout_ms);

/*
 * Validate the segment at base (segsz bytes, as the kernel reports) and fill
 * b. Checks magic, version (a board of another layout version, made by an
 * older or a newer pizarra, is refused saying so: its cells are not this
 * version's words), header size, slot count and that the geometry
 * (8-byte cells and 4-byte row stamps) fits in segsz. On failure nothing is written to the segment and e tells
 * what is wrong with it (the caller adds which segment it is).
 */
int board_open(struct board *b, void *base, size_t segsz, bool readonly, struct pzerr *e);

/*
 * Re-read the header and check it still matches what board_open validated.
 * Returns 0, or -1 with e saying what changed.
 */
int board_check(const struct board *b, struct pzerr *e);

/* The cell word at (col, row); CELL_EMPTY when out of bounds. */
uint64_t board_get(const struct board *b, uint32_t col, uint32_t row);

/*
 * Store exactly this cell word (its write counter included) at (col, row)
 * and stamp its row; -1 when out of bounds or read-only. For copies of
 * words and for tests: writers of new content use board_write, which
 * keeps the write counter going. Does not notify.
 */
int board_set(const struct board *b, uint32_t col, uint32_t row, uint64_t cell);

/*
 * Write value over the cell at (col, row): store cell_next(old, value),
 * the value with the old word's write counter plus one, by compare-and-
 * swap (retried while other writers change the cell), and stamp the row.
 * *before and *after (when not NULL) get the word replaced and the word
 * stored: what an undo needs to know to put it back later. -1 when out of
 * bounds or read-only (nothing stored). Does not notify.
 */
int board_write(const struct board *b, uint32_t col, uint32_t row, uint64_t value,
		uint64_t *before, uint64_t *after);

/*
 * Write values[0..cols-1] over row as board_write does, each with its
 * cell's write counter bumped, and stamp the row once. -1 when row is out
 * of bounds or the board is read-only (nothing stored). Does not notify.
 */
int board_write_row(const struct board *b, uint32_t row, const uint64_t *values);

/*
 * Compare-and-swap one cell: when the cell at (col, row) holds exactly
 * expected (every bit, the write counter included), store desired and
 * stamp the row, and return true. False when it holds anything else (a
 * writer changed it since expected was read), or (col, row) is out of
 * bounds, or the board is read-only: then nothing is stored. desired is
 * stored as it is: an undo passes the very word the cell held before its
 * stroke (history.h says why). Does not notify.
 */
bool board_cas_cell(const struct board *b, uint32_t col, uint32_t row, uint64_t expected,
		    uint64_t desired);

/*
 * The cells of one row (cols words, index them below b->cols only), or NULL
 * when row is out of bounds. For readers that scan a row at a time.
 */
const _Atomic uint64_t *board_row(const struct board *b, uint32_t row);

/* The row's change stamp (acquire): it differs from an earlier read when the row changed since. */
uint32_t board_row_stamp(const struct board *b, uint32_t row);

/*
 * Write one character at (col, row) in a style (cell_style; a colour
 * index 0..15 alone is a foreground) for author, keeping the wide
 * character invariant (a wide character and its CELL_CONT are written and
 * erased together). cp 0 erases. Every cell is written with board_write.
 * Returns columns used (1 or 2), or -1 when it does not fit or cannot be
 * drawn. Does not notify.
 */
int board_draw(const struct board *b, uint32_t col, uint32_t row, uint32_t cp,
	       unsigned colour, unsigned author);

/* One cell a write changed: where, the word it replaced and the word it stored. */
struct board_change {
	uint32_t col, row;
	uint64_t before, after;
};

#define BOARD_DRAW_CHANGES 4   /* a draw changes at most 4 cells (2 halves it cuts, 2 it writes) */

/*
 * board_draw that also says what it changed: log (room for
 * BOARD_DRAW_CHANGES) gets one board_change per cell written, in the order
 * written, and *nlog their number (0 on -1). For undo.
 */
int board_draw_log(const struct board *b, uint32_t col, uint32_t row, uint32_t cp,
		   unsigned colour, unsigned author, struct board_change *log, size_t *nlog);

/*
 * Where a logging writer tells the changes it made, a few at a time, as
 * it makes them (an undo history takes them: history.h).
 */
typedef void board_log_fn(void *arg, const struct board_change *c, size_t n);

/*
 * May text be written from (col, row)? -1 with why in e when the board is
 * attached read-only or the position is outside it (naming its ranges).
 */
int board_writable_at(const struct board *b, uint32_t col, uint32_t row, struct pzerr *e);

/*
 * Empty every cell (each with board_write's counter bump) and stamp every
 * row. Does not notify: call notify_bump after it.
 */
int board_clear(const struct board *b, struct pzerr *e);

/*
 * board_clear that tells log (when not NULL) the change of every cell
 * that was not empty (content other than CELL_EMPTY; an empty cell's
 * counter is bumped all the same), one at a time: for undo. Memory is
 * the logger's: 24 bytes a drawn cell in a history.
 */
int board_clear_log(const struct board *b, board_log_fn *log, void *log_arg, struct pzerr *e);

/*
 * The geometry of a new board for content that needs need_cols x need_rows:
 * at least the default size (BOARD_DEF_COLS x BOARD_DEF_ROWS) and large
 * enough for the content. -1 with EFBIG in e when no board can be that
 * large (the limits above; SHMMAX is segment_open's to check).
 */
int board_geometry_for(uint32_t need_cols, uint32_t need_rows, uint32_t *cols, uint32_t *rows,
		       struct pzerr *e);

/*
 * Copy src's cells into process memory as a read-only board (out->board):
 * same geometry, a zeroed header, every row stamp 0. out's earlier contents
 * are overwritten, not freed (board_copy_free them first). Returns 0, or
 * -1 with ENOMEM in e (out is then empty, and board_copy_free is harmless).
 */
int board_copy(struct board_copy *out, const struct board *src, struct pzerr *e);

/* Free a copy's cells and empty it; harmless on an empty or zeroed copy. */
void board_copy_free(struct board_copy *c);

/*
 * Copy the cells of the region dst and src share (the first min(cols)
 * columns of the first min(rows) rows) from src to dst with board_write,
 * so every row copied is stamped and every cell's write counter moves on
 * (a load of the same file twice never leaves the very word an undo or a
 * redo expects). The content is copied as it is: a wide
 * character cut by dst's right edge stays without its right half (readers
 * show a placeholder). Nothing is stored when dst is read-only. Does not
 * notify: call notify_bump after it.
 */
void board_copy_cells(const struct board *dst, const struct board *src);

#endif
