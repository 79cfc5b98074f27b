/*
 * size.c - measurement 5: a big board must not cost a client more per
 * frame than a small one. One pizarra client (120x40 pty) watches an
 * 80x24 board, another a 2000x1000 board. The bench itself, attached to
 * both, changes one visible cell and bumps the generation every 2 ms, so
 * every change is one frame; the client's CPU time (schedstat) over a block
 * of changes, divided by the changes, is its CPU per frame. Blocks
 * alternate between the boards; each figure is the median over blocks.
 * Also shown: each board's segment size (shm_segsz) and the client's RSS.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <time.h>

#include "bench.h"
#include "cell.h"
#include "notify.h"
#include "pty.h"

#define SIZE_BLOCKS       7
#define SIZE_CHANGES      250          /* changes (frames) per block */
#define SIZE_PACE_NS      2000000u     /* one change every 2 ms */
#define SIZE_SETTLE_MS    60
#define SIZE_AREA_COLS    60           /* changed cells stay inside both viewports */
#define SIZE_AREA_ROWS    20

/* One board and the client watching it. */
struct size_case {
	const char *label;
	uint32_t cols, rows;
	struct segment seg;
	struct pty_session pty;
	struct samples per_frame_us;     /* client CPU per change, one sample per block */
	struct samples wakeups;          /* client wake-ups per change, per block */
	long rss_kb, shm_kb;
	bool up;
};

/* One block: n paced changes on c's board; adds the client's CPU per change. */
static int
size_block(struct size_case *c, struct pty_session *const *all, int n, int block)
{
	struct proc_counters c0, c1;
	struct timespec ts;
	uint64_t next;
	uint32_t cp;
	int i;

	pty_settle(all, n, SIZE_SETTLE_MS, 1000);
	if (proc_read(c->pty.pid, &c0) != 0)
		return -1;
	next = stats_now_ns();
	for (i = 0; i < SIZE_CHANGES; i++) {
		cp = 'a' + (uint32_t)(block * 7 + i) % 26u;
		board_draw(&c->seg.board, (uint32_t)i % SIZE_AREA_COLS,
		    (uint32_t)i / SIZE_AREA_COLS % SIZE_AREA_ROWS, cp, 2, 0);
		notify_bump(&c->seg.board);
		next += SIZE_PACE_NS;
		ts.tv_sec = (time_t)(next / 1000000000u);
		ts.tv_nsec = (long)(next % 1000000000u);
		while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
			;
		pty_pump(all, n, 0);
	}
	pty_settle(all, n, SIZE_SETTLE_MS, 1000);
	if (proc_read(c->pty.pid, &c1) != 0)
		return -1;
	stats_add(&c->per_frame_us, (double)(c1.cpu_ns - c0.cpu_ns) / 1e3 / SIZE_CHANGES);
	stats_add(&c->wakeups, (double)(c1.vcsw - c0.vcsw) / SIZE_CHANGES);
	return 0;
}

/* Create c's board and start its client; 0 or -1. */
static int
size_start(const struct bench_config *cfg, struct size_case *c)
{
	char key[16];
	const char *argv[] = { cfg->pizarra, "-k", key, NULL };

	stats_init(&c->per_frame_us);
	stats_init(&c->wakeups);
	if (keys_board_create(&c->seg, c->cols, c->rows) != 0)
		return -1;
	snprintf(key, sizeof key, "0x%08x", (unsigned)c->seg.key);
	if (pty_spawn(&c->pty, c->label, argv) != 0) {
		keys_board_remove(&c->seg);
		return -1;
	}
	c->up = true;
	return 0;
}

