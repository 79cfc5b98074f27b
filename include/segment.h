/*
 * segment.h - the life of the System V segment that holds a board, named
 * as addr.h names it (ftok, an explicit key, or a shmid): creating or
 * attaching it without races, and the shmctl operations (IPC_STAT,
 * IPC_SET, IPC_RMID) and shmdt, each recorded in a trace (trace.h).
 *
 * Create-or-attach: shmget(IPC_CREAT|IPC_EXCL) first; the creator attaches,
 * initialises the board and publishes it. On EEXIST the existing segment is
 * stat'ed, attached and waited for (a creator publishes within milliseconds),
 * then validated; a segment that is not a pizarra board is refused and never
 * written to. Many processes racing on a new key end up on one segment.
 *
 * Every failure fills a pzerr with one line naming the key/shmid, why, and
 * what to do (ipcrm -m ID, another key, pizarra chmod by the owner...).
 */
#ifndef PIZARRA_SEGMENT_H
#define PIZARRA_SEGMENT_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/types.h>

#include "addr.h"
#include "board.h"
#include "pzerr.h"
#include "shminfo.h"
#include "trace.h"

#define SEGMENT_READY_MS      2000          /* how long attachers wait for a creator */

/* What segment_open should do. */
struct segment_opts {
	bool create;         /* create the board when no segment has the key */
	bool readonly;       /* attach SHM_RDONLY */
	uint32_t cols, rows; /* geometry when creating */
	mode_t mode;         /* permission bits when creating (e.g. 0600) */
};

/* An attached (or detached) board segment. */
struct segment {
	struct addr addr;
	int shmid;
	key_t key;           /* the key it was found under (0 when by shmid) */
	void *base;          /* what shmat returned; NULL while detached */
	size_t size;         /* shm_segsz */
	bool readonly;
	bool created;        /* this process created it */
	struct board board;  /* valid while attached */
	struct trace *trace; /* may be NULL */
	char not_board[PZERR_MSG_MAX]; /* after a refusal with EPROTO: why it is not a usable board */
};

/*
 * Open the board a names: create it (o->create) or attach the existing one,
 * wait for it to be published, validate it. Resolves a first if needed.
 * On success s is attached and s->board is valid.
 */
int segment_open(struct segment *s, const struct addr *a,
		 const struct segment_opts *o, struct trace *t, struct pzerr *e);

/*
 * Attach shmid (found earlier through a) and validate it like segment_open,
 * naming it in messages as a names it ("key 0x..."), not by its shmid.
 */
int segment_open_shmid(struct segment *s, int shmid, const struct addr *a,
		       bool readonly, struct trace *t, struct pzerr *e);

/*
 * Find the shmid a names without attaching (shmget(key, 0, 0), or the shmid
 * itself after checking it exists). ENOENT: no board at that key.
 */
int segment_find(struct addr *a, struct trace *t, int *shmid, struct pzerr *e);

/*
 * The shmid of the segment key names now (shmget(key, 0, 0)), board or not,
 * or -1 with errno (ENOENT: none; EINVAL for IPC_PRIVATE, which names no
 * segment). Not traced: the UI asks once a second, after its segment was
 * removed, to notice a new board under the key, and the trace is for the
 * calls the lesson is about.
 */
int segment_under_key(key_t key);

/* shmctl(IPC_STAT). */
int segment_stat(int shmid, struct shmid_ds *ds, struct trace *t, struct pzerr *e);

/*
 * Make sure shmid holds a pizarra board (attach read-only, validate,
 * detach). Used before shmctl operations so they never touch a foreign
 * segment. Needs read permission.
 */
int segment_verify(int shmid, const struct addr *a, struct trace *t, struct pzerr *e);

/* shmctl(IPC_SET) of the permission bits (mode & 0777). */
int segment_chmod(int shmid, mode_t mode, struct trace *t, struct pzerr *e);

/* shmctl(IPC_SET) of the owner uid and gid ((uid_t)-1 / (gid_t)-1 keep). */
int segment_chown(int shmid, uid_t uid, gid_t gid, struct trace *t, struct pzerr *e);

/*
 * shmctl(IPC_RMID): the segment is marked for destruction (SHM_DEST, key
 * 0x00000000) and lives on until its last detach.
 */
int segment_remove(int shmid, struct trace *t, struct pzerr *e);

/*
 * Remove a board this process created (s->created) and is still attached
 * to, after all (the command that created it failed), but only while no
 * one else has touched it: shm_nattch is 1 (only us), the generation is
 * still our_generation (0 for a board we only created), no row was ever
 * stamped (no cell written), no client slot is taken, and nobody holds
 * the lease. Returns 0 when it was removed, 1 when it was left in place (e
 * says who touched it), -1 on error. Someone who found the shmid just
 * before the removal can still attach the removed segment (Linux allows
 * it while it lives): that is the one window left.
 */
int segment_remove_untouched(struct segment *s, uint32_t our_generation, struct trace *t,
			     struct pzerr *e);

/* shmdt: detach s (the board becomes invalid until segment_attach). */
int segment_detach(struct segment *s, struct pzerr *e);

/*
 * shmat s->shmid again (readonly as asked) and re-validate the board; works
 * on a segment marked for removal while anyone is still attached. The
 * board was published when it was first opened, so an empty header is not
 * waited for: it fails at once (EPROTO), as any header that does not
 * validate. EIDRM when the segment is gone.
 */
int segment_attach(struct segment *s, bool readonly, struct pzerr *e);

/* Read the kernel's SHMMAX (bytes), 0 when unknown. */
uint64_t segment_shmmax(void);

#endif
