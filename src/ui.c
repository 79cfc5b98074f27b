/*
 * ui.c - the interactive board's loop and render order. It owns one of
 * each piece (session, pen, canvas, sidebar, status, input), hands keys to
 * input, acts on the ACT_* bits that come back, runs the ticks, and draws
 * what is dirty in a fixed order: the canvas's changed cells directly when
 * they may go so (direct.h), then through ncurses sidebar, status line,
 * key bar, canvas, overlays and the cursor, in one doupdate (one write).
 *
 * The loop sleeps in one futex_waitv on the board's generation and on the
 * input word that SIGIO (terminal input), SIGWINCH and the requests to leave
 * bump, until the next tick (pace.c says when): a remote change wakes it
 * directly, with no thread and no polling. In a storm (pace_burst), further
 * remote changes wait for the next frame; an isolated change, every key,
 * and every other person's cursor move (the presence word) is drawn at once.
 */
#include <limits.h>
#include <stdlib.h>

#include "i18n.h"
#include "action.h"
#include "bytesview.h"
#include "canvas.h"
#include "clip.h"
#include "direct.h"
#include "greet.h"
#include "input.h"
#include "keymap.h"
#include "notify.h"
#include "paint.h"
#include "pace.h"
#include "pen.h"
#include "screen.h"
#include "session.h"
#include "sidebar.h"
#include "status.h"
#include "ui.h"
#include "undo.h"

struct ui {
	struct session session;
	struct pen pen;
	struct paint paint;
	struct canvas canvas;
	struct sidebar sidebar;
	struct status status;
	struct input input;
	struct desk desk;
	unsigned dirty;                /* ACT_CANVAS... parts to redraw */
	bool quit;
	bool overlay_drawn;            /* the last frame had the help box or a banner */
	struct pace pace;              /* the ticks, a storm's frames, a question's moment */
	uint32_t input_drained;        /* input word value when keys were last read */
	struct bytesview bytes;        /* Ctrl-X: the canvas shows the segment's bytes */
	struct clip clip;              /* the selection, the clipboard, the paste preview */
};

/* The segment's board while it is live (its words may be waited on), else NULL. */
static const struct board *
ui_live_board(const struct ui *ui)
{
	return session_live(&ui->session) ? &ui->session.seg.board : NULL;
}

/*
 * The board whose generation the loop sleeps on: the live board while the
 * canvas shows it. A terminal too small for the layout draws no canvas, so
 * no frame would ever catch up with a change, and a wait on the generation
 * would return at once, for ever: then only keys (a resize) and the ticks
 * wake the loop, and the canvas catches up when the terminal is big again.
 */
static const struct board *
ui_watched_board(const struct ui *ui)
{
	return screen_too_small() ? NULL : ui_live_board(ui);
}

/* True when the live board changed since the canvas (or the byte view) showed it. */
static bool
ui_behind(const struct ui *ui)
{
	const struct board *b = ui_watched_board(ui);

	return ui->bytes.on ? bytesview_behind(&ui->bytes, b) : canvas_behind(&ui->canvas, b);
}

/* A fresh sample of the segment for the sidebar. */
static void
ui_sample(struct ui *ui, bool slow, uint64_t now)
{
	session_sample(&ui->session);
	if (sidebar_sample(&ui->sidebar, &ui->session, slow, now, pace_period(&ui->pace, now))) {
		ui->dirty |= ACT_SIDEBAR;
		pace_change(&ui->pace, now);
	}
}

/* Lay the screen out for its size and the sidebar's place, the canvas following. */
static void
ui_layout(struct ui *ui)
{
	screen_layout();
	sidebar_invalidate(&ui->sidebar);
	canvas_resize(&ui->canvas);
	canvas_follow(&ui->canvas, session_board(&ui->session), ui->pen.col, ui->pen.row);
	ui->dirty = ACT_ALL;
}

/* Act on what an action or a key reported. */
static void
ui_apply(struct ui *ui, unsigned r)
{
	ui->dirty |= r & ACT_ALL;
	if (r & ACT_QUIT)
		ui->quit = true;
	if (r & ACT_LAYOUT)
		ui_layout(ui);
	if (r & ACT_BYTES) {
		ui->dirty = ACT_ALL;
		canvas_invalidate(&ui->canvas);
		if (bytesview_toggle(&ui->bytes, &ui->session))
			status_message(&ui->status, false, _("the segment's bytes: what you type "
			    "lands at its cell's offset (Ctrl-X: the board)"));
		else
			status_message(&ui->status, false, _("the board again (Ctrl-X: its bytes)"));
	}
	if (r & ACT_RESAMPLE) {
		sidebar_rescan(&ui->sidebar);
		ui_sample(ui, true, pace_now_ms());
	}
}

