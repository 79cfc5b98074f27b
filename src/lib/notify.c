/*
 * notify.c - change notification through a futex on the board's
 * generation counter (see notify.h).
 */
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
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

/* Wake every process sleeping on word; how many were woken. */
int
notify_futex_wake(_Atomic uint32_t *word)
{
	long n = syscall(SYS_futex, (uint32_t *)word, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);

	return n > 0 ? (int)n : 0;
}

/* An absolute CLOCK_MONOTONIC deadline timeout_ms from now. */
static struct timespec
notify_deadline(int timeout_ms)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += timeout_ms / 1000;
	ts.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	return ts;
}

/* Sleep on a word of the segment (word may be NULL) and a local word at once. */
static int
notify_wait_two(_Atomic uint32_t *word, uint32_t val, _Atomic uint32_t *local,
		uint32_t local_seen, int timeout_ms)
{
	struct futex_waitv w[2];
	struct timespec ts;
	unsigned n = 0;
	long r;

	if (atomic_load(local) != local_seen ||
	    (word != NULL && atomic_load_explicit(word, memory_order_acquire) != val))
		return 0;
	memset(w, 0, sizeof w);
	w[n].uaddr = (uintptr_t)local;
	w[n].val = local_seen;
	w[n++].flags = FUTEX_32 | FUTEX_PRIVATE_FLAG;
	if (word != NULL) {
		w[n].uaddr = (uintptr_t)word;
		w[n].val = val;
		w[n++].flags = FUTEX_32;
	}
	if (timeout_ms >= 0)
		ts = notify_deadline(timeout_ms);
	r = syscall(SYS_futex_waitv, w, n, 0, timeout_ms >= 0 ? &ts : NULL, CLOCK_MONOTONIC);
	if (r >= 0 || errno == EAGAIN)
		return 0;
	if (errno != ENOSYS)
		return -1;
	if (word == NULL)
		return notify_futex_wait(local, local_seen, timeout_ms);
	return notify_futex_wait(word, val, timeout_ms >= 0 && timeout_ms < 10 ? timeout_ms : 10);
}

/* Sleep on the board's generation and a local word at once. */
int
notify_wait_any(const struct board *b, uint32_t handled, _Atomic uint32_t *local,
		uint32_t local_seen, int timeout_ms)
{
	return notify_wait_two(b != NULL ? &b->hdr->generation : NULL, handled, local,
	    local_seen, timeout_ms);
}

/* Sleep on the board's presence word and a local word at once. */
int
notify_wait_presence(const struct board *b, uint32_t presence_seen, _Atomic uint32_t *local,
		     uint32_t local_seen, int timeout_ms)
{
	return notify_wait_two(&b->hdr->presence, presence_seen, local, local_seen, timeout_ms);
}

/* Add one to a futex word of a writable board and wake its sleepers; how many woke. */
static int
notify_word_bump(const struct board *b, _Atomic uint32_t *word)
{
	if (b->readonly || word == NULL)
		return 0;
	atomic_fetch_add_explicit(word, 1, memory_order_release);
	return notify_futex_wake(word);
}

/* Bump the presence word and wake its sleepers. */
int
notify_presence(const struct board *b)
{
	return notify_word_bump(b, b->hdr != NULL ? &b->hdr->presence : NULL);
}

/* The current presence word. */
uint32_t
notify_presence_seen(const struct board *b)
{
	return atomic_load_explicit(&b->hdr->presence, memory_order_acquire);
}

/* Bump the generation and wake every waiter; how many were woken. */
int
notify_bump(const struct board *b)
{
	return notify_word_bump(b, b->hdr != NULL ? &b->hdr->generation : NULL);
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
