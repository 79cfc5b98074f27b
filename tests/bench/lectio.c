/*
 * lectio.c - the channels, writers and readers of measurement 6. A stroke
 * is one character at one cell of a 200x60 board, or (whole) the same new
 * character in every cell of it; each way carries it as it would:
 *   segment  the writer stores the cells (board_draw) and calls notify_bump
 *            once; readers sleep in notify_wait, then copy the rows whose
 *            stamps moved (what a pizarra client does);
 *   pipes    the writer writes the stroke into one pipe per reader (a
 *            16-byte message, or the message and every cell word, each pipe
 *            enlarged to hold it so that no write waits for a reader);
 *            readers sleep in read;
 *   file     the writer pwrites the cell (or the whole board) into a file
 *            holding the board; readers sleep on inotify (IN_MODIFY), then
 *            re-read the whole file.
 * A reader holds the stroke when its copy shows the new character (one
 * cell, or the first and last of the board); it then records its latency
 * from just before the writer's first call, and tells the writer.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "cell.h"
#include "futex.h"
#include "lecture.h"
#include "notify.h"

#define LECTIO_PIPE_SIZE  (256 * 1024)

/* A stroke as the pipe carries it (followed, for a whole board, by every cell word). */
struct lectio_msg {
	uint32_t seq, col, row, cp;
};

static uint64_t lectio_cells[LECTURE_CELLS];   /* a reader's copy; the writer's board */

/* The cell of stroke i: where, and which character. */
static void
lectio_stroke(int i, uint32_t *col, uint32_t *row, uint32_t *cp)
{
	*col = (uint32_t)i * 7u % LECTURE_COLS;
	*row = (uint32_t)i * 3u % LECTURE_ROWS;
	*cp = 0x41u + (uint32_t)i % 26u;
}

/* True when the reader's copy shows stroke i. */
static bool
lectio_holds(const struct lecture_way_run *L, int i)
{
	uint32_t col, row, cp;

	lectio_stroke(i, &col, &row, &cp);
	if (L->whole)
		return cell_cp(lectio_cells[0]) == cp && cell_cp(lectio_cells[LECTURE_CELLS - 1]) == cp;
	return cell_cp(lectio_cells[row * LECTURE_COLS + col]) == cp;
}

/* A reader holds stroke i: record its latency and tell the writer. */
static void
lectio_ack(struct lecture_ctl *ctl, int reader, int i)
{
	uint64_t now = stats_now_ns();

	ctl->lat_us[reader][i] = (double)(now - atomic_load(&ctl->t0)) / 1e3;
	atomic_fetch_add(&ctl->acks, 1);
	futex_wake(&ctl->acks);
}

/* Tell the writer this reader is set up. */
static void
lectio_ready(struct lecture_ctl *ctl)
{
	atomic_fetch_add(&ctl->ready, 1);
	futex_wake(&ctl->ready);
}

/* Copy the rows of s whose stamps moved since seen. */
static void
lectio_copy_moved(const struct segment *s, uint32_t *seen)
{
	uint32_t r, c, st;

	for (r = 0; r < LECTURE_ROWS; r++) {
		const _Atomic uint64_t *cells = board_row(&s->board, r);

		st = board_row_stamp(&s->board, r);
		if (st == seen[r])
			continue;
		seen[r] = st;
		for (c = 0; c < LECTURE_COLS; c++)
			lectio_cells[r * LECTURE_COLS + c] =
			    atomic_load_explicit(&cells[c], memory_order_relaxed);
	}
}

/* Reader, segment: sleep on the generation, copy moved rows, until it holds each stroke. */
static int
lectio_read_segment(struct lecture_way_run *L, int reader)
{
	uint32_t seen[LECTURE_ROWS], gen, r;
	struct segment s;
	int i;

	memset(lectio_cells, 0, sizeof lectio_cells);
	if (keys_board_attach(&s, L->seg.key) != 0)
		return -1;
	for (r = 0; r < LECTURE_ROWS; r++)
		seen[r] = board_row_stamp(&s.board, r);
	gen = notify_generation(&s.board);
	lectio_ready(L->ctl);
	for (i = 0; i < L->strokes; i++)
		for (;;) {
			if (notify_generation(&s.board) == gen &&
			    notify_wait(&s.board, gen, LECTURE_WAIT_MS) != 0 && errno == ETIMEDOUT)
				return -1;
			gen = notify_generation(&s.board);
			lectio_copy_moved(&s, seen);
			if (lectio_holds(L, i)) {
				lectio_ack(L->ctl, reader, i);
				break;
			}
		}
	return 0;
}