/* Act on what the once-a-second check of the session found. */
static void
ui_session_events(struct ui *ui, unsigned ev)
{
	struct session *s = &ui->session;

	if (ev & SESSION_DISTRUST) {
		canvas_invalidate(&ui->canvas);
		ui->dirty = ACT_ALL;
	}
	if (ev & SESSION_ORPHANED) {
		input_ask(&ui->input, &ui->desk, MODE_ORPHAN, pace_now_ms());
		ui->dirty = ACT_ALL;
	}
	status_session(&ui->status, s, ev);
	if (ev & SESSION_CLAIMED)
		ui->dirty |= ACT_SIDEBAR | ACT_CANVAS;
	if (ev & SESSION_KEY_MOVED)
		ui->dirty |= ACT_STATUS | ACT_SIDEBAR;
}

/* The tick: a sample, the slow check when due; idle, both once a second (pace.h). */
static void
ui_tick(struct ui *ui, uint64_t now)
{
	unsigned what = pace_tick(&ui->pace, now), ev;
	bool slow = what & PACE_SLOW;

	ui_sample(ui, slow, now);
	if (slow) {
		/* idle, the reap waits, unless this very sample changed (a count moved) */
		ev = what & PACE_REAP || !pace_idle(&ui->pace, now) ? session_tick(&ui->session) :
		    session_tick_quiet(&ui->session);
		if (ev != 0)
			pace_change(&ui->pace, now);
		ui_session_events(ui, ev);
		/* rescan every visible row once a second, in case a writer did not stamp them */
		if (canvas_recheck(&ui->canvas, ui_live_board(ui), session_live(&ui->session)))
			ui->dirty |= ACT_CANVAS;
	}
	/* the byte view looks again every tick: a writer that bumps nothing, a highlight out */
	if (ui->bytes.on)
		ui->dirty |= ACT_CANVAS;
	/* a terminal that went away without a SIGHUP (we may lead a session of our
	 * own): one poll() per tick, which wakes us anyway */
	if (screen_hung_up())
		ui->quit = true;
	ui_apply(ui, input_tick(&ui->input, &ui->desk, now));
	if (status_expire(&ui->status, now))
		ui->dirty |= ACT_STATUS;
}

/* Read and handle every pending key; how many there were. */
static unsigned
ui_read_keys(struct ui *ui)
{
	unsigned n = 0;
	wint_t ch;
	int ret;

	while ((ret = wget_wch(stdscr, &ch)) != ERR) {
		n++;
		ui->dirty |= ret == KEY_CODE_YES || ch < 0x20 ? ACT_ALL : ACT_STATUS | ACT_CANVAS;
		if (ret == KEY_CODE_YES && ch == KEY_RESIZE) {
			ui_layout(ui);
			continue;
		}
		if (screen_too_small()) {
			if (keymap_quits(ret, ch))
				ui->quit = true;
			continue;
		}
		ui_apply(ui, input_key(&ui->input, &ui->desk, ret, ch, pace_now_ms()));
		/* the others are woken after the first key (if it changed something),
		 * not after ncurses has polled for more (the rest of a burst: after it) */
		if (n == 1)
			session_notify(&ui->session);
	}
	ui_apply(ui, input_flush(&ui->input, &ui->desk, pace_now_ms()));
	return n;
}

/* The status line, from the session and the pen (or the open question). */
static void
ui_draw_status(struct ui *ui, uint64_t now)
{
	const struct session *s = &ui->session;
	const struct board *b = session_board(s);
	struct status_line l = {
		.readonly = s->readonly,
		.tool = pen_tool_name(ui->pen.tool),
		.looks = paint_style(&ui->paint, s->me.colour),
		.brush = ui->pen.tool == PEN_BRUSH || ui->pen.tool == PEN_FILL ? ui->pen.brush : 0,
		.style = pen_style(&ui->pen), .arrows = ui->pen.tool == PEN_LINE && ui->pen.line.arrows,
		.have_board = b != NULL,
		.col = ui->pen.col, .row = ui->pen.row,
		.cols = b != NULL ? b->cols : 0, .rows = b != NULL ? b->rows : 0,
		.view_col = ui->canvas.view_col, .view_row = ui->canvas.view_row,
		.view_cols = (uint32_t)ui->canvas.w, .view_rows = (uint32_t)ui->canvas.h,
		.attached = s->attached,
		.key = s->seg.key,
		.key_now_shmid = s->key_now_shmid,
	};

	char q[512], who[96];

	l.following = canvas_following(&ui->canvas, who, sizeof who);
	if (input_question(&ui->input, &ui->desk, COLS, now, q, sizeof q) != NULL)
		status_draw_question(q, input_answer(&ui->input));
	else
		status_draw(&ui->status, &l, now);
}

