/*
 * action.c - the actions but drawing (stroke.c's). The lesson's operations
 * go through the session, and their outcome is said here in the words of
 * the lecture (shmdt, shmat, IPC_SET, IPC_RMID). Why we may not draw
 * (action_refused) and publishing our cursor (action_cursor) are here, for
 * the drawing actions too.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>

#include "i18n.h"
#include "action.h"
#include "cell.h"
#include "paint.h"
#include "screen.h"
#include "undo.h"

bool
action_too_large(struct desk *d)
{
	if (!undo_dropped())
		return false;
	/* TRANSLATORS: a fill, a paste, a cut or a move larger than the undo history; %zu is MiB */
	status_message(d->status, true, _("done, but too large to undo (the history "
	    "holds %zu MiB)"), undo_budget() >> 20);
	return true;
}

bool
action_refused(struct desk *d)
{
	char opts[PATH_MAX + 64];

	switch (session_block(d->session)) {
	case SESSION_VIEW_ONLY:
		status_message(d->status, true, _("view-only: attached SHM_RDONLY, drawing is "
		    "refused (run `pizarra%s draw` to draw)"),
		    addr_options(&d->session->seg.addr, opts, sizeof opts));
		return true;
	case SESSION_DISTRUSTED:
		status_message(d->status, true, _("this board is no longer trusted: F6 saves it, "
		    "F10 quits"));
		return true;
	case SESSION_DETACHED:
		status_message(d->status, true, _("detached (shmdt): F4 attaches again to draw"));
		return true;
	case SESSION_WRITABLE:
		break;
	}
	return false;
}

unsigned
action_cursor(struct desk *d)
{
	const struct pen *p = d->pen;

	canvas_follow(d->canvas, session_board(d->session), p->col, p->row);
	session_publish(d->session, p->col, p->row, (unsigned)p->tool);
	return 0;
}

unsigned
action_follow_next(struct desk *d)
{
	const struct session *s = d->session;
	struct client_info list[BOARD_SLOTS];
	struct canvas *cv = d->canvas;
	char who[32];
	int i, n = 0, at = -1;

	if (session_live(s))
		n = client_list(&s->seg.board, list, BOARD_SLOTS);
	for (i = 0; i < n; i++)
		if (cv->following && cv->follow_found && list[i].pid == cv->followed.pid)
			at = i;
	for (i = at + 1; i < n; i++)
		if (!s->have_slot || list[i].slot != s->me.slot)
			break;
	if (i >= n) {
		canvas_unfollow(cv);
		status_message(d->status, false, _("following nobody: the view is yours"));
		return 0;
	}
	canvas_follow_client(cv, list[i].pid, list[i].uid, false);
	status_message(d->status, false, _("following %s (pid %d): Ctrl-F for the next"),
	    shminfo_user(list[i].uid, who, sizeof who), (int)list[i].pid);
	return ACT_CANVAS;
}

unsigned
action_help(struct desk *d)
{
	(void)d;
	return ACT_HELP;
}

unsigned
action_colour(struct desk *d)
{
	if (d->session->readonly) {
		action_refused(d);
		return 0;
	}
	session_next_colour(d->session);
	action_fit_colour(d);
	paint_follow(d->paint);      /* the brush's foreground is the slot's colour again */
	action_cursor(d);
	if (d->session->me.colour == 0)
		status_message(d->status, false, _("colour: default (the terminal's own)"));
	else
		status_message(d->status, false, _("colour %u"), d->session->me.colour);
	return 0;
}

/*
 * A client starting out takes a row of its own: the first row (from the
 * top, column 0) with no other client's cursor in it.
 */
unsigned
action_start_spot(struct desk *d)
{
	const struct session *s = d->session;
	const struct board *b = session_board(s);
	struct client_info list[BOARD_SLOTS];
	uint32_t row;
	int i, n;

	if (b == NULL || !session_live(s))
		return 0;
	n = client_list(b, list, BOARD_SLOTS);
	for (row = 0; row < b->rows; row++) {
		for (i = 0; i < n; i++)
			if ((!s->have_slot || list[i].slot != s->me.slot) && list[i].row == row)
				break;
		if (i == n)
			break;
	}
	pen_place(d->pen, 0, row < b->rows ? row : 0);
	return 0;
}

unsigned
action_fit_colour(struct desk *d)
{
	int tries;

	/* skip the colours that vanish on this terminal's background */
	for (tries = 0; tries < CELL_COLOURS && !screen_ink_reads(d->session->me.colour); tries++)
		session_next_colour(d->session);
	return 0;
}

