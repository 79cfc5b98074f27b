/*
 * check_export.c - unit tests of export (the board as HTML and SVG, the
 * format a file name asks for) and import (ANSI colour sequences taken
 * out of a text, the cell colour of an RGB one, a text placed as a block
 * or loaded as the whole board): escaping, no control character out of a
 * cell, wide characters over two columns, colours, refusals that change
 * nothing.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "checkutil.h"
#include "dump.h"
#include "export.h"
#include "import.h"
#include "text.h"

/* What writer f makes of board b, as a C string (static, overwritten by the next call). */
static const char *
written(const struct board *b, enum export_format f)
{
	static struct strbuf sb;

	strbuf_free(&sb);
	strbuf_init(&sb);
	ck_assert_int_eq(export_write(b, f, &sb), 0);
	return strbuf_cstr(&sb);
}

/* True when s has no control byte but newlines. */
static bool
no_controls(const char *s)
{
	const char *p;

	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 && *p != '\n')
			return false;
	return strstr(s, "\xc2\x9b") == NULL;   /* nor C1 CSI */
}

/* The dump of b (text), as a C string (static). */
static const char *
dumped(const struct board *b)
{
	static struct strbuf sb;

	strbuf_free(&sb);
	strbuf_init(&sb);
	ck_assert_int_eq(dump_text(b, &sb, false), 0);
	return strbuf_cstr(&sb);
}

START_TEST(test_format_for)
{
	ck_assert_int_eq(export_format_for("board.txt"), EXPORT_TEXT);
	ck_assert_int_eq(export_format_for("board"), EXPORT_TEXT);
	ck_assert_int_eq(export_format_for("board.ans"), EXPORT_ANSI);
	ck_assert_int_eq(export_format_for("/tmp/b.HTML"), EXPORT_HTML);
	ck_assert_int_eq(export_format_for("b.htm"), EXPORT_HTML);
	ck_assert_int_eq(export_format_for("b.Svg"), EXPORT_SVG);
	ck_assert_int_eq(export_format_for("dir.svg/board"), EXPORT_TEXT);
	ck_assert_int_eq(export_format_for("b.svg.txt"), EXPORT_TEXT);
	ck_assert_int_eq(export_format_for("b.pdf"), EXPORT_TEXT);
}
END_TEST

START_TEST(test_html_escapes_colours_wide)
{
	struct segment s;
	struct pzerr e;
	const char *h;

	tu_private_board(&s, 20, 4);
	ck_assert_int_eq(text_put(&s.board, 0, 0, "a<&>\"b", 6, 0, 0, &e), 0);
	ck_assert_int_eq(text_put(&s.board, 1, 1, "x漢y", strlen("x漢y"), 1, 0, &e), 0);
	h = written(&s.board, EXPORT_HTML);
	ck_assert_ptr_nonnull(strstr(h, "<!DOCTYPE html>"));
	ck_assert_ptr_nonnull(strstr(h, "<pre class=\"pizarra\">\na&lt;&amp;&gt;&quot;b\n"));
	ck_assert_ptr_nonnull(strstr(h, "\n <span style=\"color:#cd0000\">x<span class=\"w\">漢"
	    "</span>y</span>\n</pre>"));
	ck_assert(no_controls(h));
}
END_TEST

