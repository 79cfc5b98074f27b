/*
 * lecture.h - what the two halves of measurement 6 share: one way of
 * broadcasting (the segment, pipes or a file) for one class size and one
 * kind of stroke, its channel and its readers (lectio.c), run and
 * reported by lecture.c.
 */
#ifndef PIZARRA_BENCH_LECTURE_H
#define PIZARRA_BENCH_LECTURE_H

#include "bench.h"

#define LECTURE_MAX_READERS  30
#define LECTURE_MAX_STROKES  1000
#define LECTURE_COLS         BOARD_DEF_COLS
#define LECTURE_ROWS         BOARD_DEF_ROWS
#define LECTURE_CELLS        (LECTURE_COLS * LECTURE_ROWS)
#define LECTURE_WAIT_MS      5000

/* The three ways of broadcasting. */
enum lecture_way { LECTURE_SEGMENT, LECTURE_PIPE, LECTURE_FILE, LECTURE_WAYS };

/* What a way's writer and readers share (an anonymous shared mapping). */
struct lecture_ctl {
	_Atomic uint64_t t0;                 /* when the current stroke started */
	_Atomic uint32_t acks;               /* strokes x readers received (a futex word) */
	_Atomic uint32_t ready;              /* readers set up and about to sleep */
	_Atomic uint32_t failed;
	double lat_us[LECTURE_MAX_READERS][LECTURE_MAX_STROKES];
};

/* One way, for one class size and kind of stroke: channel, readers, results. */
struct lecture_way_run {
	enum lecture_way way;
	int readers, strokes;
	bool whole;                          /* every cell of the board, not one */
	struct lecture_ctl *ctl;
	struct segment seg;                  /* the segment */
	int pipes[LECTURE_MAX_READERS][2];   /* pipes: one per reader */
	char path[4096];                     /* the file */
	int file;
	pid_t pids[LECTURE_MAX_READERS];
	int started;
	bool set_up;
};

/* lectio.c */
int lectio_setup(struct lecture_way_run *L, const char *dir);
int lectio_fork(struct lecture_way_run *L, const struct lecture_way_run *others, int n);
int lectio_write(struct lecture_way_run *L, int i);
void lectio_teardown(struct lecture_way_run *L);

#endif