unsigned
action_detach(struct desk *d)
{
	struct session *s = d->session;
	struct pzerr e;

	if (s->attached) {
		if (session_detach(s, &e) != 0) {
			status_message(d->status, true, "%s", e.msg);
			return 0;
		}
		canvas_invalidate(d->canvas);
		status_message(d->status, false, _("shmdt: detached; shm_nattch dropped for "
		    "everyone. F4 attaches again"));
		return ACT_ALL;
	}
	if (session_attach(s, &e) != 0) {
		if (s->gone)
			return ACT_ASK_ORPHAN;
		if (e.err == EPROTO)
			status_message(d->status, true, _("shmid %d is no longer a valid board: F6 "
			    "saves your copy"), s->seg.shmid);
		else
			status_message(d->status, true, "%s", e.msg);
		return 0;
	}
	canvas_invalidate(d->canvas);
	canvas_follow(d->canvas, session_board(s), d->pen->col, d->pen->row);
	status_message(d->status, false, _("shmat: attached again at %p"), s->seg.base);
	return ACT_ALL | ACT_RESAMPLE;
}

unsigned
action_ask_chmod(struct desk *d)
{
	(void)d;
	return ACT_ASK_CHMOD;
}

unsigned
action_ask_save(struct desk *d)
{
	(void)d;
	return ACT_ASK_SAVE;
}

unsigned
action_ask_remove(struct desk *d)
{
	(void)d;
	return ACT_ASK_REMOVE;
}

unsigned
action_ask_clear(struct desk *d)
{
	return action_refused(d) ? 0 : ACT_ASK_CLEAR;
}

/* F9: the sidebar's sections take turns at the top, then it hides, then it comes back. */
unsigned
action_panel(struct desk *d)
{
	/* TRANSLATORS: status line messages after F9, which section of the
	 * sidebar ("el panel") is on top */
	static const char *const shown[] = {
		N_("sidebar shown, segment first"), N_("sidebar shown, clients first"),
		N_("sidebar shown, syscalls first"),
	};
	static const char *const first[] = {
		N_("sidebar: segment first"), N_("sidebar: clients first"),
		N_("sidebar: syscalls first"),
	};

	if (!screen_sidebar_shown()) {
		screen_show_sidebar(true);
		status_message(d->status, false, "%s", _(shown[d->sidebar->focus]));
		return ACT_LAYOUT;
	}
	if (sidebar_next_focus(d->sidebar)) {
		screen_show_sidebar(false);
		status_message(d->status, false, _("sidebar hidden: F9 shows it"));
		return ACT_LAYOUT;
	}
	status_message(d->status, false, "%s", _(first[d->sidebar->focus]));
	return 0;
}

unsigned
action_quit(struct desk *d)
{
	(void)d;
	return ACT_QUIT;
}

unsigned
action_redraw(struct desk *d)
{
	screen_repaint();
	canvas_invalidate(d->canvas);
	return 0;
}

unsigned
action_suspend(struct desk *d)
{
	screen_suspend();
	canvas_invalidate(d->canvas);
	return ACT_ALL;
}

unsigned
action_bytes(struct desk *d)
{
	(void)d;
	return ACT_BYTES;
}

unsigned
action_pan(struct desk *d, long dc, long dr)
{
	return canvas_pan(d->canvas, session_board(d->session), dc, dr) ? ACT_CANVAS | ACT_STATUS : 0;
}

unsigned
action_chmod(struct desk *d, const char *text)
{
	const char *why;
	struct pzerr e;
	mode_t mode;

	if (cli_parse_mode(text, &mode, &why) != 0) {
		/* TRANSLATORS: status line: the permission bits typed, and why they
		 * are refused (a message of its own, "is not octal"...) */
		status_message(d->status, true, _("mode '%s' %s"), text, why);
		return 0;
	}
	struct session *s = d->session;
	unsigned long others;
	mode_t before;
	char note[160];

	session_sample(s);
	before = s->mode;
	others = s->stat_ok && s->stat.ds.shm_nattch > 0 ? s->stat.ds.shm_nattch - 1 : 0;
	if (session_chmod(s, mode, &e) != 0) {
		status_message(d->status, true, "%s", e.msg);
		return 0;
	}
	cli_chmod_note(before, mode, s->attached ? others : others + 1, note, sizeof note);
	status_message(d->status, false, _("IPC_SET: mode is now %04o%s%s"), (unsigned)mode,
	    note[0] != '\0' ? "; " : "", note);
	return 0;
}

/* Save to path; an existing file is asked about unless overwrite. */
static unsigned
action_save_to(struct desk *d, const char *path, bool overwrite)
{
	struct pzerr e;
	size_t bytes;

	if (session_save(d->session, path, overwrite, &bytes, &e) != 0) {
		if (e.err == EEXIST && !overwrite)
			return ACT_ASK_OVERWRITE;
		status_message(d->status, true, "%s", e.msg);
		return 0;
	}
	status_message(d->status, false, _("saved %zu bytes to %s"), bytes, path);
	return 0;
}

