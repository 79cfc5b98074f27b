/*
 * fanout.c - measurement 7: one typist, N-1 watchers, for each N of the
 * run (2, 8 and 32 unless told) and each pace (keys about 20 ms and
 * 100 ms apart unless told). The three peers (fanpeer.c) run at once and
 * take turns trial by trial, the first to go rotating, so whatever else
 * the machine does falls on all alike. One trial: let every terminal be
 * quiet, wait until the pace's time has passed since the last key the
 * bench typed to anyone, read the peer's counters, write one Greek letter
 * to the typist's master, and time its arrival on every watcher's (first
 * screen: the earliest; last screen: the latest); when the peer's
 * terminals have been quiet for 10 ms, read the counters again. CPU per
 * keystroke is the sum over every process the peer involves, wake-ups per
 * watcher the watchers' voluntary context switches over the watchers;
 * both less what the same processes do idle in as long (measured for a
 * second before the trials). Every figure is the median over trials but
 * the wake-ups, a mean (a watcher's idle tick falls in one window of 20:
 * a median would drop it while the subtraction counts it).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fanout.h"

#define FAN_WARMUP       10
#define FAN_QUIET_MS     5       /* silence before a trial */
#define FAN_AFTER_MS     10      /* the peer is done with a keystroke after this much */
#define FAN_MOVE_MS      20      /* silence after moving the cursor to a new line */
#define FAN_TIMEOUT_MS   2000    /* a letter that never arrives counts as this */
#define FAN_IDLE_MS      1000
#define FAN_MAX_PACES    4

/* One peer's trials at one pace. */
struct fan_res {
	struct samples first, last;   /* ms */
	struct samples cpu;           /* us per keystroke, all processes */
	struct samples wake;          /* per watcher per keystroke */
	struct samples typist;        /* us: the typist's program alone (idle included) */
	struct samples watcher;       /* us: one watcher's program, the mean (idle included) */
	struct samples server;        /* us: tmux's server (idle included) */
	int lost;                     /* keystrokes some watcher never showed */
};

/* What a peer's processes do idle: subtracted from each trial's window. */
struct fan_base {
	double cpu_ns_per_s;          /* all processes */
	double wake_per_s;            /* per watcher */
};

/* Counters of every process of g, in cpu and vcsw; -1 when one is gone. */
static int
fan_read(struct fan_group *g, uint64_t *cpu, uint64_t *vcsw)
{
	int i;

	for (i = 0; i < g->nctr; i++)
		if (proc_fast_read(&g->ctr[i], &cpu[i], &vcsw[i]) != 0)
			return -1;
	return 0;
}

/* Sum of (b - a) over g's processes from `from` on (watchers: from 1 to n-1). */
static double
fan_sum(const uint64_t *a, const uint64_t *b, int from, int to)
{
	double s = 0;
	int i;

	for (i = from; i < to; i++)
		s += (double)(b[i] - a[i]);
	return s;
}

/* Pump the set until when (monotonic ns). */
static void
fan_wait_until(struct fan_set *all, uint64_t when)
{
	uint64_t now;

	while ((now = stats_now_ns()) < when)
		pty_pump(all->s, all->n, (int)((when - now) / 1000000u) + 1);
}

/* Pump the set until every one of g's terminals has been quiet for ms (or 1 s). */
static void
fan_wait_quiet(struct fan_group *g, struct fan_set *all, int ms)
{
	uint64_t start = stats_now_ns(), quiet = (uint64_t)ms * 1000000u, last, now;
	int i;

	for (;;) {
		now = stats_now_ns();
		for (last = 0, i = 0; i < g->n; i++)
			if (g->pty[i].last_rx_ns > last)
				last = g->pty[i].last_rx_ns;
		if (now >= last + quiet || now - start >= 1000000000u)
			return;
		pty_pump(all->s, all->n, (int)((last + quiet - now) / 1000000u) + 1);
	}
}

/* Type one letter into g's typist; first and last arrival (ns after typing), lost count. */
static int
fan_type(struct fan_group *g, struct fan_set *all, uint64_t *t_sent, uint64_t *first,
	 uint64_t *last)
{
	uint64_t limit = (uint64_t)FAN_TIMEOUT_MS * 1000000u, now, t;
	char key[2];
	size_t len = fanpeer_letter(g->letter++, key);
	int i, got, lost = 0;

	for (i = 1; i < g->n; i++)
		pty_expect(&g->pty[i], key, len);
	*t_sent = stats_now_ns();
	if (pty_send(&g->pty[0], key, len) != 0)
		return -1;
	for (;;) {
		for (got = 0, i = 1; i < g->n; i++)
			got += g->pty[i].needle_ns != 0;
		now = stats_now_ns();
		if (got == g->n - 1 || now - *t_sent >= limit)
			break;
		pty_pump(all->s, all->n, 50);
	}
	*first = limit;
	*last = 0;
	for (i = 1; i < g->n; i++) {
		t = g->pty[i].needle_ns ? g->pty[i].needle_ns - *t_sent : limit;
		lost += g->pty[i].needle_ns == 0;
		*first = t < *first ? t : *first;
		*last = t > *last ? t : *last;
		g->pty[i].needle_n = 0;
	}
	return lost;
}

