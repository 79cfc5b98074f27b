/*
 * storm.c - measurement 4: many writers at once. 64 headless writer
 * processes, written against the core library (segment_open on the
 * board's key, then board_draw and notify_bump for every cell), each fill
 * their own 10 rows x 2000 columns (20,000 cells) of one 2000x650 board,
 * while three pizarra clients under ptys watch its top-left corner: rows
 * 0..9 are nobody's (the watchers type there), rows 10..37 of their
 * viewports show writers 0..2 at work. During the storm the bench types
 * into watcher 1 and times each key's arrival on watcher 2's terminal;
 * between those keys it times the same kind of key through a fourth pty
 * running nothing but `cat` in raw mode (the echo baseline: what any
 * terminal program gets from the kernel and the scheduler under this
 * load). Afterwards every writer's cell is checked against what it wrote.
 * One storm is short (about a second), so it is repeated in rounds, each
 * with 64 fresh writers writing characters of their own round, until
 * enough keystrokes were timed: throughput is the median over rounds,
 * the keystroke percentiles are pooled, every round is verified.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "bench.h"
#include "cell.h"
#include "futex.h"
#include "notify.h"
#include "pty.h"

#define STORM_WRITERS     64
#define STORM_COLS        2000
#define STORM_OWN_ROWS    10                      /* rows per writer */
#define STORM_FREE_ROWS   10                      /* rows 0..9: typing, nobody's */
#define STORM_ROWS        (STORM_FREE_ROWS + STORM_WRITERS * STORM_OWN_ROWS)
#define STORM_CELLS       (STORM_COLS * STORM_OWN_ROWS)   /* per writer: 20,000 */
#define STORM_TYPE_COLS   70
#define STORM_MIN_ROUNDS  5
#define STORM_MAX_ROUNDS  40
#define STORM_MAX_S       40                      /* all rounds together */
#define STORM_KEYS        1000                    /* keystrokes to time, at least */
#define STORM_ROUND_MAX_S 30
#define STORM_ECHO_READY  "ECHO-READY"

_Static_assert(STORM_CELLS == 20000, "each writer writes 20,000 cells");

/* What the watchers' kernel counters and terminals added up to during the storms. */
struct storm_watch {
	uint64_t cpu_ns, vcsw, bytes;
};

/* What the writers and the bench share (an anonymous shared mapping). */
struct storm_ctl {
	_Atomic uint32_t ready;              /* writers attached and waiting */
	_Atomic uint32_t go;                 /* the start gun (a futex word) */
	_Atomic uint32_t done;               /* writers finished */
	_Atomic uint32_t failed;             /* writers that could not attach */
	_Atomic uint64_t end_ns[STORM_WRITERS];
};

/* The cell word writer w writes as its i-th cell in round r (its content: no write counter). */
static uint64_t
storm_cell(int w, int i, int r)
{
	return cell_make(0x21u + (uint32_t)(w * 7 + i + r * 13) % 94u,
	    1u + (unsigned)(w + r) % 15u, 0);
}

/* A writer process: attach, wait for the gun, draw and notify every cell, report. */
static void
storm_writer(key_t key, struct storm_ctl *ctl, int w, int round)
{
	struct segment s;
	uint32_t row0 = STORM_FREE_ROWS + (uint32_t)w * STORM_OWN_ROWS;
	uint64_t cell;
	int i;

	if (keys_board_attach(&s, key) != 0) {
		atomic_fetch_add(&ctl->failed, 1);
		atomic_fetch_add(&ctl->ready, 1);
		futex_wake(&ctl->ready);
		_exit(1);
	}
	atomic_fetch_add(&ctl->ready, 1);
	futex_wake(&ctl->ready);
	while (atomic_load(&ctl->go) == 0)
		futex_wait(&ctl->go, 0, -1);
	for (i = 0; i < STORM_CELLS; i++) {
		cell = storm_cell(w, i, round);
		board_draw(&s.board, (uint32_t)i % STORM_COLS, row0 + (uint32_t)i / STORM_COLS,
		    cell_cp(cell), cell_colour(cell), 0);
		notify_bump(&s.board);
	}
	atomic_store(&ctl->end_ns[w], stats_now_ns());
	atomic_fetch_add(&ctl->done, 1);
	futex_wake(&ctl->done);
	_exit(0);
}

