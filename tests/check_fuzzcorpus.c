/*
 * check_fuzzcorpus.c - replays the fuzzers' corpora in `make check`: every
 * file of tests/fuzz/corpus/board goes through the segment target
 * (fuzz_board_one) and every file of tests/fuzz/corpus/load through the
 * text target (fuzz_load_one), each in a forked test of its own, with the
 * targets' invariants checked (a broken one aborts). The corpora hold the
 * seeds and every input a fuzzing run found crashing (regress-* files), so
 * a crash found once stays fixed; in the sanitizer build the replay runs
 * under ASan and UBSan like the fuzzers do. The corpora are found under
 * $TESTS_SRCDIR/fuzz/corpus (or next to this program).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checkutil.h"
#include "fuzz/fuzz.h"

#define CORPUS_MAX 4096

/* One corpus: its directory and file names. */
struct corpus {
	const char *name;
	char dir[4096];
	char *files[CORPUS_MAX];
	int n;
};

static struct corpus corpus_board = { .name = "board" };
static struct corpus corpus_load = { .name = "load" };

/* Order file names. */
static int
corpus_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* List the regular files of base/fuzz/corpus/NAME into c. */
static void
corpus_scan(struct corpus *c, const char *base)
{
	struct dirent *de;
	DIR *d;

	snprintf(c->dir, sizeof c->dir, "%s/fuzz/corpus/%s", base, c->name);
	d = opendir(c->dir);
	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL && c->n < CORPUS_MAX) {
		if (de->d_name[0] == '.')
			continue;
		c->files[c->n] = strdup(de->d_name);
		if (c->files[c->n] != NULL)
			c->n++;
	}
	closedir(d);
	qsort(c->files, (size_t)c->n, sizeof c->files[0], corpus_cmp);
}

/* Read file i of c into memory. */
static unsigned char *
corpus_read(const struct corpus *c, int i, size_t *len)
{
	char path[8192];
	unsigned char *buf = NULL, *p;
	size_t cap = 0, n;
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", c->dir, c->files[i]);
	f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	*len = 0;
	for (;;) {
		if (cap - *len < 4096) {
			cap = cap ? cap * 2 : 65536;
			p = realloc(buf, cap);
			ck_assert_ptr_nonnull(p);
			buf = p;
		}
		n = fread(buf + *len, 1, cap - *len, f);
		if (n == 0)
			break;
		*len += n;
	}
	fclose(f);
	return buf;
}

/* Replay file i of c through fn; a broken invariant or a crash fails the test. */
static void
corpus_replay(const struct corpus *c, int i, int (*fn)(const uint8_t *, size_t))
{
	unsigned char *data;
	size_t len;

	data = corpus_read(c, i, &len);
	fprintf(stderr, "replaying %s/%s (%zu bytes)\n", c->dir, c->files[i], len);
	ck_assert_int_eq(fn(data, len), 0);
	free(data);
}

START_TEST(test_corpora_present)
{
	ck_assert_msg(corpus_board.n > 0, "no corpus files in %s", corpus_board.dir);
	ck_assert_msg(corpus_load.n > 0, "no corpus files in %s", corpus_load.dir);
}
END_TEST

START_TEST(test_replay_board)
{
	corpus_replay(&corpus_board, _i, fuzz_board_one);
}
END_TEST

START_TEST(test_replay_load)
{
	corpus_replay(&corpus_load, _i, fuzz_load_one);
}
END_TEST

/* The suite: one test per corpus file. */
static Suite *
fuzzcorpus_suite(void)
{
	Suite *s = suite_create("fuzzcorpus");
	TCase *tc = tcase_create("replay");

	tcase_add_test(tc, test_corpora_present);
	tcase_add_loop_test(tc, test_replay_board, 0, corpus_board.n);
	tcase_add_loop_test(tc, test_replay_load, 0, corpus_load.n);
	suite_add_tcase(s, tc);
	return s;
}

/* Find the corpora, then run the suite. */
int
main(int argc, char **argv)
{
	const char *base = getenv("TESTS_SRCDIR");
	char here[4096], *slash;

	(void)argc;
	if (base == NULL || base[0] == '\0') {
		snprintf(here, sizeof here, "%s", argv[0]);
		slash = strrchr(here, '/');
		if (slash != NULL)
			*slash = '\0';
		else
			snprintf(here, sizeof here, ".");
		base = here;
	}
	corpus_scan(&corpus_board, base);
	corpus_scan(&corpus_load, base);
	printf("fuzz corpora: %d files in %s, %d in %s\n", corpus_board.n, corpus_board.dir,
	    corpus_load.n, corpus_load.dir);
	return tu_run(fuzzcorpus_suite());
}
