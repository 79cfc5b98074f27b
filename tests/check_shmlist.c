/*
 * check_shmlist.c - unit tests of the segment table and the attaches
 * (shmlist.h, shmmaps.h): /proc/sysvipc/shm text read by the heading's
 * column names (reordered, extra and missing columns), hostile rows
 * skipped and counted, never wrapped (64-bit overflow, a key or shmid
 * beyond an int, signs where none belong); the real table against
 * IPC_STAT of a segment of ours, and reading it attaches nothing (no
 * observer effect on shm_nattch, shm_lpid, shm_atime); comparing,
 * sorting, status words and sizes as lsipc prints them; maps lines of
 * every kind (only "/SYSV<8 hex> (deleted)" counts), a fake /proc tree,
 * this process's own attaches found by a real scan, and a segment read
 * through a process's memory, bounded by its mapping.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "checkutil.h"
#include "shmlist.h"
#include "shmmaps.h"

static const char heading[] =
    "       key      shmid perms                  size  cpid  lpid nattch   uid   gid  cuid  cgid"
    "      atime      dtime      ctime                   rss                  swap\n";

/* Parse text (a NUL-terminated string) into l; returns shmlist_parse's result. */
static int
parse(struct shmlist *l, const char *text, struct pzerr *e)
{
	return shmlist_parse(l, text, strlen(text), e);
}

/* A table in the kernel's format: fields under their names, the key signed, perms octal. */
START_TEST(test_parse_kernel_format)
{
	char text[2048];
	struct shmlist l;
	struct pzerr e;

	snprintf(text, sizeof text, "%s%s%s", heading,
	    "-167759040    2850862   600                 56432 13154 13272      3     0     0"
	    "     0     0 1796149304 1796149305 1796149303                 45056                     0\n",
	    "    305419896          5  1666                    40  4242  4243      2  1000   100"
	    "  1001   101          1          2          3                  4096                  8192\n");
	shmlist_init(&l);
	ck_assert_int_eq(parse(&l, text, &e), 0);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_uint_eq(l.skipped, 0);
	ck_assert_uint_eq(l.seg[0].v[SHMLIST_KEY], 0xF6003340u);
	ck_assert_int_eq(shmlist_key(&l.seg[0]), (key_t)0xF6003340u);
	ck_assert_int_eq(shmlist_shmid(&l.seg[0]), 2850862);
	ck_assert_uint_eq(l.seg[0].v[SHMLIST_PERMS], 0600);
	ck_assert_uint_eq(l.seg[0].v[SHMLIST_SIZE], 56432);
	ck_assert_uint_eq(l.seg[0].v[SHMLIST_NATTCH], 3);
	ck_assert_uint_eq(l.seg[0].v[SHMLIST_DTIME], 1796149305);
	ck_assert_uint_eq(l.seg[0].v[SHMLIST_RSS], 45056);
	ck_assert_uint_eq(l.seg[1].v[SHMLIST_KEY], 0x12345678u);
	ck_assert_uint_eq(l.seg[1].v[SHMLIST_PERMS], 01666);
	ck_assert_uint_eq(l.seg[1].v[SHMLIST_UID], 1000);
	ck_assert_uint_eq(l.seg[1].v[SHMLIST_CGID], 101);
	ck_assert_uint_eq(l.seg[1].v[SHMLIST_SWAP], 8192);
	ck_assert(l.have[SHMLIST_RSS] && l.have[SHMLIST_SWAP]);
	ck_assert_ptr_eq(shmlist_find(&l, 5), &l.seg[1]);
	ck_assert_ptr_null(shmlist_find(&l, 6));
	ck_assert_ptr_null(shmlist_find(&l, -1));
	shmlist_free(&l);
}
END_TEST

