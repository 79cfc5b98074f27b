/*
 * check_lease.c - unit tests of the lease of whole-board operations
 * (lease.h): taken and given, dead holders taken over, live ones waited
 * for and named.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "board.h"
#include "checkutil.h"
#include "futex.h"
#include "lease.h"

/* Our own lease word, as lease_take makes it. */
static uint64_t
my_lease_word(void)
{
	FILE *f = fopen("/proc/self/stat", "re");
	char buf[1024], *p;
	unsigned long long start = 0;
	int field;

	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(fgets(buf, sizeof buf, f));
	fclose(f);
	p = strrchr(buf, ')');
	for (field = 2; p != NULL && field < 22; field++)
		p = strchr(p + 1, ' ');
	ck_assert_ptr_nonnull(p);
	start = strtoull(p + 1, NULL, 10);
	return (uint64_t)(uint32_t)getpid() << 32 | (uint32_t)start;
}

/* Take and give: the word names us, a second take by us is refused, give frees it. */
START_TEST(test_lease_take_give)
{
	struct lease_holder h;
	struct segment s;
	struct pzerr e;
	uint64_t mine, again;

	tu_private_board(&s, 20, 4);
	lease_holder(&s.board, &h);
	ck_assert_uint_eq(h.word, 0);
	ck_assert_msg(lease_take(&s.board, 100, &mine, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(mine, my_lease_word());
	ck_assert_uint_eq(atomic_load(&s.board.hdr->lease), mine);
	lease_holder(&s.board, &h);
	ck_assert_int_eq(h.pid, getpid());
	ck_assert(h.alive);
	ck_assert_int_eq(lease_take(&s.board, 100, &again, &e), -1);
	ck_assert_int_eq(e.err, EDEADLK);
	ck_assert_uint_eq(atomic_load(&s.board.hdr->lease_wake), 0);
	ck_assert_int_eq(lease_give(&s.board, mine), 0);
	ck_assert_uint_eq(atomic_load(&s.board.hdr->lease), 0);
	ck_assert_uint_eq(atomic_load(&s.board.hdr->lease_wake), 1);
	/* given back twice: it is not ours any more */
	ck_assert_int_eq(lease_give(&s.board, mine), -1);
	s.board.readonly = true;
	ck_assert_int_eq(lease_take(&s.board, 100, &mine, &e), -1);
	ck_assert_int_eq(e.err, EROFS);
}
END_TEST

/* A dead, reused or garbage holder is taken over at once. */
START_TEST(test_lease_dead_holder)
{
	const uint64_t words[] = {
		(uint64_t)0x7FFFFFF0 << 32 | 5,              /* no such pid */
		(uint64_t)1 << 32 | 0xFFFFFFFFu,              /* pid 1, another start time */
		UINT64_MAX,                                   /* garbage */
		5,                                            /* pid 0 */
	};
	struct lease_holder h;
	struct segment s;
	struct pzerr e;
	uint64_t mine;
	pid_t pid;
	size_t i;
	int status;

	tu_private_board(&s, 20, 4);
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		atomic_store(&s.board.hdr->lease, words[i]);
		lease_holder(&s.board, &h);
		ck_assert_msg(!h.alive, "word %zu judged alive", i);
		ck_assert_msg(lease_take(&s.board, 0, &mine, &e) == 0, "%zu: %s", i, e.msg);
		ck_assert_int_eq(lease_give(&s.board, mine), 0);
	}
	/* a process that exited (and was reaped) */
	pid = fork();
	if (pid == 0) {
		if (lease_take(&s.board, 100, &mine, &e) != 0)
			_exit(1);
		_exit(0);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_uint_eq(atomic_load(&s.board.hdr->lease) >> 32, (uint64_t)pid);
	lease_holder(&s.board, &h);
	ck_assert(!h.alive);
	ck_assert_int_eq(lease_take(&s.board, 0, &mine, &e), 0);
	ck_assert_int_eq(lease_give(&s.board, mine), 0);
}
END_TEST

/* A live holder is waited for: the deadline says who holds it; a give wakes the waiter. */
START_TEST(test_lease_live_holder)
{
	struct segment s;
	struct pzerr e;
	uint64_t mine, theirs;
	int go[2], held[2], status;
	long long t0;
	char c;
	pid_t pid;

	tu_private_board(&s, 20, 4);
	ck_assert_int_eq(pipe(go), 0);
	ck_assert_int_eq(pipe(held), 0);
	pid = fork();
	if (pid == 0) {
		if (lease_take(&s.board, 100, &theirs, &e) != 0)
			_exit(1);
		if (write(held[1], "h", 1) != 1 || read(go[0], &c, 1) != 1)
			_exit(2);
		_exit(lease_give(&s.board, theirs) == 0 ? 0 : 3);
	}
	ck_assert_int_eq(read(held[0], &c, 1), 1);
	t0 = futex_now_ms();
	ck_assert_int_eq(lease_take(&s.board, 200, &mine, &e), -1);
	ck_assert_int_eq(e.err, EBUSY);
	ck_assert_int_ge(futex_now_ms() - t0, 200);
	ck_assert_msg(strstr(e.msg, "the board is busy: process ") != NULL, "%s", e.msg);
	ck_assert_msg(strstr(e.msg, "more than 200 ms") != NULL, "%s", e.msg);
	/* now wait for longer, and let the holder give it back */
	ck_assert_int_eq(write(go[1], "g", 1), 1);
	ck_assert_msg(lease_take(&s.board, 5000, &mine, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(mine, my_lease_word());
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_int_eq(lease_give(&s.board, mine), 0);
}
END_TEST

/* The lease suite. */
static Suite *
lease_suite(void)
{
	Suite *s = suite_create("lease");
	TCase *tc = tcase_create("lease");

	tcase_add_test(tc, test_lease_take_give);
	tcase_add_test(tc, test_lease_dead_holder);
	tcase_add_test(tc, test_lease_live_holder);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(lease_suite());
}
