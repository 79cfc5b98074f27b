/*
 * peek.c - pizarra peek (see peek.h): it owns struct peek (the read-only
 * attach, the byte view, the segment's row and attaches, the sidebar, the
 * mode, the prompt, the message, the looks, whose pace is peeklook.c's),
 * the key table and the modes table (the view, the help, the prompt for an
 * offset). The
 * loop sleeps on the input word alone until the next look at the bytes,
 * the next sample of /proc/sysvipc/shm for the sidebar (segdata's pace),
 * the next highlight that goes out or the message's end. When the bytes
 * are a board's header (boardmap.h), the view names the fields.
 * Everything a person reads is translated (i18n.h); the format names
 * (int32...), the kernel's names and the board's field names are not.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "frame.h"
#include "hexdraw.h"
#include "hexview.h"
#include "i18n.h"
#include "lineedit.h"
#include "notify.h"
#include "peek.h"
#include "peeklook.h"
#include "screen.h"
#include "segdata.h"
#include "segpanel.h"
#include "shmpeek.h"
#include "status.h"

#define CTRL(c) ((c) & 0x1f)

enum peek_mode { PEEK_VIEW, PEEK_HELP, PEEK_JUMP, PEEK_NMODES };

struct peek {
	struct cli_opts *opts;
	struct shmpeek seg;
	struct hexview view;
	struct segdata data;
	struct segpanel panel;
	struct peeklook look;          /* the pace of looks, the highlight out, a board's names */
	enum peek_mode mode;
	struct lineedit line;
	struct frame frame;            /* the message, the escape filter */
	bool quit, dirty;
};

static void peek_help(void *);
static void peek_format(void *);
static void peek_ask_jump(void *);
static void peek_quit(void *);
static void peek_left(void *);
static void peek_right(void *);
static void peek_up(void *);
static void peek_down(void *);
static void peek_page_up(void *);
static void peek_page_down(void *);
static void peek_start(void *);
static void peek_end(void *);
static void peek_repaint(void *);

static const struct frame_key peek_keys[] = {
	{ 1, { '?', 'h', 0 },
	  /* TRANSLATORS: pizarra peek's key bar, F1 (every label of peek, after its F-key, at
	     most 8 columns) */
	  N_("Help"),
	  /* TRANSLATORS: a line of peek's help box, after the key and its label: at most 50
	     columns */
	  N_("this help"), peek_help },
	{ 2, { 'f', '\t', 0 },
	  /* TRANSLATORS: pizarra peek's key bar, F2: how the bytes are shown (8 columns) */
	  N_("Format"),
	  /* TRANSLATORS: peek's help box, F2's line (50 columns): the formats' names, as shown
	     (keep them) */
	  N_("bytes, int32, int64, float, double, chars"), peek_format },
	{ 3, { 'o', ':', 0 },
	  /* TRANSLATORS: pizarra peek's key bar, F3: go to an offset (8 columns) */
	  N_("Jump"),
	  /* TRANSLATORS: peek's help box, F3's line: at most 50 columns */
	  N_("go to an offset (decimal or 0x hex)"), peek_ask_jump },
	{ 10, { 'q', CTRL('Q'), CTRL('C') },
	  /* TRANSLATORS: the key bar, F10 (8 columns) */
	  N_("Quit"),
	  /* TRANSLATORS: peek's help box, F10's line: at most 50 columns; shmdt stays */
	  N_("detach (shmdt) and leave"), peek_quit },
	{ 0, { FRAME_CODE | KEY_LEFT, 0, 0 }, NULL, NULL, peek_left },
	{ 0, { FRAME_CODE | KEY_RIGHT, 0, 0 }, NULL, NULL, peek_right },
	{ 0, { FRAME_CODE | KEY_UP, 'k', 0 }, NULL, NULL, peek_up },
	{ 0, { FRAME_CODE | KEY_DOWN, 'j', 0 }, NULL, NULL, peek_down },
	{ 0, { FRAME_CODE | KEY_PPAGE, 0, 0 }, NULL, NULL, peek_page_up },
	{ 0, { FRAME_CODE | KEY_NPAGE, ' ', 0 }, NULL, NULL, peek_page_down },
	{ 0, { FRAME_CODE | KEY_HOME, 'g', 0 }, NULL, NULL, peek_start },
	{ 0, { FRAME_CODE | KEY_END, 'G', 0 }, NULL, NULL, peek_end },
	{ 0, { CTRL('L'), 0, 0 }, NULL, NULL, peek_repaint },
};

