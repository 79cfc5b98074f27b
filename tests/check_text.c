/*
 * check_text.c - unit tests of text written onto a board (text.h): put
 * and load that validate first and change nothing on error (the line and
 * column named), a load and dump round trip with UTF-8, put leaving the
 * generation alone (the caller notifies), text entering as grapheme
 * clusters in put, load and a scan alike, and place's block clipped to the
 * board and counted. Moved from check_board.c when text.c left board.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "cell.h"
#include "checkutil.h"
#include "dump.h"
#include "notify.h"
#include "text.h"
#include "textscan.h"
#include "utf8.h"

START_TEST(test_put_and_notify)
{
	const char *text = "ñandú\n┌─┐ €";
	struct segment s;
	struct pzerr e;
	char *out;

	tu_private_board(&s, 20, 5);
	ck_assert_int_eq(text_put(&s.board, 2, 1, text, strlen(text), 3, 5, &e), 0);
	ck_assert_uint_eq(notify_generation(&s.board), 0);
	notify_bump(&s.board);
	ck_assert_uint_eq(notify_generation(&s.board), 1);
	ck_assert_uint_eq(cell_cp(board_get(&s.board, 2, 1)), 0xF1);
	ck_assert_uint_eq(cell_colour(board_get(&s.board, 2, 1)), 3);
	ck_assert_uint_eq(cell_author(board_get(&s.board, 2, 1)), 5);
	ck_assert_uint_eq(cell_cp(board_get(&s.board, 2, 2)), 0x250C);
	out = tu_dump_of(&s.board, false);
	ck_assert_str_eq(out, "\n  ñandú\n  ┌─┐ €\n");
	free(out);
}
END_TEST

START_TEST(test_put_refuses_without_writing)
{
	struct segment s;
	struct pzerr e;
	uint64_t *before;

	tu_private_board(&s, 20, 5);
	ck_assert_int_eq(text_put(&s.board, 0, 0, "keep", 4, 0, 0, &e), 0);
	before = tu_snapshot(&s.board);
	ck_assert_int_eq(text_put(&s.board, 15, 0, "123456", 6, 0, 0, &e), -1);
	ck_assert_int_eq(e.err, EFBIG);
	ck_assert_ptr_nonnull(strstr(e.msg, "it needs columns 15-20, but the board's columns are 0-19"));
	ck_assert_int_eq(text_put(&s.board, 18, 0, "漢", 3, 0, 0, &e), 0);
	ck_assert_int_eq(text_put(&s.board, 19, 1, "漢", 3, 0, 0, &e), -1);
	free(before);
	before = tu_snapshot(&s.board);
	ck_assert_int_eq(text_put(&s.board, 0, 3, "a\nb\nc", 5, 0, 0, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "the text has 3 lines: from row 3 it needs rows 3-5"));

	ck_assert_int_eq(text_put(&s.board, 0, 0, "ok\033[2J", 7, 0, 0, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "U+001B"));
	ck_assert_int_eq(text_put(&s.board, 0, 0, "ok\xff", 3, 0, 0, &e), -1);
	ck_assert_int_eq(e.err, EILSEQ);
	ck_assert_int_eq(text_put(&s.board, 20, 0, "x", 1, 0, 0, &e), -1);
	ck_assert_int_eq(e.err, ERANGE);
	ck_assert_int_eq(text_put(&s.board, 0, 5, "x", 1, 0, 0, &e), -1);
	ck_assert(tu_same_cells(&s.board, before));
	free(before);
	ck_assert_msg(text_put(&s.board, 0, 3, "a\nb\n\n\n", 6, 0, 0, &e) == 0, "%s", e.msg);
	ck_assert_msg(text_put(&s.board, 0, 3, "a\tb\t\t", 5, 0, 0, &e) == 0, "%s", e.msg);
}
END_TEST

START_TEST(test_load_dump_round_trip)
{
	const char *text =
	    "pizarra ñandú €\n"
	    "┌──────┐\n"
	    "│ 漢字 │\n"
	    "└──────┘\n"
	    "\n"
	    "áéíóú ÁÉÍÓÚ ¿¡\n";
	struct segment s;
	struct pzerr e;
	char *out;

	tu_private_board(&s, 30, 8);
	ck_assert_int_eq(text_load(&s.board, text, strlen(text), &e), 0);
	out = tu_dump_of(&s.board, false);
	ck_assert_str_eq(out, text);
	free(out);
	ck_assert_int_eq(text_load(&s.board, "a\tb\r\nc", 6, &e), 0);
	out = tu_dump_of(&s.board, false);
	ck_assert_str_eq(out, "a       b\nc\n");
	free(out);
	ck_assert_int_eq(text_load(&s.board, "", 0, &e), 0);
	out = tu_dump_of(&s.board, false);
	ck_assert_str_eq(out, "");
	free(out);
}
END_TEST

START_TEST(test_load_refuses_without_writing)
{
	struct segment s;
	struct pzerr e;
	uint64_t *before;
	char wide[40];

	tu_private_board(&s, 20, 4);
	ck_assert_int_eq(text_load(&s.board, "keep me", 7, &e), 0);
	before = tu_snapshot(&s.board);
	memset(wide, 'w', 21);
	ck_assert_int_eq(text_load(&s.board, wide, 21, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "line 1 is 21 columns wide, the board has 20 columns"));
	ck_assert_int_eq(text_load(&s.board, "1\n2\n3\n4\n5", 9, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "the text has 5 lines, the board has 4 rows"));
	ck_assert_int_eq(text_load(&s.board, "ok\nb\x07", 5, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "line 2, column 2"));
	ck_assert_int_eq(text_load(&s.board, "ok\n\xc3\x28", 5, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "invalid UTF-8"));
	ck_assert_int_eq(text_load(&s.board, "\xed\xa0\x80", 3, &e), -1);
	/* e + U+20DD (combining enclosing circle) has no precomposed form */
	ck_assert_int_eq(text_load(&s.board, "e\xe2\x83\x9d", 4, &e), -1);
	ck_assert_str_eq(e.msg, "line 1, column 1: U+0065 U+20DD is 2 code points that cannot "
	    "share a cell: a character and marks that have no precomposed form (NFC)");
	ck_assert(tu_same_cells(&s.board, before));
	ck_assert_int_eq(textscan_check("1\n2\n3\n4", 7, 20, 4, &e), 0);
	free(before);
}
END_TEST

