/*
 * session.c - our attachment to the board. The segment may be detached
 * (the lesson's F4), stop validating (a hostile writer changed the
 * header), or be removed by someone else while we draw on it; in the
 * first two cases a copy in process memory keeps the drawing on screen and
 * savable. Notifications are batched: a keystroke's cells and cursor go
 * out in one bump (session_notify), not one per cell. Writing a file
 * (F6) is savefile.c's; session_save gives it the board and its mode.
 */
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "cell.h"
#include "export.h"
#include "lease.h"
#include "notify.h"
#include "savefile.h"
#include "session.h"
#include "undo.h"

int
session_open(struct session *s, struct cli_opts *o, bool readonly, struct pzerr *e)
{
	struct segment_opts so = {
		.create = !readonly, .readonly = readonly,
		.cols = o->cols, .rows = o->rows, .mode = o->mode,
	};

	memset(s, 0, sizeof *s);
	s->opts = o;
	s->readonly = readonly;
	s->key_now_shmid = -1;
	s->mode = o->mode;
	if (client_self(&s->me, e) != 0)
		return -1;
	if (segment_open(&s->seg, &o->addr, &so, &o->log, e) != 0)
		return -1;
	s->attached = true;
	s->created_gen = notify_generation(&s->seg.board);
	logind_check(cli_logind_root(), (uid_t)-1, &s->logind);
	return 0;
}

/* Drop the local copy. */
static void
session_drop_snap(struct session *s)
{
	if (s->have_snap)
		board_copy_free(&s->snap);
	s->have_snap = false;
}

bool
session_last_one(struct session *s)
{
	if (!s->attached)
		return false;
	session_sample(s);
	return s->stat_ok && !s->stat_denied && s->stat.ds.shm_nattch == 1 &&
	    !shminfo_dest(&s->stat);
}

void
session_close(struct session *s)
{
	if (s->have_slot && s->attached)
		client_release(&s->seg.board, &s->me);
	s->have_slot = false;
	if (s->attached)
		segment_detach(&s->seg, NULL);
	s->attached = false;
	session_drop_snap(s);
}

/* A board we just made goes again, unless someone else has touched it meanwhile. */
void
session_abandon(struct session *s)
{
	if (s->seg.created && s->attached)
		segment_remove_untouched(&s->seg, s->created_gen, &s->opts->log, NULL);
	session_close(s);
}

int
session_claim(struct session *s, struct pzerr *e)
{
	s->have_slot = false;
	if (s->readonly)
		return 0;
	if (client_claim(&s->seg.board, &s->me, e) != 0) {
		memcpy(s->slot_why, e->msg, sizeof s->slot_why);
		return -1;
	}
	s->have_slot = true;
	return 0;
}

bool
session_live(const struct session *s)
{
	return s->attached && !s->distrust;
}

const struct board *
session_board(const struct session *s)
{
	if (session_live(s))
		return &s->seg.board;
	return s->have_snap ? &s->snap.board : NULL;
}

enum session_block
session_block(const struct session *s)
{
	if (s->readonly)
		return SESSION_VIEW_ONLY;
	if (s->distrust)
		return SESSION_DISTRUSTED;
	if (!s->attached)
		return SESSION_DETACHED;
	return SESSION_WRITABLE;
}

unsigned
session_author(const struct session *s)
{
	return s->have_slot ? (unsigned)s->me.slot + 1 : 0;
}

bool
session_publish(struct session *s, uint32_t col, uint32_t row, unsigned tool)
{
	s->me.col = col;
	s->me.row = row;
	s->me.tool = tool;
	if (s->have_slot && session_live(s) && client_update(&s->seg.board, &s->me)) {
		s->changed = s->moved = true;
		return true;
	}
	return false;
}

void
session_select(struct session *s, const struct client_sel *sel)
{
	s->me.sel = *sel;
}

void
session_next_colour(struct session *s)
{
	s->me.colour = (s->me.colour + 1) % CELL_COLOURS;
}

void
session_touched(struct session *s)
{
	s->changed = true;
}

/*
 * The others are woken first and we step aside for them, so their screens
 * are drawn before our own echo; only clients pacing a storm sleep on the
 * presence word, so it can wait until after the yield.
 */
void
session_notify(struct session *s)
{
	if (s->changed && session_live(s) && !s->readonly) {
		if (notify_bump(&s->seg.board) > 0)
			sched_yield();
		if (s->moved)
			notify_presence(&s->seg.board);
	}
	s->changed = s->moved = false;
}

