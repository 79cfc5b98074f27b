/*
 * top.c - pizarra top (see top.h): it owns struct top (the data, the
 * list, the sidebar, the mode, the question, the frame's message), the key
 * table (each row: an F-key, its letters, its key bar label and help
 * line, its action; frame.h draws the bar and the help from it) and the
 * modes table (the list, the help, a question to the owner: the one
 * before IPC_RMID or the prompt for IPC_SET, topask.h's). The loop sleeps
 * on the input word alone (a foreign segment has no futex to wake us)
 * until the next sample segdata asks for, the next highlight that goes
 * out or the message's end. Enter hands the terminal to pizarra itself on
 * the selected segment (opener.h). Everything a person reads is
 * translated (i18n.h); the column heads and the kernel's names (shmid,
 * IPC_RMID, dest) are not.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "frame.h"
#include "i18n.h"
#include "notify.h"
#include "opener.h"
#include "screen.h"
#include "segdata.h"
#include "segpanel.h"
#include "segtable.h"
#include "top.h"
#include "topask.h"

#define CTRL(c) ((c) & 0x1f)

enum top_mode { TOP_LIST, TOP_HELP, TOP_ASK, TOP_NMODES };

struct top {
	struct cli_opts *opts;
	struct segdata data;
	struct segtable table;
	struct segpanel panel;
	struct frame frame;            /* the message, the escape filter */
	enum top_mode mode;
	struct topask ask;             /* what the question or the prompt is about */
	uint64_t unlit_at;             /* a highlight drawn goes out then (ms), 0 none */
	bool quit;
	bool dirty;
};

static void top_help(void *);
static void top_sort(void *);
static void top_reverse(void *);
static void top_ask_chmod(void *);
static void top_ask_remove(void *);
static void top_open(void *);
static void top_quit(void *);
static void top_up(void *);
static void top_down(void *);
static void top_page_up(void *);
static void top_page_down(void *);
static void top_first(void *);
static void top_last(void *);
static void top_repaint(void *);
static void top_suspend(void *);

/*
 * The key bar at 80 columns: F1 F2 F3 F5 F7 F10 and Enter's label, each
 * F-key label padded to 7 columns (one space after a longer one).
 */
static const struct frame_key top_keys[] = {
	{ 1, { '?', 'h', 0 },
	  /* TRANSLATORS: pizarra top's key bar, F1 (at 80 columns every label of top, after its
	     F-key, at most 8 columns) */
	  N_("Help"),
	  /* TRANSLATORS: a line of top's help box, after the key and its label: at most 50
	     columns */
	  N_("this help"), top_help },
	{ 2, { 's', '>', 0 },
	  /* TRANSLATORS: pizarra top's key bar, F2: sort by the next column (8 columns) */
	  N_("Sort"),
	  /* TRANSLATORS: top's help box, F2's line: at most 50 columns */
	  N_("sort by the next column"), top_sort },
	{ 3, { 'r', 'I', 0 },
	  /* TRANSLATORS: pizarra top's key bar, F3: the list the other way round (8 columns) */
	  N_("Order"),
	  /* TRANSLATORS: top's help box, F3's line: at most 50 columns */
	  N_("reverse the order"), top_reverse },
	{ 5, { 'm', 0, 0 },
	  /* TRANSLATORS: pizarra top's key bar, F5: the permission bits (8 columns) */
	  N_("Mode"),
	  /* TRANSLATORS: top's help box, F5's line: at most 50 columns; shmctl IPC_SET stays */
	  N_("shmctl IPC_SET: the permission bits (owner)"), top_ask_chmod },
	{ 7, { 'd', FRAME_CODE | KEY_DC, 0 },
	  /* TRANSLATORS: pizarra top's key bar, F7: IPC_RMID (8 columns) */
	  N_("Remove"),
	  /* TRANSLATORS: top's help box, F7's line: at most 50 columns; shmctl IPC_RMID stays */
	  N_("shmctl IPC_RMID, after asking (owner)"), top_ask_remove },
	{ 10, { 'q', CTRL('Q'), CTRL('C') },
	  /* TRANSLATORS: the key bar, F10 (8 columns) */
	  N_("Quit"),
	  /* TRANSLATORS: top's help box, F10's line: at most 50 columns */
	  N_("leave pizarra top"), top_quit },
	{ 0, { '\r', '\n', FRAME_CODE | KEY_ENTER },
	  /* TRANSLATORS: pizarra top's key bar, last: Enter opens the selected segment; "Enter"
	     is the key's name (keep it); at most 11 columns */
	  N_("Enter:open"),
	  /* TRANSLATORS: top's help box, Enter's line: at most 48 columns; draw, view and peek
	     are pizarra's commands (keep them) */
	  N_("open it: a board in draw (view if you may only read it), others in peek"), top_open },
	{ 0, { FRAME_CODE | KEY_UP, 'k', 0 }, NULL, NULL, top_up },
	{ 0, { FRAME_CODE | KEY_DOWN, 'j', 0 }, NULL, NULL, top_down },
	{ 0, { FRAME_CODE | KEY_PPAGE, 0, 0 }, NULL, NULL, top_page_up },
	{ 0, { FRAME_CODE | KEY_NPAGE, ' ', 0 }, NULL, NULL, top_page_down },
	{ 0, { FRAME_CODE | KEY_HOME, 'g', 0 }, NULL, NULL, top_first },
	{ 0, { FRAME_CODE | KEY_END, 'G', 0 }, NULL, NULL, top_last },
	{ 0, { CTRL('L'), 0, 0 }, NULL, NULL, top_repaint },
	/* F12 suspends, as on the board; Ctrl-Z too, as top undoes nothing */
	{ 0, { CTRL('Z'), FRAME_CODE | KEY_F(12), 0 }, NULL, NULL, top_suspend },
};

