/*
 * check_segment.c - unit tests of the segment module: create-or-attach and
 * its race, foreign/short/old segments refused and left untouched, IPC_RMID
 * semantics (dest, key 0, still reachable by shmid, segment_under_key
 * following the key to the next board), detach and re-attach, read-only
 * attach, IPC_SET, and the trace of system calls. Naming a board is
 * check_addr.c's, the explanation of a refusal check_access.c's.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include "board.h"
#include "cell.h"
#include "checkutil.h"
#include "notify.h"
#include "segment.h"
#include "text.h"

#define RACERS 50

START_TEST(test_create_then_attach)
{
	struct segment_opts o = tu_create_opts();
	struct addr a = tu_key_addr(tu_key(1));
	struct segment s1, s2;
	struct trace t;
	struct pzerr e;

	trace_init(&t);
	ck_assert_int_eq(segment_open(&s1, &a, &o, &t, &e), 0);
	ck_assert(s1.created);
	ck_assert_uint_eq(s1.board.cols, 40);
	ck_assert_uint_eq(s1.board.rows, 10);
	ck_assert(tu_trace_has(&t, "IPC_CREAT|IPC_EXCL|0600"));
	ck_assert(tu_trace_has(&t, "shmat("));
	ck_assert_int_eq(segment_open(&s2, &a, &o, &t, &e), 0);
	ck_assert(!s2.created);
	ck_assert_int_eq(s2.shmid, s1.shmid);
	ck_assert(tu_trace_has(&t, "= -1 EEXIST"));
	ck_assert_ptr_ne(s1.base, s2.base);
	board_set(&s1.board, 3, 2, 'x');
	ck_assert_uint_eq(board_get(&s2.board, 3, 2), 'x');
	ck_assert_int_eq(segment_remove(s1.shmid, &t, &e), 0);
	segment_detach(&s1, &e);
	segment_detach(&s2, &e);
}
END_TEST

START_TEST(test_missing_without_create)
{
	struct segment_opts o = tu_create_opts();
	struct addr a = tu_key_addr(tu_key(2));
	struct segment s;
	struct pzerr e;

	o.create = false;
	ck_assert_int_eq(segment_open(&s, &a, &o, NULL, &e), -1);
	ck_assert_int_eq(e.err, ENOENT);
	ck_assert_ptr_nonnull(strstr(e.msg, "no board exists"));
	ck_assert_int_lt(shmget(tu_key(2), 0, 0), 0);
}
END_TEST

START_TEST(test_race_one_segment)
{
	int go[2], res[2], rel[2], i, ids[RACERS], status;
	struct shmid_ds ds;
	pid_t pids[RACERS];
	char c;

	ck_assert_int_eq(pipe(go), 0);
	ck_assert_int_eq(pipe(res), 0);
	ck_assert_int_eq(pipe(rel), 0);
	for (i = 0; i < RACERS; i++) {
		pids[i] = fork();
		ck_assert_int_ge(pids[i], 0);
		if (pids[i] == 0) {
			struct segment_opts o = tu_create_opts();
			struct addr a = tu_key_addr(tu_key(3));
			struct segment s;
			struct pzerr e;
			int id = -1;

			close(go[1]);
			close(res[0]);
			close(rel[1]);
			if (read(go[0], &c, 1) < 0)
				_exit(3);
			if (segment_open(&s, &a, &o, NULL, &e) == 0)
				id = s.shmid;
			if (write(res[1], &id, sizeof id) != sizeof id)
				_exit(4);
			if (read(rel[0], &c, 1) < 0)
				_exit(5);
			_exit(id >= 0 && segment_detach(&s, &e) == 0 ? 0 : 1);
		}
	}
	close(go[0]);
	close(res[1]);
	close(rel[0]);
	close(go[1]);
	for (i = 0; i < RACERS; i++)
		ck_assert_int_eq(read(res[0], &ids[i], sizeof ids[i]), (ssize_t)sizeof ids[i]);
	ck_assert_int_ge(ids[0], 0);
	ck_assert_int_eq(shmctl(ids[0], IPC_STAT, &ds), 0);
	shmctl(ids[0], IPC_RMID, NULL);
	for (i = 1; i < RACERS; i++)
		ck_assert_int_eq(ids[i], ids[0]);
	ck_assert_uint_eq(ds.shm_nattch, RACERS);
	close(rel[1]);
	for (i = 0; i < RACERS; i++) {
		ck_assert_int_eq(waitpid(pids[i], &status, 0), pids[i]);
		ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
}
END_TEST

/* Create a raw segment under key with size bytes filled by fill(); returns shmid. */
static int
make_raw(key_t key, size_t size, void (*fill)(unsigned char *p, size_t n), unsigned char **copy)
{
	int id = shmget(key, size, IPC_CREAT | IPC_EXCL | 0600);
	unsigned char *p;

	ck_assert_int_ge(id, 0);
	p = shmat(id, NULL, 0);
	ck_assert_ptr_ne(p, (void *)-1);
	fill(p, size);
	*copy = malloc(size);
	memcpy(*copy, p, size);
	shmdt(p);
	return id;
}

