/*
 * stroke.c - the drawing actions: the drawing keys, typing, a paste, the
 * mouse's strokes and the choice of tool, all through the pen. It owns
 * nothing: each one makes the pen's paper from the session (the board
 * shown, the board we may write or none, our colour and slot), lets the
 * pen draw, and turns what the pen reports (PEN_* bits) into the
 * session's notification, the cursor's publication and a message, with
 * action.c's action_refused and action_cursor. The line style, the
 * arrows and the brush picked are the pen's too, said here.
 */
#include <stdint.h>

#include "i18n.h"
#include "utf8.h"
#include "stroke.h"
#include "canvas.h"
#include "lines.h"
#include "block.h"
#include "pen.h"
#include "selact.h"
#include "session.h"
#include "status.h"

/* The pen's paper for this session now. */
static struct pen_paper
stroke_paper(const struct desk *d)
{
	const struct session *s = d->session;
	struct pen_paper pp = {
		.view = session_board(s),
		.ink = session_block(s) == SESSION_WRITABLE ? &s->seg.board : NULL,
		.colour = s->me.colour,
		.author = session_author(s),
	};

	return pp;
}

/* Our own cursor moved: the view is ours again if it was following someone. */
static void
stroke_moved_self(struct desk *d)
{
	if (!d->canvas->following)
		return;
	canvas_unfollow(d->canvas);
	status_message(d->status, false, _("you moved: no longer following (Ctrl-F follows again)"));
}

/* Act on what the pen did: notify, publish, say. */
static unsigned
stroke_pen(struct desk *d, unsigned r)
{
	if (r & PEN_REFUSED)
		action_refused(d);
	if (r & PEN_CELLS)
		session_touched(d->session);
	if (r & PEN_NOTE)
		status_message(d->status, d->pen->note_warn, "%s", d->pen->note);
	else if (r & PEN_DONE)
		status_clear(d->status);       /* "box: corner at..." is done with */
	if (r & PEN_CURSOR) {
		stroke_moved_self(d);
		action_cursor(d);
	}
	return 0;
}

/* Move the pen by (dc, dr) (arrow: one of the arrows); the selection's while it takes them. */
static unsigned
stroke_move(struct desk *d, long dc, long dr, bool arrow)
{
	struct pen_paper pp = stroke_paper(d);

	if (selact_on(d))
		return selact_walk(d, dc, dr, arrow);

	return stroke_pen(d, pen_move(d->pen, &pp, dc, dr));
}

unsigned
stroke_tool(struct desk *d)
{
	return stroke_pen(d, pen_next_tool(d->pen)) | selact_tool_changed(d);
}

unsigned
stroke_style(struct desk *d)
{
	pen_next_style(d->pen);
	status_message(d->status, false, _("line style: %s"), lines_style_name(d->pen->line.style));
	return 0;
}

unsigned
stroke_arrows(struct desk *d)
{
	pen_toggle_arrows(d->pen);
	status_message(d->status, false, "%s", d->pen->line.arrows ?
	    _("arrows at the end of lines: on") : _("arrows at the end of lines: off"));
	return 0;
}

unsigned
stroke_picker(struct desk *d)
{
	(void)d;
	return ACT_PICKER;
}

unsigned
stroke_pick(struct desk *d, uint32_t cp)
{
	char utf[8];
	int k = utf8_encode(cp, utf);

	if (k <= 0 || !pen_pick(d->pen, cp))
		return 0;
	selact_tool_changed(d);          /* the tool became the brush: the selection goes */
	utf[k] = '\0';
	/* TRANSLATORS: %s is the character chosen from the glyphs, then the tool's name */
	status_message(d->status, false, _("brush is now %s (tool: %s)"), utf,
	    pen_tool_name(d->pen->tool));
	return ACT_STATUS;
}

unsigned
stroke_left(struct desk *d)
{
	return stroke_move(d, -1, 0, true);
}

unsigned
stroke_right(struct desk *d)
{
	return stroke_move(d, 1, 0, true);
}

unsigned
stroke_up(struct desk *d)
{
	return stroke_move(d, 0, -1, true);
}

unsigned
stroke_down(struct desk *d)
{
	return stroke_move(d, 0, 1, true);
}

unsigned
stroke_home(struct desk *d)
{
	return stroke_move(d, -(long)d->pen->col, 0, false);
}

unsigned
stroke_end(struct desk *d)
{
	return stroke_move(d, BOARD_MAX_COLS, 0, false);
}

/* A page is the canvas's height less one row, so a line of context stays. */
static long
stroke_page(const struct desk *d)
{
	return d->canvas->h > 1 ? d->canvas->h - 1 : 1;
}

unsigned
stroke_page_up(struct desk *d)
{
	return stroke_move(d, 0, -stroke_page(d), false);
}

unsigned
stroke_page_down(struct desk *d)
{
	return stroke_move(d, 0, stroke_page(d), false);
}

unsigned
stroke_tab(struct desk *d)
{
	return stroke_move(d, 8 - (long)(d->pen->col % 8), 0, false);
}

unsigned
stroke_enter(struct desk *d)
{
	struct pen_paper pp = stroke_paper(d);

	if (selact_on(d))
		return selact_enter(d);
	return stroke_pen(d, pen_enter(d->pen, &pp));
}

unsigned
stroke_backspace(struct desk *d)
{
	struct pen_paper pp = stroke_paper(d);

	if (d->pen->tool == PEN_SELECT)
		return selact_delete(d);
	return stroke_pen(d, pen_backspace(d->pen, &pp));
}

unsigned
stroke_delete(struct desk *d)
{
	struct pen_paper pp = stroke_paper(d);

	if (d->pen->tool == PEN_SELECT)
		return selact_delete(d);
	return stroke_pen(d, pen_delete(d->pen, &pp));
}

unsigned
stroke_escape(struct desk *d)
{
	if (selact_on(d))
		return selact_escape(d);
	return stroke_pen(d, pen_escape(d->pen));
}

unsigned
stroke_type(struct desk *d, uint32_t cp)
{
	struct pen_paper pp = stroke_paper(d);

	if (d->pen->tool == PEN_SELECT)
		return selact_type(d, cp);
	return stroke_pen(d, pen_type(d->pen, &pp, cp));
}

unsigned
stroke_paste(struct desk *d, const char *text, size_t len)
{
	struct pen_paper pp = stroke_paper(d);

	return stroke_pen(d, block_paste(d->pen, &pp, text, len));
}

unsigned
stroke_press(struct desk *d, uint32_t col, uint32_t row)
{
	struct pen_paper pp = stroke_paper(d);

	if (selact_on(d))
		return selact_press(d, col, row);
	return stroke_pen(d, pen_press(d->pen, &pp, col, row));
}

unsigned
stroke_drag(struct desk *d, uint32_t col, uint32_t row)
{
	struct pen_paper pp = stroke_paper(d);

	if (selact_on(d))
		return selact_drag(d, col, row);
	return stroke_pen(d, pen_drag(d->pen, &pp, col, row));
}

unsigned
stroke_release(struct desk *d, uint32_t col, uint32_t row)
{
	struct pen_paper pp = stroke_paper(d);

	if (selact_on(d))
		return selact_release(d, col, row);
	return stroke_pen(d, pen_release(d->pen, &pp, col, row));
}

unsigned
stroke_lift(struct desk *d)
{
	pen_lift(d->pen);
	return 0;
}