/* The help box, a question's banner, or the distrust banner over the canvas. */
static void
ui_draw_overlay(struct ui *ui)
{
	bool drawn = input_draw_overlay(&ui->input, &ui->desk);

	if (!drawn && ui->session.distrust) {
		status_banner_distrust(ui->canvas.w, ui->canvas.h, ui->session.distrust_why);
		drawn = true;
	}
	/* a banner covers canvas cells the shadow believes are shown */
	if (drawn && input_view(&ui->input, pace_now_ms()) != INPUT_HELP)
		canvas_invalidate(&ui->canvas);
}

/* The terminal's cursor: after a question, hidden in the help, else ours on the canvas. */
static void
ui_place_cursor(const struct ui *ui, uint64_t now)
{
	switch (input_view(&ui->input, now)) {
	case INPUT_QUESTION:
		curs_set(1);
		setsyx(LINES - 2, getcurx(screen_window(SCREEN_STATUS)));
		break;
	case INPUT_HELP:
		curs_set(0);
		break;
	case INPUT_DRAWING:
		if (ui->bytes.on)
			curs_set(0);
		else
			canvas_place_cursor(&ui->canvas, ui->pen.col, ui->pen.row);
		break;
	}
}

/* The canvas (or the segment's bytes), with the box's rubber band and our selection over it. */
static void
ui_draw_canvas(struct ui *ui, uint64_t now)
{
	const struct session *s = &ui->session;

	if (ui->bytes.on) {
		bytesview_draw(&ui->bytes, s, ui->pen.col, ui->pen.row, now);
	} else {
		/* the box tool's rubber band, from its first corner to the cursor */
		canvas_preview(&ui->canvas, ui->pen.tool == PEN_BOX && ui->pen.anchor_set,
		    ui->pen.anchor_col, ui->pen.anchor_row, ui->pen.col, ui->pen.row, s->me.colour);
		canvas_selection(&ui->canvas, &ui->clip, ui->pen.col, ui->pen.row, s->me.colour);
		/* following someone, the status line tells whom and the view */
		if (canvas_draw(&ui->canvas, session_board(s), session_live(s),
		    s->have_slot ? s->me.slot : -1))
			ui->dirty |= ACT_STATUS;
	}
	pace_frame(&ui->pace, now);
}

/*
 * Draw what is dirty: the canvas's changed cells first, directly when they
 * may go so (direct.h); then, through ncurses, what is shown directly so
 * far (settled), sidebar, status, key bar, the canvas otherwise, overlays
 * and the cursor. A remote keystroke alone ends after its write.
 */
static void
ui_render(struct ui *ui)
{
	const struct session *s = &ui->session;
	uint64_t now = pace_now_ms();
	bool overlay = input_open_mode(&ui->input) || s->distrust;

	if (ui->overlay_drawn && !overlay) {
		canvas_invalidate(&ui->canvas);
		ui->dirty = ACT_ALL;
	}
	/* a box over the screen may cover sidebar rows their hashes call drawn */
	if (overlay || ui->overlay_drawn)
		sidebar_invalidate(&ui->sidebar);
	ui->overlay_drawn = overlay;
	if (ui_behind(ui))
		ui->dirty |= ACT_CANVAS;
	if (status_unseen(&ui->status))
		ui->dirty |= ACT_STATUS;
	if (ui->dirty == 0)
		return;
	if ((ui->dirty & ACT_CANVAS) && !overlay && !ui->bytes.on && !screen_too_small() &&
	    direct_begin(screen_window(SCREEN_CANVAS))) {
		ui_draw_canvas(ui, now);
		if (direct_end() && ui->dirty == ACT_CANVAS) {
			ui->dirty = 0;
			return;
		}
		ui->dirty &= ~(unsigned)ACT_CANVAS;
	}
	direct_settle();
	if (screen_too_small()) {
		screen_draw_too_small();
		doupdate();
		ui->dirty = 0;
		return;
	}
	if (overlay)
		ui->dirty = ACT_ALL;
	if (ui->dirty & ACT_SIDEBAR)
		sidebar_draw(&ui->sidebar, s, now);
	if (ui->dirty & ACT_KEYBAR)
		keymap_draw_bar(s->attached, s->readonly);
	if (ui->dirty & ACT_CANVAS)
		ui_draw_canvas(ui, now);
	if (ui->dirty & ACT_STATUS)
		ui_draw_status(ui, now);
	ui_draw_overlay(ui);
	ui_place_cursor(ui, now);
	doupdate();
	ui->dirty = 0;
}

