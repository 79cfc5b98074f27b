/*
 * check_clip.c - unit tests of the selection and the clipboard
 * (src/clip.c) and of OSC 52 (src/osc52.c), the front-end's curses-free
 * parts of "select, copy, cut, paste, move, delete, fill": the rectangle
 * from its corners (any order, at most CLIP_MAX a side), copy and paste
 * (wide characters whole, cut at the board's edges, colours kept), cut,
 * delete, fill and move (overlapping itself, kept on the board), each
 * operation's log being exactly the cells it changed (taking the log back
 * in reverse order by compare-and-swap gives the board as it was, word for
 * word), the preview, the clipboard as text; base64 against RFC 4648's
 * vectors, the OSC 52 sequence and its limit, and the PIZARRA_CLIPBOARD
 * policy.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "board.h"
#include "cell.h"
#include "checkutil.h"
#include "clip.h"
#include "history.h"
#include "osc52.h"
#include "text.h"

#define AUTHOR 3

/* Write text at (col, row) in style 2. */
static void
put(struct segment *s, uint32_t col, uint32_t row, const char *text)
{
	struct pzerr e;

	ck_assert_int_eq(text_put(&s->board, col, row, text, strlen(text), 2, 1, &e), 0);
}

static uint32_t
cp_at(const struct segment *s, uint32_t col, uint32_t row)
{
	return cell_cp(board_get(&s->board, col, row));
}

/* A copy of every cell word. */
static uint64_t *
snapshot(const struct segment *s)
{
	size_t n = (size_t)s->board.cols * s->board.rows, i;
	uint64_t *v = malloc(n * sizeof *v);

	ck_assert_ptr_nonnull(v);
	for (i = 0; i < n; i++)
		v[i] = board_get(&s->board, (uint32_t)(i % s->board.cols), (uint32_t)(i / s->board.cols));
	return v;
}

/* Take the log back, newest first, as an undo would; the board must be v again, word for word. */
static void
undo_to(struct segment *s, struct clip_log *l, uint64_t *v)
{
	size_t i, n = (size_t)s->board.cols * s->board.rows;

	ck_assert(!l->failed);
	for (i = l->n; i-- > 0;)
		ck_assert(board_cas_cell(&s->board, l->v[i].col, l->v[i].row, l->v[i].after,
		    l->v[i].before));
	for (i = 0; i < n; i++)
		ck_assert_uint_eq(board_get(&s->board, (uint32_t)(i % s->board.cols),
		    (uint32_t)(i / s->board.cols)), v[i]);
	free(v);
	clip_log_free(l);
}

START_TEST(test_rectangle)
{
	struct clip c;
	struct client_sel sel;

	clip_init(&c);
	ck_assert(!c.on);
	clip_mark(&c, 10, 5);
	clip_extend(&c, 3, 8);
	ck_assert(c.on && c.marking);
	ck_assert_uint_eq(c.c0, 3);
	ck_assert_uint_eq(c.c1, 10);
	ck_assert_uint_eq(c.r0, 5);
	ck_assert_uint_eq(c.r1, 8);
	ck_assert(clip_has(&c, 3, 5) && clip_has(&c, 10, 8) && !clip_has(&c, 11, 8));
	clip_done(&c);
	ck_assert(!c.marking && c.on);
	sel = clip_sel(&c);
	ck_assert(sel.on && sel.c0 == 3 && sel.r1 == 8);
	/* at most CLIP_MAX a side, cut toward the pointer */
	clip_mark(&c, 2000, 2000);
	clip_extend(&c, 0, 5000);
	ck_assert_uint_eq(c.c1 - c.c0 + 1, CLIP_MAX);
	ck_assert_uint_eq(c.c1, 2000);
	ck_assert_uint_eq(c.r0, 2000);
	ck_assert_uint_eq(c.r1 - c.r0 + 1, CLIP_MAX);
	clip_drop(&c);
	ck_assert(!c.on && !clip_has(&c, 2000, 2000) && !clip_sel(&c).on);
	clip_free(&c);
}
END_TEST

