/*
 * selact.c - the selection's actions (selact.h). It owns nothing: the
 * rectangle, the clipboard and the preview are clip.c's (on the desk), the
 * cursor the pen's. Each action works on the board we may write (or says
 * why not, action_refused), collects the cells it changed in a clip_log,
 * hands the log to selact_record as one undo step, notifies once
 * (session_touched), publishes the selection with the cursor (the others
 * draw it in our colour) and says what it did.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "history.h"
#include "clip.h"
#include "osc52.h"
#include "paint.h"
#include "screen.h"
#include "selact.h"
#include "strbuf.h"
#include "undo.h"

/*
 * One operation's changes, one undo step: the one place where the
 * selection meets the client's history (undo.c). A log that lost changes
 * to a failed allocation is not recorded: half an operation undone would
 * be a surprise, and the status line has said it cannot be undone.
 */
static void
selact_record(struct desk *d, enum history_kind kind, struct clip_log *l)
{
	if (!l->failed) {
		undo_step(kind, UNDO_ONCE, PEN_SELECT);
		undo_log(NULL, l->v, l->n);
		undo_end();
		action_too_large(d);
	}
	clip_log_free(l);
}

/* The board we may write now, or NULL (and why is said). */
static const struct board *
selact_ink(struct desk *d)
{
	return action_refused(d) ? NULL : &d->session->seg.board;
}

/* Publish the selection with the cursor; the canvas shows it from the next frame. */
static unsigned
selact_show(struct desk *d)
{
	struct client_sel sel = clip_sel(d->clip);

	session_select(d->session, &sel);
	action_cursor(d);
	return ACT_CANVAS | ACT_STATUS;
}

/* An operation wrote n cells (its log l, of kind): record, notify, show. */
static unsigned
selact_wrote(struct desk *d, enum history_kind kind, struct clip_log *l, long n)
{
	if (l->failed)
		/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
		status_message(d->status, true, _("not enough memory to remember all of it: "
		    "this cannot be undone whole"));
	if (n > 0)
		session_touched(d->session);
	selact_record(d, kind, l);
	return selact_show(d);
}

bool
selact_on(const struct desk *d)
{
	return d->clip->preview || d->pen->tool == PEN_SELECT;
}

/* Nothing is selected: say how to select. */
static unsigned
selact_none(struct desk *d)
{
	/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
	status_message(d->status, true, _("nothing selected: drag, or Enter at two corners "
	    "(F3: SELECT)"));
	return ACT_STATUS;
}

/*
 * An operation found the selection off the board (clip_bounds: ENOENT) or
 * ran out of memory: nothing was written. Let the selection go.
 */
static unsigned
selact_lost(struct desk *d, struct clip_log *l)
{
	clip_log_free(l);
	if (errno == ENOENT) {
		clip_drop(d->clip);
		/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
		status_message(d->status, true, _("the selection is not on this board: let go"));
		return selact_show(d);
	}
	status_message(d->status, true, "%s", strerror(errno));
	return ACT_STATUS;
}

/*
 * The board an operation on the selection writes, with its log l begun;
 * NULL (and why is said) when nothing is selected or we may not write.
 */
static const struct board *
selact_target(struct desk *d, struct clip_log *l)
{
	const struct board *b;

	if (!d->clip->on) {
		selact_none(d);
		return NULL;
	}
	if ((b = selact_ink(d)) != NULL)
		clip_log_init(l);
	return b;
}

/* The selection's size, for messages. */
static uint32_t
selact_w(const struct clip *c)
{
	return c->c1 - c->c0 + 1;
}

static uint32_t
selact_h(const struct clip *c)
{
	return c->r1 - c->r0 + 1;
}

/* The clipboard to the terminal's too, when it takes OSC 52: what to add to the message. */
static const char *
selact_osc52(const struct clip *c)
{
	enum osc52_policy why;
	struct strbuf text, seq;
	const char *said = "";

	if (!osc52_wanted(&why))
		/* TRANSLATORS: after "copied 3 x 2 cells"; keep PIZARRA_CLIPBOARD, off, osc52, auto */
		return why == OSC52_BAD ? _(" (PIZARRA_CLIPBOARD is not off, osc52 or auto: "
		    "the terminal's clipboard is left alone)") : "";
	strbuf_init(&text);
	strbuf_init(&seq);
	clip_text(c, &text);
	if (text.failed || osc52_sequence(text.len ? text.data : "", text.len, &seq) != 0 ||
	    seq.failed) {
		/* TRANSLATORS: after "copied 3 x 2 cells" */
		said = _(" (too large for the terminal's clipboard)");
	} else {
		screen_send(seq.data, seq.len);
		/* TRANSLATORS: after "copied 3 x 2 cells" */
		said = _(", also to the terminal's clipboard");
	}
	strbuf_free(&text);
	strbuf_free(&seq);
	return said;
}

