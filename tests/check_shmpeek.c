/*
 * check_shmpeek.c - unit tests of reading any segment's bytes (shmpeek.h)
 * and of a board seen as bytes (boardmap.h): the attach is SHM_RDONLY
 * (the mapping is r--s) and counted in shm_nattch until the detach, also
 * on a segment marked dest; copies at every offset and length equal the
 * bytes and stop at shm_segsz; finding by key and by shmid, with the
 * messages; a reader without permission is told whose the segment is,
 * its mode and the least mode that lets it read; elements of every
 * format from any bytes, never wider than their column and never a
 * control character; a board recognised from a copy of its header and
 * refused for every broken field, and every offset of a board named.
 */
#include <errno.h>
#include <math.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "boardmap.h"
#include "checkutil.h"
#include "shmpeek.h"

/* An address naming shmid. */
static struct addr
by_shmid(int shmid)
{
	struct addr a;

	addr_default(&a);
	a.how = ADDR_BY_SHMID;
	a.shmid = shmid;
	return a;
}

/* Does /proc/self/maps show the mapping at p with these permissions ("r--s")? */
static bool
mapped_as(const void *p, const char *perms)
{
	char line[512], want[64];
	bool found = false;
	FILE *f = fopen("/proc/self/maps", "r");

	snprintf(want, sizeof want, "%lx-", (unsigned long)(uintptr_t)p);
	ck_assert_ptr_nonnull(f);
	while (fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, want, strlen(want)) == 0)
			found = strstr(line, perms) != NULL;
	fclose(f);
	return found;
}

/* The attach is read-only, counted while it lasts, and the copy is the bytes. */
START_TEST(test_attach_readonly)
{
	struct addr a;
	struct shminfo_stat si;
	struct shmpeek p;
	struct pzerr e;
	unsigned char buf[32];
	void *w;
	int id = tu_private_segment(10, 0600, &w);

	memcpy(w, "0123456789", 10);
	a = by_shmid(id);
	ck_assert_int_eq(shmpeek_attach(&p, id, &a, NULL, &e), 0);
	ck_assert_ptr_nonnull(p.base);
	ck_assert_uint_eq(p.size, 10);
	ck_assert(mapped_as(p.base, "r--s"));
	tu_stat_segment(id, &si);
	ck_assert_uint_eq(si.ds.shm_nattch, 2);
	ck_assert_uint_eq(shmpeek_copy(&p, 0, buf, sizeof buf), 10);
	ck_assert_int_eq(memcmp(buf, "0123456789", 10), 0);
	((char *)w)[3] = 'X';
	ck_assert_uint_eq(shmpeek_copy(&p, 3, buf, 1), 1);
	ck_assert_int_eq(buf[0], 'X');
	shmpeek_detach(&p);
	ck_assert_ptr_null(p.base);
	tu_stat_segment(id, &si);
	ck_assert_uint_eq(si.ds.shm_nattch, 1);
	ck_assert_uint_eq(shmpeek_copy(&p, 0, buf, 4), 0);
	shmdt(w);
}
END_TEST

/* Every offset and length: the copy is the bytes, and it stops at shm_segsz. */
START_TEST(test_copy_bounds)
{
	unsigned char want[37], got[64];
	struct addr a;
	struct shmpeek p;
	struct pzerr e;
	size_t off, n, c;
	void *w;
	int id = tu_private_segment(sizeof want, 0600, &w);

	for (off = 0; off < sizeof want; off++)
		want[off] = (unsigned char)(off * 37 + 11);
	memcpy(w, want, sizeof want);
	a = by_shmid(id);
	ck_assert_int_eq(shmpeek_attach(&p, id, &a, NULL, &e), 0);
	for (off = 0; off <= sizeof want + 2; off++)
		for (n = 0; n <= 20; n++) {
			memset(got, 0xEE, sizeof got);
			c = shmpeek_copy(&p, off, got, n);
			ck_assert_uint_eq(c, off >= sizeof want ? 0 : n < sizeof want - off ? n :
			    sizeof want - off);
			ck_assert_int_eq(memcmp(got, want + (off < sizeof want ? off : 0), c), 0);
			ck_assert_int_eq(got[c], 0xEE);
		}
	ck_assert_uint_eq(shmpeek_copy(&p, UINT64_MAX, got, 8), 0);
	shmpeek_detach(&p);
	shmdt(w);
}
END_TEST

