/*
 * pen.c - the tools as a table (pen_tools[]): each row says whether moving
 * paints, how one step from a cell to its neighbour is drawn, what a
 * press, Enter and a typed character do, and which tool a mouse drag
 * uses. The operations below walk the cursor cell by cell and call the
 * row's functions, so a new tool is one row and its functions. Lines and
 * boxes (and their style) are lines.c's, a grapheme typed as several
 * characters typing.c's, the fill's region fill.c's.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "cell.h"
#include "fill.h"
#include "lines.h"
#include "pen.h"
#include "typing.h"
#include "undo.h"

struct pen_tool {
	const char *name;
	bool paints;                   /* moving the cursor uses the tool */
	enum pen_tool_id drag_as;      /* the tool a mouse drag uses */
	/* one step of the cursor from (c1, r1) to the neighbouring (c2, r2) */
	unsigned (*step)(struct pen *, const struct pen_paper *, uint32_t, uint32_t,
			 uint32_t, uint32_t);
	unsigned (*press)(struct pen *, const struct pen_paper *);
	unsigned (*enter)(struct pen *, const struct pen_paper *);
	unsigned (*type)(struct pen *, const struct pen_paper *, uint32_t);
};

unsigned
pen_note(struct pen *p, bool warn, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p->note, sizeof p->note, fmt, ap);
	va_end(ap);
	p->note_warn = warn;
	return PEN_NOTE;
}

/* Write one character with the paper's ink; PEN_CELLS when written. */
static unsigned
pen_put(const struct pen_paper *pp, uint32_t col, uint32_t row, uint32_t cp)
{
	return undo_draw(pp->ink, col, row, cp, pp->colour, pp->author) > 0 ? PEN_CELLS : 0;
}

/* The paper's ink, for lines.c. */
static struct lines_ink
pen_ink(const struct pen_paper *pp)
{
	struct lines_ink ink = { pp->ink, pp->colour, pp->author };

	return ink;
}

/* What the brush lays (also for the text tool, which drags as the brush), and the eraser: nothing. */
static uint32_t
pen_dab(const struct pen *p)
{
	return p->tool == PEN_ERASER ? 0 : p->brush;
}

/* A step of the brush or the eraser: both cells get what it lays. */
static unsigned
pen_dab_step(struct pen *p, const struct pen_paper *pp, uint32_t c1, uint32_t r1,
	     uint32_t c2, uint32_t r2)
{
	return pen_put(pp, c1, r1, pen_dab(p)) | pen_put(pp, c2, r2, pen_dab(p));
}

static unsigned
pen_line_step(struct pen *p, const struct pen_paper *pp, uint32_t c1, uint32_t r1,
	      uint32_t c2, uint32_t r2)
{
	struct lines_ink ink = pen_ink(pp);

	return lines_step(&p->line, &ink, c1, r1, c2, r2) ? PEN_CELLS : 0;
}

/*
 * Typing with the text tool (and the tools that have no use for a
 * character). The cursor cannot pass the row's last cell, so a character
 * typed there stays and the next one is refused rather than overwriting it.
 */
static unsigned
pen_type_char(struct pen *p, const struct pen_paper *pp, uint32_t cp)
{
	int w;

	if (p->at_edge)
		return pen_note(p, true, _("the board ends at column %u: Enter goes to the next "
		    "line"), pp->view->cols - 1);
	w = undo_draw(pp->ink, p->col, p->row, cp, pp->colour, pp->author);
	if (w < 0)
		return PEN_CELLS | pen_note(p, true, _("no room for a wide character at the "
		    "board's edge"));
	if (p->col + (uint32_t)w < pp->view->cols)
		p->col += (uint32_t)w;
	else
		p->at_edge = true;
	return PEN_CELLS | PEN_CURSOR;
}

/* Typing with the brush chooses the brush (and dabs it). */
static unsigned
pen_brush_type(struct pen *p, const struct pen_paper *pp, uint32_t cp)
{
	p->brush = cp;
	return pen_put(pp, p->col, p->row, cp) |
	    pen_note(p, false, _("brush is now the character you typed"));
}