START_TEST(test_copy_paste)
{
	struct segment s;
	struct clip c;
	struct clip_log l;
	uint64_t *before;
	long n;

	tu_private_board(&s, 40, 10);
	clip_init(&c);
	clip_log_init(&l);
	put(&s, 2, 1, "ab\xe6\xbc\xa2z");          /* a b 漢 z: 漢 takes columns 4 and 5 */
	put(&s, 2, 2, "cd");
	errno = 0;
	ck_assert_int_eq(clip_copy(&c, &s.board), -1);
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_int_eq(clip_paste(&c, &s.board, 0, 0, AUTHOR, &l), -1);
	clip_mark(&c, 2, 1);
	clip_extend(&c, 6, 2);
	ck_assert_int_eq(clip_copy(&c, &s.board), 10);
	ck_assert_uint_eq(c.w, 5);
	ck_assert_uint_eq(c.h, 2);
	before = snapshot(&s);
	n = clip_paste(&c, &s.board, 20, 5, AUTHOR, &l);
	ck_assert_int_eq(n, 7);                   /* a b 漢 (two halves) z c d: the blanks were blank */
	ck_assert_uint_eq(l.n, 7);
	ck_assert_uint_eq(cp_at(&s, 20, 5), 'a');
	ck_assert_uint_eq(cp_at(&s, 22, 5), 0x6F22);
	ck_assert_uint_eq(cp_at(&s, 23, 5), CELL_CONT);
	ck_assert_uint_eq(cp_at(&s, 24, 5), 'z');
	ck_assert_uint_eq(cp_at(&s, 21, 6), 'd');
	ck_assert_uint_eq(cell_fg(board_get(&s.board, 20, 5)), 2);
	ck_assert_uint_eq(cell_author(board_get(&s.board, 20, 5)), AUTHOR);
	undo_to(&s, &l, before);
	/* the same paste again where it is already: nothing changes */
	ck_assert_int_eq(clip_paste(&c, &s.board, 2, 1, AUTHOR, &l), 0);
	ck_assert_uint_eq(l.n, 0);
	/* cut at the edges: the wide character with no room for its right half is not drawn */
	before = snapshot(&s);
	ck_assert_int_gt(clip_paste(&c, &s.board, 36, 9, AUTHOR, &l), 0);
	ck_assert_uint_eq(cp_at(&s, 36, 9), 'a');
	ck_assert_uint_eq(cp_at(&s, 38, 9), 0x6F22);
	ck_assert_uint_eq(cp_at(&s, 39, 9), CELL_CONT);
	undo_to(&s, &l, before);
	before = snapshot(&s);
	ck_assert_int_gt(clip_paste(&c, &s.board, 37, 0, AUTHOR, &l), 0);
	ck_assert_uint_eq(cp_at(&s, 39, 0), 0);
	undo_to(&s, &l, before);
	clip_free(&c);
}
END_TEST

START_TEST(test_cut_delete_fill)
{
	struct segment s;
	struct clip c;
	struct clip_log l;
	uint64_t *before;
	uint32_t x;

	tu_private_board(&s, 40, 10);
	clip_init(&c);
	clip_log_init(&l);
	put(&s, 0, 0, "0123456789");
	put(&s, 0, 1, "\xe6\xbc\xa2\xe6\xbc\xa2");   /* 漢漢 at 0..3 */
	/* the selection cuts the second 漢 in half: it goes whole */
	clip_mark(&c, 2, 0);
	clip_extend(&c, 2, 1);
	before = snapshot(&s);
	ck_assert_int_eq(clip_cut(&c, &s.board, AUTHOR, &l), 3);
	ck_assert_uint_eq(cp_at(&s, 2, 0), 0);
	ck_assert_uint_eq(cp_at(&s, 1, 0), '1');
	ck_assert_uint_eq(cp_at(&s, 2, 1), 0);
	ck_assert_uint_eq(cp_at(&s, 3, 1), 0);
	ck_assert_uint_eq(cp_at(&s, 0, 1), 0x6F22);
	ck_assert_uint_eq(c.w * c.h, 2);
	ck_assert_uint_eq(cell_cp(c.cells[0]), '2');
	undo_to(&s, &l, before);
	/* delete */
	clip_mark(&c, 3, 0);
	clip_extend(&c, 6, 0);
	before = snapshot(&s);
	ck_assert_int_eq(clip_erase(&c, &s.board, AUTHOR, &l), 4);
	for (x = 3; x <= 6; x++)
		ck_assert_uint_eq(cp_at(&s, x, 0), 0);
	ck_assert_uint_eq(cp_at(&s, 7, 0), '7');
	undo_to(&s, &l, before);
	/* fill with a narrow brush, then a wide one two cells at a time */
	clip_mark(&c, 5, 2);
	clip_extend(&c, 9, 4);
	before = snapshot(&s);
	ck_assert_int_eq(clip_fill(&c, &s.board, '#', cell_style(4, 0, CELL_BOLD), AUTHOR, &l), 15);
	ck_assert_uint_eq(cp_at(&s, 9, 4), '#');
	ck_assert_uint_eq(cell_attrs(board_get(&s.board, 5, 2)), CELL_BOLD);
	ck_assert_uint_eq(cp_at(&s, 10, 4), 0);
	ck_assert_int_eq(clip_fill(&c, &s.board, '#', cell_style(4, 0, CELL_BOLD), AUTHOR, &l), 0);
	undo_to(&s, &l, before);
	before = snapshot(&s);
	ck_assert_int_eq(clip_fill(&c, &s.board, 0x6F22, 1, AUTHOR, &l), 12);
	ck_assert_uint_eq(cp_at(&s, 7, 3), 0x6F22);
	ck_assert_uint_eq(cp_at(&s, 8, 3), CELL_CONT);
	ck_assert_uint_eq(cp_at(&s, 9, 3), 0);
	undo_to(&s, &l, before);
	clip_drop(&c);
	ck_assert_int_eq(clip_erase(&c, &s.board, AUTHOR, &l), -1);
	ck_assert_int_eq(clip_fill(&c, &s.board, '#', 1, AUTHOR, &l), -1);
	clip_free(&c);
}
END_TEST

