/*
 * stroke.c - the drawing actions: the drawing keys, typing, a paste, the
 * mouse's strokes and the choice of tool, all through the pen. It owns
 * nothing: each one makes the pen's paper from the session (the board
 * shown, the board we may write or none, our colour and slot), lets the
 * pen draw, and turns what the pen reports (PEN_* bits) into the
 * session's notification, the cursor's publication and a message, with
 * action.c's action_refused and action_cursor. The line style, the
 * arrows and the brush picked are the pen's too, said here. Each says
 * where its undo step begins and ends (undo.h), and the undo and redo
 * keys are here: what they took back, and what they kept because someone
 * changed it since.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"
#include "stroke.h"
#include "canvas.h"
#include "lines.h"
#include "block.h"
#include "paint.h"
#include "pen.h"
#include "selact.h"
#include "session.h"
#include "status.h"
#include "undo.h"

/* The pen's paper for this session now. */
static struct pen_paper
stroke_paper(const struct desk *d)
{
	const struct session *s = d->session;
	struct pen_paper pp = {
		.view = session_board(s),
		.ink = session_block(s) == SESSION_WRITABLE ? &s->seg.board : NULL,
		.colour = paint_style(d->paint, s->me.colour),
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
	if (action_too_large(d))
		r &= ~(unsigned)(PEN_NOTE | PEN_DONE);   /* that is what the status line says */
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

/* The step a mouse press or Enter opens with the pen's tool. */
static enum history_kind
stroke_kind(const struct desk *d)
{
	return d->pen->tool == PEN_BOX ? HISTORY_BOX : d->pen->tool == PEN_FILL ? HISTORY_FILL :
	    HISTORY_DRAW;
}

/*
 * Move the pen by (dc, dr) (arrow: one of the arrows): a tool that draws
 * as it moves goes on with its run; the selection takes them while it is on.
 */
static unsigned
stroke_move(struct desk *d, long dc, long dr, bool arrow)
{
	struct pen_paper pp = stroke_paper(d);
	enum pen_tool_id t = d->pen->tool;

	if (t == PEN_BRUSH || t == PEN_LINE || t == PEN_ERASER)
		undo_step(HISTORY_DRAW, UNDO_KEYS, (int)t);
	else
		undo_end();            /* moving away ends a run of typing */

	if (selact_on(d))
		return selact_walk(d, dc, dr, arrow);

	return stroke_pen(d, pen_move(d->pen, &pp, dc, dr));
}

unsigned
stroke_tool(struct desk *d)
{
	undo_end();
	return stroke_pen(d, pen_next_tool(d->pen)) | selact_tool_changed(d);
}

unsigned
stroke_style(struct desk *d)
{
	undo_end();
	pen_next_style(d->pen);
	status_message(d->status, false, _("line style: %s"), lines_style_name(d->pen->line.style));
	return 0;
}

unsigned
stroke_arrows(struct desk *d)
{
	undo_end();
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
stroke_colours(struct desk *d)
{
	if (d->session->readonly) {
		action_refused(d);
		return 0;
	}
	return ACT_SWATCH;
}

unsigned
stroke_pick(struct desk *d, uint32_t cp)
{
	char utf[8];
	int k = utf8_encode(cp, utf);

	if (k <= 0 || !pen_pick(d->pen, cp))
		return 0;
	undo_end();
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
	bool once = d->pen->tool == PEN_BOX || d->pen->tool == PEN_FILL;
	unsigned r;

	if (selact_on(d))
		return selact_enter(d);
	if (once)
		undo_step(stroke_kind(d), UNDO_ONCE, (int)d->pen->tool);
	r = pen_enter(d->pen, &pp);    /* with the other tools, a line of typing goes on */
	if (once)
		undo_end();
	return stroke_pen(d, r);
}

unsigned
stroke_backspace(struct desk *d)
{
	struct pen_paper pp = stroke_paper(d);

	if (d->pen->tool == PEN_SELECT)
		return selact_delete(d);
	undo_step(HISTORY_TYPING, UNDO_TYPING, (int)d->pen->tool);
	return stroke_pen(d, pen_backspace(d->pen, &pp));
}

unsigned
stroke_delete(struct desk *d)
{
	struct pen_paper pp = stroke_paper(d);

	if (d->pen->tool == PEN_SELECT)
		return selact_delete(d);
	undo_step(HISTORY_TYPING, UNDO_TYPING, (int)d->pen->tool);
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
	undo_step(HISTORY_TYPING, UNDO_TYPING, (int)d->pen->tool);
	return stroke_pen(d, pen_type(d->pen, &pp, cp));
}

unsigned
stroke_paste(struct desk *d, const char *text, size_t len)
{
	struct pen_paper pp = stroke_paper(d);
	unsigned r;

	undo_step(HISTORY_PASTE, UNDO_ONCE, (int)d->pen->tool);
	r = block_paste(d->pen, &pp, text, len);
	undo_end();
	return stroke_pen(d, r);
}

unsigned
stroke_press(struct desk *d, uint32_t col, uint32_t row)
{
	struct pen_paper pp = stroke_paper(d);

	if (selact_on(d))
		return selact_press(d, col, row);
	undo_step(stroke_kind(d), UNDO_ONCE, (int)d->pen->tool);   /* press to release */
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
	unsigned r;

	if (selact_on(d))
		return selact_release(d, col, row);
	r = pen_release(d->pen, &pp, col, row);
	undo_end();
	return stroke_pen(d, r);
}

unsigned
stroke_lift(struct desk *d)
{
	pen_lift(d->pen);
	undo_end();
	return 0;
}

/*
 * TRANSLATORS: what an undo or redo took back or did again, put into
 * "undid %s: ..." and "redid %s: ..."
 */
static const char *const stroke_kinds[HISTORY_KINDS] = {
	[HISTORY_DRAW] = N_("the stroke"), [HISTORY_TYPING] = N_("the typing"),
	[HISTORY_BOX] = N_("the box"), [HISTORY_FILL] = N_("the fill"),
	[HISTORY_PASTE] = N_("the paste"), [HISTORY_CUT] = N_("the cut"),
	[HISTORY_MOVE] = N_("the move"), [HISTORY_DELETE] = N_("the deletion"),
	[HISTORY_CLEAR] = N_("the clear"),
};

/* Undo or redo our last step on the board, and say what it did. */
static unsigned
stroke_history(struct desk *d, bool undo)
{
	struct history_result r;
	char kept[96] = "";
	const char *what;

	if (action_refused(d))
		return ACT_STATUS;
	if ((undo ? undo_undo : undo_redo)(&d->session->seg.board, &r) != 0) {
		if (errno == ENOENT)
			status_message(d->status, false, "%s", undo ? _("nothing to undo") :
			    _("nothing to redo"));
		else
			status_message(d->status, true, "%s: %s", undo ? _("undo") : _("redo"),
			    strerror(errno));
		return ACT_STATUS;
	}
	if (r.restored > 0)
		session_touched(d->session);
	if (r.kept > 0)
		/* TRANSLATORS: the end of "undid the box: 12 cells%s": cells left as
		 * they are because someone else changed them after us */
		snprintf(kept, sizeof kept, P_(", %zu kept (changed by others)",
		    ", %zu kept (changed by others)", r.kept), r.kept);
	what = (unsigned)r.kind < HISTORY_KINDS ? _(stroke_kinds[r.kind]) : "?";
	if (undo)
		/* TRANSLATORS: the status line after Ctrl-Z: "undid the box: 12 cells,
		 * 3 kept (changed by others)"; at most 78 columns in all */
		status_message(d->status, r.kept > 0, P_("undid %s: %zu cell%s", "undid %s: %zu cells%s",
		    r.restored), what, r.restored, kept);
	else
		/* TRANSLATORS: the status line after Ctrl-Y, as "undid..." */
		status_message(d->status, r.kept > 0, P_("redid %s: %zu cell%s", "redid %s: %zu cells%s",
		    r.restored), what, r.restored, kept);
	return ACT_STATUS;
}

unsigned
stroke_undo(struct desk *d)
{
	return stroke_history(d, true);
}

unsigned
stroke_redo(struct desk *d)
{
	return stroke_history(d, false);
}
