/*
 * check_restore.c - unit tests of the rule of undo and redo (restore.h),
 * through a history (history.h): the ABA case (someone writes the same
 * character back: the counter tells, the cell is kept), two authors
 * undoing in either order, redo after someone changed a cell, wide
 * characters never left without their other half (whichever half someone
 * else changed). Moved from check_history.c when restore.c left history.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "cell.h"
#include "checkutil.h"
#include "history.h"

#define WIDE 0x4E2D   /* 中 */

START_TEST(test_aba_kept)
{
	struct segment s;
	struct history *h = history_new(HISTORY_DEFAULT_BYTES);
	struct history_result r;
	uint64_t mine;

	tu_private_board(&s, 20, 4);
	history_begin(h, HISTORY_DRAW);
	tu_draw(h, &s.board, 3, 0, 'a', 2);
	tu_draw(h, &s.board, 4, 0, 'a', 2);
	history_end(h);
	mine = board_get(&s.board, 3, 0);
	/* Someone writes another character, then exactly my character back. */
	tu_draw(NULL, &s.board, 3, 0, 'q', 5);
	tu_draw(NULL, &s.board, 3, 0, 'a', 2);
	ck_assert_uint_eq(cell_content(board_get(&s.board, 3, 0)), cell_content(mine));
	ck_assert_uint_ne(board_get(&s.board, 3, 0), mine);
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_uint_eq(r.restored, 1);
	ck_assert_uint_eq(r.kept, 1);
	ck_assert_uint_eq(tu_cp_at(&s.board, 3, 0), 'a');   /* their write stays */
	ck_assert_uint_eq(tu_cp_at(&s.board, 4, 0), 0);
	history_free(h);
}
END_TEST

/* B draws, A draws over it, and they undo in the order given. */
static void
two_authors(bool a_first)
{
	struct segment s;
	struct history *ha = history_new(HISTORY_DEFAULT_BYTES);
	struct history *hb = history_new(HISTORY_DEFAULT_BYTES);
	struct history_result r;
	uint64_t bword;

	tu_private_board(&s, 20, 4);
	history_begin(hb, HISTORY_DRAW);
	tu_draw(hb, &s.board, 2, 2, 'b', 3);
	tu_draw(hb, &s.board, 3, 2, 'b', 3);
	history_end(hb);
	bword = board_get(&s.board, 2, 2);
	history_begin(ha, HISTORY_DRAW);
	tu_draw(ha, &s.board, 2, 2, 'a', 2);
	tu_draw(ha, &s.board, 7, 2, 'a', 2);
	history_end(ha);
	if (a_first) {
		ck_assert_int_eq(history_undo(ha, &s.board, &r), 0);
		ck_assert_uint_eq(r.restored, 2);
		ck_assert_uint_eq(board_get(&s.board, 2, 2), bword);   /* B's word, author and counter */
		ck_assert_int_eq(history_undo(hb, &s.board, &r), 0);
		ck_assert_uint_eq(r.restored, 2);                      /* so B's undo still works */
		ck_assert_uint_eq(r.kept, 0);
		ck_assert_uint_eq(tu_cp_at(&s.board, 2, 2), 0);
	} else {
		ck_assert_int_eq(history_undo(hb, &s.board, &r), 0);
		ck_assert_uint_eq(r.restored, 1);
		ck_assert_uint_eq(r.kept, 1);                          /* A's drawing stays */
		ck_assert_uint_eq(tu_cp_at(&s.board, 2, 2), 'a');
		ck_assert_uint_eq(tu_cp_at(&s.board, 3, 2), 0);
		ck_assert_int_eq(history_undo(ha, &s.board, &r), 0);
		ck_assert_uint_eq(r.restored, 2);
		ck_assert_uint_eq(board_get(&s.board, 2, 2), bword);   /* back to what was under A's */
	}
	ck_assert_uint_eq(tu_cp_at(&s.board, 7, 2), 0);
	history_free(ha);
	history_free(hb);
}

START_TEST(test_two_authors_a_first)
{
	two_authors(true);
}
END_TEST

START_TEST(test_two_authors_b_first)
{
	two_authors(false);
}
END_TEST

START_TEST(test_redo_after_change)
{
	struct segment s;
	struct history *h = history_new(HISTORY_DEFAULT_BYTES);
	struct history_result r;

	tu_private_board(&s, 20, 4);
	history_begin(h, HISTORY_DRAW);
	tu_draw(h, &s.board, 1, 3, 'a', 2);
	tu_draw(h, &s.board, 2, 3, 'a', 2);
	history_end(h);
	/* Someone changes one cell: the undo keeps it, the redo has one cell. */
	tu_draw(NULL, &s.board, 2, 3, 'z', 4);
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_uint_eq(r.restored, 1);
	ck_assert_uint_eq(r.kept, 1);
	/* Someone draws where the undo emptied: the redo keeps that too. */
	tu_draw(NULL, &s.board, 1, 3, 'y', 4);
	ck_assert_int_eq(history_redo(h, &s.board, &r), 0);
	ck_assert_uint_eq(r.restored, 0);
	ck_assert_uint_eq(r.kept, 1);
	ck_assert_uint_eq(tu_cp_at(&s.board, 1, 3), 'y');
	ck_assert_uint_eq(tu_cp_at(&s.board, 2, 3), 'z');
	ck_assert_uint_eq(history_redos(h) + history_undos(h), 0);   /* nothing left to do */
	history_free(h);
}
END_TEST

