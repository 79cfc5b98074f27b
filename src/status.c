/*
 * status.c - the status line. A message's time starts when it is first
 * drawn, not when it is set, so one set while the screen could not show it
 * (a terminal too small, a frame not yet drawn) is still read. The
 * warning about our key naming another board stays until the situation
 * ends; a message (an answer's outcome, say) is shown over it while it lasts.
 * Banners wrap at spaces by display columns (a translated "ñ" is two bytes
 * and one column).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cell.h"
#include "i18n.h"
#include "lines.h"
#include "screen.h"
#include "session.h"
#include "status.h"
#include "utf8.h"

void
status_message(struct status *st, bool warn, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(st->message, sizeof st->message, fmt, ap);
	va_end(ap);
	st->warn = warn;
	st->unseen = true;
	st->until = 0;
}

void
status_clear(struct status *st)
{
	st->message[0] = '\0';
	st->unseen = true;
	st->until = 0;
}

bool
status_unseen(const struct status *st)
{
	return st->unseen;
}

bool
status_expire(struct status *st, uint64_t now)
{
	if (st->until == 0 || now < st->until)
		return false;
	st->until = 0;
	st->message[0] = '\0';
	return true;
}

/* A long answer shows its end, where the cursor is, after an ellipsis. */
void
status_draw_question(const char *question, const char *answer)
{
	WINDOW *win = screen_window(SCREEN_STATUS);
	const char *more = screen_utf8() ? "\u2026" : "<";
	int room;

	werase(win);
	wattrset(win, screen_attr(LOOK_WARNING));
	mvwaddnstr(win, 0, 0, question, -1);
	wattrset(win, A_NORMAL);
	if (answer != NULL) {
		room = COLS - getcurx(win) - 1;
		if (room > 1 && cell_columns(answer) > room) {
			waddstr(win, more);
			while (*answer != '\0' && cell_columns(answer) > room - 1)
				answer++;
			while ((*answer & 0xC0) == 0x80)
				answer++;
		}
		waddnstr(win, answer, -1);
	}
	wnoutrefresh(win);
}

/* The last board index in view, from the first and the canvas's size. */
static uint32_t
status_last(uint32_t first, uint32_t visible, uint32_t size)
{
	uint32_t last = first + (visible > 0 ? visible : 1) - 1;

	return last < size ? last : size - 1;
}

/* The brush's character after the position, as the terminal can show it. */
static void
status_brush(WINDOW *win, uint32_t brush)
{
	wchar_t wc[2] = { (wchar_t)(screen_utf8() || brush < 0x80 ? brush : '#'), 0 };
	cchar_t cc;

	setcchar(&cc, wc, A_BOLD, 0, NULL);
	wadd_wch(win, &cc);
}

/* The lines' style after the brush, and the arrow when lines end in one. */
static void
status_style(WINDOW *win, const struct status_line *l)
{
	char text[64];

	/* TRANSLATORS: the status line after the position, before the
	 * lines' style ("single", "double"...): keep the two spaces first */
	snprintf(text, sizeof text, _("  style %s%s"), lines_style_name(l->style),
	    l->arrows ? (screen_utf8() ? " \u2192" : " ->") : "");
	wattrset(win, screen_attr(LOOK_STATUS));
	screen_put_fit(win, text, COLS - getcurx(win));
}

/* True while a message is shown (its time starts at its first drawing, now). */
static bool
status_live(struct status *st, uint64_t now)
{
	if (st->unseen) {
		st->unseen = false;
		st->until = now + STATUS_MESSAGE_MS;
	}
	return st->message[0] != '\0' && st->until != 0 && now < st->until;
}

/* The message, or the warning that our key names another board now. */
static void
status_tail(struct status *st, WINDOW *win, const struct status_line *l, uint64_t now)
{
	char text[200];
	int x;

	if (status_live(st, now)) {
		x = getcurx(win) + 2;
		wattrset(win, screen_attr(st->warn ? LOOK_WARNING : LOOK_MESSAGE));
		if (x < COLS) {
			wmove(win, 0, x);
			screen_put_fit(win, st->message, COLS - x);
		}
	} else if (l->key_now_shmid >= 0) {
		/* TRANSLATORS: the status line's warning after the position, at
		 * most 60 columns at 80 (cut with … beyond); keep the two spaces first */
		snprintf(text, sizeof text, _("  ORPHAN: key 0x%08x now names another board "
		    "(shmid %d); F6 saves this one"), (unsigned)l->key, l->key_now_shmid);
		wattrset(win, screen_attr(LOOK_WARNING));
		screen_put_fit(win, text, COLS - getcurx(win));
	}
}