/* A segment marked for removal (dest) is still reached by its shmid. */
START_TEST(test_attach_dest)
{
	struct addr a;
	struct shmpeek p;
	struct pzerr e;
	unsigned char c;
	void *w;
	int id = tu_private_segment(1, 0600, &w), found;

	*(unsigned char *)w = 0x5A;
	a = by_shmid(id);
	ck_assert_int_eq(shmpeek_find(&a, NULL, &found, &e), 0);
	ck_assert_int_eq(found, id);
	ck_assert_int_eq(shmpeek_attach(&p, id, &a, NULL, &e), 0);
	ck_assert_uint_eq(p.size, 1);
	ck_assert_uint_eq(shmpeek_copy(&p, 0, &c, 1), 1);
	ck_assert_int_eq(c, 0x5A);
	shmpeek_detach(&p);
	shmdt(w);
}
END_TEST

/* Finding: a key with no segment, a shmid with none, IPC_PRIVATE; and a key found. */
START_TEST(test_find_messages)
{
	struct addr a;
	struct pzerr e;
	int id, found;

	addr_default(&a);
	a.how = ADDR_BY_KEY;
	a.key = tu_key(1);
	ck_assert_int_eq(shmpeek_find(&a, NULL, &found, &e), -1);
	ck_assert_int_eq(e.err, ENOENT);
	ck_assert_ptr_nonnull(strstr(e.msg, "no segment exists at key 0x"));
	ck_assert_ptr_nonnull(strstr(e.msg, "pizarra ls"));
	id = shmget(tu_key(1), 8, IPC_CREAT | IPC_EXCL | 0600);
	ck_assert_int_ge(id, 0);
	ck_assert_int_eq(shmpeek_find(&a, NULL, &found, &e), 0);
	ck_assert_int_eq(found, id);
	shmctl(id, IPC_RMID, NULL);
	a.key = IPC_PRIVATE;
	ck_assert_int_eq(shmpeek_find(&a, NULL, &found, &e), -1);
	ck_assert_int_eq(e.err, EINVAL);
	ck_assert_ptr_nonnull(strstr(e.msg, "-i SHMID"));
	a = by_shmid(0x7FFFFFF0);
	ck_assert_int_eq(shmpeek_find(&a, NULL, &found, &e), -1);
	ck_assert_int_eq(e.err, ENOENT);
	ck_assert_ptr_nonnull(strstr(e.msg, "no segment has shmid 2147483632"));
}
END_TEST

/* Without read permission: whose it is, the mode, the least mode that lets us read. */
START_TEST(test_denied_message)
{
	struct passwd *pw = getpwnam("nobody");
	int id, fds[2], status;
	char msg[PZERR_MSG_MAX];
	ssize_t n;
	pid_t child;

	if (geteuid() != 0 || pw == NULL)
		return;   /* needs root to become nobody */
	id = shmget(tu_key(2), 40, IPC_CREAT | IPC_EXCL | 0600);
	ck_assert_int_ge(id, 0);
	ck_assert_int_eq(pipe(fds), 0);
	child = fork();
	ck_assert_int_ge(child, 0);
	if (child == 0) {
		struct addr a = by_shmid(id);
		struct shmpeek p;
		struct pzerr e;

		if (setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0)
			_exit(2);
		if (shmpeek_attach(&p, id, &a, NULL, &e) == 0 || e.err != EACCES)
			_exit(3);
		if (write(fds[1], e.msg, strlen(e.msg)) < 0)
			_exit(4);
		_exit(0);
	}
	close(fds[1]);
	n = read(fds[0], msg, sizeof msg - 1);
	close(fds[0]);
	ck_assert_int_eq(waitpid(child, &status, 0), child);
	shmctl(id, IPC_RMID, NULL);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_int_gt(n, 0);
	msg[n] = '\0';
	ck_assert_ptr_nonnull(strstr(msg, "belongs to root, mode 0600 (rw-------): you may not "
	    "read it"));
	ck_assert_ptr_nonnull(strstr(msg, "with mode 0644"));
	ck_assert_ptr_nonnull(strstr(msg, "everyone: you are not in group"));
}
END_TEST