static unsigned
selact_copy(struct desk *d)
{
	struct clip *c = d->clip;

	if (!c->on)
		return selact_none(d);
	clip_preview(c, false);
	if (clip_copy(c, session_board(d->session)) < 0) {
		/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
		status_message(d->status, true, _("not enough memory to copy this: nothing copied"));
		return ACT_STATUS;
	}
	/* TRANSLATORS: %u x %u: columns and rows; what follows is one of the messages after it */
	status_message(d->status, false, _("copied %u x %u cells%s (v or Ctrl-V pastes)"), c->w,
	    c->h, selact_osc52(c));
	return ACT_STATUS | ACT_CANVAS;
}

static unsigned
selact_cut(struct desk *d)
{
	const struct board *b;
	struct clip_log l;
	long n;

	if ((b = selact_target(d, &l)) == NULL)
		return ACT_STATUS;
	clip_preview(d->clip, false);
	if ((n = clip_cut(d->clip, b, session_author(d->session), &l)) < 0) {
		/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
		status_message(d->status, true, _("not enough memory to copy this: nothing cut"));
		return ACT_STATUS;
	}
	/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
	status_message(d->status, false, _("cut %u x %u cells%s (v or Ctrl-V pastes)"),
	    d->clip->w, d->clip->h, selact_osc52(d->clip));
	return selact_wrote(d, HISTORY_CUT, &l, n);
}

unsigned
selact_delete(struct desk *d)
{
	const struct board *b;
	struct clip_log l;
	long n;

	if ((b = selact_target(d, &l)) == NULL)
		return ACT_STATUS;
	n = clip_erase(d->clip, b, session_author(d->session), &l);
	if (n < 0)
		return selact_lost(d, &l);
	/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
	status_message(d->status, false, P_("erased the selection (%ld cell changed)",
	    "erased the selection (%ld cells changed)", n), n);
	return selact_wrote(d, HISTORY_DELETE, &l, n);
}

static unsigned
selact_fill(struct desk *d)
{
	const struct board *b;
	struct clip_log l;
	long n;

	if ((b = selact_target(d, &l)) == NULL)
		return ACT_STATUS;
	n = clip_fill(d->clip, b, d->pen->brush, paint_style(d->paint, d->session->me.colour),
	    session_author(d->session), &l);
	if (n < 0)
		return selact_lost(d, &l);
	/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
	status_message(d->status, false, P_("filled the selection with the brush (%ld cell "
	    "changed)", "filled the selection with the brush (%ld cells changed)", n), n);
	return selact_wrote(d, HISTORY_FILL, &l, n);
}

/* The cursor to (col, row) of the board, without drawing. */
static void
selact_cursor(struct desk *d, long col, long row)
{
	const struct board *b = session_board(d->session);

	if (b == NULL)
		return;
	col = col < 0 ? 0 : col >= (long)b->cols ? (long)b->cols - 1 : col;
	row = row < 0 ? 0 : row >= (long)b->rows ? (long)b->rows - 1 : row;
	pen_place(d->pen, (uint32_t)col, (uint32_t)row);
}

/* Move the selection and what it holds by (dc, dr); the cursor goes along (keys) or not. */
static unsigned
selact_move(struct desk *d, long dc, long dr, bool along)
{
	struct clip *c = d->clip;
	uint32_t c0 = c->c0, r0 = c->r0;
	const struct board *b;
	struct clip_log l;
	long n;

	if ((b = selact_ink(d)) == NULL)
		return ACT_STATUS;
	clip_log_init(&l);
	if ((n = clip_move(c, b, dc, dr, session_author(d->session), &l)) < 0) {
		/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
		status_message(d->status, true, _("not enough memory to move this: nothing moved"));
		return ACT_STATUS;
	}
	if (c->c0 == c0 && c->r0 == r0)
		/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
		status_message(d->status, false, _("the selection is at the board's edge"));
	else
		/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
		status_message(d->status, false, _("moved the selection to %u,%u (Esc lets go)"),
		    c->c0, c->r0);
	if (along)
		selact_cursor(d, (long)d->pen->col + (long)c->c0 - (long)c0,
		    (long)d->pen->row + (long)c->r0 - (long)r0);
	return selact_wrote(d, HISTORY_MOVE, &l, n);
}

/* Place the clipboard with its top left at (col, row); the preview ends. */
static unsigned
selact_place(struct desk *d, uint32_t col, uint32_t row)
{
	const struct board *b;
	struct clip_log l;
	uint32_t fw, fh;
	long n;

	if ((b = selact_ink(d)) == NULL)
		return ACT_STATUS;
	clip_preview(d->clip, false);
	clip_log_init(&l);
	n = clip_paste(d->clip, b, col, row, session_author(d->session), &l);
	fw = col < b->cols && b->cols - col < d->clip->w ? b->cols - col : d->clip->w;
	fh = row < b->rows && b->rows - row < d->clip->h ? b->rows - row : d->clip->h;
	if (fw == d->clip->w && fh == d->clip->h)
		/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
		status_message(d->status, false, _("pasted %u x %u cells at %u,%u"), fw, fh, col,
		    row);
	else
		/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it);
		 * the first two numbers are what fit, the next two the clipboard's size */
		status_message(d->status, false, _("pasted %u x %u of %u x %u cells at %u,%u "
		    "(the rest is off the board)"), fw, fh, d->clip->w, d->clip->h, col, row);
	return selact_wrote(d, HISTORY_PASTE, &l, n < 0 ? 0 : n);
}