/* Compare a raw segment's bytes with a saved copy. */
static bool
raw_unchanged(int id, const unsigned char *copy, size_t size)
{
	unsigned char *p = shmat(id, NULL, SHM_RDONLY);
	bool same;

	ck_assert_ptr_ne(p, (void *)-1);
	same = memcmp(p, copy, size) == 0;
	shmdt(p);
	return same;
}

/* Fill with a byte pattern that is no board. */
static void
fill_garbage(unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(0xAB ^ i);
}

/* A valid board header of a future layout version. */
static void
fill_v3(unsigned char *p, size_t n)
{
	struct pzerr e;

	ck_assert_int_eq(board_init(p, n, 20, 5, &e), 0);
	atomic_store(&((struct board_header *)p)->version, BOARD_VERSION + 1);
}

/* A board header of layout version 1 (32-bit cells), as an older pizarra made it. */
static void
fill_v1(unsigned char *p, size_t n)
{
	size_t size = board_size_for(20, 5);
	unsigned char *full = calloc(1, size);
	struct pzerr e;

	ck_assert_ptr_nonnull(full);
	ck_assert_int_eq(board_init(full, size, 20, 5, &e), 0);
	atomic_store(&((struct board_header *)full)->version, 1);
	memcpy(p, full, n < size ? n : size);
	free(full);
}

/* A header whose geometry needs more bytes than the segment has. */
static void
fill_big_geometry(unsigned char *p, size_t n)
{
	struct pzerr e;

	ck_assert_int_eq(board_init(p, n, 20, 5, &e), 0);
	atomic_store(&((struct board_header *)p)->rows, 5000);
}

/* Open a foreign segment every way and check it is refused and untouched. */
static void
check_refused(key_t key, size_t size, void (*fill)(unsigned char *p, size_t n),
	      const char *why)
{
	struct segment_opts o = tu_create_opts();
	struct addr a = tu_key_addr(key);
	unsigned char *copy;
	struct segment s;
	struct pzerr e;
	char idbuf[32];
	int id = make_raw(key, size, fill, &copy), r;
	bool same;

	r = segment_open(&s, &a, &o, NULL, &e);
	o.create = false;
	ck_assert_int_eq(segment_open(&s, &a, &o, NULL, &e), -1);
	o.readonly = true;
	ck_assert_int_eq(segment_open(&s, &a, &o, NULL, &e), -1);
	ck_assert_int_eq(segment_verify(id, &a, NULL, &e), -1);
	same = raw_unchanged(id, copy, size);
	shmctl(id, IPC_RMID, NULL);
	ck_assert_int_eq(r, -1);
	ck_assert_int_eq(e.err, EPROTO);
	snprintf(idbuf, sizeof idbuf, "ipcrm -m %d", id);
	ck_assert_msg(strstr(e.msg, idbuf) != NULL, "no ipcrm hint: %s", e.msg);
	ck_assert_msg(strstr(e.msg, "owner root") != NULL || getuid() != 0, "no owner: %s", e.msg);
	ck_assert_msg(strstr(e.msg, why) != NULL, "'%s' not in: %s", why, e.msg);
	ck_assert(same);
	free(copy);
}

