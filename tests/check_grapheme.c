/*
 * check_grapheme.c - unit tests of the grapheme module (grapheme.h): where
 * clusters end (a letter and its accents, an emoji and its selector, ZWJ
 * sequences, flags in pairs, skin tones, keycaps, Hangul jamo, controls
 * and invalid bytes ending a cluster, a cluster cut by the end of what was
 * read); what one cell holds for each (NFC: e + U+0301 is U+00E9, jamo
 * into a syllable, marks reordered; variation selectors dropped; a single
 * code point kept as it is) and what is refused, with the reason the
 * message gives; the cap on a cluster's length; grapheme_add one code
 * point at a time, as typing delivers them.
 */
#include <string.h>

#include "cell.h"
#include "checkutil.h"
#include "grapheme.h"

/* The first cluster of the UTF-8 text s (final), checked to take want bytes. */
static struct grapheme
first(const char *s, int want)
{
	struct grapheme g;

	ck_assert_int_eq(grapheme_next(s, strlen(s), true, &g), want);
	ck_assert_uint_eq(g.len, (size_t)want);
	return g;
}

/* The message for the first cluster of s. */
static const char *
why_of(const char *s)
{
	static char buf[256];
	struct grapheme g;

	ck_assert_int_gt(grapheme_next(s, strlen(s), true, &g), 0);
	return grapheme_why(&g, buf, sizeof buf);
}

/* Clusters of one code point: kept as they are, or refused. */
START_TEST(test_single)
{
	struct grapheme g;

	g = first("abc", 1);
	ck_assert_int_eq(g.verdict, GRAPHEME_CELL);
	ck_assert_uint_eq(g.cp, 'a');
	g = first("\xe6\xbc\xa2x", 3);                 /* 漢 */
	ck_assert_uint_eq(g.cp, 0x6F22);
	g = first("\xe2\x84\xab", 3);                  /* U+212B angstrom sign: NFC would make U+00C5 */
	ck_assert_uint_eq(g.cp, 0x212B);
	g = first("\xe0\xa5\x98", 3);                  /* U+0958: NFC makes two code points */
	ck_assert_int_eq(g.verdict, GRAPHEME_CELL);
	ck_assert_uint_eq(g.cp, 0x0958);
	g = first("\x1b[", 1);
	ck_assert_int_eq(g.verdict, GRAPHEME_UNDRAWABLE);
	ck_assert_uint_eq(g.cp, 0);
	g = first("\t\xcc\x81", 1);                    /* a tab, then a mark: clusters apart */
	ck_assert_int_eq(g.verdict, GRAPHEME_UNDRAWABLE);
	g = first("\xcc\x81x", 2);                     /* a mark with nothing before it */
	ck_assert_int_eq(g.verdict, GRAPHEME_ALONE);
	g = first("\xef\xb8\x8f", 3);                  /* U+FE0F alone */
	ck_assert_int_eq(g.verdict, GRAPHEME_ALONE);
	g = first("\xf0\x9f\x87\xaa", 4);              /* one regional indicator */
	ck_assert_int_eq(g.verdict, GRAPHEME_UNDRAWABLE);
	g = first("\xe2\x80\x8b", 3);                  /* ZWSP */
	ck_assert_int_eq(g.verdict, GRAPHEME_UNDRAWABLE);
}
END_TEST

