/*
 * sidebar.c - the segment, live: every shmid_ds field under its kernel
 * name (sampled with IPC_STAT four times a second, a changed value lit up
 * for a moment), this process's attach address, the clients in the board's
 * slots against the kernel's shm_nattch (naming attachers that hold no
 * slot), and the log of system calls this process made on the segment.
 * Sampling (sidebar_sample) is kept apart from drawing (sidebar_draw).
 */
#include <stdio.h>
#include <string.h>

#include "notify.h"
#include "proc.h"
#include "ui.h"

#define SIDEBAR_NAME_W     13
#define SIDEBAR_RESCAN_MS  10000   /* at most this long between /proc scans */

enum { SECTION_SEGMENT, SECTION_CLIENTS, SECTION_SYSCALLS, SECTION_COUNT };

/*
 * Find the attached processes that hold no slot (viewers, other programs).
 * Reading every /proc/PID/maps is not cheap: it is done when the counts
 * change, and otherwise every SIDEBAR_RESCAN_MS.
 */
static void
sidebar_scan_others(struct ui *ui, uint64_t now)
{
	unsigned long nattch = ui->stat_ok ? (unsigned long)ui->stat.ds.shm_nattch : 0;
	pid_t pids[64];
	int i, j, n;

	if (!ui->attached || ui->distrust || !ui->stat_ok || nattch == (unsigned long)ui->nclients) {
		ui->nothers = 0;
		ui->scan_nattch = (unsigned long)-1;
		return;
	}
	if (nattch == ui->scan_nattch && ui->nclients == ui->scan_nclients &&
	    now < ui->scan_at + SIDEBAR_RESCAN_MS)
		return;
	ui->scan_nattch = nattch;
	ui->scan_nclients = ui->nclients;
	ui->scan_at = now;
	ui->nothers = 0;
	n = proc_attached(ui->seg.shmid, pids, 64);
	for (i = 0; i < n && ui->nothers < (int)(sizeof ui->others / sizeof ui->others[0]); i++) {
		bool in_slot = false;

		for (j = 0; j < ui->nclients; j++)
			if (ui->clients[j].pid == pids[i])
				in_slot = true;
		if (!in_slot)
			ui->others[ui->nothers++] = pids[i];
	}
}

/*
 * Take a new sample of the segment's status and clients. Returns true when
 * the sidebar would look different (a value, a highlight, the clients).
 */
bool
sidebar_sample(struct ui *ui, bool slow)
{
	struct client_info before[BOARD_SLOTS];
	char v[SHMINFO_VALUE_MAX];
	uint64_t now = ui_now_ms();
	bool first = !ui->stat_ok, changed = false;
	int f, nbefore = ui->nclients, others = ui->nothers;
	struct pzerr e;

	ui->stat.shmid = ui->seg.shmid;
	ui->stat_ok = segment_stat(ui->seg.shmid, &ui->stat.ds, NULL, &e) == 0;
	if (ui->stat_ok) {
		for (f = 0; f < SHMINFO_NFIELDS; f++) {
			shminfo_value(&ui->stat, (enum shminfo_field)f, false, v, sizeof v);
			if (f == SHMINFO_DEST)
				snprintf(v, sizeof v, "%s", shminfo_dest(&ui->stat) ? "yes" : "no");
			if (strcmp(v, ui->values[f]) != 0) {
				if (!first)
					ui->changed_at[f] = now;
				snprintf(ui->values[f], sizeof ui->values[f], "%s", v);
				changed = true;
			}
			if (ui->changed_at[f] != 0 && now < ui->changed_at[f] + UI_HIGHLIGHT_MS + UI_TICK_MS)
				changed = true;
		}
	}
	memcpy(before, ui->clients, (size_t)nbefore * sizeof before[0]);
	ui->nclients = 0;
	if (ui->attached && !ui->distrust)
		ui->nclients = client_list(&ui->seg.board, ui->clients, BOARD_SLOTS);
	if (slow)
		sidebar_scan_others(ui, now);
	if (ui->nclients != nbefore || ui->nothers != others ||
	    memcmp(before, ui->clients, (size_t)nbefore * sizeof before[0]) != 0)
		changed = true;
	if (ui->opts->log.count != ui->trace_seen) {
		ui->trace_seen = ui->opts->log.count;
		changed = true;
	}
	return changed;
}

/* Write text at (y, x) clipped to the sidebar's width. */
static void
sidebar_text(struct ui *ui, int y, int x, attr_t a, const char *text)
{
	int room = ui->sidebar_w - x;

	if (room <= 0)
		return;
	wattrset(ui->sidebar, a);
	mvwaddnstr(ui->sidebar, y, x, text, room);
	wattrset(ui->sidebar, A_NORMAL);
}

