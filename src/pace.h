/*
 * pace.h - when the interactive board's loop wakes, no curses: the
 * sidebar's tick (a sample of IPC_STAT) and the slower check (the header,
 * reaping, our heartbeat), the frames of a storm that share one wake-up,
 * and the moment a question from elsewhere starts showing. After
 * PACE_QUIET_MS without a change the ticks slow to one a second, each doing
 * everything (the idle pace); any change (pace_change) brings the fast
 * pace back at once. ui.c owns one struct pace; only pace.c writes it.
 */
#ifndef PIZARRA_PACE_H
#define PIZARRA_PACE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "board.h"

#define PACE_TICK_MS   250     /* sidebar refresh: 4 times a second */
#define PACE_FRAME_MS  2       /* remote changes closer than this share a frame */
#define PACE_REAP_MS   1000    /* reap dead slots, heartbeat, header check */
#define PACE_BYTES_MS  40      /* the byte view redraws at most this often in a storm */
#define PACE_QUIET_MS  10000   /* this long without a change: the idle pace */
#define PACE_IDLE_MS   1000    /* the idle pace: one tick a second, the slow check in it */
#define PACE_REAP_IDLE_MS 10000  /* idle, the slots are reaped this often */

/* What a tick does (pace_tick's bits). */
#define PACE_SAMPLE  1u        /* sample the segment for the sidebar */
#define PACE_SLOW    2u        /* the once-a-second check too */
#define PACE_REAP    4u        /* and in it, reap the slots (not every second when idle) */

struct pace {
	uint64_t frame_at;             /* when the canvas was last drawn (ms) */
	unsigned burst;                /* frames in a row, each within PACE_FRAME_MS of the last */
	uint64_t next_tick, next_reap;
	uint64_t question_at;          /* a question from elsewhere starts showing then */
	uint64_t question_shown;       /* the last such moment drawn */
	uint64_t changed_at;           /* the last change (a key, a frame, a sample that differed) */
	uint64_t reaped_at;            /* the last tick that reaped the slots */
};

/* Milliseconds on the monotonic clock. */
uint64_t pace_now_ms(void);

/* True when the tick is due at now. */
bool pace_tick_due(const struct pace *p, uint64_t now);

/*
 * The tick at now: what to do (PACE_* bits), the next tick set. At the
 * fast pace: a sample every PACE_TICK_MS, the slow check and the reap every
 * PACE_REAP_MS. At the idle pace: everything every PACE_IDLE_MS, but the
 * reap only every PACE_REAP_IDLE_MS (a client that died detached, which
 * changes shm_nattch: the tick whose sample sees it reaps (ui.c), and the
 * fast pace every second after).
 */
unsigned pace_tick(struct pace *p, uint64_t now);

/* The ms between ticks now (a highlight lasts until a sample after it ends). */
unsigned pace_period(const struct pace *p, uint64_t now);

/*
 * Something changed at now (a key, a resize, a remote change drawn, a
 * sample that differed, what the slow check found): the fast pace again,
 * the next tick within PACE_TICK_MS.
 */
void pace_change(struct pace *p, uint64_t now);

/* True after PACE_QUIET_MS without a change. */
bool pace_idle(const struct pace *p, uint64_t now);

/* A canvas frame was drawn at now (counts the frames of a burst). */
void pace_frame(struct pace *p, uint64_t now);

/* True while frames come in a burst: further remote changes wait until pace_frame_end. */
bool pace_burst(const struct pace *p, uint64_t now);

/* When the pause after the last frame ends: window ms after it. */
uint64_t pace_frame_end(const struct pace *p, unsigned window);

/*
 * A question from elsewhere armed at armed_at (0: none) shows a moment
 * after it popped up: true once, at that moment (draw everything then).
 */
bool pace_question(struct pace *p, uint64_t armed_at, uint64_t now);

/*
 * Sleep until b's generation is no longer gen (b NULL: no board to watch),
 * the input word is no longer seen, or the next tick or question is due.
 */
void pace_sleep(const struct pace *p, const struct board *b, uint32_t gen,
		_Atomic uint32_t *input, uint32_t seen);

/*
 * In a storm, until the pause after the last frame ends: our keys, and on
 * board b other people's cursor moves (its presence word no longer
 * presence), still wake us at once. b NULL: the byte view's pause, keys only.
 */
void pace_sleep_storm(const struct pace *p, const struct board *b, uint32_t presence,
		      _Atomic uint32_t *input, uint32_t seen, uint64_t now);

#endif
