/*
 * pace.c - when the interactive board's loop wakes (see pace.h); it owns
 * struct pace. The loop sleeps in one futex_waitv until the next tick (or
 * the moment a question shows); a remote change or a key wakes it sooner.
 * Once frames come in a burst (each within PACE_FRAME_MS of the last),
 * further remote changes wait for the next frame, so a storm of writers
 * costs at most one frame per PACE_FRAME_MS.
 *
 * The idle pace: the kernel tells nobody when another program attaches,
 * so the sidebar must sample IPC_STAT; once a second is enough to show an
 * attach within 2 s. pizarra's own events need no sample: a client that
 * joins, leaves or detaches bumps the generation (client_claim,
 * client_release), which wakes every client at once. The heartbeat stays
 * once a second (client.h judges another namespace's slot stale at 10 s).
 */
#include <time.h>

#include "notify.h"
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

void
pace_change(struct pace *p, uint64_t now)
{
	p->changed_at = now;
	if (p->next_tick > now + PACE_TICK_MS)
		p->next_tick = now + PACE_TICK_MS;
}

bool
pace_idle(const struct pace *p, uint64_t now)
{
	return now >= p->changed_at + PACE_QUIET_MS;
}

unsigned
pace_tick(struct pace *p, uint64_t now)
{
	bool idle = pace_idle(p, now);
	unsigned what = PACE_SAMPLE;

	if (idle || now >= p->next_reap) {
		what |= PACE_SLOW;
		p->next_reap = now + PACE_REAP_MS;
		if (!idle || now >= p->reaped_at + PACE_REAP_IDLE_MS) {
			what |= PACE_REAP;
			p->reaped_at = now;
		}
	}
	p->next_tick = now + pace_period(p, now);
	return what;
}

unsigned
pace_period(const struct pace *p, uint64_t now)
{
	return pace_idle(p, now) ? PACE_IDLE_MS : PACE_TICK_MS;
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

void
pace_sleep(const struct pace *p, const struct board *b, uint32_t gen, _Atomic uint32_t *input,
	   uint32_t seen)
{
	uint64_t now = pace_now_ms(), wake = p->question_at != 0 &&
	    p->question_at < p->next_tick ? p->question_at : p->next_tick;

	notify_wait_any(b, gen, input, seen, wake > now ? (int)(wake - now) : 0);
}

void
pace_sleep_storm(const struct pace *p, const struct board *b, uint32_t presence,
		 _Atomic uint32_t *input, uint32_t seen, uint64_t now)
{
	if (b == NULL)
		notify_wait_any(NULL, 0, input, seen, (int)(pace_frame_end(p, PACE_BYTES_MS) - now));
	else
		notify_wait_presence(b, presence, input, seen,
		    (int)(pace_frame_end(p, PACE_FRAME_MS) - now));
}
