/*
 * idle.c - measurement 3: what an attached client costs while nothing
 * happens. One pizarra client alone on a fresh board and one tmux client
 * of a private server, each under its own pty, are left alone for the same
 * seconds (the bench holds no attachment of its own). Beside them, on a
 * second board, a drawing client shares its board with a view-only one
 * (an attacher without a client slot), for the notes. Every second the
 * bench reads each process's counters: voluntary context switches (times
 * it went to sleep, i.e. wake-ups), summed over every thread, and CPU time
 * (schedstat, nanoseconds). Each figure is the median of the one-second
 * windows; the notes give the whole window's mean too. The window starts
 * only when the clients have had IDLE_QUIET_MS without a change and a
 * little more (IDLE_PAST_MS), so it shows the idle pace (pace.h: one
 * wake-up a second after 10 s without a change; issue 15's target), not
 * the 250 ms tick of the first seconds.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bench.h"
#include "pty.h"

#define IDLE_SETTLE_MS  1500    /* let the first screen's messages and highlights pass */
#define IDLE_QUIET_MS   10000   /* pace.h's PACE_QUIET_MS: the idle pace begins then */
#define IDLE_PAST_MS    1500    /* and a margin past it (the last fast ticks, the reap) */
#define IDLE_TARGET     1.05    /* wake-ups a second at the idle pace (one a second) */
#define IDLE_SUBJECTS   5       /* pizarra alone, tmux client, tmux server, drawer, viewer */

enum { IDLE_ALONE, IDLE_TMUX, IDLE_SERVER, IDLE_DRAWER, IDLE_VIEWER };

/* One process watched while idle. */
struct idle_subject {
	const char *name;
	pid_t pid;
	struct pty_session *pty;        /* its terminal, NULL for the tmux server */
	struct proc_counters first, prev;
	uint64_t first_bytes;
	struct samples wakeups;         /* per one-second window */
	struct samples cpu;             /* % of one CPU, per window */
	double mean_wakeups, mean_cpu, mean_tick_cpu, bytes_s;
	bool ok;
};

/* Take one window's sample of s (now is the window's end, prev_ns its start). */
static void
idle_sample(struct idle_subject *s, uint64_t now, uint64_t prev_ns, bool last, uint64_t start)
{
	struct proc_counters c;
	double w = (double)(now - prev_ns) / 1e9, all = (double)(now - start) / 1e9;

	if (!s->ok || proc_read(s->pid, &c) != 0) {
		s->ok = false;
		return;
	}
	stats_add(&s->wakeups, (double)(c.vcsw - s->prev.vcsw) / w);
	stats_add(&s->cpu, (double)(c.cpu_ns - s->prev.cpu_ns) / (w * 1e9) * 100.0);
	s->prev = c;
	if (!last)
		return;
	s->mean_wakeups = (double)(c.vcsw - s->first.vcsw) / all;
	s->mean_cpu = (double)(c.cpu_ns - s->first.cpu_ns) / (all * 1e9) * 100.0;
	s->mean_tick_cpu = (double)(c.cpu_ticks - s->first.cpu_ticks) / all;
	s->bytes_s = s->pty ? (double)(s->pty->bytes - s->first_bytes) / all : 0;
}

/* Watch the subjects for seconds one-second windows, draining the terminals. */
static void
idle_watch(struct idle_subject *subj, struct pty_session *const *all, int n, int seconds)
{
	uint64_t start = stats_now_ns(), prev = start, next, now;
	int i, k;

	for (k = 0; k < IDLE_SUBJECTS; k++) {
		stats_init(&subj[k].wakeups);
		stats_init(&subj[k].cpu);
		if (subj[k].ok && proc_read(subj[k].pid, &subj[k].first) != 0)
			subj[k].ok = false;
		subj[k].prev = subj[k].first;
		subj[k].first_bytes = subj[k].pty ? subj[k].pty->bytes : 0;
	}
	for (i = 1; i <= seconds; i++) {
		next = start + (uint64_t)i * 1000000000u;
		while ((now = stats_now_ns()) < next)
			pty_pump(all, n, (int)((next - now) / 1000000u) + 1);
		for (k = 0; k < IDLE_SUBJECTS; k++)
			idle_sample(&subj[k], now, prev, i == seconds, start);
		prev = now;
	}
}

