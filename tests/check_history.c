/*
 * check_history.c - unit tests of per-author undo and redo (history.h):
 * a step taken back and done again, a stroke that passes a cell twice,
 * the memory budget
 * (oldest steps forgotten, a step larger than the budget refused with
 * EFBIG), more than HISTORY_MIN_STEPS steps, reset, and a read-only board.
 * The rule of undo (the ABA case, two authors, wide characters) is
 * check_restore.c's.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "cell.h"
#include "checkutil.h"
#include "history.h"

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
	tu_draw(h, &s.board, 1, 1, 'a', 2);
	tu_draw(h, &s.board, 2, 1, 'b', 2);
	tu_draw(h, &s.board, 1, 1, 'c', 2);   /* the same cell again: one change */
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
	ck_assert_uint_eq(tu_cp_at(&s.board, 1, 1), 'c');
	ck_assert_uint_eq(tu_cp_at(&s.board, 2, 1), 'b');
	ck_assert_int_eq(history_redo(h, &s.board, &r), -1);
	ck_assert_int_eq(errno, ENOENT);
	/* Undo again, then a new step empties the redo list. */
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	history_begin(h, HISTORY_TYPING);
	ck_assert_uint_eq(history_redos(h), 1);   /* not before its first change */
	tu_draw(h, &s.board, 5, 2, 'x', 2);
	ck_assert_uint_eq(history_redos(h), 0);
	/* An undo closes the open step and takes it back. */
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_int_eq(r.kind, HISTORY_TYPING);
	ck_assert_uint_eq(tu_cp_at(&s.board, 5, 2), 0);
	/* A step without changes is not kept; changes without a step open one. */
	history_begin(h, HISTORY_FILL);
	history_end(h);
	ck_assert_uint_eq(history_undos(h), 0);
	tu_draw(h, &s.board, 0, 0, 'z', 2);
	ck_assert(history_is_open(h, NULL));
	ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_int_eq(r.kind, HISTORY_DRAW);
	history_free(h);
	history_free(NULL);
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
		tu_draw(h, &s.board, (uint32_t)(i % 40), (uint32_t)(i / 40 % 10), 'a' + i % 26, 2);
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
	ck_assert_uint_eq(tu_cp_at(&s.board, 299 % 40, 299 / 40 % 10), 0);
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
		tu_draw(h, &s.board, (uint32_t)(i % 40), (uint32_t)(i / 40), 'k', 2);
	}
	history_end(h);
	ck_assert_uint_eq(history_undos(h), 3 * HISTORY_MIN_STEPS / 2);
	ro = s.board;
	ro.readonly = true;
	ck_assert_int_eq(history_undo(h, &ro, &r), -1);
	ck_assert_int_eq(errno, EROFS);
	ck_assert_uint_eq(tu_cp_at(&s.board, 0, 0), 'k');
	for (i = 0; i < 3 * HISTORY_MIN_STEPS / 2; i++)
		ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
	ck_assert_uint_eq(tu_cp_at(&s.board, 0, 0), 0);
	ck_assert_uint_eq(history_redos(h), 3 * HISTORY_MIN_STEPS / 2);
	ck_assert_int_eq(history_redo(h, &s.board, &r), 0);
	history_begin(h, HISTORY_DRAW);
	tu_draw(h, &s.board, 5, 5, 'o', 2);
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