#define PEEK_NKEYS (sizeof peek_keys / sizeof peek_keys[0])

/* The help box's prose (F1), one message: a translation wraps its own lines. */
static const char *const peek_help_text =
	/* TRANSLATORS: pizarra peek's help (F1), in a box at 80x24: at most 7 lines
	   of at most 72 columns each, broken with \n where you like. SHM_RDONLY is
	   the flag of shmat, PgUp/PgDn... the keys' names: keep them. */
	N_("The segment's bytes, live: attached SHM_RDONLY, so nothing is ever\n"
	   "written. A byte that changed is lit for a moment. Another program's\n"
	   "writes wake nobody, so peek looks again every 100 ms while bytes\n"
	   "change, and less often (every 500 ms) while they do not.\n"
	   "Arrows move the cursor by an element or a row, PgUp/PgDn a page,\n"
	   "Home/End (g G) to the start or the end. The first line says what is\n"
	   "under the cursor (a board's field names, when it is a board).");

static void peek_view_key(struct peek *, int, wint_t);
static void peek_help_key(struct peek *, int, wint_t);
static void peek_jump_key(struct peek *, int, wint_t);

static const struct {
	void (*key)(struct peek *, int, wint_t);
	bool question;
} peek_modes[PEEK_NMODES] = {
	[PEEK_VIEW] = { peek_view_key, false },
	[PEEK_HELP] = { peek_help_key, false },
	[PEEK_JUMP] = { peek_jump_key, true },
};

/* Look at the bytes at once, and sample at the fast pace: a key (the user is looking). */
static void
peek_moved(struct peek *p)
{
	peeklook_hurry(&p->look, frame_now());
	segdata_awake(&p->data, frame_now());
	p->dirty = true;
}

static void
peek_left(void *v)
{
	struct peek *p = v;

	hexview_step(&p->view, -1);
	peek_moved(p);
}

static void
peek_right(void *v)
{
	struct peek *p = v;

	hexview_step(&p->view, 1);
	peek_moved(p);
}

static void
peek_up(void *v)
{
	struct peek *p = v;

	hexview_step_rows(&p->view, -1);
	peek_moved(p);
}

static void
peek_down(void *v)
{
	struct peek *p = v;

	hexview_step_rows(&p->view, 1);
	peek_moved(p);
}

static void
peek_page_up(void *v)
{
	struct peek *p = v;

	hexview_page(&p->view, -1);
	peek_moved(p);
}

static void
peek_page_down(void *v)
{
	struct peek *p = v;

	hexview_page(&p->view, 1);
	peek_moved(p);
}

static void
peek_start(void *v)
{
	struct peek *p = v;

	hexview_home(&p->view, false);
	peek_moved(p);
}

static void
peek_end(void *v)
{
	struct peek *p = v;

	hexview_home(&p->view, true);
	peek_moved(p);
}

static void
peek_help(void *v)
{
	((struct peek *)v)->mode = PEEK_HELP;
}

static void
peek_format(void *v)
{
	struct peek *p = v;

	hexview_next_format(&p->view);
	/* TRANSLATORS: %s is a format's name (bytes, int32, int64, float, double, chars) */
	frame_say(&p->frame, false, _("as %s"), shmpeek_format_name(p->view.fmt));
	peek_moved(p);
}

static void
peek_ask_jump(void *v)
{
	struct peek *p = v;

	lineedit_set(&p->line, "0x");
	p->mode = PEEK_JUMP;
}

static void
peek_quit(void *v)
{
	((struct peek *)v)->quit = true;
}

static void
peek_repaint(void *v)
{
	(void)v;
	screen_repaint();
}

