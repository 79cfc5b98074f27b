/*
 * client.c - the client registry in the board header: claiming, releasing
 * and refreshing slots, reaping the slots of dead clients, and listing the
 * live ones with every field sanitised (protocol in client.h). What a pid,
 * a start time or a PID namespace says about a process is proc.c's; this
 * file decides what that means for a slot.
 */
#include <errno.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "cell.h"
#include "client.h"
#include "notify.h"
#include "proc.h"

#define CLIENT_READY    0x80000000ull
#define CLIENT_PID_MASK 0x7FFFFFFFull

/* Colours handed out automatically, most distinct first. */
static const unsigned client_palette[] = { 10, 14, 11, 13, 9, 12, 2, 6, 3, 5, 1, 4, 15, 7, 8 };

/* CLOCK_BOOTTIME in milliseconds. */
uint64_t
client_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_BOOTTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* Fill me with this process's identity. */
int
client_self(struct client_info *me, struct pzerr *e)
{
	memset(me, 0, sizeof *me);
	me->slot = -1;
	me->pid = getpid();
	if (proc_start_time(me->pid, &me->start) != 0)
		return pzerr_set(e, errno, "/proc/%d/stat: %s", (int)me->pid, strerror(errno));
	me->pidns = proc_pidns(0);
	me->uid = getuid();
	proc_tty(STDIN_FILENO, me->tty, sizeof me->tty);
	return 0;
}

/* The attr bits and the reserved word that carry a selection (client.h). */
#define CLIENT_SEL_ON  0x10u

static void
client_sel_pack(const struct client_sel *sel, uint32_t *attr, uint32_t *word)
{
	uint32_t w, h;

	*word = 0;
	if (!sel->on || sel->c1 < sel->c0 || sel->r1 < sel->r0)
		return;
	w = sel->c1 - sel->c0 < CLIENT_SEL_MAX ? sel->c1 - sel->c0 : CLIENT_SEL_MAX - 1;
	h = sel->r1 - sel->r0 < CLIENT_SEL_MAX ? sel->r1 - sel->r0 : CLIENT_SEL_MAX - 1;
	*attr |= CLIENT_SEL_ON | (w & 0xFF) << 16 | (h & 0xFF) << 24;
	*word = (sel->c0 & 0x3FFF) | (w >> 8 & 3) << 14 | (sel->r0 & 0x3FFF) << 16 |
	    (h >> 8 & 3) << 30;
}

/* A selection read from a slot, bounded by the board: cut at its edges, none off it. */
static void
client_sel_unpack(const struct board *b, uint32_t attr, uint32_t word, struct client_sel *sel)
{
	uint32_t w = (word >> 14 & 3) << 8 | (attr >> 16 & 0xFF);
	uint32_t h = (word >> 30 & 3) << 8 | (attr >> 24 & 0xFF);

	memset(sel, 0, sizeof *sel);
	sel->c0 = word & 0x3FFF;
	sel->r0 = word >> 16 & 0x3FFF;
	if (!(attr & CLIENT_SEL_ON) || sel->c0 >= b->cols || sel->r0 >= b->rows) {
		sel->c0 = sel->r0 = 0;
		return;
	}
	sel->on = true;
	sel->c1 = b->cols - 1 - sel->c0 < w ? b->cols - 1 : sel->c0 + w;
	sel->r1 = b->rows - 1 - sel->r0 < h ? b->rows - 1 : sel->r0 + h;
}

/* Copy slot i into c, sanitised; false (c untouched) when the slot is free or not ready. */
static bool
client_read_slot(const struct board *b, int i, struct client_info *c)
{
	struct board_slot *s = &b->hdr->slots[i];
	uint64_t owner = atomic_load_explicit(&s->owner, memory_order_acquire);
	uint32_t cursor, attr, word;
	int k, j, n = 0;

	if (owner == 0 || !(owner & CLIENT_READY) || (pid_t)(owner & CLIENT_PID_MASK) <= 0)
		return false;
	memset(c, 0, sizeof *c);
	c->slot = i;
	c->owner = owner;
	c->pid = (pid_t)(owner & CLIENT_PID_MASK);
	c->start = atomic_load_explicit(&s->start, memory_order_relaxed);
	c->heartbeat = atomic_load_explicit(&s->heartbeat, memory_order_relaxed);
	c->pidns = atomic_load_explicit(&s->pidns, memory_order_relaxed);
	c->uid = atomic_load_explicit(&s->uid, memory_order_relaxed);
	cursor = atomic_load_explicit(&s->cursor, memory_order_relaxed);
	attr = atomic_load_explicit(&s->attr, memory_order_relaxed);
	c->colour = attr & 0xF;
	if (c->colour == 0)
		c->colour = 7;
	c->tool = (attr >> 8) & 0xFF;
	c->col = cursor & 0xFFFF;
	c->row = cursor >> 16;
	if (c->col >= b->cols)
		c->col = b->cols - 1;
	if (c->row >= b->rows)
		c->row = b->rows - 1;
	client_sel_unpack(b, attr, atomic_load_explicit(&s->reserved, memory_order_relaxed),
	    &c->sel);
	for (k = 0; k < 4 && n < CLIENT_TTY_MAX; k++) {
		word = atomic_load_explicit(&s->tty[k], memory_order_relaxed);
		for (j = 0; j < 4; j++) {
			unsigned char ch = (unsigned char)(word >> (8 * j));

			if (ch == 0)
				goto done;
			c->tty[n++] = (ch > 0x20 && ch < 0x7F) ? (char)ch : '?';
		}
	}
done:
	c->tty[n] = '\0';
	return true;
}

