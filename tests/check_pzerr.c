/*
 * check_pzerr.c - unit tests of the pzerr module (pzerr.h): pzerr_set
 * returning -1 and storing the errno value and the printf-formatted
 * message; a NULL report being accepted; messages longer than
 * PZERR_MSG_MAX cut to a NUL-terminated prefix without writing past the
 * structure; a later pzerr_set replacing an earlier one; and pzerr_clear,
 * also with NULL.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "checkutil.h"
#include "pzerr.h"

/* A report with guard bytes on both sides, to catch writes outside it. */
struct guarded {
	unsigned char before[64];
	struct pzerr e;
	unsigned char after[64];
};

/* Fill the guards and the report with a pattern. */
static void
guard_init(struct guarded *g)
{
	memset(g, 0xA5, sizeof *g);
}

/* Assert the guards still hold the pattern. */
static void
guard_check(const struct guarded *g)
{
	size_t i;

	for (i = 0; i < sizeof g->before; i++)
		ck_assert_uint_eq(g->before[i], 0xA5);
	for (i = 0; i < sizeof g->after; i++)
		ck_assert_uint_eq(g->after[i], 0xA5);
}

/* pzerr_set returns -1 and stores err and the formatted message. */
START_TEST(test_set_stores)
{
	struct guarded g;

	guard_init(&g);
	ck_assert_int_eq(pzerr_set(&g.e, EEXIST, "key 0x%08x: %s; try %s %d", 0x70030002u,
	    "a segment exists", "ipcrm -m", 98307), -1);
	ck_assert_int_eq(g.e.err, EEXIST);
	ck_assert_str_eq(g.e.msg, "key 0x70030002: a segment exists; try ipcrm -m 98307");
	guard_check(&g);
}
END_TEST

/* A message without conversions is stored as given, and err 0 is stored as 0. */
START_TEST(test_set_plain_and_zero)
{
	struct pzerr e;

	memset(&e, 0x5A, sizeof e);
	ck_assert_int_eq(pzerr_set(&e, 0, "no errno here"), -1);
	ck_assert_int_eq(e.err, 0);
	ck_assert_str_eq(e.msg, "no errno here");
	ck_assert_int_eq(pzerr_set(&e, ENOENT, "%s", ""), -1);
	ck_assert_int_eq(e.err, ENOENT);
	ck_assert_str_eq(e.msg, "");
}
END_TEST

/* A later pzerr_set replaces the earlier error entirely. */
START_TEST(test_set_replaces)
{
	struct pzerr e;

	ck_assert_int_eq(pzerr_set(&e, EACCES, "a long first message about permissions"), -1);
	ck_assert_int_eq(pzerr_set(&e, EINVAL, "short"), -1);
	ck_assert_int_eq(e.err, EINVAL);
	ck_assert_str_eq(e.msg, "short");
}
END_TEST

/* A NULL report is accepted and the result is still -1. */
START_TEST(test_set_null)
{
	ck_assert_int_eq(pzerr_set(NULL, EEXIST, "ignored %s %d", "text", 7), -1);
	ck_assert_int_eq(pzerr_set(NULL, 0, "ignored"), -1);
}
END_TEST

/* A message far longer than the buffer is cut to PZERR_MSG_MAX - 1 bytes. */
START_TEST(test_set_long_truncated)
{
	char big[4 * PZERR_MSG_MAX];
	struct guarded g;
	size_t i;

	for (i = 0; i < sizeof big - 1; i++)
		big[i] = (char)('a' + i % 26);
	big[sizeof big - 1] = '\0';
	guard_init(&g);
	ck_assert_int_eq(pzerr_set(&g.e, E2BIG, "%s", big), -1);
	ck_assert_int_eq(g.e.err, E2BIG);
	ck_assert_uint_eq(strnlen(g.e.msg, sizeof g.e.msg), PZERR_MSG_MAX - 1);
	ck_assert_int_eq(memcmp(g.e.msg, big, PZERR_MSG_MAX - 1), 0);
	guard_check(&g);
}
END_TEST

/* Messages around the size limit: exactly fitting, one too long. */
START_TEST(test_set_boundary_lengths)
{
	char text[PZERR_MSG_MAX + 2];
	struct guarded g;
	size_t n;

	for (n = PZERR_MSG_MAX - 2; n <= PZERR_MSG_MAX + 1; n++) {
		memset(text, 'm', n);
		text[n] = '\0';
		guard_init(&g);
		pzerr_set(&g.e, EIO, "%s", text);
		ck_assert_uint_eq(strnlen(g.e.msg, sizeof g.e.msg), n < PZERR_MSG_MAX ? n : PZERR_MSG_MAX - 1);
		guard_check(&g);
	}
}
END_TEST

/* Long output built from several conversions is cut safely too. */
START_TEST(test_set_long_formatted)
{
	char part[151];
	struct guarded g;

	memset(part, 'p', sizeof part - 1);
	part[sizeof part - 1] = '\0';
	guard_init(&g);
	pzerr_set(&g.e, ENOSPC, "%s|%s|%d|%s|%s", part, part, 12345, part, part);
	ck_assert_uint_eq(strlen(g.e.msg), PZERR_MSG_MAX - 1);
	ck_assert_int_eq(g.e.msg[150], '|');
	ck_assert_int_eq(memcmp(&g.e.msg[301], "|12345|", 7), 0);
	ck_assert_int_eq(g.e.msg[458], '|');
	ck_assert_int_eq(g.e.msg[PZERR_MSG_MAX - 2], 'p');
	guard_check(&g);
}
END_TEST

/* pzerr_clear leaves "no error": err 0 and an empty message. */
START_TEST(test_clear)
{
	struct guarded g;

	guard_init(&g);
	pzerr_set(&g.e, EPERM, "not permitted");
	pzerr_clear(&g.e);
	ck_assert_int_eq(g.e.err, 0);
	ck_assert_str_eq(g.e.msg, "");
	guard_check(&g);

	memset(&g.e, 0x7E, sizeof g.e);
	pzerr_clear(&g.e);
	ck_assert_int_eq(g.e.err, 0);
	ck_assert_str_eq(g.e.msg, "");
	guard_check(&g);
}
END_TEST

/* pzerr_clear accepts NULL. */
START_TEST(test_clear_null)
{
	struct pzerr e;

	pzerr_clear(NULL);
	pzerr_set(&e, EBUSY, "busy");
	pzerr_clear(NULL);
	ck_assert_int_eq(e.err, EBUSY);
	ck_assert_str_eq(e.msg, "busy");
}
END_TEST

/* The pzerr suite. */
static Suite *
pzerr_suite(void)
{
	Suite *s = suite_create("pzerr");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_set_stores);
	tcase_add_test(tc, test_set_plain_and_zero);
	tcase_add_test(tc, test_set_replaces);
	tcase_add_test(tc, test_set_null);
	tcase_add_test(tc, test_set_long_truncated);
	tcase_add_test(tc, test_set_boundary_lengths);
	tcase_add_test(tc, test_set_long_formatted);
	tcase_add_test(tc, test_clear);
	tcase_add_test(tc, test_clear_null);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(pzerr_suite());
}