#define TOP_NKEYS (sizeof top_keys / sizeof top_keys[0])

static void top_list_key(struct top *, int, wint_t);
static void top_help_key(struct top *, int, wint_t);
static void top_ask_key(struct top *, int, wint_t);

/* A mode: its key handler, and whether it asks on the status line. */
static const struct {
	void (*key)(struct top *, int, wint_t);
	bool question;
} top_modes[TOP_NMODES] = {
	[TOP_LIST] = { top_list_key, false },
	[TOP_HELP] = { top_help_key, false },
	[TOP_ASK] = { top_ask_key, true },
};

/* The help box's prose (F1), one message: a translation wraps its own lines. */
static const char *const top_help_text =
	/* TRANSLATORS: pizarra top's help (F1), in a box at 80x24: at most 8 lines
	   of at most 72 columns each, broken with \n where you like. KEY, STATUS
	   and BOARD are the list's column heads, dest a STATUS value, shm_* the
	   kernel's field names, Up/Down... the keys' names: keep them. */
	N_("Every System V shared-memory segment, live: /proc/sysvipc/shm, read\n"
	   "again and again. Nothing is attached to list them, so shm_lpid,\n"
	   "shm_atime and shm_nattch stay as they are. A value that changed is\n"
	   "lit for a moment; a new row is lit whole; a removed one goes.\n"
	   "KEY is 0x00000000 once removed; STATUS dest: IPC_RMID was called and\n"
	   "the segment lives until its last detach; BOARD: a pizarra board, when\n"
	   "a process that has it attached lets us read its header (? unknown).\n"
	   "Up/Down, PgUp/PgDn, Home/End (j k g G) move the selection.");

/* Take a sample now and put the list and the sidebar in step with it. */
static void
top_sample(struct top *t, uint64_t now)
{
	const struct segdata_row *r;
	struct pzerr e;
	size_t total = t->data.total;
	unsigned bits = segdata_sample(&t->data, now, &e);

	if (bits & SEGDATA_FAILED) {
		frame_say(&t->frame, true, "%s", e.msg);
		t->dirty = true;
		return;
	}
	segtable_sync(&t->table, &t->data);
	r = segtable_selected(&t->table, &t->data);
	segpanel_show(&t->panel, r != NULL ? shmlist_shmid(&r->seg) : -1);
	/* the system's count is on the status line, though others' segments do not hurry us */
	if (segpanel_sample(&t->panel, &t->data, r, now) || bits != 0 || t->data.total != total)
		t->dirty = true;
	if ((bits & SEGDATA_REMOVED) && t->data.removed == 1)
		/* TRANSLATORS: top's status line (every message of top: 74 columns at 80x24 after
		   " TOP ", longer is cut) */
		frame_say(&t->frame, false, _("shmid %d is gone (removed, and its last process "
		    "detached)"), t->data.gone_shmid);
}

/* The selection moved: show its segment in the sidebar. */
static void
top_selected(struct top *t)
{
	const struct segdata_row *r = segtable_selected(&t->table, &t->data);

	segpanel_show(&t->panel, r != NULL ? shmlist_shmid(&r->seg) : -1);
	segpanel_sample(&t->panel, &t->data, r, frame_now());
	t->dirty = true;
}

