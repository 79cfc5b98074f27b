/*
 * segdata.c - the live table of segments (see segdata.h). Each sample
 * reads /proc/sysvipc/shm, keeps the rows that pass the filter, sorted by
 * shmid, and walks the old and new rows side by side: a shmid only in the
 * new is an arrival, only in the old a removal, in both a comparison field
 * by field. The maps of every process are read again only when a count
 * moved (at most every SEGDATA_SCAN_MIN_MS) or after SEGDATA_SCAN_MAX_MS,
 * because that scan reads a file per process while the table is one read.
 */
#include <stdlib.h>
#include <string.h>

#include "segdata.h"

void
segdata_init(struct segdata *d, const struct cli_opts *filter, int only)
{
	memset(d, 0, sizeof *d);
	d->filter = filter;
	d->only = only;
	d->gone_shmid = -1;
	shmlist_init(&d->table);
	shmmaps_init(&d->maps);
}

void
segdata_free(struct segdata *d)
{
	shmlist_free(&d->table);
	shmmaps_free(&d->maps);
	free(d->rows);
	d->rows = NULL;
	d->n = d->cap = 0;
}

/*
 * Keep only the rows of the filter; sort by shmid. A segment that passed
 * it stays while it lives: one removed (IPC_RMID) loses its key, and is
 * still shown, as dest, until its last detach.
 */
static void
segdata_keep(struct segdata *d, struct shmlist *l)
{
	size_t i, k = 0;

	d->total = l->n;
	for (i = 0; i < l->n; i++) {
		if (d->only >= 0 && shmlist_shmid(&l->seg[i]) != d->only)
			continue;
		if (d->filter != NULL && !list_match(d->filter, &l->seg[i]) &&
		    segdata_find(d, shmlist_shmid(&l->seg[i])) == NULL)
			continue;
		l->seg[k++] = l->seg[i];
	}
	l->n = k;
	shmlist_sort(l, SHMLIST_SHMID, false);
}

/* Look at the attaches again, and through them at which rows are boards. */
static void
segdata_scan(struct segdata *d, uint64_t now)
{
	const struct shmmaps_att *att;
	struct list_row lr;
	size_t i, natt;

	if (shmmaps_scan(&d->maps, NULL, NULL) != 0)
		d->maps.n = 0;
	d->scanned_at = now;
	d->scan_due = false;
	for (i = 0; i < d->n; i++) {
		natt = shmmaps_of(&d->maps, shmlist_shmid(&d->rows[i].seg), &att);
		/* what was learnt stays when no attacher can tell us more now */
		if (natt == 0 && d->rows[i].board != LIST_BOARD_UNKNOWN)
			continue;
		list_board_of(&lr, &d->rows[i].seg, att, natt);
		if (lr.board != LIST_BOARD_UNKNOWN || d->rows[i].board == LIST_BOARD_UNKNOWN) {
			d->rows[i].board = lr.board;
			d->rows[i].map = lr.map;
		}
	}
}

/* Row k keeps what row old knew (highlights, board), and lights the fields that changed. */
static unsigned
segdata_carry(struct segdata *d, struct segdata_row *k, const struct segdata_row *old,
    uint64_t now)
{
	unsigned diff = shmlist_differs(&old->seg, &k->seg);
	int f;

	memcpy(k->changed_at, old->changed_at, sizeof k->changed_at);
	k->added_at = old->added_at;
	k->board = old->board;
	k->map = old->map;
	for (f = 0; f < SHMLIST_NFIELDS; f++)
		if (diff & (1u << f))
			k->changed_at[f] = now;
	if (diff & (1u << SHMLIST_NATTCH))
		d->scan_due = true;
	return diff != 0 ? SEGDATA_CHANGED : 0;
}

/*
 * Merge the old rows with the fresh sample into rows (both sorted by
 * shmid): a shmid in both carries over, one only in the old rows went
 * away, one only in the fresh sample is new. Returns the rows kept.
 */
static size_t
segdata_merge(struct segdata *d, const struct shmlist *fresh, struct segdata_row *rows,
    uint64_t now, unsigned *bits)
{
	const struct segdata_row *old = d->rows;
	size_t i = 0, j = 0, k = 0;
	int a, b;

	while (i < d->n || j < fresh->n) {
		a = i < d->n ? shmlist_shmid(&old[i].seg) : -1;
		b = j < fresh->n ? shmlist_shmid(&fresh->seg[j]) : -1;
		if (j >= fresh->n || (i < d->n && a < b)) {
			d->removed++;
			d->gone_shmid = a;
			i++;
			continue;
		}
		rows[k].seg = fresh->seg[j];
		if (i < d->n && a == b) {
			*bits |= segdata_carry(d, &rows[k], &old[i], now);
			i++;
		} else {
			rows[k].added_at = d->sampled ? now : 0;
			rows[k].board = LIST_BOARD_UNKNOWN;
			d->added++;
			d->scan_due = true;
		}
		j++;
		k++;
	}
	return k;
}