/*
 * Text enters as grapheme clusters, one cell each: what composes (NFC) is
 * one cell, variation selectors are dropped, and what cannot be one cell
 * is refused with the reason, in put, load, check_text and a scan in
 * pieces alike (a cluster cut between two pieces included).
 */
START_TEST(test_graphemes)
{
	/* é as e + U+0301, ❤ U+FE0F, 가 as two jamo, 😀 */
	const char *text = "e\xcc\x81|\xe2\x9d\xa4\xef\xb8\x8f|\xe1\x84\x80\xe1\x85\xa1|"
	    "\xf0\x9f\x98\x80\n";
	const char *zwj = "ok\n  \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb";
	struct textscan sc;
	struct segment s;
	struct pzerr e;
	size_t step;
	uint64_t *before;
	char *out;

	tu_private_board(&s, 20, 4);
	ck_assert_int_eq(text_load(&s.board, text, strlen(text), &e), 0);
	ck_assert_uint_eq(cell_cp(board_get(&s.board, 0, 0)), 0xE9);
	ck_assert_uint_eq(cell_cp(board_get(&s.board, 1, 0)), '|');
	ck_assert_uint_eq(cell_cp(board_get(&s.board, 2, 0)), 0x2764);
	ck_assert_uint_eq(cell_cp(board_get(&s.board, 3, 0)), '|');
	ck_assert_uint_eq(cell_cp(board_get(&s.board, 4, 0)), 0xAC00);
	ck_assert_uint_eq(cell_cp(board_get(&s.board, 5, 0)), CELL_CONT);
	ck_assert_uint_eq(cell_cp(board_get(&s.board, 6, 0)), '|');
	ck_assert_uint_eq(cell_cp(board_get(&s.board, 7, 0)), 0x1F600);
	out = tu_dump_of(&s.board, false);
	ck_assert_str_eq(out, "\xc3\xa9|\xe2\x9d\xa4|\xea\xb0\x80|\xf0\x9f\x98\x80\n");
	free(out);
	/* the shape counts cells: 9 columns, in one piece or in many */
	ck_assert_int_eq(textscan_check(text, strlen(text), 9, 1, &e), 0);
	ck_assert_int_eq(textscan_check(text, strlen(text), 8, 1, &e), -1);
	for (step = 1; step <= 7; step++) {
		ck_assert_int_eq(tu_scan_in_pieces(&sc, text, strlen(text), step, 100, &e), 0);
		ck_assert_uint_eq(sc.width, 9);
		ck_assert_uint_eq(sc.height, 1);
	}
	/* refused, the board unchanged, the position and the reason said */
	before = tu_snapshot(&s.board);
	ck_assert_int_eq(text_load(&s.board, zwj, strlen(zwj), &e), -1);
	ck_assert_str_eq(e.msg, "line 2, column 3: U+1F469 U+200D U+1F4BB is 3 code points that "
	    "cannot share a cell: an emoji ZWJ sequence; a cell holds one character, so write "
	    "its parts apart (without U+200D)");
	ck_assert_int_eq(text_put(&s.board, 1, 1, zwj, strlen(zwj), 3, 4, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "line 2, column 3: U+1F469 U+200D U+1F4BB is 3"));
	for (step = 1; step <= 5; step++) {
		ck_assert_int_eq(tu_scan_in_pieces(&sc, zwj, strlen(zwj), step, 100, &e), -1);
		ck_assert_ptr_nonnull(strstr(e.msg, "line 2, column 3: U+1F469 U+200D U+1F4BB is 3"));
	}
	ck_assert_int_eq(text_put(&s.board, 0, 2, "\xcc\x81", 2, 3, 4, &e), -1);
	ck_assert_str_eq(e.msg, "line 1, column 1: U+0301 cannot be drawn on a board (a "
	    "combining mark with no character before it)");
	ck_assert_int_eq(text_put(&s.board, 0, 2, "\xf0\x9f\x87\xaa\xf0\x9f\x87\xb8", 8, 3, 4,
	    &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "a flag (two regional indicators)"));
	ck_assert(tu_same_cells(&s.board, before));
	free(before);
	/* put takes the same clusters: e + U+0301 is one cell at 5,3 */
	ck_assert_int_eq(text_put(&s.board, 5, 3, "e\xcc\x81x", 4, 3, 4, &e), 0);
	ck_assert_uint_eq(cell_content(board_get(&s.board, 5, 3)), cell_make(0xE9, 3, 4));
	ck_assert_uint_eq(cell_content(board_get(&s.board, 6, 3)), cell_make('x', 3, 4));
}
END_TEST