/* Fork the writers into one process group of their own; how many started. */
static int
storm_fork(key_t key, struct storm_ctl *ctl, pid_t *pids, int round)
{
	pid_t pgid = 0, pid;
	int w;

	for (w = 0; w < STORM_WRITERS; w++) {
		pid = fork();
		if (pid < 0)
			break;
		if (pid == 0) {
			cleanup_child();
			setpgid(0, pgid);
			storm_writer(key, ctl, w, round);
		}
		setpgid(pid, pgid ? pgid : pid);
		if (pgid == 0)
			pgid = pid;
		cleanup_add_pid(pid, pid == pgid, true);
		pids[w] = pid;
	}
	return w;
}

/* Count the writers' cells that do not hold exactly what their writer wrote. */
static long
storm_verify(const struct board *b, int round, long *empty)
{
	long wrong = 0;
	uint64_t got;
	int w, i;

	*empty = 0;
	for (w = 0; w < STORM_WRITERS; w++)
		for (i = 0; i < STORM_CELLS; i++) {
			got = cell_content(board_get(b, (uint32_t)i % STORM_COLS, STORM_FREE_ROWS +
			    (uint32_t)(w * STORM_OWN_ROWS + i / STORM_COLS)));
			if (got != storm_cell(w, i, round)) {
				wrong++;
				*empty += got == CELL_EMPTY;
			}
		}
	return wrong;
}

/*
 * Keep watcher 1's cursor inside the typing rows: Home and Enter, or back
 * to the top, where the letter sequence skips one so that no cell is
 * typed over with the letter it already shows.
 */
static int
storm_move(struct pty_session *w1, uint32_t *col, uint32_t *row, unsigned *index)
{
	char keys[64];
	size_t n = 0;
	uint32_t i;

	if (*col < STORM_TYPE_COLS)
		return 0;
	memcpy(keys, "\033OH", 3);
	n = 3;
	if (*row + 1 < STORM_FREE_ROWS) {
		keys[n++] = '\r';
		(*row)++;
	} else {
		for (i = 0; i < *row; i++, n += 3)
			memcpy(keys + n, "\033OA", 3);
		*row = 0;
		(*index)++;
	}
	*col = 0;
	return pty_send(w1, keys, n);
}

/*
 * Type into watcher 1, timed on watcher 2, while the writers write (cursor
 * in *col, *row), each key followed by one through the echo session w[3].
 */
static void
storm_type(struct pty_session *const *w, struct storm_ctl *ctl, struct samples *lat,
	   struct samples *echo, int *lost, uint64_t deadline, uint32_t *col, uint32_t *row,
	   unsigned *index)
{
	double ms, bytes;
	int r;

	while (atomic_load(&ctl->done) < STORM_WRITERS && stats_now_ns() < deadline) {
		if (storm_move(w[0], col, row, index) != 0)
			return;
		pty_pump(w, 4, 2);
		if (atomic_load(&ctl->done) >= STORM_WRITERS)
			return;
		r = keystroke_once(w[0], w[1], w, 4, (*index)++, 0, &ms, &bytes);
		if (r < 0)
			return;
		(*col)++;
		*lost += r;
		stats_add(lat, ms);
		if (atomic_load(&ctl->done) < STORM_WRITERS &&
		    keystroke_once(w[3], w[3], w, 4, *index, 0, &ms, &bytes) == 0)
			stats_add(echo, ms);
	}
}