static void
peek_jump_key(struct peek *p, int ret, wint_t ch)
{
	uint64_t off;
	int r;

	switch (lineedit_key(&p->line, ret, ch)) {
	case LINEEDIT_CANCEL:
		p->mode = PEEK_VIEW;
		frame_say(&p->frame, false, "%s", _("cancelled"));
		return;
	case LINEEDIT_SUBMIT:
		break;
	default:
		p->dirty = true;
		return;
	}
	p->mode = PEEK_VIEW;
	r = cli_parse_number(p->line.text, true, 0, p->seg.size - 1, &off);
	if (r == CLI_NUM_RANGE) {
		/* TRANSLATORS: peek's status line (74 columns at 80x24, longer is cut) */
		frame_say(&p->frame, true, _("offset '%s' is out of range 0-%zu (0x0-0x%zx)"),
		    p->line.text, p->seg.size - 1, p->seg.size - 1);
		return;
	}
	if (r != CLI_NUM_OK) {
		/* TRANSLATORS: peek's status line (74 columns at 80x24, longer is cut) */
		frame_say(&p->frame, true, _("offset '%s' is not a number: decimal, or 0x and hex "
		    "digits"), p->line.text);
		return;
	}
	hexview_jump(&p->view, off);
	peek_moved(p);
}

static void
peek_view_key(struct peek *p, int ret, wint_t ch)
{
	const struct frame_key *k = frame_lookup(peek_keys, PEEK_NKEYS, ret, ch);

	if (k != NULL)
		k->run(p);
}

static void
peek_help_key(struct peek *p, int ret, wint_t ch)
{
	(void)ret;
	(void)ch;
	p->mode = PEEK_VIEW;
}

/* One key, past the escape filter: the quit keys quit in every mode. */
static void
peek_key(void *v, int ret, wint_t ch)
{
	struct peek *p = v;

	peek_moved(p);   /* every key and a resize: the fast pace again */
	if (ret == KEY_CODE_YES && ch == KEY_RESIZE)
		return;
	if (frame_quits(ret, ch)) {
		p->quit = true;
		return;
	}
	peek_modes[p->mode].key(p, ret, ch);
}

/* A sample of the segment's row for the sidebar. */
static void
peek_sample(struct peek *p, uint64_t now)
{
	struct pzerr e;
	char line[80];

	if (segdata_sample(&p->data, now, &e) & SEGDATA_FAILED)
		frame_say(&p->frame, true, "%s", e.msg);
	peeklook_recognise(&p->look, &p->seg);
	/* TRANSLATORS: a sidebar line of peek (30 columns at 80x24, longer is cut): where
	   shmat() put the segment in this process, read-only (ro) */
	snprintf(line, sizeof line, _("shmat() here %p ro (SHM_RDONLY)"), (const void *)p->seg.base);
	segpanel_note(&p->panel, 0, line);
	peeklook_note(&p->look, line, sizeof line);
	if (segpanel_note(&p->panel, 1, line) |
	    segpanel_sample(&p->panel, &p->data, segdata_find(&p->data, p->seg.shmid), now))
		p->dirty = true;
}

/* Look at the bytes: copy what is visible, compare, pace the next look. */
static void
peek_look(struct peek *p, uint64_t now)
{
	WINDOW *win = screen_window(SCREEN_CANVAS);

	if (peeklook_look(&p->look, &p->view, &p->seg, win != NULL ? getmaxx(win) : -1,
	    win != NULL ? getmaxy(win) : 0, now))
		p->dirty = true;
}

static void
peek_draw_status(struct peek *p, uint64_t now)
{
	char text[160];

	if (p->mode == PEEK_JUMP) {
		/* TRANSLATORS: peek's prompt (F3) on the status line, the offset typed after it: at
		   most 50 columns besides the number. Keep the space at the end. */
		snprintf(text, sizeof text, _("Offset (0-%zu, decimal or 0x hex): "), p->seg.size - 1);
		status_draw_question(text, p->line.text);
		return;
	}
	if (p->look.board)
		/* TRANSLATORS: peek's status line after " PEEK ", for a segment that is a board:
		   its size in bytes, the format's name (int32...): at most 74 columns with a
		   10-digit shmid and a size of 10 digits */
		snprintf(text, sizeof text, P_(" shmid %d, %zu byte, as %s, read-only, a pizarra "
		    "board", " shmid %d, %zu bytes, as %s, read-only, a pizarra board",
		    p->seg.size), p->seg.shmid, p->seg.size, shmpeek_format_name(p->view.fmt));
	else
		/* TRANSLATORS: peek's status line after " PEEK " (see the one for a board) */
		snprintf(text, sizeof text, P_(" shmid %d, %zu byte, as %s, read-only",
		    " shmid %d, %zu bytes, as %s, read-only", p->seg.size), p->seg.shmid,
		    p->seg.size, shmpeek_format_name(p->view.fmt));
	frame_draw_status(&p->frame, " PEEK ", text, now);
}

