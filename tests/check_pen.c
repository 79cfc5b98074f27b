/*
 * check_pen.c - unit tests of the pen (src/pen.c), the front-end's
 * curses-free drawing tools: line corners and box joins, the brush and the
 * eraser along a path, wide characters at the board's edge, mouse strokes,
 * a paper without ink (a client that may not draw) writing nothing, and
 * graphemes typed as several characters (a letter and its accent, an
 * emoji and its selector, ZWJ sequences, flags, jamo into a syllable);
 * and a paste placed as a block at the cursor (tabs from its left edge,
 * every kind of newline, what falls off the board dropped and counted,
 * bad text refused whole); the fill (bounded by what differs, the same
 * glyph in another colour, wide characters whole, one operation that says
 * how many cells it changed, a 2000x1000 board with a bounded stack), the
 * line styles and arrows as the pen draws them, and the glyph picked;
 * and the pen's writes recorded for undo (a fill one step, a fill larger
 * than the history not kept, and said).
 */
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "cell.h"
#include "checkutil.h"
#include "fill.h"
#include "block.h"
#include "pen.h"
#include "text.h"
#include "undo.h"

#define H 0x2500   /* ─ */
#define V 0x2502   /* │ */

/* A fresh board of cols x rows and a pen on it that may draw in colour 3 as author 2. */
static void
setup(struct segment *s, struct pen *p, struct pen_paper *pp, unsigned cols, unsigned rows)
{
	tu_private_board(s, cols, rows);
	pen_init(p, true);
	pp->view = &s->board;
	pp->ink = &s->board;
	pp->colour = 3;
	pp->author = 2;
}

static uint32_t
cp_at(const struct segment *s, uint32_t col, uint32_t row)
{
	return cell_cp(board_get(&s->board, col, row));
}

/* Put the pen at (col, row) without drawing, with tool t. */
static void
place(struct pen *p, const struct pen_paper *pp, enum pen_tool_id t, uint32_t col, uint32_t row)
{
	p->tool = PEN_TEXT;
	pen_move(p, pp, (long)col - (long)p->col, (long)row - (long)p->row);
	p->tool = t;
}

START_TEST(test_line_turns_corners)
{
	struct segment s;
	struct pen p;
	struct pen_paper pp;
	unsigned r;

	setup(&s, &p, &pp, 20, 6);
	place(&p, &pp, PEN_LINE, 2, 1);
	r = pen_move(&p, &pp, 3, 0);
	ck_assert(r & PEN_CELLS);
	ck_assert(r & PEN_CURSOR);
	pen_move(&p, &pp, 0, 2);
	ck_assert_uint_eq(cp_at(&s, 2, 1), H);
	ck_assert_uint_eq(cp_at(&s, 4, 1), H);
	ck_assert_uint_eq(cp_at(&s, 5, 1), 0x2510);   /* ┐: a corner, not ┤ */
	ck_assert_uint_eq(cp_at(&s, 5, 2), V);
	ck_assert_uint_eq(cp_at(&s, 5, 3), V);
	ck_assert_uint_eq(p.col, 5);
	ck_assert_uint_eq(p.row, 3);
	/* and back left along the bottom: └ at the turn */
	pen_move(&p, &pp, -2, 0);
	ck_assert_uint_eq(cp_at(&s, 5, 3), 0x2518);   /* ┘ */
	ck_assert_uint_eq(cell_colour(board_get(&s.board, 5, 3)), 3);
	ck_assert_uint_eq(cell_author(board_get(&s.board, 5, 3)), 2);
}
END_TEST

START_TEST(test_line_crosses_box)
{
	struct segment s;
	struct pen p;
	struct pen_paper pp;

	setup(&s, &p, &pp, 20, 6);
	place(&p, &pp, PEN_BOX, 0, 0);
	ck_assert(pen_enter(&p, &pp) & PEN_NOTE);      /* first corner */
	ck_assert(p.anchor_set);
	place(&p, &pp, PEN_BOX, 4, 2);
	ck_assert(pen_enter(&p, &pp) & PEN_CELLS);     /* the box */
	ck_assert(!p.anchor_set);
	ck_assert_uint_eq(cp_at(&s, 0, 0), 0x250C);
	ck_assert_uint_eq(cp_at(&s, 4, 0), 0x2510);
	ck_assert_uint_eq(cp_at(&s, 0, 2), 0x2514);
	ck_assert_uint_eq(cp_at(&s, 4, 2), 0x2518);
	ck_assert_uint_eq(cp_at(&s, 2, 0), H);
	ck_assert_uint_eq(cp_at(&s, 0, 1), V);
	ck_assert_uint_eq(cp_at(&s, 2, 1), 0);        /* the inside stays empty */
	/* a line through the middle row joins both sides */
	place(&p, &pp, PEN_LINE, 0, 1);
	pen_move(&p, &pp, 6, 0);
	ck_assert_uint_eq(cp_at(&s, 0, 1), 0x251C);   /* ├ */
	ck_assert_uint_eq(cp_at(&s, 4, 1), 0x253C);   /* ┼ */
	ck_assert_uint_eq(cp_at(&s, 6, 1), H);
	/* a second box drawn over the line joins it too */
	place(&p, &pp, PEN_BOX, 5, 0);
	pen_enter(&p, &pp);
	place(&p, &pp, PEN_BOX, 8, 3);
	pen_enter(&p, &pp);
	ck_assert_uint_eq(cp_at(&s, 5, 1), 0x253C);   /* its left edge crosses the line */
	ck_assert_uint_eq(cp_at(&s, 8, 1), V);        /* the line ended at 6 */
}
END_TEST

START_TEST(test_box_escape_and_refusal)
{
	struct segment s;
	struct pen p;
	struct pen_paper pp, view_only;

	setup(&s, &p, &pp, 20, 6);
	place(&p, &pp, PEN_BOX, 1, 1);
	pen_enter(&p, &pp);
	ck_assert(pen_escape(&p) & PEN_NOTE);
	ck_assert(!p.anchor_set);
	ck_assert_uint_eq(pen_escape(&p), 0);
	view_only = pp;
	view_only.ink = NULL;
	pen_enter(&p, &view_only);                     /* a corner needs no ink */
	place(&p, &view_only, PEN_BOX, 5, 4);
	ck_assert(pen_enter(&p, &view_only) & PEN_REFUSED);
	ck_assert_uint_eq(cp_at(&s, 1, 1), 0);
	ck_assert_uint_eq(cp_at(&s, 5, 4), 0);
}
END_TEST

