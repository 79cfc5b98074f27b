/*
 * check_history.c - unit tests of per-author undo and redo (history.h):
 * a step taken back and done again, the ABA case (someone writes the same
 * character back: the counter tells, the cell is kept), two authors
 * undoing in either order, redo after someone changed a cell, a stroke
 * that passes a cell twice, wide characters never left without their
 * other half (whichever half someone else changed), the memory budget
 * (oldest steps forgotten, a step larger than the budget refused with
 * EFBIG), more than HISTORY_MIN_STEPS steps, reset, and a read-only board.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "cell.h"
#include "checkutil.h"
#include "history.h"

#define WIDE 0x4E2D   /* 中 */

/* Draw cp at (col, row) as author into h's open step (h may be NULL: someone else). */
static void
draw(struct history *h, const struct board *b, uint32_t col, uint32_t row, uint32_t cp,
     unsigned author)
{
	struct board_change log[BOARD_DRAW_CHANGES];
	size_t n;

	ck_assert_int_gt(board_draw_log(b, col, row, cp, 1, author, log, &n), 0);
	if (h != NULL)
		ck_assert_int_eq(history_add(h, log, n), 0);
}

static uint32_t
cp_at(const struct board *b, uint32_t col, uint32_t row)
{
	return cell_cp(board_get(b, col, row));
}

/* Every CELL_CONT of row has a wide character on its left, and every wide one its CONT. */
static void
assert_whole(const struct board *b, uint32_t row)
{
	uint32_t c;

	for (c = 0; c < b->cols; c++) {
		uint32_t cp = cp_at(b, c, row);

		if (cp == CELL_CONT)
			ck_assert_msg(c > 0 && cell_width(cp_at(b, c - 1, row)) == 2,
			    "lone CONT at %u", c);
		if (cell_width(cp) == 2)
			ck_assert_msg(c + 1 < b->cols && cp_at(b, c + 1, row) == CELL_CONT,
			    "wide character without its CONT at %u", c);
	}
}

START_TEST(test_undo_redo_stroke)
{
	struct segment s;
	struct history *h = history_new(HISTORY_DEFAULT_BYTES);
	struct history_result r;

	tu_private_board(&s, 20, 4);
	ck_assert_int_eq(history_undo(h, &s.board, &r), -1);
	ck_assert_int_eq(errno, ENOENT);
	history_begin(h, HISTORY_BOX);
	ck_assert(history_is_open(h, NULL));
	draw(h, &s.board, 1, 1, 'a', 2);
	draw(h, &s.board, 2, 1, 'b', 2);
	draw(h, &s.board, 1, 1, 'c', 2);   /* the same cell again: one change */
	history_end(h);
	ck_assert(!history_is_open(h, NULL));
	ck_assert_uint_eq(history_undos(h), 1);
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_int_eq(r.kind, HISTORY_BOX);
	ck_assert_uint_eq(r.restored, 2);
	ck_assert_uint_eq(r.kept, 0);
	ck_assert_uint_eq(board_get(&s.board, 1, 1), 0);   /* the very word before, counter 0 */
	ck_assert_uint_eq(board_get(&s.board, 2, 1), 0);
	ck_assert_uint_eq(history_redos(h), 1);
	ck_assert_int_eq(history_redo(h, &s.board, &r), 0);
	ck_assert_uint_eq(r.restored, 2);
	ck_assert_uint_eq(cp_at(&s.board, 1, 1), 'c');
	ck_assert_uint_eq(cp_at(&s.board, 2, 1), 'b');
	ck_assert_int_eq(history_redo(h, &s.board, &r), -1);
	ck_assert_int_eq(errno, ENOENT);
	/* Undo again, then a new step empties the redo list. */
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	history_begin(h, HISTORY_TYPING);
	ck_assert_uint_eq(history_redos(h), 1);   /* not before its first change */
	draw(h, &s.board, 5, 2, 'x', 2);
	ck_assert_uint_eq(history_redos(h), 0);
	/* An undo closes the open step and takes it back. */
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_int_eq(r.kind, HISTORY_TYPING);
	ck_assert_uint_eq(cp_at(&s.board, 5, 2), 0);
	/* A step without changes is not kept; changes without a step open one. */
	history_begin(h, HISTORY_FILL);
	history_end(h);
	ck_assert_uint_eq(history_undos(h), 0);
	draw(h, &s.board, 0, 0, 'z', 2);
	ck_assert(history_is_open(h, NULL));
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_int_eq(r.kind, HISTORY_DRAW);
	history_free(h);
	history_free(NULL);
}
END_TEST

