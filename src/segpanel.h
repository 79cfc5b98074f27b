/*
 * segpanel.h - the sidebar of pizarra top and peek: one segment's whole
 * shmid_ds under the kernel's names (a value that changed lit for a
 * moment, dest in the warning colour), its rss and swap, the processes
 * that have it attached (pid, command, rw or ro, address) against
 * shm_nattch, and a few lines of the caller's below. It draws with the
 * board's sidebar (sidebar.h) in the same window. Only segpanel.c writes
 * a struct segpanel.
 */
#ifndef PIZARRA_SEGPANEL_H
#define PIZARRA_SEGPANEL_H

#include <stdbool.h>
#include <stdint.h>

#include "segdata.h"
#include "shminfo.h"

#define SEGPANEL_ATTACHES 32      /* attaches listed */
#define SEGPANEL_NOTES    4

struct segpanel_att {
	pid_t pid;
	char name[20];
	bool writable;
	uint64_t start;
};

struct segpanel {
	int shmid;                               /* the segment shown, -1 none */
	bool gone;                               /* it is no longer in the table */
	char values[SHMINFO_NFIELDS][SHMINFO_VALUE_MAX];
	uint64_t changed_at[SHMINFO_NFIELDS];
	bool dest;
	uint64_t rss, swap;
	bool have_rss;
	struct segpanel_att att[SEGPANEL_ATTACHES];
	int natt;
	unsigned long nattch;
	char board[64];                          /* "200x60 board, 2 clients", or "" */
	char notes[SEGPANEL_NOTES][80];          /* the caller's lines */
	int nnotes;
};

/* Show shmid from now on (-1: none); its values are not lit on their first sample. */
void segpanel_show(struct segpanel *p, int shmid);

/* Take row r of d (NULL: the segment is gone) at now; true when the panel would look different. */
bool segpanel_sample(struct segpanel *p, const struct segdata *d, const struct segdata_row *r,
		     uint64_t now);

/*
 * The caller's lines under the attaches (at most SEGPANEL_NOTES; they are
 * not escaped). True when line i changed (draw the panel again).
 */
bool segpanel_note(struct segpanel *p, int i, const char *text);

/* Draw the panel into the sidebar window (nothing when the sidebar is hidden). */
void segpanel_draw(const struct segpanel *p, uint64_t now);

#endif
