/*
 * check_access.c - unit tests of the access rules and the explanations of
 * a refusal (access.h): whose bits of a mode apply to us and the least
 * mode that would let us view or draw, and a board another user may not
 * attach refused naming its owner, its mode and the least modes (as
 * `pizarra chmod` commands with the options that name it), and no board
 * at a key (or no segment at a shmid) explained with the options that
 * name it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "access.h"
#include "checkutil.h"
#include "segment.h"

/*
 * Whose bits apply to us (owner, group, everyone), what they allow, and the
 * least mode that would let us view or draw: our class's read (and write)
 * added, and for everyone also the group's, whose bits the kernel would give
 * a group member instead.
 */
START_TEST(test_allowed_and_least_mode)
{
	struct shminfo_stat si;
	uid_t nobody = tu_unused_uid();
	unsigned least, allowed;
	char whom[128];

	tu_fake_stat(&si);
	si.ds.shm_perm.uid = si.ds.shm_perm.cuid = geteuid();
	si.ds.shm_perm.mode = 0400;
	allowed = access_allowed(&si, true, &least, whom, sizeof whom);
	ck_assert_uint_eq(allowed, geteuid() == 0 ? 06 : 04);
	ck_assert_uint_eq(least, 0600);
	ck_assert_str_eq(whom, "its owner");
	si.ds.shm_perm.uid = si.ds.shm_perm.cuid = nobody;
	si.ds.shm_perm.gid = si.ds.shm_perm.cgid = getegid();
	si.ds.shm_perm.mode = 0640;
	allowed = access_allowed(&si, true, &least, whom, sizeof whom);
	ck_assert_uint_eq(allowed, geteuid() == 0 ? 06 : 04);
	ck_assert_uint_eq(least, 0660);
	ck_assert_msg(strstr(whom, ", which you are in") != NULL, "%s", whom);
	si.ds.shm_perm.gid = si.ds.shm_perm.cgid = (gid_t)nobody;
	si.ds.shm_perm.mode = 0604;
	allowed = access_allowed(&si, true, &least, NULL, 0);
	ck_assert_uint_eq(allowed, geteuid() == 0 ? 06 : 04);
	ck_assert_uint_eq(least, 0666);
	ck_assert_uint_eq(access_allowed(&si, false, &least, whom, sizeof whom) & 04, 04);
	ck_assert_uint_eq(least, 0644);
	ck_assert_msg(strncmp(whom, "everyone: you are not in group ", 31) == 0, "%s", whom);
}
END_TEST

START_TEST(test_denied_names_owner)
{
	struct segment_opts o = tu_create_opts();
	struct addr a = tu_key_addr(tu_key(15));
	struct segment s;
	struct pzerr e;
	int status, pipefd[2];
	char msg[PZERR_MSG_MAX] = "", want[128];
	pid_t pid;

	if (getuid() != 0)
		return;
	ck_assert_int_eq(segment_open(&s, &a, &o, NULL, &e), 0);
	ck_assert_int_eq(pipe(pipefd), 0);
	pid = fork();
	if (pid == 0) {
		struct segment c;

		close(pipefd[0]);
		if (setgid(65534) != 0 || setuid(65534) != 0)
			_exit(2);
		o.create = false;
		if (segment_open(&c, &a, &o, NULL, &e) == 0)
			_exit(1);
		if (write(pipefd[1], e.msg, strlen(e.msg)) < 0)
			_exit(3);
		_exit(e.err == EACCES ? 0 : 4);
	}
	close(pipefd[1]);
	ck_assert_int_ge(read(pipefd[0], msg, sizeof msg - 1), 0);
	waitpid(pid, &status, 0);
	segment_remove(s.shmid, NULL, &e);
	segment_detach(&s, &e);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %d: %s", status, msg);
	ck_assert_ptr_nonnull(strstr(msg, "belongs to root"));
	ck_assert_ptr_nonnull(strstr(msg, "0600"));
	/* nobody is not in root's group: the least mode that lets it draw is 0666 */
	snprintf(want, sizeof want, "`pizarra -k 0x%08x chmod 0666` (everyone",
	    (unsigned)tu_key(15));
	ck_assert_msg(strstr(msg, want) != NULL, "%s", msg);
	snprintf(want, sizeof want, "or only view with `pizarra -k 0x%08x chmod 0644`",
	    (unsigned)tu_key(15));
	ck_assert_msg(strstr(msg, want) != NULL, "%s", msg);
	ck_assert_msg(strstr(msg, "0660") == NULL, "%s", msg);
}
END_TEST

/* No board at a key: the hint creates one at that key, not at the default one. */
START_TEST(test_missing_hint_has_options)
{
	struct segment_opts o = tu_create_opts();
	struct addr a = tu_key_addr(tu_key(17));
	struct segment s;
	struct pzerr e;
	char want[128];

	o.create = false;
	ck_assert_int_eq(segment_open(&s, &a, &o, NULL, &e), -1);
	ck_assert_int_eq(e.err, ENOENT);
	snprintf(want, sizeof want, "no board exists at key 0x%08x; `pizarra -k 0x%08x` creates one",
	    (unsigned)tu_key(17), (unsigned)tu_key(17));
	ck_assert_str_eq(e.msg, want);
	a.how = ADDR_BY_SHMID;
	a.shmid = 0x7FFFFFF0;
	ck_assert_int_eq(segment_find(&a, NULL, &s.shmid, &e), -1);
	ck_assert_str_eq(e.msg, "no segment has shmid 2147483632; see `ipcs -m`");
}
END_TEST

/* The access suite. */
static Suite *
access_suite(void)
{
	Suite *s = suite_create("access");
	TCase *tc = tcase_create("rules");

	tcase_add_test(tc, test_allowed_and_least_mode);
	tcase_add_test(tc, test_denied_names_owner);
	tcase_add_test(tc, test_missing_hint_has_options);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(access_suite());
}