/* Report measurement 4. */
static void
storm_report(struct samples *rate, long wrong, long empty, struct samples *lat,
	     struct samples *echo, int lost, int rounds, double storm_s,
	     const struct storm_watch *watch)
{
	char o[48];
	double p99 = stats_percentile(lat, 99);

	snprintf(o, sizeof o, "%.2f M cells/s", stats_percentile(rate, 50) / 1e6);
	bench_row("4 storm: 64 writers x 20,000 cells, throughput", o, "-", "-", "-", BENCH_INFO);
	snprintf(o, sizeof o, "%ld of %ld", wrong, (long)rounds * STORM_WRITERS * STORM_CELLS);
	bench_row("4 storm: cells lost or torn", o, "-", "-", "0", bench_verdict_of(wrong == 0));
	if (isnan(p99))
		snprintf(o, sizeof o, "n/a");
	else
		snprintf(o, sizeof o, "%.2f ms", p99);
	bench_row("4 storm: watchers' keystroke p99", o, "-", "-", "< 10 ms",
	    bench_verdict_of(!isnan(p99) && p99 < 10.0));
	bench_note("#4: %d rounds, %.2f s of storm in all; throughput per round p10..p90 "
	    "%.2f..%.2f M cells/s; %zu keystrokes timed during the storms (p50 %.2f ms, p90 "
	    "%.2f ms, max %.2f ms, %d lost); %ld wrong cells of which %ld empty; no peer "
	    "(the pipe fan-out is compared in #6)", rounds, storm_s,
	    stats_percentile(rate, 10) / 1e6, stats_percentile(rate, 90) / 1e6, lat->n,
	    stats_percentile(lat, 50), stats_percentile(lat, 90), stats_percentile(lat, 100),
	    lost, wrong, empty);
	bench_note("#4: echo baseline during the same storms (a key through a pty to `cat` in "
	    "raw mode and back, %zu keys): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms", echo->n,
	    stats_percentile(echo, 50), stats_percentile(echo, 90), stats_percentile(echo, 99));
	bench_note("#4: the watchers during the storms (1 and 2 draw, 3 views): CPU %.0f %%, "
	    "%.0f %%, %.0f %% of one CPU; sleeps %.0f, %.0f, %.0f per second; terminal output "
	    "%.0f, %.0f, %.0f kB/s", watch[0].cpu_ns / storm_s / 1e7, watch[1].cpu_ns / storm_s / 1e7,
	    watch[2].cpu_ns / storm_s / 1e7, watch[0].vcsw / storm_s, watch[1].vcsw / storm_s,
	    watch[2].vcsw / storm_s, watch[0].bytes / storm_s / 1e3, watch[1].bytes / storm_s / 1e3,
	    watch[2].bytes / storm_s / 1e3);
}

/* One round: fresh writers, the gun, typing, reaping, verifying; wrong cells or -1. */
static long
storm_round(struct segment *seg, struct storm_ctl *ctl, struct pty_session *const *all,
	    int round, struct samples *lat, struct samples *echo, int *lost, double *seconds,
	    long *empty, struct storm_watch *watch)
{
	static uint32_t col, row;
	static unsigned index;
	struct proc_counters c0[3], c1[3];
	pid_t pids[STORM_WRITERS];
	uint64_t start, end = 0, e, bytes[3];
	int i, started;

	memset(ctl, 0, sizeof *ctl);
	pty_settle(all, 4, 50, 1000);
	started = storm_fork(seg->key, ctl, pids, round);
	while (atomic_load(&ctl->ready) < (uint32_t)started)
		pty_pump(all, 4, 5);
	for (i = 0; i < 3; i++) {
		proc_read(all[i]->pid, &c0[i]);
		bytes[i] = all[i]->bytes;
	}
	start = stats_now_ns();
	atomic_store(&ctl->go, 1);
	futex_wake(&ctl->go);
	storm_type(all, ctl, lat, echo, lost, start + (uint64_t)STORM_ROUND_MAX_S * 1000000000u,
	    &col, &row, &index);
	for (i = 0; i < 3; i++) {
		proc_read(all[i]->pid, &c1[i]);
		watch[i].cpu_ns += c1[i].cpu_ns - c0[i].cpu_ns;
		watch[i].vcsw += c1[i].vcsw - c0[i].vcsw;
		watch[i].bytes += all[i]->bytes - bytes[i];
	}
	for (i = 0; i < started; i++)
		cleanup_reap(pids[i], STORM_ROUND_MAX_S * 1000);
	for (i = 0; i < started; i++) {
		e = atomic_load(&ctl->end_ns[i]);
		end = e > end ? e : end;
	}
	if (started != STORM_WRITERS || atomic_load(&ctl->failed) != 0 ||
	    atomic_load(&ctl->done) != STORM_WRITERS || end <= start) {
		bench_note("#4: round %d did not run (%d writers started, %u failed)", round,
		    started, (unsigned)atomic_load(&ctl->failed));
		return -1;
	}
	*seconds = (double)(end - start) / 1e9;
	return storm_verify(&seg->board, round, empty);
}