static unsigned
pen_newline(struct pen *p, const struct pen_paper *pp)
{
	if (p->row + 1 < pp->view->rows)
		p->row++;
	p->col = p->line_start;
	return PEN_CURSOR;
}

/* Enter with the box tool: the first corner, then the box to the cursor. */
static unsigned
pen_box_enter(struct pen *p, const struct pen_paper *pp)
{
	struct lines_ink ink;
	uint32_t c0, c1, r0, r1;

	if (!p->anchor_set) {
		p->anchor_set = true;
		p->anchor_col = p->col;
		p->anchor_row = p->row;
		return pen_note(p, false, _("box: corner at %u,%u; move to the other corner, "
		    "Enter draws, Esc cancels"), p->col, p->row);
	}
	p->anchor_set = false;
	if (pp->ink == NULL)
		return PEN_REFUSED;
	c0 = p->anchor_col < p->col ? p->anchor_col : p->col;
	c1 = p->anchor_col < p->col ? p->col : p->anchor_col;
	r0 = p->anchor_row < p->row ? p->anchor_row : p->row;
	r1 = p->anchor_row < p->row ? p->row : p->anchor_row;
	ink = pen_ink(pp);
	return (lines_box(&p->line, &ink, c0, r0, c1, r1) ? PEN_CELLS : 0) | PEN_CURSOR | PEN_DONE;
}

static unsigned
pen_dab_press(struct pen *p, const struct pen_paper *pp)
{
	return pp->ink == NULL ? PEN_REFUSED : pen_put(pp, p->col, p->row, pen_dab(p));
}

static unsigned
pen_box_press(struct pen *p, const struct pen_paper *pp)
{
	(void)pp;
	p->anchor_set = true;
	p->anchor_col = p->col;
	p->anchor_row = p->row;
	return 0;
}

/*
 * TRANSLATORS: the tools' names, on the status line (first, in upper
 * case, at most 8 columns) and in the help ("TEXT types...")
 */
static const struct pen_tool pen_tools[PEN_NTOOLS] = {
	[PEN_TEXT] = { N_("TEXT"), false, PEN_BRUSH, NULL, NULL, pen_newline, pen_type_char },
	[PEN_BRUSH] = { N_("BRUSH"), true, PEN_BRUSH, pen_dab_step, pen_dab_press, pen_newline,
			pen_brush_type },
	[PEN_LINE] = { N_("LINE"), true, PEN_LINE, pen_line_step, NULL, pen_newline,
		       pen_type_char },
	[PEN_BOX] = { N_("BOX"), false, PEN_BOX, NULL, pen_box_press, pen_box_enter,
		      pen_type_char },
	[PEN_ERASER] = { N_("ERASER"), true, PEN_ERASER, pen_dab_step, pen_dab_press, pen_newline,
			 pen_type_char },
	[PEN_FILL] = { N_("FILL"), false, PEN_FILL, NULL, pen_fill, pen_fill, pen_type_char },
	/* the selection's keys and strokes are selact.c's: here it only moves */
	[PEN_SELECT] = { N_("SELECT"), false, PEN_SELECT, NULL, NULL, pen_newline, pen_type_char },
};

void
pen_init(struct pen *p, bool utf8)
{
	memset(p, 0, sizeof *p);
	p->tool = PEN_TEXT;
	p->brush = utf8 ? 0x2588 : '#';
}

const char *
pen_tool_name(enum pen_tool_id t)
{
	return (unsigned)t < PEN_NTOOLS ? _(pen_tools[t].name) : "?";
}

void
pen_place(struct pen *p, uint32_t col, uint32_t row)
{
	p->col = p->line_start = col;
	p->row = row;
	p->at_edge = false;
}

unsigned
pen_next_tool(struct pen *p)
{
	p->tool = (enum pen_tool_id)((p->tool + 1) % PEN_NTOOLS);
	p->anchor_set = false;
	return pen_note(p, false, _("tool: %s"), pen_tool_name(p->tool));
}

void
pen_next_style(struct pen *p)
{
	lines_next_style(&p->line);
}

void
pen_toggle_arrows(struct pen *p)
{
	lines_toggle_arrows(&p->line);
}

int
pen_style(const struct pen *p)
{
	return p->tool == PEN_LINE || p->tool == PEN_BOX ? (int)p->line.style : -1;
}

