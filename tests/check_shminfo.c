/*
 * check_shminfo.c - unit tests of the shminfo module (shminfo.h): the
 * kernel names of the fields; shminfo_value for every field (key as
 * 0x%08x, ids and sizes as numbers, "0 (root)" for user and group ids,
 * mode as "0600 rw-------", clock times in the long and short forms and
 * "never" for 0, the SHM_DEST bit) and its truncation in small buffers;
 * shminfo_rwx, shminfo_user, shminfo_group and shminfo_time; and
 * shminfo_from_proc on a real IPC_PRIVATE segment (removed with IPC_RMID
 * right after attaching) whose fields must match IPC_STAT, and on segments
 * that do not exist. The `info` report built on these is check_report's.
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "checkutil.h"
#include "shminfo.h"

/* The kernel names the fields must have, written out independently of the library. */
static const char *const kernel_names[SHMINFO_NFIELDS] = {
	[SHMINFO_KEY] = "shm_perm.key",
	[SHMINFO_SHMID] = "shmid",
	[SHMINFO_UID] = "shm_perm.uid",
	[SHMINFO_GID] = "shm_perm.gid",
	[SHMINFO_CUID] = "shm_perm.cuid",
	[SHMINFO_CGID] = "shm_perm.cgid",
	[SHMINFO_MODE] = "shm_perm.mode",
	[SHMINFO_SEGSZ] = "shm_segsz",
	[SHMINFO_NATTCH] = "shm_nattch",
	[SHMINFO_CPID] = "shm_cpid",
	[SHMINFO_LPID] = "shm_lpid",
	[SHMINFO_ATIME] = "shm_atime",
	[SHMINFO_DTIME] = "shm_dtime",
	[SHMINFO_CTIME] = "shm_ctime",
	[SHMINFO_DEST] = "dest",
};

/* The expected "uid (name)" form, from the password database. */
static void
expect_user(uid_t uid, char *out, size_t n)
{
	struct passwd *pw = getpwuid(uid);

	if (pw != NULL)
		snprintf(out, n, "%u (%s)", (unsigned)uid, pw->pw_name);
	else
		snprintf(out, n, "%u (%u)", (unsigned)uid, (unsigned)uid);
}

/* The expected "gid (name)" form, from the group database. */
static void
expect_group(gid_t gid, char *out, size_t n)
{
	struct group *gr = getgrgid(gid);

	if (gr != NULL)
		snprintf(out, n, "%u (%s)", (unsigned)gid, gr->gr_name);
	else
		snprintf(out, n, "%u (%u)", (unsigned)gid, (unsigned)gid);
}

/* A gid that no group has (the first free one from 4000000 up). */
static gid_t
unused_gid(void)
{
	gid_t g = 4000000;

	while (getgrgid(g) != NULL)
		g++;
	return g;
}

/* Assert that the /proc status of shmid equals its IPC_STAT, field by field. */
static void
check_proc_equals_stat(int id)
{
	struct shminfo_stat st, pr;
	char a[128], b[128];
	int f;

	tu_stat_segment(id, &st);
	memset(&pr, 0x5A, sizeof pr);
	ck_assert_int_eq(shminfo_from_proc(id, 0, &pr), 0);
	ck_assert_int_eq(pr.shmid, id);
	ck_assert_int_eq(pr.ds.shm_perm.__key, st.ds.shm_perm.__key);
	ck_assert_uint_eq(pr.ds.shm_perm.mode, st.ds.shm_perm.mode);
	ck_assert_uint_eq(pr.ds.shm_perm.uid, st.ds.shm_perm.uid);
	ck_assert_uint_eq(pr.ds.shm_perm.gid, st.ds.shm_perm.gid);
	ck_assert_uint_eq(pr.ds.shm_perm.cuid, st.ds.shm_perm.cuid);
	ck_assert_uint_eq(pr.ds.shm_perm.cgid, st.ds.shm_perm.cgid);
	ck_assert_uint_eq(pr.ds.shm_segsz, st.ds.shm_segsz);
	ck_assert_uint_eq(pr.ds.shm_nattch, st.ds.shm_nattch);
	ck_assert_int_eq(pr.ds.shm_cpid, st.ds.shm_cpid);
	ck_assert_int_eq(pr.ds.shm_lpid, st.ds.shm_lpid);
	ck_assert_int_eq(pr.ds.shm_atime, st.ds.shm_atime);
	ck_assert_int_eq(pr.ds.shm_dtime, st.ds.shm_dtime);
	ck_assert_int_eq(pr.ds.shm_ctime, st.ds.shm_ctime);
	for (f = 0; f < SHMINFO_NFIELDS; f++) {
		shminfo_value(&st, (enum shminfo_field)f, true, a, sizeof a);
		shminfo_value(&pr, (enum shminfo_field)f, true, b, sizeof b);
		ck_assert_msg(strcmp(a, b) == 0, "%s: IPC_STAT \"%s\", /proc \"%s\"",
		    shminfo_name((enum shminfo_field)f), a, b);
	}
}

