/*
 * check_shminfo.c - unit tests of the shminfo module (placeholder until written).
 */
#include <stdlib.h>

#include "checkutil.h"

START_TEST(test_placeholder)
{
	ck_assert(1);
}
END_TEST

/* The shminfo suite. */
static Suite *
shminfo_suite(void)
{
	Suite *s = suite_create("shminfo");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_placeholder);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(shminfo_suite());
}
