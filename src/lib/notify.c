/*
 * notify.c - change notification through the board header's two futex
 * words, generation and presence (see notify.h). The system calls are
 * futex.c's; what this module adds is which word of the header means what,
 * and that a read-only board never stores (a viewer attached SHM_RDONLY
 * would fault on the fetch_add).
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>

#include "futex.h"
#include "notify.h"

/* Sleep on the board's generation and a local word at once. */
int
notify_wait_any(const struct board *b, uint32_t handled, _Atomic uint32_t *local,
		uint32_t local_seen, int timeout_ms)
{
	return futex_wait_two(b != NULL ? &b->hdr->generation : NULL, handled, local,
	    local_seen, timeout_ms);
}

/* Sleep on the board's presence word and a local word at once. */
int
notify_wait_presence(const struct board *b, uint32_t presence_seen, _Atomic uint32_t *local,
		     uint32_t local_seen, int timeout_ms)
{
	return futex_wait_two(&b->hdr->presence, presence_seen, local, local_seen, timeout_ms);
}

/* Add one to a futex word of a writable board and wake its sleepers; how many woke. */
static int
notify_word_bump(const struct board *b, _Atomic uint32_t *word)
{
	if (b->readonly || word == NULL)
		return 0;
	atomic_fetch_add_explicit(word, 1, memory_order_release);
	return futex_wake(word);
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
	if (futex_wait(&b->hdr->generation, handled, timeout_ms) != 0)
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
	futex_wake(&b->hdr->generation);
}
