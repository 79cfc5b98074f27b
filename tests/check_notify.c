/*
 * check_notify.c - unit tests of the notify module (placeholder until written).
 */
#include <stdlib.h>

#include "checkutil.h"

START_TEST(test_placeholder)
{
	ck_assert(1);
}
END_TEST

/* The notify suite. */
static Suite *
notify_suite(void)
{
	Suite *s = suite_create("notify");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_placeholder);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(notify_suite());
}
