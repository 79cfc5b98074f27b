/*
 * check_cli.c - unit tests of the command line's shared parsers and
 * wording (src/cli.c, which the UI's prompts use too): numbers that never
 * wrap (digits only, CLI_NUM_BAD for signs, spaces and the empty string,
 * CLI_NUM_RANGE however many digits), permission modes (owner rw kept, no
 * class given write without read), USER[:GROUP] with the largest id one
 * less than (uid_t)-1, and what a chmod says about the processes attached.
 */
#include <string.h>

#include "checkutil.h"
#include "cli.h"

START_TEST(test_numbers)
{
	uint64_t v = 7;

	ck_assert_int_eq(cli_parse_number("0", false, 0, 10, &v), CLI_NUM_OK);
	ck_assert_uint_eq(v, 0);
	ck_assert_int_eq(cli_parse_number("0010", false, 0, 10, &v), CLI_NUM_OK);
	ck_assert_uint_eq(v, 10);
	ck_assert_int_eq(cli_parse_number("11", false, 0, 10, &v), CLI_NUM_RANGE);
	ck_assert_int_eq(cli_parse_number("4", false, 5, 10, &v), CLI_NUM_RANGE);
	ck_assert_int_eq(cli_parse_number("0xff", true, 0, 255, &v), CLI_NUM_OK);
	ck_assert_uint_eq(v, 255);
	ck_assert_int_eq(cli_parse_number("0XfF", true, 0, 255, &v), CLI_NUM_OK);
	ck_assert_int_eq(cli_parse_number("0xff", false, 0, 255, &v), CLI_NUM_BAD);
	/* no wrapping, however long */
	ck_assert_int_eq(cli_parse_number("18446744073709551616", false, 0, UINT64_MAX, &v),
	    CLI_NUM_RANGE);
	ck_assert_int_eq(cli_parse_number("18446744073709551615", false, 0, UINT64_MAX, &v),
	    CLI_NUM_OK);
	ck_assert_uint_eq(v, UINT64_MAX);
	ck_assert_int_eq(cli_parse_number("0x10000000000000000", true, 0, UINT64_MAX, &v),
	    CLI_NUM_RANGE);
	ck_assert_int_eq(cli_parse_number("99999999999999999999999999x", false, 0, 9, &v),
	    CLI_NUM_BAD);
	/* no sign, no space, never empty */
	v = 7;
	ck_assert_int_eq(cli_parse_number("", false, 0, 9, &v), CLI_NUM_BAD);
	ck_assert_int_eq(cli_parse_number("0x", true, 0, 9, &v), CLI_NUM_BAD);
	ck_assert_int_eq(cli_parse_number("-1", false, 0, 9, &v), CLI_NUM_BAD);
	ck_assert_int_eq(cli_parse_number("+1", false, 0, 9, &v), CLI_NUM_BAD);
	ck_assert_int_eq(cli_parse_number(" 1", false, 0, 9, &v), CLI_NUM_BAD);
	ck_assert_int_eq(cli_parse_number("1 ", false, 0, 9, &v), CLI_NUM_BAD);
	ck_assert_int_eq(cli_parse_number("0x-1", true, 0, 9, &v), CLI_NUM_BAD);
	ck_assert_uint_eq(v, 7);
}
END_TEST

START_TEST(test_modes)
{
	const char *why = NULL;
	mode_t m = 0;

	ck_assert_int_eq(cli_parse_mode("0600", &m, &why), 0);
	ck_assert_uint_eq(m, 0600);
	ck_assert_int_eq(cli_parse_mode("644", &m, &why), 0);
	ck_assert_uint_eq(m, 0644);
	ck_assert_int_eq(cli_parse_mode("0666", &m, &why), 0);
	ck_assert_int_eq(cli_parse_mode("0640", &m, &why), 0);
	ck_assert_int_eq(cli_parse_mode("0604", &m, &why), 0);
	ck_assert_int_eq(cli_parse_mode("0700", &m, &why), 0);
	ck_assert_int_eq(cli_parse_mode("0620", &m, &why), -1);
	ck_assert_ptr_nonnull(strstr(why, "gives the group write without read"));
	ck_assert_int_eq(cli_parse_mode("0622", &m, &why), -1);
	ck_assert_ptr_nonnull(strstr(why, "group"));
	ck_assert_int_eq(cli_parse_mode("0602", &m, &why), -1);
	ck_assert_ptr_nonnull(strstr(why, "gives others write without read"));
	ck_assert_int_eq(cli_parse_mode("0642", &m, &why), -1);
	ck_assert_int_eq(cli_parse_mode("0400", &m, &why), -1);
	ck_assert_ptr_nonnull(strstr(why, "lock out"));
	ck_assert_int_eq(cli_parse_mode("01600", &m, &why), -1);
	ck_assert_ptr_nonnull(strstr(why, "beyond 0777"));
	ck_assert_int_eq(cli_parse_mode("0777777777777777777777777", &m, &why), -1);
	ck_assert_ptr_nonnull(strstr(why, "beyond 0777"));
	ck_assert_int_eq(cli_parse_mode("", &m, &why), -1);
	ck_assert_int_eq(cli_parse_mode("-600", &m, &why), -1);
	ck_assert_int_eq(cli_parse_mode("0608", &m, &why), -1);
	ck_assert_ptr_nonnull(strstr(why, "not an octal mode"));
}
END_TEST