/* The selection's moves: by a row, a page, to an end. */
static void
top_move(struct top *t, long rows, int pages, int end)
{
	if (end != 0)
		segtable_ends(&t->table, &t->data, end > 0);
	else if (pages != 0)
		segtable_page(&t->table, &t->data, pages);
	else
		segtable_move(&t->table, &t->data, rows);
	top_selected(t);
}

static void top_up(void *t) { top_move(t, -1, 0, 0); }
static void top_down(void *t) { top_move(t, 1, 0, 0); }
static void top_page_up(void *t) { top_move(t, 0, -1, 0); }
static void top_page_down(void *t) { top_move(t, 0, 1, 0); }
static void top_first(void *t) { top_move(t, 0, 0, -1); }
static void top_last(void *t) { top_move(t, 0, 0, 1); }

static void
top_help(void *v)
{
	((struct top *)v)->mode = TOP_HELP;
}

static void
top_sort(void *v)
{
	struct top *t = v;

	segtable_next_sort(&t->table, &t->data);
	/* TRANSLATORS: %s is a column head of the list (ID, SIZE...), as shown */
	frame_say(&t->frame, false, _("sorted by %s"), list_heading(t->table.sort));
}

static void
top_reverse(void *v)
{
	struct top *t = v;

	segtable_sort(&t->table, &t->data, t->table.sort);
	frame_say(&t->frame, false, t->table.descending ?
	    /* TRANSLATORS: %s is a column head of the list (ID, SIZE...), as shown */
	    _("sorted by %s, largest first") :
	    /* TRANSLATORS: %s is a column head of the list (ID, SIZE...), as shown */
	    _("sorted by %s, smallest first"), list_heading(t->table.sort));
}

static void
top_quit(void *v)
{
	((struct top *)v)->quit = true;
}

static void
top_repaint(void *v)
{
	(void)v;
	screen_repaint();
}

static void
top_suspend(void *v)
{
	(void)v;
	screen_suspend();
}

static void
top_ask_remove(void *v)
{
	struct top *t = v;

	if (topask_remove(&t->ask, segtable_selected(&t->table, &t->data), &t->frame))
		t->mode = TOP_ASK;
}

static void
top_ask_chmod(void *v)
{
	struct top *t = v;

	if (topask_chmod(&t->ask, segtable_selected(&t->table, &t->data), &t->frame))
		t->mode = TOP_ASK;
}

/* A key for the open question: back to the list once it closed, a sample when it changed. */
static void
top_ask_key(struct top *t, int ret, wint_t ch)
{
	int said = topask_key(&t->ask, ret, ch, &t->data, &t->opts->log, &t->frame);

	if (said == TOPASK_OPEN)
		return;
	t->mode = TOP_LIST;
	if (said == TOPASK_CHANGED)
		top_sample(t, frame_now());
}

static void
top_open(void *v)
{
	struct top *t = v;
	const struct segdata_row *r = segtable_selected(&t->table, &t->data);
	char said[PZERR_MSG_MAX + 64];
	struct shminfo_stat si;
	bool failed;

	if (r == NULL) {
		frame_say(&t->frame, true, "%s", _("no segment is selected"));
		return;
	}
	shmlist_to_stat(&r->seg, &si);
	failed = opener_open(shmlist_shmid(&r->seg), &si, r->board, said, sizeof said);
	frame_say(&t->frame, failed, "%s", said);
	segdata_hurry(&t->data, frame_now());
}

static void
top_list_key(struct top *t, int ret, wint_t ch)
{
	const struct frame_key *k = frame_lookup(top_keys, TOP_NKEYS, ret, ch);

	if (k != NULL)
		k->run(t);
}

static void
top_help_key(struct top *t, int ret, wint_t ch)
{
	(void)ret;
	(void)ch;
	t->mode = TOP_LIST;
}

/* One key, past the escape filter: the quit keys quit in every mode. */
static void
top_key(void *v, int ret, wint_t ch)
{
	struct top *t = v;

	t->dirty = true;
	segdata_awake(&t->data, frame_now());   /* every key and a resize: the fast pace */
	if (ret == KEY_CODE_YES && ch == KEY_RESIZE)
		return;
	if (frame_quits(ret, ch)) {
		t->quit = true;
		return;
	}
	top_modes[t->mode].key(t, ret, ch);
}

