/*
 * sidebar.h - the segment, live, beside the canvas: every shmid_ds field
 * under its kernel name (a changed value lit up for a moment), this
 * process's attach address, the clients in the board's slots against the
 * kernel's shm_nattch (naming attachers that hold no slot, found in
 * /proc), and the system calls this process made on the segment. Sampling
 * is kept apart from drawing. Only sidebar.c writes a struct sidebar; it
 * reads the session it is shown beside.
 */
#ifndef PIZARRA_SIDEBAR_H
#define PIZARRA_SIDEBAR_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "board.h"
#include "client.h"
#include "screen.h"
#include "session.h"
#include "shminfo.h"
#include "sidebarrows.h"

#define SIDEBAR_HIGHLIGHT_MS  1500    /* how long a changed field stays lit */
#define SIDEBAR_OTHERS        16      /* attachers without a slot shown */

struct sidebar {
	char values[SHMINFO_NFIELDS][SHMINFO_VALUE_MAX];
	uint64_t changed_at[SHMINFO_NFIELDS];
	bool had_stat;                 /* the previous sample had a shmid_ds */
	struct shminfo_stat raw;       /* that sample, as the kernel gave it (when raw_ok) */
	bool raw_ok;
	uint64_t lit_until;            /* the last field lit goes out then */
	uint32_t gen;                  /* the generation shown (the futex word) */
	int key_now;                   /* the other board under our key shown, or -1 */
	struct client_info clients[BOARD_SLOTS];
	int nclients;
	pid_t others[SIDEBAR_OTHERS];  /* attached processes without a slot */
	int nothers;
	unsigned long scan_nattch;     /* shm_nattch at the last /proc scan */
	int scan_nclients;             /* slots in use at the last /proc scan */
	uint64_t scan_at;              /* when that scan ran */
	unsigned long trace_seen;      /* syscall log entries shown */
	int focus;                     /* which section gets the room when short */
	struct sidebarrows rows;       /* what each row shows, to redraw only the changed ones */
};

/*
 * Take a new sample from s (its shmid_ds, taken by session_sample, and its
 * slots; with slow, also the /proc scan for attachers). now is in
 * milliseconds, tick is the caller's sampling period (a highlight lasts
 * until a sample after it ends). True when the sidebar would look different.
 */
bool sidebar_sample(struct sidebar *sb, const struct session *s, bool slow, uint64_t now,
		    unsigned tick);

/*
 * True when the clients in s's slots are no longer the ones shown (one
 * joined, left, detached, changed colour): for a remote change, which
 * may be one of those, so the sidebar follows at once, not at the next
 * sample. Only reads the slots (no system call).
 */
bool sidebar_relist(const struct sidebar *sb, const struct session *s);

/*
 * Draw the sidebar for s (nothing when the sidebar is hidden): only the
 * rows whose text or attributes differ from the last frame's.
 */
void sidebar_draw(struct sidebar *sb, const struct session *s, uint64_t now);

/* Something else drew over the sidebar (the help box): the next frame draws every row. */
void sidebar_invalidate(struct sidebar *sb);

/* The next section gets the room when the screen is short; true when back at the first. */
bool sidebar_next_focus(struct sidebar *sb);

/* Forget the values (a new segment: the next sample lights nothing). */
void sidebar_forget(struct sidebar *sb);

/* Scan /proc for attachers at the next slow sample, whatever the counts say. */
void sidebar_rescan(struct sidebar *sb);

/*
 * The sidebar's drawing, for the other sidebars of the same window
 * (pizarra top's and peek's): text at (y, x) clipped to the window's
 * width, a section title across it, and one "name  value" line.
 */
void sidebar_text(int y, int x, attr_t a, const char *text);
void sidebar_title(int y, const char *title);
void sidebar_field(int y, const char *name, attr_t a, const char *value);

#endif
