/*
 * check_lines.c - unit tests of src/lines.c, the box-drawing joins: every
 * piece of U+2500..U+257F reads back as itself; every shape in every style
 * gives a piece (the nearest one where Unicode has none: double crossing
 * heavy, a line whose two ends differ and one is double); the pieces of
 * each style (single, double, heavy, rounded, ASCII), joins of light,
 * heavy and double, rounded corners only at corners, the ASCII style; the
 * arrows at a line's head, which become line pieces again when the line
 * goes on; and the ASCII stand-ins the canvas uses without UTF-8.
 */
#include <stdlib.h>

#include "board.h"
#include "cell.h"
#include "checkutil.h"
#include "lines.h"

enum { U = LINES_UP, D = LINES_DOWN, L = LINES_LEFT, R = LINES_RIGHT };
#define LI LINES_LIGHT
#define HE LINES_HEAVY
#define DO LINES_DOUBLE
#define SH LINES_SHAPE

/* Every piece with a shape reads back as itself (arcs and half lines aside). */
START_TEST(test_pieces_read_back)
{
	uint32_t cp, back;
	unsigned shape;
	int n = 0;

	for (cp = 0x2500; cp <= 0x257F; cp++) {
		shape = lines_shape(cp, LINES_SINGLE);
		if (shape == 0)
			continue;
		back = lines_piece(shape, 0, LINES_SINGLE, false);
		if (cp >= 0x256D && cp <= 0x2570) {
			ck_assert_uint_eq(lines_piece(shape, 0, LINES_ROUNDED, false), cp);
			ck_assert_uint_eq(lines_piece(shape, 0, LINES_SINGLE, true), cp);
		} else if (cp >= 0x2574 && cp <= 0x257B) {
			/* a half line is drawn as the full line of its weight */
			ck_assert_uint_ne(back, cp);
			ck_assert_uint_eq(lines_shape(back, LINES_SINGLE) & shape, shape);
		} else {
			ck_assert_msg(back == cp, "U+%04X reads back as U+%04X", (unsigned)cp,
			    (unsigned)back);
		}
		n++;
	}
	ck_assert_int_eq(n, 128 - 12 - 3);            /* less the dashed and the diagonals */
	ck_assert_uint_eq(lines_shape(0x2504, LINES_SINGLE), 0);   /* dashed: not a line */
	ck_assert_uint_eq(lines_shape(0x2571, LINES_SINGLE), 0);   /* diagonal */
	ck_assert_uint_eq(lines_shape('-', LINES_SINGLE), 0);      /* ASCII only in ASCII */
	ck_assert_uint_eq(lines_shape('-', LINES_ASCII), SH(0, 0, LI, LI));
	ck_assert_uint_eq(lines_shape('+', LINES_ASCII), SH(LI, LI, LI, LI));
}
END_TEST

/* Every shape of every weight gives a box-drawing piece with the same arms. */
START_TEST(test_every_shape_has_a_piece)
{
	unsigned shape, d, keep;
	uint32_t cp;
	int s;

	for (shape = 1; shape < 256; shape++) {
		for (keep = 0; keep < 16; keep++) {
			for (s = 0; s < LINES_ASCII; s++) {
				cp = lines_piece(shape, keep, (enum lines_style)s, false);
				ck_assert_msg(cp >= 0x2500 && cp <= 0x257F, "shape %02x: U+%04X",
				    shape, (unsigned)cp);
				ck_assert(cp < 0x2574 || cp > 0x257B);   /* never a half line */
				for (d = U; d <= R; d <<= 1)
					if (lines_arm(shape, d) != 0)
						ck_assert(lines_arm(lines_shape(cp, LINES_SINGLE), d) != 0);
			}
		}
	}
}
END_TEST

