/*
 * session.h - our attachment to a board, for the interactive front-end:
 * the segment, our client slot, the lesson's operations on the segment
 * (shmdt and shmat again, IPC_RMID, IPC_SET, clear, save), the local copy
 * shown while detached or distrusting, the kernel's shmid_ds sample, and
 * what the once-a-second check finds (a header that stopped validating, a
 * removal by someone else, another board under our key).
 *
 * No curses: every function returns what happened (0 / -1 with a pzerr,
 * or SESSION_* event bits) and the caller says it to the user. Only
 * session.c writes a struct session; everyone else reads it.
 */
#ifndef PIZARRA_SESSION_H
#define PIZARRA_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "cli.h"
#include "client.h"
#include "logind.h"
#include "pzerr.h"
#include "segment.h"
#include "shminfo.h"

/* Why this client may not write to the board now. */
enum session_block {
	SESSION_WRITABLE,        /* it may */
	SESSION_VIEW_ONLY,       /* attached SHM_RDONLY (pizarra view) */
	SESSION_DISTRUSTED,      /* the header stopped validating */
	SESSION_DETACHED,        /* after shmdt */
};

/* What session_tick found (bits). */
#define SESSION_DISTRUST   1u   /* the header stopped validating: we stopped using it */
#define SESSION_ORPHANED   2u   /* someone else removed the segment: ask what to do */
#define SESSION_RECLAIMED  4u   /* our slot was taken over; we claimed another */
#define SESSION_KEY_MOVED  8u   /* the board our key names changed (key_now_shmid) */
#define SESSION_NO_SLOT   16u   /* our slot was taken over and no other is free (slot_why) */
#define SESSION_CLAIMED   32u   /* we had no slot and claimed one now (me.slot) */

struct session {
	struct cli_opts *opts;         /* the trace, and the mode for a new board */
	struct segment seg;
	bool readonly;                 /* pizarra view */
	bool attached;                 /* false after shmdt */
	bool distrust;                 /* the header stopped validating */
	char distrust_why[PZERR_MSG_MAX];
	bool we_removed;               /* IPC_RMID came from this process */
	bool orphan_seen;              /* removal by someone else already reported */
	int key_now_shmid;             /* another segment now under our key, or -1 */
	struct board_copy snap;        /* local copy while detached or distrusting */
	bool have_snap;
	struct client_info me;         /* our identity, slot, cursor and colour */
	bool have_slot;
	char slot_why[PZERR_MSG_MAX];  /* why the last claim failed */
	struct shminfo_stat stat;      /* the last IPC_STAT (or /proc/sysvipc/shm when denied) */
	bool stat_ok;
	bool stat_denied;              /* IPC_STAT refused us: stat comes from /proc */
	mode_t mode;                   /* the board's permission bits, as last seen */
	struct logind_ipc logind;      /* what systemd-logind will do to the board's owner's segments */
	uint32_t created_gen;          /* the generation when we created the board */
	bool gone;                     /* the segment no longer exists (removed while detached) */
	bool changed;                  /* cells or our slot changed: bump once */
	bool moved;                    /* our cursor changed: bump presence too */
	struct client_seen reap_seen;  /* the slots at the last reap (client_reap_seen) */
	struct {                       /* the sample at the last reap: a detach since asks about all */
		time_t dtime;
		pid_t lpid;
		shmatt_t nattch;
	} reap_mark;
};

/*
 * Find out who we are and open the board o names (created unless
 * readonly). On failure nothing is attached.
 */
int session_open(struct session *s, struct cli_opts *o, bool readonly, struct pzerr *e);

/*
 * True when we are the board's last attached process and it is not marked
 * for removal: when we leave, it stays in memory with nobody attached.
 */
bool session_last_one(struct session *s);

/* Leave: free our slot and detach (also the local copy). */
void session_close(struct session *s);

/* Give up before anything was shown: remove a board we just created, detach. */
void session_abandon(struct session *s);

