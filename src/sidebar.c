/*
 * sidebar.c - the live shmid_ds, clients and syscall log. A sample keeps each
 * field as the text shown, so a change is a string compare and lights it (an
 * unchanged sample is not formatted again); drawing gives each section the
 * rows it needs, the focused one first (F9), and only changed rows are drawn
 * (sidebarrows.c). Titles and our own words are messages cut in columns; the
 * kernel's field names and the syscall log stay as they are (tracewrap.c).
 */
#include <stdio.h>
#include <string.h>

#include "cell.h"
#include "i18n.h"
#include "notify.h"
#include "proc.h"
#include "screen.h"
#include "sidebar.h"
#include "sidebarline.h"
#include "sidebarrows.h"
#include "tracewrap.h"
#include "utf8.h"

#define SIDEBAR_NAME_W     13
#define SIDEBAR_X          2       /* text starts here, a space after the divider */
#define SIDEBAR_RESCAN_MS  10000   /* at most this long between /proc scans */

enum { SECTION_SEGMENT, SECTION_CLIENTS, SECTION_SYSCALLS, SECTION_COUNT };

/* Attachers without a slot, from every /proc/PID/maps (not cheap: when the
 * counts change, else every SIDEBAR_RESCAN_MS). */
static void
sidebar_scan_others(struct sidebar *sb, const struct session *s, uint64_t now)
{
	unsigned long nattch = s->stat_ok ? (unsigned long)s->stat.ds.shm_nattch : 0;
	pid_t pids[64];
	int i, j, n;

	if (!session_live(s) || !s->stat_ok || nattch == (unsigned long)sb->nclients) {
		sb->nothers = 0;
		sb->scan_nattch = (unsigned long)-1;
		return;
	}
	if (nattch == sb->scan_nattch && sb->nclients == sb->scan_nclients &&
	    now < sb->scan_at + SIDEBAR_RESCAN_MS)
		return;
	sb->scan_nattch = nattch;
	sb->scan_nclients = sb->nclients;
	sb->scan_at = now;
	sb->nothers = 0;
	n = proc_attached(s->seg.shmid, pids, 64);
	for (i = 0; i < n && sb->nothers < SIDEBAR_OTHERS; i++) {
		bool in_slot = false;

		for (j = 0; j < sb->nclients; j++)
			if (sb->clients[j].pid == pids[i])
				in_slot = true;
		if (!in_slot)
			sb->others[sb->nothers++] = pids[i];
	}
}

/* Take the shmid_ds fields as shown; true when one changed or is still lit. */
static bool
sidebar_sample_fields(struct sidebar *sb, const struct session *s, uint64_t now,
		      unsigned tick)
{
	char v[SHMINFO_VALUE_MAX];
	bool first = !sb->had_stat, changed = false;
	int f;

	sb->had_stat = s->stat_ok;
	if (!s->stat_ok) {
		sb->raw_ok = false;
		return false;
	}
	if (!first && sb->raw_ok && now >= sb->lit_until &&
	    memcmp(&sb->raw, &s->stat, sizeof sb->raw) == 0)
		return false;
	sb->raw = s->stat;
	sb->raw_ok = true;
	sb->lit_until = 0;
	for (f = 0; f < SHMINFO_NFIELDS; f++) {
		shminfo_value(&s->stat, (enum shminfo_field)f, false, v, sizeof v);
		if (f == SHMINFO_DEST)
			/* TRANSLATORS: the value of the sidebar's field "dest" (marked
			 * for removal), at most 16 columns */
			snprintf(v, sizeof v, "%s", shminfo_dest(&s->stat) ? _("yes") : _("no"));
		if (strcmp(v, sb->values[f]) != 0) {
			if (!first)
				sb->changed_at[f] = now;
			snprintf(sb->values[f], sizeof sb->values[f], "%s", v);
			changed = true;
		}
		if (sb->changed_at[f] != 0 && now < sb->changed_at[f] + SIDEBAR_HIGHLIGHT_MS + tick) {
			changed = true;
			if (sb->lit_until < sb->changed_at[f] + SIDEBAR_HIGHLIGHT_MS + tick)
				sb->lit_until = sb->changed_at[f] + SIDEBAR_HIGHLIGHT_MS + tick;
		}
	}
	return changed;
}