/* NFC makes one cell of what composes. */
START_TEST(test_compose)
{
	struct grapheme g;

	g = first("e\xcc\x81!", 3);                    /* e + U+0301 */
	ck_assert_int_eq(g.verdict, GRAPHEME_CELL);
	ck_assert_uint_eq(g.cp, 0xE9);
	g = first("A\xcc\x8a", 3);                     /* A + ring: U+00C5 */
	ck_assert_uint_eq(g.cp, 0xC5);
	g = first("n\xcc\x83o", 3);                    /* ñ */
	ck_assert_uint_eq(g.cp, 0xF1);
	/* two marks in either order: canonical order, then composition (ệ U+1EC7) */
	g = first("e\xcc\xa3\xcc\x82", 5);
	ck_assert_uint_eq(g.cp, 0x1EC7);
	g = first("e\xcc\x82\xcc\xa3", 5);
	ck_assert_uint_eq(g.cp, 0x1EC7);
	g = first("\xe1\x84\x80\xe1\x85\xa1", 6);      /* U+1100 U+1161: 가 */
	ck_assert_uint_eq(g.cp, 0xAC00);
	ck_assert_int_eq(cell_width(g.cp), 2);
	g = first("\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8", 9);   /* + U+11A8: 각 */
	ck_assert_uint_eq(g.cp, 0xAC01);
	g = first("\xea\xb0\x80\xe1\x86\xa8", 6);      /* 가 + U+11A8: 각 */
	ck_assert_uint_eq(g.cp, 0xAC01);
}
END_TEST

/* Variation selectors are dropped: the base's width is the cell's. */
START_TEST(test_selectors)
{
	struct grapheme g;

	g = first("\xe2\x9d\xa4\xef\xb8\x8f", 6);      /* ❤ U+FE0F */
	ck_assert_int_eq(g.verdict, GRAPHEME_CELL);
	ck_assert_uint_eq(g.cp, 0x2764);
	ck_assert_int_eq(cell_width(g.cp), 1);
	g = first("\xf0\x9f\x98\x80\xef\xb8\x8e", 7);  /* 😀 U+FE0E */
	ck_assert_uint_eq(g.cp, 0x1F600);
	ck_assert_int_eq(cell_width(g.cp), 2);
	g = first("\xe8\xbe\xbb\xf3\xa0\x84\x80", 7);  /* 辻 + U+E0100 (an ideographic variant) */
	ck_assert_uint_eq(g.cp, 0x8FBB);
	g = first("e\xef\xb8\x8f\xcc\x81", 6);         /* a selector between e and its accent */
	ck_assert_uint_eq(g.cp, 0xE9);
	ck_assert(grapheme_selector(0xFE00) && grapheme_selector(0xFE0F));
	ck_assert(grapheme_selector(0xE0100) && grapheme_selector(0xE01EF));
	ck_assert(!grapheme_selector(0xFDFF) && !grapheme_selector(0xFE10) &&
	    !grapheme_selector(0xE01F0) && !grapheme_selector(0x200D));
}
END_TEST