/*
 * The board changed (someone wrote, or a client joined, left or detached:
 * the slots' changes bump the generation too): the fast pace again, and the
 * sidebar's clients at once when they are no longer the ones shown.
 */
static void
ui_remote_change(struct ui *ui, uint64_t now)
{
	pace_change(&ui->pace, now);
	if (sidebar_relist(&ui->sidebar, &ui->session))
		ui_sample(ui, false, now);
}

/* True while a storm of remote changes should wait for the next frame. */
static bool
ui_pacing(const struct ui *ui, uint64_t now)
{
	const struct board *b = ui_watched_board(ui);

	if (ui->bytes.on)
		return ui->dirty == 0 && ui_behind(ui) &&
		    now < pace_frame_end(&ui->pace, PACE_BYTES_MS);
	return ui->dirty == 0 && pace_burst(&ui->pace, now) && canvas_behind(&ui->canvas, b) &&
	    notify_presence_seen(b) == ui->canvas.drawn_presence;
}

static void
ui_loop(struct ui *ui)
{
	_Atomic uint32_t *input = screen_input_word();
	uint64_t now;
	uint32_t seen;

	ui->dirty = ACT_ALL;
	ui->input_drained = atomic_load(input) - 1;
	pace_change(&ui->pace, pace_now_ms());
	while (!ui->quit && !screen_signalled()) {
		seen = atomic_load(input);
		if (seen != ui->input_drained) {
			/* woken for input that is not there: has the terminal gone? */
			if (ui_read_keys(ui) == 0 && screen_hung_up())
				ui->quit = true;
			ui->input_drained = seen;
			pace_change(&ui->pace, pace_now_ms());
		}
		session_notify(&ui->session);
		now = pace_now_ms();
		if (ui_behind(ui))
			ui_remote_change(ui, now);
		if (pace_tick_due(&ui->pace, now))
			ui_tick(ui, now);
		/* a question from elsewhere shows (and takes answers) a moment after it popped up */
		if (pace_question(&ui->pace, input_armed_at(&ui->input), now))
			ui->dirty = ACT_ALL;
		if (ui->quit)
			break;
		if (ui_pacing(ui, now)) {
			pace_sleep_storm(&ui->pace, ui->bytes.on ? NULL : ui_watched_board(ui),
			    ui->canvas.drawn_presence, input, seen, now);
			continue;
		}
		ui_render(ui);
		if (ui->quit)
			break;
		pace_sleep(&ui->pace, ui_watched_board(ui), ui->bytes.on ?
		    bytesview_gen(&ui->bytes) : ui->canvas.drawn_gen, input, seen);
	}
}

int
ui_run(struct cli_opts *o, bool readonly)
{
	static struct ui ui;
	char opts[PATH_MAX + 64], name[PATH_MAX + 64];
	struct pzerr e;
	bool last;

	ui.desk = (struct desk){ &ui.session, &ui.pen, &ui.canvas, &ui.sidebar, &ui.status,
	    &ui.paint, &ui.clip };
	if (screen_check(addr_options(&o->addr, opts, sizeof opts)) != 0)
		return EXIT_FAILURE;
	/* the terminal's answer to the probe travels while the board opens */
	screen_install_signals();
	screen_probe();
	if (session_open(&ui.session, o, readonly, &e) != 0) {
		screen_probe_end();
		cli_error("%s", e.msg);
		return EXIT_FAILURE;
	}
	if (screen_init() != 0) {
		session_abandon(&ui.session);
		return EXIT_FAILURE;
	}
	pen_init(&ui.pen, screen_utf8());
	undo_open(HISTORY_DEFAULT_BYTES);   /* a few bytes now; without memory, no undo */
	paint_init(&ui.paint);
	canvas_resize(&ui.canvas);
	if (session_claim(&ui.session, &e) != 0)
		status_message(&ui.status, true, _("no client slot (%s): drawing without presence"),
		    e.msg);
	action_fit_colour(&ui.desk);
	action_start_spot(&ui.desk);
	action_cursor(&ui.desk);
	if (o->follow_given)
		canvas_follow_client(&ui.canvas, o->follow_pid, o->follow_uid, o->follow_by_uid);
	greet_say(&ui.status, &ui.session, o);
	ui_loop(&ui);
	last = session_last_one(&ui.session);
	session_close(&ui.session);
	screen_end();
	canvas_free(&ui.canvas);
	bytesview_free(&ui.bytes);
	input_free(&ui.input);
	undo_close();
	clip_free(&ui.clip);
	fflush(stdout);         /* the terminal is back before the note is written */
	if (last)
		cli_error(_("note: the board stays in memory under %s with nobody attached; "
		    "`pizarra%s rm` removes it"), addr_name(&o->addr, name, sizeof name),
		    opts);
	return EXIT_SUCCESS;
}
