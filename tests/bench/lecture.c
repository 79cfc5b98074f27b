/*
 * lecture.c - measurement 6: what the lecture claims. One writer
 * broadcasts strokes (one character at one cell of a board of pizarra's
 * default size, 200x60) to three reader processes, three ways:
 *   (a) the segment: the writer stores the cell and calls notify_bump;
 *       readers sleep in notify_wait, then rescan the rows whose stamps
 *       moved (what a pizarra client does);
 *   (b) pipes: the writer writes a 16-byte message into one pipe per
 *       reader; readers sleep in read;
 *   (c) a file: the writer pwrites the cell into a file holding the board;
 *       readers sleep in read on an inotify descriptor (IN_MODIFY), then
 *       re-read the whole file.
 * A stroke's latency, per reader, runs from just before the writer's first
 * system call to the moment that reader holds the new character. The
 * writer waits for all three readers and 1 ms more (so they are asleep
 * again) before the next stroke. Pooled over readers; no target. The
 * notes add the last of the three readers alone (when the whole class has
 * the stroke) and the writer's own time per stroke.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <unistd.h>

#include "bench.h"
#include "cell.h"
#include "futex.h"
#include "notify.h"

#define LECTURE_READERS   3
#define LECTURE_STROKES   1000
#define LECTURE_COLS      BOARD_DEF_COLS
#define LECTURE_ROWS      BOARD_DEF_ROWS
#define LECTURE_GAP_NS    1000000u
#define LECTURE_WAIT_MS   5000

/* The three ways of broadcasting. */
enum lecture_way { LECTURE_SEGMENT, LECTURE_PIPE, LECTURE_FILE, LECTURE_WAYS };

/* A stroke as the pipe carries it. */
struct lecture_msg {
	uint32_t seq, col, row, cp;
};

/* What the writer and readers share (an anonymous shared mapping). */
struct lecture_ctl {
	_Atomic uint64_t t0;                 /* when the current stroke started */
	_Atomic uint32_t acks;               /* strokes x readers received (a futex word) */
	_Atomic uint32_t ready;              /* readers set up and about to sleep */
	_Atomic uint32_t failed;
	double lat_us[LECTURE_READERS][LECTURE_STROKES];
};

/* One way's results. */
struct lecture_result {
	struct samples all;                  /* every reader's latency, us */
	struct samples last;                 /* the slowest reader's, per stroke */
	struct samples writer;               /* the writer's calls, per stroke */
};

/* Everything one broadcast needs. */
struct lecture_run {
	enum lecture_way way;
	int strokes;
	struct lecture_ctl *ctl;
	struct segment seg;                  /* (a) */
	int pipes[LECTURE_READERS][2];       /* (b) */
	char path[4096];                     /* (c) */
	int file;
};

/* The cell of stroke i: where, and which character. */
static void
lecture_stroke(int i, uint32_t *col, uint32_t *row, uint32_t *cp)
{
	*col = (uint32_t)i % LECTURE_COLS;
	*row = (uint32_t)i / LECTURE_COLS % LECTURE_ROWS;
	*cp = 0x41u + (uint32_t)i % 26u;
}

/* A reader has stroke i: record its latency and tell the writer. */
static void
lecture_ack(struct lecture_ctl *ctl, int reader, int i)
{
	uint64_t now = stats_now_ns();

	ctl->lat_us[reader][i] = (double)(now - atomic_load(&ctl->t0)) / 1e3;
	atomic_fetch_add(&ctl->acks, 1);
	futex_wake(&ctl->acks);
}