START_TEST(test_aba_kept)
{
	struct segment s;
	struct history *h = history_new(HISTORY_DEFAULT_BYTES);
	struct history_result r;
	uint64_t mine;

	tu_private_board(&s, 20, 4);
	history_begin(h, HISTORY_DRAW);
	draw(h, &s.board, 3, 0, 'a', 2);
	draw(h, &s.board, 4, 0, 'a', 2);
	history_end(h);
	mine = board_get(&s.board, 3, 0);
	/* Someone writes another character, then exactly my character back. */
	draw(NULL, &s.board, 3, 0, 'q', 5);
	draw(NULL, &s.board, 3, 0, 'a', 2);
	ck_assert_uint_eq(cell_content(board_get(&s.board, 3, 0)), cell_content(mine));
	ck_assert_uint_ne(board_get(&s.board, 3, 0), mine);
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_uint_eq(r.restored, 1);
	ck_assert_uint_eq(r.kept, 1);
	ck_assert_uint_eq(cp_at(&s.board, 3, 0), 'a');   /* their write stays */
	ck_assert_uint_eq(cp_at(&s.board, 4, 0), 0);
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
	draw(hb, &s.board, 2, 2, 'b', 3);
	draw(hb, &s.board, 3, 2, 'b', 3);
	history_end(hb);
	bword = board_get(&s.board, 2, 2);
	history_begin(ha, HISTORY_DRAW);
	draw(ha, &s.board, 2, 2, 'a', 2);
	draw(ha, &s.board, 7, 2, 'a', 2);
	history_end(ha);
	if (a_first) {
		ck_assert_int_eq(history_undo(ha, &s.board, &r), 0);
		ck_assert_uint_eq(r.restored, 2);
		ck_assert_uint_eq(board_get(&s.board, 2, 2), bword);   /* B's word, author and counter */
		ck_assert_int_eq(history_undo(hb, &s.board, &r), 0);
		ck_assert_uint_eq(r.restored, 2);                      /* so B's undo still works */
		ck_assert_uint_eq(r.kept, 0);
		ck_assert_uint_eq(cp_at(&s.board, 2, 2), 0);
	} else {
		ck_assert_int_eq(history_undo(hb, &s.board, &r), 0);
		ck_assert_uint_eq(r.restored, 1);
		ck_assert_uint_eq(r.kept, 1);                          /* A's drawing stays */
		ck_assert_uint_eq(cp_at(&s.board, 2, 2), 'a');
		ck_assert_uint_eq(cp_at(&s.board, 3, 2), 0);
		ck_assert_int_eq(history_undo(ha, &s.board, &r), 0);
		ck_assert_uint_eq(r.restored, 2);
		ck_assert_uint_eq(board_get(&s.board, 2, 2), bword);   /* back to what was under A's */
	}
	ck_assert_uint_eq(cp_at(&s.board, 7, 2), 0);
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
	draw(h, &s.board, 1, 3, 'a', 2);
	draw(h, &s.board, 2, 3, 'a', 2);
	history_end(h);
	/* Someone changes one cell: the undo keeps it, the redo has one cell. */
	draw(NULL, &s.board, 2, 3, 'z', 4);
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_uint_eq(r.restored, 1);
	ck_assert_uint_eq(r.kept, 1);
	/* Someone draws where the undo emptied: the redo keeps that too. */
	draw(NULL, &s.board, 1, 3, 'y', 4);
	ck_assert_int_eq(history_redo(h, &s.board, &r), 0);
	ck_assert_uint_eq(r.restored, 0);
	ck_assert_uint_eq(r.kept, 1);
	ck_assert_uint_eq(cp_at(&s.board, 1, 3), 'y');
	ck_assert_uint_eq(cp_at(&s.board, 2, 3), 'z');
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
	draw(NULL, &s.board, 4, 0, WIDE, 3);
	history_begin(h, HISTORY_DRAW);
	draw(h, &s.board, 5, 0, 'a', 2);   /* cuts the wide character: both halves change */
	history_end(h);
	ck_assert_uint_eq(cp_at(&s.board, 4, 0), 0);
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_uint_eq(r.restored, 2);
	ck_assert_uint_eq(cp_at(&s.board, 4, 0), WIDE);
	ck_assert_uint_eq(cp_at(&s.board, 5, 0), CELL_CONT);
	assert_whole(&s.board, 0);

	/* The same, then someone writes the emptied left half: no lone CONT comes back. */
	draw(NULL, &s.board, 4, 1, WIDE, 3);
	history_begin(h, HISTORY_DRAW);
	draw(h, &s.board, 5, 1, 'a', 2);
	history_end(h);
	draw(NULL, &s.board, 4, 1, 'b', 3);
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_uint_eq(r.restored, 0);
	ck_assert_uint_eq(r.kept, 2);
	ck_assert_uint_eq(cp_at(&s.board, 4, 1), 'b');
	ck_assert_uint_eq(cp_at(&s.board, 5, 1), 'a');
	assert_whole(&s.board, 1);

	/* Drawn over the left half; someone writes the emptied right half: no lone wide one. */
	draw(NULL, &s.board, 4, 2, WIDE, 3);
	history_begin(h, HISTORY_DRAW);
	draw(h, &s.board, 4, 2, 'x', 2);
	history_end(h);
	draw(NULL, &s.board, 5, 2, 'y', 3);
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_uint_eq(r.kept, 2);
	ck_assert_uint_eq(cp_at(&s.board, 4, 2), 'x');
	ck_assert_uint_eq(cp_at(&s.board, 5, 2), 'y');
	assert_whole(&s.board, 2);

	/* My wide character over two letters; a raw write changes its right half only. */
	draw(NULL, &s.board, 4, 3, 'p', 3);
	draw(NULL, &s.board, 5, 3, 'q', 3);
	history_begin(h, HISTORY_DRAW);
	draw(h, &s.board, 4, 3, WIDE, 2);
	history_end(h);
	ck_assert_int_eq(board_write(&s.board, 5, 3, cell_make('z', 1, 9), NULL, NULL), 0);
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_uint_eq(r.restored, 1);
	ck_assert_uint_eq(r.kept, 1);
	ck_assert_uint_eq(cp_at(&s.board, 4, 3), 'p');
	ck_assert_uint_eq(cp_at(&s.board, 5, 3), 'z');
	assert_whole(&s.board, 3);
	/* And a stroke of wide characters taken back and done again whole. */
	history_begin(h, HISTORY_TYPING);
	draw(h, &s.board, 10, 3, WIDE, 2);
	draw(h, &s.board, 12, 3, WIDE, 2);
	draw(h, &s.board, 11, 3, WIDE, 2);   /* cuts both, makes one in the middle */
	history_end(h);
	assert_whole(&s.board, 3);
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_uint_eq(r.restored, 4);
	ck_assert_uint_eq(cp_at(&s.board, 11, 3), 0);
	ck_assert_int_eq(history_redo(h, &s.board, &r), 0);
	ck_assert_uint_eq(cp_at(&s.board, 11, 3), WIDE);
	assert_whole(&s.board, 3);
	history_free(h);
}
END_TEST

