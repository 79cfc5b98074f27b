/*
 * lecture.c - measurement 6: what the lecture claims, at the scale it
 * talks about. One writer broadcasts strokes to 3, 10 and 30 reader
 * processes, a stroke being one character at one cell of a board of
 * pizarra's default size (200x60) or a new character in every one of its
 * 12,000 cells, three ways (lectio.c): the segment and a futex, pipes, and
 * a file with inotify. For each class size and kind of stroke the three
 * ways' readers are all up at once and their strokes interleave (way 1,
 * 2, 3, then 2, 3, 1...), each one 1 ms after the last reader of the one
 * before had it. A stroke's latency runs, per reader, from just before
 * the writer's first call to the moment that reader holds the new
 * character; the rows compare the last reader's (the whole class has it),
 * the notes the pooled readers' and the writer's own time. No target.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "futex.h"
#include "lecture.h"

#define LECTURE_STROKES  300
#define LECTURE_GAP_NS   1000000u

static const int lecture_classes[] = { 3, 10, 30 };
static const char *const lecture_names[] = { "segment+futex", "pipes", "file+inotify" };

/* One way's results. */
struct lecture_result {
	struct samples all;                  /* every reader's latency, us */
	struct samples last;                 /* the slowest reader's, per stroke */
	struct samples writer;               /* the writer's calls, per stroke */
};

/* Wait until every reader of L has stroke i; 0 or -1. */
static int
lecture_wait(struct lecture_way_run *L, int i)
{
	struct lecture_ctl *ctl = L->ctl;
	uint32_t a;

	while ((a = atomic_load(&ctl->acks)) < (uint32_t)(L->readers * (i + 1)))
		if (atomic_load(&ctl->failed) != 0 ||
		    (futex_wait(&ctl->acks, a, LECTURE_WAIT_MS) != 0 && errno == ETIMEDOUT))
			return -1;
	return 0;
}

/* Set up every way and start its readers; 0 when all are ready. */
static int
lecture_start(struct lecture_way_run *runs, const char *dir)
{
	uint32_t a;
	int w;

	for (w = 0; w < LECTURE_WAYS; w++)
		if (lectio_setup(&runs[w], dir) != 0 ||
		    lectio_fork(&runs[w], runs, LECTURE_WAYS) != runs[w].readers)
			return -1;
	for (w = 0; w < LECTURE_WAYS; w++)
		while ((a = atomic_load(&runs[w].ctl->ready)) < (uint32_t)runs[w].started)
			futex_wait(&runs[w].ctl->ready, a, 100);
	for (w = 0; w < LECTURE_WAYS; w++)
		if (atomic_load(&runs[w].ctl->failed) != 0)
			return -1;
	return 0;
}

/* Every stroke of every way, interleaved; 0 or -1. */
static int
lecture_strokes(struct lecture_way_run *runs, struct lecture_result *res)
{
	uint64_t t0;
	int i, k, w;

	for (i = 0; i < runs[0].strokes; i++)
		for (k = 0; k < LECTURE_WAYS; k++) {
			w = (i + k) % LECTURE_WAYS;
			stats_sleep_ns(LECTURE_GAP_NS);
			t0 = stats_now_ns();
			if (lectio_write(&runs[w], i) != 0)
				return -1;
			stats_add(&res[w].writer, (double)(stats_now_ns() - t0) / 1e3);
			if (lecture_wait(&runs[w], i) != 0)
				return -1;
		}
	return 0;
}

/* Pool the readers' latencies of run L into r. */
static void
lecture_collect(const struct lecture_way_run *L, struct lecture_result *r)
{
	double worst;
	int i, k;

	for (i = 0; i < L->strokes; i++) {
		worst = 0;
		for (k = 0; k < L->readers; k++) {
			stats_add(&r->all, L->ctl->lat_us[k][i]);
			worst = L->ctl->lat_us[k][i] > worst ? L->ctl->lat_us[k][i] : worst;
		}
		stats_add(&r->last, worst);
	}
}

/* Format microseconds. */
static void
lecture_us(char *buf, size_t n, double us)
{
	snprintf(buf, n, isnan(us) ? "n/a" : "%.1f us", us);
}