/* What cannot be one cell is refused, whole, with the reason. */
START_TEST(test_refused)
{
	struct grapheme g;

	g = first("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb!", 11);   /* 👩‍💻 */
	ck_assert_int_eq(g.verdict, GRAPHEME_SEQUENCE);
	ck_assert_uint_eq(g.n, 3);
	ck_assert_uint_eq(g.cp, 0);
	ck_assert_str_eq(why_of("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb"),
	    "U+1F469 U+200D U+1F4BB is 3 code points that cannot share a cell: an emoji ZWJ "
	    "sequence; a cell holds one character, so write its parts apart (without U+200D)");
	g = first("\xf0\x9f\x87\xaa\xf0\x9f\x87\xb8x", 8);                 /* 🇪🇸 */
	ck_assert_int_eq(g.verdict, GRAPHEME_SEQUENCE);
	ck_assert_ptr_nonnull(strstr(why_of("\xf0\x9f\x87\xaa\xf0\x9f\x87\xb8"),
	    "is 2 code points that cannot share a cell: a flag (two regional indicators)"));
	g = first("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", 8);                  /* 👍🏽 */
	ck_assert_int_eq(g.verdict, GRAPHEME_SEQUENCE);
	ck_assert_ptr_nonnull(strstr(why_of("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"),
	    "an emoji with a skin tone"));
	g = first("1\xef\xb8\x8f\xe2\x83\xa3", 7);                         /* 1️⃣ keycap */
	ck_assert_int_eq(g.verdict, GRAPHEME_SEQUENCE);
	ck_assert_str_eq(why_of("1\xef\xb8\x8f\xe2\x83\xa3"), "U+0031 U+FE0F U+20E3 is 3 code "
	    "points that cannot share a cell: a keycap (a character and U+20E3); a cell "
	    "holds one character");
	g = first("q\xcc\x83", 3);                                          /* q̃: no precomposed form */
	ck_assert_int_eq(g.verdict, GRAPHEME_SEQUENCE);
	ck_assert_ptr_nonnull(strstr(why_of("q\xcc\x83"),
	    "U+0071 U+0303 is 2 code points that cannot share a cell: a character and marks "
	    "that have no precomposed form (NFC)"));
	g = first("\xe0\xb8\x81\xe0\xb8\xb3", 6);                          /* Thai ko kai + sara am */
	ck_assert_int_eq(g.verdict, GRAPHEME_SEQUENCE);
	/* the flag of Scotland: a tag sequence */
	g = first("\xf0\x9f\x8f\xb4\xf3\xa0\x81\xa7\xf3\xa0\x81\xa2\xf3\xa0\x81\xb3\xf3\xa0\x81"
	    "\xa3\xf3\xa0\x81\xb4\xf3\xa0\x81\xbf", 28);
	ck_assert_ptr_nonnull(strstr(grapheme_why(&g, (char[256]){ 0 }, 256),
	    "U+1F3F4 U+E0067 U+E0062 U+E0073 U+E0063 U+E0074 ... is 7 code points"));
	ck_assert_ptr_nonnull(strstr(why_of("\xcc\x81"), "U+0301 cannot be drawn on a board "
	    "(a combining mark with no character before it)"));
	ck_assert_str_eq(why_of("\x1b"), "U+001B cannot be drawn on a board (a control, "
	    "zero-width or unassigned character)");
	ck_assert_ptr_nonnull(strstr(why_of("\xf0\x9f\x87\xaa"), "half of a flag"));
	ck_assert_ptr_nonnull(strstr(why_of("\xef\xb8\x8f"), "a variation selector"));
	g = first("ab", 1);
	ck_assert_str_eq(grapheme_why(&g, (char[8]){ 'x' }, 8), "");
}
END_TEST

/* Regional indicators pair: four make two flags, three a flag and a half. */
START_TEST(test_flags_pair)
{
	const char *ri4 = "\xf0\x9f\x87\xaa\xf0\x9f\x87\xb8\xf0\x9f\x87\xab\xf0\x9f\x87\xb7";
	struct grapheme g;

	ck_assert_int_eq(grapheme_next(ri4, 16, true, &g), 8);
	ck_assert_int_eq(grapheme_next(ri4 + 8, 8, true, &g), 8);
	ck_assert_int_eq(grapheme_next(ri4 + 8, 4, true, &g), 4);
	ck_assert_int_eq(g.verdict, GRAPHEME_UNDRAWABLE);
}
END_TEST

/* Controls, invalid bytes and newlines end a cluster; marks after them start one. */
START_TEST(test_ends)
{
	struct grapheme g;

	first("e\n\xcc\x81", 1);
	first("e\r\n", 1);
	first("e\t", 1);
	first("e\xff\xcc\x81", 1);
	first("e\xcc\x81\xff", 3);
	ck_assert_int_eq(grapheme_next("\xff", 1, true, &g), -1);
	ck_assert_int_eq(grapheme_next("", 0, true, &g), -1);
	ck_assert_int_eq(grapheme_next("\xcc", 1, true, &g), -1);
}
END_TEST

/* Not final: a cluster that reaches the end may go on, so it is left for more. */
START_TEST(test_not_final)
{
	struct grapheme g;

	ck_assert_int_eq(grapheme_next("e", 1, false, &g), 0);
	ck_assert_int_eq(grapheme_next("e\xcc", 2, false, &g), 0);     /* U+0301 cut */
	ck_assert_int_eq(grapheme_next("e\xcc\x81", 3, false, &g), 0);
	ck_assert_int_eq(grapheme_next("e\xcc\x81x", 4, false, &g), 3);
	ck_assert_uint_eq(g.cp, 0xE9);
	ck_assert_int_eq(grapheme_next("ex", 2, false, &g), 1);
	ck_assert_int_eq(grapheme_next("e\n", 2, false, &g), 1);
	ck_assert_int_eq(grapheme_next("\x1b", 1, false, &g), 1);       /* a control never goes on */
	ck_assert_int_eq(grapheme_next("e\xff", 2, false, &g), 1);      /* nor past an invalid byte */
	ck_assert_int_eq(grapheme_next("e", 1, true, &g), 1);
}
END_TEST

