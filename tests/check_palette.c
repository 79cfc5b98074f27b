/*
 * check_palette.c - unit tests of the palette: which of the 16 colours read
 * on white and on black backgrounds, the contrast ratio against WCAG 2's
 * known values, and the terminal's answers to an OSC 11 query and
 * $COLORFGBG.
 */
#include <string.h>

#include "checkutil.h"
#include "palette.h"

static const struct palette_rgb white = { 255, 255, 255 }, black = { 0, 0, 0 };

START_TEST(test_contrast)
{
	ck_assert(palette_contrast(black, white) > 20.99 && palette_contrast(black, white) < 21.01);
	ck_assert(palette_contrast(white, white) > 0.99 && palette_contrast(white, white) < 1.01);
	/* symmetric */
	ck_assert(palette_contrast(palette_rgb(1), white) == palette_contrast(white, palette_rgb(1)));
}
END_TEST

START_TEST(test_reads_on_white)
{
	static const unsigned vanish[] = { 2, 3, 6, 7, 10, 11, 14, 15 };
	static const unsigned reads[] = { 0, 1, 4, 5, 8, 9, 12, 13 };
	size_t i;

	for (i = 0; i < sizeof vanish / sizeof vanish[0]; i++)
		ck_assert_msg(!palette_reads_on(vanish[i], white), "colour %u on white", vanish[i]);
	for (i = 0; i < sizeof reads / sizeof reads[0]; i++)
		ck_assert_msg(palette_reads_on(reads[i], white), "colour %u on white", reads[i]);
	ck_assert(palette_is_light(white));
}
END_TEST

START_TEST(test_reads_on_black)
{
	unsigned c;

	for (c = 0; c < 16; c++)
		ck_assert_msg(palette_reads_on(c, black) == (c != 4), "colour %u on black", c);
	ck_assert(!palette_is_light(black));
	/* the terminal's own foreground always reads, whatever the background */
	ck_assert(palette_reads_on(0, white));
	ck_assert(palette_reads_on(16, black));        /* masked to 0 */
}
END_TEST

START_TEST(test_osc11)
{
	struct palette_rgb bg = { 1, 2, 3 };
	const char *st = "\033]11;rgb:ffff/ffff/ffff\033\\";
	const char *bel = "junk\033]11;rgb:1e1e/2020/2a2a\a\033[?64;1c";
	const char *short_digits = "\033]11;rgb:f/8/0\a";

	ck_assert_int_eq(palette_parse_osc11(st, strlen(st), &bg), 0);
	ck_assert_uint_eq(bg.r, 255);
	ck_assert_uint_eq(bg.b, 255);
	ck_assert_int_eq(palette_parse_osc11(bel, strlen(bel), &bg), 0);
	ck_assert_uint_eq(bg.r, 0x1e);
	ck_assert_uint_eq(bg.g, 0x20);
	ck_assert_uint_eq(bg.b, 0x2a);
	ck_assert(!palette_is_light(bg));
	ck_assert_int_eq(palette_parse_osc11(short_digits, strlen(short_digits), &bg), 0);
	ck_assert_uint_eq(bg.r, 255);
	ck_assert_uint_eq(bg.g, 136);
	ck_assert_uint_eq(bg.b, 0);
	/* no answer, a cut answer, a DA1 reply only, a length that stops early */
	ck_assert_int_eq(palette_parse_osc11("", 0, &bg), -1);
	ck_assert_int_eq(palette_parse_osc11("\033]11;rgb:ffff/ff", 16, &bg), -1);
	ck_assert_int_eq(palette_parse_osc11("\033[?62;c", 7, &bg), -1);
	ck_assert_int_eq(palette_parse_osc11(st, 8, &bg), -1);
	ck_assert_int_eq(palette_parse_osc11("\033]11;rgb:zz/00/00\a", 18, &bg), -1);
}
END_TEST

START_TEST(test_colorfgbg)
{
	struct palette_rgb bg;

	ck_assert_int_eq(palette_from_colorfgbg("15;0", &bg), 0);
	ck_assert(!palette_is_light(bg));
	ck_assert_int_eq(palette_from_colorfgbg("0;default;15", &bg), 0);
	ck_assert(palette_is_light(bg));
	ck_assert_int_eq(palette_from_colorfgbg("0;7", &bg), 0);
	ck_assert(palette_is_light(bg));
	ck_assert_int_eq(palette_from_colorfgbg(NULL, &bg), -1);
	ck_assert_int_eq(palette_from_colorfgbg("", &bg), -1);
	ck_assert_int_eq(palette_from_colorfgbg("15;default", &bg), -1);
	ck_assert_int_eq(palette_from_colorfgbg("0;16", &bg), -1);
	ck_assert_int_eq(palette_from_colorfgbg("0;-1", &bg), -1);
}
END_TEST

static Suite *
palette_suite(void)
{
	Suite *s = suite_create("palette");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_contrast);
	tcase_add_test(tc, test_reads_on_white);
	tcase_add_test(tc, test_reads_on_black);
	tcase_add_test(tc, test_osc11);
	tcase_add_test(tc, test_colorfgbg);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(palette_suite());
}
