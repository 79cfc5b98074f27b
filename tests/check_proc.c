/*
 * check_proc.c - unit tests of process inspection (proc.h): start times
 * against /proc/PID/stat read here independently, the state of a running,
 * a stopped and a zombie process, existence and liveness (a zombie exists
 * but is not alive, a reused pid shows as another start time), PID
 * namespaces, terminal names from a pseudo-terminal, the processes that
 * have a segment attached (/proc/PID/maps), and command names, sanitised
 * and truncated.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "checkutil.h"
#include "proc.h"

/* A pid no process has: far above pid_max (at most 4194304 on Linux). */
#define NO_PID ((pid_t)0x7FFFFFF0)

/* Field 22 of /proc/PID/stat, read without the library. */
static unsigned long long
stat_field22(pid_t pid)
{
	char path[64], buf[1024], *p;
	unsigned long long v = 0;
	size_t n;
	FILE *f;
	int i;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strrchr(buf, ')');
	ck_assert_ptr_nonnull(p);
	p += 2;
	for (i = 3; i < 22; i++) {
		p = strchr(p, ' ');
		ck_assert_ptr_nonnull(p);
		p++;
	}
	ck_assert_int_eq(sscanf(p, "%llu", &v), 1);
	return v;
}

/* Fork a child that waits in pause(); returns its pid once it runs (it inherits our attachments). */
static pid_t
spawn_child(void)
{
	int fds[2];
	pid_t pid;
	char c;

	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		close(fds[0]);
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (write(fds[1], "k", 1) != 1)
			_exit(2);
		for (;;)
			pause();
	}
	close(fds[1]);
	ck_assert_int_eq(read(fds[0], &c, 1), 1);
	close(fds[0]);
	return pid;
}

/* Has the process become a zombie (or gone)? */
static bool
is_zombie(void *arg)
{
	return proc_state(*(pid_t *)arg) == 'Z';
}

/* Is the process asleep (in pause)? */
static bool
is_sleeping(void *arg)
{
	return proc_state(*(pid_t *)arg) == 'S';
}

/* Has the process stopped? */
static bool
is_stopped(void *arg)
{
	return proc_state(*(pid_t *)arg) == 'T';
}

START_TEST(test_start_time)
{
	uint64_t mine, child_start;
	pid_t child;

	ck_assert_int_eq(proc_start_time(getpid(), &mine), 0);
	ck_assert_uint_gt(mine, 0);
	ck_assert_uint_eq(mine, stat_field22(getpid()));
	child = spawn_child();
	ck_assert_int_eq(proc_start_time(child, &child_start), 0);
	ck_assert_uint_eq(child_start, stat_field22(child));
	ck_assert_uint_ge(child_start, mine);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	errno = 0;
	ck_assert_int_eq(proc_start_time(child, &child_start), -1);
	ck_assert_int_eq(errno, ENOENT);
	errno = 0;
	ck_assert_int_eq(proc_start_time(NO_PID, &child_start), -1);
	ck_assert_int_eq(errno, ENOENT);
}
END_TEST

START_TEST(test_state)
{
	pid_t child;

	ck_assert_int_eq(proc_state(getpid()), 'R');
	child = spawn_child();
	ck_assert(tu_poll(is_sleeping, &child, 2000));
	ck_assert_int_eq(proc_state(child), 'S');
	ck_assert_int_eq(kill(child, SIGSTOP), 0);
	ck_assert(tu_poll(is_stopped, &child, 2000));
	ck_assert_int_eq(kill(child, SIGKILL), 0);
	ck_assert(tu_poll(is_zombie, &child, 2000));
	waitpid(child, NULL, 0);
	ck_assert_int_eq(proc_state(child), -1);
	ck_assert_int_eq(proc_state(NO_PID), -1);
}
END_TEST

START_TEST(test_exists_and_alive)
{
	uint64_t mine, child_start;
	pid_t child;

	ck_assert_int_eq(proc_start_time(getpid(), &mine), 0);
	ck_assert(proc_exists(getpid()));
	ck_assert(proc_alive(getpid(), mine));
	ck_assert(!proc_alive(getpid(), mine + 1));
	ck_assert(proc_exists(1));
	child = spawn_child();
	ck_assert_int_eq(proc_start_time(child, &child_start), 0);
	ck_assert(proc_alive(child, child_start));
	ck_assert_int_eq(kill(child, SIGSTOP), 0);
	ck_assert(tu_poll(is_stopped, &child, 2000));
	ck_assert(proc_alive(child, child_start));
	ck_assert_int_eq(kill(child, SIGKILL), 0);
	ck_assert(tu_poll(is_zombie, &child, 2000));
	ck_assert(proc_exists(child));
	ck_assert(!proc_alive(child, child_start));
	waitpid(child, NULL, 0);
	ck_assert(!proc_exists(child));
	ck_assert(!proc_alive(child, child_start));
	ck_assert(!proc_exists(NO_PID));
	ck_assert(!proc_alive(NO_PID, 0));
}
END_TEST