/* The pieces of each style: a box's corners, edges, tees and the cross. */
START_TEST(test_each_style)
{
	static const struct {
		enum lines_style s;
		uint32_t h, v, tl, tr, bl, br, tee, cross;
	} t[] = {
		{ LINES_SINGLE, 0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x253C },
		{ LINES_DOUBLED, 0x2550, 0x2551, 0x2554, 0x2557, 0x255A, 0x255D, 0x2560, 0x256C },
		{ LINES_HEAVIED, 0x2501, 0x2503, 0x250F, 0x2513, 0x2517, 0x251B, 0x2523, 0x254B },
		{ LINES_ROUNDED, 0x2500, 0x2502, 0x256D, 0x256E, 0x2570, 0x256F, 0x251C, 0x253C },
		{ LINES_ASCII, '-', '|', '+', '+', '+', '+', '+', '+' },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		ck_assert_uint_eq(lines_join(0, L | R, t[i].s), t[i].h);
		ck_assert_uint_eq(lines_join(0, R, t[i].s), t[i].h);    /* a lone arm: the line */
		ck_assert_uint_eq(lines_join(0, U | D, t[i].s), t[i].v);
		ck_assert_uint_eq(lines_join(0, D | R, t[i].s), t[i].tl);
		ck_assert_uint_eq(lines_join(0, D | L, t[i].s), t[i].tr);
		ck_assert_uint_eq(lines_join(0, U | R, t[i].s), t[i].bl);
		ck_assert_uint_eq(lines_join(0, U | L, t[i].s), t[i].br);
		ck_assert_uint_eq(lines_join(t[i].v, R, t[i].s), t[i].tee);
		ck_assert_uint_eq(lines_join(t[i].h, U | D, t[i].s), t[i].cross);
	}
	ck_assert_uint_eq(LINES_NSTYLES, 5);
}
END_TEST

/* Lines of different weights join with the pieces Unicode has. */
START_TEST(test_mixed_joins)
{
	/* light and heavy: every mix has its piece */
	ck_assert_uint_eq(lines_join(0x2500, U | D, LINES_HEAVIED), 0x2542);   /* ─ + ┃ = ╂ */
	ck_assert_uint_eq(lines_join(0x2501, U | D, LINES_SINGLE), 0x253F);    /* ━ + │ = ┿ */
	ck_assert_uint_eq(lines_join(0x2502, R, LINES_HEAVIED), 0x251D);       /* │ + ━ = ┝ */
	ck_assert_uint_eq(lines_join(0x250C, L, LINES_HEAVIED), 0x252D);       /* ┌ + ━ = ┭ */
	ck_assert_uint_eq(lines_join(0x2500, R, LINES_HEAVIED), 0x257C);       /* ╼ */
	ck_assert_uint_eq(lines_join(0x2502, D, LINES_HEAVIED), 0x257D);       /* ╽ */
	/* single and double */
	ck_assert_uint_eq(lines_join(0x2550, U | D, LINES_SINGLE), 0x256A);    /* ═ + │ = ╪ */
	ck_assert_uint_eq(lines_join(0x2500, U | D, LINES_DOUBLED), 0x256B);   /* ─ + ║ = ╫ */
	ck_assert_uint_eq(lines_join(0x2502, R, LINES_DOUBLED), 0x255E);       /* ╞ */
	ck_assert_uint_eq(lines_join(0x2551, L, LINES_SINGLE), 0x2562);        /* ╢ */
	ck_assert_uint_eq(lines_join(0x2554, L, LINES_DOUBLED), 0x2566);       /* ╔ + ═ = ╦ */
	/* a single line into a double corner: the single one takes the whole side */
	ck_assert_uint_eq(lines_join(0x2554, U, LINES_SINGLE), 0x255E);       /* ╔ + │ = ╞ */
}
END_TEST