/* Read exactly n bytes from fd; 0 or -1. */
static int
lectio_read_all(int fd, void *buf, size_t n)
{
	size_t got;
	ssize_t r;

	for (got = 0; got < n; got += r > 0 ? (size_t)r : 0) {
		r = read(fd, (char *)buf + got, n - got);
		if (r == 0 || (r < 0 && errno != EINTR))
			return -1;
	}
	return 0;
}

/* Reader, pipes: read each message (and board) from our pipe. */
static int
lectio_read_pipe(struct lecture_way_run *L, int reader)
{
	int fd = L->pipes[reader][0], i;
	struct lectio_msg m;

	memset(lectio_cells, 0, sizeof lectio_cells);
	for (i = 0; i < L->readers; i++) {
		if (i != reader)
			close(L->pipes[i][0]);
		close(L->pipes[i][1]);
	}
	lectio_ready(L->ctl);
	for (i = 0; i < L->strokes; i++) {
		if (lectio_read_all(fd, &m, sizeof m) != 0 || m.seq != (uint32_t)i)
			return -1;
		if (L->whole && lectio_read_all(fd, lectio_cells, sizeof lectio_cells) != 0)
			return -1;
		if (!L->whole && m.row < LECTURE_ROWS && m.col < LECTURE_COLS)
			lectio_cells[m.row * LECTURE_COLS + m.col] = cell_make(m.cp, 0, 0);
		if (!lectio_holds(L, i))
			return -1;
		lectio_ack(L->ctl, reader, i);
	}
	return 0;
}

/* Reader, file: wait for inotify, re-read the whole file, until it holds each stroke. */
static int
lectio_read_file(struct lecture_way_run *L, int reader)
{
	char events[4096];
	int in, fd, i;

	in = inotify_init1(IN_CLOEXEC);
	fd = open(L->path, O_RDONLY | O_CLOEXEC);
	if (in < 0 || fd < 0 || inotify_add_watch(in, L->path, IN_MODIFY) < 0)
		return -1;
	lectio_ready(L->ctl);
	for (i = 0; i < L->strokes; i++)
		for (;;) {
			if (pread(fd, lectio_cells, sizeof lectio_cells, 0) != (ssize_t)sizeof lectio_cells)
				return -1;
			if (lectio_holds(L, i)) {
				lectio_ack(L->ctl, reader, i);
				break;
			}
			if (read(in, events, sizeof events) < 0 && errno != EINTR)
				return -1;
		}
	return 0;
}

/* In a reader: close the other ways' pipes, so that only their writer holds them. */
static void
lectio_close_others(const struct lecture_way_run *L, const struct lecture_way_run *others, int n)
{
	int k, r;

	for (k = 0; k < n; k++)
		if (&others[k] != L && others[k].way == LECTURE_PIPE && others[k].set_up)
			for (r = 0; r < others[k].readers; r++) {
				close(others[k].pipes[r][0]);
				close(others[k].pipes[r][1]);
			}
}

/* Fork L's readers into a process group of their own; how many started. */
int
lectio_fork(struct lecture_way_run *L, const struct lecture_way_run *others, int n)
{
	pid_t pgid = 0, pid;
	int k, r;

	for (k = 0; k < L->readers; k++) {
		pid = fork();
		if (pid < 0)
			break;
		if (pid == 0) {
			cleanup_child();
			setpgid(0, pgid);
			lectio_close_others(L, others, n);
			r = L->way == LECTURE_SEGMENT ? lectio_read_segment(L, k) :
			    L->way == LECTURE_PIPE ? lectio_read_pipe(L, k) : lectio_read_file(L, k);
			if (r != 0) {
				atomic_fetch_add(&L->ctl->failed, 1);
				lectio_ready(L->ctl);
				futex_wake(&L->ctl->acks);
			}
			_exit(r != 0);
		}
		setpgid(pid, pgid ? pgid : pid);
		if (pgid == 0)
			pgid = pid;
		cleanup_add_pid(pid, pid == pgid, true);
		L->pids[k] = pid;
	}
	L->started = k;
	if (L->way == LECTURE_PIPE)
		for (k = 0; k < L->readers; k++) {
			close(L->pipes[k][0]);
			L->pipes[k][0] = -1;
		}
	return L->started;
}