/* A section title across the sidebar. */
static void
sidebar_title(struct ui *ui, int y, const char *title)
{
	char line[128];
	size_t len, width = ui->sidebar_w > 1 && ui->sidebar_w < (int)sizeof line ?
	    (size_t)ui->sidebar_w - 1 : sizeof line - 1;

	line[0] = ' ';
	len = strlen(title);
	if (len > width - 1)
		len = width - 1;
	memcpy(line + 1, title, len);
	memset(line + 1 + len, ' ', width - 1 - len);
	line[width] = '\0';
	sidebar_text(ui, y, 1, screen_attr(ui, UC_TITLE), line);
}

/* Rows the segment section needs. */
static int
sidebar_segment_rows(const struct ui *ui)
{
	return 1 + SHMINFO_NFIELDS + 2 + (ui->key_now_shmid >= 0);
}

/* Draw the segment section in rows y.. (at most rows). */
static int
sidebar_segment(struct ui *ui, int y, int rows)
{
	uint64_t now = ui_now_ms();
	char line[160];
	int f, used = 0;
	attr_t a;

	if (rows <= 0)
		return 0;
	snprintf(line, sizeof line, "SEGMENT  shmid %d", ui->seg.shmid);
	sidebar_title(ui, y + used++, line);
	for (f = 0; f < SHMINFO_NFIELDS && used < rows; f++, used++) {
		sidebar_text(ui, y + used, 1, screen_attr(ui, UC_NAME),
		    shminfo_name((enum shminfo_field)f));
		a = screen_attr(ui, UC_VALUE);
		if (ui->changed_at[f] && now - ui->changed_at[f] < UI_HIGHLIGHT_MS)
			a = screen_attr(ui, UC_CHANGED);
		else if (f == SHMINFO_DEST && ui->stat_ok && shminfo_dest(&ui->stat))
			a = screen_attr(ui, UC_WARNING);
		sidebar_text(ui, y + used, 2 + SIDEBAR_NAME_W, a,
		    ui->stat_ok ? ui->values[f] : "?");
	}
	if (used < rows) {
		sidebar_text(ui, y + used, 1, screen_attr(ui, UC_NAME), "shmat() here");
		if (ui->attached)
			snprintf(line, sizeof line, "%p %s", ui->seg.base,
			    ui->readonly ? "ro" : "rw");
		else
			snprintf(line, sizeof line, "(detached)");
		sidebar_text(ui, y + used++, 2 + SIDEBAR_NAME_W,
		    screen_attr(ui, ui->attached ? UC_VALUE : UC_WARNING), line);
	}
	if (used < rows && ui->key_now_shmid >= 0) {
		sidebar_text(ui, y + used, 1, screen_attr(ui, UC_NAME), "key now names");
		snprintf(line, sizeof line, "%d (another)", ui->key_now_shmid);
		sidebar_text(ui, y + used++, 2 + SIDEBAR_NAME_W, screen_attr(ui, UC_WARNING), line);
	}
	if (used < rows) {
		sidebar_text(ui, y + used, 1, screen_attr(ui, UC_NAME), "futex word");
		if (ui->attached && !ui->distrust)
			snprintf(line, sizeof line, "gen %u", notify_generation(&ui->seg.board));
		else
			snprintf(line, sizeof line, "-");
		sidebar_text(ui, y + used++, 2 + SIDEBAR_NAME_W, screen_attr(ui, UC_VALUE), line);
	}
	return used;
}

/* Rows the clients section needs. */
static int
sidebar_clients_rows(const struct ui *ui)
{
	int rows = 1 + ui->nclients + ui->nothers;

	if (!ui->attached || ui->distrust)
		return 2;
	if (ui->stat_ok && ui->stat.ds.shm_nattch != (shmatt_t)ui->nclients)
		rows++;
	return rows;
}

