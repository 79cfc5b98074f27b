/*
 * check_board.c - unit tests of the board module (placeholder until written).
 */
#include <stdlib.h>

#include "checkutil.h"

START_TEST(test_placeholder)
{
	ck_assert(1);
}
END_TEST

/* The board suite. */
static Suite *
board_suite(void)
{
	Suite *s = suite_create("board");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_placeholder);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(board_suite());
}
