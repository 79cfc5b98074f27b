/*
 * segpanel.c - the sidebar of top and peek (see segpanel.h). A sample
 * keeps each field as the text it is shown as, so a change is a string
 * compare, as in the board's sidebar; the attaches come from segdata's
 * last scan of /proc/PID/maps, their names from /proc/PID/comm. The
 * field names are the kernel's (not translated); the titles, the words
 * and the counts are (i18n.h). The sidebar is 32 columns at 80x24: a line
 * at 2 has 30, a title 30 (longer is cut with an ellipsis).
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "proc.h"
#include "segpanel.h"
#include "sidebar.h"

void
segpanel_show(struct segpanel *p, int shmid)
{
	if (p->shmid == shmid)
		return;
	memset(p->values, 0, sizeof p->values);
	memset(p->changed_at, 0, sizeof p->changed_at);
	p->shmid = shmid;
	p->gone = false;
	p->natt = 0;
	p->board[0] = '\0';
}

bool
segpanel_note(struct segpanel *p, int i, const char *text)
{
	char was[sizeof p->notes[0]];

	if (i < 0 || i >= SEGPANEL_NOTES)
		return false;
	memcpy(was, p->notes[i], sizeof was);
	snprintf(p->notes[i], sizeof p->notes[i], "%s", text != NULL ? text : "");
	if (text != NULL && text[0] != '\0' && i >= p->nnotes)
		p->nnotes = i + 1;
	return strcmp(was, p->notes[i]) != 0;
}

/* The attaches of row r, as shown. */
static bool
segpanel_attaches(struct segpanel *p, const struct segdata *d, const struct segdata_row *r)
{
	struct segpanel_att was[SEGPANEL_ATTACHES];
	const struct shmmaps_att *att;
	int nwas = p->natt, i;
	size_t n = shmmaps_of(&d->maps, shmlist_shmid(&r->seg), &att);

	memcpy(was, p->att, sizeof was);
	p->natt = 0;
	for (i = 0; i < (int)n && p->natt < SEGPANEL_ATTACHES; i++) {
		struct segpanel_att *a = &p->att[p->natt++];

		memset(a, 0, sizeof *a);
		a->pid = att[i].pid;
		proc_name(att[i].pid, a->name, sizeof a->name);
		a->writable = att[i].writable;
		a->start = att[i].start;
	}
	return nwas != p->natt || memcmp(was, p->att, sizeof was) != 0;
}

bool
segpanel_sample(struct segpanel *p, const struct segdata *d, const struct segdata_row *r,
		uint64_t now)
{
	struct shminfo_stat si;
	char v[SHMINFO_VALUE_MAX], board[64];
	bool first, changed = false;
	int f;

	if (r == NULL) {
		changed = !p->gone;
		p->gone = true;
		return changed;
	}
	first = p->values[SHMINFO_SHMID][0] == '\0';
	p->gone = false;
	shmlist_to_stat(&r->seg, &si);
	for (f = 0; f < SHMINFO_NFIELDS; f++) {
		shminfo_value(&si, (enum shminfo_field)f, false, v, sizeof v);
		if (f == SHMINFO_DEST)
			/* TRANSLATORS: the value of the field dest in top's and peek's sidebar */
			snprintf(v, sizeof v, "%s", shminfo_dest(&si) ? _("yes") :
			    /* TRANSLATORS: the value of the field dest in the sidebar */
			    _("no"));
		if (strcmp(v, p->values[f]) != 0) {
			if (!first)
				p->changed_at[f] = now;
			snprintf(p->values[f], sizeof p->values[f], "%s", v);
			changed = true;
		}
		if (p->changed_at[f] != 0 && now < p->changed_at[f] + SEGDATA_HIGHLIGHT_MS + 250)
			changed = true;
	}
	p->dest = shminfo_dest(&si);
	p->have_rss = d->table.have[SHMLIST_RSS];
	if (p->rss != r->seg.v[SHMLIST_RSS] || p->swap != r->seg.v[SHMLIST_SWAP])
		changed = true;
	p->rss = r->seg.v[SHMLIST_RSS];
	p->swap = r->seg.v[SHMLIST_SWAP];
	p->nattch = (unsigned long)r->seg.v[SHMLIST_NATTCH];
	if (segpanel_attaches(p, d, r))
		changed = true;
	board[0] = '\0';
	if (r->board == LIST_BOARD_YES)
		/* TRANSLATORS: a sidebar line (30 columns at 80x24): the segment is a board of
		   %u columns by %u rows, with %d clients */
		snprintf(board, sizeof board, P_("pizarra board %ux%u, %d client",
		    "pizarra board %ux%u, %d clients", (unsigned long)r->map.nclients), r->map.cols,
		    r->map.rows, r->map.nclients);
	else if (r->board == LIST_BOARD_NO)
		/* TRANSLATORS: a sidebar line (30 columns at 80x24) */
		snprintf(board, sizeof board, "%s", _("not a pizarra board"));
	if (strcmp(board, p->board) != 0) {
		snprintf(p->board, sizeof p->board, "%s", board);
		changed = true;
	}
	return changed;
}