/* Do two lists of clients look the same? Unshown fields (heartbeat, cursor) do not count. */
static bool
sidebar_same_clients(const struct client_info *a, int na, const struct client_info *b, int nb)
{
	int i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (a[i].slot != b[i].slot || a[i].pid != b[i].pid || a[i].uid != b[i].uid ||
		    a[i].colour != b[i].colour || strcmp(a[i].tty, b[i].tty) != 0)
			return false;
	return true;
}

/* What the segment section says of our own attachment: the futex word, the key. */
static bool
sidebar_sample_ours(struct sidebar *sb, const struct session *s)
{
	uint32_t gen = session_live(s) ? notify_generation(&s->seg.board) : 0;
	bool changed = gen != sb->gen || s->key_now_shmid != sb->key_now;

	sb->gen = gen;
	sb->key_now = s->key_now_shmid;
	return changed;
}

bool
sidebar_relist(const struct sidebar *sb, const struct session *s)
{
	/* the owner and colour words alone: this runs on every remote keystroke */
	if (!session_live(s))
		return sb->nclients != 0;
	return !client_list_same(&s->seg.board, sb->clients, sb->nclients);
}

bool
sidebar_sample(struct sidebar *sb, const struct session *s, bool slow, uint64_t now,
	       unsigned tick)
{
	struct client_info before[BOARD_SLOTS];
	int nbefore = sb->nclients, others = sb->nothers;
	bool changed = sidebar_sample_fields(sb, s, now, tick);

	memcpy(before, sb->clients, (size_t)nbefore * sizeof before[0]);
	sb->nclients = 0;
	if (session_live(s))
		sb->nclients = client_list(&s->seg.board, sb->clients, BOARD_SLOTS);
	if (slow)
		sidebar_scan_others(sb, s, now);
	if (sb->nothers != others || !sidebar_same_clients(before, nbefore, sb->clients, sb->nclients))
		changed = true;
	if (s->opts->log.count != sb->trace_seen) {
		sb->trace_seen = s->opts->log.count;
		changed = true;
	}
	return sidebar_sample_ours(sb, s) || changed;
}

bool
sidebar_next_focus(struct sidebar *sb)
{
	sb->focus = (sb->focus + 1) % SECTION_COUNT;
	return sb->focus == 0;
}

void
sidebar_forget(struct sidebar *sb)
{
	memset(sb->values, 0, sizeof sb->values);
	sb->had_stat = false;
	sb->raw_ok = false;
}

void
sidebar_rescan(struct sidebar *sb)
{
	sb->scan_nattch = (unsigned long)-1;
}

void
sidebar_text(int y, int x, attr_t a, const char *text)
{
	sidebarrows_text(y, x, a, text);
}

void
sidebar_invalidate(struct sidebar *sb)
{
	sidebarrows_invalidate(&sb->rows);
}

/*
 * A section title across the sidebar: a space, the title cut to the
 * width's whole characters (without an ellipsis) and spaces to the end,
 * all measured in columns.
 */
void
sidebar_title(int y, const char *title)
{
	int w = getmaxx(screen_window(SCREEN_SIDEBAR)), cols = 0, k, cw;
	char line[256];
	size_t len = 0, width = w > 1 && w < 128 ? (size_t)w - 1 : 127;
	uint32_t cp;

	line[len++] = ' ';
	while (*title != '\0' && (k = utf8_decode(title, strlen(title), &cp)) > 0) {
		cw = cell_width(cp);
		if ((size_t)(cols + cw) > width - 1 || len + (size_t)k >= sizeof line - width)
			break;
		memcpy(line + len, title, (size_t)k);
		len += (size_t)k;
		title += k;
		cols += cw;
	}
	while ((size_t)cols++ < width - 1)
		line[len++] = ' ';
	line[len] = '\0';
	sidebar_text(y, 1, screen_attr(LOOK_TITLE), line);
}