START_TEST(test_foreign_small)
{
	check_refused(tu_key(4), 100, fill_garbage, "100 bytes");
}
END_TEST

START_TEST(test_foreign_magic)
{
	check_refused(tu_key(5), 65536, fill_garbage, "not a pizarra board");
}
END_TEST

START_TEST(test_foreign_version)
{
	check_refused(tu_key(6), board_size_for(20, 5), fill_v3, "made by a newer pizarra (board "
	    "layout version 3; this one reads version 2): use that pizarra; it was left "
	    "untouched: remove it with `ipcrm -m");
	/* the size a version 1 board of 20x5 had */
	check_refused(tu_key(6), sizeof(struct board_header) + 21 * 5 * 4, fill_v1,
	    "made by an older pizarra (board layout version 1; this one reads version 2, with "
	    "64-bit cells): that pizarra can still dump it; it was left untouched: remove it "
	    "with `ipcrm -m");
}
END_TEST

START_TEST(test_foreign_geometry)
{
	check_refused(tu_key(7), board_size_for(20, 5), fill_big_geometry, "needs");
}
END_TEST

/* Leave the segment zero-filled, as a creator that died before publishing would. */
static void
fill_zero(unsigned char *p, size_t n)
{
	memset(p, 0, n);
}

START_TEST(test_unpublished_times_out)
{
	struct segment_opts o = tu_create_opts();
	struct addr a = tu_key_addr(tu_key(8));
	size_t size = board_size_for(20, 5);
	unsigned char *copy;
	struct segment s;
	struct pzerr e;
	int id = make_raw(tu_key(8), size, fill_zero, &copy), r;
	bool same;

	r = segment_open(&s, &a, &o, NULL, &e);
	same = raw_unchanged(id, copy, size);
	shmctl(id, IPC_RMID, NULL);
	free(copy);
	ck_assert_int_eq(r, -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "header stayed empty"));
	ck_assert(same);
}
END_TEST

START_TEST(test_rmid_semantics)
{
	struct segment_opts o = tu_create_opts();
	struct addr a = tu_key_addr(tu_key(9)), by_id;
	struct segment s, s2;
	struct shmid_ds ds;
	struct pzerr e;
	int id;

	ck_assert_int_eq(segment_open(&s, &a, &o, NULL, &e), 0);
	id = s.shmid;
	board_set(&s.board, 1, 1, 'k');
	ck_assert_int_eq(segment_remove(id, NULL, &e), 0);
	ck_assert_int_eq(segment_stat(id, &ds, NULL, &e), 0);
	ck_assert(ds.shm_perm.mode & SHM_DEST);
	ck_assert_int_eq(ds.shm_perm.__key, 0);
	ck_assert_int_lt(shmget(tu_key(9), 0, 0), 0);
	ck_assert_int_eq(errno, ENOENT);
	o.create = false;
	ck_assert_int_eq(segment_open(&s2, &a, &o, NULL, &e), -1);
	ck_assert_int_eq(e.err, ENOENT);
	addr_default(&by_id);
	by_id.how = ADDR_BY_SHMID;
	by_id.shmid = id;
	ck_assert_int_eq(segment_open(&s2, &by_id, &o, NULL, &e), 0);
	ck_assert_uint_eq(board_get(&s2.board, 1, 1), 'k');
	segment_detach(&s2, &e);
	segment_detach(&s, &e);
	ck_assert_int_eq(segment_open(&s2, &by_id, &o, NULL, &e), -1);
	ck_assert_msg(strstr(e.msg, "no segment has shmid") != NULL, "%s", e.msg);
	ck_assert_msg(strstr(e.msg, "removed") == NULL, "%s", e.msg);
}
END_TEST