/* A cluster of more than GRAPHEME_MAX code points is refused without reading it all. */
START_TEST(test_too_long)
{
	char text[4 + 2 * 100];
	struct grapheme g;
	int i, n;

	text[0] = 'e';
	for (i = 0; i < 100; i++)
		memcpy(text + 1 + 2 * i, "\xcc\x81", 2);
	text[201] = '\0';
	n = grapheme_next(text, 201, true, &g);
	ck_assert_int_eq(n, 1 + 2 * GRAPHEME_MAX);
	ck_assert_int_eq(g.verdict, GRAPHEME_TOO_LONG);
	ck_assert(g.more);
	ck_assert_ptr_nonnull(strstr(grapheme_why(&g, (char[256]){ 0 }, 256),
	    "U+0065 U+0301 U+0301 U+0301 U+0301 U+0301 ... is more than 32 code points"));
	/* not final, the cap decides as well: nothing is left waiting for more */
	ck_assert_int_eq(grapheme_next(text, 201, false, &g), 1 + 2 * GRAPHEME_MAX);
	/* exactly GRAPHEME_MAX code points are looked at, and judged */
	ck_assert_int_eq(grapheme_next(text, 1 + 2 * (GRAPHEME_MAX - 1), true, &g),
	    1 + 2 * (GRAPHEME_MAX - 1));
	ck_assert_int_eq(g.verdict, GRAPHEME_SEQUENCE);
}
END_TEST

/* grapheme_add, one code point at a time, as a terminal types a cluster. */
START_TEST(test_add)
{
	struct grapheme g;

	grapheme_init(&g);
	ck_assert(grapheme_add(&g, 0x1F469));
	ck_assert(grapheme_add(&g, 0x200D));
	ck_assert(grapheme_add(&g, 0x1F4BB));
	ck_assert(!grapheme_add(&g, 'x'));
	ck_assert_uint_eq(g.n, 3);
	grapheme_judge(&g);
	ck_assert_int_eq(g.verdict, GRAPHEME_SEQUENCE);
	grapheme_init(&g);
	ck_assert(grapheme_add(&g, 'e'));
	grapheme_judge(&g);
	ck_assert_uint_eq(g.cp, 'e');
	ck_assert(grapheme_add(&g, 0x301));
	grapheme_judge(&g);
	ck_assert_uint_eq(g.cp, 0xE9);
	ck_assert(!grapheme_add(&g, 'e'));
	ck_assert(!grapheme_add(&g, '\n'));
	grapheme_init(&g);
	ck_assert(grapheme_add(&g, 0x1F1EA));
	ck_assert(grapheme_add(&g, 0x1F1F8));
	ck_assert(!grapheme_add(&g, 0x1F1EB));
	grapheme_init(&g);
	ck_assert(grapheme_add(&g, '\r'));
	ck_assert(!grapheme_add(&g, '\n'));
}
END_TEST

/* The grapheme suite. */
static Suite *
grapheme_suite(void)
{
	Suite *s = suite_create("grapheme");
	TCase *tc = tcase_create("clusters");

	tcase_add_test(tc, test_single);
	tcase_add_test(tc, test_compose);
	tcase_add_test(tc, test_selectors);
	tcase_add_test(tc, test_refused);
	tcase_add_test(tc, test_flags_pair);
	tcase_add_test(tc, test_ends);
	tcase_add_test(tc, test_not_final);
	tcase_add_test(tc, test_too_long);
	tcase_add_test(tc, test_add);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite. */
int
main(void)
{
	return tu_run(grapheme_suite());
}
