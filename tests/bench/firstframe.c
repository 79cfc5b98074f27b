/*
 * firstframe.c - measurement 8: how long a client that joins takes to
 * show its whole first screen. A fresh board with one pizarra client on
 * it, and a private tmux session with one client attached, stay up; in
 * turns (the first to go alternating) the bench starts one more client of
 * each under a new pty (`pizarra -k KEY`, `tmux attach`) and times from
 * just before forkpty (so fork and exec count for both) to the last byte
 * of its first screen: the last that came before the terminal was quiet
 * for 150 ms, once the screen showed its ready text (pizarra's key bar,
 * tmux's status line). Then the joiner leaves (^Q for pizarra, the
 * detach key C-b d for tmux) and everything settles. The median over
 * trials is compared; the notes add p90 and when the ready text came.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bench.h"
#include "pty.h"

#define FF_TRIALS     20
#define FF_QUIET_MS   150
#define FF_SETTLE_MS  100

/* One peer: its host terminal (the client already there) and the joiner. */
struct ff_peer {
	const char *who;
	const char *const *argv;
	const char *ready, *quit;
	struct pty_session host, joiner;
	struct samples whole, ready_ms;   /* ms from forkpty */
	struct samples bytes;
	bool up;
};

/* One join of p: time its first screen; 0 or -1. */
static int
ff_join(struct ff_peer *p, struct pty_session **set, int n)
{
	uint64_t t0, now;

	pty_settle(set, n - 1, FF_SETTLE_MS, 3000);
	t0 = stats_now_ns();
	if (pty_spawn(&p->joiner, "joiner", p->argv) != 0)
		return -1;
	set[n - 1] = &p->joiner;
	if (pty_wait_text(set, n, &p->joiner, p->ready, BENCH_START_MS) != 0) {
		fprintf(stderr, "bench: a joining %s client did not draw its first screen\n",
		    p->who);
		pty_stop(set, n, &p->joiner, p->quit);
		return -1;
	}
	stats_add(&p->ready_ms, (double)(p->joiner.last_rx_ns - t0) / 1e6);
	while ((now = stats_now_ns()) < p->joiner.last_rx_ns + FF_QUIET_MS * 1000000ull &&
	    !p->joiner.eof)
		pty_pump(set, n, (int)((p->joiner.last_rx_ns + FF_QUIET_MS * 1000000ull - now) /
		    1000000u) + 1);
	stats_add(&p->whole, (double)(p->joiner.last_rx_ns - t0) / 1e6);
	stats_add(&p->bytes, (double)p->joiner.bytes);
	pty_stop(set, n, &p->joiner, p->quit);
	return 0;
}

/* The rows and the note. */
static void
ff_report(struct ff_peer *z, struct ff_peer *t)
{
	char o[32], q[32], r[32];
	double a = stats_percentile(&z->whole, 50), b = stats_percentile(&t->whole, 50);

	snprintf(o, sizeof o, isnan(a) ? "n/a" : "%.1f ms", a);
	snprintf(q, sizeof q, isnan(b) ? "n/a" : "%.1f ms", b);
	bench_ratio(r, sizeof r, a, b);
	bench_row("8 time to first frame, joining client, p50 (peer: tmux attach)", o, q, r,
	    "<= 1.0 x tmux", isnan(b) ? (isnan(a) ? BENCH_FAIL : BENCH_SKIP) :
	    bench_verdict_of(!isnan(a) && a <= b));
	bench_note("#8: %zu joins each, from forkpty to the last byte of the first screen (%d ms "
	    "of silence after it): p90 pizarra %.1f ms, tmux %.1f ms; the ready text (key bar, "
	    "status line) came at p50 %.1f and %.1f ms; first screen %.0f and %.0f bytes",
	    z->whole.n, FF_QUIET_MS, stats_percentile(&z->whole, 90),
	    stats_percentile(&t->whole, 90), stats_percentile(&z->ready_ms, 50),
	    stats_percentile(&t->ready_ms, 50), stats_percentile(&z->bytes, 50),
	    stats_percentile(&t->bytes, 50));
}

/* An idle peer started with argv, ready and quit its texts. */
static void
ff_init(struct ff_peer *p, const char *who, const char *const *argv, const char *ready,
	const char *quit)
{
	memset(p, 0, sizeof *p);
	p->who = who;
	p->argv = argv;
	p->ready = ready;
	p->quit = quit;
	p->host.fd = p->joiner.fd = -1;
	p->host.eof = p->joiner.eof = true;
	stats_init(&p->whole);
	stats_init(&p->ready_ms);
	stats_init(&p->bytes);
}

/* Start p's host client, the one already there when the others join. */
static void
ff_host(struct ff_peer *p, struct pty_session **set)
{
	p->up = pty_spawn(&p->host, "host", p->argv) == 0 &&
	    pty_wait_text(set, 2, &p->host, p->ready, BENCH_START_MS) == 0;
}

/* Measurement 8. */
void
firstframe_run(const struct bench_config *cfg)
{
	static struct ff_peer peers[2];
	struct pty_session *set[3];
	struct tmux_server srv;
	struct segment seg;
	char key[16];
	const char *pargv[] = { cfg->pizarra, "-k", key, NULL };
	const char *targv[] = { cfg->tmux, "-L", srv.label, "attach", NULL };
	int trials = cfg->quick ? FF_TRIALS / 4 : FF_TRIALS, i, k;
	bool have_seg = false;

	memset(&srv, 0, sizeof srv);
	ff_init(&peers[0], "pizarra", pargv, BENCH_READY_TEXT, "\021");
	ff_init(&peers[1], "tmux", targv, BENCH_TMUX_READY, "\002d");
	for (k = 0; k < 2; k++)
		set[k] = &peers[k].host;
	if (keys_board_create(&seg, BOARD_DEF_COLS, BOARD_DEF_ROWS) == 0) {
		have_seg = true;
		segment_detach(&seg, NULL);
		snprintf(key, sizeof key, "0x%08x", (unsigned)seg.key);
		ff_host(&peers[0], set);
	}
	if (cfg->tmux != NULL && tmux_start(&srv, cfg->tmux, "join") == 0)
		ff_host(&peers[1], set);
	bench_progress("first frame: %d joins per peer", trials);
	for (i = 0; i < trials; i++)
		for (k = 0; k < 2; k++) {
			struct ff_peer *p = &peers[(i + k) % 2];

			if (p->up && ff_join(p, set, 3) != 0)
				p->up = false;
		}
	if (peers[0].host.pid > 0)
		pty_stop(set, 2, &peers[0].host, "\021");
	tmux_stop(&srv, cfg->tmux);
	if (peers[1].host.pid > 0)
		pty_stop(set, 2, &peers[1].host, NULL);
	if (have_seg)
		keys_board_remove(&seg);
	ff_report(&peers[0], &peers[1]);
	for (k = 0; k < 2; k++) {
		stats_free(&peers[k].whole);
		stats_free(&peers[k].ready_ms);
		stats_free(&peers[k].bytes);
	}
}
