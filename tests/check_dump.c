/*
 * check_dump.c - unit tests of dump (the board as text with SGR
 * sequences) and of what reads it back (import_ansi, import_load) and
 * shows it (export's HTML and SVG): every foreground, background and
 * attribute combination survives dump --ansi | load --ansi cell for cell;
 * a blank drops what would show on it; the attributes and their offs
 * (22-27) and backgrounds are read; the page and the picture show
 * backgrounds, bold, italic, underline and reverse.
 */
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "checkutil.h"
#include "dump.h"
#include "export.h"
#include "import.h"

#define ALL_COLS 1024      /* 1024 x 1024 cells: every fg x bg x attrs once */
#define ALL_ROWS 1024

/* What writer f makes of board b (a fresh string, to free). */
static char *
written(const struct board *b, enum export_format f)
{
	struct strbuf sb;
	char *s;

	strbuf_init(&sb);
	ck_assert_int_eq(export_write(b, f, &sb), 0);
	s = strdup(strbuf_cstr(&sb));
	strbuf_free(&sb);
	return s;
}

/* Load the ANSI text in into b as the whole board. */
static void
load_ansi(const struct board *b, const char *in)
{
	struct import_text t;
	struct pzerr e;

	ck_assert_int_eq(import_ansi(&t, in, strlen(in), &e), 0);
	ck_assert_msg(import_load(b, &t, &e) == 0, "%s", e.msg);
	import_free(&t);
}

/* Every style a cell holds: 256 foregrounds x 256 backgrounds x 16 attribute sets. */
START_TEST(test_round_trip_every_style)
{
	struct segment a, b;
	uint32_t col, row, i;
	uint64_t want, got;
	char *d1, *d2;

	tu_private_board(&a, ALL_COLS, ALL_ROWS);
	tu_private_board(&b, ALL_COLS, ALL_ROWS);
	for (row = 0; row < ALL_ROWS; row++)
		for (col = 0; col < ALL_COLS; col++) {
			i = row * ALL_COLS + col;
			board_set(&a.board, col, row, cell_make('A' + i % 26,
			    cell_style(i & 0xFF, i >> 8 & 0xFF, i >> 16), 0));
		}
	d1 = written(&a.board, EXPORT_ANSI);
	load_ansi(&b.board, d1);
	for (row = 0; row < ALL_ROWS; row++)
		for (col = 0; col < ALL_COLS; col++) {
			want = cell_content(board_get(&a.board, col, row));
			got = cell_content(board_get(&b.board, col, row));
			if (want != got)
				ck_abort_msg("cell %u,%u: style %#x came back as %#x", col, row,
				    cell_style_of(want), cell_style_of(got));
		}
	d2 = written(&b.board, EXPORT_ANSI);
	ck_assert(strcmp(d1, d2) == 0);
	free(d1);
	free(d2);
}
END_TEST

/* Blanks between styled cells stay blank: a background never spreads over them. */
START_TEST(test_blank_drops_what_shows)
{
	struct segment a, b;
	uint32_t col;
	char *d;

	tu_private_board(&a, 20, 4);
	tu_private_board(&b, 20, 4);
	board_set(&a.board, 0, 0, cell_make('X', cell_style(1, 4, CELL_BOLD | CELL_UNDERLINE), 0));
	board_set(&a.board, 2, 0, cell_make(' ', cell_style(0, 0, CELL_ITALIC), 0));
	board_set(&a.board, 3, 0, cell_make('Y', cell_style(1, 4, CELL_BOLD | CELL_UNDERLINE), 0));
	board_set(&a.board, 4, 0, cell_make(' ', cell_style(0, 4, 0), 0));
	d = written(&a.board, EXPORT_ANSI);
	/* the blanks keep the red and the bold, but drop the blue and the underline */
	ck_assert_str_eq(d, "\033[1;4;31;44mX\033[0;1;31m  \033[1;4;31;44mY\033[0;44m \033[0m\n");
	load_ansi(&b.board, d);
	for (col = 1; col < 3; col++) {
		ck_assert_uint_eq(cell_bg(board_get(&b.board, col, 0)), 0);
		ck_assert_uint_eq(cell_attrs(board_get(&b.board, col, 0)) & CELL_UNDERLINE, 0);
	}
	ck_assert_uint_eq(cell_style_of(board_get(&b.board, 3, 0)),
	    cell_style(1, 4, CELL_BOLD | CELL_UNDERLINE));
	ck_assert_uint_eq(cell_style_of(board_get(&b.board, 4, 0)), cell_style(0, 4, 0));
	free(d);
}
END_TEST