START_TEST(test_wide_whole)
{
	struct segment s;
	struct history *h = history_new(HISTORY_DEFAULT_BYTES);
	struct history_result r;

	tu_private_board(&s, 20, 4);
	/* A stroke across a wide character (drawn by someone else), nobody interferes. */
	tu_draw(NULL, &s.board, 4, 0, WIDE, 3);
	history_begin(h, HISTORY_DRAW);
	tu_draw(h, &s.board, 5, 0, 'a', 2);   /* cuts the wide character: both halves change */
	history_end(h);
	ck_assert_uint_eq(tu_cp_at(&s.board, 4, 0), 0);
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_uint_eq(r.restored, 2);
	ck_assert_uint_eq(tu_cp_at(&s.board, 4, 0), WIDE);
	ck_assert_uint_eq(tu_cp_at(&s.board, 5, 0), CELL_CONT);
	tu_assert_whole(&s.board, 0);

	/* The same, then someone writes the emptied left half: no lone CONT comes back. */
	tu_draw(NULL, &s.board, 4, 1, WIDE, 3);
	history_begin(h, HISTORY_DRAW);
	tu_draw(h, &s.board, 5, 1, 'a', 2);
	history_end(h);
	tu_draw(NULL, &s.board, 4, 1, 'b', 3);
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_uint_eq(r.restored, 0);
	ck_assert_uint_eq(r.kept, 2);
	ck_assert_uint_eq(tu_cp_at(&s.board, 4, 1), 'b');
	ck_assert_uint_eq(tu_cp_at(&s.board, 5, 1), 'a');
	tu_assert_whole(&s.board, 1);

	/* Drawn over the left half; someone writes the emptied right half: no lone wide one. */
	tu_draw(NULL, &s.board, 4, 2, WIDE, 3);
	history_begin(h, HISTORY_DRAW);
	tu_draw(h, &s.board, 4, 2, 'x', 2);
	history_end(h);
	tu_draw(NULL, &s.board, 5, 2, 'y', 3);
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_uint_eq(r.kept, 2);
	ck_assert_uint_eq(tu_cp_at(&s.board, 4, 2), 'x');
	ck_assert_uint_eq(tu_cp_at(&s.board, 5, 2), 'y');
	tu_assert_whole(&s.board, 2);

	/* My wide character over two letters; a raw write changes its right half only. */
	tu_draw(NULL, &s.board, 4, 3, 'p', 3);
	tu_draw(NULL, &s.board, 5, 3, 'q', 3);
	history_begin(h, HISTORY_DRAW);
	tu_draw(h, &s.board, 4, 3, WIDE, 2);
	history_end(h);
	ck_assert_int_eq(board_write(&s.board, 5, 3, cell_make('z', 1, 9), NULL, NULL), 0);
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_uint_eq(r.restored, 1);
	ck_assert_uint_eq(r.kept, 1);
	ck_assert_uint_eq(tu_cp_at(&s.board, 4, 3), 'p');
	ck_assert_uint_eq(tu_cp_at(&s.board, 5, 3), 'z');
	tu_assert_whole(&s.board, 3);
	/* And a stroke of wide characters taken back and done again whole. */
	history_begin(h, HISTORY_TYPING);
	tu_draw(h, &s.board, 10, 3, WIDE, 2);
	tu_draw(h, &s.board, 12, 3, WIDE, 2);
	tu_draw(h, &s.board, 11, 3, WIDE, 2);   /* cuts both, makes one in the middle */
	history_end(h);
	tu_assert_whole(&s.board, 3);
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_uint_eq(r.restored, 4);
	ck_assert_uint_eq(tu_cp_at(&s.board, 11, 3), 0);
	ck_assert_int_eq(history_redo(h, &s.board, &r), 0);
	ck_assert_uint_eq(tu_cp_at(&s.board, 11, 3), WIDE);
	tu_assert_whole(&s.board, 3);
	history_free(h);
}
END_TEST

static Suite *
restore_suite(void)
{
	Suite *s = suite_create("restore");
	TCase *tc = tcase_create("rule");

	tcase_add_test(tc, test_aba_kept);
	tcase_add_test(tc, test_two_authors_a_first);
	tcase_add_test(tc, test_two_authors_b_first);
	tcase_add_test(tc, test_redo_after_change);
	tcase_add_test(tc, test_wide_whole);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(restore_suite());
}
