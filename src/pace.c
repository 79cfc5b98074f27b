/*
 * pace.c - when the interactive board's loop wakes (see pace.h); it owns
 * struct pace. The loop sleeps in one futex_waitv until the next tick (or
 * the moment a question shows); a remote change or a key wakes it sooner.
 * Once frames come in a burst (each within PACE_FRAME_MS of the last),
 * further remote changes wait for the next frame, so a storm of writers
 * costs at most one frame per PACE_FRAME_MS.
 */
#include <time.h>

#include "pace.h"

uint64_t
pace_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

bool
pace_tick_due(const struct pace *p, uint64_t now)
{
	return now >= p->next_tick;
}

unsigned
pace_tick(struct pace *p, uint64_t now)
{
	unsigned what = PACE_SAMPLE;

	if (now >= p->next_reap) {
		what |= PACE_SLOW;
		p->next_reap = now + PACE_REAP_MS;
	}
	p->next_tick = now + PACE_TICK_MS;
	return what;
}

unsigned
pace_period(const struct pace *p)
{
	(void)p;
	return PACE_TICK_MS;
}

void
pace_frame(struct pace *p, uint64_t now)
{
	p->burst = now < p->frame_at + PACE_FRAME_MS ? p->burst + 1 : 0;
	p->frame_at = now;
}

bool
pace_burst(const struct pace *p, uint64_t now)
{
	return p->burst >= 2 && now < p->frame_at + PACE_FRAME_MS;
}

uint64_t
pace_frame_end(const struct pace *p, unsigned window)
{
	return p->frame_at + window;
}

bool
pace_question(struct pace *p, uint64_t at, uint64_t now)
{
	p->question_at = 0;
	if (at == 0 || at == p->question_shown)
		return false;
	if (now < at) {
		p->question_at = at;
		return false;
	}
	p->question_shown = at;
	return true;
}

int
pace_timeout(const struct pace *p, uint64_t now)
{
	uint64_t wake = p->question_at != 0 && p->question_at < p->next_tick ? p->question_at :
	    p->next_tick;

	return wake > now ? (int)(wake - now) : 0;
}