/* Where Unicode has no piece, the line drawn now keeps its weight. */
START_TEST(test_fallbacks)
{
	/* double crossing heavy: the heavy line is single there */
	ck_assert_uint_eq(lines_join(0x2501, U | D, LINES_DOUBLED), 0x256B);   /* ━ + ║ = ╫ */
	ck_assert_uint_eq(lines_join(0x2503, L | R, LINES_DOUBLED), 0x256A);   /* ┃ + ═ = ╪ */
	/* heavy crossing double: the double line is single there */
	ck_assert_uint_eq(lines_join(0x2551, L | R, LINES_HEAVIED), 0x253F);   /* ║ + ━ = ┿ */
	ck_assert_uint_eq(lines_join(0x2550, U | D, LINES_HEAVIED), 0x2542);   /* ═ + ┃ = ╂ */
	/* a line whose two ends differ, one double: the drawn weight both ways */
	ck_assert_uint_eq(lines_join(0x2500, R, LINES_DOUBLED), 0x2550);       /* ─ then ═: ═ */
	ck_assert_uint_eq(lines_join(0x2550, R, LINES_SINGLE), 0x2500);        /* ═ then ─: ─ */
	ck_assert_uint_eq(lines_join(0x2551, D, LINES_SINGLE), 0x2502);        /* ║ then │: │ */
	/* a heavy tee ending on a double line */
	ck_assert_uint_eq(lines_join(0x2550, D, LINES_HEAVIED), 0x2530);       /* ═ + ┃ below = ┰ */
	ck_assert_uint_eq(lines_piece(SH(DO, HE, LI, 0), 0, LINES_SINGLE, false) != 0, 1);
}
END_TEST

/* Rounded corners only at corners: a tee or a cross is square. */
START_TEST(test_rounded_only_at_corners)
{
	ck_assert_uint_eq(lines_join(0, D | R, LINES_ROUNDED), 0x256D);
	ck_assert_uint_eq(lines_join(0x256D, U, LINES_ROUNDED), 0x251C);      /* ╭ + │ = ├ */
	ck_assert_uint_eq(lines_join(0x256D, L, LINES_SINGLE), 0x252C);       /* ╭ + ─ = ┬ */
	ck_assert_uint_eq(lines_join(0x256D, D | R, LINES_SINGLE), 0x256D);   /* stays round */
	ck_assert_uint_eq(lines_join(0x256F, U, LINES_ROUNDED), 0x256F);
	ck_assert_uint_eq(lines_join(0x2500, U | D, LINES_ROUNDED), 0x253C);
	/* a heavy or double corner is never an arc */
	ck_assert_uint_eq(lines_join(0x256D, D | R, LINES_HEAVIED), 0x250F);
	ck_assert_uint_eq(lines_join(0x256D, D | R, LINES_DOUBLED), 0x2554);
	/* the arcs read as light corners */
	ck_assert_uint_eq(lines_shape(0x256D, LINES_SINGLE), SH(0, LI, 0, LI));
	ck_assert_uint_eq(lines_shape(0x2570, LINES_SINGLE), SH(LI, 0, 0, LI));
}
END_TEST

/* The ASCII style joins ASCII and box pieces, and draws '-', '|', '+'. */
START_TEST(test_ascii_style)
{
	ck_assert_uint_eq(lines_join('-', U | D, LINES_ASCII), '+');
	ck_assert_uint_eq(lines_join('|', U, LINES_ASCII), '|');
	ck_assert_uint_eq(lines_join('+', L | R, LINES_ASCII), '+');
	ck_assert_uint_eq(lines_join(0x2502, L, LINES_ASCII), '+');   /* a box line is joined */
	ck_assert_uint_eq(lines_join('x', L, LINES_ASCII), '-');      /* text is not */
	/* the other styles take '-' for text */
	ck_assert_uint_eq(lines_join('-', U | D, LINES_SINGLE), 0x2502);
	ck_assert_uint_eq(lines_arrow(R, LINES_ASCII), '>');
	ck_assert_uint_eq(lines_arrow(L, LINES_ASCII), '<');
	ck_assert_uint_eq(lines_arrow(U, LINES_ASCII), '^');
	ck_assert_uint_eq(lines_arrow(D, LINES_ASCII), 'v');
	ck_assert_uint_eq(lines_arrow(R, LINES_SINGLE), 0x2192);
	ck_assert_uint_eq(lines_arrow(L, LINES_DOUBLED), 0x2190);
	ck_assert_uint_eq(lines_arrow(U, LINES_HEAVIED), 0x2191);
	ck_assert_uint_eq(lines_arrow(D, LINES_ROUNDED), 0x2193);
}
END_TEST

static uint32_t
at(const struct segment *s, uint32_t col, uint32_t row)
{
	return cell_cp(board_get(&s->board, col, row));
}

