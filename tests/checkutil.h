/*
 * checkutil.h - what every Check suite of pizarra shares: per-run keys that
 * never collide between tests running in parallel, private boards removed
 * right after they are attached, a sweep that removes anything a failed
 * test left, waiting until a child sleeps in a futex, and polling with a
 * deadline instead of sleeping, a text scanned in pieces, a look into a
 * trace, the options and address of a small test board, and a board's
 * dump and cells compared before and after.
 */
#ifndef PIZARRA_CHECKUTIL_H
#define PIZARRA_CHECKUTIL_H

#include <check.h>
#include <stdbool.h>
#include <sys/types.h>

#include "history.h"
#include "segment.h"
#include "shminfo.h"
#include "textscan.h"

/* b dumped (dump_text, with ANSI colours when ansi) into a malloc'd string. */
char *tu_dump_of(const struct board *b, bool ansi);

/* A malloc'd copy of every cell of b, row by row. */
uint64_t *tu_snapshot(const struct board *b);

/* Are b's cells those of a tu_snapshot? */
bool tu_same_cells(const struct board *b, const uint64_t *cells);

/* Draw cp at (col, row) as author, logged into h's open step (h NULL: someone else). */
void tu_draw(struct history *h, const struct board *b, uint32_t col, uint32_t row, uint32_t cp,
	     unsigned author);

/* The code point at (col, row). */
uint32_t tu_cp_at(const struct board *b, uint32_t col, uint32_t row);

/* Every CELL_CONT of row has a wide character on its left, and every wide one its CONT. */
void tu_assert_whole(const struct board *b, uint32_t row);

/* A key unique to this test program's run: n = 0..63. */
key_t tu_key(int n);

/*
 * Create an IPC_PRIVATE board of cols x rows, attach it read-write, and
 * mark it for removal at once (it lives while attached). Fills s.
 */
void tu_private_board(struct segment *s, unsigned cols, unsigned rows);

/*
 * Wait for a child to say it is about to sleep (one byte on ready_fd), then
 * until /proc/PID/wchan shows it asleep in a futex (at most 2 s), so that
 * what the test does next really has to wake it.
 */
void tu_await_sleeper(int ready_fd, pid_t pid);

/* Poll cond(arg) every millisecond until true or timeout_ms; returns its last value. */
bool tu_poll(bool (*cond)(void *arg), void *arg, int timeout_ms);

/* Create an IPC_PRIVATE segment, attach it, and mark it removed at once. */
int tu_private_segment(size_t size, int mode, void **addr);

/* Fill si by IPC_STAT of a real segment. */
void tu_stat_segment(int id, struct shminfo_stat *si);

/* A made-up status with a distinct value in every field. */
void tu_fake_stat(struct shminfo_stat *si);

/* Format field f of si into a static buffer (checked to be terminated). */
const char *tu_value_of(const struct shminfo_stat *si, enum shminfo_field f, bool long_times);

/* A uid that no user has (the first free one from 4000000 up). */
uid_t tu_unused_uid(void);

/* Set the time zone to UTC so clock times are predictable. */
void tu_use_utc(void);

/*
 * Scan text with textscan_feed in pieces of step bytes (the last one
 * final), giving what was left over again with the next piece, as a reader
 * of a file does; the result of the last feed. Checks that all was used.
 */
int tu_scan_in_pieces(struct textscan *sc, const char *text, size_t len, size_t step,
		      uint32_t max, struct pzerr *e);

/* Options that create a small board: 40x10, mode 0600. */
struct segment_opts tu_create_opts(void);

/* An address for an explicit key. */
struct addr tu_key_addr(key_t key);

/* Does the trace contain an entry with this text? */
bool tu_trace_has(const struct trace *t, const char *needle);

/* Run the suite (fork mode), remove any segment under our keys, return the exit status. */
int tu_run(Suite *suite);

#endif