/* segment_under_key follows the key (not the segment), untraced. */
START_TEST(test_under_key)
{
	struct segment_opts o = tu_create_opts();
	struct addr a = tu_key_addr(tu_key(16));
	struct segment s, s2;
	struct trace t;
	struct pzerr e;
	unsigned long count;

	trace_init(&t);
	errno = 0;
	ck_assert_int_eq(segment_under_key(tu_key(16)), -1);
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_int_eq(segment_open(&s, &a, &o, &t, &e), 0);
	count = t.count;
	ck_assert_int_eq(segment_under_key(tu_key(16)), s.shmid);
	ck_assert_uint_eq(t.count, count);
	ck_assert_int_eq(segment_remove(s.shmid, NULL, &e), 0);
	errno = 0;
	ck_assert_int_eq(segment_under_key(tu_key(16)), -1);
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_int_eq(segment_open(&s2, &a, &o, NULL, &e), 0);
	ck_assert_int_ne(s2.shmid, s.shmid);
	ck_assert_int_eq(segment_under_key(tu_key(16)), s2.shmid);
	ck_assert_int_eq(segment_remove(s2.shmid, NULL, &e), 0);
	segment_detach(&s2, &e);
	segment_detach(&s, &e);
	errno = 0;
	ck_assert_int_eq(segment_under_key(IPC_PRIVATE), -1);
	ck_assert_int_eq(errno, EINVAL);
}
END_TEST

START_TEST(test_detach_reattach)
{
	struct segment_opts o = tu_create_opts();
	struct addr a = tu_key_addr(tu_key(10));
	struct segment s;
	struct shmid_ds ds;
	struct pzerr e;

	ck_assert_int_eq(segment_open(&s, &a, &o, NULL, &e), 0);
	ck_assert_int_eq(segment_remove(s.shmid, NULL, &e), 0);
	board_set(&s.board, 0, 0, 'z');
	ck_assert_int_eq(segment_stat(s.shmid, &ds, NULL, &e), 0);
	ck_assert_uint_eq(ds.shm_nattch, 1);
	ck_assert_int_eq(segment_attach(&s, false, &e), 0);
	ck_assert_int_eq(segment_detach(&s, &e), 0);
	ck_assert_ptr_null(s.base);
	ck_assert_int_eq(segment_detach(&s, &e), 0);
	ck_assert_int_eq(segment_attach(&s, true, &e), -1);
	ck_assert_int_eq(e.err, EIDRM);
}
END_TEST

START_TEST(test_reattach_keeps_content)
{
	struct segment_opts o = tu_create_opts();
	struct addr a = tu_key_addr(tu_key(11));
	struct segment s, keep;
	struct pzerr e;

	ck_assert_int_eq(segment_open(&s, &a, &o, NULL, &e), 0);
	ck_assert_int_eq(segment_open(&keep, &a, &o, NULL, &e), 0);
	ck_assert_int_eq(segment_remove(s.shmid, NULL, &e), 0);
	board_set(&s.board, 5, 5, 'q');
	ck_assert_int_eq(segment_detach(&s, &e), 0);
	ck_assert_int_eq(segment_attach(&s, true, &e), 0);
	ck_assert(s.board.readonly);
	ck_assert_uint_eq(board_get(&s.board, 5, 5), 'q');
	ck_assert_int_eq(board_set(&s.board, 5, 5, 'r'), -1);
	segment_detach(&s, &e);
	segment_detach(&keep, &e);
}
END_TEST