/* Poll condition: the wall clock second has moved past *arg. */
static bool
second_passed(void *arg)
{
	return time(NULL) > *(time_t *)arg;
}

/* Wait (by polling, with a deadline) until the clock is past the second t. */
static void
wait_past(time_t t)
{
	ck_assert_msg(tu_poll(second_passed, &t, 2500), "the clock did not move past %lld",
	    (long long)t);
}

/* Every field has its kernel name; names are distinct; a bad index still gives a string. */
START_TEST(test_names)
{
	int f, g;

	for (f = 0; f < SHMINFO_NFIELDS; f++) {
		const char *n = shminfo_name((enum shminfo_field)f);

		ck_assert_ptr_nonnull(n);
		ck_assert_str_eq(n, kernel_names[f]);
		for (g = 0; g < f; g++)
			ck_assert_str_ne(n, shminfo_name((enum shminfo_field)g));
	}
	ck_assert_ptr_nonnull(shminfo_name(SHMINFO_NFIELDS));
	ck_assert_ptr_nonnull(shminfo_name((enum shminfo_field)-1));
	ck_assert_ptr_nonnull(shminfo_name((enum shminfo_field)1000));
}
END_TEST

/* The key is 0x followed by eight lowercase hex digits, for any key value. */
START_TEST(test_value_key)
{
	struct shminfo_stat si;

	tu_fake_stat(&si);
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_KEY, true), "0x70030002");
	si.ds.shm_perm.__key = 0;
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_KEY, true), "0x00000000");
	si.ds.shm_perm.__key = 0x1F;
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_KEY, false), "0x0000001f");
	si.ds.shm_perm.__key = (key_t)0xA0ABCDEFu;
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_KEY, true), "0xa0abcdef");
	si.ds.shm_perm.__key = -1;
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_KEY, true), "0xffffffff");
}
END_TEST

/* shmid, size, attach count and pids are plain decimal numbers. */
START_TEST(test_value_numbers)
{
	struct shminfo_stat si;

	tu_fake_stat(&si);
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_SHMID, true), "98307");
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_SEGSZ, true), "48832");
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_NATTCH, true), "3");
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_CPID, true), "4321");
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_LPID, true), "8765");
	si.shmid = 0;
	si.ds.shm_segsz = (size_t)8 << 30;
	si.ds.shm_nattch = 0;
	si.ds.shm_lpid = 0;
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_SHMID, true), "0");
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_SEGSZ, true), "8589934592");
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_NATTCH, true), "0");
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_LPID, true), "0");
}
END_TEST

