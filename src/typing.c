/*
 * typing.c - a grapheme typed as several characters. Each character that
 * joins the cluster (grapheme_add) judges it again: the same character
 * (a variation selector) leaves the cell as it is, another one redraws
 * the cell (its width may change, and the cursor with it), and a cluster
 * no cell can hold takes back what was drawn for it and says why. A
 * refusal said before is followed by what the characters made in the end.
 */
#include <stdarg.h>
#include <stdio.h>

#include "i18n.h"
#include "cell.h"
#include "typing.h"
#include "undo.h"

/* Leave a note for the pen to show. */
static unsigned __attribute__((format(printf, 3, 4)))
typing_note(struct typing *t, bool warn, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->note, sizeof t->note, fmt, ap);
	va_end(ap);
	t->note_warn = warn;
	return TYPING_NOTE;
}

void
typing_forget(struct typing *t)
{
	t->g.n = 0;
}

bool
typing_joins(struct typing *t, const struct typing_cursor *c, int tool,
	     const struct board *ink, uint32_t cp)
{
	return t->g.n > 0 && tool == t->tool && c->col == t->next_col && c->row == t->row &&
	    c->at_edge == t->edge &&
	    (t->cp == 0 || t->brush || cell_cp(board_get(ink, t->col, t->row)) == t->cp) &&
	    grapheme_add(&t->g, cp);
}

bool
typing_start(struct typing *t, const struct typing_cursor *c, int tool, bool brush, uint32_t cp)
{
	grapheme_init(&t->g);
	grapheme_add(&t->g, cp);
	grapheme_judge(&t->g);
	t->col = c->col;
	t->row = c->row;
	t->tool = tool;
	t->brush = brush;
	t->cp = 0;
	t->dead = t->said = false;
	return t->g.verdict == GRAPHEME_CELL;
}

void
typing_placed(struct typing *t, const struct typing_cursor *c, const struct board *ink,
	      uint32_t cp)
{
	if (t->brush || cell_cp(board_get(ink, t->col, t->row)) == cp)
		t->cp = cp;
	else
		t->dead = true;
	typing_after(t, c);
}

void
typing_after(struct typing *t, const struct typing_cursor *c)
{
	t->next_col = c->col;
	t->edge = c->at_edge;
}

unsigned
typing_refuse(struct typing *t, const char *then)
{
	char why[200];

	t->said = true;
	return typing_note(t, true, "%s%s", grapheme_why(&t->g, why, sizeof why), then);
}

/* The brush's grapheme grew: the brush becomes it, and its cell is dabbed again. */
static unsigned
typing_brush(struct typing *t, struct typing_cursor *c, const struct board *ink,
	     unsigned colour, unsigned author)
{
	const struct grapheme *g = &t->g;

	if (g->verdict != GRAPHEME_CELL)
		return typing_refuse(t,
		    /* TRANSLATORS: after why the typed character is refused */
		    _("; the brush stays as it was"));
	c->brush = g->cp;
	t->cp = g->cp;
	return (undo_draw(ink, t->col, t->row, g->cp, colour, author) > 0 ? TYPING_CELLS : 0) |
	    typing_note(t, false, _("brush is now the character you typed"));
}

unsigned
typing_grow(struct typing *t, struct typing_cursor *c, const struct board *ink,
	    unsigned colour, unsigned author, uint32_t cols)
{
	const struct grapheme *g = &t->g;
	uint32_t old = t->cp;
	unsigned r = 0;
	int w;

	grapheme_judge(&t->g);
	if (g->verdict == GRAPHEME_CELL && g->cp == old)
		return 0;   /* a variation selector: the cell stays as it is */
	if (t->brush)
		return typing_brush(t, c, ink, colour, author);
	if (old != 0 && (g->verdict != GRAPHEME_CELL || cell_width(old) != cell_width(g->cp))) {
		r |= (undo_draw(ink, t->col, t->row, 0, colour, author) > 0 ? TYPING_CELLS : 0) |
		    TYPING_CURSOR;
		c->col = t->col;
		c->at_edge = false;
		t->cp = 0;
	}
	if (g->verdict != GRAPHEME_CELL) {
		typing_after(t, c);
		return r | typing_refuse(t, old != 0 ?
		    /* TRANSLATORS: after why the typed character is refused: it was removed */
		    _("; taken back") : "");
	}
	w = undo_draw(ink, t->col, t->row, g->cp, colour, author);
	if (w < 0) {
		t->dead = true;
		typing_after(t, c);
		return r | typing_note(t, true, _("no room for a wide character at the board's edge"));
	}
	r |= TYPING_CELLS | TYPING_CURSOR;
	t->cp = g->cp;
	c->at_edge = t->col + (uint32_t)w >= cols;
	c->col = c->at_edge ? t->col : t->col + (uint32_t)w;
	typing_after(t, c);
	if (t->said) {
		/* the refusal said before is stale: say what it became */
		t->said = false;
		r |= typing_note(t, false, _("U+%04X: the characters typed made one"), (unsigned)g->cp);
	}
	return r;
}