START_TEST(test_readonly_never_writes)
{
	struct segment_opts o = tu_create_opts();
	struct addr a = tu_key_addr(tu_key(12));
	struct segment s, ro;
	struct pzerr e;

	ck_assert_int_eq(segment_open(&s, &a, &o, NULL, &e), 0);
	segment_remove(s.shmid, NULL, &e);
	o.readonly = true;
	o.create = false;
	ck_assert_int_eq(segment_open(&ro, &a, &o, NULL, &e), -1);
	a.how = ADDR_BY_SHMID;
	a.shmid = s.shmid;
	ck_assert_int_eq(segment_open(&ro, &a, &o, NULL, &e), 0);
	ck_assert(ro.board.readonly);
	ck_assert_int_eq(text_put(&ro.board, 0, 0, "x", 1, 0, 0, &e), -1);
	ck_assert_int_eq(e.err, EROFS);
	ck_assert_int_eq(board_clear(&ro.board, &e), -1);
	notify_bump(&ro.board);
	ck_assert_uint_eq(notify_generation(&s.board), 0);
	segment_detach(&ro, &e);
	segment_detach(&s, &e);
}
END_TEST

START_TEST(test_private_key_refused)
{
	struct segment_opts o = tu_create_opts();
	struct addr a = tu_key_addr(IPC_PRIVATE);
	struct segment s;
	struct pzerr e;
	int id;

	ck_assert_int_eq(segment_open(&s, &a, &o, NULL, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "IPC_PRIVATE"));
	ck_assert_int_eq(segment_find(&a, NULL, &id, &e), -1);
}
END_TEST

START_TEST(test_geometry_refused_before_shmget)
{
	struct segment_opts o = tu_create_opts();
	struct addr a = tu_key_addr(tu_key(13));
	struct segment s;
	struct trace t;
	struct pzerr e;

	trace_init(&t);
	o.cols = 4;
	o.rows = 2;
	ck_assert_int_eq(segment_open(&s, &a, &o, &t, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "too small"));
	o.cols = 10000;
	o.rows = 10000;
	ck_assert_int_eq(segment_open(&s, &a, &o, &t, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "too large"));
	ck_assert_uint_eq(t.count, 0);
}
END_TEST

START_TEST(test_chmod_chown)
{
	struct segment_opts o = tu_create_opts();
	struct addr a = tu_key_addr(tu_key(14));
	struct segment s;
	struct shmid_ds ds;
	struct trace t;
	struct pzerr e;
	int id;

	trace_init(&t);
	ck_assert_int_eq(segment_open(&s, &a, &o, NULL, &e), 0);
	ck_assert_int_eq(segment_find(&a, &t, &id, &e), 0);
	ck_assert_int_eq(id, s.shmid);
	ck_assert_int_eq(segment_verify(id, &a, &t, &e), 0);
	ck_assert_int_eq(segment_chmod(id, 0664, &t, &e), 0);
	ck_assert(tu_trace_has(&t, "IPC_SET, {mode=0664}"));
	ck_assert_int_eq(segment_chown(id, getuid(), getgid(), &t, &e), 0);
	ck_assert_int_eq(segment_stat(id, &ds, &t, &e), 0);
	ck_assert_uint_eq(ds.shm_perm.mode & 0777, 0664);
	ck_assert_int_eq(segment_remove(id, &t, &e), 0);
	ck_assert(tu_trace_has(&t, "IPC_RMID"));
	segment_detach(&s, &e);
	ck_assert_int_eq(segment_chmod(id, 0600, &t, &e), -1);
	ck_assert_msg(strstr(e.msg, "no segment has shmid") != NULL, "%s", e.msg);
}
END_TEST