/* Columns are found by name: reordered, unknown and missing ones read. */
START_TEST(test_parse_columns_by_name)
{
	struct shmlist l;
	struct pzerr e;

	shmlist_init(&l);
	ck_assert_int_eq(parse(&l, "shmid future key size perms nattch\n"
	    "7 99 -1 4096 644 1\n", &e), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(shmlist_shmid(&l.seg[0]), 7);
	ck_assert_uint_eq(l.seg[0].v[SHMLIST_KEY], 0xFFFFFFFFu);
	ck_assert_uint_eq(l.seg[0].v[SHMLIST_PERMS], 0644);
	ck_assert_uint_eq(l.seg[0].v[SHMLIST_NATTCH], 1);
	ck_assert(!l.have[SHMLIST_RSS] && !l.have[SHMLIST_CPID] && l.have[SHMLIST_NATTCH]);
	ck_assert_uint_eq(l.seg[0].v[SHMLIST_CPID], 0);
	shmlist_free(&l);
}
END_TEST

/* No heading, or one without the columns a row needs: refused. */
START_TEST(test_parse_needs_heading)
{
	struct shmlist l;
	struct pzerr e;

	shmlist_init(&l);
	ck_assert_int_eq(parse(&l, "", &e), -1);
	ck_assert_int_eq(e.err, EPROTO);
	ck_assert_int_eq(parse(&l, "1 2 600 40\n", &e), -1);
	ck_assert_int_eq(e.err, EPROTO);
	ck_assert_int_eq(parse(&l, "shmid perms size\n1 600 40\n", &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "key, shmid, perms and size"));
	ck_assert_int_eq(parse(&l, heading, &e), 0);
	ck_assert_uint_eq(l.n, 0);
	shmlist_free(&l);
}
END_TEST

/* Hostile rows are skipped and counted; no value ever wraps. */
START_TEST(test_parse_hostile_rows)
{
	static const char *const bad[] = {
		"1 2 600 40 1 1\n",                                   /* too few columns */
		"1 2 600 40 1 1 1 0 0 0 0 0 0 0 0 0 9\n",             /* too many */
		"x 2 600 40 1 1 1 0 0 0 0 0 0 0 0 0\n",               /* a letter */
		"1 2 680 40 1 1 1 0 0 0 0 0 0 0 0 0\n",               /* 8 is no octal digit */
		"1 2 600 18446744073709551616 1 1 1 0 0 0 0 0 0 0 0 0\n", /* 2^64 */
		"1 2 600 99999999999999999999999 1 1 1 0 0 0 0 0 0 0 0 0\n",
		"2147483648 2 600 40 1 1 1 0 0 0 0 0 0 0 0 0\n",      /* key beyond an int */
		"-2147483649 2 600 40 1 1 1 0 0 0 0 0 0 0 0 0\n",
		"1 2147483648 600 40 1 1 1 0 0 0 0 0 0 0 0 0\n",      /* shmid beyond an int */
		"1 -2 600 40 1 1 1 0 0 0 0 0 0 0 0 0\n",              /* a sign where none belongs */
		"1 2 600 40 -1 1 1 0 0 0 0 0 0 0 0 0\n",
		"1 2 600 40 4294967296 1 1 0 0 0 0 0 0 0 0 0\n",      /* a pid beyond 32 bits */
		"- 2 600 40 1 1 1 0 0 0 0 0 0 0 0 0\n",
		"1 2 600 +40 1 1 1 0 0 0 0 0 0 0 0 0\n",
	};
	char text[4096];
	struct shmlist l;
	struct pzerr e;
	size_t i, len = (size_t)snprintf(text, sizeof text, "%s", heading);

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, "%s", bad[i]);
	len += (size_t)snprintf(text + len, sizeof text - len,
	    "-2147483648 2147483647 7777 18446744073709551615 4294967295 0 1 0 0 0 0 0 0 0 0 0");
	shmlist_init(&l);
	ck_assert_int_eq(shmlist_parse(&l, text, len, &e), 0);
	ck_assert_uint_eq(l.skipped, sizeof bad / sizeof bad[0]);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_uint_eq(l.seg[0].v[SHMLIST_KEY], 0x80000000u);
	ck_assert_int_eq(shmlist_shmid(&l.seg[0]), 2147483647);
	ck_assert_uint_eq(l.seg[0].v[SHMLIST_SIZE], UINT64_MAX);
	ck_assert_uint_eq(l.seg[0].v[SHMLIST_CPID], 0xFFFFFFFFu);
	shmlist_free(&l);
}
END_TEST