/* Rows the segment section needs. */
static int
sidebar_segment_rows(const struct session *s)
{
	return 1 + SHMINFO_NFIELDS + 2 + (s->key_now_shmid >= 0) + s->stat_denied +
	    2 * s->logind.removes;
}

/* One "name  value" line of the segment section. */
void
sidebar_field(int y, const char *name, attr_t a, const char *value)
{
	sidebar_text(y, SIDEBAR_X, screen_attr(LOOK_NAME), name);
	sidebar_text(y, SIDEBAR_X + 1 + SIDEBAR_NAME_W, a, value);
}

/*
 * The segment section's own lines after the kernel's fields, from row
 * y + used: where we attached it, logind's removal, another board under
 * the key, the futex word. Returns the rows used in all.
 */
static int
sidebar_segment_ours(const struct session *s, int y, int used, int rows)
{
	char line[160];

	if (used < rows) {
		if (s->attached)
			snprintf(line, sizeof line, "%p %s", s->seg.base, s->readonly ? "ro" : "rw");
		else
			/* TRANSLATORS: the value of "shmat() here", at most 16 columns */
			snprintf(line, sizeof line, "%s", _("(detached)"));
		/* TRANSLATORS: the sidebar's own field names are at most 13 columns
		 * (their values start after them); the kernel's (shm_nattch...) stay */
		sidebar_field(y + used++, _("shmat() here"),
		    screen_attr(s->attached ? LOOK_VALUE : LOOK_WARNING), line);
	}
	if (used + 1 < rows && s->logind.removes) {
		/* the system removes it at the owner's logout: say so where people look */
		char who[32];

		/* TRANSLATORS: a sidebar line, at most 30 columns with the user name
		 * (%s); "logind" and "RemoveIPC=no" stay */
		snprintf(line, sizeof line, _("logind: gone when %s logs out"),
		    shminfo_user(s->logind.owner, who, sizeof who));
		sidebar_text(y + used++, SIDEBAR_X, screen_attr(LOOK_WARNING), line);
		/* TRANSLATORS: a sidebar line, at most 30 columns; "pizarra info" stays */
		sidebar_text(y + used++, SIDEBAR_X, screen_attr(LOOK_WARNING),
		    _("fix: RemoveIPC=no (pizarra info)"));
	}
	if (used < rows && s->key_now_shmid >= 0) {
		/* TRANSLATORS: the value of "key now names": another board's shmid,
		 * at most 16 columns */
		snprintf(line, sizeof line, _("%d (another)"), s->key_now_shmid);
		/* TRANSLATORS: a sidebar field name, at most 13 columns */
		sidebar_field(y + used++, _("key now names"), screen_attr(LOOK_WARNING), line);
	}
	if (used < rows) {
		if (session_live(s))
			/* TRANSLATORS: the futex word's value: its generation count */
			snprintf(line, sizeof line, _("gen %u"), notify_generation(&s->seg.board));
		else
			snprintf(line, sizeof line, "-");
		/* TRANSLATORS: a sidebar field name, at most 13 columns */
		sidebar_field(y + used++, _("futex word"), screen_attr(LOOK_VALUE), line);
	}
	return used;
}

/* Draw the segment section in rows y.. (at most rows). */
static int
sidebar_segment(const struct sidebar *sb, const struct session *s, int y, int rows,
		uint64_t now)
{
	char line[160];
	int f, used = 0;
	attr_t a;

	if (rows <= 0)
		return 0;
	/* TRANSLATORS: the sidebar's section titles are at most 30 columns
	 * (80x24), upper case; what does not fit is cut */
	snprintf(line, sizeof line, _("SEGMENT  shmid %d"), s->seg.shmid);
	sidebar_title(y + used++, line);
	if (s->stat_denied && used < rows)
		sidebar_text(y + used++, SIDEBAR_X, screen_attr(LOOK_WARNING),
		    /* TRANSLATORS: a sidebar line, at most 30 columns */
		    _("IPC_STAT denied; via /proc"));
	for (f = 0; f < SHMINFO_NFIELDS && used < rows; f++, used++) {
		a = screen_attr(LOOK_VALUE);
		if (sb->changed_at[f] && now - sb->changed_at[f] < SIDEBAR_HIGHLIGHT_MS)
			a = screen_attr(LOOK_CHANGED);
		else if (f == SHMINFO_DEST && s->stat_ok && shminfo_dest(&s->stat))
			a = screen_attr(LOOK_WARNING);
		sidebar_field(y + used, shminfo_name((enum shminfo_field)f), a,
		    s->stat_ok ? sb->values[f] : "?");
	}
	return sidebar_segment_ours(s, y, used, rows);
}