/* Report measurement 5 from the two cases. */
static void
size_report(struct size_case *small, struct size_case *big, int blocks)
{
	double s = stats_percentile(&small->per_frame_us, 50);
	double b = stats_percentile(&big->per_frame_us, 50);
	char o[48], p[48], r[32];

	snprintf(o, sizeof o, "%.1f us", b);
	snprintf(p, sizeof p, "%.1f us", s);
	bench_ratio(r, sizeof r, b, s);
	bench_row("5 client CPU per frame: 2000x1000 board (peer: 80x24)", o, p, r, "<= 1.5 x",
	    bench_verdict_of(!isnan(b) && !isnan(s) && b <= 1.5 * s));
	snprintf(o, sizeof o, "%zu B", big->seg.size);
	snprintf(p, sizeof p, "%zu B", small->seg.size);
	bench_ratio(r, sizeof r, (double)big->seg.size, (double)small->seg.size);
	bench_row("5 segment size shm_segsz: 2000x1000 (peer: 80x24)", o, p, r, "-", BENCH_INFO);
	snprintf(o, sizeof o, "%ld kB", big->rss_kb);
	snprintf(p, sizeof p, "%ld kB", small->rss_kb);
	bench_ratio(r, sizeof r, (double)big->rss_kb, (double)small->rss_kb);
	bench_row("5 client VmRSS: 2000x1000 (peer: 80x24)", o, p, r, "-", BENCH_INFO);
	bench_note("#5: %d blocks of %d changes, one every %u ms; per-block CPU/frame "
	    "80x24 p10..p90 %.1f..%.1f us, 2000x1000 %.1f..%.1f us; wake-ups per change %.2f "
	    "and %.2f; RssShmem %ld kB and %ld kB", blocks, SIZE_CHANGES,
	    SIZE_PACE_NS / 1000000u, stats_percentile(&small->per_frame_us, 10),
	    stats_percentile(&small->per_frame_us, 90), stats_percentile(&big->per_frame_us, 10),
	    stats_percentile(&big->per_frame_us, 90), stats_percentile(&small->wakeups, 50),
	    stats_percentile(&big->wakeups, 50), small->shm_kb, big->shm_kb);
}

/* Measurement 5. */
void
size_run(const struct bench_config *cfg)
{
	struct size_case cases[2] = {
		{ .label = "80x24", .cols = 80, .rows = 24 },
		{ .label = "2000x1000", .cols = 2000, .rows = 1000 },
	};
	struct pty_session *all[] = { &cases[0].pty, &cases[1].pty };
	int blocks = cfg->quick ? 3 : SIZE_BLOCKS, k, i, ok = 0;

	for (i = 0; i < 2; i++) {
		cases[i].pty.fd = -1;
		cases[i].pty.eof = true;
	}
	if (size_start(cfg, &cases[0]) != 0)
		goto out;
	if (size_start(cfg, &cases[1]) != 0)
		goto out;
	for (i = 0; i < 2; i++)
		if (pty_wait_text(all, 2, &cases[i].pty, BENCH_READY_TEXT, BENCH_START_MS) != 0) {
			fprintf(stderr, "bench: the %s client did not draw its first screen\n",
			    cases[i].label);
			goto out;
		}
	pty_settle(all, 2, 200, 3000);
	for (k = 0; k < blocks; k++) {
		bench_progress("size: block %d/%d", k + 1, blocks);
		for (i = 0; i < 2; i++)
			if (size_block(&cases[(k + i) % 2], all, 2, k) != 0)
				goto out;
	}
	for (i = 0; i < 2; i++) {
		cases[i].rss_kb = proc_status_kb(cases[i].pty.pid, "VmRSS");
		cases[i].shm_kb = proc_status_kb(cases[i].pty.pid, "RssShmem");
	}
	ok = 1;
out:
	for (i = 0; i < 2; i++)
		if (cases[i].up)
			pty_stop(all, 2, &cases[i].pty, "\021");
	for (i = 0; i < 2; i++)
		if (cases[i].up)
			keys_board_remove(&cases[i].seg);
	if (ok)
		size_report(&cases[0], &cases[1], blocks);
	else
		bench_row("5 client CPU per frame: 2000x1000 board (peer: 80x24)", "n/a", "n/a", "-",
		    "<= 1.5 x", BENCH_FAIL);
	for (i = 0; i < 2; i++) {
		stats_free(&cases[i].per_frame_us);
		stats_free(&cases[i].wakeups);
	}
}
