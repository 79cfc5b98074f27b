/*
 * pace.h - when the interactive board's loop wakes, no curses: the
 * sidebar's tick (a sample of IPC_STAT) and the slower check (the header,
 * reaping, our heartbeat), the frames of a storm that share one wake-up,
 * and the moment a question from elsewhere starts showing. ui.c owns one
 * struct pace; only pace.c writes it.
 */
#ifndef PIZARRA_PACE_H
#define PIZARRA_PACE_H

#include <stdbool.h>
#include <stdint.h>

#define PACE_TICK_MS   250     /* sidebar refresh: 4 times a second */
#define PACE_FRAME_MS  2       /* remote changes closer than this share a frame */
#define PACE_REAP_MS   1000    /* reap dead slots, heartbeat, header check */
#define PACE_BYTES_MS  40      /* the byte view redraws at most this often in a storm */

/* What a tick does (pace_tick's bits). */
#define PACE_SAMPLE  1u        /* sample the segment for the sidebar */
#define PACE_SLOW    2u        /* the once-a-second check too */

struct pace {
	uint64_t frame_at;             /* when the canvas was last drawn (ms) */
	unsigned burst;                /* frames in a row, each within PACE_FRAME_MS of the last */
	uint64_t next_tick, next_reap;
	uint64_t question_at;          /* a question from elsewhere starts showing then */
	uint64_t question_shown;       /* the last such moment drawn */
};

/* Milliseconds on the monotonic clock. */
uint64_t pace_now_ms(void);

/* True when the tick is due at now. */
bool pace_tick_due(const struct pace *p, uint64_t now);

/* The tick at now: what to do (PACE_* bits), the next tick set. */
unsigned pace_tick(struct pace *p, uint64_t now);

/* The ms between ticks now (a highlight lasts until a sample after it ends). */
unsigned pace_period(const struct pace *p);

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

/* The ms to sleep from now until the next tick or question. */
int pace_timeout(const struct pace *p, uint64_t now);

#endif