bool
pen_pick(struct pen *p, uint32_t cp)
{
	if (!cell_drawable(cp))
		return false;
	p->brush = cp;
	if (p->tool != PEN_FILL)
		p->tool = PEN_BRUSH;
	p->anchor_set = false;
	typing_forget(&p->typed);
	return true;
}

unsigned
pen_fill(struct pen *p, const struct pen_paper *pp)
{
	struct fill_region fr;
	uint32_t n;

	if (pp->view == NULL)
		return 0;
	if (pp->ink == NULL)
		return PEN_REFUSED;
	if (fill_same(pp->ink, p->col, p->row, p->brush, pp->colour))
		return pen_note(p, false, _("fill: this region already holds the brush"));
	if (fill_find(&fr, pp->ink, p->col, p->row) != 0)
		return pen_note(p, true, _("fill: not enough memory for this board: nothing "
		    "filled"));
	n = fill_paint(&fr, pp->ink, p->brush, pp->colour, pp->author);
	fill_free(&fr);
	if (n == 0)
		return pen_note(p, true, _("fill: no room for a wide brush here: nothing filled"));
	return PEN_CELLS | pen_note(p, false, P_("filled %u cell", "filled %u cells", n), n);
}

/*
 * Walk the cursor to (col, row) with tool t: columns first, then rows, one
 * neighbour at a time, so every cell on the way is drawn and a line turns
 * one corner.
 */
static unsigned
pen_walk(struct pen *p, const struct pen_paper *pp, const struct pen_tool *t, uint32_t col,
	 uint32_t row)
{
	uint32_t c = p->col, r = p->row;
	unsigned out = PEN_CURSOR;

	if (t->paints && (col != c || row != r)) {
		if (pp->ink == NULL) {
			out |= PEN_REFUSED;
		} else {
			while (c != col || r != row) {
				uint32_t nc = c, nr = r;

				if (c != col)
					nc = c < col ? c + 1 : c - 1;
				else
					nr = r < row ? r + 1 : r - 1;
				out |= t->step(p, pp, c, r, nc, nr);
				c = nc;
				r = nr;
			}
		}
	}
	p->col = col;
	p->row = row;
	return out;
}

/* Clamp p's cursor plus (dc, dr) to the board. */
static void
pen_target(const struct pen *p, const struct board *b, long dc, long dr, uint32_t *col,
	   uint32_t *row)
{
	long c = (long)p->col + dc, r = (long)p->row + dr;

	*col = (uint32_t)(c < 0 ? 0 : c >= (long)b->cols ? (long)b->cols - 1 : c);
	*row = (uint32_t)(r < 0 ? 0 : r >= (long)b->rows ? (long)b->rows - 1 : r);
}

unsigned
pen_move(struct pen *p, const struct pen_paper *pp, long dc, long dr)
{
	uint32_t col, row;
	unsigned r;

	p->at_edge = false;
	if (pp->view == NULL)
		return 0;
	pen_target(p, pp->view, dc, dr, &col, &row);
	r = pen_walk(p, pp, &pen_tools[p->tool], col, row);
	p->line_start = p->col;
	return r;
}

/* The cursor and the brush, for typing.c to move. */
static struct typing_cursor
pen_cursor(const struct pen *p)
{
	struct typing_cursor c = { p->col, p->row, p->at_edge, p->brush };

	return c;
}

/* Show typing.c's note, if it has one; its bits are the pen's. */
static unsigned
pen_typed(struct pen *p, unsigned r)
{
	_Static_assert(TYPING_CELLS == PEN_CELLS && TYPING_CURSOR == PEN_CURSOR &&
		       TYPING_NOTE == PEN_NOTE, "typing.c's bits are the pen's");

	if (r & TYPING_NOTE)
		pen_note(p, p->typed.note_warn, "%s", p->typed.note);
	return r;
}

/* The grapheme typed grew: draw what it is now in its cell, or take it back. */
static unsigned
pen_retype(struct pen *p, const struct pen_paper *pp)
{
	struct typing_cursor c = pen_cursor(p);
	unsigned r = typing_grow(&p->typed, &c, pp->ink, pp->colour, pp->author, pp->view->cols);

	p->col = c.col;
	p->at_edge = c.at_edge;
	p->brush = c.brush;
	return pen_typed(p, r);
}