START_TEST(test_pidns)
{
	struct stat st;
	pid_t child;

	ck_assert_int_eq(stat("/proc/self/ns/pid", &st), 0);
	ck_assert_uint_gt(proc_pidns(0), 0);
	ck_assert_uint_eq(proc_pidns(0), (uint64_t)st.st_ino);
	ck_assert_uint_eq(proc_pidns(getpid()), proc_pidns(0));
	child = spawn_child();
	ck_assert_uint_eq(proc_pidns(child), proc_pidns(0));
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	ck_assert_uint_eq(proc_pidns(child), 0);
	ck_assert_uint_eq(proc_pidns(NO_PID), 0);
}
END_TEST

START_TEST(test_tty)
{
	char name[32], small[5], *pts;
	int master, slave, fds[2];

	master = posix_openpt(O_RDWR | O_NOCTTY);
	ck_assert_int_ge(master, 0);
	ck_assert_int_eq(grantpt(master), 0);
	ck_assert_int_eq(unlockpt(master), 0);
	pts = ptsname(master);
	ck_assert_ptr_nonnull(pts);
	ck_assert_int_eq(strncmp(pts, "/dev/", 5), 0);
	slave = open(pts, O_RDWR | O_NOCTTY);
	ck_assert_int_ge(slave, 0);
	memset(name, 'Z', sizeof name);
	ck_assert_ptr_eq(proc_tty(slave, name, sizeof name), name);
	ck_assert_str_eq(name, pts + 5);
	ck_assert_int_eq(strncmp(name, "pts/", 4), 0);
	memset(small, 'Z', sizeof small);
	proc_tty(slave, small, sizeof small);
	ck_assert_str_eq(small, "pts/");
	ck_assert_int_eq(pipe(fds), 0);
	memset(name, 'Z', sizeof name);
	ck_assert_str_eq(proc_tty(fds[0], name, sizeof name), "");
	ck_assert_str_eq(proc_tty(-1, name, sizeof name), "");
	close(fds[0]);
	close(fds[1]);
	close(slave);
	close(master);
}
END_TEST

START_TEST(test_attached)
{
	struct segment s;
	pid_t pids[8], child;
	char name[32];
	int n;

	tu_private_board(&s, 20, 4);
	n = proc_attached(s.shmid, pids, 8);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(pids[0], getpid());
	child = spawn_child();
	n = proc_attached(s.shmid, pids, 8);
	ck_assert_int_eq(n, 2);
	ck_assert(pids[0] == child || pids[1] == child);
	ck_assert_int_eq(proc_attached(s.shmid, pids, 1), 1);
	ck_assert_int_eq(proc_attached(s.shmid + 1000000, pids, 8), 0);
	ck_assert_str_eq(proc_name(getpid(), name, sizeof name), "check_proc");
	ck_assert_str_eq(proc_name(0x7FFFFFF0, name, sizeof name), "?");
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	ck_assert_int_eq(proc_attached(s.shmid, pids, 8), 1);
	ck_assert_int_eq(shmdt(s.base), 0);
	ck_assert_int_eq(proc_attached(s.shmid, pids, 8), 0);
}
END_TEST

START_TEST(test_name_sanitised)
{
	char name[32];

	ck_assert_int_eq(prctl(PR_SET_NAME, "a\033[2Jb\x9b"), 0);
	proc_name(getpid(), name, sizeof name);
	ck_assert_str_eq(name, "a?[2Jb?");
}
END_TEST

START_TEST(test_name_truncated)
{
	char name[4];

	memset(name, 'Z', sizeof name);
	ck_assert_ptr_eq(proc_name(getpid(), name, sizeof name), name);
	ck_assert_str_eq(name, "che");
	ck_assert_str_eq(proc_name(NO_PID, name, sizeof name), "?");
	memset(name, 'Z', sizeof name);
	ck_assert_ptr_eq(proc_name(getpid(), name, 0), name);
	ck_assert_int_eq(name[0], 'Z');
	ck_assert_ptr_eq(proc_tty(STDIN_FILENO, name, 0), name);
	ck_assert_int_eq(name[0], 'Z');
}
END_TEST

/* The proc suite. */
static Suite *
proc_suite(void)
{
	Suite *s = suite_create("proc");
	TCase *tc = tcase_create("processes");

	tcase_add_test(tc, test_start_time);
	tcase_add_test(tc, test_state);
	tcase_add_test(tc, test_exists_and_alive);
	tcase_add_test(tc, test_pidns);
	tcase_add_test(tc, test_tty);
	tcase_add_test(tc, test_attached);
	tcase_add_test(tc, test_name_sanitised);
	tcase_add_test(tc, test_name_truncated);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(proc_suite());
}
