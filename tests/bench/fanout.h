/*
 * fanout.h - what the parts of measurement 7 (fan-out: one typist, N-1
 * watchers) share: the peers' groups of terminals (fanpeer.c starts,
 * moves and stops them; fanout.c times them) and the set of every terminal
 * the bench must keep reading while any of them runs.
 */
#ifndef PIZARRA_BENCH_FANOUT_H
#define PIZARRA_BENCH_FANOUT_H

#include "bench.h"
#include "pty.h"

#define FAN_MAX_N     64                  /* terminals per group */
#define FAN_MAX_SET   (3 * FAN_MAX_N)     /* every group's terminals */

/* The three peers, in the order of their trials. */
enum fan_peer { FAN_PIZARRA, FAN_TMUX, FAN_FLOOR, FAN_PEERS };

/* Every terminal of every group: what the bench reads while anything runs. */
struct fan_set {
	struct pty_session *s[FAN_MAX_SET];
	int n;
};

/*
 * One peer's N terminals: pty[0] is the typist, pty[1..n-1] the watchers.
 * ctr counts every process the peer's keystroke involves: the programs of
 * its terminals (ctr[i] is pty[i]'s), then for tmux its server and the
 * pane's cat.
 */
struct fan_group {
	enum fan_peer peer;
	const char *who;
	int n;
	bool up;                                /* every terminal drew its first screen */
	struct pty_session pty[FAN_MAX_N];
	struct proc_fast ctr[FAN_MAX_N + 2];
	int nctr;
	struct segment seg;                     /* pizarra's board, or the floor's */
	bool have_seg;
	struct tmux_server tmux;
	uint32_t col, row;                      /* the typist's cursor as the bench moved it */
	unsigned letter;                        /* how many letters were typed */
};

/* fanpeer.c */
int fanpeer_start(struct fan_group *g, struct fan_set *all, const struct bench_config *cfg,
		  enum fan_peer peer, int n);
void fanpeer_stop(struct fan_group *g, struct fan_set *all, const struct bench_config *cfg);
int fanpeer_move(struct fan_group *g);
size_t fanpeer_letter(unsigned index, char out[2]);

#endif
