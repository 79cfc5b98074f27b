/*
 * notify.h - change notification through the segment itself.
 *
 * The board header's generation counter is a futex word. A writer changes
 * cells, then notify_bump adds one to the counter (release) and wakes every
 * process waiting on it (a plain, not _PRIVATE, FUTEX_WAKE, which reaches
 * waiters in other processes at other addresses). A reader remembers the
 * last generation it drew and sleeps in notify_wait until the counter
 * differs from it. No polling, no lock, nothing a dead process can hold.
 *
 * Who notifies: no board operation does (board.h); a writer makes its
 * changes and then calls notify_bump once, and client_claim, client_release
 * and client_reap bump after changing a slot. The futex system calls
 * themselves are futex.h's.
 */
#ifndef PIZARRA_NOTIFY_H
#define PIZARRA_NOTIFY_H

#include <stdint.h>

#include "board.h"

/*
 * Announce a change: bump the generation and wake all waiters. Returns how
 * many sleepers were woken (0 when read-only), so an interactive writer can
 * step aside for them before drawing its own echo.
 */
int notify_bump(const struct board *b);

/*
 * Announce that a client's presence changed (its cursor, colour or slot):
 * bump the header's presence word and wake its sleepers. A person's
 * keystroke moves their cursor, a script's writes do not, so a reader that
 * holds back frames during a storm of writes can still sleep on this word
 * and answer people at once. Returns how many were woken.
 */
int notify_presence(const struct board *b);

/* The current presence word (acquire). */
uint32_t notify_presence_seen(const struct board *b);

/* The current generation (acquire). */
uint32_t notify_generation(const struct board *b);

/*
 * Sleep until the generation differs from handled, or timeout_ms passes
 * (negative: no timeout), or notify_wake is called. Returns 0 when the
 * generation differs, -1 otherwise (errno ETIMEDOUT, EINTR or EAGAIN for
 * a plain wake-up).
 */
int notify_wait(const struct board *b, uint32_t handled, int timeout_ms);

/* Wake every waiter without changing the generation (works read-only too). */
void notify_wake(const struct board *b);

/*
 * Sleep until the board's generation differs from handled (b may be NULL
 * when not attached), or the process-local word *local differs from
 * local_seen (a signal handler bumps it when input arrives), or timeout_ms
 * passes (negative: no timeout). Both words are watched by one futex_waitv
 * call (Linux 5.16+), so a change to either one between checking and
 * sleeping is never missed. Returns 0 when something changed or a wake
 * came, -1 with errno ETIMEDOUT or EINTR. On kernels without futex_waitv
 * it falls back to waiting on the board for at most FUTEX_FALLBACK_MS
 * (10 ms) at a time (futex_wait_two).
 */
int notify_wait_any(const struct board *b, uint32_t handled, _Atomic uint32_t *local,
		    uint32_t local_seen, int timeout_ms);

/*
 * The same, but sleeping on the board's presence word instead of its
 * generation: for a reader that lets cell changes wait for its next frame.
 */
int notify_wait_presence(const struct board *b, uint32_t presence_seen,
			 _Atomic uint32_t *local, uint32_t local_seen, int timeout_ms);

#endif