/* Elements from chosen bytes, in every format. */
START_TEST(test_elements)
{
	unsigned char b[8];
	int32_t i32 = -12;
	int64_t i64 = -1234567890123ll;
	float f = 1.5f;
	double d = 6.02214076e23, nan_v = NAN, inf_v = -INFINITY;
	char buf[64];

	memcpy(b, &i32, 4);
	ck_assert_str_eq(shmpeek_element(SHMPEEK_INT32, b, 4, buf, sizeof buf), "-12");
	ck_assert_str_eq(shmpeek_element(SHMPEEK_BYTES, b, 4, buf, sizeof buf), "f4");
	memcpy(b, &i64, 8);
	ck_assert_str_eq(shmpeek_element(SHMPEEK_INT64, b, 8, buf, sizeof buf), "-1234567890123");
	memcpy(b, &f, 4);
	ck_assert_str_eq(shmpeek_element(SHMPEEK_FLOAT, b, 4, buf, sizeof buf), "1.5");
	memcpy(b, &d, 8);
	ck_assert_str_eq(shmpeek_element(SHMPEEK_DOUBLE, b, 8, buf, sizeof buf), "6.022141e+23");
	memcpy(b, &nan_v, 8);
	ck_assert_str_eq(shmpeek_element(SHMPEEK_DOUBLE, b, 8, buf, sizeof buf), "nan");
	memcpy(b, &inf_v, 8);
	ck_assert_str_eq(shmpeek_element(SHMPEEK_DOUBLE, b, 8, buf, sizeof buf), "-inf");
	b[0] = 'A';
	ck_assert_str_eq(shmpeek_element(SHMPEEK_CHARS, b, 1, buf, sizeof buf), "A");
	b[0] = 0x1B;
	ck_assert_str_eq(shmpeek_element(SHMPEEK_CHARS, b, 1, buf, sizeof buf), ".");
	/* the segment ends inside the element */
	ck_assert_str_eq(shmpeek_element(SHMPEEK_INT32, b, 3, buf, sizeof buf), "-----------");
	ck_assert_str_eq(shmpeek_element(SHMPEEK_BYTES, b, 0, buf, sizeof buf), "--");
	ck_assert_str_eq(shmpeek_format_name(SHMPEEK_INT64), "int64");
	ck_assert_uint_eq(shmpeek_format_size(SHMPEEK_DOUBLE), 8);
}
END_TEST

/* Any bytes: never wider than the column, never a control character. */
START_TEST(test_elements_any_bytes)
{
	uint64_t x = 0x9E3779B97F4A7C15ull;
	unsigned char b[8];
	char buf[64];
	int i, f, c;
	size_t k;

	for (c = 0; c < 256; c++) {
		char ch = shmpeek_char((unsigned char)c);

		ck_assert(ch >= 0x20 && ch <= 0x7E);
		ck_assert(c >= 0x20 && c <= 0x7E ? ch == c : ch == '.');
	}
	for (i = 0; i < 20000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		memcpy(b, &x, 8);
		for (f = 0; f < SHMPEEK_NFORMATS; f++) {
			shmpeek_element((enum shmpeek_format)f, b, 8, buf, sizeof buf);
			ck_assert_uint_le(strlen(buf), shmpeek_width((enum shmpeek_format)f));
			for (k = 0; buf[k] != '\0'; k++)
				ck_assert(buf[k] >= 0x20 && buf[k] <= 0x7E);
		}
	}
}
END_TEST

/* A real board's header, copied, is recognised; its geometry and clients read. */
START_TEST(test_recognise_board)
{
	struct boardmap m;
	struct segment s;
	struct pzerr e;

	tu_private_board(&s, 40, 10);
	ck_assert_int_eq(boardmap_recognise(s.base, sizeof(struct board_header), s.size, &m, &e),
	    0);
	ck_assert_uint_eq(m.cols, 40);
	ck_assert_uint_eq(m.rows, 10);
	ck_assert_int_eq(m.nclients, 0);
	ck_assert_uint_eq(m.segsz, s.size);
	/* too short a copy, a segment smaller than the geometry */
	ck_assert_int_eq(boardmap_recognise(s.base, 64, s.size, &m, &e), -1);
	ck_assert_int_eq(e.err, EPROTO);
	ck_assert_int_eq(boardmap_recognise(s.base, sizeof(struct board_header), s.size - 1, &m,
	    &e), -1);
	ck_assert_int_eq(e.err, EPROTO);
	shmdt(s.base);
}
END_TEST