START_TEST(test_budget)
{
	struct segment s;
	struct history *h = history_new(4096);
	struct history_result r;
	struct board_change big[200];
	size_t i, steps = 0;

	tu_private_board(&s, 40, 10);
	for (i = 0; i < 300; i++) {
		history_begin(h, HISTORY_DRAW);
		draw(h, &s.board, (uint32_t)(i % 40), (uint32_t)(i / 40 % 10), 'a' + i % 26, 2);
		history_end(h);
		ck_assert_uint_le(history_bytes(h), 4096);
	}
	steps = history_undos(h);
	ck_assert_uint_gt(steps, 10);
	ck_assert_uint_lt(steps, 300);   /* the oldest were forgotten */
	/* A step larger than the whole budget is refused and forgets nothing. */
	memset(big, 0, sizeof big);
	for (i = 0; i < 200; i++) {
		big[i].col = (uint32_t)i % 40;
		big[i].row = (uint32_t)i / 40;
	}
	history_begin(h, HISTORY_CLEAR);
	ck_assert_int_eq(history_add(h, big, 200), -1);
	ck_assert_int_eq(errno, EFBIG);
	ck_assert_int_eq(history_add(h, big, 1), 0);   /* the rest of it is ignored */
	history_end(h);
	ck_assert_uint_eq(history_undos(h), steps);
	ck_assert_uint_le(history_bytes(h), 4096);
	/* The newest steps are those that stay. */
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_uint_eq(r.restored, 1);
	ck_assert_uint_eq(cp_at(&s.board, 299 % 40, 299 / 40 % 10), 0);
	/* A growing step makes room by forgetting the oldest ones. */
	history_begin(h, HISTORY_CLEAR);
	ck_assert_int_eq(history_add(h, big, 100), 0);
	ck_assert_uint_le(history_bytes(h), 4096);
	history_end(h);
	ck_assert_uint_lt(history_undos(h), steps);
	history_free(h);
}
END_TEST

