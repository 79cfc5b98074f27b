/*
 * check_sidebarline.c - unit tests of src/sidebarline.c, a client's line in
 * the sidebar: "you" stays apart from a terminal name of 7 characters
 * (pts/105, the bug seen in the UI tests), a short name and none ("-"), a
 * name longer than the column is cut, and the others' lines have no "you".
 */
#include <stdio.h>
#include <string.h>

#include "checkutil.h"
#include "sidebarline.h"

static struct client_info
sidebarline_of(const char *tty)
{
	struct client_info c;

	memset(&c, 0, sizeof c);
	c.pid = 4242;
	c.uid = 0;
	snprintf(c.tty, sizeof c.tty, "%s", tty);
	return c;
}

/* A 7-character terminal name and "you" keep a space between them. */
START_TEST(test_long_tty_then_you)
{
	struct client_info c = sidebarline_of("pts/105");
	char line[160];

	sidebarline_client(line, sizeof line, &c, true);
	ck_assert_msg(strstr(line, "pts/105 you") != NULL, "got \"%s\"", line);
	ck_assert_ptr_null(strstr(line, "pts/105you"));
	ck_assert_int_eq(strncmp(line, "4242    ", 8), 0);
}
END_TEST

/* Short names, none, a long one cut, and nobody else's line says "you". */
START_TEST(test_short_none_long_others)
{
	struct client_info c = sidebarline_of("pts/3");
	char line[160];

	sidebarline_client(line, sizeof line, &c, true);
	ck_assert_msg(strstr(line, " pts/3 you") != NULL, "got \"%s\"", line);
	c = sidebarline_of("");
	sidebarline_client(line, sizeof line, &c, false);
	ck_assert_msg(line[strlen(line) - 1] == '-', "got \"%s\"", line);
	ck_assert_ptr_null(strstr(line, "you"));
	c = sidebarline_of("pts/1234567");
	sidebarline_client(line, sizeof line, &c, true);
	ck_assert_msg(strstr(line, " pts/123 you") != NULL, "got \"%s\"", line);
	ck_assert_uint_le(strlen(line), 29);
	sidebarline_client(line, 10, &c, true);
	ck_assert_uint_eq(strlen(line), 9);
}
END_TEST

static Suite *
sidebarline_suite(void)
{
	Suite *s = suite_create("sidebarline");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_long_tty_then_you);
	tcase_add_test(tc, test_short_none_long_others);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(sidebarline_suite());
}