/* text_place: a block at (col, row), clipped to the board and counted, checked first. */
START_TEST(test_place)
{
	struct text_placed out;
	struct segment s;
	struct board ro;
	struct pzerr e;
	uint64_t *before;
	const char *text = "ab\tc\rdefgh\r\n\xe6\xbc\xa2x\n";

	tu_private_board(&s, 16, 4);
	ck_assert_int_eq(text_place(&s.board, 12, 2, text, strlen(text), 5, 6, &out, &e), 0);
	/* line 1: a b at 12, 13; the tab to 12 + 8, off the board: c dropped */
	ck_assert_uint_eq(cell_content(board_get(&s.board, 12, 2)), cell_make('a', 5, 6));
	ck_assert_uint_eq(cell_cp(board_get(&s.board, 13, 2)), 'b');
	ck_assert_uint_eq(cell_cp(board_get(&s.board, 14, 2)), 0);
	/* line 2 (after a lone CR): defg, h dropped */
	ck_assert_uint_eq(cell_cp(board_get(&s.board, 15, 3)), 'g');
	/* line 3 is below the board: 漢 and x dropped */
	ck_assert_uint_eq(out.height, 3);
	ck_assert_uint_eq(out.cells, 6);
	ck_assert_uint_eq(out.dropped, 4);
	ck_assert_uint_eq(out.end_col, 12);
	ck_assert_uint_eq(out.end_row, 5);
	/* checked before anything is written, as put */
	before = tu_snapshot(&s.board);
	ck_assert_int_eq(text_place(&s.board, 0, 0, "okay\x07", 5, 0, 0, &out, &e), -1);
	ck_assert_str_eq(e.msg, "line 1, column 5: U+0007 cannot be drawn on a board (a control, "
	    "zero-width or unassigned character)");
	ck_assert_int_eq(text_place(&s.board, 16, 0, "x", 1, 0, 0, &out, &e), -1);
	ck_assert_int_eq(e.err, ERANGE);
	ro = s.board;
	ro.readonly = true;
	ck_assert_int_eq(text_place(&ro, 0, 0, "x", 1, 0, 0, &out, &e), -1);
	ck_assert_int_eq(e.err, EROFS);
	ck_assert(tu_same_cells(&s.board, before));
	free(before);
}
END_TEST

static Suite *
text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("writers");

	tcase_add_test(tc, test_put_and_notify);
	tcase_add_test(tc, test_put_refuses_without_writing);
	tcase_add_test(tc, test_load_dump_round_trip);
	tcase_add_test(tc, test_load_refuses_without_writing);
	tcase_add_test(tc, test_graphemes);
	tcase_add_test(tc, test_place);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(text_suite());
}