/* Claim a slot (drawers only), keeping our colour if we had one; slot_why on failure. */
int session_claim(struct session *s, struct pzerr *e);

/* The board to show: the segment's, or the local copy; NULL when none. */
const struct board *session_board(const struct session *s);

/* True when the segment itself is attached and trusted (its words may be read). */
bool session_live(const struct session *s);

/* Whether we may write, and if not why. */
enum session_block session_block(const struct session *s);

/* Our slot number as a cell's author (1..BOARD_SLOTS), 0 without a slot. */
unsigned session_author(const struct session *s);

/* Publish our cursor, colour and tool in our slot; true when it changed. */
bool session_publish(struct session *s, uint32_t col, uint32_t row, unsigned tool);

/* Our selection (client.h's), published with the cursor's next session_publish. */
void session_select(struct session *s, const struct client_sel *sel);

/* Our colour: the next of the 16 (0, the terminal's own foreground, after 15). */
void session_next_colour(struct session *s);

/* Cells were written: the next session_notify wakes the others. */
void session_touched(struct session *s);

/*
 * Wake the others for what changed since the last call: one bump of the
 * generation (and of the presence word when our cursor moved), then a
 * yield so they draw before we draw our own echo.
 */
void session_notify(struct session *s);

/* shmdt, keeping a local copy to show. */
int session_detach(struct session *s, struct pzerr *e);

/*
 * shmat again by shmid (works on a segment marked for removal while it
 * lives). A segment that is gone sets s->gone (EIDRM).
 */
int session_attach(struct session *s, struct pzerr *e);

/* shmctl(IPC_RMID) from this process. */
int session_remove(struct session *s, struct pzerr *e);

/* shmctl(IPC_SET) of the permission bits. */
int session_chmod(struct session *s, mode_t mode, struct pzerr *e);

/* How long F8 waits for a load or clear of someone else's to end. */
#define SESSION_LEASE_MS  300

/* Empty the board for everyone, holding the board's lease (EBUSY names who has it). */
int session_clear(struct session *s, struct pzerr *e);

/*
 * Write the board (or our copy) to path with savefile_write (savefile.h:
 * "~" expanded, the format by the extension, whole or not at all), the
 * file's read bits following the board's mode as IPC_STAT shows it now.
 * An existing file is replaced only when overwrite is set, else -1 with
 * EEXIST. *bytes gets the size written.
 */
int session_save(struct session *s, const char *path, bool overwrite, size_t *bytes,
		 struct pzerr *e);

/*
 * After a removal: make a new board under our key, of our board's size and
 * mode, with the drawing copied into it, and move there. -1 with EEXIST
 * when a board is under the key by then (session_join is for that, after
 * asking), EINVAL when the board was named by shmid (no key).
 */
int session_replace(struct session *s, struct pzerr *e);

/* Move to the board shmid, which must still be the one under our key. */
int session_join(struct session *s, int shmid, struct pzerr *e);

/* The kernel's status of the board now under our key (/proc: no permission needed). */
int session_key_board(const struct session *s, struct shminfo_stat *out);

/*
 * Take the kernel's shmid_ds into s->stat: IPC_STAT, or /proc/sysvipc/shm
 * when IPC_STAT is denied (stat_denied); stat_ok says whether either worked.
 */
void session_sample(struct session *s);

/*
 * Once a second: the header check, reaping dead slots, our heartbeat (or,
 * for a drawer without a slot, another claim), and whether someone else
 * removed the segment or the key names another one. Returns SESSION_* bits.
 */
unsigned session_tick(struct session *s);

/*
 * session_tick without reaping the slots (client_reap: kill() and a read
 * of /proc/PID/stat per slot), for an idle client: a process that dies
 * detaches, which changes shm_nattch, so while the samples stay the same
 * the reap has nothing to find (the idle pace still reaps every 10 s, for
 * slots whose holder detached before it died, or was never attached).
 */
unsigned session_tick_quiet(struct session *s);

#endif