/* The table rows and notes. */
static void
idle_report(struct idle_subject *subj, int seconds)
{
	struct idle_subject *p = &subj[IDLE_ALONE], *t = &subj[IDLE_TMUX];
	double pw = stats_percentile(&p->wakeups, 50), pc = stats_percentile(&p->cpu, 50);
	double tw = stats_percentile(&t->wakeups, 50), tc = stats_percentile(&t->cpu, 50);
	char o[48], q[48], r[32];

	if (!p->ok) {
		bench_row("3 idle client: wake-ups per second", "n/a", "n/a", "-", "<= 1 /s",
		    BENCH_FAIL);
		bench_row("3 idle client: CPU", "n/a", "n/a", "-", "< 0.1 %", BENCH_FAIL);
		return;
	}
	snprintf(o, sizeof o, "%.2f /s", pw);
	snprintf(r, sizeof r, "-");
	snprintf(q, sizeof q, "n/a");
	if (t->ok) {
		snprintf(q, sizeof q, "%.2f /s", tw);
		bench_ratio(r, sizeof r, pw, tw);
	}
	bench_row("3 idle client: wake-ups per second", o, q, r, "<= 1 /s",
	    bench_verdict_of(pw <= IDLE_TARGET));
	snprintf(o, sizeof o, "%.4f %%", pc);
	if (t->ok) {
		snprintf(q, sizeof q, "%.4f %%", tc);
		bench_ratio(r, sizeof r, pc, tc);
	}
	bench_row("3 idle client: CPU", o, q, r, "< 0.1 %", bench_verdict_of(pc < 0.1));
	bench_note("#3: %d one-second windows, from %.1f s after the screens settled (the "
	    "idle pace begins after %.0f s without a change); means over the whole window: pizarra %.2f "
	    "wake-ups/s, %.4f %% CPU (schedstat; utime+stime, counted in 10 ms ticks, says "
	    "%.2f %%), %.1f B/s to its terminal; tmux client %.2f wake-ups/s, %.4f %% CPU, "
	    "%.1f B/s", seconds, (IDLE_QUIET_MS + IDLE_PAST_MS) / 1000.0, IDLE_QUIET_MS / 1000.0,
	    p->mean_wakeups, p->mean_cpu, p->mean_tick_cpu, p->bytes_s,
	    t->ok ? t->mean_wakeups : NAN, t->ok ? t->mean_cpu : NAN,
	    t->ok ? t->bytes_s : NAN);
	if (subj[IDLE_SERVER].ok)
		bench_note("#3: the tmux server meanwhile: %.2f wake-ups/s, %.4f %% CPU",
		    subj[IDLE_SERVER].mean_wakeups, subj[IDLE_SERVER].mean_cpu);
	if (subj[IDLE_DRAWER].ok && subj[IDLE_VIEWER].ok)
		bench_note("#3: a client whose board also has a view-only client (an attacher "
		    "without a slot): %.2f wake-ups/s, %.4f %% CPU; the viewer %.2f wake-ups/s, "
		    "%.4f %% CPU (medians of the windows)",
		    stats_percentile(&subj[IDLE_DRAWER].wakeups, 50),
		    stats_percentile(&subj[IDLE_DRAWER].cpu, 50),
		    stats_percentile(&subj[IDLE_VIEWER].wakeups, 50),
		    stats_percentile(&subj[IDLE_VIEWER].cpu, 50));
}

/* Measurement 3: the clients idle for cfg->idle_s seconds. */
void
idle_run(const struct bench_config *cfg)
{
	static struct pty_session ptys[4];
	struct pty_session *all[] = { &ptys[0], &ptys[1], &ptys[2], &ptys[3] };
	struct idle_subject subj[IDLE_SUBJECTS];
	static const char *const names[] = { "pizarra idle", "tmux idle", "pizarra drawer",
	    "pizarra viewer" };
	struct tmux_server srv;
	struct segment seg[2];
	char key[2][16];
	const char *argv[4][5] = {
		{ cfg->pizarra, "-k", key[0], NULL },
		{ cfg->tmux, "-L", srv.label, "attach", NULL },
		{ cfg->pizarra, "-k", key[1], NULL },
		{ cfg->pizarra, "-k", key[1], "view", NULL },
	};
	static const int subject_of[4] = { IDLE_ALONE, IDLE_TMUX, IDLE_DRAWER, IDLE_VIEWER };
	uint64_t started, now;
	int i, k;

	memset(ptys, 0, sizeof ptys);
	memset(subj, 0, sizeof subj);
	memset(&srv, 0, sizeof srv);
	for (i = 0; i < 4; i++)
		ptys[i].fd = -1;
	for (i = 0; i < 2; i++) {
		if (keys_board_create(&seg[i], 200, 60) != 0) {
			if (i == 1)
				keys_board_remove(&seg[0]);
			idle_report(subj, cfg->idle_s);
			return;
		}
		/* The board stays; the bench lets go of it so only the clients are attached. */
		segment_detach(&seg[i], NULL);
		snprintf(key[i], sizeof key[i], "0x%08x", (unsigned)seg[i].key);
	}
	if (cfg->tmux != NULL && tmux_start(&srv, cfg->tmux, "idle") == 0)
		subj[IDLE_SERVER].ok = srv.pid > 0;
	subj[IDLE_SERVER].pid = srv.pid;
	for (i = 0; i < 4; i++) {
		k = subject_of[i];
		subj[k].name = names[i];
		if ((i == 1 && !srv.up) || pty_spawn(&ptys[i], names[i], argv[i]) != 0)
			continue;
		subj[k].pty = &ptys[i];
		subj[k].pid = ptys[i].pid;
		subj[k].ok = pty_wait_text(all, 4, &ptys[i], i == 1 ? BENCH_TMUX_READY :
		    BENCH_READY_TEXT, BENCH_START_MS) == 0;
	}
	pty_settle(all, 4, IDLE_SETTLE_MS, IDLE_SETTLE_MS * 4);
	/* past the fast pace of the first 10 s without a change (the first screens') */
	bench_progress("idle: settling %d s", (IDLE_QUIET_MS + IDLE_PAST_MS) / 1000);
	started = stats_now_ns();
	while ((now = stats_now_ns()) < started + (uint64_t)(IDLE_QUIET_MS + IDLE_PAST_MS) *
	    1000000u)
		pty_pump(all, 4, (int)((started + (uint64_t)(IDLE_QUIET_MS + IDLE_PAST_MS) *
		    1000000u - now) / 1000000u) + 1);
	bench_progress("idle: %d s", cfg->idle_s);
	idle_watch(subj, all, 4, cfg->idle_s);
	tmux_stop(&srv, cfg->tmux);
	for (i = 0; i < 4; i++)
		if (ptys[i].pid > 0)
			pty_stop(all, 4, &ptys[i], i == 1 ? NULL : "\021");
	for (i = 0; i < 2; i++)
		keys_board_remove(&seg[i]);
	idle_report(subj, cfg->idle_s);
	for (k = 0; k < IDLE_SUBJECTS; k++) {
		stats_free(&subj[k].wakeups);
		stats_free(&subj[k].cpu);
	}
}