START_TEST(test_move)
{
	struct segment s;
	struct clip c;
	struct clip_log l;
	uint64_t *before, w0;

	tu_private_board(&s, 20, 6);
	clip_init(&c);
	clip_log_init(&l);
	put(&s, 1, 1, "abc");
	put(&s, 1, 2, "d\xe6\xbc\xa2");
	clip_mark(&c, 1, 1);
	clip_extend(&c, 3, 2);
	clip_done(&c);
	/* one to the right: over itself */
	before = snapshot(&s);
	ck_assert_int_gt(clip_move(&c, &s.board, 1, 0, AUTHOR, &l), 0);
	ck_assert_uint_eq(cp_at(&s, 1, 1), 0);
	ck_assert_uint_eq(cp_at(&s, 2, 1), 'a');
	ck_assert_uint_eq(cp_at(&s, 4, 1), 'c');
	ck_assert_uint_eq(cp_at(&s, 2, 2), 'd');
	ck_assert_uint_eq(cp_at(&s, 3, 2), 0x6F22);
	ck_assert_uint_eq(cp_at(&s, 4, 2), CELL_CONT);
	ck_assert_uint_eq(c.c0, 2);
	ck_assert_uint_eq(c.c1, 4);
	ck_assert_ptr_null(c.cells);                /* the clipboard is not touched */
	undo_to(&s, &l, before);
	c.c0 = 1;
	c.c1 = 3;
	/* far down and left: kept whole on the board */
	before = snapshot(&s);
	ck_assert_int_gt(clip_move(&c, &s.board, -50, 50, AUTHOR, &l), 0);
	ck_assert_uint_eq(c.c0, 0);
	ck_assert_uint_eq(c.r0, 4);
	ck_assert_uint_eq(c.r1, 5);
	ck_assert_uint_eq(cp_at(&s, 0, 4), 'a');
	ck_assert_uint_eq(cp_at(&s, 1, 5), 0x6F22);
	ck_assert_uint_eq(cp_at(&s, 1, 1), 0);
	undo_to(&s, &l, before);
	/* a drag: the rectangle follows, kept on the board; released, it says by how much */
	put(&s, 0, 4, "Q");
	clip_grab(&c, &s.board, 2, 5);
	ck_assert(c.grabbed);
	ck_assert(!clip_moving_at(&c, 1, 4, &w0));            /* not moved yet: nothing shown */
	clip_drag(&c, 30, 0, 20, 6);
	ck_assert(clip_moving_at(&c, 17, 0, &w0));            /* what it held, where it is now */
	ck_assert_uint_eq(cell_cp(w0), 'Q');
	ck_assert(!clip_moving_at(&c, 16, 0, &w0));
	ck_assert_uint_eq(c.c0, 17);
	ck_assert_uint_eq(c.c1, 19);
	ck_assert_uint_eq(c.r0, 0);
	ck_assert_uint_eq(c.r1, 1);
	{
		long dc, dr;

		ck_assert(clip_ungrab(&c, &dc, &dr));
		ck_assert_int_eq(dc, 17);
		ck_assert_int_eq(dr, -4);
		ck_assert_uint_eq(c.c0, 0);
		ck_assert_uint_eq(c.r0, 4);
		ck_assert(!clip_ungrab(&c, &dc, &dr));
		ck_assert(!clip_moving_at(&c, 0, 4, &w0));
	}
	/* no room that way: nothing */
	ck_assert_int_eq(clip_move(&c, &s.board, 0, 1, AUTHOR, &l), 0);
	ck_assert_uint_eq(l.n, 0);
	clip_free(&c);
}
END_TEST

