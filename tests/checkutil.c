/*
 * checkutil.c - shared helpers of the Check suites (see checkutil.h).
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <time.h>
#include <unistd.h>

#include "board.h"
#include "checkutil.h"
#include "dump.h"
#include "history.h"
#include "textscan.h"

static pid_t tu_main_pid;

/* A key unique to this run: high byte 0xA0+n, low 24 bits the main pid. */
key_t
tu_key(int n)
{
	if (tu_main_pid == 0)
		tu_main_pid = getpid();
	return (key_t)((0xA0u + (unsigned)(n & 63)) << 24 | ((unsigned)tu_main_pid & 0xFFFFFF));
}

/* Create, attach and at once remove a private board. */
void
tu_private_board(struct segment *s, unsigned cols, unsigned rows)
{
	size_t size = board_size_for(cols, rows);
	struct pzerr e;
	int id;

	memset(s, 0, sizeof *s);
	id = shmget(IPC_PRIVATE, size, IPC_CREAT | 0600);
	ck_assert_int_ge(id, 0);
	s->base = shmat(id, NULL, 0);
	ck_assert_ptr_ne(s->base, (void *)-1);
	ck_assert_int_eq(shmctl(id, IPC_RMID, NULL), 0);
	s->shmid = id;
	s->size = size;
	ck_assert_int_eq(board_init(s->base, size, cols, rows, &e), 0);
	ck_assert_int_eq(board_open(&s->board, s->base, size, false, &e), 0);
}

/* Wait for a child's ready byte, then for /proc/PID/wchan to show it in a futex. */
void
tu_await_sleeper(int ready_fd, pid_t pid)
{
	struct timespec ms = { 0, 1000000 };
	char c, path[64], buf[256];
	FILE *f;
	int i;

	ck_assert_int_eq(read(ready_fd, &c, 1), 1);
	snprintf(path, sizeof path, "/proc/%d/wchan", (int)pid);
	for (i = 0; i < 2000; i++) {
		f = fopen(path, "r");
		buf[0] = '\0';
		if (f != NULL) {
			if (fgets(buf, sizeof buf, f) == NULL)
				buf[0] = '\0';
			fclose(f);
		}
		if (strstr(buf, "futex") != NULL)
			return;
		nanosleep(&ms, NULL);
	}
}

/* Poll cond until true or the deadline. */
bool
tu_poll(bool (*cond)(void *arg), void *arg, int timeout_ms)
{
	struct timespec ms = { 0, 1000000 };
	int i;

	for (i = 0; i < timeout_ms; i++) {
		if (cond(arg))
			return true;
		nanosleep(&ms, NULL);
	}
	return cond(arg);
}

/* Scan text in pieces of step bytes (the last one final); the result of the last feed. */
int
tu_scan_in_pieces(struct textscan *sc, const char *text, size_t len, size_t step, uint32_t max,
		  struct pzerr *e)
{
	size_t at = 0, end = 0, used;
	int r;

	textscan_init(sc, max);
	for (;;) {
		/* what was left over is given again, with the next piece */
		end = end + step < len ? end + step : len;
		r = textscan_feed(sc, text + at, end - at, end == len, &used, e);
		if (r != 0)
			return r;
		at += used;
		if (end == len)
			break;
	}
	ck_assert_uint_eq(at, len);
	return 0;
}

/* Does the trace contain an entry with this text? */
bool
tu_trace_has(const struct trace *t, const char *needle)
{
	const struct trace_entry *en;
	unsigned i;

	for (i = 0; (en = trace_get(t, i)) != NULL; i++)
		if (strstr(en->text, needle) != NULL)
			return true;
	return false;
}

/* Options that create a small board. */
struct segment_opts
tu_create_opts(void)
{
	struct segment_opts o = { .create = true, .cols = 40, .rows = 10, .mode = 0600 };

	return o;
}

/* An address for an explicit key. */
struct addr
tu_key_addr(key_t key)
{
	struct addr a;

	addr_default(&a);
	a.how = ADDR_BY_KEY;
	a.key = key;
	return a;
}

/* Remove every segment left under this run's keys. */
static void
tu_sweep(void)
{
	int n, id;

	for (n = 0; n < 64; n++) {
		id = shmget(tu_key(n), 0, 0);
		if (id >= 0)
			shmctl(id, IPC_RMID, NULL);
	}
}