START_TEST(test_brush_and_eraser)
{
	struct segment s;
	struct pen p;
	struct pen_paper pp;
	unsigned r;

	setup(&s, &p, &pp, 20, 6);
	ck_assert_uint_eq(p.brush, 0x2588);
	place(&p, &pp, PEN_BRUSH, 2, 2);
	r = pen_type(&p, &pp, '*');                    /* chooses the brush and dabs it */
	ck_assert(r & PEN_NOTE);
	ck_assert_uint_eq(p.brush, '*');
	ck_assert_uint_eq(cp_at(&s, 2, 2), '*');
	ck_assert_uint_eq(p.col, 2);                  /* the brush does not advance */
	pen_move(&p, &pp, 3, 1);
	ck_assert_uint_eq(cp_at(&s, 3, 2), '*');
	ck_assert_uint_eq(cp_at(&s, 5, 2), '*');
	ck_assert_uint_eq(cp_at(&s, 5, 3), '*');      /* columns first, then rows */
	ck_assert_uint_eq(cp_at(&s, 2, 3), 0);
	p.tool = PEN_ERASER;
	pen_move(&p, &pp, -3, 0);
	ck_assert_uint_eq(cp_at(&s, 5, 3), 0);
	ck_assert_uint_eq(cp_at(&s, 2, 3), 0);
	ck_assert_uint_eq(cp_at(&s, 5, 2), '*');      /* the other row is left alone */
	/* the cursor stops at the board's edge */
	pen_move(&p, &pp, -100, 100);
	ck_assert_uint_eq(p.col, 0);
	ck_assert_uint_eq(p.row, 5);
	/* a non-ASCII brush on a terminal without UTF-8 */
	pen_init(&p, false);
	ck_assert_uint_eq(p.brush, '#');
}
END_TEST

START_TEST(test_text_and_wide_at_edges)
{
	struct segment s;
	struct pen p;
	struct pen_paper pp;
	unsigned r;

	setup(&s, &p, &pp, 16, 4);
	place(&p, &pp, PEN_TEXT, 13, 0);
	pen_type(&p, &pp, 'a');
	ck_assert_uint_eq(p.col, 14);
	r = pen_type(&p, &pp, 0x6F22);                 /* 漢 in the last two columns */
	ck_assert(r & PEN_CELLS);
	ck_assert_uint_eq(cp_at(&s, 14, 0), 0x6F22);
	ck_assert_uint_eq(cp_at(&s, 15, 0), CELL_CONT);
	ck_assert_uint_eq(p.col, 14);                 /* no room to advance past the edge */
	place(&p, &pp, PEN_TEXT, 15, 1);
	r = pen_type(&p, &pp, 0x6F22);                 /* only one column left */
	ck_assert(r & PEN_NOTE);
	ck_assert(p.note_warn);
	ck_assert_uint_eq(cp_at(&s, 15, 1), 0);
	/* backspace steps over the whole wide character */
	place(&p, &pp, PEN_TEXT, 4, 2);
	pen_type(&p, &pp, 0x6F22);
	ck_assert_uint_eq(p.col, 6);
	pen_backspace(&p, &pp);
	ck_assert_uint_eq(p.col, 4);
	ck_assert_uint_eq(cp_at(&s, 4, 2), 0);
	ck_assert_uint_eq(cp_at(&s, 5, 2), 0);
	/* a control character is refused with a note, nothing written */
	r = pen_type(&p, &pp, 0x1B);
	ck_assert_uint_eq(r, PEN_NOTE);
	ck_assert_uint_eq(cp_at(&s, 4, 2), 0);
	/* Enter returns to where the line started */
	place(&p, &pp, PEN_TEXT, 3, 0);
	pen_type(&p, &pp, 'x');
	pen_type(&p, &pp, 'y');
	pen_enter(&p, &pp);
	ck_assert_uint_eq(p.col, 3);
	ck_assert_uint_eq(p.row, 1);
	/* Delete erases under the cursor without moving */
	place(&p, &pp, PEN_TEXT, 3, 0);
	ck_assert(pen_delete(&p, &pp) & PEN_CELLS);
	ck_assert_uint_eq(cp_at(&s, 3, 0), 0);
	ck_assert_uint_eq(p.col, 3);
}
END_TEST

START_TEST(test_typing_stops_at_the_edge)
{
	struct segment s;
	struct pen p;
	struct pen_paper pp;
	unsigned r;

	setup(&s, &p, &pp, 16, 4);
	place(&p, &pp, PEN_TEXT, 14, 1);
	pen_type(&p, &pp, 'a');
	pen_type(&p, &pp, 'b');                        /* the last cell */
	ck_assert_uint_eq(cp_at(&s, 15, 1), 'b');
	ck_assert_uint_eq(p.col, 15);
	r = pen_type(&p, &pp, 'c');                    /* past the edge: refused, said */
	ck_assert_uint_eq(r, PEN_NOTE);
	ck_assert(p.note_warn);
	ck_assert_ptr_nonnull(strstr(p.note, "column 15"));
	ck_assert_uint_eq(cp_at(&s, 15, 1), 'b');      /* not overwritten */
	/* backspace there erases the last character, and typing goes on */
	pen_backspace(&p, &pp);
	ck_assert_uint_eq(cp_at(&s, 15, 1), 0);
	ck_assert_uint_eq(cp_at(&s, 14, 1), 'a');
	ck_assert_uint_eq(p.col, 15);
	pen_type(&p, &pp, 'd');
	ck_assert_uint_eq(cp_at(&s, 15, 1), 'd');
	/* a move away and back is a deliberate choice of the cell: typing overwrites it */
	pen_move(&p, &pp, -1, 0);
	pen_move(&p, &pp, 1, 0);
	pen_type(&p, &pp, 'e');
	ck_assert_uint_eq(cp_at(&s, 15, 1), 'e');
	/* Enter leaves the edge for the next line */
	pen_enter(&p, &pp);
	ck_assert_uint_eq(p.row, 2);
	pen_type(&p, &pp, 'f');
	ck_assert_uint_eq(cp_at(&s, p.line_start, 2), 'f');
}
END_TEST