/* Write the stroke into every pipe; 0 or -1. */
static int
lectio_write_pipes(struct lecture_way_run *L, int i, uint32_t col, uint32_t row, uint32_t cp)
{
	static char buf[sizeof(struct lectio_msg) + sizeof lectio_cells];
	struct lectio_msg m = { (uint32_t)i, col, row, cp };
	size_t len = sizeof m + (L->whole ? sizeof lectio_cells : 0);
	int k;

	memcpy(buf, &m, sizeof m);
	if (L->whole)
		memcpy(buf + sizeof m, lectio_cells, sizeof lectio_cells);
	for (k = 0; k < L->readers; k++)
		if (write(L->pipes[k][1], buf, len) != (ssize_t)len)
			return -1;
	return 0;
}

/* The writer's side of stroke i (the clock starts here); 0 or -1. */
int
lectio_write(struct lecture_way_run *L, int i)
{
	uint32_t col, row, cp, r, c;
	uint64_t cell;
	size_t k;

	lectio_stroke(i, &col, &row, &cp);
	cell = cell_make(cp, 0, 0);
	atomic_store(&L->ctl->t0, stats_now_ns());
	switch (L->way) {
	case LECTURE_SEGMENT:
		for (r = L->whole ? 0 : row; r < (L->whole ? LECTURE_ROWS : row + 1); r++)
			for (c = L->whole ? 0 : col; c < (L->whole ? LECTURE_COLS : col + 1); c++)
				board_draw(&L->seg.board, c, r, cp, 0, 0);
		return notify_bump(&L->seg.board) < 0 ? -1 : 0;
	case LECTURE_PIPE:
		for (k = 0; L->whole && k < LECTURE_CELLS; k++)
			lectio_cells[k] = cell;
		return lectio_write_pipes(L, i, col, row, cp);
	default:
		if (!L->whole)
			return pwrite(L->file, &cell, sizeof cell, (off_t)((row * LECTURE_COLS + col) *
			    sizeof cell)) == (ssize_t)sizeof cell ? 0 : -1;
		for (k = 0; k < LECTURE_CELLS; k++)
			lectio_cells[k] = cell;
		return pwrite(L->file, lectio_cells, sizeof lectio_cells, 0) ==
		    (ssize_t)sizeof lectio_cells ? 0 : -1;
	}
}

/* Set up L's channel (its readers come after); 0 or -1. */
int
lectio_setup(struct lecture_way_run *L, const char *dir)
{
	int k;

	memset(L->ctl, 0, sizeof *L->ctl);
	for (k = 0; k < LECTURE_MAX_READERS; k++)
		L->pipes[k][0] = L->pipes[k][1] = -1;
	L->file = -1;
	L->started = 0;
	L->set_up = true;
	switch (L->way) {
	case LECTURE_SEGMENT:
		return keys_board_create(&L->seg, LECTURE_COLS, LECTURE_ROWS);
	case LECTURE_PIPE:
		for (k = 0; k < L->readers; k++) {
			if (pipe2(L->pipes[k], O_CLOEXEC) != 0)
				return -1;
			if (L->whole && fcntl(L->pipes[k][1], F_SETPIPE_SZ, LECTIO_PIPE_SIZE) < 0)
				return -1;
		}
		return 0;
	default:
		snprintf(L->path, sizeof L->path, "%s/board-%d", dir, L->readers);
		L->file = open(L->path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
		if (L->file < 0)
			return -1;
		cleanup_add_path(L->path, false);
		memset(lectio_cells, 0, sizeof lectio_cells);
		return write(L->file, lectio_cells, sizeof lectio_cells) ==
		    (ssize_t)sizeof lectio_cells ? 0 : -1;
	}
}

/* Stop L's readers and undo lectio_setup. */
void
lectio_teardown(struct lecture_way_run *L)
{
	int k;

	if (L->way == LECTURE_PIPE && L->set_up)
		for (k = 0; k < L->readers; k++) {
			if (L->pipes[k][1] >= 0)
				close(L->pipes[k][1]);
			if (L->pipes[k][0] >= 0)
				close(L->pipes[k][0]);
			L->pipes[k][0] = L->pipes[k][1] = -1;
		}
	for (k = 0; k < L->started; k++)
		cleanup_reap(L->pids[k], 2000);
	L->started = 0;
	if (L->way == LECTURE_SEGMENT && L->set_up)
		keys_board_remove(&L->seg);
	if (L->way == LECTURE_FILE && L->set_up && L->file >= 0) {
		close(L->file);
		unlink(L->path);
	}
	L->set_up = false;
}
