/*
 * futex.c - the futex system calls pizarra sleeps in (see futex.h): a
 * plain FUTEX_WAIT and FUTEX_WAKE on one word, and futex_waitv on a shared
 * word and a process-private word together.
 *
 * glibc has no wrappers for these, so they go through syscall(2). The word
 * is passed as a plain uint32_t *: a lock-free _Atomic uint32_t has the same
 * representation (board.h asserts lock-freedom), and the kernel reads it
 * with its own atomic access.
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

#include "futex.h"

/* Sleep while *word == val: a plain (shared) FUTEX_WAIT with a relative timeout. */
int
futex_wait(_Atomic uint32_t *word, uint32_t val, int timeout_ms)
{
	struct timespec ts, *tsp = NULL;

	if (timeout_ms >= 0) {
		ts.tv_sec = timeout_ms / 1000;
		ts.tv_nsec = (long)(timeout_ms % 1000) * 1000000L;
		tsp = &ts;
	}
	/* EAGAIN: the word differed already, which is a change like a wake-up */
	if (syscall(SYS_futex, (uint32_t *)word, FUTEX_WAIT, val, tsp, NULL, 0) != 0 &&
	    errno != EAGAIN)
		return -1;
	return 0;
}

/* Wake every process sleeping on word; how many were woken. */
int
futex_wake(_Atomic uint32_t *word)
{
	long n = syscall(SYS_futex, (uint32_t *)word, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);

	return n > 0 ? (int)n : 0;
}

/* Milliseconds on the monotonic clock. */
long long
futex_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* An absolute CLOCK_MONOTONIC deadline timeout_ms from now (futex_waitv takes no relative one). */
static struct timespec
futex_deadline(int timeout_ms)
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

/*
 * Sleep on a shared word (may be NULL) and a local word at once. Both are
 * checked here first, which saves a system call when something changed
 * already; the kernel checks them again atomically before sleeping, which
 * is what makes the wait race-free.
 */
int
futex_wait_two(_Atomic uint32_t *shared, uint32_t shared_val, _Atomic uint32_t *local,
	       uint32_t local_val, int timeout_ms)
{
	struct futex_waitv w[2];
	struct timespec ts;
	unsigned n = 0;
	long r;

	if (atomic_load(local) != local_val ||
	    (shared != NULL && atomic_load_explicit(shared, memory_order_acquire) != shared_val))
		return 0;
	memset(w, 0, sizeof w);
	w[n].uaddr = (uintptr_t)local;
	w[n].val = local_val;
	w[n++].flags = FUTEX_32 | FUTEX_PRIVATE_FLAG;
	if (shared != NULL) {
		w[n].uaddr = (uintptr_t)shared;
		w[n].val = shared_val;
		w[n++].flags = FUTEX_32;
	}
	if (timeout_ms >= 0)
		ts = futex_deadline(timeout_ms);
	r = syscall(SYS_futex_waitv, w, n, 0, timeout_ms >= 0 ? &ts : NULL, CLOCK_MONOTONIC);
	if (r >= 0 || errno == EAGAIN)
		return 0;
	if (errno != ENOSYS)
		return -1;
	/* before Linux 5.16: one word at a time, the shared one in short slices */
	if (shared == NULL)
		return futex_wait(local, local_val, timeout_ms);
	return futex_wait(shared, shared_val, timeout_ms >= 0 && timeout_ms < FUTEX_FALLBACK_MS ?
	    timeout_ms : FUTEX_FALLBACK_MS);
}
