/*
 * segdata.h - the system's segments, live, for pizarra top and peek: the
 * table of /proc/sysvipc/shm sampled again and again (never attaching),
 * what changed in each row and when (a new row, a field that moved), the
 * attaches found in /proc/PID/maps (scanned when the counts move, and now
 * and then), and which rows are boards (through an attacher's memory,
 * list.h). The pace is its own: every SEGDATA_FAST_MS while things
 * change, slower and slower down to SEGDATA_SLOW_MS while nothing does,
 * and once every SEGDATA_IDLE_MS after SEGDATA_QUIET_MS without a change
 * (the idle pace, as the board's pace.h: a row that appears, goes or
 * changes, or a key (segdata_awake), brings the fast pace back at once).
 *
 * No curses: samples return what happened (SEGDATA_* bits). Only
 * segdata.c writes a struct segdata.
 */
#ifndef PIZARRA_SEGDATA_H
#define PIZARRA_SEGDATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cli.h"
#include "list.h"
#include "shmlist.h"
#include "shmmaps.h"

#define SEGDATA_FAST_MS       250    /* between samples while rows change */
#define SEGDATA_SLOW_MS       750    /* ... after a few samples without a change */
#define SEGDATA_QUIET_MS      10000  /* without a change this long, the idle pace: */
#define SEGDATA_IDLE_MS       1000   /* ... one sample a second */
#define SEGDATA_SCAN_MIN_MS   500    /* between two scans of /proc/PID/maps at most */
#define SEGDATA_SCAN_MAX_MS   5000   /* ... and at least, for attachers that come and go */
#define SEGDATA_HIGHLIGHT_MS  1500   /* a changed value, a new row, stays lit */

/* What a sample found (bits). */
#define SEGDATA_CHANGED   1u   /* a field of a row changed */
#define SEGDATA_ADDED     2u   /* a segment appeared */
#define SEGDATA_REMOVED   4u   /* a segment went away */
#define SEGDATA_SCANNED   8u   /* the attaches (and boards) were looked at again */
#define SEGDATA_FAILED   16u   /* the table could not be read (why in the pzerr) */

/* One segment and what is known about it. */
struct segdata_row {
	struct shmlist_seg seg;
	uint64_t changed_at[SHMLIST_NFIELDS];   /* when each field last changed (ms), 0 never */
	uint64_t added_at;                      /* when it appeared (0: there at the first sample) */
	enum list_board board;
	struct boardmap map;
};

struct segdata {
	const struct cli_opts *filter;   /* list_match's filter, or NULL for every segment */
	int only;                        /* this shmid only, or -1 */
	struct shmlist table;            /* the last sample, sorted by shmid */
	struct segdata_row *rows;        /* one per table row, same order */
	size_t n, cap;
	struct shmmaps maps;             /* the last scan */
	uint64_t scanned_at;             /* when (ms) */
	bool scan_due;                   /* the counts moved since the last scan */
	bool sampled;                    /* a sample was taken */
	unsigned quiet;                  /* samples in a row that found nothing new */
	uint64_t next_at;                /* when the next sample is due (ms) */
	uint64_t changed_at;             /* the last change or key (ms): the idle pace after */
	size_t added, removed;           /* by the last sample */
	int gone_shmid;                  /* a segment the last sample found gone, or -1 */
	size_t total;                    /* segments in the table, filtered or not */
};

/* Start empty: every segment (filter NULL) or those passing it, or only shmid only (>= 0). */
void segdata_init(struct segdata *d, const struct cli_opts *filter, int only);

/* Free what d holds. */
void segdata_free(struct segdata *d);

/* Take a sample now (ms): SEGDATA_* bits; FAILED with e filled. */
unsigned segdata_sample(struct segdata *d, uint64_t now, struct pzerr *e);

/* When the next sample is due (ms); a sample at any time is allowed. */
uint64_t segdata_next(const struct segdata *d);

/* Sample at the fast pace again and scan the maps soon (after an action of ours). */
void segdata_hurry(struct segdata *d, uint64_t now);

/* A key or a resize at now: the fast pace again (the next sample within SEGDATA_FAST_MS). */
void segdata_awake(struct segdata *d, uint64_t now);

/* True at the idle pace: nothing changed for SEGDATA_QUIET_MS before now. */
bool segdata_idle(const struct segdata *d, uint64_t now);

/* The row of shmid, or NULL. */
const struct segdata_row *segdata_find(const struct segdata *d, int shmid);

/* Row r as a struct list_row (its attaches from the last scan), for list_cell. */
void segdata_list_row(const struct segdata *d, const struct segdata_row *r, struct list_row *out);

/* True while something in row r is lit (a change or its arrival within the highlight). */
bool segdata_lit(const struct segdata_row *r, uint64_t now);

/* When the next highlight of any row goes out (ms), 0 when none is lit. */
uint64_t segdata_lit_until(const struct segdata *d, uint64_t now);

#endif