START_TEST(test_no_ink_writes_nothing)
{
	struct segment s;
	struct pen p;
	struct pen_paper pp, none;
	uint32_t r, c;

	setup(&s, &p, &pp, 20, 6);
	none = pp;
	none.ink = NULL;
	p.tool = PEN_BRUSH;
	ck_assert(pen_move(&p, &none, 5, 2) & PEN_REFUSED);
	ck_assert_uint_eq(p.col, 5);                  /* the cursor still moves */
	ck_assert_uint_eq(pen_type(&p, &none, 'x'), PEN_REFUSED);
	ck_assert_uint_eq(pen_backspace(&p, &none), PEN_REFUSED);
	ck_assert_uint_eq(p.col, 5);
	ck_assert_uint_eq(pen_delete(&p, &none), PEN_REFUSED);
	ck_assert(pen_press(&p, &none, 1, 1) & PEN_REFUSED);
	ck_assert(pen_drag(&p, &none, 4, 1) & PEN_REFUSED);
	pen_release(&p, &none, 4, 1);
	p.tool = PEN_TEXT;
	ck_assert_uint_eq(pen_move(&p, &none, 1, 0) & PEN_REFUSED, 0);   /* text only moves */
	for (r = 0; r < 6; r++)
		for (c = 0; c < 20; c++)
			ck_assert_uint_eq(cell_content(board_get(&s.board, c, r)), 0);
	/* nothing at all without a board to look at */
	none.view = NULL;
	ck_assert_uint_eq(pen_move(&p, &none, 1, 0), 0);
	ck_assert_uint_eq(pen_enter(&p, &none), 0);
}
END_TEST

START_TEST(test_mouse_strokes)
{
	struct segment s;
	struct pen p;
	struct pen_paper pp;

	setup(&s, &p, &pp, 20, 6);
	/* a drag with the text tool paints with the brush */
	pen_press(&p, &pp, 1, 1);
	ck_assert(p.down);
	ck_assert_uint_eq(cp_at(&s, 1, 1), 0);        /* a text press only moves */
	pen_drag(&p, &pp, 3, 1);
	pen_release(&p, &pp, 3, 2);
	ck_assert(!p.down);
	ck_assert_uint_eq(cp_at(&s, 1, 1), 0x2588);
	ck_assert_uint_eq(cp_at(&s, 2, 1), 0x2588);
	ck_assert_uint_eq(cp_at(&s, 3, 2), 0x2588);
	ck_assert_uint_eq(p.tool, PEN_TEXT);          /* the tool is unchanged */
	/* a box dragged from corner to corner, drawn at the release */
	p.tool = PEN_BOX;
	pen_press(&p, &pp, 6, 0);
	ck_assert(p.anchor_set);
	pen_drag(&p, &pp, 8, 1);
	ck_assert_uint_eq(cp_at(&s, 6, 0), 0);        /* nothing until the release */
	ck_assert(pen_release(&p, &pp, 9, 2) & PEN_CELLS);
	ck_assert_uint_eq(cp_at(&s, 6, 0), 0x250C);
	ck_assert_uint_eq(cp_at(&s, 9, 2), 0x2518);
	/* a click with the box tool draws nothing and forgets the corner */
	pen_press(&p, &pp, 12, 3);
	pen_release(&p, &pp, 12, 3);
	ck_assert(!p.anchor_set);
	ck_assert_uint_eq(cp_at(&s, 12, 3), 0);
	/* the eraser erases where it is pressed; a lift ends the stroke */
	p.tool = PEN_ERASER;
	pen_press(&p, &pp, 1, 1);
	ck_assert_uint_eq(cp_at(&s, 1, 1), 0);
	pen_lift(&p);
	ck_assert(!p.down);
}
END_TEST

START_TEST(test_tools_cycle)
{
	struct pen p;
	int i;

	pen_init(&p, true);
	ck_assert_str_eq(pen_tool_name(p.tool), "TEXT");
	p.anchor_set = true;
	ck_assert(pen_next_tool(&p) & PEN_NOTE);
	ck_assert(!p.anchor_set);
	ck_assert_str_eq(pen_tool_name(p.tool), "BRUSH");
	ck_assert_str_eq(p.note, "tool: BRUSH");
	ck_assert_str_eq(pen_tool_name(PEN_FILL), "FILL");
	ck_assert_str_eq(pen_tool_name(PEN_SELECT), "SELECT");
	ck_assert_int_eq(PEN_NTOOLS, 7);
	for (i = 0; i < PEN_NTOOLS - 1; i++)
		pen_next_tool(&p);
	ck_assert_str_eq(pen_tool_name(p.tool), "TEXT");
	ck_assert_str_eq(pen_tool_name(PEN_NTOOLS), "?");
}
END_TEST

/* Type the code points of cps[0..n) one by one, as a terminal delivers them. */
static unsigned
type_all(struct pen *p, const struct pen_paper *pp, const uint32_t *cps, size_t n)
{
	unsigned r = 0;
	size_t i;

	for (i = 0; i < n; i++)
		r = pen_type(p, pp, cps[i]);
	return r;
}

