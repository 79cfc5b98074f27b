/*
 * check_textscan.c - unit tests of the walk of a text as board lines
 * (textscan.h): fed a byte at a time or all at once a scan sees the same
 * shape, a character cut by the end of a piece is left over, and errors
 * name the line and the column and byte within it. (Text entering a board
 * as grapheme clusters, through put, load and a scan alike, is tested in
 * check_board.c.)
 */
#include <string.h>

#include "checkutil.h"
#include "textscan.h"

/* Fed a byte at a time or all at once, a scan sees the same shape. */
START_TEST(test_scan_pieces)
{
	const char *text = "ñandú\t€\r\n漢字 x\n\n\tend\r\n\n";
	struct textscan whole, piece;
	struct pzerr e;
	size_t used, step;

	textscan_init(&whole, 8);
	ck_assert_int_eq(textscan_feed(&whole, text, strlen(text), true, &used, &e), 0);
	ck_assert_uint_eq(used, strlen(text));
	ck_assert_uint_eq(whole.height, 4);
	ck_assert_uint_eq(whole.width, 11);
	ck_assert_uint_eq(whole.wide_line, 1);
	ck_assert_uint_eq(whole.wide_width, 9);
	for (step = 1; step <= 5; step++) {
		ck_assert_int_eq(tu_scan_in_pieces(&piece, text, strlen(text), step, 8, &e), 0);
		ck_assert_uint_eq(piece.height, whole.height);
		ck_assert_uint_eq(piece.width, whole.width);
		ck_assert_uint_eq(piece.wide_line, whole.wide_line);
		ck_assert_uint_eq(piece.wide_width, whole.wide_width);
	}
	/* a character cut by the end is left over, unless it is the end; and so
	 * is the cluster before it, which the cut character may continue */
	textscan_init(&piece, 100);
	ck_assert_int_eq(textscan_feed(&piece, "ab\xe6\xbc", 4, false, &used, &e), 0);
	ck_assert_uint_eq(used, 1);
	ck_assert_int_eq(textscan_feed(&piece, "\r", 1, false, &used, &e), 0);
	ck_assert_uint_eq(used, 0);
	textscan_init(&piece, 100);
	ck_assert_int_eq(textscan_feed(&piece, "ab\xe6\xbc", 4, true, &used, &e), -1);
	ck_assert_uint_eq(used, 2);
	ck_assert_str_eq(e.msg, "line 1, column 3: invalid UTF-8 (byte 0xe6, byte 3 of the line)");
}
END_TEST

/* Errors name the line and the column and byte within that line, not in the file. */
START_TEST(test_scan_errors_within_the_line)
{
	struct textscan sc;
	struct pzerr e;
	size_t used;

	textscan_init(&sc, 100);
	ck_assert_int_eq(textscan_feed(&sc, "first\nsecond\n\t漢\xff", 18, true, &used, &e), -1);
	ck_assert_str_eq(e.msg, "line 3, column 11: invalid UTF-8 (byte 0xff, byte 5 of the line)");
	ck_assert_uint_eq(used, 17);
	textscan_init(&sc, 100);
	ck_assert_int_eq(tu_scan_in_pieces(&sc, "ok\nab\x1b[2J", 10, 1, 100, &e), -1);
	ck_assert_str_eq(e.msg, "line 2, column 3: U+001B cannot be drawn on a board "
	    "(a control, zero-width or unassigned character)");
	ck_assert_uint_eq(sc.done, 5);
	/* the same messages from textscan_check */
	ck_assert_int_eq(textscan_check("x\ny\xc0\xafz", 6, 100, 100, &e), -1);
	ck_assert_str_eq(e.msg, "line 2, column 2: invalid UTF-8 (byte 0xc0, byte 2 of the line)");
}
END_TEST

/* The textscan suite. */
static Suite *
textscan_suite(void)
{
	Suite *s = suite_create("textscan");
	TCase *tc = tcase_create("walk");

	tcase_add_test(tc, test_scan_pieces);
	tcase_add_test(tc, test_scan_errors_within_the_line);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(textscan_suite());
}