/* The real table has our segment, field by field as IPC_STAT has it. */
START_TEST(test_read_real_table)
{
	struct shminfo_stat si, ours;
	const struct shmlist_seg *s;
	struct shmlist l;
	struct pzerr e;
	void *p;
	int id = tu_private_segment(4321, 0640, &p);

	shmlist_init(&l);
	ck_assert_int_eq(shmlist_read(&l, NULL, &e), 0);
	s = shmlist_find(&l, id);
	ck_assert_ptr_nonnull(s);
	tu_stat_segment(id, &ours);
	shmlist_to_stat(s, &si);
	ck_assert_int_eq(si.shmid, id);
	ck_assert_uint_eq(si.ds.shm_segsz, ours.ds.shm_segsz);
	ck_assert_uint_eq(si.ds.shm_perm.mode, ours.ds.shm_perm.mode);
	ck_assert_uint_eq(si.ds.shm_perm.mode & 01000, 01000);
	ck_assert_int_eq(si.ds.shm_perm.__key, ours.ds.shm_perm.__key);
	ck_assert_uint_eq(si.ds.shm_nattch, ours.ds.shm_nattch);
	ck_assert_int_eq(si.ds.shm_cpid, ours.ds.shm_cpid);
	ck_assert_int_eq(si.ds.shm_lpid, ours.ds.shm_lpid);
	ck_assert_int_eq(si.ds.shm_perm.uid, ours.ds.shm_perm.uid);
	ck_assert_int_eq(si.ds.shm_perm.cgid, ours.ds.shm_perm.cgid);
	ck_assert_int_eq(si.ds.shm_atime, ours.ds.shm_atime);
	ck_assert_int_eq(si.ds.shm_ctime, ours.ds.shm_ctime);
	shmlist_free(&l);
	shmdt(p);
}
END_TEST

/* Reading the table attaches nothing: shm_nattch, shm_lpid and the times stay. */
START_TEST(test_read_has_no_observer_effect)
{
	struct shminfo_stat before, after;
	struct shmlist l;
	struct pzerr e;
	pid_t child;
	void *p;
	int id = tu_private_segment(100, 0600, &p), i;

	/* a child attached last: shm_lpid is not ours */
	child = fork();
	ck_assert_int_ge(child, 0);
	if (child == 0) {
		void *q = shmat(id, NULL, SHM_RDONLY);

		_exit(q == (void *)-1 ? 1 : 0);
	}
	ck_assert_int_eq(waitpid(child, &i, 0), child);
	ck_assert_int_eq(i, 0);
	tu_stat_segment(id, &before);
	ck_assert_int_eq(before.ds.shm_lpid, child);
	shmlist_init(&l);
	for (i = 0; i < 20; i++)
		ck_assert_int_eq(shmlist_read(&l, NULL, &e), 0);
	tu_stat_segment(id, &after);
	ck_assert_int_eq(after.ds.shm_lpid, child);
	ck_assert_uint_eq(after.ds.shm_nattch, before.ds.shm_nattch);
	ck_assert_int_eq(after.ds.shm_atime, before.ds.shm_atime);
	ck_assert_int_eq(after.ds.shm_dtime, before.ds.shm_dtime);
	shmlist_free(&l);
	shmdt(p);
}
END_TEST

/* A file that cannot be read is an error with the path in it. */
START_TEST(test_read_missing_file)
{
	struct shmlist l;
	struct pzerr e;

	shmlist_init(&l);
	ck_assert_int_eq(shmlist_read(&l, "/nonexistent/sysvipc/shm", &e), -1);
	ck_assert_int_eq(e.err, ENOENT);
	ck_assert_ptr_nonnull(strstr(e.msg, "/nonexistent/sysvipc/shm"));
	shmlist_free(&l);
}
END_TEST

