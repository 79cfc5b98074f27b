/*
 * check_notify.c - unit tests of change notification: the generation
 * counter, waiting with and without a timeout, plain wake-ups, and a waiter
 * in another process attached read-only at another address being woken by
 * a writer's bump.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include "checkutil.h"
#include "notify.h"

START_TEST(test_bump_counts)
{
	struct segment s;

	tu_private_board(&s, 20, 4);
	ck_assert_uint_eq(notify_generation(&s.board), 0);
	ck_assert_int_eq(notify_bump(&s.board), 0);
	notify_bump(&s.board);
	ck_assert_uint_eq(notify_generation(&s.board), 2);
	ck_assert_int_eq(notify_wait(&s.board, 0, -1), 0);
	s.board.readonly = true;
	ck_assert_int_eq(notify_bump(&s.board), 0);
	ck_assert_uint_eq(notify_generation(&s.board), 2);
}
END_TEST

START_TEST(test_wait_times_out)
{
	struct segment s;

	tu_private_board(&s, 20, 4);
	ck_assert_int_eq(notify_wait(&s.board, 0, 30), -1);
	ck_assert_int_eq(errno, ETIMEDOUT);
}
END_TEST

/* Fork a waiter attached read-only to shmid; it exits 0 when woken with a change. */
static pid_t
spawn_waiter(int shmid, int ready_fd, int expect_change)
{
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		void *base = shmat(shmid, NULL, SHM_RDONLY);
		struct board b;
		struct pzerr e;
		uint32_t gen;
		int r;

		if (base == (void *)-1 || board_open(&b, base, board_size_for(20, 4), true, &e))
			_exit(10);
		gen = notify_generation(&b);
		if (write(ready_fd, "r", 1) != 1)
			_exit(11);
		r = notify_wait(&b, gen, 10000);
		if (expect_change)
			_exit(r == 0 && notify_generation(&b) == gen + 1 ? 0 : 1);
		_exit(r == -1 && errno == EAGAIN ? 0 : 2);
	}
	return pid;
}

START_TEST(test_cross_process_readonly_wake)
{
	struct segment s;
	int fds[2], status;
	pid_t pid;

	tu_private_board(&s, 20, 4);
	ck_assert_int_eq(pipe(fds), 0);
	pid = spawn_waiter(s.shmid, fds[1], 1);
	tu_await_sleeper(fds[0], pid);
	ck_assert_int_eq(notify_bump(&s.board), 1);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 0);
}
END_TEST

START_TEST(test_plain_wake)
{
	struct segment s;
	int fds[2], status;
	pid_t pid;

	tu_private_board(&s, 20, 4);
	ck_assert_int_eq(pipe(fds), 0);
	pid = spawn_waiter(s.shmid, fds[1], 0);
	tu_await_sleeper(fds[0], pid);
	notify_wake(&s.board);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 0);
	ck_assert_uint_eq(notify_generation(&s.board), 0);
}
END_TEST

START_TEST(test_wait_any_local_and_timeout)
{
	_Atomic uint32_t local = 5;
	struct segment s;

	tu_private_board(&s, 20, 4);
	ck_assert_int_eq(notify_wait_any(&s.board, 0, &local, 4, -1), 0);
	ck_assert_int_eq(notify_wait_any(&s.board, 7, &local, 5, -1), 0);
	ck_assert_int_eq(notify_wait_any(&s.board, 0, &local, 5, 20), -1);
	ck_assert_int_eq(errno, ETIMEDOUT);
	ck_assert_int_eq(notify_wait_any(NULL, 0, &local, 5, 20), -1);
	ck_assert_int_eq(errno, ETIMEDOUT);
}
END_TEST

/* The word a signal handler bumps, as the UI's SIGIO handler does. */
static _Atomic uint32_t test_input_word;

/* SIGUSR1: bump the input word. */
static void
on_usr1(int sig)
{
	(void)sig;
	atomic_fetch_add(&test_input_word, 1);
}

/* Fork a process that sleeps in notify_wait_any; it exits with what woke it. */
static pid_t
spawn_any_waiter(int shmid, int ready_fd)
{
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct sigaction sa;
		void *base = shmat(shmid, NULL, SHM_RDONLY);
		struct board b;
		struct pzerr e;
		uint32_t gen, seen;

		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_usr1;
		sa.sa_flags = SA_RESTART;
		sigaction(SIGUSR1, &sa, NULL);
		if (base == (void *)-1 || board_open(&b, base, board_size_for(20, 4), true, &e))
			_exit(10);
		gen = notify_generation(&b);
		seen = atomic_load(&test_input_word);
		if (write(ready_fd, "r", 1) != 1)
			_exit(11);
		if (notify_wait_any(&b, gen, &test_input_word, seen, 10000) != 0)
			_exit(12);
		if (notify_generation(&b) != gen)
			_exit(20);
		if (atomic_load(&test_input_word) != seen)
			_exit(21);
		_exit(13);
	}
	return pid;
}