/* Draw the clients section. */
static int
sidebar_clients(struct ui *ui, int y, int rows)
{
	unsigned long nattch = ui->stat_ok ? (unsigned long)ui->stat.ds.shm_nattch : 0;
	char line[160], user[32], name[32];
	int i, used = 0, need = sidebar_clients_rows(ui);
	attr_t ink;

	if (rows <= 0)
		return 0;
	snprintf(line, sizeof line, "CLIENTS  %d in slots, nattch %lu", ui->nclients, nattch);
	sidebar_title(ui, y + used++, line);
	if (!ui->attached || ui->distrust) {
		if (used < rows)
			sidebar_text(ui, y + used++, 1, screen_attr(ui, UC_WARNING),
			    ui->attached ? "the board is not trusted" : "detached: slots unreadable");
		return used;
	}
	if (ui->stat_ok && nattch != (unsigned long)ui->nclients && used < rows) {
		if (nattch > (unsigned long)ui->nclients)
			snprintf(line, sizeof line, "%lu attach%s without a slot:",
			    nattch - (unsigned long)ui->nclients,
			    nattch - (unsigned long)ui->nclients == 1 ? "" : "es");
		else
			snprintf(line, sizeof line, "%lu slot%s not attached (dead?)",
			    (unsigned long)ui->nclients - nattch,
			    (unsigned long)ui->nclients - nattch == 1 ? "" : "s");
		sidebar_text(ui, y + used++, 1, screen_attr(ui, UC_WARNING), line);
	}
	for (i = 0; i < ui->nclients && used < rows; i++) {
		const struct client_info *c = &ui->clients[i];
		bool mine = ui->have_slot && c->slot == ui->me.slot;

		if (used == rows - 1 && need > rows) {
			snprintf(line, sizeof line, "... %d more (F9)", need - rows + 1);
			sidebar_text(ui, y + used++, 1, screen_attr(ui, UC_NAME), line);
			return used;
		}
		ink = screen_ink(ui, c->colour, false) | A_BOLD;
		sidebar_text(ui, y + used, 1, ink, ui->utf8 ? "\u25CF" : "*");
		snprintf(line, sizeof line, "%-7d %-8.8s %-7.7s%s", (int)c->pid,
		    shminfo_user(c->uid, user, sizeof user), c->tty[0] ? c->tty : "-",
		    mine ? "you" : "");
		sidebar_text(ui, y + used++, 3, screen_attr(ui, mine ? UC_VALUE : UC_NORMAL), line);
	}
	for (i = 0; i < ui->nothers && used < rows; i++) {
		proc_name(ui->others[i], name, sizeof name);
		snprintf(line, sizeof line, "%-7d %-12.12s %s", (int)ui->others[i], name,
		    ui->others[i] == ui->me.pid ? "you" :
		    strcmp(name, "pizarra") == 0 ? "viewer" : "no slot");
		sidebar_text(ui, y + used, 1, screen_attr(ui, UC_NAME), ui->utf8 ? "\u25CB" : "o");
		sidebar_text(ui, y + used++, 3, screen_attr(ui, UC_NORMAL), line);
	}
	return used;
}

/* Rows one syscall entry takes when wrapped to the sidebar. */
static int
sidebar_entry_rows(const struct ui *ui, const struct trace_entry *en)
{
	int width = ui->sidebar_w - 1, len = (int)strlen(en->text);

	if (width <= 3 || len <= width)
		return 1;
	return 1 + (len - width + width - 3) / (width - 2);
}

/* Rows the syscall section needs. */
static int
sidebar_syscalls_rows(const struct ui *ui)
{
	const struct trace_entry *en;
	int rows = 1;
	unsigned i;

	for (i = 0; (en = trace_get(&ui->opts->log, i)) != NULL; i++)
		rows += sidebar_entry_rows(ui, en);
	return rows;
}

/* Draw the syscall log, newest first, long calls wrapped and indented. */
static int
sidebar_syscalls(struct ui *ui, int y, int rows)
{
	const struct trace_entry *en;
	int used = 0, width = ui->sidebar_w - 1, off, len;
	unsigned i;
	attr_t a;

	if (rows <= 0)
		return 0;
	sidebar_title(ui, y + used++, "SYSCALLS  this process, newest first");
	for (i = 0; used < rows && (en = trace_get(&ui->opts->log, i)) != NULL; i++) {
		a = screen_attr(ui, en->failed ? UC_SYSCALL_FAIL : UC_NORMAL);
		len = (int)strlen(en->text);
		sidebar_text(ui, y + used++, 1, a, en->text);
		for (off = width; off < len && used < rows && width > 3; off += width - 2)
			sidebar_text(ui, y + used++, 3, a, en->text + off);
	}
	return used;
}

/* Draw the sidebar: sections in order, the focused one served first when short. */
void
sidebar_draw(struct ui *ui)
{
	int need[SECTION_COUNT], give[SECTION_COUNT], left, y, s, k;

	if (ui->sidebar == NULL)
		return;
	werase(ui->sidebar);
	wattrset(ui->sidebar, screen_attr(ui, UC_OUTSIDE));
	mvwvline(ui->sidebar, 0, 0, ACS_VLINE, LINES - 2);
	wattrset(ui->sidebar, A_NORMAL);
	need[SECTION_SEGMENT] = sidebar_segment_rows(ui);
	need[SECTION_CLIENTS] = sidebar_clients_rows(ui);
	need[SECTION_SYSCALLS] = sidebar_syscalls_rows(ui);
	left = LINES - 2;
	for (k = 0; k < SECTION_COUNT; k++) {
		s = (ui->sidebar_focus + k) % SECTION_COUNT;
		give[s] = need[s] < left ? need[s] : left;
		left -= give[s];
	}
	y = 0;
	y += sidebar_segment(ui, y, give[SECTION_SEGMENT]);
	y += sidebar_clients(ui, y, give[SECTION_CLIENTS]);
	sidebar_syscalls(ui, y, give[SECTION_SYSCALLS]);
	wnoutrefresh(ui->sidebar);
}