/* Run a suite and clean up after it. */
int
tu_run(Suite *suite)
{
	SRunner *sr;
	int failed;

	tu_key(0);
	sr = srunner_create(suite);
	srunner_set_fork_status(sr, CK_FORK);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	tu_sweep();
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* Create an IPC_PRIVATE segment, attach it, and mark it removed at once. */
int
tu_private_segment(size_t size, int mode, void **addr)
{
	int id = shmget(IPC_PRIVATE, size, IPC_CREAT | mode);

	ck_assert_int_ge(id, 0);
	*addr = shmat(id, NULL, 0);
	if (*addr == (void *)-1)
		shmctl(id, IPC_RMID, NULL);
	ck_assert_ptr_ne(*addr, (void *)-1);
	ck_assert_int_eq(shmctl(id, IPC_RMID, NULL), 0);
	return id;
}

/* Fill si by IPC_STAT of a real segment. */
void
tu_stat_segment(int id, struct shminfo_stat *si)
{
	memset(si, 0, sizeof *si);
	si->shmid = id;
	ck_assert_int_eq(shmctl(id, IPC_STAT, &si->ds), 0);
}

/* A made-up status with a distinct value in every field. */
void
tu_fake_stat(struct shminfo_stat *si)
{
	memset(si, 0, sizeof *si);
	si->shmid = 98307;
	si->ds.shm_perm.__key = 0x70030002;
	si->ds.shm_perm.uid = 0;
	si->ds.shm_perm.gid = 0;
	si->ds.shm_perm.cuid = 0;
	si->ds.shm_perm.cgid = 0;
	si->ds.shm_perm.mode = 0600;
	si->ds.shm_segsz = 48832;
	si->ds.shm_nattch = 3;
	si->ds.shm_cpid = 4321;
	si->ds.shm_lpid = 8765;
	si->ds.shm_atime = 0;
	si->ds.shm_dtime = 0;
	si->ds.shm_ctime = 0;
}

/* Format field f of si into a static buffer. */
const char *
tu_value_of(const struct shminfo_stat *si, enum shminfo_field f, bool long_times)
{
	static char v[256];

	memset(v, 'Z', sizeof v);
	shminfo_value(si, f, long_times, v, sizeof v);
	ck_assert_ptr_nonnull(memchr(v, '\0', sizeof v));
	return v;
}

/* A uid that no user has (the first free one from 4000000 up). */
uid_t
tu_unused_uid(void)
{
	uid_t u = 4000000;

	while (getpwuid(u) != NULL)
		u++;
	return u;
}

/* Set the time zone to UTC so clock times are predictable. */
void
tu_use_utc(void)
{
	ck_assert_int_eq(setenv("TZ", "UTC", 1), 0);
	tzset();
}

/* Dump b into a freshly allocated string. */
char *
tu_dump_of(const struct board *b, bool ansi)
{
	struct strbuf sb;
	char *out;

	strbuf_init(&sb);
	ck_assert_int_eq(dump_text(b, &sb, ansi), 0);
	out = strdup(strbuf_cstr(&sb));
	strbuf_free(&sb);
	return out;
}

/* Copy every cell of b. */
uint64_t *
tu_snapshot(const struct board *b)
{
	uint64_t *cells = malloc((size_t)b->cols * b->rows * sizeof *cells);
	uint32_t r, c;

	for (r = 0; r < b->rows; r++)
		for (c = 0; c < b->cols; c++)
			cells[r * b->cols + c] = board_get(b, c, r);
	return cells;
}

/* Are b's cells equal to a snapshot? */
bool
tu_same_cells(const struct board *b, const uint64_t *cells)
{
	uint32_t r, c;

	for (r = 0; r < b->rows; r++)
		for (c = 0; c < b->cols; c++)
			if (cells[r * b->cols + c] != board_get(b, c, r))
				return false;
	return true;
}

/* Draw cp at (col, row) as author into h's open step (h may be NULL: someone else). */
void
tu_draw(struct history *h, const struct board *b, uint32_t col, uint32_t row, uint32_t cp,
	unsigned author)
{
	struct board_change log[BOARD_DRAW_CHANGES];
	size_t n;

	ck_assert_int_gt(board_draw_log(b, col, row, cp, 1, author, log, &n), 0);
	if (h != NULL)
		ck_assert_int_eq(history_add(h, log, n), 0);
}

uint32_t
tu_cp_at(const struct board *b, uint32_t col, uint32_t row)
{
	return cell_cp(board_get(b, col, row));
}

/* Every CELL_CONT of row has a wide character on its left, and every wide one its CONT. */
void
tu_assert_whole(const struct board *b, uint32_t row)
{
	uint32_t c;

	for (c = 0; c < b->cols; c++) {
		uint32_t cp = tu_cp_at(b, c, row);

		if (cp == CELL_CONT)
			ck_assert_msg(c > 0 && cell_width(tu_cp_at(b, c - 1, row)) == 2,
			    "lone CONT at %u", c);
		if (cell_width(cp) == 2)
			ck_assert_msg(c + 1 < b->cols && tu_cp_at(b, c + 1, row) == CELL_CONT,
			    "wide character without its CONT at %u", c);
	}
}