/* The segment's title and its shmid_ds, changed fields lit; the next row. */
static int
segpanel_draw_fields(const struct segpanel *p, int y, int height, uint64_t now)
{
	char line[160], rss[24], swap[24];
	attr_t a;
	int f;

	if (!p->gone)
		/* TRANSLATORS: a sidebar title (30 columns at 80x24 with a 10-digit shmid); the
		   board's sidebar has the same title */
		snprintf(line, sizeof line, _("SEGMENT  shmid %d"), p->shmid);
	else
		/* TRANSLATORS: a sidebar title: the segment was removed (30 columns at 80x24
		   with a 5-digit shmid) */
		snprintf(line, sizeof line, _("SEGMENT  shmid %d (gone)"), p->shmid);
	sidebar_title(y++, line);
	for (f = 0; f < SHMINFO_NFIELDS && y < height; f++, y++) {
		a = screen_attr(LOOK_VALUE);
		if (p->changed_at[f] && now < p->changed_at[f] + SEGDATA_HIGHLIGHT_MS)
			a = screen_attr(LOOK_CHANGED);
		else if (f == SHMINFO_DEST && p->dest)
			a = screen_attr(LOOK_WARNING);
		sidebar_field(y, shminfo_name((enum shminfo_field)f), a,
		    p->gone ? "-" : p->values[f]);
	}
	if (p->have_rss && y < height) {
		/* TRANSLATORS: the segment's memory in the sidebar: resident (rss, as
		   /proc/sysvipc/shm names it) and swapped; at most 16 columns with the sizes */
		snprintf(line, sizeof line, _("%s rss, %s swap"), shmlist_size_human(p->rss, rss,
		    sizeof rss), shmlist_size_human(p->swap, swap, sizeof swap));
		/* TRANSLATORS: a field name of the sidebar, beside the kernel's (shm_segsz...):
		   at most 12 columns */
		sidebar_field(y++, _("memory"), screen_attr(LOOK_VALUE), line);
	}
	return y;
}

/* The attached processes seen, against shm_nattch; the next row. */
static int
segpanel_draw_attached(const struct segpanel *p, int y, int height)
{
	char line[160];
	int i;

	if (y < height) {
		/* TRANSLATORS: a sidebar title (30 columns at 80x24): the processes seen attached
		   (in /proc/PID/maps), then the kernel's count */
		snprintf(line, sizeof line, P_("ATTACHED  %d seen, shm_nattch %lu",
		    "ATTACHED  %d seen, shm_nattch %lu", (unsigned long)p->natt), p->natt, p->nattch);
		sidebar_title(y++, line);
	}
	for (i = 0; i < p->natt && y < height; i++, y++) {
		snprintf(line, sizeof line, "%-7d %-12.12s %s 0x%llx", (int)p->att[i].pid,
		    p->att[i].name, p->att[i].writable ? "rw" : "ro",
		    (unsigned long long)p->att[i].start);
		sidebar_text(y, 2, screen_attr(LOOK_NORMAL), line);
	}
	if (!p->gone && p->nattch > (unsigned long)p->natt && y < height) {
		unsigned long unseen = p->nattch - (unsigned long)p->natt;

		/* TRANSLATORS: a sidebar line (30 columns at 80x24, longer is cut): attaches
		   shm_nattch counts that no /proc/PID/maps we may read shows */
		snprintf(line, sizeof line, P_("%lu attach not seen (another user's processes)",
		    "%lu attaches not seen (another user's processes)", unseen), unseen);
		sidebar_text(y++, 2, screen_attr(LOOK_WARNING), line);
	}
	return y;
}

void
segpanel_draw(const struct segpanel *p, uint64_t now)
{
	WINDOW *win = screen_window(SCREEN_SIDEBAR);
	int y = 0, height, i;

	if (win == NULL)
		return;
	height = getmaxy(win);
	werase(win);
	wattrset(win, screen_attr(LOOK_OUTSIDE));
	mvwvline(win, 0, 0, ACS_VLINE, height);
	wattrset(win, A_NORMAL);
	if (p->shmid < 0) {
		/* TRANSLATORS: a sidebar title (30 columns at 80x24) */
		sidebar_title(y++, _("SEGMENT  none selected"));
		wnoutrefresh(win);
		return;
	}
	y = segpanel_draw_fields(p, y, height, now);
	if (p->board[0] != '\0' && y < height)
		sidebar_text(y++, 2, screen_attr(LOOK_NAME), p->board);
	y = segpanel_draw_attached(p, y, height);
	for (i = 0; i < p->nnotes && y < height; i++)
		if (p->notes[i][0] != '\0')
			sidebar_text(y++, 2, screen_attr(LOOK_NAME), p->notes[i]);
	wnoutrefresh(win);
}
