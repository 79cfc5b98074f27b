/*
 * check_futex.c - unit tests of the futex primitives (futex.h), on words
 * with no board around them: futex_wait returning at once when the word
 * differs and timing out when it does not; a waiter in another process, on
 * a System V segment it attached at another address, woken by futex_wake
 * (which counts the sleepers it woke, every one of them); and the two-word
 * futex_wait_two: at once when either word differs, a timeout from its
 * absolute deadline, woken by the shared word from another process, and
 * by a signal handler bumping the private word (with and without a shared
 * word).
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "checkutil.h"
#include "futex.h"

/* A 4096-byte IPC_PRIVATE segment, attached and marked for removal at once; its shmid. */
static int
word_segment(_Atomic uint32_t **word)
{
	int id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	void *base;

	ck_assert_int_ge(id, 0);
	base = shmat(id, NULL, 0);
	if (base == (void *)-1)
		shmctl(id, IPC_RMID, NULL);
	ck_assert_ptr_ne(base, (void *)-1);
	ck_assert_int_eq(shmctl(id, IPC_RMID, NULL), 0);
	*word = base;
	return id;
}

/* Milliseconds on the monotonic clock. */
static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Wait for pid and return its exit status (-1 when it did not exit normally). */
static int
exit_status(pid_t pid)
{
	int status;

	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

START_TEST(test_wait_differs_or_times_out)
{
	_Atomic uint32_t w = 1;
	long long t0;

	ck_assert_int_eq(futex_wait(&w, 0, -1), 0);
	ck_assert_int_eq(futex_wait(&w, 0, 0), 0);
	t0 = now_ms();
	ck_assert_int_eq(futex_wait(&w, 1, 30), -1);
	ck_assert_int_eq(errno, ETIMEDOUT);
	ck_assert_int_ge(now_ms() - t0, 29);
	ck_assert_int_eq(futex_wait(&w, 1, 0), -1);
	ck_assert_int_eq(errno, ETIMEDOUT);
	ck_assert_int_eq(futex_wake(&w), 0);
	ck_assert_uint_eq(atomic_load(&w), 1);
}
END_TEST

/*
 * Fork a process that attaches shmid a second time (so at another address
 * than ours), sleeps while its word is 0, and exits 0 when woken with the
 * word changed, 1 when woken with it unchanged (expect_change 0 wants that),
 * other codes for failures.
 */
static pid_t
spawn_waiter(int shmid, const void *ours, int ready_fd, int expect_change)
{
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		_Atomic uint32_t *word = shmat(shmid, NULL, SHM_RDONLY);
		int r;

		if (word == (void *)-1)
			_exit(10);
		if ((const void *)word == ours)
			_exit(11);
		if (write(ready_fd, "r", 1) != 1)
			_exit(12);
		r = futex_wait(word, 0, 10000);
		if (r != 0)
			_exit(13);
		if (expect_change)
			_exit(atomic_load(word) == 1 ? 0 : 1);
		_exit(atomic_load(word) == 0 ? 0 : 1);
	}
	return pid;
}

START_TEST(test_cross_process_wake)
{
	_Atomic uint32_t *word;
	int fds[2], id;
	pid_t pid;

	id = word_segment(&word);
	ck_assert_int_eq(pipe(fds), 0);
	pid = spawn_waiter(id, word, fds[1], 1);
	tu_await_sleeper(fds[0], pid);
	atomic_store(word, 1);
	ck_assert_int_eq(futex_wake(word), 1);
	ck_assert_int_eq(exit_status(pid), 0);
	ck_assert_int_eq(futex_wake(word), 0);
}
END_TEST

START_TEST(test_wake_without_change)
{
	_Atomic uint32_t *word;
	int fds[2], id;
	pid_t pid;

	id = word_segment(&word);
	ck_assert_int_eq(pipe(fds), 0);
	pid = spawn_waiter(id, word, fds[1], 0);
	tu_await_sleeper(fds[0], pid);
	ck_assert_int_eq(futex_wake(word), 1);
	ck_assert_int_eq(exit_status(pid), 0);
	ck_assert_uint_eq(atomic_load(word), 0);
}
END_TEST

START_TEST(test_wake_counts_every_sleeper)
{
	_Atomic uint32_t *word;
	int fds[2], id, i;
	pid_t pids[3];

	id = word_segment(&word);
	ck_assert_int_eq(pipe(fds), 0);
	for (i = 0; i < 3; i++) {
		pids[i] = spawn_waiter(id, word, fds[1], 1);
		tu_await_sleeper(fds[0], pids[i]);
	}
	atomic_store(word, 1);
	ck_assert_int_eq(futex_wake(word), 3);
	for (i = 0; i < 3; i++)
		ck_assert_int_eq(exit_status(pids[i]), 0);
}
END_TEST