/* differs: one bit per field that moved. */
START_TEST(test_differs)
{
	struct shmlist_seg a, b;

	memset(&a, 0, sizeof a);
	b = a;
	ck_assert_uint_eq(shmlist_differs(&a, &b), 0);
	b.v[SHMLIST_NATTCH] = 2;
	b.v[SHMLIST_LPID] = 9;
	ck_assert_uint_eq(shmlist_differs(&a, &b), 1u << SHMLIST_NATTCH | 1u << SHMLIST_LPID);
	ck_assert_str_eq(shmlist_name(SHMLIST_NATTCH), "nattch");
	ck_assert_str_eq(shmlist_name(SHMLIST_SWAP), "swap");
	ck_assert_str_eq(shmlist_name(SHMLIST_NFIELDS), "?");
}
END_TEST

/* Sorting: by any field either way, ties by shmid, keys as the kernel's signed ints. */
START_TEST(test_sort)
{
	struct shmlist l;
	struct pzerr e;

	shmlist_init(&l);
	ck_assert_int_eq(parse(&l, "key shmid perms size nattch\n"
	    "5 30 600 10 1\n-5 10 600 20 2\n7 20 600 30 1\n0 40 600 40 2\n", &e), 0);
	shmlist_sort(&l, SHMLIST_NATTCH, true);
	ck_assert_int_eq(shmlist_shmid(&l.seg[0]), 10);
	ck_assert_int_eq(shmlist_shmid(&l.seg[1]), 40);
	ck_assert_int_eq(shmlist_shmid(&l.seg[2]), 20);
	ck_assert_int_eq(shmlist_shmid(&l.seg[3]), 30);
	shmlist_sort(&l, SHMLIST_KEY, false);
	ck_assert_int_eq(shmlist_shmid(&l.seg[0]), 10);
	ck_assert_int_eq(shmlist_shmid(&l.seg[1]), 40);
	ck_assert_int_eq(shmlist_shmid(&l.seg[2]), 30);
	ck_assert_int_eq(shmlist_shmid(&l.seg[3]), 20);
	shmlist_sort(&l, SHMLIST_SHMID, false);
	ck_assert_int_eq(shmlist_shmid(&l.seg[0]), 10);
	ck_assert_int_eq(shmlist_shmid(&l.seg[3]), 40);
	shmlist_free(&l);
}
END_TEST

/* Status words as lsipc has them; a short buffer is cut, never overrun. */
START_TEST(test_status_words)
{
	char buf[64], small[6];

	ck_assert_str_eq(shmlist_status(0600, buf, sizeof buf), "");
	ck_assert_str_eq(shmlist_status(01600, buf, sizeof buf), "dest");
	ck_assert_str_eq(shmlist_status(03600, buf, sizeof buf), "dest,locked");
	ck_assert_str_eq(shmlist_status(017000, buf, sizeof buf), "dest,locked,hugetlb,noreserve");
	memset(small, 'Z', sizeof small);
	shmlist_status(03600, small, sizeof small);
	ck_assert_ptr_nonnull(memchr(small, '\0', sizeof small));
	ck_assert_str_eq(small, "dest,");
}
END_TEST

/* Sizes for people: bytes below 1 KiB, else one decimal in powers of 1024. */
START_TEST(test_size_human)
{
	char buf[32];

	ck_assert_str_eq(shmlist_size_human(0, buf, sizeof buf), "0B");
	ck_assert_str_eq(shmlist_size_human(40, buf, sizeof buf), "40B");
	ck_assert_str_eq(shmlist_size_human(1023, buf, sizeof buf), "1023B");
	ck_assert_str_eq(shmlist_size_human(1024, buf, sizeof buf), "1K");
	ck_assert_str_eq(shmlist_size_human(56432, buf, sizeof buf), "55.1K");
	ck_assert_str_eq(shmlist_size_human(1048575, buf, sizeof buf), "1M");
	ck_assert_str_eq(shmlist_size_human(1572864, buf, sizeof buf), "1.5M");
	ck_assert_str_eq(shmlist_size_human(UINT64_MAX, buf, sizeof buf), "16E");
}
END_TEST

