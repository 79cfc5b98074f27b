/*
 * check_pace.c - unit tests of src/pace.c, when the interactive board's
 * loop wakes: a change brings the fast pace (the next tick within
 * PACE_TICK_MS), a tick schedules the next from when it ran, and
 * PACE_QUIET_MS without a change slows the ticks to PACE_IDLE_MS.
 */
#include <string.h>

#include "checkutil.h"
#include "pace.h"

/* A pace whose last change was at t (ms). */
static struct pace
pace_at(uint64_t t)
{
	struct pace p;

	memset(&p, 0, sizeof p);
	p.next_tick = UINT64_MAX;
	pace_change(&p, t);
	return p;
}

START_TEST(test_change_brings_the_fast_pace)
{
	struct pace p = pace_at(1000);

	ck_assert_uint_eq(p.next_tick, 1000 + PACE_TICK_MS);
	ck_assert(!pace_tick_due(&p, 1000 + PACE_TICK_MS - 1));
	ck_assert(pace_tick_due(&p, 1000 + PACE_TICK_MS));
}
END_TEST

/* A tick schedules the next one PACE_TICK_MS after it ran, late or not. */
START_TEST(test_tick_schedules_from_now)
{
	struct pace p = pace_at(1000);
	uint64_t due = p.next_tick;

	pace_tick(&p, due);
	ck_assert_uint_eq(p.next_tick, due + PACE_TICK_MS);
	due = p.next_tick;
	pace_tick(&p, due + 40);
	ck_assert_uint_eq(p.next_tick, due + 40 + PACE_TICK_MS);
	/* a change meanwhile brings the next tick no later than PACE_TICK_MS away */
	pace_change(&p, p.next_tick - 10);
	ck_assert_uint_eq(p.next_tick, due + 40 + PACE_TICK_MS);
}
END_TEST

START_TEST(test_quiet_slows_the_ticks)
{
	struct pace p = pace_at(1000);
	uint64_t later = 1000 + PACE_QUIET_MS;

	ck_assert(!pace_idle(&p, later - 1));
	ck_assert(pace_idle(&p, later));
	ck_assert_uint_eq(pace_period(&p, later - 1), PACE_TICK_MS);
	ck_assert_uint_eq(pace_period(&p, later), PACE_IDLE_MS);
	pace_tick(&p, later);
	ck_assert_uint_eq(p.next_tick, later + PACE_IDLE_MS);
}
END_TEST

static Suite *
pace_suite(void)
{
	Suite *s = suite_create("pace");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_change_brings_the_fast_pace);
	tcase_add_test(tc, test_tick_schedules_from_now);
	tcase_add_test(tc, test_quiet_slows_the_ticks);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(pace_suite());
}