/* The status line: what is shown and the sort, or the open question. */
static void
top_draw_status(struct top *t, uint64_t now)
{
	char text[PZERR_MSG_MAX + 128];

	if (t->mode == TOP_ASK) {
		topask_draw(&t->ask);
		return;
	}
	if (t->opts->named || t->opts->owner_given)
		/* TRANSLATORS: top's status line after " TOP ": the segments shown (of all the
		   system's, counted by the second number), then the column they are sorted by
		   (ID, SIZE...) and v (largest first) or ^: at most 40 columns with the numbers */
		snprintf(text, sizeof text, P_(" %zu of %zu segment, by %s %s",
		    " %zu of %zu segments, by %s %s", t->data.total), t->data.n,
		    t->data.total, list_heading(t->table.sort), t->table.descending ? "v" : "^");
	else
		/* TRANSLATORS: top's status line after " TOP " (see " %zu of %zu segments...") */
		snprintf(text, sizeof text, P_(" %zu segment, by %s %s", " %zu segments, by %s %s",
		    t->data.n), t->data.n, list_heading(t->table.sort),
		    t->table.descending ? "v" : "^");
	frame_draw_status(&t->frame, " TOP ", text, now);
}

static void
top_render(struct top *t, uint64_t now)
{
	t->dirty = false;
	if (screen_too_small()) {
		screen_draw_too_small();
		doupdate();
		return;
	}
	segtable_draw(&t->table, &t->data, screen_window(SCREEN_CANVAS), t->opts->bytes, now);
	segpanel_draw(&t->panel, now);
	top_draw_status(t, now);
	frame_draw_keybar(top_keys, TOP_NKEYS);
	if (t->mode == TOP_HELP)
		/* TRANSLATORS: the title of top's help box: at most 70 columns */
		frame_draw_help(_(" pizarra top (any key closes) "), _(top_help_text), top_keys,
		    TOP_NKEYS);
	curs_set(top_modes[t->mode].question ? 1 : 0);
	doupdate();
	t->unlit_at = segdata_lit_until(&t->data, now);
}

/* When the loop must wake next: a sample, a highlight going out, the message's end. */
static uint64_t
top_wake_at(const struct top *t, uint64_t now)
{
	uint64_t at = segdata_next(&t->data), lit = segdata_lit_until(&t->data, now);

	if (lit != 0 && lit < at)
		at = lit;
	if (t->frame.until > now && t->frame.until < at)
		at = t->frame.until;
	return at;
}

static void
top_loop(struct top *t)
{
	_Atomic uint32_t *input = screen_input_word();
	uint32_t seen, drained = atomic_load(input) - 1;
	uint64_t now, at;

	t->dirty = true;
	while (!t->quit && !screen_signalled()) {
		seen = atomic_load(input);
		if (seen != drained) {
			frame_read_keys(&t->frame, top_key, t);
			drained = seen;
		}
		now = frame_now();
		if (now >= segdata_next(&t->data))
			top_sample(t, now);
		/* a highlight or the message went out: draw without it */
		if ((t->unlit_at != 0 && now >= t->unlit_at) || frame_expire(&t->frame, now))
			t->dirty = true;
		if (t->quit || screen_hung_up())
			break;
		if (t->dirty)
			top_render(t, now);
		now = frame_now();
		at = top_wake_at(t, now);
		notify_wait_any(NULL, 0, input, seen, at > now ? (int)(at - now) : 0);
	}
}

int
top_run(struct cli_opts *o)
{
	static struct top t;
	char opts[PATH_MAX + 64];
	struct pzerr e;

	memset(&t, 0, sizeof t);
	t.opts = o;
	if (o->named && addr_resolve(&o->addr, &o->log, &e) != 0) {
		cli_error("%s", e.msg);
		return EXIT_FAILURE;
	}
	segdata_init(&t.data, o, -1);
	segtable_init(&t.table);
	t.panel.shmid = -2;
	if (segdata_sample(&t.data, frame_now(), &e) & SEGDATA_FAILED) {
		cli_error("top: %s", e.msg);
		segdata_free(&t.data);
		return EXIT_FAILURE;
	}
	segdata_hurry(&t.data, frame_now());
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		/* TRANSLATORS: on standard error; `pizarra ls` and --json are a command and an
		   option (keep them) */
		cli_error("%s", _("pizarra top needs a terminal; `pizarra ls` prints the same list "
		    "(--json for programs)"));
		segdata_free(&t.data);
		return EXIT_FAILURE;
	}
	if (screen_check(addr_options(&o->addr, opts, sizeof opts)) != 0 ||
	    (screen_install_signals(), screen_init()) != 0) {
		segdata_free(&t.data);
		return EXIT_FAILURE;
	}
	segtable_sync(&t.table, &t.data);
	top_selected(&t);
	top_loop(&t);
	screen_end();
	segtable_free(&t.table);
	segdata_free(&t.data);
	return EXIT_SUCCESS;
}