/* Copy the whole board into process memory (shown while detached or distrusting). */
static void
session_snapshot(struct session *s)
{
	session_drop_snap(s);
	s->have_snap = board_copy(&s->snap, &s->seg.board, NULL) == 0;
}

int
session_detach(struct session *s, struct pzerr *e)
{
	if (!s->attached)
		return 0;
	session_snapshot(s);
	if (s->have_slot)
		client_release(&s->seg.board, &s->me);
	s->have_slot = false;
	if (segment_detach(&s->seg, e) != 0)
		return -1;
	s->attached = false;
	return 0;
}

int
session_attach(struct session *s, struct pzerr *e)
{
	struct pzerr why;

	if (s->attached)
		return 0;
	if (segment_attach(&s->seg, s->readonly, e) != 0) {
		s->gone = e->err == EIDRM;
		return -1;
	}
	s->attached = true;
	s->distrust = false;
	session_claim(s, &why);
	session_sample(s);
	return 0;
}

int
session_remove(struct session *s, struct pzerr *e)
{
	if (segment_remove(s->seg.shmid, &s->opts->log, e) != 0)
		return -1;
	s->we_removed = true;
	return 0;
}

int
session_chmod(struct session *s, mode_t mode, struct pzerr *e)
{
	return segment_chmod(s->seg.shmid, mode, &s->opts->log, e);
}

int
session_clear(struct session *s, struct pzerr *e)
{
	uint64_t mine;
	int r;

	if (lease_take(&s->seg.board, SESSION_LEASE_MS, &mine, e) != 0)
		return -1;
	r = board_clear_log(&s->seg.board, undo_log, NULL, e);   /* for undo: undo.h */
	if (r == 0)
		notify_bump(&s->seg.board);
	lease_give(&s->seg.board, mine);
	return r;
}

int
session_save(struct session *s, const char *path, bool overwrite, size_t *bytes,
	     struct pzerr *e)
{
	if (s->attached)
		session_sample(s);      /* the mode as it is now, not at the last tick */
	return savefile_write(session_board(s), path, s->mode, overwrite, bytes, e);
}

/* Leave our board for fresh (attached): slot, detach, the removal's state. */
static void
session_move(struct session *s, struct segment *fresh)
{
	struct pzerr why;

	if (s->have_slot && s->attached)
		client_release(&s->seg.board, &s->me);
	s->have_slot = false;
	if (s->attached)
		segment_detach(&s->seg, NULL);
	s->seg = *fresh;
	s->attached = true;
	s->distrust = s->we_removed = s->orphan_seen = s->stat_ok = s->gone = false;
	s->key_now_shmid = -1;
	session_drop_snap(s);
	undo_reset();   /* another board: our steps were on the old one */
	session_claim(s, &why);
	session_sample(s);
}

int
session_replace(struct session *s, struct pzerr *e)
{
	const struct board *old = session_board(s);
	struct segment_opts so = {
		.create = !s->readonly, .readonly = s->readonly,
		.cols = old != NULL ? old->cols : 0, .rows = old != NULL ? old->rows : 0,
		.mode = s->mode & 0777,
	};
	char why[PATH_MAX + 64];
	struct segment fresh;

	if (s->seg.addr.how == ADDR_BY_SHMID)
		return pzerr_set(e, EINVAL, _("this board was opened by shmid (-i): there is no "
		    "key to move to"));
	if (s->readonly)
		return pzerr_set(e, EPERM, _("a viewer does not create boards: run `pizarra%s draw`"),
		    addr_options(&s->seg.addr, why, sizeof why));
	if (old == NULL)
		return pzerr_set(e, EINVAL, _("there is no drawing to carry over"));
	if (segment_open(&fresh, &s->seg.addr, &so, &s->opts->log, e) != 0)
		return -1;
	if (!fresh.created) {
		/* someone started a board under the key meanwhile: never join it unasked */
		segment_detach(&fresh, NULL);
		s->key_now_shmid = fresh.shmid;
		return pzerr_set(e, EEXIST, _("someone started a board under the key meanwhile"));
	}
	board_copy_cells(&fresh.board, old);
	notify_bump(&fresh.board);
	session_move(s, &fresh);
	return 0;
}