/* The attributes, their offs, backgrounds and black read from SGR. */
START_TEST(test_ansi_styles)
{
	const char *in = "\033[1;4;41;38;5;200mA\033[22;24mB\033[49;7mC\033[27;39mD"
	    "\033[30;40mE\033[3;100;97mF\033[23;48;2;0;135;255mG\033[0;48;5;0mH";
	struct import_text t;
	struct pzerr e;

	ck_assert_int_eq(import_ansi(&t, in, strlen(in), &e), 0);
	ck_assert_uint_eq(t.len, 8);
	ck_assert_uint_eq(t.styles[0], cell_style(200, 1, CELL_BOLD | CELL_UNDERLINE));
	ck_assert_uint_eq(t.styles[1], cell_style(200, 1, 0));
	ck_assert_uint_eq(t.styles[2], cell_style(200, 0, CELL_REVERSE));
	ck_assert_uint_eq(t.styles[3], cell_style(0, 0, 0));
	ck_assert_uint_eq(t.styles[4], cell_style(CELL_BLACK, CELL_BLACK, 0));
	ck_assert_uint_eq(t.styles[5], cell_style(15, 8, CELL_ITALIC));
	ck_assert_uint_eq(t.styles[6], cell_style(15, 33, 0));
	ck_assert_uint_eq(t.styles[7], cell_style(0, CELL_BLACK, 0));
	import_free(&t);
}
END_TEST

/* The page: backgrounds, bold, italic, underline; reverse swaps the page's own colours too. */
START_TEST(test_html_styles)
{
	struct segment s;
	char *h;

	tu_private_board(&s, 20, 4);
	board_set(&s.board, 0, 0, cell_make('a', cell_style(1, 21, CELL_BOLD), 0));
	board_set(&s.board, 1, 0, cell_make('b', cell_style(0, 0, CELL_ITALIC | CELL_UNDERLINE), 0));
	board_set(&s.board, 2, 0, cell_make('c', cell_style(0, 0, CELL_REVERSE), 0));
	board_set(&s.board, 3, 0, cell_make('d', cell_style(2, 232, CELL_REVERSE), 0));
	h = written(&s.board, EXPORT_HTML);
	ck_assert_ptr_nonnull(strstr(h, "<pre class=\"pizarra\">\n"
	    "<span style=\"color:#cd0000;background-color:#0000ff;font-weight:bold\">a</span>"
	    "<span style=\"font-style:italic;text-decoration:underline\">b</span>"
	    "<span style=\"color:#ffffff;background-color:#000000\">c</span>"
	    "<span style=\"color:#080808;background-color:#00cd00\">d</span>\n</pre>"));
	free(h);
}
END_TEST

/* The picture: a <rect> under each run of one background, the attributes on the <text>. */
START_TEST(test_svg_styles)
{
	struct segment s;
	char *v;

	tu_private_board(&s, 20, 4);
	board_set(&s.board, 1, 1, cell_make('a', cell_style(9, 4, CELL_BOLD), 0));
	board_set(&s.board, 2, 1, cell_make(' ', cell_style(9, 4, CELL_BOLD), 0));
	board_set(&s.board, 3, 1, cell_make('b', cell_style(0, 4, CELL_ITALIC), 0));
	board_set(&s.board, 5, 1, cell_make(' ', cell_style(0, 0, CELL_UNDERLINE), 0));
	board_set(&s.board, 6, 1, cell_make('c', cell_style(0, 0, CELL_REVERSE), 0));
	v = written(&s.board, EXPORT_SVG);
	ck_assert_ptr_nonnull(strstr(v, "<rect x=\"10\" y=\"20\" width=\"30\" height=\"20\" "
	    "fill=\"#0000ee\"/>\n"));
	ck_assert_ptr_nonnull(strstr(v, "<rect x=\"60\" y=\"20\" width=\"10\" height=\"20\" "
	    "fill=\"#000000\"/>\n"));
	ck_assert_ptr_nonnull(strstr(v, "<text x=\"10\" y=\"35\" textLength=\"10\" "
	    "xml:space=\"preserve\" fill=\"#ff0000\" font-weight=\"bold\">a</text>\n"));
	ck_assert_ptr_nonnull(strstr(v, "<text x=\"30\" y=\"35\" textLength=\"10\" "
	    "xml:space=\"preserve\" font-style=\"italic\">b</text>\n"));
	/* an underlined space shows: its <text> is kept */
	ck_assert_ptr_nonnull(strstr(v, "<text x=\"50\" y=\"35\" textLength=\"10\" "
	    "xml:space=\"preserve\" text-decoration=\"underline\"> </text>\n"));
	ck_assert_ptr_nonnull(strstr(v, "<text x=\"60\" y=\"35\" textLength=\"10\" "
	    "xml:space=\"preserve\" fill=\"#ffffff\">c</text>\n"));
	free(v);
}
END_TEST

static Suite *
dump_suite(void)
{
	Suite *s = suite_create("dump");
	TCase *tc = tcase_create("styles");
	TCase *all = tcase_create("every style");

	tcase_add_test(tc, test_blank_drops_what_shows);
	tcase_add_test(tc, test_ansi_styles);
	tcase_add_test(tc, test_html_styles);
	tcase_add_test(tc, test_svg_styles);
	suite_add_tcase(s, tc);
	/* a million cells dumped and loaded: more than Check's 4 s under ASan and a loaded machine */
	tcase_set_timeout(all, 60);
	tcase_add_test(all, test_round_trip_every_style);
	suite_add_tcase(s, all);
	return s;
}

int
main(void)
{
	return tu_run(dump_suite());
}