/* A line with an arrow at its head: the arrow moves on, the cells behind are pieces. */
START_TEST(test_arrow_heads)
{
	struct segment s;
	struct lines l = { 0 };
	struct lines_ink ink;
	uint32_t c;

	tu_private_board(&s, 20, 6);
	ink.board = &s.board;
	ink.colour = 2;
	ink.author = 1;
	lines_toggle_arrows(&l);
	ck_assert(l.arrows);
	for (c = 1; c < 4; c++)
		ck_assert(lines_step(&l, &ink, c, 1, c + 1, 1));
	ck_assert_uint_eq(at(&s, 1, 1), 0x2500);
	ck_assert_uint_eq(at(&s, 3, 1), 0x2500);
	ck_assert_uint_eq(at(&s, 4, 1), 0x2192);                 /* → at the head */
	lines_step(&l, &ink, 4, 1, 4, 2);
	ck_assert_uint_eq(at(&s, 4, 1), 0x2510);                 /* the head turned: ┐ */
	ck_assert_uint_eq(at(&s, 4, 2), 0x2193);                 /* ↓ */
	/* a line crossing another keeps the crossing when its head moves on */
	lines_toggle_arrows(&l);
	lines_step(&l, &ink, 2, 0, 2, 1);
	ck_assert_uint_eq(at(&s, 2, 1), 0x2534);                 /* ┴: ─ with an arm up */
	lines_toggle_arrows(&l);
	lines_step(&l, &ink, 2, 3, 2, 2);
	lines_step(&l, &ink, 2, 2, 2, 1);
	ck_assert_uint_eq(at(&s, 2, 1), 0x2191);                 /* ↑ over the crossing */
	lines_step(&l, &ink, 2, 1, 2, 0);
	ck_assert_uint_eq(at(&s, 2, 1), 0x253C);                 /* ┼ again */
	ck_assert_uint_eq(at(&s, 2, 0), 0x2191);
	/* ASCII: > and the line as - */
	lines_toggle_arrows(&l);
	while (l.style != LINES_ASCII)
		lines_next_style(&l);
	lines_toggle_arrows(&l);
	lines_step(&l, &ink, 10, 4, 11, 4);
	lines_step(&l, &ink, 11, 4, 12, 4);
	ck_assert_uint_eq(at(&s, 10, 4), '-');
	ck_assert_uint_eq(at(&s, 11, 4), '-');
	ck_assert_uint_eq(at(&s, 12, 4), '>');
	ck_assert_uint_eq(cell_colour(board_get(&s.board, 12, 4)), 2);
	ck_assert_uint_eq(cell_author(board_get(&s.board, 12, 4)), 1);
}
END_TEST

/* The styles cycle through all five and back, each with its name. */
START_TEST(test_style_cycle)
{
	struct lines l = { 0 };
	int i;

	ck_assert_str_eq(lines_style_name(l.style), "single");
	lines_next_style(&l);
	ck_assert_str_eq(lines_style_name(l.style), "double");
	lines_next_style(&l);
	ck_assert_str_eq(lines_style_name(l.style), "heavy");
	lines_next_style(&l);
	ck_assert_str_eq(lines_style_name(l.style), "rounded");
	lines_next_style(&l);
	ck_assert_str_eq(lines_style_name(l.style), "ASCII");
	lines_next_style(&l);
	ck_assert_int_eq(l.style, LINES_SINGLE);
	for (i = 0; i < LINES_NSTYLES; i++)
		lines_next_style(&l);
	ck_assert_int_eq(l.style, LINES_SINGLE);
	ck_assert_str_eq(lines_style_name(LINES_NSTYLES), "?");
}
END_TEST