/* One trial of g at pace_ms after *last_key; its samples into r unless warming up. */
static int
fan_trial(struct fan_group *g, struct fan_set *all, int pace_ms, uint64_t *last_key,
	  const struct fan_base *base, struct fan_res *r, bool timed)
{
	uint64_t c0[FAN_MAX_N + 2], v0[FAN_MAX_N + 2], c1[FAN_MAX_N + 2], v1[FAN_MAX_N + 2];
	uint64_t t0, t1, sent, first, last;
	double window;
	int moved, lost;

	moved = fanpeer_move(g);
	if (moved < 0)
		return -1;
	pty_settle(all->s, all->n, moved ? FAN_MOVE_MS : FAN_QUIET_MS, 1000);
	fan_wait_until(all, *last_key + (uint64_t)pace_ms * 1000000u);
	if (fan_read(g, c0, v0) != 0)
		return -1;
	t0 = stats_now_ns();
	lost = fan_type(g, all, &sent, &first, &last);
	if (lost < 0)
		return -1;
	*last_key = sent;
	fan_wait_quiet(g, all, FAN_AFTER_MS);
	if (fan_read(g, c1, v1) != 0)
		return -1;
	t1 = stats_now_ns();
	if (!timed)
		return 0;
	window = (double)(t1 - t0) / 1e9;
	r->lost += lost > 0;
	stats_add(&r->first, (double)first / 1e6);
	stats_add(&r->last, (double)last / 1e6);
	stats_add(&r->cpu, (fan_sum(c0, c1, 0, g->nctr) - base->cpu_ns_per_s * window) / 1e3);
	stats_add(&r->wake, fan_sum(v0, v1, 1, g->n) / (g->n - 1) - base->wake_per_s * window);
	stats_add(&r->typist, fan_sum(c0, c1, 0, 1) / 1e3);
	stats_add(&r->watcher, fan_sum(c0, c1, 1, g->n) / (g->n - 1) / 1e3);
	if (g->nctr > g->n)
		stats_add(&r->server, fan_sum(c0, c1, g->n, g->n + 1) / 1e3);
	return 0;
}

/* What every group's processes do in FAN_IDLE_MS of quiet. */
static void
fan_baseline(struct fan_group *gs, struct fan_set *all, struct fan_base *base, int ms)
{
	uint64_t c0[FAN_PEERS][FAN_MAX_N + 2], v0[FAN_PEERS][FAN_MAX_N + 2];
	uint64_t c1[FAN_MAX_N + 2], v1[FAN_MAX_N + 2], t0, t1;
	double s;
	int p;

	pty_settle(all->s, all->n, 200, 3000);
	for (p = 0; p < FAN_PEERS; p++)
		if (gs[p].up && fan_read(&gs[p], c0[p], v0[p]) != 0)
			gs[p].up = false;
	t0 = stats_now_ns();
	fan_wait_until(all, t0 + (uint64_t)ms * 1000000u);
	t1 = stats_now_ns();
	s = (double)(t1 - t0) / 1e9;
	for (p = 0; p < FAN_PEERS; p++) {
		memset(&base[p], 0, sizeof base[p]);
		if (!gs[p].up || fan_read(&gs[p], c1, v1) != 0)
			continue;
		base[p].cpu_ns_per_s = fan_sum(c0[p], c1, 0, gs[p].nctr) / s;
		base[p].wake_per_s = fan_sum(v0[p], v1, 1, gs[p].n) / (gs[p].n - 1) / s;
	}
}

/* Every peer's trials at one pace, interleaved. */
static void
fan_pace(struct fan_group *gs, struct fan_set *all, int pace_ms, int trials,
	 const struct fan_base *base, struct fan_res *res)
{
	uint64_t last_key = 0;
	int i, k, p;

	for (i = -FAN_WARMUP; i < trials; i++)
		for (k = 0; k < FAN_PEERS; k++) {
			p = (i + FAN_WARMUP + k) % FAN_PEERS;
			if (gs[p].up && fan_trial(&gs[p], all, pace_ms, &last_key, &base[p], &res[p],
			    i >= 0) != 0) {
				fprintf(stderr, "bench: the %s terminals stopped\n", gs[p].who);
				gs[p].up = false;
			}
		}
}