START_TEST(test_hostile_cells_never_control)
{
	static const uint32_t bad[] = { 0x1B, 0x07, 0x9B, 0x7F, 0xD800, 0x110001, 0x1FFFFF, 0x200B };
	struct segment s;
	const char *out;
	size_t i;
	int f;

	tu_private_board(&s, 20, 4);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		board_set(&s.board, (uint32_t)i, 0, cell_make(bad[i], 15, 127));
	/* a wide character without its right half, an orphan right half */
	board_set(&s.board, 0, 1, cell_make(0x6F22, 2, 0));
	board_set(&s.board, 3, 1, cell_make(CELL_CONT, 2, 0));
	for (f = EXPORT_HTML; f <= EXPORT_SVG; f++) {
		out = written(&s.board, (enum export_format)f);
		ck_assert_msg(no_controls(out), "format %d lets a control through", f);
		ck_assert_ptr_null(strstr(out, "\xe2\x80\x8b"));   /* no ZWSP */
		ck_assert_ptr_nonnull(strstr(out, "\xef\xbf\xbd"));  /* U+FFFD instead */
	}
	out = written(&s.board, EXPORT_HTML);
	ck_assert_ptr_nonnull(strstr(out, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd</span>\n"));
	/* the lone left half is U+FFFD, the orphan right half a blank, as dump shows them */
	ck_assert_ptr_nonnull(strstr(out, "\n<span style=\"color:#00cd00\">\xef\xbf\xbd   </span>\n"));
	ck_assert_str_eq(dumped(&s.board), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\n\xef\xbf\xbd   \n");
}
END_TEST

START_TEST(test_svg_grid)
{
	struct segment s;
	struct pzerr e;
	const char *v;

	tu_private_board(&s, 20, 4);
	ck_assert_int_eq(text_put(&s.board, 0, 0, "ab漢c", strlen("ab漢c"), 0, 0, &e), 0);
	ck_assert_int_eq(text_put(&s.board, 2, 2, "<&>", 3, 9, 0, &e), 0);
	v = written(&s.board, EXPORT_SVG);
	ck_assert_ptr_nonnull(strstr(v, "width=\"50\" height=\"60\" viewBox=\"0 0 50 60\""));
	ck_assert_ptr_nonnull(strstr(v, "<text x=\"0\" y=\"15\" textLength=\"20\" "
	    "xml:space=\"preserve\">ab</text>\n"));
	ck_assert_ptr_nonnull(strstr(v, "<text x=\"20\" y=\"15\" textLength=\"20\" "
	    "xml:space=\"preserve\">漢</text>\n"));
	ck_assert_ptr_nonnull(strstr(v, "<text x=\"40\" y=\"15\" textLength=\"10\" "
	    "xml:space=\"preserve\">c</text>\n"));
	ck_assert_ptr_nonnull(strstr(v, "<text x=\"20\" y=\"55\" textLength=\"30\" "
	    "xml:space=\"preserve\" fill=\"#ff0000\">&lt;&amp;&gt;</text>\n"));
	/* the empty row 1 has no text at all */
	ck_assert_ptr_null(strstr(v, "y=\"35\""));
	ck_assert(no_controls(v));
}
END_TEST

START_TEST(test_empty_board)
{
	struct segment s;

	tu_private_board(&s, 20, 4);
	ck_assert_ptr_nonnull(strstr(written(&s.board, EXPORT_HTML),
	    "<pre class=\"pizarra\">\n</pre>"));
	ck_assert_ptr_nonnull(strstr(written(&s.board, EXPORT_SVG), "width=\"10\" height=\"20\""));
	ck_assert_ptr_null(strstr(written(&s.board, EXPORT_SVG), "<text"));
	ck_assert_str_eq(written(&s.board, EXPORT_TEXT), "");
}
END_TEST

START_TEST(test_ansi_take_apart)
{
	struct import_text t;
	struct pzerr e;
	const char *in = "\033[31mred\033[0m \033[94mb\033[39m\033[38;5;196mR\033[mx";

	ck_assert_int_eq(import_ansi(&t, in, strlen(in), &e), 0);
	ck_assert_uint_eq(t.len, 7);
	ck_assert(memcmp(t.text, "red bRx", 7) == 0);
	ck_assert_uint_eq(t.styles[0], 1);
	ck_assert_uint_eq(t.styles[2], 1);
	ck_assert_uint_eq(t.styles[3], 0);     /* after 0 */
	ck_assert_uint_eq(t.styles[4], 12);    /* 94: bright blue */
	ck_assert_uint_eq(t.styles[5], 196);   /* 38;5;196 as it is */
	ck_assert_uint_eq(t.styles[6], 0);     /* ESC [ m */
	import_free(&t);
	ck_assert_ptr_null(t.styles);
}
END_TEST

START_TEST(test_ansi_refusals)
{
	static const struct {
		const char *in, *where;
	} bad[] = {
		{ "ab\033[2Jc", "line 1, column 3: " },
		{ "ab\n c\033[5md", "line 2, column 3: SGR parameter 5 " },   /* blink */
		{ "a\033[1;2mb", "line 1, column 2: SGR parameter 2 " },        /* dim */
		{ "a\033[48;5;256m", "line 1, column 2: SGR parameter 48 " },
		{ "x\033]0;title\007", "line 1, column 2: an escape (ESC)" },
		{ "x\033[31", "line 1, column 2: an escape sequence (ESC [) that does not end" },
		{ "\t\033[38;5;300m", "line 1, column 9: SGR parameter 38 " },
		{ "a\033[?25h", "line 1, column 2: the escape sequence \\e[?25h " },
		{ "\xff\033[2J", "line 1, column 1: invalid UTF-8" },   /* the earlier problem */
	};
	struct import_text t;
	struct pzerr e;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_int_eq(import_ansi(&t, bad[i].in, strlen(bad[i].in), &e), -1);
		ck_assert_msg(strstr(e.msg, bad[i].where) == e.msg, "%zu: \"%s\"", i, e.msg);
		ck_assert_int_eq(e.err, EILSEQ);
		ck_assert_ptr_null(t.buf);
	}
}
END_TEST

START_TEST(test_nearest_colour)
{
	/* a cell holds all of xterm's 256: each as it is, black (0) as CELL_BLACK */
	ck_assert_uint_eq(import_colour_256(3), 3);
	ck_assert_uint_eq(import_colour_256(0), CELL_BLACK);
	ck_assert_uint_eq(import_colour_256(16), 16);
	ck_assert_uint_eq(import_colour_256(231), 231);
	/* RGB: the cube and greys first, 1..15 only where strictly nearer, never 0 */
	ck_assert_uint_eq(import_colour_rgb(0, 0, 0), CELL_BLACK);
	ck_assert_uint_eq(import_colour_rgb(0, 200, 0), 2);       /* (0,205,0) beats (0,215,0) */
	ck_assert_uint_eq(import_colour_rgb(250, 250, 10), 226);  /* 226 and 11 tie: the cube */
	ck_assert_uint_eq(import_colour_rgb(0, 0x87, 0xff), 33);
	ck_assert_uint_eq(import_colour_rgb(130, 130, 130), 244); /* grey 128 */
}
END_TEST

START_TEST(test_place_block)
{
	struct import_text t;
	struct segment s;
	struct pzerr e;
	const char *in = "a\033[32mb\033[0m\n\tc";
	char was[512];
	int r;

	tu_private_board(&s, 20, 4);
	for (r = 0; r < 4; r++)
		ck_assert_int_eq(text_put(&s.board, 0, (uint32_t)r, "....................", 20, 0,
		    0, &e), 0);
	ck_assert_int_eq(import_ansi(&t, in, strlen(in), &e), 0);
	ck_assert_int_eq(import_place(&s.board, 3, 1, &t, &e), 0);
	/* only the characters' cells change: the tab skips, the rest stays */
	ck_assert_str_eq(dumped(&s.board), "....................\n...ab...............\n"
	    "...........c........\n....................\n");
	ck_assert_uint_eq(cell_colour(board_get(&s.board, 4, 1)), 2);
	ck_assert_uint_eq(cell_colour(board_get(&s.board, 3, 1)), 0);
	/* the block is 9 columns wide (the tab to 8, then c) and 2 rows high */
	snprintf(was, sizeof was, "%s", dumped(&s.board));
	ck_assert_int_eq(import_place(&s.board, 20, 0, &t, &e), -1);
	ck_assert_int_eq(e.err, ERANGE);
	ck_assert_int_eq(import_place(&s.board, 0, 4, &t, &e), -1);
	ck_assert_int_eq(e.err, ERANGE);
	ck_assert_int_eq(import_place(&s.board, 12, 0, &t, &e), -1);
	ck_assert_int_eq(e.err, EFBIG);
	ck_assert_ptr_nonnull(strstr(e.msg, "columns 12-20"));
	ck_assert_int_eq(import_place(&s.board, 0, 3, &t, &e), -1);
	ck_assert_int_eq(e.err, EFBIG);
	ck_assert_ptr_nonnull(strstr(e.msg, "rows 3-4"));
	ck_assert_str_eq(dumped(&s.board), was);
	/* and at the last place it fits */
	ck_assert_int_eq(import_place(&s.board, 11, 2, &t, &e), 0);
	ck_assert_str_eq(dumped(&s.board), "....................\n...ab...............\n"
	    "...........ab.......\n...................c\n");
	import_free(&t);
}
END_TEST

START_TEST(test_place_refusals_change_nothing)
{
	struct import_text t;
	struct segment s;
	struct pzerr e;
	char was[512];

	tu_private_board(&s, 20, 4);
	ck_assert_int_eq(text_put(&s.board, 0, 0, "keep this", 9, 3, 0, &e), 0);
	snprintf(was, sizeof was, "%s", dumped(&s.board));
	import_plain(&t, "0123456789abcdefghijk", 21);     /* 21 columns on 20 */
	ck_assert_int_eq(import_place(&s.board, 0, 1, &t, &e), -1);
	ck_assert_int_eq(e.err, EFBIG);
	ck_assert_int_eq(import_load(&s.board, &t, &e), -1);
	import_plain(&t, "ok\n\001", 4);                    /* a control */
	ck_assert_int_eq(import_place(&s.board, 0, 1, &t, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "line 2, column 1"));
	ck_assert_int_eq(import_load(&s.board, &t, &e), -1);
	import_plain(&t, "1\n2\n3\n4\n5", 9);              /* 5 lines on 4 rows */
	ck_assert_int_eq(import_load(&s.board, &t, &e), -1);
	ck_assert_int_eq(import_place(&s.board, 0, 0, &t, &e), -1);
	ck_assert_str_eq(dumped(&s.board), was);
	ck_assert_uint_eq(cell_colour(board_get(&s.board, 0, 0)), 3);
}
END_TEST

START_TEST(test_load_whole)
{
	struct import_text t;
	struct segment s;
	struct pzerr e;
	const char *in = "\033[35m漢\033[0mz\r\n\033[91m!";

	tu_private_board(&s, 20, 4);
	ck_assert_int_eq(text_put(&s.board, 0, 3, "gone", 4, 0, 0, &e), 0);
	ck_assert_int_eq(import_ansi(&t, in, strlen(in), &e), 0);
	ck_assert_int_eq(import_load(&s.board, &t, &e), 0);
	ck_assert_str_eq(dumped(&s.board), "漢z\n!\n");
	ck_assert_uint_eq(cell_colour(board_get(&s.board, 0, 0)), 5);
	ck_assert_uint_eq(cell_cp(board_get(&s.board, 1, 0)), CELL_CONT);
	ck_assert_uint_eq(cell_colour(board_get(&s.board, 2, 0)), 0);
	ck_assert_uint_eq(cell_colour(board_get(&s.board, 0, 1)), 9);
	ck_assert_str_eq(written(&s.board, EXPORT_ANSI), "\033[35m漢\033[0mz\n\033[91m!\033[0m\n");
	import_free(&t);
}
END_TEST

static Suite *
export_suite(void)
{
	Suite *s = suite_create("export");
	TCase *out = tcase_create("export");
	TCase *in = tcase_create("import");

	tcase_add_test(out, test_format_for);
	tcase_add_test(out, test_html_escapes_colours_wide);
	tcase_add_test(out, test_hostile_cells_never_control);
	tcase_add_test(out, test_svg_grid);
	tcase_add_test(out, test_empty_board);
	suite_add_tcase(s, out);
	tcase_add_test(in, test_ansi_take_apart);
	tcase_add_test(in, test_ansi_refusals);
	tcase_add_test(in, test_nearest_colour);
	tcase_add_test(in, test_place_block);
	tcase_add_test(in, test_place_refusals_change_nothing);
	tcase_add_test(in, test_load_whole);
	suite_add_tcase(s, in);
	return s;
}

int
main(void)
{
	return tu_run(export_suite());
}
