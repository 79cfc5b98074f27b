/*
 * check_paint.c - unit tests of paint.c, the brush's looks: a new brush
 * paints in the slot's colour on the default background; the picker's
 * choice (paint_set) is its own from then on, whatever the slot's colour
 * does, each part masked; paint_follow (F2) gives the foreground back to
 * the slot and keeps the background and attributes; the pen paints every
 * tool in the style (typing, the brush, the fill); a style said in words.
 */
#include <string.h>

#include "cell.h"
#include "checkutil.h"
#include "paint.h"
#include "pen.h"

START_TEST(test_follow_and_own)
{
	struct paint p;

	paint_init(&p);
	ck_assert_uint_eq(paint_style(&p, 10), cell_style(10, 0, 0));
	ck_assert_uint_eq(paint_style(&p, 3), cell_style(3, 0, 0));
	paint_set(&p, 196, 4, CELL_BOLD | CELL_UNDERLINE);
	ck_assert_uint_eq(paint_style(&p, 3), cell_style(196, 4, CELL_BOLD | CELL_UNDERLINE));
	ck_assert_uint_eq(paint_style(&p, 11), cell_style(196, 4, CELL_BOLD | CELL_UNDERLINE));
	paint_follow(&p);
	ck_assert_uint_eq(paint_style(&p, 11), cell_style(11, 4, CELL_BOLD | CELL_UNDERLINE));
	/* every part masked: a style never spills into another field */
	paint_set(&p, 0x1FF, 0x2FE, 0xFF);
	ck_assert_uint_eq(paint_style(&p, 0), cell_style(0xFF, 0xFE, CELL_ATTRS));
}
END_TEST

START_TEST(test_pen_paints_the_style)
{
	unsigned style = cell_style(200, 17, CELL_ITALIC | CELL_REVERSE);
	struct segment s;
	struct pen pen;
	struct pen_paper pp;

	tu_private_board(&s, 20, 4);
	pen_init(&pen, true);
	pp = (struct pen_paper){ &s.board, &s.board, style, 1 };
	ck_assert(pen_type(&pen, &pp, 'a') & PEN_CELLS);
	ck_assert_uint_eq(cell_style_of(board_get(&s.board, 0, 0)), style);
	pen_next_tool(&pen);                        /* the brush */
	pen_move(&pen, &pp, 0, 1);
	ck_assert_uint_eq(cell_style_of(board_get(&s.board, 1, 1)), style);
	ck_assert_uint_eq(cell_cp(board_get(&s.board, 1, 1)), pen.brush);
}
END_TEST

START_TEST(test_describe)
{
	char buf[128];

	paint_describe(cell_style(0, 0, 0), buf, sizeof buf);
	ck_assert_str_eq(buf, "default colours");
	paint_describe(cell_style(196, 4, CELL_BOLD | CELL_UNDERLINE), buf, sizeof buf);
	ck_assert_str_eq(buf, "colour 196 on 4, bold, underline");
	paint_describe(cell_style(0, 21, CELL_REVERSE | CELL_ITALIC), buf, sizeof buf);
	ck_assert_str_eq(buf, "default on 21, reverse, italic");
	paint_describe(cell_style(9, 0, 0), buf, 8);
	ck_assert_str_eq(buf, "colour ");     /* cut, and terminated */
}
END_TEST

static Suite *
paint_suite(void)
{
	Suite *s = suite_create("paint");
	TCase *tc = tcase_create("brush");

	tcase_add_test(tc, test_follow_and_own);
	tcase_add_test(tc, test_pen_paints_the_style);
	tcase_add_test(tc, test_describe);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(paint_suite());
}