/* A letter and its combining accent, typed apart, are one cell; selectors change nothing. */
START_TEST(test_typed_graphemes_compose)
{
	static const uint32_t e_acute[] = { 'e', 0x301, 'x' };
	static const uint32_t heart[] = { 0x2764, 0xFE0F, 'y' };
	static const uint32_t grin[] = { 0x1F600, 0xFE0F, 'z' };
	static const uint32_t ga[] = { 0x1100, 0x1161, 0x11A8, '!' };
	struct segment s;
	struct pen p;
	struct pen_paper pp;
	unsigned r;

	setup(&s, &p, &pp, 20, 6);
	place(&p, &pp, PEN_TEXT, 2, 0);
	r = type_all(&p, &pp, e_acute, 2);
	ck_assert(r & PEN_CELLS);
	ck_assert_uint_eq(cell_content(board_get(&s.board, 2, 0)), cell_make(0xE9, 3, 2));
	ck_assert_uint_eq(p.col, 3);
	pen_type(&p, &pp, e_acute[2]);
	ck_assert_uint_eq(cp_at(&s, 3, 0), 'x');
	ck_assert_uint_eq(cp_at(&s, 4, 0), 0);
	/* ❤ U+FE0F: the heart at its own width, the selector dropped */
	place(&p, &pp, PEN_TEXT, 2, 1);
	type_all(&p, &pp, heart, 3);
	ck_assert_uint_eq(cp_at(&s, 2, 1), 0x2764);
	ck_assert_uint_eq(cp_at(&s, 3, 1), 'y');
	place(&p, &pp, PEN_TEXT, 2, 2);
	ck_assert_uint_eq(type_all(&p, &pp, grin, 2), 0);    /* the selector: nothing to do */
	pen_type(&p, &pp, grin[2]);
	ck_assert_uint_eq(cp_at(&s, 2, 2), 0x1F600);
	ck_assert_uint_eq(cp_at(&s, 3, 2), CELL_CONT);
	ck_assert_uint_eq(cp_at(&s, 4, 2), 'z');
	/* a leading consonant waits for its vowel, then they are one syllable (and its final) */
	place(&p, &pp, PEN_TEXT, 2, 3);
	r = pen_type(&p, &pp, ga[0]);
	ck_assert(r & PEN_NOTE);
	ck_assert(p.note_warn);
	ck_assert_ptr_nonnull(strstr(p.note, "U+1100 cannot be drawn on a board (a Hangul "
	    "leading consonant"));
	ck_assert_uint_eq(cp_at(&s, 2, 3), 0);
	ck_assert_uint_eq(p.col, 2);
	r = pen_type(&p, &pp, ga[1]);
	ck_assert(r & PEN_CELLS);
	ck_assert(!p.note_warn);
	ck_assert_str_eq(p.note, "U+AC00: the characters typed made one");
	ck_assert_uint_eq(cp_at(&s, 2, 3), 0xAC00);
	ck_assert_uint_eq(cp_at(&s, 3, 3), CELL_CONT);
	ck_assert_uint_eq(p.col, 4);
	pen_type(&p, &pp, ga[2]);
	ck_assert_uint_eq(cp_at(&s, 2, 3), 0xAC01);
	ck_assert_uint_eq(p.col, 4);
	pen_type(&p, &pp, ga[3]);
	ck_assert_uint_eq(cp_at(&s, 4, 3), '!');
	/* at the board's edge the accent still joins the last character */
	place(&p, &pp, PEN_TEXT, 19, 4);
	type_all(&p, &pp, e_acute, 2);
	ck_assert_uint_eq(cp_at(&s, 19, 4), 0xE9);
	ck_assert(p.at_edge);
	/* and the brush takes the whole grapheme */
	place(&p, &pp, PEN_BRUSH, 5, 5);
	type_all(&p, &pp, e_acute, 2);
	ck_assert_uint_eq(p.brush, 0xE9);
	ck_assert_uint_eq(cp_at(&s, 5, 5), 0xE9);
}
END_TEST

/* What cannot be one cell is taken back and said, as it grows. */
START_TEST(test_typed_graphemes_refused)
{
	static const uint32_t coder[] = { 0x1F469, 0x200D, 0x1F4BB };
	static const uint32_t flag[] = { 0x1F1EA, 0x1F1F8 };
	static const uint32_t thumb[] = { 0x1F44D, 0x1F3FD };
	struct segment s;
	struct pen p;
	struct pen_paper pp;
	unsigned r;

	setup(&s, &p, &pp, 20, 6);
	place(&p, &pp, PEN_TEXT, 2, 0);
	r = pen_type(&p, &pp, coder[0]);
	ck_assert_uint_eq(cp_at(&s, 2, 0), 0x1F469);
	ck_assert_uint_eq(p.col, 4);
	r = pen_type(&p, &pp, coder[1]);
	ck_assert(r & PEN_CELLS);
	ck_assert(r & PEN_NOTE);
	ck_assert_uint_eq(cp_at(&s, 2, 0), 0);
	ck_assert_uint_eq(cp_at(&s, 3, 0), 0);
	ck_assert_uint_eq(p.col, 2);
	ck_assert_str_eq(p.note, "U+1F469 U+200D is 2 code points that cannot share a cell: an "
	    "emoji ZWJ sequence; a cell holds one character, so write its parts apart (without "
	    "U+200D); taken back");
	r = pen_type(&p, &pp, coder[2]);
	ck_assert_uint_eq(r, PEN_NOTE);
	ck_assert(p.note_warn);
	ck_assert_str_eq(p.note, "U+1F469 U+200D U+1F4BB is 3 code points that cannot share a "
	    "cell: an emoji ZWJ sequence; a cell holds one character, so write its parts apart "
	    "(without U+200D)");
	ck_assert_uint_eq(cp_at(&s, 2, 0), 0);
	ck_assert_uint_eq(p.col, 2);
	pen_type(&p, &pp, 'x');                        /* the next grapheme goes where it was */
	ck_assert_uint_eq(cp_at(&s, 2, 0), 'x');
	/* a flag: neither half is drawn */
	place(&p, &pp, PEN_TEXT, 2, 1);
	r = type_all(&p, &pp, flag, 2);
	ck_assert_uint_eq(r, PEN_NOTE);
	ck_assert_ptr_nonnull(strstr(p.note, "a flag (two regional indicators)"));
	ck_assert_uint_eq(cp_at(&s, 2, 1), 0);
	ck_assert_uint_eq(p.col, 2);
	/* a skin tone: the thumb is taken back */
	r = type_all(&p, &pp, thumb, 2);
	ck_assert_ptr_nonnull(strstr(p.note, "an emoji with a skin tone"));
	ck_assert_uint_eq(cp_at(&s, 2, 1), 0);
	/* a mark with no character before it: after a move, after another client's write */
	place(&p, &pp, PEN_TEXT, 2, 2);
	pen_type(&p, &pp, 'e');
	pen_move(&p, &pp, 1, 0);
	r = pen_type(&p, &pp, 0x301);
	ck_assert_uint_eq(r, PEN_NOTE);
	ck_assert_str_eq(p.note, "U+0301 cannot be drawn on a board (a combining mark with no "
	    "character before it)");
	ck_assert_uint_eq(cp_at(&s, 2, 2), 'e');
	place(&p, &pp, PEN_TEXT, 5, 2);
	pen_type(&p, &pp, 'e');
	board_set(&s.board, 5, 2, cell_make('z', 1, 1));
	ck_assert_uint_eq(pen_type(&p, &pp, 0x301), PEN_NOTE);
	ck_assert_uint_eq(board_get(&s.board, 5, 2), cell_make('z', 1, 1));
	/* a character refused at the edge: its accent is dropped with it */
	place(&p, &pp, PEN_TEXT, 18, 3);
	pen_type(&p, &pp, 'a');
	pen_type(&p, &pp, 'b');
	ck_assert_uint_eq(pen_type(&p, &pp, 'c'), PEN_NOTE);
	ck_assert_uint_eq(pen_type(&p, &pp, 0x301), 0);
	ck_assert_uint_eq(cp_at(&s, 19, 3), 'b');
}
END_TEST

