/*
 * futex.h - sleeping on a 32-bit word until another process changes it:
 * the Linux futex primitives underneath change notification (notify.h)
 * and the publication of a new board's header (board.h).
 *
 * A word in a System V segment is shared between processes that may map it
 * at different addresses, so these use plain (not _PRIVATE) futexes, which
 * the kernel keys by the physical page: a FUTEX_WAKE in one process wakes a
 * FUTEX_WAIT in another. The one exception is the local word of
 * futex_wait_two, which lives in process memory (a signal handler bumps it)
 * and is waited on as a private futex.
 *
 * A futex holds nothing: a sleeper only sleeps while the word still has the
 * value it was handed, so a change between reading the word and sleeping is
 * never missed, and a process that dies leaves nothing behind. This module
 * knows nothing of boards.
 */
#ifndef PIZARRA_FUTEX_H
#define PIZARRA_FUTEX_H

#include <stdatomic.h>
#include <stdint.h>

/* How long futex_wait_two sleeps on the shared word alone when futex_waitv is missing. */
#define FUTEX_FALLBACK_MS 10

/*
 * Sleep while *word == val, for at most timeout_ms (negative: no timeout).
 * Returns 0 when woken, or at once when *word already differs from val (the
 * kernel compares atomically before sleeping); -1 with errno ETIMEDOUT or
 * EINTR. A wake-up may be spurious: callers re-check their word.
 */
int futex_wait(_Atomic uint32_t *word, uint32_t val, int timeout_ms);

/*
 * Milliseconds on CLOCK_MONOTONIC, the clock the timeouts here count in:
 * for a caller that sleeps in slices until its own deadline.
 */
long long futex_now_ms(void);

/* Wake every process sleeping on word; returns how many were woken (0 on error). */
int futex_wake(_Atomic uint32_t *word);

/*
 * Sleep on two words at once: a shared word (in a segment; may be NULL,
 * then only the local word is watched) while it equals shared_val, and a
 * process-private word while it equals local_val, for at most timeout_ms
 * (negative: no timeout). One futex_waitv call (Linux 5.16+) watches both,
 * so a change to either between checking and sleeping is never missed.
 * Returns 0 at once when either word already differs, and 0 when woken;
 * -1 with errno ETIMEDOUT or EINTR.
 *
 * On kernels without futex_waitv (ENOSYS) it falls back to one FUTEX_WAIT:
 * on the local word alone (for the whole timeout) when shared is NULL, or
 * else on the shared word alone for at most FUTEX_FALLBACK_MS (then -1 with
 * ETIMEDOUT), so a caller that loops sees the local word within that time.
 */
int futex_wait_two(_Atomic uint32_t *shared, uint32_t shared_val, _Atomic uint32_t *local,
		   uint32_t local_val, int timeout_ms);

#endif