/* Rows the clients section needs. */
static int
sidebar_clients_rows(const struct sidebar *sb, const struct session *s)
{
	int rows = 1 + sb->nclients + sb->nothers;

	if (!session_live(s))
		return 2;
	if (s->stat_ok && s->stat.ds.shm_nattch != (shmatt_t)sb->nclients)
		rows++;
	return rows;
}

/* The line that says how the kernel's count and the slots disagree. */
static void
sidebar_mismatch(const struct sidebar *sb, unsigned long nattch, char *line, size_t n)
{
	unsigned long slots = (unsigned long)sb->nclients;

	/* TRANSLATORS: a sidebar line, at most 30 columns: processes attached
	 * (counted by the kernel's shm_nattch) that hold no client slot; the
	 * list of them follows */
	if (nattch > slots)
		snprintf(line, n, P_("%lu attach without a slot:", "%lu attaches without a slot:",
		    nattch - slots), nattch - slots);
	/* TRANSLATORS: a sidebar line, at most 30 columns: client slots whose
	 * process is not attached */
	else
		snprintf(line, n, P_("%lu slot not attached (dead?)", "%lu slots not attached (dead?)",
		    slots - nattch), slots - nattch);
}

/* Draw the clients section. */
static int
sidebar_clients(const struct sidebar *sb, const struct session *s, int y, int rows)
{
	unsigned long nattch = s->stat_ok ? (unsigned long)s->stat.ds.shm_nattch : 0;
	char line[160], name[32];
	int i, used = 0, need = sidebar_clients_rows(sb, s);

	if (rows <= 0)
		return 0;
	/* TRANSLATORS: a section title, at most 30 columns: clients in slots,
	 * and the kernel's attach count (nattch stays) */
	snprintf(line, sizeof line, _("CLIENTS  %d in slots, nattch %lu"), sb->nclients, nattch);
	sidebar_title(y + used++, line);
	if (!session_live(s)) {
		if (used < rows)
			sidebar_text(y + used++, SIDEBAR_X, screen_attr(LOOK_WARNING),
			    /* TRANSLATORS: sidebar lines, at most 30 columns */
			    s->attached ? _("the board is not trusted") : _("detached: slots unreadable"));
		return used;
	}
	if (s->stat_ok && nattch != (unsigned long)sb->nclients && used < rows) {
		/* attachers without a slot are normal (viewers, programs); slots nobody
		 * holds attached are not */
		sidebar_mismatch(sb, nattch, line, sizeof line);
		sidebar_text(y + used++, SIDEBAR_X,
		    screen_attr(nattch > (unsigned long)sb->nclients ? LOOK_NAME : LOOK_WARNING), line);
	}
	for (i = 0; i < sb->nclients && used < rows; i++) {
		const struct client_info *c = &sb->clients[i];
		bool mine = s->have_slot && c->slot == s->me.slot;

		if (used == rows - 1 && need > rows) {
			/* TRANSLATORS: the clients' last line when more do not fit, at
			 * most 30 columns */
			snprintf(line, sizeof line, _("... %d more (F9)"), need - rows + 1);
			sidebar_text(y + used++, SIDEBAR_X, screen_attr(LOOK_NAME), line);
			return used;
		}
		sidebar_text(y + used, SIDEBAR_X, screen_ink(c->colour, false),
		    screen_utf8() ? "\u25CF" : "*");
		sidebarline_client(line, sizeof line, c, mine);
		sidebar_text(y + used++, SIDEBAR_X + 2, screen_attr(mine ? LOOK_VALUE : LOOK_NORMAL),
		    line);
	}
	for (i = 0; i < sb->nothers && used < rows; i++) {
		proc_name(sb->others[i], name, sizeof name);
		/* TRANSLATORS: an attached process without a slot in the sidebar:
		 * pid, program name (cut to 12 bytes), what it is; at most 28 columns
		 * in all, so the name's width may be made smaller for longer words */
		snprintf(line, sizeof line, _("%-7d %-12.12s %s"), (int)sb->others[i], name,
		    sb->others[i] == s->me.pid ? _("you") :
		    /* TRANSLATORS: what an attached process without a slot is */
		    strcmp(name, "pizarra") == 0 ? _("viewer") : _("no slot"));
		sidebar_text(y + used, SIDEBAR_X, screen_attr(LOOK_NAME), screen_utf8() ? "\u25CB" : "o");
		sidebar_text(y + used++, SIDEBAR_X + 2, screen_attr(LOOK_NORMAL), line);
	}
	return used;
}

