/*
 * lease.c - the lease of whole-board operations (lease.h): the holder a
 * lease word names judged through /proc, taking the lease by CAS (over a
 * dead holder's word at once, waiting for a live one on lease_wake), and
 * giving it back.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "futex.h"
#include "lease.h"
#include "proc.h"

/* Judge the holder a lease word names. */
static void
lease_judge(uint64_t word, struct lease_holder *h)
{
	uint64_t start;
	int state;

	h->word = word;
	h->pid = (pid_t)(word >> 32);
	h->start_low = (uint32_t)word;
	h->alive = false;
	/* pid 0, or a "pid" with the top bit set, names no process */
	if (word == 0 || (word >> 32) == 0 || (word >> 63) != 0)
		return;
	if (!proc_exists(h->pid))
		return;
	state = proc_state(h->pid);
	if (state == 'Z' || state == 'X')
		return;
	/* unreadable /proc (another user's, hidepid): it exists, so alive */
	h->alive = proc_start_time(h->pid, &start) != 0 || (uint32_t)start == h->start_low;
}

/* Who holds the lease now. */
void
lease_holder(const struct board *b, struct lease_holder *h)
{
	lease_judge(atomic_load_explicit(&b->hdr->lease, memory_order_acquire), h);
}

/* Take the lease, taking it over from a dead holder, waiting for a live one. */
int
lease_take(const struct board *b, int timeout_ms, uint64_t *mine, struct pzerr *e)
{
	struct board_header *h = b->hdr;
	struct lease_holder who;
	long long deadline = futex_now_ms() + timeout_ms, left;
	uint64_t start, word;
	uint32_t seen;
	char name[32];

	if (b->readonly)
		return pzerr_set(e, EROFS, _("the board is attached read-only"));
	if (proc_start_time(getpid(), &start) != 0)
		return pzerr_set(e, errno, _("cannot read this process's start time "
		    "(/proc/self/stat): %s"), strerror(errno));
	*mine = (uint64_t)(uint32_t)getpid() << 32 | (uint32_t)start;
	for (;;) {
		seen = atomic_load_explicit(&h->lease_wake, memory_order_acquire);
		word = atomic_load_explicit(&h->lease, memory_order_acquire);
		if (word == *mine)
			return pzerr_set(e, EDEADLK, _("this process holds the board's lease already"));
		if (word == 0) {
			if (atomic_compare_exchange_strong_explicit(&h->lease, &word, *mine,
			    memory_order_acq_rel, memory_order_acquire))
				return 0;
			continue;
		}
		lease_judge(word, &who);
		if (!who.alive) {
			/* CAS on the exact word judged: a new holder meanwhile is left alone */
			if (atomic_compare_exchange_strong_explicit(&h->lease, &word, *mine,
			    memory_order_acq_rel, memory_order_acquire))
				return 0;
			continue;
		}
		left = deadline - futex_now_ms();
		if (left <= 0)
			return pzerr_set(e, EBUSY, _("the board is busy: process %d (%s) has held its "
			    "lease for more than %d ms (a load or clear of the whole board under "
			    "way); try again when it is done"), (int)who.pid,
			    proc_name(who.pid, name, sizeof name), timeout_ms);
		futex_wait(&h->lease_wake, seen, left > 50 ? 50 : (int)left);
	}
}

/* Give the lease back and wake its waiters. */
int
lease_give(const struct board *b, uint64_t mine)
{
	struct board_header *h = b->hdr;
	uint64_t word = mine;
	bool ours;

	if (b->readonly)
		return -1;
	ours = atomic_compare_exchange_strong_explicit(&h->lease, &word, 0,
	    memory_order_acq_rel, memory_order_relaxed);
	atomic_fetch_add_explicit(&h->lease_wake, 1, memory_order_release);
	futex_wake(&h->lease_wake);
	return ours ? 0 : -1;
}