/* Reader (a): sleep on the generation, rescan moved rows, find the stroke. */
static int
lecture_read_segment(struct lecture_run *L, int reader)
{
	uint32_t seen[LECTURE_ROWS], gen, col, row, cp, r;
	struct segment s;
	int i;

	if (keys_board_attach(&s, L->seg.key) != 0)
		return -1;
	for (r = 0; r < LECTURE_ROWS; r++)
		seen[r] = board_row_stamp(&s.board, r);
	gen = notify_generation(&s.board);
	atomic_fetch_add(&L->ctl->ready, 1);
	futex_wake(&L->ctl->ready);
	for (i = 0; i < L->strokes; i++) {
		lecture_stroke(i, &col, &row, &cp);
		for (;;) {
			if (notify_generation(&s.board) == gen &&
			    notify_wait(&s.board, gen, LECTURE_WAIT_MS) != 0 && errno == ETIMEDOUT)
				return -1;
			gen = notify_generation(&s.board);
			for (r = 0; r < LECTURE_ROWS; r++) {
				uint32_t st = board_row_stamp(&s.board, r);
				const _Atomic uint64_t *cells = board_row(&s.board, r);
				uint32_t c;
				uint64_t got = 0;

				if (st == seen[r])
					continue;
				seen[r] = st;
				for (c = 0; c < LECTURE_COLS; c++) {
					uint64_t v = atomic_load_explicit(&cells[c], memory_order_relaxed);

					if (r == row && c == col)
						got = v;
				}
				if (r == row && cell_cp(got) == cp)
					break;
			}
			if (r < LECTURE_ROWS)
				break;
		}
		lecture_ack(L->ctl, reader, i);
	}
	return 0;
}

/* Reader (b): read each message from our pipe. */
static int
lecture_read_pipe(struct lecture_run *L, int reader)
{
	int fd = L->pipes[reader][0], i, k;
	struct lecture_msg m;
	uint32_t col, row, cp;
	size_t got;
	ssize_t r;

	for (k = 0; k < LECTURE_READERS; k++) {
		if (k != reader)
			close(L->pipes[k][0]);
		close(L->pipes[k][1]);
	}
	atomic_fetch_add(&L->ctl->ready, 1);
	futex_wake(&L->ctl->ready);
	for (i = 0; i < L->strokes; i++) {
		lecture_stroke(i, &col, &row, &cp);
		for (got = 0; got < sizeof m; got += (size_t)r) {
			r = read(fd, (char *)&m + got, sizeof m - got);
			if (r <= 0 && !(r < 0 && errno == EINTR))
				return -1;
			if (r < 0)
				r = 0;
		}
		if (m.seq != (uint32_t)i || m.cp != cp)
			return -1;
		lecture_ack(L->ctl, reader, i);
	}
	return 0;
}

/* Reader (c): wait for inotify, re-read the whole file, find the stroke. */
static int
lecture_read_file(struct lecture_run *L, int reader)
{
	static uint64_t board[LECTURE_COLS * LECTURE_ROWS];
	char events[4096];
	uint32_t col, row, cp;
	int in, fd, i;

	in = inotify_init1(IN_CLOEXEC);
	fd = open(L->path, O_RDONLY | O_CLOEXEC);
	if (in < 0 || fd < 0 || inotify_add_watch(in, L->path, IN_MODIFY) < 0)
		return -1;
	atomic_fetch_add(&L->ctl->ready, 1);
	futex_wake(&L->ctl->ready);
	for (i = 0; i < L->strokes; i++) {
		lecture_stroke(i, &col, &row, &cp);
		for (;;) {
			if (pread(fd, board, sizeof board, 0) != (ssize_t)sizeof board)
				return -1;
			if (cell_cp(board[row * LECTURE_COLS + col]) == cp)
				break;
			if (read(in, events, sizeof events) < 0 && errno != EINTR)
				return -1;
		}
		lecture_ack(L->ctl, reader, i);
	}
	return 0;
}

/* Fork the readers into a process group of their own; how many started. */
static int
lecture_fork(struct lecture_run *L, pid_t *pids)
{
	pid_t pgid = 0, pid;
	int k, r;

	for (k = 0; k < LECTURE_READERS; k++) {
		pid = fork();
		if (pid < 0)
			break;
		if (pid == 0) {
			cleanup_child();
			setpgid(0, pgid);
			r = L->way == LECTURE_SEGMENT ? lecture_read_segment(L, k) :
			    L->way == LECTURE_PIPE ? lecture_read_pipe(L, k) : lecture_read_file(L, k);
			if (r != 0) {
				atomic_fetch_add(&L->ctl->failed, 1);
				atomic_fetch_add(&L->ctl->ready, 1);
				futex_wake(&L->ctl->ready);
				futex_wake(&L->ctl->acks);
			}
			_exit(r != 0);
		}
		setpgid(pid, pgid ? pgid : pid);
		if (pgid == 0)
			pgid = pid;
		cleanup_add_pid(pid, pid == pgid, true);
		pids[k] = pid;
	}
	return k;
}