/* Maps lines: only "/SYSV" and eight hex digits, then " (deleted)", are attaches. */
START_TEST(test_maps_lines)
{
	static const char maps[] =
	    "55d0c0a00000-55d0c0a21000 r-xp 00000000 fe:01 1311234                    /usr/bin/cat\n"
	    "7f912fd11000-7f912fd12000 r--s 00000000 00:01 2981913                    /SYSV9d000001 (deleted)\n"
	    "7f912fd12000-7f912fd13000 rw-s 00000000 00:01 2981913                    /SYSV9d000001 (deleted)\n"
	    "7f0000000000-7f0000001000 rw-s 00000000 00:01 77 /SYSV0000abcd (deleted)\n"
	    "7f0000001000-7f0000002000 rw-s 00000000 fe:01 78 /SYSV0000abcd\n"
	    "7f0000002000-7f0000003000 rw-s 00000000 fe:01 79 /SYSVzzzzzzzz (deleted)\n"
	    "7f0000003000-7f0000004000 rw-s 00000000 00:01 3000000000 /SYSV00000001 (deleted)\n"
	    "7f0000005000-7f0000004000 rw-s 00000000 00:01 80 /SYSV00000001 (deleted)\n"
	    "nonsense /SYSV\n"
	    "7f0000006000-7f0000007000 rw-s 00000000 00:01 81 /SYSV000000012 (deleted)\n"
	    "7f0000008000-7f0000009000 rw-s";
	const struct shmmaps_att *a;
	struct shmmaps m;

	shmmaps_init(&m);
	ck_assert_int_eq(shmmaps_parse(&m, 4242, maps, sizeof maps - 1), 0);
	shmmaps_sort(&m);
	ck_assert_uint_eq(m.n, 3);
	ck_assert_uint_eq(shmmaps_of(&m, 2981913, &a), 2);
	ck_assert_int_eq(a[0].pid, 4242);
	ck_assert_uint_eq(a[0].key, 0x9d000001u);
	ck_assert_uint_eq(a[0].start, 0x7f912fd11000ull);
	ck_assert(!a[0].writable);
	ck_assert(a[1].writable);
	ck_assert_uint_eq(a[1].end - a[1].start, 4096);
	ck_assert_uint_eq(shmmaps_of(&m, 77, &a), 1);
	ck_assert_uint_eq(a->key, 0xabcd);
	ck_assert_uint_eq(shmmaps_of(&m, 78, &a), 0);
	ck_assert_ptr_null(a);
	ck_assert_uint_eq(shmmaps_of(&m, 81, &a), 0);
	shmmaps_free(&m);
}
END_TEST

/* A fake /proc: numbered directories' maps are read, anything else is not. */
START_TEST(test_maps_fake_proc)
{
	char root[] = "/tmp/check_shmlist.XXXXXX", path[256];
	const struct shmmaps_att *a;
	struct shmmaps m;
	struct pzerr e;
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(root));
	snprintf(path, sizeof path, "%s/12", root);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/12/maps", root);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs("7f0000000000-7f0000002000 rw-s 00000000 00:01 5 /SYSV00001234 (deleted)\n", f);
	fclose(f);
	snprintf(path, sizeof path, "%s/self", root);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/self/maps", root);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs("7f0000000000-7f0000002000 rw-s 00000000 00:01 6 /SYSV00001234 (deleted)\n", f);
	fclose(f);
	snprintf(path, sizeof path, "%s/13", root);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	shmmaps_init(&m);
	ck_assert_int_eq(shmmaps_scan(&m, root, &e), 0);
	ck_assert_uint_eq(m.procs, 2);
	ck_assert_uint_eq(m.n, 1);
	ck_assert_uint_eq(shmmaps_of(&m, 5, &a), 1);
	ck_assert_int_eq(a->pid, 12);
	ck_assert_int_eq(shmmaps_scan(&m, "/nonexistent/proc", &e), -1);
	ck_assert_int_eq(e.err, ENOENT);
	shmmaps_free(&m);
	snprintf(path, sizeof path, "rm -rf '%s'", root);
	ck_assert_int_eq(system(path), 0);
}
END_TEST