/* User and group ids are "id (name)": "0 (root)", and the number twice when unknown. */
START_TEST(test_value_ids)
{
	struct shminfo_stat si;
	char want[64];
	uid_t u = tu_unused_uid();
	gid_t g = unused_gid();

	tu_fake_stat(&si);
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_UID, true), "0 (root)");
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_GID, true), "0 (root)");
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_CUID, true), "0 (root)");
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_CGID, true), "0 (root)");
	si.ds.shm_perm.uid = u;
	si.ds.shm_perm.gid = g;
	si.ds.shm_perm.cuid = u + 1;
	si.ds.shm_perm.cgid = 1;
	snprintf(want, sizeof want, "%u (%u)", (unsigned)u, (unsigned)u);
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_UID, true), want);
	snprintf(want, sizeof want, "%u (%u)", (unsigned)g, (unsigned)g);
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_GID, true), want);
	expect_user(u + 1, want, sizeof want);
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_CUID, true), want);
	expect_group(1, want, sizeof want);
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_CGID, true), want);
	expect_user(getuid(), want, sizeof want);
	si.ds.shm_perm.uid = getuid();
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_UID, true), want);
}
END_TEST

/* The mode is four octal digits of the permission bits and their rwx form. */
START_TEST(test_value_mode)
{
	struct shminfo_stat si;

	tu_fake_stat(&si);
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_MODE, true), "0600 rw-------");
	si.ds.shm_perm.mode = 0644;
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_MODE, true), "0644 rw-r--r--");
	si.ds.shm_perm.mode = 0;
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_MODE, true), "0000 ---------");
	si.ds.shm_perm.mode = 0777;
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_MODE, true), "0777 rwxrwxrwx");
	si.ds.shm_perm.mode = 0640 | SHM_DEST;
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_MODE, true), "0640 rw-r-----");
	si.ds.shm_perm.mode = 0404 | SHM_DEST | SHM_LOCKED;
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_MODE, false), "0404 r-----r--");
}
END_TEST

/* A time of 0 reads "never" in both forms, for all three clock fields. */
START_TEST(test_value_time_never)
{
	static const enum shminfo_field times[] = { SHMINFO_ATIME, SHMINFO_DTIME, SHMINFO_CTIME };
	struct shminfo_stat si;
	size_t i;

	tu_fake_stat(&si);
	for (i = 0; i < 3; i++) {
		ck_assert_str_eq(tu_value_of(&si, times[i], true), "never");
		ck_assert_str_eq(tu_value_of(&si, times[i], false), "never");
	}
}
END_TEST

/* Times are local clock times: "YYYY-MM-DD HH:MM:SS" long, "HH:MM:SS" short. */
START_TEST(test_value_time_forms)
{
	struct shminfo_stat si;

	tu_use_utc();
	tu_fake_stat(&si);
	si.ds.shm_atime = 90061;
	si.ds.shm_dtime = 1700000000;
	si.ds.shm_ctime = 951782400;
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_ATIME, true), "1970-01-02 01:01:01");
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_ATIME, false), "01:01:01");
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_DTIME, true), "2023-11-14 22:13:20");
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_DTIME, false), "22:13:20");
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_CTIME, true), "2000-02-29 00:00:00");
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_CTIME, false), "00:00:00");
	ck_assert_int_eq(setenv("TZ", "UTC-2", 1), 0);
	tzset();
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_DTIME, true), "2023-11-15 00:13:20");
}
END_TEST

/* shminfo_time on its own: both forms in local time, "never" for 0. */
START_TEST(test_time)
{
	char out[32];

	tu_use_utc();
	shminfo_time(0, true, out, sizeof out);
	ck_assert_str_eq(out, "never");
	shminfo_time(0, false, out, sizeof out);
	ck_assert_str_eq(out, "never");
	shminfo_time(1700000000, true, out, sizeof out);
	ck_assert_str_eq(out, "2023-11-14 22:13:20");
	shminfo_time(1700000000, false, out, sizeof out);
	ck_assert_str_eq(out, "22:13:20");
	shminfo_time(90061, true, out, sizeof out);
	ck_assert_str_eq(out, "1970-01-02 01:01:01");
	ck_assert_int_eq(setenv("TZ", "UTC-2", 1), 0);
	tzset();
	shminfo_time(1700000000, false, out, sizeof out);
	ck_assert_str_eq(out, "00:13:20");
}
END_TEST