START_TEST(test_many_steps_reset_readonly)
{
	struct segment s;
	struct history *h = history_new(HISTORY_DEFAULT_BYTES);
	struct history_result r;
	struct board ro;
	int i;

	tu_private_board(&s, 40, 10);
	for (i = 0; i < 3 * HISTORY_MIN_STEPS / 2; i++) {
		history_begin(h, HISTORY_TYPING);
		draw(h, &s.board, (uint32_t)(i % 40), (uint32_t)(i / 40), 'k', 2);
	}
	history_end(h);
	ck_assert_uint_eq(history_undos(h), 3 * HISTORY_MIN_STEPS / 2);
	ro = s.board;
	ro.readonly = true;
	ck_assert_int_eq(history_undo(h, &ro, &r), -1);
	ck_assert_int_eq(errno, EROFS);
	ck_assert_uint_eq(cp_at(&s.board, 0, 0), 'k');
	for (i = 0; i < 3 * HISTORY_MIN_STEPS / 2; i++)
		ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_uint_eq(cp_at(&s.board, 0, 0), 0);
	ck_assert_uint_eq(history_redos(h), 3 * HISTORY_MIN_STEPS / 2);
	ck_assert_int_eq(history_redo(h, &s.board, &r), 0);
	history_begin(h, HISTORY_DRAW);
	draw(h, &s.board, 5, 5, 'o', 2);
	history_reset(h);
	ck_assert(!history_is_open(h, NULL));
	ck_assert_uint_eq(history_undos(h) + history_redos(h), 0);
	ck_assert_uint_eq(history_bytes(h), 0);
	ck_assert_int_eq(history_undo(h, &s.board, &r), -1);
	history_free(h);
}
END_TEST

static Suite *
history_suite(void)
{
	Suite *s = suite_create("history");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_undo_redo_stroke);
	tcase_add_test(tc, test_aba_kept);
	tcase_add_test(tc, test_two_authors_a_first);
	tcase_add_test(tc, test_two_authors_b_first);
	tcase_add_test(tc, test_redo_after_change);
	tcase_add_test(tc, test_wide_whole);
	tcase_add_test(tc, test_budget);
	tcase_add_test(tc, test_many_steps_reset_readonly);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(history_suite());
}