/* Measurement 4. */
void
storm_run(const struct bench_config *cfg)
{
	struct pty_session ws[4], *all[] = { &ws[0], &ws[1], &ws[2], &ws[3] };
	static const char *const names[] = { "watcher 1", "watcher 2", "watcher 3", "echo" };
	const char *eargv[] = { "/bin/sh", "-c", "stty raw -echo; echo " STORM_ECHO_READY "; exec cat",
	    NULL };
	struct storm_watch watch[3];
	struct storm_ctl *ctl;
	struct samples lat, rate, echo;
	struct segment seg;
	uint64_t deadline;
	long wrong = 0, empty = 0, w, e;
	double secs, total_s = 0;
	char key[16];
	const char *argv[] = { cfg->pizarra, "-k", key, NULL, NULL };
	int i, n = 0, lost = 0, round = 0, ok = 0;
	int min_rounds = cfg->quick ? 2 : STORM_MIN_ROUNDS;

	stats_init(&lat);
	stats_init(&rate);
	stats_init(&echo);
	memset(watch, 0, sizeof watch);
	ctl = mmap(NULL, sizeof *ctl, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (ctl == MAP_FAILED || keys_board_create(&seg, STORM_COLS, STORM_ROWS) != 0) {
		bench_row("4 storm", "n/a", "-", "-", "-", BENCH_FAIL);
		return;
	}
	snprintf(key, sizeof key, "0x%08x", (unsigned)seg.key);
	for (n = 0; n < 4; n++) {
		argv[3] = n == 2 ? "view" : NULL;
		if (pty_spawn(&ws[n], names[n], n == 3 ? eargv : argv) != 0)
			goto stop;
	}
	for (i = 0; i < 4; i++)
		if (pty_wait_text(all, 4, &ws[i], i == 3 ? STORM_ECHO_READY : BENCH_READY_TEXT,
		    BENCH_START_MS) != 0) {
			fprintf(stderr, "bench: %s did not draw its first screen\n", names[i]);
			goto stop;
		}
	/* a client that joins takes the first row no other cursor is in, and
	 * watchers 1 and 2 start together: put watcher 1 at (0,0), where the
	 * typing is counted from (PgUp, Home) */
	if (pty_send(&ws[0], "\033[5~\033OH", 7) != 0)
		goto stop;
	deadline = stats_now_ns() + (uint64_t)STORM_MAX_S * 1000000000u;
	for (round = 0; round < STORM_MAX_ROUNDS && stats_now_ns() < deadline; round++) {
		if (round >= min_rounds && lat.n >= (size_t)(cfg->quick ? 100 : STORM_KEYS))
			break;
		if (round % 5 == 0)
			bench_progress("storm: round %d, %zu keystrokes timed", round + 1, lat.n);
		w = storm_round(&seg, ctl, all, round, &lat, &echo, &lost, &secs, &e, watch);
		if (w < 0)
			goto stop;
		wrong += w;
		empty += e;
		total_s += secs;
		stats_add(&rate, (double)STORM_WRITERS * STORM_CELLS / secs);
	}
	ok = 1;
stop:
	for (i = 0; i < n; i++)
		pty_stop(all, n, &ws[i], i == 3 ? "\004" : "\021");
	keys_board_remove(&seg);
	if (ok)
		storm_report(&rate, wrong, empty, &lat, &echo, lost, round, total_s, watch);
	else
		bench_row("4 storm", "n/a", "-", "-", "-", BENCH_FAIL);
	munmap(ctl, sizeof *ctl);
	stats_free(&lat);
	stats_free(&rate);
	stats_free(&echo);
}