START_TEST(test_wait_any_board_change)
{
	struct segment s;
	int fds[2], status;
	pid_t pid;

	tu_private_board(&s, 20, 4);
	ck_assert_int_eq(pipe(fds), 0);
	pid = spawn_any_waiter(s.shmid, fds[1]);
	tu_await_sleeper(fds[0], pid);
	notify_bump(&s.board);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 20);
}
END_TEST

START_TEST(test_wait_any_signal_bumps_local)
{
	struct segment s;
	int fds[2], status;
	pid_t pid;

	tu_private_board(&s, 20, 4);
	ck_assert_int_eq(pipe(fds), 0);
	pid = spawn_any_waiter(s.shmid, fds[1]);
	tu_await_sleeper(fds[0], pid);
	kill(pid, SIGUSR1);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 21);
	ck_assert_uint_eq(notify_generation(&s.board), 0);
}
END_TEST

START_TEST(test_presence_word)
{
	_Atomic uint32_t local = 0;
	struct segment s;
	uint32_t p0;

	tu_private_board(&s, 20, 4);
	p0 = notify_presence_seen(&s.board);
	ck_assert_int_eq(notify_presence(&s.board), 0);
	ck_assert_uint_eq(notify_presence_seen(&s.board), p0 + 1);
	ck_assert_uint_eq(notify_generation(&s.board), 0);
	ck_assert_int_eq(notify_wait_presence(&s.board, p0, &local, 0, -1), 0);
	notify_bump(&s.board);
	ck_assert_int_eq(notify_wait_presence(&s.board, p0 + 1, &local, 0, 20), -1);
	ck_assert_int_eq(errno, ETIMEDOUT);
	s.board.readonly = true;
	ck_assert_int_eq(notify_presence(&s.board), 0);
	ck_assert_uint_eq(notify_presence_seen(&s.board), p0 + 1);
}
END_TEST

/* Fork a process sleeping on the presence word (read-only); it exits 0 when a presence change wakes it. */
static pid_t
spawn_presence_waiter(int shmid, int ready_fd)
{
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		void *base = shmat(shmid, NULL, SHM_RDONLY);
		_Atomic uint32_t local = 0;
		struct board b;
		struct pzerr e;
		uint32_t seen;

		if (base == (void *)-1 || board_open(&b, base, board_size_for(20, 4), true, &e))
			_exit(10);
		seen = notify_presence_seen(&b);
		if (write(ready_fd, "r", 1) != 1)
			_exit(11);
		if (notify_wait_presence(&b, seen, &local, 0, 10000) != 0)
			_exit(12);
		_exit(notify_presence_seen(&b) != seen ? 0 : 13);
	}
	return pid;
}

START_TEST(test_presence_wakes_cross_process)
{
	struct segment s;
	int fds[2], status;
	pid_t pid;

	tu_private_board(&s, 20, 4);
	ck_assert_int_eq(pipe(fds), 0);
	pid = spawn_presence_waiter(s.shmid, fds[1]);
	tu_await_sleeper(fds[0], pid);
	notify_bump(&s.board);
	ck_assert_int_eq(waitpid(pid, &status, WNOHANG), 0);
	ck_assert_int_eq(notify_presence(&s.board), 1);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 0);
}
END_TEST

/* The notify suite. */
static Suite *
notify_suite(void)
{
	Suite *s = suite_create("notify");
	TCase *tc = tcase_create("futex");

	tcase_add_test(tc, test_bump_counts);
	tcase_add_test(tc, test_wait_times_out);
	tcase_add_test(tc, test_cross_process_readonly_wake);
	tcase_add_test(tc, test_plain_wake);
	tcase_add_test(tc, test_wait_any_local_and_timeout);
	tcase_add_test(tc, test_wait_any_board_change);
	tcase_add_test(tc, test_wait_any_signal_bumps_local);
	tcase_add_test(tc, test_presence_word);
	tcase_add_test(tc, test_presence_wakes_cross_process);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(notify_suite());
}