/* The rows and the note of one class size and kind of stroke. */
static void
lecture_report(int readers, bool whole, struct lecture_result *res)
{
	const char *kind = whole ? "whole board" : "one cell";
	char what[96], o[32], q[32], r[32];
	double a = stats_percentile(&res[LECTURE_SEGMENT].last, 50), b;
	int w;

	for (w = LECTURE_PIPE; w < LECTURE_WAYS; w++) {
		b = stats_percentile(&res[w].last, 50);
		snprintf(what, sizeof what, "6 lecture, %d readers, %s: last reader p50, segment "
		    "(peer: %s)", readers, kind, w == LECTURE_PIPE ? "pipes" : "file");
		lecture_us(o, sizeof o, a);
		lecture_us(q, sizeof q, b);
		bench_ratio(r, sizeof r, a, b);
		bench_row(what, o, q, r, "-", BENCH_INFO);
	}
	bench_note("#6 %d readers, %s (segment, pipes, file): last reader p99 %.0f, %.0f, %.0f us; "
	    "every reader pooled p50 %.1f, %.1f, %.1f us, p99 %.0f, %.0f, %.0f us; the writer's "
	    "own calls p50 %.1f, %.1f, %.1f us", readers, kind,
	    stats_percentile(&res[0].last, 99), stats_percentile(&res[1].last, 99),
	    stats_percentile(&res[2].last, 99), stats_percentile(&res[0].all, 50),
	    stats_percentile(&res[1].all, 50), stats_percentile(&res[2].all, 50),
	    stats_percentile(&res[0].all, 99), stats_percentile(&res[1].all, 99),
	    stats_percentile(&res[2].all, 99), stats_percentile(&res[0].writer, 50),
	    stats_percentile(&res[1].writer, 50), stats_percentile(&res[2].writer, 50));
}

/* One class size and kind of stroke, all three ways. */
static void
lecture_class(struct lecture_ctl **ctl, const char *dir, int readers, bool whole, int strokes)
{
	static struct lecture_way_run runs[LECTURE_WAYS];
	struct lecture_result res[LECTURE_WAYS];
	int w, ok;

	bench_progress("lecture: %d readers, %s", readers, whole ? "whole board" : "one cell");
	for (w = 0; w < LECTURE_WAYS; w++) {
		memset(&runs[w], 0, sizeof runs[w]);
		runs[w].way = (enum lecture_way)w;
		runs[w].readers = readers;
		runs[w].strokes = strokes;
		runs[w].whole = whole;
		runs[w].ctl = ctl[w];
		stats_init(&res[w].all);
		stats_init(&res[w].last);
		stats_init(&res[w].writer);
	}
	ok = lecture_start(runs, dir) == 0 && lecture_strokes(runs, res) == 0;
	for (w = 0; w < LECTURE_WAYS; w++) {
		lectio_teardown(&runs[w]);
		if (ok)
			lecture_collect(&runs[w], &res[w]);
	}
	if (ok)
		lecture_report(readers, whole, res);
	else
		bench_note("#6: the broadcast to %d readers (%s) failed", readers,
		    whole ? "whole board" : "one cell");
	for (w = 0; w < LECTURE_WAYS; w++) {
		stats_free(&res[w].all);
		stats_free(&res[w].last);
		stats_free(&res[w].writer);
	}
}

/* Measurement 6. */
void
lecture_run(const struct bench_config *cfg)
{
	struct lecture_ctl *ctl[LECTURE_WAYS];
	char dir[2048];
	const char *tmp = getenv("TMPDIR");
	int strokes = cfg->quick ? LECTURE_STROKES / 5 : LECTURE_STROKES, w, c, whole;

	for (w = 0; w < LECTURE_WAYS; w++)
		ctl[w] = mmap(NULL, sizeof *ctl[w], PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	snprintf(dir, sizeof dir, "%s/pizarra-bench.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (ctl[0] == MAP_FAILED || ctl[1] == MAP_FAILED || ctl[2] == MAP_FAILED ||
	    mkdtemp(dir) == NULL) {
		bench_row("6 lecture", "n/a", "n/a", "-", "-", BENCH_FAIL);
		for (w = 0; w < LECTURE_WAYS; w++)
			if (ctl[w] != MAP_FAILED)
				munmap(ctl[w], sizeof *ctl[w]);
		return;
	}
	cleanup_add_path(dir, true);
	for (whole = 0; whole < 2; whole++)
		for (c = 0; c < (int)(sizeof lecture_classes / sizeof lecture_classes[0]); c++)
			lecture_class(ctl, dir, lecture_classes[c], whole, strokes);
	rmdir(dir);
	bench_note("#6: 1 writer, %d strokes per way, class size and kind of stroke, the three "
	    "ways interleaved stroke by stroke, 1 ms apart; a stroke is one cell of a 200x60 "
	    "board or all 12,000 (96 kB of cell words); %s, %s, %s", strokes, lecture_names[0],
	    lecture_names[1], lecture_names[2]);
	for (w = 0; w < LECTURE_WAYS; w++)
		munmap(ctl[w], sizeof *ctl[w]);
}
