/*
 * stats.c - the bench's clock (CLOCK_MONOTONIC in nanoseconds) and its
 * samples: a growing array of measurements and their percentiles
 * (linear interpolation between the two nearest ranks, as numpy does).
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "bench.h"

/* Nanoseconds on the monotonic clock. */
uint64_t
stats_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Sleep ns nanoseconds, resuming after signals. */
void
stats_sleep_ns(uint64_t ns)
{
	struct timespec ts = { .tv_sec = (time_t)(ns / 1000000000u),
	    .tv_nsec = (long)(ns % 1000000000u) };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* An empty set of samples. */
void
stats_init(struct samples *s)
{
	s->v = NULL;
	s->n = s->cap = 0;
}

/* Add one sample (dropped when memory runs out). */
void
stats_add(struct samples *s, double x)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 256;
		double *v = realloc(s->v, cap * sizeof *v);

		if (v == NULL)
			return;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = x;
}

/* Order two doubles for qsort. */
static int
stats_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The p-th percentile (0..100); NAN when there are no samples. Sorts s. */
double
stats_percentile(struct samples *s, double p)
{
	double rank, frac;
	size_t lo;

	if (s->n == 0)
		return NAN;
	qsort(s->v, s->n, sizeof *s->v, stats_cmp);
	rank = p / 100.0 * (double)(s->n - 1);
	lo = (size_t)rank;
	if (lo + 1 >= s->n)
		return s->v[s->n - 1];
	frac = rank - (double)lo;
	return s->v[lo] + (s->v[lo + 1] - s->v[lo]) * frac;
}

/* Free the samples. */
void
stats_free(struct samples *s)
{
	free(s->v);
	stats_init(s);
}