/* The writer's side of one stroke. */
static int
lecture_write(struct lecture_run *L, int i)
{
	struct lecture_msg m;
	uint32_t col, row, cp;
	uint64_t cell;
	int k;

	lecture_stroke(i, &col, &row, &cp);
	atomic_store(&L->ctl->t0, stats_now_ns());
	switch (L->way) {
	case LECTURE_SEGMENT:
		board_draw(&L->seg.board, col, row, cp, 0, 0);
		notify_bump(&L->seg.board);
		return 0;
	case LECTURE_PIPE:
		m.seq = (uint32_t)i;
		m.col = col;
		m.row = row;
		m.cp = cp;
		for (k = 0; k < LECTURE_READERS; k++)
			if (write(L->pipes[k][1], &m, sizeof m) != (ssize_t)sizeof m)
				return -1;
		return 0;
	default:
		cell = cell_make(cp, 0, 0);
		return pwrite(L->file, &cell, sizeof cell,
		    (off_t)((row * LECTURE_COLS + col) * sizeof cell)) == (ssize_t)sizeof cell ? 0 : -1;
	}
}

/* Set up one way's channel; 0 or -1. */
static int
lecture_setup(struct lecture_run *L, const char *dir)
{
	static uint64_t zero[LECTURE_COLS * LECTURE_ROWS];
	int k;

	switch (L->way) {
	case LECTURE_SEGMENT:
		return keys_board_create(&L->seg, LECTURE_COLS, LECTURE_ROWS);
	case LECTURE_PIPE:
		for (k = 0; k < LECTURE_READERS; k++)
			if (pipe2(L->pipes[k], O_CLOEXEC) != 0)
				return -1;
		return 0;
	default:
		snprintf(L->path, sizeof L->path, "%s/board", dir);
		L->file = open(L->path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
		if (L->file < 0)
			return -1;
		cleanup_add_path(L->path, false);
		return write(L->file, zero, sizeof zero) == (ssize_t)sizeof zero ? 0 : -1;
	}
}

/* Undo lecture_setup. */
static void
lecture_teardown(struct lecture_run *L)
{
	int k;

	switch (L->way) {
	case LECTURE_SEGMENT:
		keys_board_remove(&L->seg);
		break;
	case LECTURE_PIPE:
		for (k = 0; k < LECTURE_READERS; k++) {
			close(L->pipes[k][0]);
			close(L->pipes[k][1]);
		}
		break;
	default:
		close(L->file);
		unlink(L->path);
		break;
	}
}

/* Run one way: readers, strokes, latencies into out (us); 0 or -1. */
static int
lecture_way(struct lecture_run *L, const char *dir, struct lecture_result *out)
{
	uint64_t t0;
	double worst;
	struct lecture_ctl *ctl = L->ctl;
	pid_t pids[LECTURE_READERS];
	uint32_t a;
	int i, k, started, ok = -1;

	memset(ctl, 0, sizeof *ctl);
	if (lecture_setup(L, dir) != 0)
		return -1;
	started = lecture_fork(L, pids);
	if (L->way == LECTURE_PIPE)
		for (k = 0; k < LECTURE_READERS; k++)
			close(L->pipes[k][0]);
	while ((a = atomic_load(&ctl->ready)) < (uint32_t)started)
		futex_wait(&ctl->ready, a, 100);
	if (started != LECTURE_READERS || atomic_load(&ctl->failed) != 0)
		goto out;
	for (i = 0; i < L->strokes; i++) {
		stats_sleep_ns(LECTURE_GAP_NS);
		t0 = stats_now_ns();
		if (lecture_write(L, i) != 0)
			goto out;
		stats_add(&out->writer, (double)(stats_now_ns() - t0) / 1e3);
		while ((a = atomic_load(&ctl->acks)) < (uint32_t)(LECTURE_READERS * (i + 1)))
			if (atomic_load(&ctl->failed) != 0 ||
			    (futex_wait(&ctl->acks, a, LECTURE_WAIT_MS) != 0 &&
			    errno == ETIMEDOUT))
				goto out;
	}
	for (i = 0; i < L->strokes; i++) {
		worst = 0;
		for (k = 0; k < LECTURE_READERS; k++) {
			stats_add(&out->all, ctl->lat_us[k][i]);
			worst = ctl->lat_us[k][i] > worst ? ctl->lat_us[k][i] : worst;
		}
		stats_add(&out->last, worst);
	}
	ok = 0;
out:
	if (L->way == LECTURE_PIPE)
		for (k = 0; k < LECTURE_READERS; k++) {
			close(L->pipes[k][1]);
			L->pipes[k][0] = L->pipes[k][1] = -1;
		}
	for (k = 0; k < started; k++)
		cleanup_reap(pids[k], ok == 0 ? 2000 : 0);
	if (L->way != LECTURE_PIPE)
		lecture_teardown(L);
	return ok;
}

/* Format microseconds. */
static void
lecture_us(char *buf, size_t n, double us)
{
	if (isnan(us))
		snprintf(buf, n, "n/a");
	else
		snprintf(buf, n, "%.1f us", us);
}

/* One info row: the segment against another way at percentile p. */
static void
lecture_row(const char *what, struct samples *seg, struct samples *other, double p)
{
	char o[32], q[32], r[32];
	double a = stats_percentile(seg, p), b = stats_percentile(other, p);

	lecture_us(o, sizeof o, a);
	lecture_us(q, sizeof q, b);
	bench_ratio(r, sizeof r, a, b);
	bench_row(what, o, q, r, "-", BENCH_INFO);
}

/* Measurement 6. */
void
lecture_run(const struct bench_config *cfg)
{
	static const char *const names[] = { "segment+futex", "pipes", "file+inotify" };
	struct lecture_result res[LECTURE_WAYS];
	struct lecture_run L;
	char dir[2048];
	const char *tmp = getenv("TMPDIR");
	int w;

	memset(&L, 0, sizeof L);
	L.strokes = cfg->quick ? LECTURE_STROKES / 5 : LECTURE_STROKES;
	L.ctl = mmap(NULL, sizeof *L.ctl, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1,
	    0);
	snprintf(dir, sizeof dir, "%s/pizarra-bench.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (L.ctl == MAP_FAILED || mkdtemp(dir) == NULL) {
		bench_row("6 lecture", "n/a", "n/a", "-", "-", BENCH_FAIL);
		return;
	}
	cleanup_add_path(dir, true);
	for (w = 0; w < LECTURE_WAYS; w++) {
		stats_init(&res[w].all);
		stats_init(&res[w].last);
		stats_init(&res[w].writer);
		L.way = (enum lecture_way)w;
		bench_progress("lecture: %s", names[w]);
		if (lecture_way(&L, dir, &res[w]) != 0)
			bench_note("#6: the %s broadcast failed", names[w]);
	}
	rmdir(dir);
	lecture_row("6 lecture p50: segment+futex (peer: pipes)", &res[0].all, &res[1].all, 50);
	lecture_row("6 lecture p99: segment+futex (peer: pipes)", &res[0].all, &res[1].all, 99);
	lecture_row("6 lecture p50: segment+futex (peer: file+inotify)", &res[0].all, &res[2].all,
	    50);
	lecture_row("6 lecture p99: segment+futex (peer: file+inotify)", &res[0].all, &res[2].all,
	    99);
	bench_note("#6: 1 writer, %d readers, %d strokes each way, 1 ms apart; latency from the "
	    "writer's first call to the reader holding the character, pooled over readers; "
	    "p90: segment %.1f us, pipes %.1f us, file %.1f us", LECTURE_READERS, L.strokes,
	    stats_percentile(&res[0].all, 90), stats_percentile(&res[1].all, 90),
	    stats_percentile(&res[2].all, 90));
	bench_note("#6: until the last of the %d readers has it, p50: segment %.1f us, pipes "
	    "%.1f us, file %.1f us; the writer's own calls per stroke, p50: segment %.1f us "
	    "(store + one FUTEX_WAKE), pipes %.1f us (%d writes), file %.1f us (one pwrite)",
	    LECTURE_READERS, stats_percentile(&res[0].last, 50),
	    stats_percentile(&res[1].last, 50), stats_percentile(&res[2].last, 50),
	    stats_percentile(&res[0].writer, 50), stats_percentile(&res[1].writer, 50),
	    LECTURE_READERS, stats_percentile(&res[2].writer, 50));
	for (w = 0; w < LECTURE_WAYS; w++) {
		stats_free(&res[w].all);
		stats_free(&res[w].last);
		stats_free(&res[w].writer);
	}
	munmap(L.ctl, sizeof *L.ctl);
}