/*
 * The next sample: soon while things change, slower as they stay quiet,
 * once a second after SEGDATA_QUIET_MS without a change.
 */
static void
segdata_pace(struct segdata *d, uint64_t now, unsigned bits)
{
	bool changed = bits & (SEGDATA_CHANGED | SEGDATA_ADDED | SEGDATA_REMOVED);

	if (changed || !d->sampled)
		d->changed_at = now;
	d->quiet = changed ? 0 : d->quiet + 1;
	d->next_at = now + (segdata_idle(d, now) ? SEGDATA_IDLE_MS : d->quiet >= 4 ?
	    SEGDATA_SLOW_MS : d->quiet >= 2 ? (SEGDATA_FAST_MS + SEGDATA_SLOW_MS) / 2 :
	    SEGDATA_FAST_MS);
	/* a scan that is due but was too soon: come back when it may run */
	if (d->scan_due && d->scanned_at + SEGDATA_SCAN_MIN_MS < d->next_at)
		d->next_at = d->scanned_at + SEGDATA_SCAN_MIN_MS;
}

unsigned
segdata_sample(struct segdata *d, uint64_t now, struct pzerr *e)
{
	struct segdata_row *rows;
	struct shmlist fresh;
	unsigned bits = 0;
	size_t k;

	shmlist_init(&fresh);
	if (shmlist_read(&fresh, NULL, e) != 0) {
		shmlist_free(&fresh);
		d->next_at = now + SEGDATA_SLOW_MS;
		return SEGDATA_FAILED;
	}
	segdata_keep(d, &fresh);
	rows = calloc(fresh.n ? fresh.n : 1, sizeof *rows);
	if (rows == NULL) {
		shmlist_free(&fresh);
		d->next_at = now + SEGDATA_SLOW_MS;
		return SEGDATA_FAILED;
	}
	d->added = d->removed = 0;
	d->gone_shmid = -1;
	k = segdata_merge(d, &fresh, rows, now, &bits);
	free(d->rows);
	shmlist_free(&d->table);
	d->table = fresh;
	d->rows = rows;
	d->n = k;
	d->cap = fresh.n;
	if (d->added)
		bits |= SEGDATA_ADDED;
	if (d->removed)
		bits |= SEGDATA_REMOVED;
	if (!d->sampled || (d->scan_due && now >= d->scanned_at + SEGDATA_SCAN_MIN_MS) ||
	    now >= d->scanned_at + SEGDATA_SCAN_MAX_MS) {
		segdata_scan(d, now);
		bits |= SEGDATA_SCANNED;
	}
	d->sampled = true;
	segdata_pace(d, now, bits);
	return bits;
}

uint64_t
segdata_next(const struct segdata *d)
{
	return d->next_at;
}

void
segdata_hurry(struct segdata *d, uint64_t now)
{
	segdata_awake(d, now);
	d->scan_due = true;
}

void
segdata_awake(struct segdata *d, uint64_t now)
{
	d->quiet = 0;
	d->changed_at = now;
	if (d->next_at > now + SEGDATA_FAST_MS)
		d->next_at = now + SEGDATA_FAST_MS;
}

bool
segdata_idle(const struct segdata *d, uint64_t now)
{
	return now >= d->changed_at + SEGDATA_QUIET_MS;
}

const struct segdata_row *
segdata_find(const struct segdata *d, int shmid)
{
	size_t lo = 0, hi = d->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int id = shmlist_shmid(&d->rows[mid].seg);

		if (id == shmid)
			return &d->rows[mid];
		if (id < shmid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void
segdata_list_row(const struct segdata *d, const struct segdata_row *r, struct list_row *out)
{
	memset(out, 0, sizeof *out);
	out->seg = &r->seg;
	out->natt = shmmaps_of(&d->maps, shmlist_shmid(&r->seg), &out->att);
	out->board = r->board;
	out->map = r->map;
}

bool
segdata_lit(const struct segdata_row *r, uint64_t now)
{
	int f;

	if (r->added_at != 0 && now < r->added_at + SEGDATA_HIGHLIGHT_MS)
		return true;
	for (f = 0; f < SHMLIST_NFIELDS; f++)
		if (r->changed_at[f] != 0 && now < r->changed_at[f] + SEGDATA_HIGHLIGHT_MS)
			return true;
	return false;
}

uint64_t
segdata_lit_until(const struct segdata *d, uint64_t now)
{
	uint64_t until = 0, t;
	size_t i;
	int f;

	for (i = 0; i < d->n; i++) {
		t = d->rows[i].added_at + SEGDATA_HIGHLIGHT_MS;
		if (d->rows[i].added_at != 0 && t > now && (until == 0 || t < until))
			until = t;
		for (f = 0; f < SHMLIST_NFIELDS; f++) {
			t = d->rows[i].changed_at[f] + SEGDATA_HIGHLIGHT_MS;
			if (d->rows[i].changed_at[f] != 0 && t > now && (until == 0 || t < until))
				until = t;
		}
	}
	return until;
}
