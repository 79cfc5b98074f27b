/*
 * peeklook.c - the pace of pizarra peek's looks at the bytes and what the
 * segment is (see peeklook.h); it owns struct peeklook. No curses: peek.c
 * gives the view's size and draws.
 */
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "peeklook.h"

void
peeklook_hurry(struct peeklook *l, uint64_t now)
{
	l->interval = PEEK_FAST_MS;
	l->next = 0;
	l->changed_at = now;
}

bool
peeklook_idle(const struct peeklook *l, uint64_t now)
{
	return now >= l->changed_at + PEEK_QUIET_MS;
}

bool
peeklook_look(struct peeklook *l, struct hexview *v, const struct shmpeek *seg, int w, int rows,
	      uint64_t now)
{
	bool changed;

	if (w < 0) {
		l->next = now + (peeklook_idle(l, now) ? PEEK_IDLE_MS : PEEK_SLOW_MS);
		return false;
	}
	changed = hexview_update(v, seg, w, rows, now);
	if (v->changed_bytes > 0) {
		l->interval = PEEK_FAST_MS;
		l->changed_at = now;
	} else if (peeklook_idle(l, now))
		l->interval = PEEK_IDLE_MS;   /* woken with segdata's sample: peek.c */
	else if (l->interval < PEEK_SLOW_MS)
		l->interval = l->interval * 2 > PEEK_SLOW_MS ? PEEK_SLOW_MS : l->interval * 2;
	l->next = now + l->interval;
	return changed;
}

bool
peeklook_unlit(struct peeklook *l, const struct hexview *v, uint64_t now)
{
	uint64_t at = hexview_lit_until(v);

	if (at == 0 || now < at || at == l->unlit)
		return false;
	l->unlit = at;
	return true;
}

void
peeklook_recognise(struct peeklook *l, const struct shmpeek *seg)
{
	size_t need = sizeof(struct board_header);
	unsigned char *hdr;

	l->board = false;
	if (seg->size < need || (hdr = malloc(need)) == NULL)
		return;
	if (shmpeek_copy(seg, 0, hdr, need) == need &&
	    boardmap_recognise(hdr, need, seg->size, &l->names, NULL) == 0)
		l->board = true;
	free(hdr);
}

void
peeklook_note(const struct peeklook *l, char *out, size_t n)
{
	if (l->interval == PEEK_IDLE_MS)
		/* TRANSLATORS: a sidebar line of peek (30 columns at 80x24): nothing changed for
		   10 s, so peek reads the bytes once a second */
		snprintf(out, n, "%s", _("looks every second (idle)"));
	else
		/* TRANSLATORS: a sidebar line of peek (30 columns at 80x24): how often peek reads
		   the bytes now, and its fastest and slowest pace */
		snprintf(out, n, _("looks every %u ms (%u..%u)"), l->interval, PEEK_FAST_MS, PEEK_SLOW_MS);
}

uint64_t
peeklook_wake_at(const struct peeklook *l, const struct hexview *v, uint64_t sample_at,
		 uint64_t until, uint64_t now)
{
	uint64_t at = l->next, lit = hexview_lit_until(v);

	if (sample_at < at)
		at = sample_at;
	if (lit > now && lit < at)
		at = lit;
	if (until > now && until < at)
		at = until;
	return at;
}