static void
peek_render(struct peek *p, uint64_t now)
{
	if (screen_too_small()) {
		screen_draw_too_small();
		doupdate();
		p->dirty = false;
		return;
	}
	hexdraw_view(&p->view, screen_window(SCREEN_CANVAS), p->look.board ? &p->look.names : NULL, now);
	segpanel_draw(&p->panel, now);
	peek_draw_status(p, now);
	frame_draw_keybar(peek_keys, PEEK_NKEYS);
	if (p->mode == PEEK_HELP)
		/* TRANSLATORS: the title of peek's help box: at most 70 columns */
		frame_draw_help(_(" pizarra peek (any key closes) "), _(peek_help_text), peek_keys,
		    PEEK_NKEYS);
	curs_set(peek_modes[p->mode].question ? 1 : 0);
	doupdate();
	p->dirty = false;
}

static void
peek_loop(struct peek *p)
{
	_Atomic uint32_t *input = screen_input_word();
	uint32_t seen, drained = atomic_load(input) - 1;
	uint64_t now, at;
	bool sample, look;

	p->dirty = true;
	while (!p->quit && !screen_signalled()) {
		seen = atomic_load(input);
		if (seen != drained) {
			frame_read_keys(&p->frame, peek_key, p);
			drained = seen;
		}
		now = frame_now();
		sample = now >= segdata_next(&p->data);
		look = now >= p->look.next;
		/* idle, one wake-up a second does both, so they stay in step */
		if (segdata_idle(&p->data, now) && peeklook_idle(&p->look, now))
			sample = look = sample || look;
		if (sample)
			peek_sample(p, now);
		if (look)
			peek_look(p, now);
		if (peeklook_unlit(&p->look, &p->view, now))
			p->dirty = true;
		if (frame_expire(&p->frame, now))
			p->dirty = true;
		if (p->quit || screen_hung_up())
			break;
		if (p->dirty)
			peek_render(p, now);
		now = frame_now();
		at = peeklook_wake_at(&p->look, &p->view, segdata_next(&p->data), p->frame.until,
		    now);
		notify_wait_any(NULL, 0, input, seen, at > now ? (int)(at - now) : 0);
	}
}

int
peek_run(struct cli_opts *o)
{
	static struct peek p;
	char opts[PATH_MAX + 64];
	struct pzerr e;
	int shmid;

	memset(&p, 0, sizeof p);
	p.opts = o;
	if (shmpeek_find(&o->addr, &o->log, &shmid, &e) != 0) {
		cli_error("%s", e.msg);
		return EXIT_FAILURE;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		/* TRANSLATORS: %s is the options that name the segment (" -k 0x1234"), or nothing */
		cli_error(_("pizarra peek needs a terminal; `pizarra ls` lists the segments, and "
		    "`pizarra%s dump` prints a board"), addr_options(&o->addr, opts,
		    sizeof opts));
		return EXIT_FAILURE;
	}
	if (screen_check(addr_options(&o->addr, opts, sizeof opts)) != 0)
		return EXIT_FAILURE;
	if (shmpeek_attach(&p.seg, shmid, &o->addr, &o->log, &e) != 0) {
		cli_error("%s", e.msg);
		return EXIT_FAILURE;
	}
	hexview_reset(&p.view, p.seg.size, SHMPEEK_BYTES);
	segdata_init(&p.data, NULL, shmid);
	segpanel_show(&p.panel, shmid);
	peeklook_hurry(&p.look, frame_now());
	screen_install_signals();
	if (screen_init() != 0) {
		shmpeek_detach(&p.seg);
		segdata_free(&p.data);
		return EXIT_FAILURE;
	}
	peek_sample(&p, frame_now());
	peek_loop(&p);
	screen_end();
	shmpeek_detach(&p.seg);
	hexview_free(&p.view);
	segdata_free(&p.data);
	return EXIT_SUCCESS;
}