/* The text of board row r from column c0 to c1 (empty cells as '.'), ASCII only. */
static const char *
row_text(const struct segment *s, uint32_t r, uint32_t c0, uint32_t c1)
{
	static char buf[64];
	uint32_t c, cp;
	size_t n = 0;

	for (c = c0; c <= c1 && n + 1 < sizeof buf; c++) {
		cp = cp_at(s, c, r);
		buf[n++] = cp == 0 ? '.' : cp < 0x80 ? (char)cp : '?';
	}
	buf[n] = '\0';
	return buf;
}

/* A paste is a block at the cursor: lines at its column, tabs from its left edge, no drift. */
START_TEST(test_paste_block)
{
	const char *text = "ab\tc\r\nd\te\rf\n\tg\n";
	struct segment s;
	struct pen p;
	struct pen_paper pp;
	unsigned r;

	setup(&s, &p, &pp, 30, 8);
	place(&p, &pp, PEN_LINE, 3, 1);                /* any tool pastes text */
	r = block_paste(&p, &pp, text, strlen(text));
	ck_assert_uint_eq(r, PEN_CELLS | PEN_CURSOR | PEN_NOTE);
	ck_assert(!p.note_warn);
	ck_assert_str_eq(p.note, "pasted 7 characters on 4 lines at 3,1");
	ck_assert_str_eq(row_text(&s, 1, 2, 12), ".ab......c.");
	ck_assert_str_eq(row_text(&s, 2, 2, 12), ".d.......e.");
	ck_assert_str_eq(row_text(&s, 3, 2, 12), ".f.........");
	ck_assert_str_eq(row_text(&s, 4, 2, 12), ".........g.");
	ck_assert_uint_eq(cell_content(board_get(&s.board, 3, 1)), cell_make('a', 3, 2));
	/* the cursor after the final newline: the block's left edge, the next line */
	ck_assert_uint_eq(p.col, 3);
	ck_assert_uint_eq(p.row, 5);
	ck_assert_uint_eq(p.line_start, 3);
	/* without a final newline: after the last character; Enter returns to the edge */
	place(&p, &pp, PEN_TEXT, 20, 6);
	block_paste(&p, &pp, "xy\nz", 4);
	ck_assert_uint_eq(p.col, 21);
	ck_assert_uint_eq(p.row, 7);
	ck_assert_str_eq(row_text(&s, 7, 20, 21), "z.");
	pen_enter(&p, &pp);
	ck_assert_uint_eq(p.col, 20);
	/* graphemes as typed: e + U+0301 is one cell, a selector is dropped */
	place(&p, &pp, PEN_TEXT, 0, 0);
	block_paste(&p, &pp, "e\xcc\x81\xe2\x9d\xa4\xef\xb8\x8fx", 10);
	ck_assert_uint_eq(cp_at(&s, 0, 0), 0xE9);
	ck_assert_uint_eq(cp_at(&s, 1, 0), 0x2764);
	ck_assert_uint_eq(cp_at(&s, 2, 0), 'x');
	ck_assert_str_eq(p.note, "pasted 3 characters on 1 line at 0,0");
}
END_TEST

/* What falls off the board is dropped and said; bad text refuses the whole paste. */
START_TEST(test_paste_edges_and_refusals)
{
	struct segment s;
	struct pen p;
	struct pen_paper pp, none;
	uint64_t *before;
	unsigned r;

	setup(&s, &p, &pp, 30, 6);
	place(&p, &pp, PEN_TEXT, 26, 4);
	r = block_paste(&p, &pp, "123456\nabc\nxyz", 14);
	ck_assert(r & PEN_CELLS);
	ck_assert(p.note_warn);
	ck_assert_str_eq(p.note, "pasted 7 characters on 3 lines at 26,4; 5 outside the board "
	    "were dropped");
	ck_assert_str_eq(row_text(&s, 4, 25, 29), ".1234");
	ck_assert_str_eq(row_text(&s, 5, 25, 29), ".abc.");
	ck_assert_uint_eq(p.col, 29);                  /* clamped to the board */
	ck_assert_uint_eq(p.row, 5);
	/* a wide character that would straddle the right edge is dropped, not cut */
	place(&p, &pp, PEN_TEXT, 28, 0);
	block_paste(&p, &pp, "a\xe6\xbc\xa2", 4);
	ck_assert_uint_eq(cp_at(&s, 28, 0), 'a');
	ck_assert_uint_eq(cp_at(&s, 29, 0), 0);
	ck_assert_str_eq(p.note, "pasted 1 character on 1 line at 28,0; 1 outside the board was "
	    "dropped");
	/* refused whole: a control, invalid UTF-8, a grapheme no cell holds */
	before = malloc(30 * 6 * sizeof *before);
	ck_assert_ptr_nonnull(before);
	for (uint32_t i = 0; i < 30 * 6; i++)
		before[i] = board_get(&s.board, i % 30, i / 30);
	place(&p, &pp, PEN_TEXT, 2, 1);
	r = block_paste(&p, &pp, "fine\nok\x1b[31mred", 15);
	ck_assert_uint_eq(r, PEN_NOTE);
	ck_assert(p.note_warn);
	ck_assert_str_eq(p.note, "paste refused, nothing placed: line 2, column 3: U+001B cannot "
	    "be drawn on a board (a control, zero-width or unassigned character)");
	r = block_paste(&p, &pp, "fine\xff", 5);
	ck_assert_uint_eq(r, PEN_NOTE);
	ck_assert_str_eq(p.note, "paste refused, nothing placed: line 1, column 5: invalid UTF-8 "
	    "(byte 0xff, byte 5 of the line)");
	r = block_paste(&p, &pp, "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb", 11);
	ck_assert_ptr_nonnull(strstr(p.note, "paste refused, nothing placed: line 1, column 1: "
	    "U+1F469 U+200D U+1F4BB is 3 code points that cannot share a cell"));
	/* a refused paste even off the board's edge changes nothing */
	place(&p, &pp, PEN_TEXT, 25, 5);
	ck_assert_uint_eq(block_paste(&p, &pp, "abcdefgh\x07", 9), PEN_NOTE);
	for (uint32_t i = 0; i < 30 * 6; i++)
		ck_assert_uint_eq(board_get(&s.board, i % 30, i / 30), before[i]);
	free(before);
	ck_assert_uint_eq(p.col, 25);
	ck_assert_uint_eq(p.row, 5);
	/* nothing to paste; no ink */
	ck_assert_uint_eq(block_paste(&p, &pp, "", 0), PEN_NOTE);
	none = pp;
	none.ink = NULL;
	ck_assert_uint_eq(block_paste(&p, &none, "x", 1), PEN_REFUSED);
	none.view = NULL;
	ck_assert_uint_eq(block_paste(&p, &none, "x", 1), 0);
}
END_TEST