START_TEST(test_two_at_once_when_either_differs)
{
	_Atomic uint32_t shared = 3, local = 5;
	long long t0;

	ck_assert_int_eq(futex_wait_two(&shared, 3, &local, 4, -1), 0);
	ck_assert_int_eq(futex_wait_two(&shared, 2, &local, 5, -1), 0);
	ck_assert_int_eq(futex_wait_two(NULL, 0, &local, 4, -1), 0);
	t0 = now_ms();
	ck_assert_int_eq(futex_wait_two(&shared, 3, &local, 5, 30), -1);
	ck_assert_int_eq(errno, ETIMEDOUT);
	ck_assert_int_ge(now_ms() - t0, 29);
	ck_assert_int_lt(now_ms() - t0, 5000);
	t0 = now_ms();
	ck_assert_int_eq(futex_wait_two(NULL, 0, &local, 5, 30), -1);
	ck_assert_int_eq(errno, ETIMEDOUT);
	ck_assert_int_ge(now_ms() - t0, 29);
	ck_assert_int_eq(futex_wait_two(&shared, 3, &local, 5, 0), -1);
	ck_assert_int_eq(errno, ETIMEDOUT);
	ck_assert_uint_eq(atomic_load(&shared), 3);
	ck_assert_uint_eq(atomic_load(&local), 5);
}
END_TEST

/* The process-private word a signal handler bumps, as the UI's SIGIO handler does. */
static _Atomic uint32_t test_local_word;

/* SIGUSR1: bump the local word. */
static void
on_usr1(int sig)
{
	(void)sig;
	atomic_fetch_add(&test_local_word, 1);
}

/*
 * Fork a process sleeping in futex_wait_two on the word of shmid (attached
 * at another address; none when shmid < 0) and on test_local_word. It exits
 * 20 when the shared word changed, 21 when the local word did, other codes
 * for failures.
 */
static pid_t
spawn_two_waiter(int shmid, int ready_fd)
{
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		_Atomic uint32_t *word = NULL;
		struct sigaction sa;
		uint32_t seen;

		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_usr1;
		sa.sa_flags = SA_RESTART;
		sigaction(SIGUSR1, &sa, NULL);
		if (shmid >= 0) {
			word = shmat(shmid, NULL, SHM_RDONLY);
			if (word == (void *)-1)
				_exit(10);
		}
		seen = atomic_load(&test_local_word);
		if (write(ready_fd, "r", 1) != 1)
			_exit(11);
		if (futex_wait_two(word, 0, &test_local_word, seen, 10000) != 0)
			_exit(12);
		if (word != NULL && atomic_load(word) != 0)
			_exit(20);
		if (atomic_load(&test_local_word) != seen)
			_exit(21);
		_exit(13);
	}
	return pid;
}

START_TEST(test_two_woken_by_shared_word)
{
	_Atomic uint32_t *word;
	int fds[2], id;
	pid_t pid;

	id = word_segment(&word);
	ck_assert_int_eq(pipe(fds), 0);
	pid = spawn_two_waiter(id, fds[1]);
	tu_await_sleeper(fds[0], pid);
	atomic_store(word, 1);
	ck_assert_int_eq(futex_wake(word), 1);
	ck_assert_int_eq(exit_status(pid), 20);
}
END_TEST

START_TEST(test_two_woken_by_local_word)
{
	_Atomic uint32_t *word;
	int fds[2], id;
	pid_t pid;

	id = word_segment(&word);
	ck_assert_int_eq(pipe(fds), 0);
	pid = spawn_two_waiter(id, fds[1]);
	tu_await_sleeper(fds[0], pid);
	ck_assert_int_eq(kill(pid, SIGUSR1), 0);
	ck_assert_int_eq(exit_status(pid), 21);
	ck_assert_uint_eq(atomic_load(word), 0);
}
END_TEST

START_TEST(test_two_local_word_alone)
{
	int fds[2];
	pid_t pid;

	ck_assert_int_eq(pipe(fds), 0);
	pid = spawn_two_waiter(-1, fds[1]);
	tu_await_sleeper(fds[0], pid);
	ck_assert_int_eq(kill(pid, SIGUSR1), 0);
	ck_assert_int_eq(exit_status(pid), 21);
}
END_TEST

/* The futex suite. */
static Suite *
futex_suite(void)
{
	Suite *s = suite_create("futex");
	TCase *one = tcase_create("one word");
	TCase *two = tcase_create("two words");

	tcase_add_test(one, test_wait_differs_or_times_out);
	tcase_add_test(one, test_cross_process_wake);
	tcase_add_test(one, test_wake_without_change);
	tcase_add_test(one, test_wake_counts_every_sleeper);
	suite_add_tcase(s, one);
	tcase_add_test(two, test_two_at_once_when_either_differs);
	tcase_add_test(two, test_two_woken_by_shared_word);
	tcase_add_test(two, test_two_woken_by_local_word);
	tcase_add_test(two, test_two_local_word_alone);
	suite_add_tcase(s, two);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(futex_suite());
}