/* Is the process behind c alive? */
bool
client_alive(const struct client_info *c, uint64_t now_ms)
{
	static uint64_t my_ns;

	if (c->pid <= 0)
		return false;
	if (my_ns == 0)
		my_ns = proc_pidns(0);
	/* in another PID namespace its pid means nothing here: judge by heartbeat */
	if (c->pidns == 0 || c->pidns != my_ns)
		return c->heartbeat + CLIENT_STALE_MS >= now_ms &&
		    c->heartbeat <= now_ms + CLIENT_STALE_MS;
	return proc_alive(c->pid, c->start);
}

/* Is the claim in slot s (owner word seen, not ready) abandoned? */
static bool
client_claim_abandoned(struct board_slot *s, uint64_t owner, uint64_t now_ms)
{
	pid_t pid = (pid_t)(owner & CLIENT_PID_MASK);
	uint64_t hb = atomic_load_explicit(&s->heartbeat, memory_order_relaxed);

	if (pid <= 0 || !proc_exists(pid))
		return true;
	return hb + CLIENT_STALE_MS < now_ms || hb > now_ms + CLIENT_STALE_MS;
}

/* Free the slots of dead clients; with seen, trusting a heartbeat that moved since seen. */
static int
client_reap_with(const struct board *b, struct client_seen *seen)
{
	uint64_t now = client_now_ms(), owner, hb;
	struct client_info c;
	int i, reaped = 0;
	bool dead;

	if (b->readonly)
		return 0;
	for (i = 0; i < BOARD_SLOTS; i++) {
		struct board_slot *s = &b->hdr->slots[i];

		owner = atomic_load_explicit(&s->owner, memory_order_acquire);
		hb = atomic_load_explicit(&s->heartbeat, memory_order_relaxed);
		if (owner == 0)
			dead = false;
		else if (client_read_slot(b, i, &c))
			dead = !(seen != NULL && seen->owner[i] == owner && seen->heartbeat[i] != hb) &&
			    !client_alive(&c, now);
		else
			dead = client_claim_abandoned(s, owner, now);
		if (dead && atomic_compare_exchange_strong(&s->owner, &owner, 0))
			reaped++;
		if (seen != NULL) {
			seen->owner[i] = dead ? 0 : owner;
			seen->heartbeat[i] = hb;
		}
	}
	if (reaped > 0)
		notify_bump(b);
	return reaped;
}

int
client_reap(const struct board *b)
{
	return client_reap_with(b, NULL);
}

int
client_reap_seen(const struct board *b, struct client_seen *seen)
{
	return client_reap_with(b, seen);
}

/* Pick the first palette colour no live client uses. */
static unsigned
client_pick_colour(const struct board *b)
{
	bool used[CELL_COLOURS] = { false };
	struct client_info c;
	size_t k;
	int i;

	for (i = 0; i < BOARD_SLOTS; i++)
		if (client_read_slot(b, i, &c))
			used[c.colour] = true;
	for (k = 0; k < sizeof client_palette / sizeof client_palette[0]; k++)
		if (!used[client_palette[k]])
			return client_palette[k];
	return client_palette[0];
}

/* Store the fields of me into slot s. */
static void
client_fill(struct board_slot *s, const struct client_info *me)
{
	unsigned char tty[CLIENT_TTY_MAX] = { 0 };
	int k;

	memcpy(tty, me->tty, strnlen(me->tty, sizeof tty));
	atomic_store_explicit(&s->heartbeat, client_now_ms(), memory_order_relaxed);
	atomic_store_explicit(&s->start, me->start, memory_order_relaxed);
	atomic_store_explicit(&s->pidns, me->pidns, memory_order_relaxed);
	atomic_store_explicit(&s->uid, (uint32_t)me->uid, memory_order_relaxed);
	atomic_store_explicit(&s->cursor, me->col | me->row << 16, memory_order_relaxed);
	atomic_store_explicit(&s->attr, (me->colour & 0xF) | (me->tool & 0xFF) << 8,
	    memory_order_relaxed);
	atomic_store_explicit(&s->reserved, 0, memory_order_relaxed);   /* no selection yet */
	for (k = 0; k < 4; k++)
		atomic_store_explicit(&s->tty[k], (uint32_t)tty[4 * k] |
		    (uint32_t)tty[4 * k + 1] << 8 | (uint32_t)tty[4 * k + 2] << 16 |
		    (uint32_t)tty[4 * k + 3] << 24, memory_order_relaxed);
}

