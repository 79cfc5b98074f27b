/*
 * checkutil.c - shared helpers of the Check suites (see checkutil.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <time.h>
#include <unistd.h>

#include "board.h"
#include "checkutil.h"

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