/* Format a latency: "0.42 ms", or "n/a". */
static void
fan_ms(char *buf, size_t n, double ms)
{
	snprintf(buf, n, isnan(ms) ? "n/a" : "%.2f ms", ms);
}

/* One row: pizarra's x against the peer's y, with a target ratio (<= 0: info). */
static void
fan_row(const char *what, const char *unit, double x, double y, double target,
	const char *peer)
{
	char o[32], p[32], r[32], t[40];

	if (strcmp(unit, "ms") == 0) {
		fan_ms(o, sizeof o, x);
		fan_ms(p, sizeof p, y);
	} else {
		snprintf(o, sizeof o, isnan(x) ? "n/a" : "%.2f %s", x, unit);
		snprintf(p, sizeof p, isnan(y) ? "n/a" : "%.2f %s", y, unit);
	}
	bench_ratio(r, sizeof r, x, y);
	if (target <= 0) {
		bench_row(what, o, p, r, "-", BENCH_INFO);
		return;
	}
	snprintf(t, sizeof t, "<= %.3g x %s", target, peer);
	if (isnan(y))
		bench_row(what, o, p, r, t, isnan(x) ? BENCH_FAIL : BENCH_SKIP);
	else
		bench_row(what, o, p, r, t, bench_verdict_of(!isnan(x) && x <= target * y));
}

/* The mean of s; NAN when empty. */
static double
fan_mean(const struct samples *s)
{
	double sum = 0;
	size_t i;

	for (i = 0; i < s->n; i++)
		sum += s->v[i];
	return s->n ? sum / (double)s->n : NAN;
}

/* The rows and the note of one N at one pace. */
static void
fan_report(int n, int pace, struct fan_res *res, const struct fan_base *base)
{
	struct fan_res *z = &res[FAN_PIZARRA], *t = &res[FAN_TMUX], *f = &res[FAN_FLOOR];
	char what[96], o[32], p[32];
	double w = fan_mean(&z->wake), tw = fan_mean(&t->wake);

#define FAN_WHAT(s) (snprintf(what, sizeof what, "7 N=%d, %d ms: %s", n, pace, s), what)
	fan_row(FAN_WHAT("last screen p50 (peer: floor)"), "ms", stats_percentile(&z->last, 50),
	    stats_percentile(&f->last, 50), n >= 32 ? 1.3 : 1.15, "floor");
	fan_row(FAN_WHAT("last screen p50 (peer: tmux)"), "ms", stats_percentile(&z->last, 50),
	    stats_percentile(&t->last, 50), n >= 32 ? 1.0 : 0, "tmux");
	fan_row(FAN_WHAT("last screen p99 (peer: tmux)"), "ms", stats_percentile(&z->last, 99),
	    stats_percentile(&t->last, 99), 1.2, "tmux");
	fan_row(FAN_WHAT("first screen p50 (peer: tmux)"), "ms", stats_percentile(&z->first, 50),
	    stats_percentile(&t->first, 50), 0, "tmux");
	fan_row(FAN_WHAT("first screen p99 (peer: tmux)"), "ms", stats_percentile(&z->first, 99),
	    stats_percentile(&t->first, 99), 1.2, "tmux");
	fan_row(FAN_WHAT("CPU per keystroke, all processes (peer: tmux)"), "ms",
	    stats_percentile(&z->cpu, 50) / 1e3, stats_percentile(&t->cpu, 50) / 1e3,
	    n >= 32 ? 1.0 : 0, "tmux");
	/* the floor against tmux: where a target is below it, no two-process design meets it */
	fan_row(FAN_WHAT("the floor's last screen p50 (peer: tmux)"), "ms",
	    stats_percentile(&f->last, 50), stats_percentile(&t->last, 50), 0, "tmux");
	fan_row(FAN_WHAT("the floor's CPU per keystroke (peer: tmux)"), "ms",
	    stats_percentile(&f->cpu, 50) / 1e3, stats_percentile(&t->cpu, 50) / 1e3, 0, "tmux");
	snprintf(o, sizeof o, isnan(w) ? "n/a" : "%.2f", w);
	snprintf(p, sizeof p, isnan(tw) ? "n/a" : "%.2f", tw);
	bench_row(FAN_WHAT("wake-ups per watcher per keystroke (peer: tmux clients)"), o, p, "-",
	    "1 (<= 1.05)", bench_verdict_of(!isnan(w) && w <= 1.05));
#undef FAN_WHAT
	bench_note("#7 N=%d, %d ms: CPU per keystroke by process (medians, us, idle included): "
	    "pizarra typist %.0f, each watcher %.0f; floor typist %.0f, each drawer %.0f; tmux "
	    "server %.0f, each client %.0f; wake-ups per watcher p50: pizarra %.2f, floor %.2f",
	    n, pace, stats_percentile(&z->typist, 50), stats_percentile(&z->watcher, 50),
	    stats_percentile(&f->typist, 50), stats_percentile(&f->watcher, 50),
	    stats_percentile(&t->server, 50), stats_percentile(&t->watcher, 50),
	    stats_percentile(&z->wake, 50), stats_percentile(&f->wake, 50));
	bench_note("#7 N=%d, %d ms: %zu timed keystrokes per peer; floor: first p50 %.2f p99 %.2f, "
	    "last p50 %.2f p99 %.2f ms, CPU %.3f ms per keystroke; pizarra CPU p90 %.3f ms, "
	    "tmux %.3f ms; lost (some watcher without the letter in %d ms): pizarra %d, tmux %d, "
	    "floor %d; idle, subtracted: pizarra %.2f ms/s and %.2f wake-ups/s per watcher, "
	    "tmux %.2f ms/s, floor %.2f ms/s", n, pace, z->last.n,
	    stats_percentile(&f->first, 50), stats_percentile(&f->first, 99),
	    stats_percentile(&f->last, 50), stats_percentile(&f->last, 99),
	    stats_percentile(&f->cpu, 50) / 1e3, stats_percentile(&z->cpu, 90) / 1e3,
	    stats_percentile(&t->cpu, 90) / 1e3, FAN_TIMEOUT_MS, z->lost, t->lost, f->lost,
	    base[FAN_PIZARRA].cpu_ns_per_s / 1e6, base[FAN_PIZARRA].wake_per_s,
	    base[FAN_TMUX].cpu_ns_per_s / 1e6, base[FAN_FLOOR].cpu_ns_per_s / 1e6);
}