START_TEST(test_owners)
{
	char why[256];
	uid_t uid;
	gid_t gid;

	ck_assert_int_eq(cli_parse_owner("0", &uid, &gid, why, sizeof why), 0);
	ck_assert_uint_eq(uid, 0);
	ck_assert_uint_eq(gid, (gid_t)-1);
	ck_assert_int_eq(cli_parse_owner("root:0", &uid, &gid, why, sizeof why), 0);
	ck_assert_uint_eq(gid, 0);
	ck_assert_int_eq(cli_parse_owner(":4242", &uid, &gid, why, sizeof why), 0);
	ck_assert_uint_eq(uid, (uid_t)-1);
	ck_assert_uint_eq(gid, 4242);
	ck_assert_int_eq(cli_parse_owner("4294967294", &uid, &gid, why, sizeof why), 0);
	ck_assert_uint_eq(uid, 4294967294u);
	/* 4294967296 used to be uid 0 (strtoul cast to uid_t); 4294967295 is "no change" */
	ck_assert_int_eq(cli_parse_owner("4294967296", &uid, &gid, why, sizeof why), -1);
	ck_assert_str_eq(why, "USER '4294967296' is out of range (user ids are 0-4294967294)");
	ck_assert_int_eq(cli_parse_owner("4294967295", &uid, &gid, why, sizeof why), -1);
	ck_assert_int_eq(cli_parse_owner("0:18446744073709551616", &uid, &gid, why, sizeof why), -1);
	ck_assert_str_eq(why, "GROUP '18446744073709551616' is out of range (group ids are "
	    "0-4294967294)");
	ck_assert_int_eq(cli_parse_owner("-1", &uid, &gid, why, sizeof why), -1);
	ck_assert_str_eq(why, "USER '-1' is not a known user nor a number (0-4294967294)");
	ck_assert_int_eq(cli_parse_owner(" 0", &uid, &gid, why, sizeof why), -1);
	ck_assert_int_eq(cli_parse_owner(":", &uid, &gid, why, sizeof why), -1);
	ck_assert_str_eq(why, "':' names neither a USER nor a GROUP");
	ck_assert_int_eq(cli_parse_owner("a\033b", &uid, &gid, why, sizeof why), -1);
	ck_assert_str_eq(why, "USER 'a\\eb' is not a known user nor a number (0-4294967294)");
}
END_TEST

START_TEST(test_chmod_note)
{
	char buf[128];

	ck_assert_str_eq(cli_chmod_note(0666, 0600, 3, buf, sizeof buf),
	    "3 processes are attached and keep their access until they detach");
	ck_assert_str_eq(cli_chmod_note(0644, 0600, 1, buf, sizeof buf),
	    "1 process is attached and keeps its access until it detaches");
	/* nothing taken away, or nobody attached: nothing to say */
	ck_assert_str_eq(cli_chmod_note(0600, 0666, 3, buf, sizeof buf), "");
	ck_assert_str_eq(cli_chmod_note(0666, 0600, 0, buf, sizeof buf), "");
	ck_assert_str_eq(cli_chmod_note(0660, 0606, 2, buf, sizeof buf),
	    "2 processes are attached and keep their access until they detach");
	ck_assert_str_eq(cli_chmod_note(01666, 0666, 2, buf, sizeof buf), "");
	ck_assert_str_eq(cli_chmod_note(0666, 0600, 3, buf, 10), "3 process");
}
END_TEST

/* The cli suite. */
static Suite *
cli_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("parsers");

	tcase_add_test(tc, test_numbers);
	tcase_add_test(tc, test_modes);
	tcase_add_test(tc, test_owners);
	tcase_add_test(tc, test_chmod_note);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(cli_suite());
}