/* Draw the syscall log, newest first, long calls wrapped between tokens and indented. */
static int
sidebar_syscalls(const struct session *s, int y, int rows, int width)
{
	const struct trace_entry *en;
	char piece[TRACE_TEXT];
	const char *p, *next;
	int used = 0, w, n;
	unsigned i;
	attr_t a;

	if (rows <= 0)
		return 0;
	/* TRANSLATORS: a section title, at most 30 columns at 80x24 (cut
	 * beyond; 40 on wider terminals): this process's system calls, the newest first */
	sidebar_title(y + used++, _("SYSCALLS  this process, newest first"));
	for (i = 0; used < rows && (en = trace_get(&s->opts->log, i)) != NULL; i++) {
		a = screen_attr(en->failed ? LOOK_SYSCALL_FAIL : LOOK_NORMAL);
		for (p = en->text, w = width; *p != '\0' && used < rows; w = width - 2) {
			next = tracewrap_next(p, w, &n);
			snprintf(piece, sizeof piece, "%.*s", n, p);
			sidebar_text(y + used++, w == width ? SIDEBAR_X : SIDEBAR_X + 2, a, piece);
			p = next;
		}
	}
	return used;
}

/* Lay the three sections out in the window's rows (through sidebar_text). */
static void
sidebar_layout(const struct sidebar *sb, const struct session *s, uint64_t now, int width,
	       int height)
{
	int need[SECTION_COUNT], give[SECTION_COUNT], left, y, k, sec;

	need[SECTION_SEGMENT] = sidebar_segment_rows(s);
	need[SECTION_CLIENTS] = sidebar_clients_rows(sb, s);
	need[SECTION_SYSCALLS] = 1 + tracewrap_rows(&s->opts->log, width);
	left = height;
	for (k = 0; k < SECTION_COUNT; k++) {
		sec = (sb->focus + k) % SECTION_COUNT;
		give[sec] = need[sec] < left ? need[sec] : left;
		left -= give[sec];
	}
	y = sidebar_segment(sb, s, 0, give[SECTION_SEGMENT], now);
	y += sidebar_clients(sb, s, y, give[SECTION_CLIENTS]);
	sidebar_syscalls(s, y, give[SECTION_SYSCALLS], width);
}

void
sidebar_draw(struct sidebar *sb, const struct session *s, uint64_t now)
{
	WINDOW *win = screen_window(SCREEN_SIDEBAR);
	int width = getmaxx(win) - SIDEBAR_X, height = getmaxy(win);   /* ERR without one */

	if (win == NULL)
		return;
	sidebarrows_begin(&sb->rows, win);
	sidebar_layout(sb, s, now, width, height);
	if (sidebarrows_end(&sb->rows, win))
		sidebar_layout(sb, s, now, width, height);   /* too much to keep: drawn as it goes */
	wnoutrefresh(win);
}