/* The SHM_DEST bit is reported by shminfo_dest and the dest field. */
START_TEST(test_dest)
{
	struct shminfo_stat si;
	const char *v;

	tu_fake_stat(&si);
	ck_assert(!shminfo_dest(&si));
	ck_assert_str_eq(tu_value_of(&si, SHMINFO_DEST, true), "no");
	si.ds.shm_perm.mode = 0600 | SHM_DEST;
	ck_assert(shminfo_dest(&si));
	v = tu_value_of(&si, SHMINFO_DEST, true);
	ck_assert_msg(strncmp(v, "yes", 3) == 0, "dest with SHM_DEST reads \"%s\"", v);
	si.ds.shm_perm.mode = 0777 | SHM_LOCKED;
	ck_assert(!shminfo_dest(&si));
	si.ds.shm_perm.mode = SHM_DEST;
	ck_assert(shminfo_dest(&si));
}
END_TEST

/* Values are cut to fit small buffers and stay NUL-terminated within them. */
START_TEST(test_value_small_buffer)
{
	struct shminfo_stat si;
	char out[16];
	int f;

	tu_fake_stat(&si);
	memset(out, 'Z', sizeof out);
	shminfo_value(&si, SHMINFO_KEY, true, out, 5);
	ck_assert_str_eq(out, "0x70");
	ck_assert_int_eq(out[5], 'Z');
	memset(out, 'Z', sizeof out);
	shminfo_value(&si, SHMINFO_MODE, true, out, 6);
	ck_assert_str_eq(out, "0600 ");
	ck_assert_int_eq(out[6], 'Z');
	si.ds.shm_perm.mode |= SHM_DEST;
	for (f = 0; f < SHMINFO_NFIELDS; f++) {
		memset(out, 'Z', sizeof out);
		shminfo_value(&si, (enum shminfo_field)f, true, out, 4);
		ck_assert_msg(strlen(out) <= 3, "field %d overflows a 4-byte buffer", f);
		ck_assert_int_eq(out[4], 'Z');
	}
}
END_TEST

/* rwx spells the low nine bits and ignores the others. */
START_TEST(test_rwx)
{
	static const struct {
		mode_t mode;
		const char *rwx;
	} cases[] = {
		{ 0, "---------" }, { 0777, "rwxrwxrwx" }, { 0600, "rw-------" },
		{ 0644, "rw-r--r--" }, { 0640, "rw-r-----" }, { 0421, "r---w---x" },
		{ 0124, "--x-w-r--" }, { 0070, "---rwx---" }, { 0007, "------rwx" },
		{ 01600, "rw-------" }, { 07777, "rwxrwxrwx" }, { SHM_DEST | 0400, "r--------" },
	};
	char out[10];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(out, 'Z', sizeof out);
		shminfo_rwx(cases[i].mode, out);
		ck_assert_msg(strcmp(out, cases[i].rwx) == 0, "mode %04o: got %s, expected %s",
		    (unsigned)cases[i].mode, out, cases[i].rwx);
	}
}
END_TEST

/* User and group lookups give names, numbers when unknown, and respect the buffer size. */
START_TEST(test_user_group)
{
	char buf[64], small[4];
	uid_t u = tu_unused_uid();
	gid_t g = unused_gid();
	char want[32];

	ck_assert_ptr_eq(shminfo_user(0, buf, sizeof buf), buf);
	ck_assert_str_eq(buf, "root");
	ck_assert_ptr_eq(shminfo_group(0, buf, sizeof buf), buf);
	ck_assert_str_eq(buf, "root");
	snprintf(want, sizeof want, "%u", (unsigned)u);
	ck_assert_str_eq(shminfo_user(u, buf, sizeof buf), want);
	snprintf(want, sizeof want, "%u", (unsigned)g);
	ck_assert_str_eq(shminfo_group(g, buf, sizeof buf), want);
	memset(small, 'Z', sizeof small);
	shminfo_user(u, small, 3);
	ck_assert_uint_eq(strlen(small), 2);
	ck_assert_int_eq(small[3], 'Z');
	memset(small, 'Z', sizeof small);
	shminfo_group(0, small, 3);
	ck_assert_str_eq(small, "ro");
	ck_assert_int_eq(small[3], 'Z');
}
END_TEST