START_TEST(test_preview_and_text)
{
	struct segment s;
	struct clip c;
	struct strbuf sb;
	uint64_t w;

	tu_private_board(&s, 20, 6);
	clip_init(&c);
	strbuf_init(&sb);
	ck_assert(!clip_preview(&c, true));           /* nothing to show */
	put(&s, 0, 0, "x \xe6\xbc\xa2 ");
	put(&s, 0, 2, "y");
	clip_mark(&c, 0, 0);
	clip_extend(&c, 5, 2);
	ck_assert_int_eq(clip_copy(&c, &s.board), 18);
	ck_assert(clip_preview(&c, true));
	ck_assert(clip_preview_at(&c, 10, 3, 12, 3, &w));
	ck_assert_uint_eq(cell_cp(w), 0x6F22);
	ck_assert(!clip_preview_at(&c, 10, 3, 16, 3, &w));
	ck_assert(!clip_preview_at(&c, 10, 3, 9, 3, &w));
	ck_assert(!clip_preview_at(&c, 10, 3, 10, 6, &w));
	clip_preview(&c, false);
	ck_assert(!clip_preview_at(&c, 10, 3, 12, 3, &w));
	clip_text(&c, &sb);
	ck_assert_str_eq(strbuf_cstr(&sb), "x \xe6\xbc\xa2\n\ny");
	strbuf_free(&sb);
	/* a control character a hostile writer stored is never text */
	board_set(&s.board, 0, 0, cell_make(0x1B, 0, 0));
	clip_copy(&c, &s.board);
	clip_text(&c, &sb);
	ck_assert_ptr_null(strchr(strbuf_cstr(&sb), 0x1B));
	strbuf_free(&sb);
	clip_free(&c);
}
END_TEST

/* Base64 of s. */
static const char *
b64(struct strbuf *sb, const char *s)
{
	strbuf_reset(sb);
	osc52_base64(s, strlen(s), sb);
	return strbuf_cstr(sb);
}

START_TEST(test_base64_and_sequence)
{
	static const char *const vec[][2] = {   /* RFC 4648, section 10 */
		{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" },
		{ "foob", "Zm9vYg==" }, { "fooba", "Zm9vYmE=" }, { "foobar", "Zm9vYmFy" },
	};
	struct strbuf sb;
	char *big;
	size_t i;

	strbuf_init(&sb);
	for (i = 0; i < sizeof vec / sizeof vec[0]; i++)
		ck_assert_str_eq(b64(&sb, vec[i][0]), vec[i][1]);
	ck_assert_str_eq(b64(&sb, "\xff\xfe\x80"), "//6A");
	strbuf_reset(&sb);
	ck_assert_int_eq(osc52_sequence("hi\n", 3, &sb), 0);
	ck_assert_str_eq(strbuf_cstr(&sb), "\033]52;c;aGkK\a");
	big = calloc(OSC52_MAX_TEXT + 1, 1);
	ck_assert_ptr_nonnull(big);
	memset(big, 'a', OSC52_MAX_TEXT + 1);
	strbuf_reset(&sb);
	ck_assert_int_eq(osc52_sequence(big, OSC52_MAX_TEXT + 1, &sb), -1);
	ck_assert_uint_eq(sb.len, 0);
	ck_assert_int_eq(osc52_sequence(big, OSC52_MAX_TEXT, &sb), 0);
	ck_assert_uint_le(sb.len, 100000);
	free(big);
	strbuf_free(&sb);
}
END_TEST

START_TEST(test_policy)
{
	ck_assert_int_eq(osc52_policy(NULL, NULL), OSC52_OFF);
	ck_assert_int_eq(osc52_policy(NULL, ""), OSC52_OFF);
	ck_assert_int_eq(osc52_policy(NULL, "/tmp/tmux-0/default,1,0"), OSC52_ASK_TMUX);
	ck_assert_int_eq(osc52_policy("auto", "/tmp/t,1,0"), OSC52_ASK_TMUX);
	ck_assert_int_eq(osc52_policy("", "/tmp/t,1,0"), OSC52_ASK_TMUX);
	ck_assert_int_eq(osc52_policy("off", "/tmp/t,1,0"), OSC52_OFF);
	ck_assert_int_eq(osc52_policy("osc52", NULL), OSC52_ON);
	ck_assert_int_eq(osc52_policy("yes", NULL), OSC52_BAD);
}
END_TEST

/* A fake tmux in a directory of its own, first in PATH, printing what says. */
static void
fake_tmux(const char *dir, const char *body)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/tmux", dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "#!/bin/sh\n[ \"$*\" = 'show-options -gv set-clipboard' ] || exit 1\n%s\n", body);
	fclose(f);
	ck_assert_int_eq(chmod(path, 0700), 0);
}