/* Put text on the board at (col, row), for the fill's tests. */
static void
put(struct segment *s, uint32_t col, uint32_t row, const char *text, unsigned colour)
{
	struct pzerr e;

	ck_assert_int_eq(text_put(&s->board, col, row, text, strlen(text), colour, 0, &e), 0);
}

/* The fill stops at whatever differs: a box's lines, another glyph, another colour. */
START_TEST(test_fill_bounds)
{
	struct segment s;
	struct pen p;
	struct pen_paper pp;
	unsigned r;
	uint32_t c, y;

	setup(&s, &p, &pp, 20, 8);
	place(&p, &pp, PEN_BOX, 1, 1);
	pen_enter(&p, &pp);
	place(&p, &pp, PEN_BOX, 6, 5);
	pen_enter(&p, &pp);
	put(&s, 3, 3, "x", 0);                            /* a different glyph inside */
	put(&s, 4, 4, "  ", 0);                           /* spaces are blank, as empty cells */
	p.brush = '.';
	place(&p, &pp, PEN_FILL, 2, 2);
	r = pen_enter(&p, &pp);
	ck_assert(r & PEN_CELLS);
	ck_assert(r & PEN_NOTE);
	ck_assert_str_eq(p.note, "filled 11 cells");     /* 4 x 3 inside, less the x */
	for (y = 2; y <= 4; y++)
		for (c = 2; c <= 5; c++)
			ck_assert_uint_eq(cp_at(&s, c, y), c == 3 && y == 3 ? 'x' : '.');
	ck_assert_uint_eq(cp_at(&s, 1, 2), V);           /* the box is as it was */
	ck_assert_uint_eq(cp_at(&s, 0, 0), 0);           /* and outside too */
	ck_assert_uint_eq(cp_at(&s, 7, 3), 0);
	ck_assert_uint_eq(cell_colour(board_get(&s.board, 2, 2)), 3);
	ck_assert_uint_eq(cell_author(board_get(&s.board, 2, 2)), 2);
	/* again: the region already holds the brush, nothing is written */
	r = pen_enter(&p, &pp);
	ck_assert(!(r & PEN_CELLS));
	ck_assert_str_eq(p.note, "fill: this region already holds the brush");
	/* the same glyph in another colour is another region: it recolours */
	pp.colour = 5;
	r = pen_enter(&p, &pp);
	ck_assert_str_eq(p.note, "filled 11 cells");
	ck_assert_uint_eq(cell_colour(board_get(&s.board, 5, 4)), 5);
	ck_assert_uint_eq(cp_at(&s, 3, 3), 'x');
	/* outside the box: everything else but the box and its inside */
	p.brush = '#';
	place(&p, &pp, PEN_FILL, 0, 7);
	pen_enter(&p, &pp);
	ck_assert_str_eq(p.note, "filled 130 cells");    /* 160 less the box's 6 x 5 */
	ck_assert_uint_eq(cp_at(&s, 19, 0), '#');
	ck_assert_uint_eq(cp_at(&s, 2, 2), '.');
}
END_TEST

/* The region is four-neighbour: a diagonal gap does not let it through. */
START_TEST(test_fill_four_neighbours)
{
	struct segment s;
	struct pen p;
	struct pen_paper pp;

	setup(&s, &p, &pp, 16, 4);
	/* a diagonal wall of o from (0,3) to (3,0) */
	put(&s, 3, 0, "o", 0);
	put(&s, 2, 1, "o", 0);
	put(&s, 1, 2, "o", 0);
	put(&s, 0, 3, "o", 0);
	p.brush = '*';
	place(&p, &pp, PEN_FILL, 0, 0);
	pen_enter(&p, &pp);
	ck_assert_str_eq(p.note, "filled 6 cells");      /* the corner above the wall */
	ck_assert_uint_eq(cp_at(&s, 2, 0), '*');
	ck_assert_uint_eq(cp_at(&s, 1, 1), '*');
	ck_assert_uint_eq(cp_at(&s, 3, 1), 0);           /* across the diagonal: not reached */
	ck_assert_uint_eq(cp_at(&s, 2, 2), 0);
	/* a click fills too */
	ck_assert(pen_press(&p, &pp, 10, 2) & PEN_CELLS);
	pen_release(&p, &pp, 10, 2);
	ck_assert_uint_eq(cp_at(&s, 15, 3), '*');
	ck_assert_uint_eq(cp_at(&s, 3, 0), 'o');
}
END_TEST

