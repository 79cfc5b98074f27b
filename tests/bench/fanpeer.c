/*
 * fanpeer.c - the terminals of measurement 7: for one peer, N programs
 * under their own ptys, started, waited for, moved and stopped.
 *   pizarra  N clients (`pizarra -k KEY`) of one fresh 200x60 board
 *   tmux     N clients (`tmux attach`) of one private session running cat
 *   floor    the typist (`bench --floor-typist KEY`) and N-1 drawers
 *            (`bench --floor-drawer KEY`) of one 16x4 board (floor.c)
 * Terminal 0 types; the others watch. Every terminal joins the run's set
 * as soon as it exists, so the bench reads it whatever it waits for, and
 * every process a keystroke involves gets a counter (fanout.h).
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fanout.h"

#define FANPEER_AREA_COLS  70    /* the typist's letters stay inside every canvas */
#define FANPEER_AREA_ROWS  30

/* Greek small letter number index (alpha..omega, cycling) as UTF-8; its length. */
size_t
fanpeer_letter(unsigned index, char out[2])
{
	uint32_t cp = 0x3B1 + index % 25;

	out[0] = (char)(0xC0 | cp >> 6);
	out[1] = (char)(0x80 | (cp & 0x3F));
	return 2;
}

/* The bench's own program, which runs the floor programs; NULL when unknown. */
static const char *
fanpeer_self(void)
{
	static char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);

	if (n <= 0)
		return NULL;
	self[n] = '\0';
	return self;
}

/* Start terminal i of g with argv and add it to the set; 0 or -1. */
static int
fanpeer_spawn(struct fan_group *g, struct fan_set *all, int i, const char *const *argv)
{
	char name[16];

	snprintf(name, sizeof name, "%.6s %d", g->who, i % 100);
	if (all->n == FAN_MAX_SET || pty_spawn(&g->pty[i], name, argv) != 0)
		return -1;
	all->s[all->n++] = &g->pty[i];
	return 0;
}

/* Start every terminal (typist with ta, watchers with wa), wait for ready on each; 0 or -1. */
static int
fanpeer_spawn_all(struct fan_group *g, struct fan_set *all, const char *const *ta,
		  const char *const *wa, const char *ready)
{
	int i;

	/* each waited for as it starts: the text window is 512 bytes, and the
	 * later joiners' sidebar changes could push an earlier one's key bar out
	 * of it before its turn came (N = 32 then failed to start) */
	for (i = 0; i < g->n; i++)
		if (fanpeer_spawn(g, all, i, i == 0 ? ta : wa) != 0)
			return -1;
		else if (pty_wait_text(all->s, all->n, &g->pty[i], ready, BENCH_START_MS) != 0) {
			fprintf(stderr, "bench: %s terminal %d did not draw its first screen\n",
			    g->who, i);
			return -1;
		}
	return 0;
}

/* Open a counter on pid; 0 or -1. */
static int
fanpeer_count(struct fan_group *g, pid_t pid)
{
	if (pid <= 0 || proc_fast_open(&g->ctr[g->nctr], pid) != 0) {
		fprintf(stderr, "bench: cannot read the counters of %s's process %d\n", g->who,
		    (int)pid);
		return -1;
	}
	g->nctr++;
	return 0;
}

/* A fresh board under a private key, let go of at once; its key as text. */
static int
fanpeer_board(struct fan_group *g, uint32_t cols, uint32_t rows, char key[16])
{
	if (keys_board_create(&g->seg, cols, rows) != 0)
		return -1;
	g->have_seg = true;
	segment_detach(&g->seg, NULL);
	snprintf(key, 16, "0x%08x", (unsigned)g->seg.key);
	return 0;
}