/* Claim a free slot for me. */
int
client_claim(const struct board *b, struct client_info *me, struct pzerr *e)
{
	uint64_t owner, zero, tag;
	int i;

	if (b->readonly)
		return pzerr_set(e, EROFS, _("a read-only viewer holds no slot"));
	if (me->pid <= 0 || (uint64_t)me->pid > CLIENT_PID_MASK)
		return pzerr_set(e, EINVAL, _("bad pid %d"), (int)me->pid);
	client_reap(b);
	if (me->colour == 0 || me->colour >= CELL_COLOURS)
		me->colour = client_pick_colour(b);
	for (i = 0; i < BOARD_SLOTS; i++) {
		struct board_slot *s = &b->hdr->slots[i];

		if (atomic_load_explicit(&s->owner, memory_order_relaxed) != 0)
			continue;
		/* a fresh heartbeat before the owner word: between the two stores
		 * below, another client's reaper must not take our claim for an
		 * abandoned one because of the heartbeat the slot had before */
		atomic_store_explicit(&s->heartbeat, client_now_ms(), memory_order_relaxed);
		tag = (uint64_t)atomic_fetch_add(&b->hdr->slot_tag, 1) + 1;
		owner = tag << 32 | (uint64_t)me->pid;
		zero = 0;
		if (!atomic_compare_exchange_strong(&s->owner, &zero, owner))
			continue;
		if (me->col >= b->cols)
			me->col = 0;
		if (me->row >= b->rows)
			me->row = 0;
		client_fill(s, me);
		if (!atomic_compare_exchange_strong(&s->owner, &owner, owner | CLIENT_READY))
			continue;
		me->slot = i;
		me->owner = owner | CLIENT_READY;
		notify_bump(b);
		return 0;
	}
	return pzerr_set(e, EAGAIN, _("all %d client slots are taken by live clients"),
	    BOARD_SLOTS);
}

/* Free our slot if it is still ours. */
void
client_release(const struct board *b, const struct client_info *me)
{
	uint64_t owner = me->owner;

	if (me->slot < 0 || me->slot >= BOARD_SLOTS || b->readonly)
		return;
	if (atomic_compare_exchange_strong(&b->hdr->slots[me->slot].owner, &owner, 0))
		notify_bump(b);
}

/* Refresh our heartbeat; -1 when the slot is not ours any more. */
int
client_heartbeat(const struct board *b, const struct client_info *me)
{
	struct board_slot *s;

	if (me->slot < 0 || me->slot >= BOARD_SLOTS || b->readonly)
		return -1;
	s = &b->hdr->slots[me->slot];
	if (atomic_load_explicit(&s->owner, memory_order_acquire) != me->owner)
		return -1;
	atomic_store_explicit(&s->heartbeat, client_now_ms(), memory_order_relaxed);
	return 0;
}

/* Publish cursor, colour, tool and selection; true when anything changed. */
bool
client_update(const struct board *b, const struct client_info *me)
{
	struct board_slot *s;
	uint32_t cursor, attr, word;
	bool changed;

	if (me->slot < 0 || me->slot >= BOARD_SLOTS || b->readonly)
		return false;
	s = &b->hdr->slots[me->slot];
	cursor = me->col | me->row << 16;
	attr = (me->colour & 0xF) | (me->tool & 0xFF) << 8;
	client_sel_pack(&me->sel, &attr, &word);
	changed = atomic_exchange_explicit(&s->cursor, cursor, memory_order_relaxed) != cursor;
	if (atomic_exchange_explicit(&s->reserved, word, memory_order_relaxed) != word)
		changed = true;
	if (atomic_exchange_explicit(&s->attr, attr, memory_order_relaxed) != attr)
		changed = true;
	return changed;
}

/*
 * Walk the slots as client_list does (a ready owner word with a pid) and
 * the list alongside: any slot listed or not listed, or listed with
 * another owner or colour (as client_read_slot makes it), differs.
 */
bool
client_list_same(const struct board *b, const struct client_info *list, int n)
{
	uint64_t owner;
	unsigned colour;
	int i, k = 0;

	for (i = 0; i < BOARD_SLOTS; i++) {
		struct board_slot *s = &b->hdr->slots[i];

		owner = atomic_load_explicit(&s->owner, memory_order_acquire);
		if (owner == 0 || !(owner & CLIENT_READY) || (pid_t)(owner & CLIENT_PID_MASK) <= 0)
			continue;
		if (k >= n || list[k].slot != i || list[k].owner != owner)
			return false;
		colour = atomic_load_explicit(&s->attr, memory_order_relaxed) & 0xF;
		if ((colour == 0 ? 7 : colour) != list[k].colour)
			return false;
		k++;
	}
	return k == n;
}

/* List the live-looking slots, sanitised. */
int
client_list(const struct board *b, struct client_info *out, int max)
{
	int i, n = 0;

	for (i = 0; i < BOARD_SLOTS && n < max; i++)
		if (client_read_slot(b, i, &out[n]))
			n++;
	return n;
}