/* Wide characters: both halves in the region or neither; a wide brush takes two cells. */
START_TEST(test_fill_wide)
{
	struct segment s;
	struct pen p;
	struct pen_paper pp;

	setup(&s, &p, &pp, 16, 4);
	put(&s, 0, 0, "中中中  ab", 0);                  /* columns 0-5, two blanks, a b */
	put(&s, 0, 1, "中x中", 0);
	/* from the right half of the second 中: the wide characters joined to it */
	p.brush = '+';
	place(&p, &pp, PEN_FILL, 3, 0);
	pen_enter(&p, &pp);
	ck_assert_str_eq(p.note, "filled 10 cells");     /* 3 on row 0, 2 on row 1: 5 x 2 */
	ck_assert_uint_eq(cp_at(&s, 0, 0), '+');
	ck_assert_uint_eq(cp_at(&s, 5, 0), '+');
	ck_assert_uint_eq(cp_at(&s, 1, 1), '+');         /* both halves */
	ck_assert_uint_eq(cp_at(&s, 2, 1), 'x');
	ck_assert_uint_eq(cp_at(&s, 3, 1), '+');
	ck_assert_uint_eq(cp_at(&s, 4, 1), '+');
	ck_assert_uint_eq(cp_at(&s, 8, 0), 'a');
	/* a blank region between wide characters never splits one */
	setup(&s, &p, &pp, 16, 4);
	put(&s, 0, 0, "中   中", 0);                     /* blanks at 2, 3, 4 */
	put(&s, 0, 1, "xxxxxxxxxxxxxxxx", 0);
	put(&s, 0, 2, "xxxxxxxxxxxxxxxx", 0);
	put(&s, 0, 3, "xxxxxxxxxxxxxxxx", 0);
	put(&s, 7, 0, "xxxxxxxxx", 0);
	p.brush = 0x6F22;                                /* 漢, wide */
	place(&p, &pp, PEN_FILL, 3, 0);
	pen_enter(&p, &pp);
	ck_assert_str_eq(p.note, "filled 2 cells");      /* 2-3; 4 has no room for a right half */
	ck_assert_uint_eq(cp_at(&s, 0, 0), 0x4E2D);
	ck_assert_uint_eq(cp_at(&s, 1, 0), CELL_CONT);
	ck_assert_uint_eq(cp_at(&s, 2, 0), 0x6F22);
	ck_assert_uint_eq(cp_at(&s, 3, 0), CELL_CONT);
	ck_assert_uint_eq(cp_at(&s, 4, 0), ' ');   /* the space put there */
	ck_assert_uint_eq(cp_at(&s, 5, 0), 0x4E2D);
	ck_assert_uint_eq(cp_at(&s, 6, 0), CELL_CONT);
	/* one blank cell: no room at all, nothing changes */
	place(&p, &pp, PEN_FILL, 4, 0);
	ck_assert(!(pen_enter(&p, &pp) & PEN_CELLS));
	ck_assert_str_eq(p.note, "fill: no room for a wide brush here: nothing filled");
	ck_assert_uint_eq(cp_at(&s, 4, 0), ' ');   /* the space put there */
}
END_TEST

/* Without ink the fill is refused and writes nothing; the region can be read before painting. */
START_TEST(test_fill_refused_and_region)
{
	struct segment s;
	struct pen p;
	struct pen_paper pp, none;
	struct fill_region fr;

	setup(&s, &p, &pp, 20, 6);
	put(&s, 0, 2, "--------------------", 0);
	none = pp;
	none.ink = NULL;
	place(&p, &pp, PEN_FILL, 4, 0);
	ck_assert_uint_eq(pen_enter(&p, &none), PEN_REFUSED);
	ck_assert_uint_eq(pen_press(&p, &none, 4, 0) & PEN_REFUSED, PEN_REFUSED);
	ck_assert_uint_eq(cp_at(&s, 4, 0), 0);
	none.view = NULL;
	ck_assert_uint_eq(pen_enter(&p, &none), 0);
	ck_assert_int_eq(fill_find(&fr, &s.board, 4, 0), 0);
	ck_assert_uint_eq(fr.cells, 40);
	ck_assert_uint_eq(fr.c0, 0);
	ck_assert_uint_eq(fr.c1, 19);
	ck_assert_uint_eq(fr.r0, 0);
	ck_assert_uint_eq(fr.r1, 1);
	ck_assert(fill_has(&fr, 19, 1));
	ck_assert(!fill_has(&fr, 0, 2));
	ck_assert(!fill_has(&fr, 20, 0));
	ck_assert_uint_eq(fill_paint(&fr, &s.board, 'z', 1, 0), 40);
	fill_free(&fr);
	ck_assert(!fill_has(&fr, 0, 0));
	ck_assert_uint_eq(cp_at(&s, 0, 2), '-');
	ck_assert_int_eq(fill_find(&fr, &s.board, 20, 0), -1);
}
END_TEST

/* A 2000 x 1000 board: filled whole with a stack of two spans; a comb with one per tooth at most. */
START_TEST(test_fill_large_board_bounded)
{
	struct segment s;
	struct pen p;
	struct pen_paper pp;
	struct fill_region fr;
	uint32_t c, y;

	setup(&s, &p, &pp, 2000, 1000);
	p.brush = '.';
	place(&p, &pp, PEN_FILL, 1000, 500);
	pen_enter(&p, &pp);
	ck_assert_str_eq(p.note, "filled 2000000 cells");
	ck_assert_uint_eq(cp_at(&s, 0, 0), '.');
	ck_assert_uint_eq(cp_at(&s, 1999, 999), '.');
	ck_assert_int_eq(fill_find(&fr, &s.board, 0, 0), 0);
	ck_assert_uint_eq(fr.cells, 2000000);
	ck_assert_uint_le(fr.stack_peak, 2);
	fill_free(&fr);
	/* a comb: a wall on row 0 with teeth down every other column but the last row */
	for (c = 1; c < 2000; c += 2)
		for (y = 0; y < 999; y++)
			board_draw(&s.board, c, y, '#', 0, 0);
	ck_assert_int_eq(fill_find(&fr, &s.board, 0, 0), 0);
	ck_assert_uint_eq(fr.cells, 1000 * 999 + 2000);
	ck_assert_uint_le(fr.stack_peak, 1001);          /* at most one span per tooth and row */
	fill_free(&fr);
}
END_TEST