unsigned
selact_paste(struct desk *d)
{
	if (!clip_preview(d->clip, true)) {
		/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
		status_message(d->status, true, _("the clipboard is empty: select (F3: SELECT), "
		    "then c copies"));
		return ACT_STATUS;
	}
	/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
	status_message(d->status, false, _("paste %u x %u: Enter or a click places, arrows "
	    "move, Esc cancels"), d->clip->w, d->clip->h);
	return ACT_STATUS | ACT_CANVAS;
}

unsigned
selact_walk(struct desk *d, long dc, long dr, bool arrow)
{
	struct clip *c = d->clip;

	if (arrow && !c->preview && c->on && !c->marking && d->pen->tool == PEN_SELECT)
		return selact_move(d, dc, dr, true);
	selact_cursor(d, (long)d->pen->col + dc, (long)d->pen->row + dr);
	if (c->marking)
		clip_extend(c, d->pen->col, d->pen->row);
	return selact_show(d);
}

unsigned
selact_enter(struct desk *d)
{
	struct clip *c = d->clip;

	if (c->preview)
		return selact_place(d, d->pen->col, d->pen->row);
	if (!c->marking) {
		clip_mark(c, d->pen->col, d->pen->row);
		/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
		status_message(d->status, false, _("select: corner at %u,%u; move to the other "
		    "corner, Enter marks it, Esc cancels"), c->c0, c->r0);
	} else {
		clip_done(c);
		/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
		status_message(d->status, false, _("selected %u x %u: c copies, x cuts, Delete "
		    "erases, f fills, arrows move it, Esc lets go"), selact_w(c), selact_h(c));
	}
	return selact_show(d);
}

unsigned
selact_escape(struct desk *d)
{
	struct clip *c = d->clip;

	if (c->preview) {
		clip_preview(c, false);
		/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
		status_message(d->status, false, _("paste cancelled"));
	} else if (c->on) {
		clip_drop(c);
		/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
		status_message(d->status, false, _("selection let go (the clipboard keeps what "
		    "was copied)"));
	}
	return selact_show(d);
}

unsigned
selact_type(struct desk *d, uint32_t cp)
{
	switch (cp) {
	case 'c': case 'C': return selact_copy(d);
	case 'x': case 'X': return selact_cut(d);
	case 'v': case 'V': return selact_paste(d);
	case 'f': case 'F': return selact_fill(d);
	default:
		/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
		status_message(d->status, false, _("SELECT: drag, or Enter twice; c copy, x cut, "
		    "v paste, f fill, Del"));
		return ACT_STATUS;
	}
}

unsigned
selact_press(struct desk *d, uint32_t col, uint32_t row)
{
	struct clip *c = d->clip;
	const struct board *b = session_board(d->session);
	struct pen_paper pp = { b, NULL, 0, 0 };

	if (c->preview) {
		selact_cursor(d, col, row);
		return selact_place(d, col, row);
	}
	pen_press(d->pen, &pp, col, row);
	if (clip_has(c, col, row) && !c->marking)
		clip_grab(c, b, col, row);
	else
		clip_mark(c, col, row);
	return selact_show(d);
}

unsigned
selact_drag(struct desk *d, uint32_t col, uint32_t row)
{
	struct clip *c = d->clip;
	const struct board *b = session_board(d->session);
	struct pen_paper pp = { b, NULL, 0, 0 };

	if (b == NULL || !d->pen->down)
		return 0;
	pen_drag(d->pen, &pp, col, row);
	if (c->grabbed)
		clip_drag(c, col, row, b->cols, b->rows);
	else if (c->marking)
		clip_extend(c, col, row);
	return selact_show(d);
}

unsigned
selact_release(struct desk *d, uint32_t col, uint32_t row)
{
	struct clip *c = d->clip;
	bool was_down = d->pen->down;
	long dc, dr;

	if (!was_down)
		return 0;
	selact_drag(d, col, row);
	pen_lift(d->pen);
	if (clip_ungrab(c, &dc, &dr))
		return dc != 0 || dr != 0 ? selact_move(d, dc, dr, false) : selact_show(d);
	if (!c->marking)
		return 0;
	clip_done(c);
	if (c->c0 == c->c1 && c->r0 == c->r1) {
		clip_drop(c);            /* a click lets go and moves the cursor */
		return selact_show(d);
	}
	/* TRANSLATORS: the status line (at 80 columns, about 60 are left for it) */
	status_message(d->status, false, _("selected %u x %u: c copies, x cuts, Delete "
	    "erases, f fills, arrows move it, Esc lets go"), selact_w(c), selact_h(c));
	return selact_show(d);
}

unsigned
selact_tool_changed(struct desk *d)
{
	if (d->pen->tool == PEN_SELECT || !d->clip->on)
		return 0;
	clip_drop(d->clip);
	return selact_show(d);
}