/* The real /proc: this process's two attaches of a segment, one read-only. */
START_TEST(test_maps_real_scan)
{
	const struct shmmaps_att *a;
	struct shmmaps m;
	struct pzerr e;
	void *p, *q;
	int id = tu_private_segment(5000, 0600, &p);
	size_t i, mine = 0, n;

	q = shmat(id, NULL, SHM_RDONLY);
	ck_assert_ptr_ne(q, (void *)-1);
	shmmaps_init(&m);
	ck_assert_int_eq(shmmaps_scan(&m, NULL, &e), 0);
	n = shmmaps_of(&m, id, &a);
	for (i = 0; i < n; i++)
		if (a[i].pid == getpid()) {
			mine++;
			ck_assert(a[i].start == (uintptr_t)p || a[i].start == (uintptr_t)q);
			ck_assert(a[i].writable == (a[i].start == (uintptr_t)p));
		}
	ck_assert_uint_eq(mine, 2);
	ck_assert_uint_ge(m.procs, 1);
	shmmaps_free(&m);
	shmdt(q);
	shmdt(p);
}
END_TEST

/* Through a process's memory: the bytes are the segment's, bounded by the mapping. */
START_TEST(test_maps_read_through_memory)
{
	const struct shmmaps_att *a = NULL;
	unsigned char buf[64];
	struct shmmaps m;
	struct pzerr e;
	size_t i, n;
	void *p;
	int id = tu_private_segment(100, 0600, &p);

	memcpy(p, "PZRA the segment is just memory", 31);
	shmmaps_init(&m);
	ck_assert_int_eq(shmmaps_scan(&m, NULL, &e), 0);
	n = shmmaps_of(&m, id, &a);
	for (i = 0; i < n && a[i].pid != getpid(); i++)
		;
	ck_assert_uint_lt(i, n);
	ck_assert_int_eq(shmmaps_read(&a[i], NULL, 0, buf, 31), 31);
	ck_assert_int_eq(memcmp(buf, "PZRA the segment is just memory", 31), 0);
	ck_assert_int_eq(shmmaps_read(&a[i], NULL, 4, buf, 4), 4);
	ck_assert_int_eq(memcmp(buf, " the", 4), 0);
	/* the mapping is a page; nothing past it is read */
	ck_assert_int_eq(shmmaps_read(&a[i], NULL, a[i].end - a[i].start - 2, buf, sizeof buf), 2);
	ck_assert_int_eq(shmmaps_read(&a[i], NULL, a[i].end - a[i].start, buf, sizeof buf), 0);
	shmmaps_free(&m);
	shmdt(p);
}
END_TEST

static Suite *
shmlist_suite(void)
{
	Suite *s = suite_create("shmlist");
	TCase *tc = tcase_create("table");
	TCase *maps = tcase_create("maps");

	tcase_add_test(tc, test_parse_kernel_format);
	tcase_add_test(tc, test_parse_columns_by_name);
	tcase_add_test(tc, test_parse_needs_heading);
	tcase_add_test(tc, test_parse_hostile_rows);
	tcase_add_test(tc, test_read_real_table);
	tcase_add_test(tc, test_read_has_no_observer_effect);
	tcase_add_test(tc, test_read_missing_file);
	tcase_add_test(tc, test_differs);
	tcase_add_test(tc, test_sort);
	tcase_add_test(tc, test_status_words);
	tcase_add_test(tc, test_size_human);
	tcase_add_test(maps, test_maps_lines);
	tcase_add_test(maps, test_maps_fake_proc);
	tcase_add_test(maps, test_maps_real_scan);
	tcase_add_test(maps, test_maps_read_through_memory);
	tcase_set_timeout(maps, 20);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, maps);
	return s;
}

int
main(void)
{
	return tu_run(shmlist_suite());
}