/* The pen's line style and arrows, and the glyph picked. */
START_TEST(test_styles_arrows_and_pick)
{
	struct segment s;
	struct pen p;
	struct pen_paper pp;

	setup(&s, &p, &pp, 20, 6);
	ck_assert_int_eq(pen_style(&p), -1);              /* the text tool draws no lines */
	place(&p, &pp, PEN_LINE, 1, 1);
	ck_assert_int_eq(pen_style(&p), LINES_SINGLE);
	pen_next_style(&p);
	ck_assert_int_eq(pen_style(&p), LINES_DOUBLED);
	pen_toggle_arrows(&p);
	pen_move(&p, &pp, 3, 0);
	pen_move(&p, &pp, 0, 2);
	ck_assert_uint_eq(cp_at(&s, 1, 1), 0x2550);       /* ═ */
	ck_assert_uint_eq(cp_at(&s, 4, 1), 0x2557);       /* ╗ */
	ck_assert_uint_eq(cp_at(&s, 4, 2), 0x2551);       /* ║ */
	ck_assert_uint_eq(cp_at(&s, 4, 3), 0x2193);       /* ↓ at the line's end */
	pen_toggle_arrows(&p);
	pen_next_style(&p);
	pen_next_style(&p);
	ck_assert_int_eq(pen_style(&p), LINES_ROUNDED);
	place(&p, &pp, PEN_BOX, 8, 0);
	ck_assert_int_eq(pen_style(&p), LINES_ROUNDED);
	pen_enter(&p, &pp);
	place(&p, &pp, PEN_BOX, 12, 3);
	pen_enter(&p, &pp);
	ck_assert_uint_eq(cp_at(&s, 8, 0), 0x256D);
	ck_assert_uint_eq(cp_at(&s, 12, 3), 0x256F);
	/* a glyph picked is the brush, and the tool the brush ... */
	ck_assert(pen_pick(&p, 0x2592));
	ck_assert_uint_eq(p.brush, 0x2592);
	ck_assert_int_eq(p.tool, PEN_BRUSH);
	/* ... but for the fill, which fills with it */
	p.tool = PEN_FILL;
	ck_assert(pen_pick(&p, 0x2591));
	ck_assert_int_eq(p.tool, PEN_FILL);
	ck_assert_uint_eq(p.brush, 0x2591);
	ck_assert(!pen_pick(&p, 0x0301));                 /* no cell holds a combining mark */
	ck_assert_uint_eq(p.brush, 0x2591);
}
END_TEST

/* The pen's writes go to the undo history (undo.h): a fill is one step, one too large is not kept. */
START_TEST(test_writes_recorded_for_undo)
{
	struct segment s;
	struct pen p;
	struct pen_paper pp;
	struct history_result r;

	setup(&s, &p, &pp, 40, 10);
	ck_assert_int_eq(undo_open(HISTORY_DEFAULT_BYTES), 0);
	p.brush = '.';
	place(&p, &pp, PEN_FILL, 2, 2);
	undo_step(HISTORY_FILL, UNDO_ONCE, PEN_FILL);
	ck_assert(pen_enter(&p, &pp) & PEN_CELLS);
	undo_end();
	ck_assert(!undo_dropped());
	ck_assert_uint_eq(cp_at(&s, 39, 9), '.');
	ck_assert_int_eq(undo_undo(&s.board, &r), 0);
	ck_assert_int_eq(r.kind, HISTORY_FILL);
	ck_assert_uint_eq(r.restored, 400);
	ck_assert_uint_eq(cp_at(&s, 39, 9), 0);
	/* a typed character and its wide neighbour, as one step of typing */
	place(&p, &pp, PEN_TEXT, 5, 5);
	undo_step(HISTORY_TYPING, UNDO_TYPING, PEN_TEXT);
	pen_type(&p, &pp, 'a');
	undo_step(HISTORY_TYPING, UNDO_TYPING, PEN_TEXT);   /* at once: the same run */
	pen_type(&p, &pp, 0x4E2D);
	ck_assert_int_eq(undo_undo(&s.board, &r), 0);
	ck_assert_uint_eq(r.restored, 3);
	ck_assert_uint_eq(cp_at(&s, 5, 5), 0);
	ck_assert_uint_eq(cp_at(&s, 7, 5), 0);
	/* in a history of 4 KB, a fill of 400 cells cannot be kept, and says so once */
	ck_assert_int_eq(undo_open(4096), 0);
	place(&p, &pp, PEN_FILL, 2, 2);
	undo_step(HISTORY_FILL, UNDO_ONCE, PEN_FILL);
	ck_assert(pen_enter(&p, &pp) & PEN_CELLS);
	undo_end();
	ck_assert(undo_dropped());
	ck_assert(!undo_dropped());
	ck_assert_uint_eq(undo_budget(), 4096);
	ck_assert_int_eq(undo_undo(&s.board, &r), -1);
	ck_assert_uint_eq(cp_at(&s, 39, 9), '.');             /* done all the same */
	undo_close();
	ck_assert_int_eq(undo_undo(&s.board, &r), -1);        /* closed: nothing recorded */
}
END_TEST

static Suite *
pen_suite(void)
{
	Suite *s = suite_create("pen");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_line_turns_corners);
	tcase_add_test(tc, test_line_crosses_box);
	tcase_add_test(tc, test_box_escape_and_refusal);
	tcase_add_test(tc, test_brush_and_eraser);
	tcase_add_test(tc, test_text_and_wide_at_edges);
	tcase_add_test(tc, test_typing_stops_at_the_edge);
	tcase_add_test(tc, test_no_ink_writes_nothing);
	tcase_add_test(tc, test_mouse_strokes);
	tcase_add_test(tc, test_tools_cycle);
	tcase_add_test(tc, test_typed_graphemes_compose);
	tcase_add_test(tc, test_typed_graphemes_refused);
	tcase_add_test(tc, test_paste_block);
	tcase_add_test(tc, test_paste_edges_and_refusals);
	tcase_add_test(tc, test_fill_bounds);
	tcase_add_test(tc, test_fill_four_neighbours);
	tcase_add_test(tc, test_fill_wide);
	tcase_add_test(tc, test_fill_refused_and_region);
	tcase_add_test(tc, test_fill_large_board_bounded);
	tcase_add_test(tc, test_styles_arrows_and_pick);
	tcase_add_test(tc, test_writes_recorded_for_undo);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(pen_suite());
}
