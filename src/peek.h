/*
 * peek.h - pizarra peek: any segment's bytes, live, full screen. The
 * segment (named by -k, -f/-p or -i; one marked dest too, by -i) is
 * attached SHM_RDONLY, so nothing is ever written, also not on a board;
 * its bytes are shown by hexview.h as bytes, int32, int64, float, double
 * or characters, with a byte that changed lit for a moment, and its
 * shmid_ds and attaches in the sidebar (segpanel.h). A foreign program
 * has no futex to wake us, so peek compares with its last copy: every
 * PEEK_FAST_MS while bytes change, backing off to PEEK_SLOW_MS while they
 * do not (peeklook.h). Keys and modes are rows of tables in peek.c.
 */
#ifndef PIZARRA_PEEK_H
#define PIZARRA_PEEK_H

#include "cli.h"

/* Run pizarra peek on the segment o names; returns the exit status. */
int peek_run(struct cli_opts *o);

#endif