/* The peer's programs, up to their first screens; 0 or -1. */
static int
fanpeer_launch(struct fan_group *g, struct fan_set *all, const struct bench_config *cfg)
{
	const char *self = fanpeer_self();
	char key[16];
	const char *pz[] = { cfg->pizarra, "-k", key, NULL };
	const char *tm[] = { cfg->tmux, "-L", g->tmux.label, "attach", NULL };
	const char *ty[] = { self, "--floor-typist", key, NULL };
	const char *dr[] = { self, "--floor-drawer", key, NULL };
	char tag[16];

	switch (g->peer) {
	case FAN_PIZARRA:
		if (fanpeer_board(g, BOARD_DEF_COLS, BOARD_DEF_ROWS, key) != 0 ||
		    fanpeer_spawn_all(g, all, pz, pz, BENCH_READY_TEXT) != 0)
			return -1;
		/* clients that join take the first free row: the typist goes to (0,0) */
		return pty_send(&g->pty[0], "\033[5~\033OH", 7);
	case FAN_TMUX:
		snprintf(tag, sizeof tag, "fan%d", g->n);
		if (cfg->tmux == NULL || tmux_start(&g->tmux, cfg->tmux, tag) != 0)
			return -1;
		return fanpeer_spawn_all(g, all, tm, tm, BENCH_TMUX_READY);
	default:
		if (self == NULL || fanpeer_board(g, 16, 4, key) != 0)
			return -1;
		return fanpeer_spawn_all(g, all, ty, dr, BENCH_READY_TEXT);
	}
}

/* Start peer's n terminals and their counters; 0 (g->up) or -1. */
int
fanpeer_start(struct fan_group *g, struct fan_set *all, const struct bench_config *cfg,
	      enum fan_peer peer, int n)
{
	static const char *const names[] = { "pizarra", "tmux", "floor" };
	int i;

	memset(g, 0, sizeof *g);
	g->peer = peer;
	g->who = names[peer];
	g->n = n < 2 ? 2 : n > FAN_MAX_N ? FAN_MAX_N : n;
	for (i = 0; i < FAN_MAX_N; i++) {
		g->pty[i].fd = -1;
		g->pty[i].eof = true;
	}
	for (i = 0; i < FAN_MAX_N + 2; i++)
		g->ctr[i].sched = g->ctr[i].status = -1;
	if (fanpeer_launch(g, all, cfg) != 0)
		return -1;
	for (i = 0; i < g->n; i++)
		if (fanpeer_count(g, g->pty[i].pid) != 0)
			return -1;
	if (peer == FAN_TMUX && (fanpeer_count(g, g->tmux.pid) != 0 ||
	    fanpeer_count(g, g->tmux.pane_pid) != 0))
		return -1;
	g->up = true;
	return 0;
}

/*
 * Before the next letter, keep the typist's cursor inside the area: at
 * the end of a line, pizarra goes Home and down a row (Enter), or back to
 * the top (PgUp); cat under tmux gets Enter. -1 on error, 1 when keys
 * were typed (the caller lets the screens settle), 0 otherwise.
 */
int
fanpeer_move(struct fan_group *g)
{
	if (g->peer == FAN_FLOOR || g->col < FANPEER_AREA_COLS) {
		g->col++;
		return 0;
	}
	g->col = 1;
	if (g->peer == FAN_TMUX)
		return pty_send(&g->pty[0], "\r", 1) == 0 ? 1 : -1;
	if (++g->row < FANPEER_AREA_ROWS)
		return pty_send(&g->pty[0], "\033OH\r", 4) == 0 ? 1 : -1;
	g->row = 0;
	return pty_send(&g->pty[0], "\033[5~\033OH", 7) == 0 ? 1 : -1;
}

/* Stop every terminal of g (pumping the set meanwhile), its server, its board. */
void
fanpeer_stop(struct fan_group *g, struct fan_set *all, const struct bench_config *cfg)
{
	int i;

	for (i = 0; i < g->n; i++) {
		if (g->pty[i].pid <= 0)
			continue;
		if (g->peer == FAN_PIZARRA || (g->peer == FAN_FLOOR && i == 0))
			pty_send(&g->pty[i], "\021", 1);
		else if (g->peer == FAN_FLOOR)
			kill(g->pty[i].pid, SIGTERM);      /* a drawer reads no keys */
	}
	if (g->peer == FAN_TMUX && cfg->tmux != NULL)
		tmux_stop(&g->tmux, cfg->tmux);
	for (i = 0; i < g->n; i++)
		pty_stop(all->s, all->n, &g->pty[i], NULL);
	for (i = 0; i < g->nctr; i++)
		proc_fast_close(&g->ctr[i]);
	g->nctr = 0;
	if (g->have_seg)
		keys_board_remove(&g->seg);
	g->have_seg = false;
	g->up = false;
}
