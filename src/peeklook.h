/*
 * peeklook.h - the looks of pizarra peek at a segment's bytes, no curses:
 * when to look again (a foreign program has no futex to wake us, so peek
 * compares with its last copy: every PEEK_FAST_MS while bytes change,
 * backing off to PEEK_SLOW_MS while they do not, once every PEEK_IDLE_MS
 * after PEEK_QUIET_MS without a change (the idle pace, as the board's
 * pace.h), at once after a key),
 * the highlight whose end is due, and whether the segment is a pizarra
 * board (then the view names its fields). Only peeklook.c writes a
 * struct peeklook; peek.c owns one and reads it.
 */
#ifndef PIZARRA_PEEKLOOK_H
#define PIZARRA_PEEKLOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "boardmap.h"
#include "hexview.h"
#include "shmpeek.h"

#define PEEK_FAST_MS  100   /* between looks while bytes change */
#define PEEK_SLOW_MS  500   /* ... backing off to this while none does */
#define PEEK_QUIET_MS 10000 /* without a change this long, the idle pace: */
#define PEEK_IDLE_MS  1000  /* ... one look a second */

struct peeklook {
	unsigned interval;             /* ms between looks, PEEK_FAST_MS..PEEK_IDLE_MS */
	uint64_t next;                 /* the next look (ms) */
	uint64_t changed_at;           /* the last byte changed or key (ms) */
	uint64_t unlit;                /* the highlight whose end was last drawn */
	struct boardmap names;         /* when board: the segment is that board */
	bool board;
};

/* Look at once, and at the fast pace: at now, a key (the user is looking). */
void peeklook_hurry(struct peeklook *l, uint64_t now);

/* True at the idle pace: no byte changed and no key came for PEEK_QUIET_MS before now. */
bool peeklook_idle(const struct peeklook *l, uint64_t now);

/*
 * Look now: copy what a w x rows view shows of seg into v and compare
 * (hexview_update), then pace the next look. No window (w < 0): only the
 * next look, at the slow (or idle) pace. True when the view changed.
 */
bool peeklook_look(struct peeklook *l, struct hexview *v, const struct shmpeek *seg, int w,
		   int rows, uint64_t now);

/* True once when v's last highlight has gone out (draw once more). */
bool peeklook_unlit(struct peeklook *l, const struct hexview *v, uint64_t now);

/* Is seg a board? Its header, copied, validated as board_open does. */
void peeklook_recognise(struct peeklook *l, const struct shmpeek *seg);

/* The sidebar's line on the pace ("looks every 100 ms (100..500)", or idle), translated. */
void peeklook_note(const struct peeklook *l, char *out, size_t n);

/*
 * The next moment something is due: a look, the sample at sample_at, a
 * highlight of v out, or the message's end at until (0: none).
 */
uint64_t peeklook_wake_at(const struct peeklook *l, const struct hexview *v, uint64_t sample_at,
			  uint64_t until, uint64_t now);

#endif
