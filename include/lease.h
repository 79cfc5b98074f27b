/*
 * lease.h - the lease of whole-board operations: load, clear and the UI's
 * F8 hold it while they write, so two of them never interleave (without
 * it, two loads at once leave the board a mix of both).
 *
 * The lease is one 64-bit word in the board's header (struct board_header's
 * lease, board.h) naming its holder (pid and start time), taken by CAS; a
 * holder that died is detected and taken over, a live one is waited for
 * with a deadline, sleeping on the header's lease_wake futex word, which a
 * holder bumps when it gives the lease back. See lease_take. Cell-by-cell
 * writers (put, drawing) do not take it.
 */
#ifndef PIZARRA_LEASE_H
#define PIZARRA_LEASE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "board.h"
#include "pzerr.h"

#define LEASE_WAIT_MS 3000      /* how long the commands wait for a live holder */

/* Who holds a board's lease, as its word says and /proc judges it. */
struct lease_holder {
	uint64_t word;         /* the lease word; 0 free */
	pid_t pid;             /* word >> 32 */
	uint32_t start_low;    /* the low 32 bits of the holder's start time */
	bool alive;            /* it is (as far as our PID namespace shows) that live process */
};

/*
 * Take the board's lease for a whole-board operation: CAS the lease word
 * from 0 to ours, this process's pid << 32 | the low 32 bits of its start
 * time (/proc/self/stat field 22), which *mine receives for lease_give.
 * A word whose holder is dead (no such pid, a zombie, or the pid now
 * names a process with another start time: it was reused) or
 * that names no process at all (pid 0, or garbage) is taken over at once
 * with a CAS on the exact word judged. A live holder is waited for (woken
 * when it gives the lease back, and judged again every 50 ms) for at most
 * timeout_ms; then -1 with EBUSY and e naming it (pid and command name).
 * Also -1 with EROFS on a read-only board, EDEADLK when this process holds
 * it already, or the errno of reading our own start time.
 *
 * Limits: liveness is judged in our PID namespace. A holder in another
 * one (a container sharing the IPC namespace) is unknown to us: its pid
 * is taken as dead when no process has it here, so we may take over the
 * lease of a live holder over there (and it may take ours); a process of
 * ours that happens to have its pid and start time makes a dead one look
 * alive until the deadline. A writer that ignores the lease (an older
 * pizarra, another program, a hostile one) is not stopped by it.
 */
int lease_take(const struct board *b, int timeout_ms, uint64_t *mine, struct pzerr *e);

/*
 * Give the lease back (CAS mine -> 0) and wake whoever waits for it.
 * Returns 0, or -1 when it was no longer ours (someone judged us dead and
 * took it over, or a writer overwrote it): our operation may then have
 * interleaved with another.
 */
int lease_give(const struct board *b, uint64_t mine);

/* Who holds the lease now (word 0: nobody). */
void lease_holder(const struct board *b, struct lease_holder *h);

#endif