/* /proc/sysvipc/shm gives the same status as IPC_STAT for a real segment, by shmid. */
START_TEST(test_from_proc_matches_ipc_stat)
{
	struct shminfo_stat pr;
	void *addr;
	int id;

	id = tu_private_segment(12345, 0640, &addr);
	check_proc_equals_stat(id);
	ck_assert_int_eq(shminfo_from_proc(id, 0, &pr), 0);
	ck_assert_int_eq(pr.shmid, id);
	ck_assert_int_eq(pr.ds.shm_perm.__key, IPC_PRIVATE);
	ck_assert_uint_eq(pr.ds.shm_perm.mode & 0777, 0640);
	ck_assert(shminfo_dest(&pr));
	ck_assert_uint_eq(pr.ds.shm_perm.uid, geteuid());
	ck_assert_uint_eq(pr.ds.shm_perm.cuid, geteuid());
	ck_assert_uint_eq(pr.ds.shm_segsz, 12345);
	ck_assert_uint_eq(pr.ds.shm_nattch, 1);
	ck_assert_int_eq(pr.ds.shm_cpid, getpid());
	ck_assert_int_eq(pr.ds.shm_lpid, getpid());
	ck_assert_int_ne(pr.ds.shm_atime, 0);
	ck_assert_int_eq(pr.ds.shm_dtime, 0);
	ck_assert_int_ne(pr.ds.shm_ctime, 0);
	ck_assert_int_eq(shmdt(addr), 0);
}
END_TEST

/* The attach count and detach time read from /proc follow a second attach and a detach. */
START_TEST(test_from_proc_follows_changes)
{
	struct shminfo_stat st, pr;
	void *addr, *second;
	int id;

	id = tu_private_segment(4096, 0600, &addr);
	second = shmat(id, NULL, SHM_RDONLY);
	ck_assert_ptr_ne(second, (void *)-1);
	ck_assert_int_eq(shminfo_from_proc(id, 0, &pr), 0);
	ck_assert_uint_eq(pr.ds.shm_nattch, 2);
	ck_assert_int_eq(shmdt(second), 0);
	tu_stat_segment(id, &st);
	ck_assert_int_eq(shminfo_from_proc(id, 0, &pr), 0);
	ck_assert_uint_eq(pr.ds.shm_nattch, 1);
	ck_assert_int_ne(pr.ds.shm_dtime, 0);
	ck_assert_int_eq(pr.ds.shm_dtime, st.ds.shm_dtime);
	ck_assert_int_eq(pr.ds.shm_lpid, getpid());
	ck_assert_int_eq(shmdt(addr), 0);
}
END_TEST

/* /proc and IPC_STAT agree when owner, creator, pids and all three times differ. */
START_TEST(test_from_proc_distinct_fields)
{
	struct shmid_ds ds;
	struct shminfo_stat st;
	void *addr, *second;
	pid_t child;
	int id, status;

	id = tu_private_segment(7777, 0604, &addr);
	if (geteuid() == 0) {
		ck_assert_int_eq(shmctl(id, IPC_STAT, &ds), 0);
		ds.shm_perm.uid = 1234;
		ds.shm_perm.gid = 5678;
		ck_assert_int_eq(shmctl(id, IPC_SET, &ds), 0);
	}
	child = fork();
	ck_assert_int_ge(child, 0);
	if (child == 0) {
		void *p = shmat(id, NULL, SHM_RDONLY);

		_exit(p != (void *)-1 && shmdt(p) == 0 ? 0 : 1);
	}
	ck_assert_int_eq(waitpid(child, &status, 0), child);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	tu_stat_segment(id, &st);
	ck_assert_int_eq(st.ds.shm_lpid, child);
	ck_assert_int_ne(st.ds.shm_cpid, st.ds.shm_lpid);
	if (geteuid() == 0) {
		ck_assert_uint_eq(st.ds.shm_perm.uid, 1234);
		ck_assert_uint_eq(st.ds.shm_perm.gid, 5678);
		ck_assert_uint_ne(st.ds.shm_perm.cuid, 1234);
	}
	check_proc_equals_stat(id);

	wait_past(st.ds.shm_ctime);
	second = shmat(id, NULL, SHM_RDONLY);
	ck_assert_ptr_ne(second, (void *)-1);
	tu_stat_segment(id, &st);
	wait_past(st.ds.shm_atime);
	ck_assert_int_eq(shmdt(second), 0);
	tu_stat_segment(id, &st);
	ck_assert_int_lt(st.ds.shm_ctime, st.ds.shm_atime);
	ck_assert_int_lt(st.ds.shm_atime, st.ds.shm_dtime);
	check_proc_equals_stat(id);
	ck_assert_int_eq(shmdt(addr), 0);
}
END_TEST