/* Measure one N at every pace; the groups are started and stopped here. */
static void
fan_one(const struct bench_config *cfg, int n)
{
	static struct fan_group gs[FAN_PEERS];
	struct fan_res res[FAN_PEERS];
	struct fan_base base[FAN_PEERS];
	struct fan_set all = { .n = 0 };
	int p, k, trials = cfg->fanout_keys;

	memset(gs, 0, sizeof gs);
	bench_progress("fan-out: N=%d, starting %d terminals per peer", n, n);
	for (p = 0; p < FAN_PEERS; p++)
		if ((p != FAN_TMUX || cfg->tmux != NULL) &&
		    fanpeer_start(&gs[p], &all, cfg, (enum fan_peer)p, n) != 0)
			gs[p].up = false;
	fan_baseline(gs, &all, base, cfg->quick ? FAN_IDLE_MS / 2 : FAN_IDLE_MS);
	for (k = 0; k < cfg->npaces; k++) {
		for (p = 0; p < FAN_PEERS; p++) {
			memset(&res[p], 0, sizeof res[p]);
			stats_init(&res[p].first);
			stats_init(&res[p].last);
			stats_init(&res[p].cpu);
			stats_init(&res[p].wake);
			stats_init(&res[p].typist);
			stats_init(&res[p].watcher);
			stats_init(&res[p].server);
		}
		bench_progress("fan-out: N=%d, keys %d ms apart, %d trials per peer", n,
		    cfg->paces[k], trials);
		fan_pace(gs, &all, cfg->paces[k], trials, base, res);
		fan_report(n, cfg->paces[k], res, base);
		for (p = 0; p < FAN_PEERS; p++) {
			stats_free(&res[p].first);
			stats_free(&res[p].last);
			stats_free(&res[p].cpu);
			stats_free(&res[p].wake);
			stats_free(&res[p].typist);
			stats_free(&res[p].watcher);
			stats_free(&res[p].server);
		}
	}
	for (p = 0; p < FAN_PEERS; p++)
		fanpeer_stop(&gs[p], &all, cfg);
}

/* Measurement 7. */
void
fanout_run(const struct bench_config *cfg)
{
	int i;

	for (i = 0; i < cfg->nfanout; i++)
		fan_one(cfg, cfg->fanout[i]);
	bench_note("#7: one typist and N-1 watchers per peer, each a pty; pizarra: N clients of "
	    "one board; tmux: N clients of one session running cat; floor: a typist and N-1 "
	    "drawers (tests/bench/floor.c). CPU sums schedstat over every process involved "
	    "(tmux: server, clients and cat); wake-ups are voluntary context switches");
}
