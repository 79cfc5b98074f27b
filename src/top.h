/*
 * top.h - pizarra top: every System V segment, live, full screen, htop
 * style. The list (segtable.h) is sampled from /proc/sysvipc/shm at
 * segdata.h's pace (never attaching), the selected segment's shmid_ds and
 * attachers stand in the sidebar (segpanel.h); Enter opens the selected
 * segment (a board in draw, or view where only reading is allowed, any
 * other segment in peek) in this terminal and comes back after; the owner
 * may remove a segment (IPC_RMID, after asking) or change its mode
 * (IPC_SET). Keys, modes and the key bar are rows of tables in top.c.
 */
#ifndef PIZARRA_TOP_H
#define PIZARRA_TOP_H

#include "cli.h"

/* Run pizarra top (filtered by o's -k/-p/-f/-i and --owner); returns the exit status. */
int top_run(struct cli_opts *o);

#endif