/* A box in each style, over a line it crosses. */
START_TEST(test_styled_boxes)
{
	struct segment s;
	struct lines l = { 0 };
	struct lines_ink ink;
	uint32_t c;

	tu_private_board(&s, 20, 8);
	ink.board = &s.board;
	ink.colour = 0;
	ink.author = 0;
	for (c = 0; c < 19; c++)
		lines_step(&l, &ink, c, 2, c + 1, 2);          /* a single line along row 2 */
	l.style = LINES_DOUBLED;
	ck_assert(lines_box(&l, &ink, 1, 0, 5, 4));
	ck_assert_uint_eq(at(&s, 1, 0), 0x2554);             /* ╔ */
	ck_assert_uint_eq(at(&s, 5, 4), 0x255D);             /* ╝ */
	ck_assert_uint_eq(at(&s, 1, 2), 0x256B);             /* ╫: the single line crosses */
	ck_assert_uint_eq(at(&s, 3, 2), 0x2500);             /* inside: untouched */
	l.style = LINES_ROUNDED;
	lines_box(&l, &ink, 7, 1, 10, 3);
	ck_assert_uint_eq(at(&s, 7, 1), 0x256D);             /* ╭ */
	ck_assert_uint_eq(at(&s, 10, 3), 0x256F);            /* ╯ */
	ck_assert_uint_eq(at(&s, 7, 2), 0x253C);             /* ┼ where the line crosses */
	l.style = LINES_HEAVIED;
	lines_box(&l, &ink, 12, 1, 14, 3);
	ck_assert_uint_eq(at(&s, 12, 1), 0x250F);            /* ┏ */
	ck_assert_uint_eq(at(&s, 12, 2), 0x2542);            /* ╂ */
	l.style = LINES_ASCII;
	lines_box(&l, &ink, 15, 1, 18, 3);
	ck_assert_uint_eq(at(&s, 15, 1), '+');
	ck_assert_uint_eq(at(&s, 16, 1), '-');
	ck_assert_uint_eq(at(&s, 15, 2), '+');               /* crossing the line */
	ck_assert_uint_eq(at(&s, 18, 3), '+');
}
END_TEST

/* The stand-ins the canvas draws without UTF-8. */
START_TEST(test_ascii_stand_ins)
{
	ck_assert_uint_eq(lines_ascii(0x2500), '-');
	ck_assert_uint_eq(lines_ascii(0x2550), '-');
	ck_assert_uint_eq(lines_ascii(0x2574), '-');
	ck_assert_uint_eq(lines_ascii(0x257C), '-');
	ck_assert_uint_eq(lines_ascii(0x2504), '-');
	ck_assert_uint_eq(lines_ascii(0x2509), '-');
	ck_assert_uint_eq(lines_ascii(0x254D), '-');
	ck_assert_uint_eq(lines_ascii(0x2502), '|');
	ck_assert_uint_eq(lines_ascii(0x2551), '|');
	ck_assert_uint_eq(lines_ascii(0x2506), '|');
	ck_assert_uint_eq(lines_ascii(0x250B), '|');
	ck_assert_uint_eq(lines_ascii(0x254F), '|');
	ck_assert_uint_eq(lines_ascii(0x257F), '|');
	ck_assert_uint_eq(lines_ascii(0x253C), '+');
	ck_assert_uint_eq(lines_ascii(0x256D), '+');
	ck_assert_uint_eq(lines_ascii(0x2573), '+');
	ck_assert_uint_eq(lines_ascii(0x2592), '#');
	ck_assert_uint_eq(lines_ascii(0x2192), '>');
	ck_assert_uint_eq(lines_ascii(0x2193), 'v');
	ck_assert_uint_eq(lines_ascii('a'), 0);
	ck_assert_uint_eq(lines_ascii(0x4E2D), 0);
}
END_TEST

static Suite *
lines_suite(void)
{
	Suite *s = suite_create("lines");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_pieces_read_back);
	tcase_add_test(tc, test_every_shape_has_a_piece);
	tcase_add_test(tc, test_each_style);
	tcase_add_test(tc, test_mixed_joins);
	tcase_add_test(tc, test_fallbacks);
	tcase_add_test(tc, test_rounded_only_at_corners);
	tcase_add_test(tc, test_ascii_style);
	tcase_add_test(tc, test_arrow_heads);
	tcase_add_test(tc, test_style_cycle);
	tcase_add_test(tc, test_styled_boxes);
	tcase_add_test(tc, test_ascii_stand_ins);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(lines_suite());
}
