/*
 * client.h - the client registry: the slots in the board header that say
 * who is drawing, where their cursor is and in which colour.
 *
 * Protocol (no locks; every step is one atomic operation):
 *   claim    CAS a free owner word 0 -> tag<<32 | pid (not ready), fill the
 *            other fields, then store the owner with the ready bit (release).
 *   release  CAS our own owner word -> 0.
 *   reap     a ready slot is dead when, in our PID namespace, its pid is gone,
 *            a zombie, or has another start time (pid reused); in another
 *            namespace, when its heartbeat is older than CLIENT_STALE_MS. A
 *            slot that never became ready is dead when its pid is gone. Dead
 *            slots are freed with a CAS on the exact owner word seen, so a
 *            slot re-claimed meanwhile is never touched.
 * The tag makes every claim's owner word unique, so nothing is freed twice.
 * Slot contents come from shared memory: client_list validates and
 * sanitises every field before handing it out. What /proc says about a
 * pid (start time, state, namespace, name, attached segments) is proc.h's.
 */
#ifndef PIZARRA_CLIENT_H
#define PIZARRA_CLIENT_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "board.h"
#include "pzerr.h"

#define CLIENT_STALE_MS    10000   /* heartbeat age that kills a foreign-namespace slot */
#define CLIENT_TTY_MAX     16
#define CLIENT_SEL_MAX     1024    /* a published selection's largest side, in cells */

/*
 * A selection as a slot carries it: corners (c0, r0) to (c1, r1),
 * inclusive, c0 <= c1 and r0 <= r1, at most CLIENT_SEL_MAX cells a side.
 * In the slot: reserved = c0 (bits 0..13) | r0 << 16 (bits 16..29), with
 * the two high bits of width-1 in bits 14..15 and of height-1 in 30..31;
 * attr bit 4 says there is one, attr bits 16..23 and 24..31 hold the low
 * bytes of width-1 and height-1. Two words, so a reader may see one
 * half-updated for a frame (the writer bumps presence after both):
 * client_list bounds whatever it reads to the board.
 */
struct client_sel {
	bool on;
	uint32_t c0, r0, c1, r1;
};

/* What one client looks like, from its slot (sanitised) or about ourselves. */
struct client_info {
	int slot;                       /* index in the slot table */
	uint64_t owner;                 /* the slot's owner word while we hold it */
	pid_t pid;
	uint64_t start;                 /* /proc/PID/stat starttime */
	uint64_t pidns;                 /* inode of /proc/PID/ns/pid, 0 unknown */
	uid_t uid;
	unsigned colour;                /* 1..15 */
	unsigned tool;                  /* front-end defined, 0..255 */
	uint32_t col, row;              /* cursor, inside the board */
	uint64_t heartbeat;             /* CLOCK_BOOTTIME ms */
	struct client_sel sel;          /* the selection shown to everyone (on false: none) */
	char tty[CLIENT_TTY_MAX + 1];   /* printable ASCII only, "" unknown */
};

/*
 * Fill me with this process's identity: pid, start time, PID namespace,
 * uid and controlling terminal name (e.g. "pts/3").
 */
int client_self(struct client_info *me, struct pzerr *e);

/*
 * Claim a free slot for me (me->colour 0 = pick a colour no live client
 * uses). Stores the slot index and colour in me. -1 with EAGAIN when every
 * slot is taken by a live client. Reaps dead slots first. Notifies.
 */
int client_claim(const struct board *b, struct client_info *me, struct pzerr *e);

/* Free our slot if it is still ours. Notifies. */
void client_release(const struct board *b, const struct client_info *me);

/*
 * Refresh our heartbeat. Returns 0, or -1 when the slot is no longer ours
 * (someone freed or overwrote it): the caller should claim again.
 */
int client_heartbeat(const struct board *b, const struct client_info *me);

/*
 * Publish our cursor position, colour, tool and selection from me. Returns true when
 * anything changed; does not notify, so a caller can batch a keystroke's
 * cell and cursor changes into one notify_bump.
 */
bool client_update(const struct board *b, const struct client_info *me);

/* Free the slots of dead clients; returns how many. Notifies when any. */
int client_reap(const struct board *b);

/*
 * What a reaper saw of each slot at its last look: the owner word and the
 * heartbeat. Zeroed before the first look; client_reap_seen fills it.
 */
struct client_seen {
	uint64_t owner[BOARD_SLOTS];
	uint64_t heartbeat[BOARD_SLOTS];
};

/*
 * client_reap for the periodic look: a ready slot whose owner word is the
 * one seen last time and whose heartbeat has moved since is alive without
 * asking /proc (a client stores its heartbeat once a second while it
 * runs), so a look at N live clients costs N reads of the slots, not 4 N
 * system calls. Every other slot is judged as client_reap judges it. A
 * process that dies detaches first, so a caller that sees a detach
 * (shm_dtime moved) should call client_reap, which asks about every slot.
 * A hostile writer can keep a dead slot's heartbeat moving; it could as
 * well claim the slot again. seen is updated.
 */
int client_reap_seen(const struct board *b, struct client_seen *seen);

/*
 * Copy the live-looking slots into out (at most max), sanitised: pid > 0,
 * colour 1..15, cursor inside the board, a selection inside the board (cut at
 * its edges, none when its corner is off it), tty printable. Returns the count.
 */
int client_list(const struct board *b, struct client_info *out, int max);

/*
 * Would client_list list the same clients as list (n of them, from an
 * earlier client_list): the same ready slots with the same owner words
 * (claim tag and pid) and colours? Only the owner and attribute words are
 * read, not the rest of each slot: cheap enough to ask after every change.
 * Fields that only a hostile writer changes under the same owner word
 * (uid, tty, start time) are not compared.
 */
bool client_list_same(const struct board *b, const struct client_info *list, int n);

/* True when the process described by c is alive (by the rules above). */
bool client_alive(const struct client_info *c, uint64_t now_ms);

/* CLOCK_BOOTTIME in milliseconds, the heartbeat clock. */
uint64_t client_now_ms(void);

#endif
