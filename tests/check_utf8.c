/*
 * check_utf8.c - unit tests of the utf8 module (placeholder until written).
 */
#include <stdlib.h>

#include "checkutil.h"

START_TEST(test_placeholder)
{
	ck_assert(1);
}
END_TEST

/* The utf8 suite. */
static Suite *
utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_placeholder);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(utf8_suite());
}