void
status_draw(struct status *st, const struct status_line *l, uint64_t now)
{
	WINDOW *win = screen_window(SCREEN_STATUS);
	char text[256];
	/* TRANSLATORS: the status line after the position: the board is
	 * detached (keep the two spaces first, at most 12 columns) */
	const char *detached = l->attached ? "" : _("  DETACHED");
	/* TRANSLATORS: the status line after the position, before the brush's
	 * character (keep the two spaces first and the one after, at most 9 columns) */
	const char *brush = l->brush != 0 ? _("  brush ") : "";
	int x;

	werase(win);
	/* a viewer has no tool */
	/* TRANSLATORS: the status line's first word for a viewer, at most 12 columns */
	snprintf(text, sizeof text, " %s ", l->readonly ? _("VIEW-ONLY") : l->tool);
	wattrset(win, screen_attr(LOOK_TITLE));
	mvwaddnstr(win, 0, 0, text, COLS);
	/* the brush's looks: its colours and attributes (the slot's colour until it has its own) */
	wattrset(win, screen_cell(l->looks & 0xFF, l->looks >> 8 & 0xFF, l->looks >> 16 & 0xF));
	waddnstr(win, screen_utf8() ? " \u25A0" : " #", -1);
	x = getcurx(win);
	if (l->have_board && status_live(st, now))
		/* a message wants the room: the position alone */
		snprintf(text, sizeof text, " %u,%u%s%s", l->col, l->row, detached, brush);
	else if (l->have_board && (l->cols > l->view_cols || l->rows > l->view_rows))
		/* a board larger than the canvas: which part of it is in view */
		/* TRANSLATORS: the status line: the cursor's column,row, then which
		 * columns and rows of the board are in view (first-last/all), then
		 * DETACHED and the brush; at most 40 columns with the numbers */
		snprintf(text, sizeof text, _(" %u,%u  cols %u-%u/%u rows %u-%u/%u%s%s"), l->col,
		    l->row, l->view_col, status_last(l->view_col, l->view_cols, l->cols), l->cols,
		    l->view_row, status_last(l->view_row, l->view_rows, l->rows), l->rows,
		    detached, brush);
	else if (l->have_board)
		/* TRANSLATORS: the status line: the cursor's column,row on a board
		 * of columns x rows, then DETACHED and the brush */
		snprintf(text, sizeof text, _(" %u,%u on %ux%u%s%s"), l->col, l->row, l->cols,
		    l->rows, detached, brush);
	else
		/* TRANSLATORS: the status line when there is no board (keep the space first) */
		snprintf(text, sizeof text, "%s", _(" no board"));
	wattrset(win, screen_attr(LOOK_STATUS));
	mvwaddnstr(win, 0, x, text, COLS - x);
	if (l->brush != 0 && l->have_board)
		status_brush(win, l->brush);
	if (l->style >= 0 && l->have_board)
		status_style(win, l);
	if (l->following != NULL) {
		wattrset(win, screen_attr(LOOK_VALUE));
		/* TRANSLATORS: the status line, before whose cursor the view
		 * follows (keep the two spaces first and the one after) */
		waddstr(win, _("  following "));
		screen_put_fit(win, l->following, COLS - getcurx(win));
	}
	status_tail(st, win, l, now);
	wattrset(win, A_NORMAL);
	wnoutrefresh(win);
}

/*
 * Bytes of the line p[0..len) that go on one row of width columns: all of
 * it when it fits, else up to the last space that keeps it within width
 * (columns, not bytes: "ñ" is two bytes and one column), else as many
 * whole characters as fit.
 */
static int
status_wrap(const char *p, int len, int width)
{
	int i = 0, cols = 0, space = -1, k;
	uint32_t cp;

	while (i < len) {
		k = utf8_decode(p + i, (size_t)(len - i), &cp);
		if (k < 0) {
			k = 1;
			cp = '?';
		}
		if (cp == ' ')
			space = i;
		if (cols + cell_width(cp) > width)
			return space > 0 ? space : i > 0 ? i : k;
		cols += cell_width(cp);
		i += k;
	}
	return len;
}

void
status_banner(int w, int h, const char *text)
{
	int width = w - 2, rows = 0, len, most = h < STATUS_BANNER_ROWS ? h : STATUS_BANNER_ROWS;
	const char *p = text, *nl;
	WINDOW *win;

	if (width < 10 || most < 1)
		return;
	win = newwin(most, w, 0, 0);
	if (win == NULL)
		return;
	wbkgd(win, ' ' | screen_attr(LOOK_WARNING));
	werase(win);
	/* wrapped at spaces, a new line at each \n; what does not fit ends in … */
	while (*p != '\0' && rows < most) {
		nl = strchr(p, '\n');
		len = nl != NULL ? (int)(nl - p) : (int)strlen(p);
		len = status_wrap(p, len, width);
		wmove(win, rows++, 1);
		if (rows == most && p[len] != '\0' && !(p[len] == '\n' && p[len + 1] == '\0'))
			screen_put_fit(win, p, width);
		else
			waddnstr(win, p, len);
		p += len;
		while (*p == ' ')
			p++;
		if (*p == '\n')
			p++;
	}
	wresize(win, rows > 0 ? rows : 1, w);
	wnoutrefresh(win);
	delwin(win);
}

void
status_banner_distrust(int w, int h, const char *why)
{
	char text[PZERR_MSG_MAX + 128];

	/* TRANSLATORS: a banner across the canvas (wrapped, at most 7 rows
	 * of 46 columns at 80x24); %s says why (a message of its own) */
	snprintf(text, sizeof text, _("Stopped trusting this board: %s. F6 saves what "
	    "you see, F10 quits."), why);
	status_banner(w, h, text);
}

void
status_session(struct status *st, const struct session *s, unsigned ev)
{
	if (ev & SESSION_RECLAIMED)
		status_message(st, true, _("our slot was taken over; claimed slot %d"), s->me.slot);
	if (ev & SESSION_NO_SLOT)
		status_message(st, true, _("no client slot (%s): drawing without presence"),
		    s->slot_why);
	if (ev & SESSION_CLAIMED)
		status_message(st, false, _("claimed client slot %d: the others see your cursor "
		    "now"), s->me.slot);
	/* the warning that the key names another board is news: show it now */
	if ((ev & SESSION_KEY_MOVED) && s->key_now_shmid >= 0)
		status_clear(st);
}
