/*
 * notify.c - change notification through a futex on the board's
 * generation counter (see notify.h).
 */
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <stddef.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "notify.h"

/* Sleep while *word == val: a plain (shared) FUTEX_WAIT. */
int
notify_futex_wait(_Atomic uint32_t *word, uint32_t val, int timeout_ms)
{
	struct timespec ts, *tsp = NULL;

	if (timeout_ms >= 0) {
		ts.tv_sec = timeout_ms / 1000;
		ts.tv_nsec = (long)(timeout_ms % 1000) * 1000000L;
		tsp = &ts;
	}
	if (syscall(SYS_futex, (uint32_t *)word, FUTEX_WAIT, val, tsp, NULL, 0) != 0 &&
	    errno != EAGAIN)
		return -1;
	return 0;
}

/* Wake every process sleeping on word. */
void
notify_futex_wake(_Atomic uint32_t *word)
{
	syscall(SYS_futex, (uint32_t *)word, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
}

/* Bump the generation and wake every waiter. */
void
notify_bump(const struct board *b)
{
	if (b->readonly || b->hdr == NULL)
		return;
	atomic_fetch_add_explicit(&b->hdr->generation, 1, memory_order_release);
	notify_futex_wake(&b->hdr->generation);
}

/* The current generation. */
uint32_t
notify_generation(const struct board *b)
{
	return atomic_load_explicit(&b->hdr->generation, memory_order_acquire);
}

/* Sleep until the generation differs from handled, a timeout or a wake. */
int
notify_wait(const struct board *b, uint32_t handled, int timeout_ms)
{
	if (notify_generation(b) != handled)
		return 0;
	if (notify_futex_wait(&b->hdr->generation, handled, timeout_ms) != 0)
		return -1;
	if (notify_generation(b) != handled)
		return 0;
	errno = EAGAIN;
	return -1;
}

/* Wake every waiter without a change. */
void
notify_wake(const struct board *b)
{
	notify_futex_wake(&b->hdr->generation);
}