/* Every broken field of a copied header is refused; random bytes never pass. */
START_TEST(test_recognise_broken)
{
	static const size_t fields[] = { 0, 4, 8, 12, 16, 20 };
	struct board_header *h = malloc(sizeof *h);
	unsigned char *raw = (unsigned char *)h;
	uint64_t x = 88172645463325252ull;
	struct boardmap m;
	struct segment s;
	struct pzerr e;
	size_t i, k;

	ck_assert_ptr_nonnull(h);
	tu_private_board(&s, 16, 4);
	for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		uint32_t bad = 0xFFFFFFFFu;

		memcpy(h, s.base, sizeof *h);
		memcpy(raw + fields[i], &bad, 4);
		ck_assert_int_eq(boardmap_recognise(h, sizeof *h, s.size, &m, &e), -1);
		ck_assert_int_eq(e.err, EPROTO);
	}
	for (i = 0; i < 200; i++) {
		for (k = 0; k < sizeof *h; k++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			raw[k] = (unsigned char)x;
		}
		ck_assert_int_eq(boardmap_recognise(h, sizeof *h, s.size, &m, NULL), -1);
	}
	shmdt(s.base);
	free(h);
}
END_TEST

/* Every offset of a board's segment has a name. */
START_TEST(test_names)
{
	struct boardmap m = { .cols = 10, .rows = 3 };
	uint64_t start;
	unsigned len;
	char buf[96];

	ck_assert_str_eq(boardmap_name(&m, 0, buf, sizeof buf, &start, &len), "magic");
	ck_assert_uint_eq(len, 4);
	ck_assert_str_eq(boardmap_name(&m, 26, buf, sizeof buf, &start, &len), "generation");
	ck_assert_uint_eq(start, 24);
	ck_assert_str_eq(boardmap_name(&m, 55, buf, sizeof buf, &start, &len), "lease");
	ck_assert_uint_eq(len, 8);
	ck_assert_str_eq(boardmap_name(&m, 64, buf, sizeof buf, NULL, NULL), "slots[0].owner");
	ck_assert_str_eq(boardmap_name(&m, 64 + 64 * 126 + 37, buf, sizeof buf, &start, &len),
	    "slots[126].cursor");
	ck_assert_uint_eq(start, 64 + 64 * 126 + 36);
	ck_assert_str_eq(boardmap_name(&m, 64 + 44 + 15, buf, sizeof buf, &start, &len),
	    "slots[0].tty");
	ck_assert_uint_eq(len, 16);
	/* 8 bytes a cell (layout version 2), then 4 bytes a row stamp */
	ck_assert_str_eq(boardmap_name(&m, 8192, buf, sizeof buf, &start, &len),
	    "cells[0][0] (col 0, row 0)");
	ck_assert_uint_eq(len, 8);
	ck_assert_str_eq(boardmap_name(&m, 8192 + 8 * 10 + 15, buf, sizeof buf, &start, &len),
	    "cells[1][1] (col 1, row 1)");
	ck_assert_uint_eq(start, 8192 + 88);
	ck_assert_uint_eq(len, 8);
	ck_assert_uint_eq(boardmap_cell_offset(&m, 1, 1), 8192 + 88);
	ck_assert_str_eq(boardmap_name(&m, 8192 + 8 * 10 + 16, buf, sizeof buf, NULL, NULL),
	    "cells[1][2] (col 2, row 1)");
	ck_assert_str_eq(boardmap_name(&m, 8192 + 239, buf, sizeof buf, NULL, NULL),
	    "cells[2][9] (col 9, row 2)");
	ck_assert_str_eq(boardmap_name(&m, 8192 + 240, buf, sizeof buf, &start, &len),
	    "row_stamps[0]");
	ck_assert_uint_eq(len, 4);
	ck_assert_str_eq(boardmap_name(&m, 8192 + 240 + 11, buf, sizeof buf, NULL, NULL),
	    "row_stamps[2]");
	ck_assert_str_eq(boardmap_name(&m, 8192 + 252, buf, sizeof buf, NULL, NULL),
	    "after the board");
	ck_assert_str_eq(boardmap_name(&m, UINT64_MAX, buf, sizeof buf, NULL, NULL),
	    "after the board");
}
END_TEST

static Suite *
shmpeek_suite(void)
{
	Suite *s = suite_create("shmpeek");
	TCase *tc = tcase_create("peek");
	TCase *bm = tcase_create("boardmap");

	tcase_add_test(tc, test_attach_readonly);
	tcase_add_test(tc, test_copy_bounds);
	tcase_add_test(tc, test_attach_dest);
	tcase_add_test(tc, test_find_messages);
	tcase_add_test(tc, test_denied_message);
	tcase_add_test(tc, test_elements);
	tcase_add_test(tc, test_elements_any_bytes);
	tcase_set_timeout(tc, 20);
	tcase_add_test(bm, test_recognise_board);
	tcase_add_test(bm, test_recognise_broken);
	tcase_add_test(bm, test_names);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, bm);
	return s;
}

int
main(void)
{
	return tu_run(shmpeek_suite());
}