/* Lookup by shmid picks the right one among several segments sharing key IPC_PRIVATE. */
START_TEST(test_from_proc_by_shmid_among_many)
{
	static const size_t sizes[] = { 4096, 5000, 6000, 7000 };
	struct shminfo_stat pr;
	void *addr[4];
	int id[4], i;

	for (i = 0; i < 4; i++)
		id[i] = tu_private_segment(sizes[i], 0600, &addr[i]);
	for (i = 3; i >= 0; i--) {
		ck_assert_int_eq(shminfo_from_proc(id[i], 0, &pr), 0);
		ck_assert_int_eq(pr.shmid, id[i]);
		ck_assert_uint_eq(pr.ds.shm_segsz, sizes[i]);
	}
	ck_assert_int_eq(shminfo_from_proc(-1, IPC_PRIVATE, &pr), 0);
	ck_assert_int_eq(pr.ds.shm_perm.__key, IPC_PRIVATE);
	for (i = 0; i < 4; i++)
		ck_assert_int_eq(shmdt(addr[i]), 0);
}
END_TEST

/* A segment that no longer exists, or a key nobody has, is not found. */
START_TEST(test_from_proc_missing)
{
	struct shminfo_stat pr;
	void *addr;
	int id;

	id = tu_private_segment(4096, 0600, &addr);
	ck_assert_int_eq(shminfo_from_proc(id, 0, &pr), 0);
	ck_assert_int_eq(shmdt(addr), 0);
	ck_assert_int_eq(shminfo_from_proc(id, 0, &pr), -1);
	ck_assert_int_eq(shminfo_from_proc(-1, tu_key(7), &pr), -1);
	ck_assert_int_eq(shminfo_from_proc(0x7FFFFFFF, 0, &pr), -1);
}
END_TEST

/* The shminfo suite. */
static Suite *
shminfo_suite(void)
{
	Suite *s = suite_create("shminfo");
	TCase *fields = tcase_create("fields");
	TCase *proc = tcase_create("proc");

	tcase_add_test(fields, test_names);
	tcase_add_test(fields, test_value_key);
	tcase_add_test(fields, test_value_numbers);
	tcase_add_test(fields, test_value_ids);
	tcase_add_test(fields, test_value_mode);
	tcase_add_test(fields, test_value_time_never);
	tcase_add_test(fields, test_value_time_forms);
	tcase_add_test(fields, test_time);
	tcase_add_test(fields, test_dest);
	tcase_add_test(fields, test_value_small_buffer);
	tcase_add_test(fields, test_rwx);
	tcase_add_test(fields, test_user_group);
	suite_add_tcase(s, fields);
	tcase_add_test(proc, test_from_proc_matches_ipc_stat);
	tcase_add_test(proc, test_from_proc_follows_changes);
	tcase_add_test(proc, test_from_proc_distinct_fields);
	tcase_add_test(proc, test_from_proc_by_shmid_among_many);
	tcase_add_test(proc, test_from_proc_missing);
	tcase_set_timeout(proc, 20);
	suite_add_tcase(s, proc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(shminfo_suite());
}