unsigned
action_save(struct desk *d, const char *path)
{
	return action_save_to(d, path, false);
}

unsigned
action_overwrite(struct desk *d, const char *path)
{
	return action_save_to(d, path, true);
}

unsigned
action_remove(struct desk *d)
{
	struct pzerr e;

	if (session_remove(d->session, &e) != 0) {
		status_message(d->status, true, "%s", e.msg);
		return 0;
	}
	status_message(d->status, false, _("IPC_RMID: key is now 0x00000000 (dest); the segment "
	    "lives until its last detach, drawing goes on"));
	return 0;
}

unsigned
action_clear(struct desk *d)
{
	struct pzerr e;
	int r;

	undo_step(HISTORY_CLEAR, UNDO_ONCE, -1);   /* one step: Ctrl-Z brings it back */
	r = session_clear(d->session, &e);
	undo_end();
	if (r != 0) {
		status_message(d->status, true, "%s", e.msg);
		return 0;
	}
	if (undo_dropped())
		/* TRANSLATORS: after F8, when the board held more than the undo history can; %zu is MiB */
		status_message(d->status, true, _("board cleared; too large to undo (the history "
		    "holds %zu MiB)"), undo_budget() >> 20);
	else
		status_message(d->status, false, _("board cleared (Ctrl-Z brings it back)"));
	return 0;
}

unsigned
action_keep_orphan(struct desk *d)
{
	const struct session *s = d->session;

	if (s->gone)
		status_message(d->status, false, _("keeping your copy of shmid %d: F6 saves it"),
		    s->seg.shmid);
	else
		status_message(d->status, false, _("drawing on the orphaned segment (shmid %d)"),
		    s->seg.shmid);
	return 0;
}

/* After moving to another board: a new view, a new sample. */
static unsigned
action_moved(struct desk *d)
{
	const struct board *b = session_board(d->session);
	struct client_sel none;

	/*
	 * The new board may be smaller: the cursor comes inside it, and a
	 * selection, a paste preview or a box corner made on the old board
	 * means nothing here (the clipboard itself is kept: it is ours).
	 */
	if (b != NULL && (d->pen->col >= b->cols || d->pen->row >= b->rows))
		pen_place(d->pen, d->pen->col < b->cols ? d->pen->col : b->cols - 1,
		    d->pen->row < b->rows ? d->pen->row : b->rows - 1);
	d->pen->anchor_set = false;
	clip_drop(d->clip);
	clip_preview(d->clip, false);
	none = clip_sel(d->clip);
	session_select(d->session, &none);
	sidebar_forget(d->sidebar);
	canvas_invalidate(d->canvas);
	canvas_follow(d->canvas, session_board(d->session), d->pen->col, d->pen->row);
	action_cursor(d);
	return ACT_ALL | ACT_RESAMPLE;
}

unsigned
action_new_board(struct desk *d)
{
	struct session *s = d->session;
	struct pzerr e;

	if (s->key_now_shmid >= 0)
		return ACT_ASK_JOIN;
	if (s->readonly) {
		status_message(d->status, false, _("no board is under the key yet: k keeps viewing "
		    "this one"));
		return 0;
	}
	if (session_replace(s, &e) != 0) {
		if (e.err == EEXIST)
			return ACT_ASK_JOIN;
		status_message(d->status, true, "%s", e.msg);
		return 0;
	}
	status_message(d->status, false, _("new board shmid %d under the key, mode %04o, with "
	    "your drawing"), s->seg.shmid, (unsigned)s->mode);
	return action_moved(d);
}

unsigned
action_join(struct desk *d)
{
	struct session *s = d->session;
	struct shminfo_stat si;
	char who[64] = "?";
	struct pzerr e;
	int id = s->key_now_shmid;

	if (session_key_board(s, &si) == 0)
		shminfo_user(si.ds.shm_perm.uid, who, sizeof who);
	if (id < 0 || session_join(s, id, &e) != 0) {
		status_message(d->status, true, "%s", id < 0 ? _("no board is under the key now") :
		    e.msg);
		return 0;
	}
	status_message(d->status, false, _("now on %s's board, shmid %d, under the key"), who, id);
	return action_moved(d);
}

unsigned
action_declined(struct desk *d, const char *what)
{
	status_message(d->status, false, "%s", what);
	return 0;
}

unsigned
action_cancelled(struct desk *d)
{
	/* TRANSLATORS: status line, after Esc in a prompt or question */
	return action_declined(d, _("cancelled"));
}