/* A board we created and nobody touched is removed; one somebody touched is left alone. */
START_TEST(test_remove_untouched)
{
	struct segment_opts o = tu_create_opts();
	struct addr a = tu_key_addr(tu_key(18));
	struct segment s, other;
	struct shmid_ds ds;
	struct pzerr e;
	int id;

	/* nobody else: removed */
	ck_assert_int_eq(segment_open(&s, &a, &o, NULL, &e), 0);
	ck_assert(s.created);
	id = s.shmid;
	ck_assert_msg(segment_remove_untouched(&s, 0, NULL, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(segment_stat(id, &ds, NULL, &e), 0);
	ck_assert(ds.shm_perm.mode & SHM_DEST);
	segment_detach(&s, &e);

	/* someone else attached: left */
	ck_assert_int_eq(segment_open(&s, &a, &o, NULL, &e), 0);
	ck_assert_int_eq(segment_open(&other, &a, &o, NULL, &e), 0);
	ck_assert(!other.created);
	ck_assert_int_eq(segment_remove_untouched(&other, 0, NULL, &e), -1);
	ck_assert_int_eq(segment_remove_untouched(&s, 0, NULL, &e), 1);
	ck_assert_msg(strstr(e.msg, "1 other process attached it meanwhile") != NULL, "%s", e.msg);
	/* ... wrote and notified, then left: left */
	ck_assert_int_eq(text_put(&other.board, 0, 0, "theirs", 6, 0, 0, &e), 0);
	notify_bump(&other.board);
	segment_detach(&other, &e);
	ck_assert_int_eq(segment_remove_untouched(&s, 0, NULL, &e), 1);
	ck_assert_msg(strstr(e.msg, "changed it meanwhile (generation 1)") != NULL, "%s", e.msg);
	ck_assert_int_eq(segment_remove_untouched(&s, 1, NULL, &e), 1);
	ck_assert_msg(strstr(e.msg, "wrote on row 0") != NULL, "%s", e.msg);
	ck_assert_int_eq(segment_stat(s.shmid, &ds, NULL, &e), 0);
	ck_assert(!(ds.shm_perm.mode & SHM_DEST));
	ck_assert_uint_eq(cell_content(board_get(&s.board, 0, 0)), 't');
	segment_remove(s.shmid, NULL, &e);
	segment_detach(&s, &e);

	/* a slot taken (and never given back) without any notification: left */
	ck_assert_int_eq(segment_open(&s, &a, &o, NULL, &e), 0);
	atomic_store(&s.board.hdr->slots[5].owner, 1ull << 32 | 1234);
	ck_assert_int_eq(segment_remove_untouched(&s, 0, NULL, &e), 1);
	ck_assert_msg(strstr(e.msg, "a client took slot 5") != NULL, "%s", e.msg);
	segment_remove(s.shmid, NULL, &e);
	segment_detach(&s, &e);
}
END_TEST

/* The segment suite. */
static Suite *
segment_suite(void)
{
	Suite *s = suite_create("segment");
	TCase *tc = tcase_create("lifecycle");
	TCase *slow = tcase_create("slow");

	tcase_add_test(tc, test_create_then_attach);
	tcase_add_test(tc, test_remove_untouched);
	tcase_add_test(tc, test_missing_without_create);
	tcase_add_test(tc, test_foreign_small);
	tcase_add_test(tc, test_foreign_magic);
	tcase_add_test(tc, test_foreign_version);
	tcase_add_test(tc, test_foreign_geometry);
	tcase_add_test(tc, test_rmid_semantics);
	tcase_add_test(tc, test_under_key);
	tcase_add_test(tc, test_detach_reattach);
	tcase_add_test(tc, test_reattach_keeps_content);
	tcase_add_test(tc, test_readonly_never_writes);
	tcase_add_test(tc, test_private_key_refused);
	tcase_add_test(tc, test_geometry_refused_before_shmget);
	tcase_add_test(tc, test_chmod_chown);
	tcase_set_timeout(slow, 60);
	tcase_add_test(slow, test_race_one_segment);
	tcase_add_test(slow, test_unpublished_times_out);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, slow);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(segment_suite());
}
