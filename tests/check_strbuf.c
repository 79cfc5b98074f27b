/*
 * check_strbuf.c - unit tests of the strbuf module (placeholder until written).
 */
#include <stdlib.h>

#include "checkutil.h"

START_TEST(test_placeholder)
{
	ck_assert(1);
}
END_TEST

/* The strbuf suite. */
static Suite *
strbuf_suite(void)
{
	Suite *s = suite_create("strbuf");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_placeholder);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(strbuf_suite());
}