unsigned
pen_type(struct pen *p, const struct pen_paper *pp, uint32_t cp)
{
	struct typing_cursor c = pen_cursor(p);
	unsigned r;

	if (pp->view == NULL)
		return 0;
	if (pp->ink == NULL)
		return PEN_REFUSED;
	if (typing_joins(&p->typed, &c, (int)p->tool, pp->ink, cp))
		return p->typed.dead ? 0 : pen_retype(p, pp);
	/* a new grapheme */
	if (!typing_start(&p->typed, &c, (int)p->tool, p->tool == PEN_BRUSH, cp)) {
		typing_after(&p->typed, &c);
		return pen_typed(p, typing_refuse(&p->typed, ""));
	}
	r = pen_tools[p->tool].type(p, pp, cp);
	c = pen_cursor(p);
	typing_placed(&p->typed, &c, pp->ink, cp);
	return r;
}

unsigned
pen_backspace(struct pen *p, const struct pen_paper *pp)
{
	uint32_t col = p->col;
	bool edge = p->at_edge;
	unsigned r;

	p->at_edge = false;
	if (pp->view == NULL)
		return 0;
	if (pp->ink == NULL)
		return PEN_REFUSED;
	/* after the row's last character the cursor is, in effect, past it */
	if (edge)
		return pen_put(pp, col, p->row, 0) | PEN_CURSOR;
	if (col == 0)
		return 0;
	col--;
	if (col > 0 && cell_cp(board_get(pp->view, col, p->row)) == CELL_CONT)
		col--;
	r = pen_put(pp, col, p->row, 0);
	p->col = col;
	return r | PEN_CURSOR;
}

unsigned
pen_delete(struct pen *p, const struct pen_paper *pp)
{
	p->at_edge = false;
	if (pp->ink == NULL)
		return PEN_REFUSED;
	return pen_put(pp, p->col, p->row, 0);
}

unsigned
pen_enter(struct pen *p, const struct pen_paper *pp)
{
	p->at_edge = false;
	if (pp->view == NULL)
		return 0;
	return pen_tools[p->tool].enter(p, pp);
}

unsigned
pen_escape(struct pen *p)
{
	unsigned r = p->anchor_set ? pen_note(p, false, _("box cancelled")) : 0;

	p->anchor_set = false;
	return r;
}

unsigned
pen_press(struct pen *p, const struct pen_paper *pp, uint32_t col, uint32_t row)
{
	const struct pen_tool *t = &pen_tools[p->tool];

	p->at_edge = false;
	if (pp->view == NULL)
		return 0;
	p->down = true;
	p->col = col;
	p->row = row;
	p->line_start = col;
	return (t->press != NULL ? t->press(p, pp) : 0) | PEN_CURSOR;
}

unsigned
pen_drag(struct pen *p, const struct pen_paper *pp, uint32_t col, uint32_t row)
{
	const struct pen_tool *t = &pen_tools[pen_tools[p->tool].drag_as];
	unsigned r;

	p->at_edge = false;
	if (pp->view == NULL)
		return 0;
	if (t->step == NULL) {
		/* a tool that does not paint on the way (the box) only moves the cursor */
		p->col = col;
		p->row = row;
		return PEN_CURSOR;
	}
	r = pen_walk(p, pp, t, col, row);
	p->line_start = p->col;
	return r;
}

unsigned
pen_release(struct pen *p, const struct pen_paper *pp, uint32_t col, uint32_t row)
{
	unsigned r = 0;

	if (pp->view == NULL)
		return 0;
	if (p->down && (col != p->col || row != p->row))
		r = pen_drag(p, pp, col, row);
	p->down = false;
	if (p->tool == PEN_BOX && p->anchor_set && (p->anchor_col != col || p->anchor_row != row))
		return r | pen_box_enter(p, pp);
	if (p->anchor_set)
		r |= PEN_DONE;
	p->anchor_set = false;
	return r;
}

void
pen_lift(struct pen *p)
{
	p->down = false;
}