int
session_join(struct session *s, int shmid, struct pzerr *e)
{
	struct segment fresh;

	if (s->seg.key == 0 || segment_under_key(s->seg.key) != shmid)
		return pzerr_set(e, ESTALE, _("the key no longer names shmid %d"), shmid);
	if (segment_open_shmid(&fresh, shmid, &s->seg.addr, s->readonly, &s->opts->log, e) != 0)
		return -1;
	session_move(s, &fresh);
	return 0;
}

int
session_key_board(const struct session *s, struct shminfo_stat *out)
{
	if (s->key_now_shmid < 0)
		return -1;
	return shminfo_from_proc(s->key_now_shmid, 0, out);
}

void
session_sample(struct session *s)
{
	struct pzerr e;

	s->stat.shmid = s->seg.shmid;
	s->stat_ok = segment_stat(s->seg.shmid, &s->stat.ds, NULL, &e) == 0;
	s->stat_denied = !s->stat_ok && e.err == EACCES &&
	    shminfo_from_proc(s->seg.shmid, 0, &s->stat) == 0;
	if (s->stat_denied)
		s->stat_ok = true;
	if (!s->stat_ok)
		return;
	s->mode = s->stat.ds.shm_perm.mode & 0777;
	/* the owner can change (chown): ask logind's files again only then */
	if (s->logind.owner != s->stat.ds.shm_perm.uid)
		logind_check(cli_logind_root(), s->stat.ds.shm_perm.uid, &s->logind);
}

/*
 * Did anyone attach or detach since the last reap? shm_dtime has seconds
 * only: two detaches in one second differ in shm_lpid or shm_nattch. No
 * sample: say yes.
 */
static bool
session_detached_since(const struct session *s)
{
	return !s->stat_ok || s->stat.ds.shm_dtime != s->reap_mark.dtime ||
	    s->stat.ds.shm_lpid != s->reap_mark.lpid || s->stat.ds.shm_nattch != s->reap_mark.nattch;
}

/* The header check and the slot chores of a live board (the reap when reap). */
static unsigned
session_check_board(struct session *s, bool reap)
{
	const struct board *b = &s->seg.board;
	struct pzerr e;

	if (board_check(b, &e) != 0) {
		session_snapshot(s);
		s->distrust = true;
		memcpy(s->distrust_why, e.msg, sizeof s->distrust_why);
		return SESSION_DISTRUST;
	}
	if (s->readonly)
		return 0;
	/* no slot yet (all were taken) or no longer (ours was taken over and no
	 * other was free): try again every second; the claim reaps first */
	if (!s->have_slot)
		return session_claim(s, &e) == 0 ? SESSION_CLAIMED : 0;
	/* someone detached since the last reap (a process that dies detaches):
	 * ask /proc about every slot; else trust the heartbeats that moved */
	if (reap && session_detached_since(s)) {
		client_reap(b);
		s->reap_mark.dtime = s->stat.ds.shm_dtime;
		s->reap_mark.lpid = s->stat.ds.shm_lpid;
		s->reap_mark.nattch = s->stat.ds.shm_nattch;
	} else if (reap) {
		client_reap_seen(b, &s->reap_seen);
	}
	if (client_heartbeat(b, &s->me) == 0)
		return 0;
	return session_claim(s, &e) == 0 ? SESSION_RECLAIMED : SESSION_NO_SLOT;
}

/* session_tick, reaping the slots or not. */
static unsigned
session_tick_reaping(struct session *s, bool reap)
{
	unsigned ev = 0;
	bool dest = s->stat_ok && shminfo_dest(&s->stat);
	int id = -1;

	if (session_live(s))
		ev |= session_check_board(s, reap);
	if (dest && !s->we_removed && !s->orphan_seen && s->attached) {
		s->orphan_seen = true;
		ev |= SESSION_ORPHANED;
	}
	/* once removed, the key is free: has someone started a new board under it? */
	if (s->seg.key != 0 && dest) {
		id = segment_under_key(s->seg.key);
		if (id == s->seg.shmid)
			id = -1;
	}
	if (id < 0)
		id = -1;
	if (id != s->key_now_shmid)
		ev |= SESSION_KEY_MOVED;
	s->key_now_shmid = id;
	return ev;
}

unsigned
session_tick(struct session *s)
{
	return session_tick_reaping(s, true);
}

unsigned
session_tick_quiet(struct session *s)
{
	return session_tick_reaping(s, false);
}