START_TEST(test_tmux_asked)
{
	char dir[] = "/tmp/check_clip.XXXXXX", path[256];
	struct timespec t0, t1;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_int_eq(setenv("PATH", dir, 1), 0);
	ck_assert(!osc52_tmux_takes());                     /* no tmux at all */
	fake_tmux(dir, "echo on");
	ck_assert(osc52_tmux_takes());
	fake_tmux(dir, "echo external");
	ck_assert(!osc52_tmux_takes());
	fake_tmux(dir, "echo off");
	ck_assert(!osc52_tmux_takes());
	fake_tmux(dir, "exec /bin/sleep 5");                     /* a tmux that hangs: the deadline */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ck_assert(!osc52_tmux_takes());
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ck_assert_int_lt(t1.tv_sec - t0.tv_sec, 3);
	snprintf(path, sizeof path, "%s/tmux", dir);
	unlink(path);
	rmdir(dir);
}
END_TEST

/* Hand l to h as one step of kind, as the front-end does. */
static void
record(struct history *h, enum history_kind kind, struct clip_log *l)
{
	history_begin(h, kind);
	ck_assert_int_eq(history_add(h, l->v, l->n), 0);
	history_end(h);
	clip_log_free(l);
}

/* Every operation is one step of the history: one undo takes it back whole. */
START_TEST(test_one_undo_step_each)
{
	struct segment s;
	struct clip c;
	struct clip_log l;
	struct history *h = history_new(HISTORY_DEFAULT_BYTES);
	struct history_result r;
	uint64_t *start = NULL;
	size_t i, n;

	ck_assert_ptr_nonnull(h);
	tu_private_board(&s, 30, 8);
	clip_init(&c);
	clip_log_init(&l);
	put(&s, 1, 1, "ab\xe6\xbc\xa2" "cd");
	put(&s, 1, 2, "efghij");
	start = snapshot(&s);
	clip_mark(&c, 1, 1);
	clip_extend(&c, 5, 2);
	ck_assert_int_gt(clip_cut(&c, &s.board, AUTHOR, &l), 0);
	record(h, HISTORY_CUT, &l);
	ck_assert_int_gt(clip_paste(&c, &s.board, 10, 3, AUTHOR, &l), 0);
	record(h, HISTORY_PASTE, &l);
	clip_mark(&c, 10, 3);
	clip_extend(&c, 14, 4);
	ck_assert_int_gt(clip_move(&c, &s.board, 1, 1, AUTHOR, &l), 0);   /* over itself */
	record(h, HISTORY_MOVE, &l);
	ck_assert_int_gt(clip_fill(&c, &s.board, '#', 5, AUTHOR, &l), 0);
	record(h, HISTORY_FILL, &l);
	ck_assert_int_gt(clip_erase(&c, &s.board, AUTHOR, &l), 0);
	record(h, HISTORY_DELETE, &l);
	ck_assert_uint_eq(history_undos(h), 5);
	for (i = 0; i < 5; i++) {
		ck_assert_int_eq(history_undo(h, &s.board, &r), 0);
		ck_assert_uint_eq(r.kept, 0);
	}
	ck_assert_int_eq(r.kind, HISTORY_CUT);
	n = (size_t)s.board.cols * s.board.rows;
	for (i = 0; i < n; i++)
		ck_assert_uint_eq(cell_content(board_get(&s.board, (uint32_t)(i % s.board.cols),
		    (uint32_t)(i / s.board.cols))), cell_content(start[i]));
	free(start);
	history_free(h);
	clip_free(&c);
}
END_TEST

static Suite *
clip_suite(void)
{
	Suite *s = suite_create("clip");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_rectangle);
	tcase_add_test(tc, test_copy_paste);
	tcase_add_test(tc, test_cut_delete_fill);
	tcase_add_test(tc, test_move);
	tcase_add_test(tc, test_preview_and_text);
	tcase_add_test(tc, test_one_undo_step_each);
	tcase_add_test(tc, test_base64_and_sequence);
	tcase_add_test(tc, test_policy);
	tcase_add_test(tc, test_tmux_asked);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(clip_suite());
}
