/*
 * check_pzerr.c - unit tests of the pzerr module (placeholder until written).
 */
#include <stdlib.h>

#include "checkutil.h"

START_TEST(test_placeholder)
{
	ck_assert(1);
}
END_TEST

/* The pzerr suite. */
static Suite *
pzerr_suite(void)
{
	Suite *s = suite_create("pzerr");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_placeholder);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(pzerr_suite());
}
