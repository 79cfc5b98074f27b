/*
 * input.c - the modes table (input_modes[]) and the keys' way to it. A
 * quit key quits in every mode; otherwise the current mode's handler gets
 * the key: drawing looks it up in the key tables (keymap.c), a prompt
 * edits its line, a question takes only the keys it names (any other key
 * is ignored, so keys typed for something else never answer it): each
 * answer's English key, and the first letter of its word in the language
 * of the messages ("sí": s), unless that letter is another answer's. Actions
 * that want a mode opened say so in their ACT_* bits, and this file opens
 * it, so no action needs to know the modes. A mode opened over another
 * one, and a question from elsewhere while something is open, wait in
 * `pending` and open when the current mode closes; keys typed within
 * INPUT_GRACE_MS of a question from elsewhere popping up still go to the
 * board, where the typist meant them.
 *
 * An escape sequence the terminal description does not know (a wrong
 * TERM) arrives as ESC and plain characters: it is swallowed instead of
 * being drawn on the board, and so is an OSC string (a terminal answering
 * our background query late). A lone ESC is delivered when the batch of
 * input ends (input_flush), which is how the Esc key itself is told apart.
 * One of them is recognised: ESC [ 2 0 0 ~ starts a bracketed paste, and
 * everything up to ESC [ 2 0 1 ~ is collected as text (no key in it is a
 * command: a pasted Ctrl-Q does not quit) and goes to the pen as one
 * paste, or to the open prompt; a question ignores it.
 */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cell.h"
#include "i18n.h"
#include "input.h"
#include "keymap.h"
#include "screen.h"
#include "stroke.h"
#include "utf8.h"

#define ESC 27
#define ENTER '\r'
#define INPUT_WHEEL_ROWS 3
#define INPUT_WHEEL_COLS 8

/*
 * A key a question takes (a letter in either case, ESC or ENTER), and what
 * it does. A letter answers in English (key) and in the language of the
 * messages too: word is the answer's meaning ("yes", "keep"...) as a
 * message, and the first letter of its translation ("sí": s) is the key in
 * that language, which the translated question names. The English key
 * keeps working in every language; input_answers_clash() says when two
 * answers of one question would share a key.
 */
struct input_answer {
	int key;
	const char *word;                            /* N_(): its first letter answers too */
	action_fn run;                               /* or */
	unsigned (*run_text)(struct desk *, const char *);   /* with the prompt's text */
	enum input_mode reopen;                      /* or this mode again, text kept */
};

/* Writes the question into buf for room columns (the answer's space left out). */
typedef void (*input_asker)(const struct input *, const struct desk *, int, char *, size_t);

struct input_mode_row {
	enum input_view view;
	unsigned opened_by;            /* the ACT_* request that opens it */
	bool from_elsewhere;           /* not asked for by a key: a grace period applies */
	const char *question;          /* on the status line */
	const char *brief;             /* the same when the question does not fit */
	input_asker ask;               /* or worded at the time */
	unsigned (*key)(struct input *, struct desk *, int, wint_t);
	/* prompts */
	void (*initial)(const struct desk *, char *, size_t);
	unsigned (*submit)(struct desk *, const char *);
	/* questions: the keys they take, ending with key 0 */
	const struct input_answer *answers;
	void (*banner)(const struct desk *, char *, size_t);
};

static unsigned input_draw_key(struct input *, struct desk *, int, wint_t);
static unsigned input_help_key(struct input *, struct desk *, int, wint_t);
static unsigned input_prompt_key(struct input *, struct desk *, int, wint_t);
static unsigned input_ask_key(struct input *, struct desk *, int, wint_t);
static void input_mode_initial(const struct desk *, char *, size_t);
static void input_save_initial(const struct desk *, char *, size_t);
static void input_ask_save(const struct input *, const struct desk *, int, char *, size_t);
static void input_ask_overwrite(const struct input *, const struct desk *, int, char *,
				size_t);
static void input_ask_orphan(const struct input *, const struct desk *, int, char *, size_t);
static void input_ask_join(const struct input *, const struct desk *, int, char *, size_t);
static unsigned input_not_cleared(struct desk *);
static unsigned input_not_removed(struct desk *);
static unsigned input_not_joined(struct desk *);
static void input_orphan_banner(const struct desk *, char *, size_t);
static void input_join_banner(const struct desk *, char *, size_t);

/*
 * The answers' words: only the first letter of a translation matters (a
 * lower-case letter a-z, no accent): it is the key that gives the answer
 * in that language, beside the English key (y, n, k, s, o, r), which keeps
 * working. Within one question no two answers may start with one letter,
 * nor one with another answer's English key.
 */
/* TRANSLATORS: the answer yes to the y/n questions (clear, remove, join):
 * its first letter (a-z) answers yes, and must not be n; name it in the
 * questions: "(s/N)" for "sí" */
#define INPUT_YES       N_("yes")
/* TRANSLATORS: the answer no to the y/n questions: its first letter (a-z)
 * answers no, and must not be y */
#define INPUT_NO        N_("no")
/* TRANSLATORS: an answer to "the board was removed": keep your copy (k);
 * its first letter (a-z) is the key, not s nor n nor that of "save" or "new" */
#define INPUT_KEEP      N_("keep")
/* TRANSLATORS: an answer to "the board was removed": save it to a file (s);
 * its first letter (a-z) is the key, not k nor n nor that of "keep" or "new" */
#define INPUT_SAVE      N_("save")
/* TRANSLATORS: an answer to "the board was removed": a new board, or join
 * the one under the key (n); its first letter (a-z) is the key, not k nor s
 * nor that of "keep" or "save" */
#define INPUT_NEW       N_("new")
/* TRANSLATORS: an answer to "the file exists": overwrite it (o); its first
 * letter (a-z) is the key, not r nor that of "rename" */
#define INPUT_OVERWRITE N_("overwrite")
/* TRANSLATORS: an answer to "the file exists": type another name (r); its
 * first letter (a-z) is the key, not o nor that of "overwrite" */
#define INPUT_RENAME    N_("rename")

static const struct input_answer input_clear_answers[] = {
	{ 'y', INPUT_YES, action_clear, NULL, MODE_DRAW },
	{ 'n', INPUT_NO, input_not_cleared, NULL, MODE_DRAW },
	{ ESC, NULL, input_not_cleared, NULL, MODE_DRAW },
	{ ENTER, NULL, input_not_cleared, NULL, MODE_DRAW },
	{ 0, NULL, NULL, NULL, MODE_DRAW },
};
static const struct input_answer input_remove_answers[] = {
	{ 'y', INPUT_YES, action_remove, NULL, MODE_DRAW },
	{ 'n', INPUT_NO, input_not_removed, NULL, MODE_DRAW },
	{ ESC, NULL, input_not_removed, NULL, MODE_DRAW },
	{ ENTER, NULL, input_not_removed, NULL, MODE_DRAW },
	{ 0, NULL, NULL, NULL, MODE_DRAW },
};
static const struct input_answer input_orphan_answers[] = {
	{ 'k', INPUT_KEEP, action_keep_orphan, NULL, MODE_DRAW },
	{ ESC, NULL, action_keep_orphan, NULL, MODE_DRAW },
	{ 's', INPUT_SAVE, action_ask_save, NULL, MODE_DRAW },
	{ 'n', INPUT_NEW, action_new_board, NULL, MODE_DRAW },
	{ 0, NULL, NULL, NULL, MODE_DRAW },
};
static const struct input_answer input_join_answers[] = {
	{ 'y', INPUT_YES, action_join, NULL, MODE_DRAW },
	{ 'n', INPUT_NO, input_not_joined, NULL, MODE_DRAW },
	{ ESC, NULL, input_not_joined, NULL, MODE_DRAW },
	{ ENTER, NULL, input_not_joined, NULL, MODE_DRAW },
	{ 0, NULL, NULL, NULL, MODE_DRAW },
};
static const struct input_answer input_overwrite_answers[] = {
	{ 'o', INPUT_OVERWRITE, NULL, action_overwrite, MODE_DRAW },
	{ 'r', INPUT_RENAME, NULL, NULL, MODE_SAVE },
	{ ESC, NULL, action_cancelled, NULL, MODE_DRAW }, { 0, NULL, NULL, NULL, MODE_DRAW },
};

static const struct input_mode_row input_modes[MODE_COUNT] = {
	[MODE_DRAW] = { .view = INPUT_DRAWING, .key = input_draw_key },
	[MODE_HELP] = { .view = INPUT_HELP, .opened_by = ACT_HELP, .key = input_help_key },
	[MODE_CHMOD] = {
		.view = INPUT_QUESTION, .opened_by = ACT_ASK_CHMOD,
		/* TRANSLATORS: a prompt on the status line, at most 60 columns (the
		 * octal answer follows it at 80); the brief one at most 30 */
		.question = N_("Permission bits (shmctl IPC_SET), e.g. 0660 group, 0666 all: "),
		.brief = N_("Mode (IPC_SET), e.g. 0660: "),
		.key = input_prompt_key, .initial = input_mode_initial, .submit = action_chmod,
	},
	[MODE_SAVE] = {
		.view = INPUT_QUESTION, .opened_by = ACT_ASK_SAVE, .ask = input_ask_save,
		.key = input_prompt_key, .initial = input_save_initial, .submit = action_save,
	},
	[MODE_OVERWRITE] = {
		.view = INPUT_QUESTION, .opened_by = ACT_ASK_OVERWRITE, .ask = input_ask_overwrite,
		.key = input_ask_key, .answers = input_overwrite_answers,
	},
	[MODE_CLEAR] = {
		.view = INPUT_QUESTION, .opened_by = ACT_ASK_CLEAR,
		/* TRANSLATORS: a question on the status line, at most 79 columns; name
		 * your own keys for "yes" and "no" ((s/N) in Spanish); the brief one,
		 * shown on narrow terminals, at most 40 */
		.question = N_("Clear the whole board for everyone? (y/N) "),
		.brief = N_("Clear the board for all? (y/N) "),
		.key = input_ask_key, .answers = input_clear_answers,
	},
	[MODE_REMOVE] = {
		.view = INPUT_QUESTION, .opened_by = ACT_ASK_REMOVE,
		/* TRANSLATORS: a question on the status line, at most 79 columns; your
		 * keys for "yes" and "no"; the brief one at most 40 */
		.question = N_("IPC_RMID: mark the segment for removal? It lives until the last "
		    "detach (y/N) "),
		.brief = N_("IPC_RMID: remove the segment? (y/N) "),
		.key = input_ask_key, .answers = input_remove_answers,
	},
	[MODE_ORPHAN] = {
		.view = INPUT_QUESTION, .opened_by = ACT_ASK_ORPHAN, .from_elsewhere = true,
		.ask = input_ask_orphan, .key = input_ask_key, .answers = input_orphan_answers,
		.banner = input_orphan_banner,
	},
	[MODE_JOIN] = {
		.view = INPUT_QUESTION, .opened_by = ACT_ASK_JOIN, .ask = input_ask_join,
		.key = input_ask_key, .answers = input_join_answers, .banner = input_join_banner,
	},
};

/* Format into buf the first of the wordings that fits room columns (the last one anyway). */
static void
input_first_fit(char *buf, size_t n, int room, const char *const *forms, int nforms, ...)
{
	va_list ap;
	int i;

	for (i = 0; i < nforms; i++) {
		va_start(ap, nforms);
		vsnprintf(buf, n, _(forms[i]), ap);
		va_end(ap);
		if (cell_columns(buf) <= room)
			return;
	}
}

static void
input_mode_initial(const struct desk *d, char *buf, size_t n)
{
	(void)d;
	snprintf(buf, n, "0660");
}

static void
input_save_initial(const struct desk *d, char *buf, size_t n)
{
	snprintf(buf, n, "pizarra-%d.txt", d->session->seg.shmid);
}

/* The working directory, ~ for the home directory, its left cut to fit room columns. */
static void
input_dir(char *buf, size_t n, int room)
{
	char cwd[PATH_MAX];
	const char *home = getenv("HOME"), *p = cwd;
	size_t hl = home != NULL ? strlen(home) : 0;

	if (getcwd(cwd, sizeof cwd) == NULL)
		snprintf(cwd, sizeof cwd, ".");
	if (hl > 1 && strncmp(cwd, home, hl) == 0 && (cwd[hl] == '/' || cwd[hl] == '\0'))
		p = cwd + hl;
	if (snprintf(buf, n, "%s%s%s", p != cwd ? "~" : "", p,
	    strcmp(cwd, "/") == 0 ? "" : "/") >= (int)n)
		snprintf(buf, n, "./");
	if (room < 4 || cell_columns(buf) <= room)
		return;
	p = buf;
	while (*p != '\0' && cell_columns(p) > room - 1)
		p++;
	while ((*p & 0xC0) == 0x80)
		p++;
	memmove(buf + strlen(screen_utf8() ? "\u2026" : "<"), p, strlen(p) + 1);
	memcpy(buf, screen_utf8() ? "\u2026" : "<", strlen(screen_utf8() ? "\u2026" : "<"));
}

static void
input_ask_save(const struct input *in, const struct desk *d, int room, char *buf, size_t n)
{
	char dir[PATH_MAX];

	(void)in;
	(void)d;
	input_dir(dir, sizeof dir, INT_MAX);
	/* TRANSLATORS: the prompt for a file name, %s the working directory
	 * (the file name typed follows); the brief one when the long does not
	 * fit: its directory is cut to fit */
	snprintf(buf, n, _("Save the board as text in %s: "), dir);
	if (cell_columns(buf) <= room)
		return;
	snprintf(buf, n, _("Save in %s: "), "");
	input_dir(dir, sizeof dir, room - cell_columns(buf));
	snprintf(buf, n, _("Save in %s: "), dir);
}

static void
input_ask_overwrite(const struct input *in, const struct desk *d, int room, char *buf,
		    size_t n)
{
	/* TRANSLATORS: the file named exists; name your keys for "overwrite"
	 * and "rename". Three lengths, the first that fits is shown: the
	 * first at most 79 columns with the name, the second at most 60 with
	 * the name cut to 20 bytes, the last at most 40 */
	static const char *const forms[] = {
		N_("%s exists: o overwrite, r another name, Esc cancel "),
		N_("%.20s exists: o overwrite, r rename "), N_("exists: o overwrite, r rename "),
	};
	const char *slash = strrchr(in->prompt, '/');

	(void)d;
	input_first_fit(buf, n, room, forms, 3, slash != NULL ? slash + 1 : in->prompt);
}

static void
input_ask_orphan(const struct input *in, const struct desk *d, int room, char *buf, size_t n)
{
	/* TRANSLATORS: the board was removed; name your keys for "keep",
	 * "save" and "new" (the banner above says the same). Three lengths
	 * each, the first that fits is shown: at most 79 columns, at most 55,
	 * at most 40 */
	static const char *const gone[] = {
		N_("shmid %d is gone: k keep your copy, s save it, n new board under the key "),
		N_("shmid %d is gone: k keep copy, s save, n new "), N_("Gone: k keep, s save, n new "),
	};
	static const char *const removed_new[] = {
		N_("Board removed by someone else: k keep, s save to a file, n new board under the key "),
		N_("Removed by someone else: k keep, s save, n new "),
		N_("Removed: k keep, s save, n new "),
	};
	static const char *const removed_join[] = {
		N_("Board removed by someone else: k keep, s save to a file, n join the board under "
		"the key "),
		N_("Removed by someone else: k keep, s save, n join "),
		N_("Removed: k keep, s save, n join "),
	};
	const struct session *s = d->session;

	(void)in;
	if (s->gone)
		input_first_fit(buf, n, room, gone, 3, s->seg.shmid);
	else
		input_first_fit(buf, n, room, s->key_now_shmid >= 0 ? removed_join : removed_new, 3);
}

/* Who owns the board under the key, and its mode; "?" when it cannot be read. */
static void
input_key_owner(const struct desk *d, char *who, size_t n, unsigned *mode)
{
	struct shminfo_stat si;

	snprintf(who, n, "?");
	*mode = 0;
	if (session_key_board(d->session, &si) != 0)
		return;
	shminfo_user(si.ds.shm_perm.uid, who, n);
	*mode = si.ds.shm_perm.mode & 0777;
}

static void
input_ask_join(const struct input *in, const struct desk *d, int room, char *buf, size_t n)
{
	/* TRANSLATORS: %s is the user who owns the board under the key; your
	 * keys for "yes" and "no". Three lengths each, the first that fits is
	 * shown: at most 79 columns, at most 55, at most 40 */
	static const char *const join[] = {
		N_("Join %s's board (shmid %d, mode %04o)? Your drawing is not copied (y/N) "),
		N_("Join %.12s's board (shmid %d, %04o)? (y/N) "), N_("Join %.8s's board %d? (y/N) "),
	};
	static const char *const view[] = {
		N_("View %s's board (shmid %d, mode %04o)? (y/N) "),
		N_("View %.12s's board (shmid %d, %04o)? (y/N) "), N_("View %.8s's board %d? (y/N) "),
	};
	char who[64];
	unsigned mode;

	(void)in;
	input_key_owner(d, who, sizeof who, &mode);
	input_first_fit(buf, n, room, d->session->readonly ? view : join, 3, who,
	    d->session->key_now_shmid, mode);
}

static unsigned
input_not_cleared(struct desk *d)
{
	/* TRANSLATORS: status line, after "no" to clearing the board */
	return action_declined(d, _("not cleared"));
}

static unsigned
input_not_removed(struct desk *d)
{
	/* TRANSLATORS: status line, after "no" to removing the segment */
	return action_declined(d, _("not removed"));
}

static unsigned
input_not_joined(struct desk *d)
{
	/* TRANSLATORS: status line, at most 79 columns */
	status_message(d->status, false, _("not moved: still on shmid %d, the removed board"),
	    d->session->seg.shmid);
	return 0;
}

static void
input_orphan_banner(const struct desk *d, char *buf, size_t n)
{
	const struct session *s = d->session;
	bool ro = s->readonly;
	const char *then;

	/* TRANSLATORS: the banner's last line, after your key for "new" (the
	 * banner is wrapped to the canvas, at most 7 rows at 80x24) */
	if (s->key_now_shmid >= 0)
		then = ro ? _("view the board now under the key (asks first, says whose)") :
		    _("join the board now under the key (asks first, says whose; your drawing "
		    "is not copied there)");
	else
		then = ro ? _("view the board now under the key, once there is one") :
		    _("a new board under the key, with this drawing");
	/* TRANSLATORS: a banner across the canvas (wrapped at spaces, a new line
	 * at each \n, at most 7 rows of 46 columns at 80x24); one line per answer,
	 * each starting with your key for "keep", "save" and "new"; %s is the
	 * last line's text */
	if (s->gone)
		snprintf(buf, n, _("shmid %d was removed while you were detached (IPC_RMID) and is "
		    "gone: what you see is your copy.\nk  keep the copy\ns  save it to a file\n"
		    "n  %s"), s->seg.shmid, then);
	else if (ro)
		snprintf(buf, n, _("shmid %d was removed by someone else (IPC_RMID): its key is now "
		    "0x00000000 and it lives only while processes stay attached.\nk  keep viewing it\n"
		    "s  save it to a file\nn  %s"), s->seg.shmid, then);
	else
		snprintf(buf, n, _("shmid %d was removed by someone else (IPC_RMID): its key is now "
		    "0x00000000 and it lives only while processes stay attached.\nk  keep drawing on "
		    "it\ns  save it to a file\nn  %s"), s->seg.shmid, then);
}

static void
input_join_banner(const struct desk *d, char *buf, size_t n)
{
	const struct session *s = d->session;
	char who[64];
	unsigned mode;

	input_key_owner(d, who, sizeof who, &mode);
	/* TRANSLATORS: a banner across the canvas (wrapped at spaces, at most
	 * 7 rows of 46 columns at 80x24); %s is the owner's user name; name
	 * your keys for "yes" and "no" */
	if (s->readonly)
		snprintf(buf, n, _("key 0x%08x now names shmid %d, %s's board (mode %04o). y: view "
		    "it instead of the removed board   n: stay"), (unsigned)s->seg.key,
		    s->key_now_shmid, who, mode);
	else
		snprintf(buf, n, _("key 0x%08x now names shmid %d, %s's board (mode %04o). y: move "
		    "onto it: what you type lands on their board, and your drawing is not copied "
		    "there (n, then F6, saves it first)   n: stay on the removed board"),
		    (unsigned)s->seg.key, s->key_now_shmid, who, mode);
}

/* Open mode m now; an open prompt or question waits for it to close. */
static void
input_open(struct input *in, const struct desk *d, enum input_mode m, bool keep_text)
{
	if (in->mode != MODE_DRAW && in->mode != m)
		in->pending |= 1u << in->mode;
	in->mode = m;
	if (!keep_text) {
		in->prompt[0] = '\0';
		if (input_modes[m].initial != NULL)
			input_modes[m].initial(d, in->prompt, sizeof in->prompt);
		in->prompt_len = strlen(in->prompt);
	}
}

void
input_ask(struct input *in, const struct desk *d, enum input_mode m, uint64_t now)
{
	if (in->mode != MODE_DRAW) {
		in->pending |= 1u << m;
		return;
	}
	input_open(in, d, m, false);
	in->asked_at = now;
}

/* Open the modes an action asked for; return the rest of its bits. */
static unsigned
input_requests(struct input *in, struct desk *d, unsigned bits)
{
	int m;

	if (bits & ACT_ASKS)
		for (m = 0; m < MODE_COUNT; m++)
			if (input_modes[m].opened_by & bits)
				input_open(in, d, (enum input_mode)m, m == MODE_OVERWRITE);
	return bits & ~(unsigned)ACT_ASKS;
}

/*
 * A mouse event while drawing: a press moves and starts a stroke, a drag
 * paints; the wheel (buttons 4 and 5) pans the view INPUT_WHEEL_ROWS rows,
 * or with Shift or Ctrl INPUT_WHEEL_COLS columns, and leaves the cursor.
 */
static unsigned
input_mouse(struct desk *d)
{
	const struct board *b = session_board(d->session);
	uint32_t col, row;
	MEVENT ev;
	long step;

	if (getmouse(&ev) != OK || b == NULL)
		return 0;
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		step = ev.bstate & BUTTON4_PRESSED ? -1 : 1;
		if (ev.bstate & (BUTTON_SHIFT | BUTTON_CTRL))
			return action_pan(d, step * INPUT_WHEEL_COLS, 0);
		return action_pan(d, 0, step * INPUT_WHEEL_ROWS);
	}
	if (!canvas_cell_at(d->canvas, b, ev.x, ev.y, &col, &row)) {
		if (ev.bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED))
			return stroke_lift(d);
		return 0;
	}
	/* a press and a release that ncurses read together come as one click,
	 * whatever mouseinterval says: the press must still move the cursor */
	if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON1_TRIPLE_CLICKED))
		return stroke_press(d, col, row) | stroke_release(d, col, row);
	if (ev.bstate & BUTTON1_PRESSED)
		return stroke_press(d, col, row);
	if (ev.bstate & BUTTON1_RELEASED)
		return stroke_release(d, col, row);
	if (d->pen->down && (ev.bstate & REPORT_MOUSE_POSITION))
		return stroke_drag(d, col, row);
	return 0;
}

static unsigned
input_draw_key(struct input *in, struct desk *d, int ret, wint_t ch)
{
	const struct keymap_binding *cmd = keymap_command(ret, ch);
	action_fn run;

	(void)in;
	if (cmd != NULL && cmd->drawer_only && d->session->readonly) {
		action_refused(d);         /* a viewer is told why, not given a tool */
		return 0;
	}
	if (cmd != NULL)
		return cmd->run(d);
	if (ret == KEY_CODE_YES && ch == KEY_MOUSE)
		return input_mouse(d);
	if ((run = keymap_drawing(ret, ch)) != NULL)
		return run(d);
	if (ret == OK && ch >= 0x20)
		return stroke_type(d, (uint32_t)ch);
	return 0;
}

/* Where a scrolling key takes the help's first line; false for other keys. */
static bool
input_help_scroll(wint_t ch, int top, int page, int *out)
{
	switch (ch) {
	case KEY_DOWN: *out = top + 1; return true;
	case KEY_UP: *out = top - 1; return true;
	case KEY_NPAGE: *out = top + page; return true;
	case KEY_PPAGE: *out = top - page; return true;
	case KEY_HOME: *out = 0; return true;
	case KEY_END: *out = INT_MAX / 2; return true;
	default: return false;
	}
}

/*
 * When the help does not fit, arrows, PgUp, PgDn, Home and End scroll it;
 * any other key closes it (of the mouse, only a press).
 */
static unsigned
input_help_key(struct input *in, struct desk *d, int ret, wint_t ch)
{
	int page = keymap_help_page(), last = keymap_help_lines() - page, top;
	MEVENT ev;

	(void)d;
	if (ret == KEY_CODE_YES && ch == KEY_MOUSE && getmouse(&ev) == OK &&
	    !(ev.bstate & BUTTON1_PRESSED))
		return 0;
	if (last > 0 && ret == KEY_CODE_YES && input_help_scroll(ch, in->help_top, page, &top)) {
		in->help_top = top < 0 ? 0 : top > last ? last : top;
		return 0;
	}
	in->mode = MODE_DRAW;
	in->help_top = 0;
	return 0;
}

/* Edit the prompt line with one key; Enter submits, Esc cancels. */
static unsigned
input_prompt_key(struct input *in, struct desk *d, int ret, wint_t ch)
{
	const struct input_mode_row *m = &input_modes[in->mode];
	char utf[4];
	int n;

	if (ret == OK && ch == ESC) {
		in->mode = MODE_DRAW;
		return action_cancelled(d);
	}
	if ((ret == OK && (ch == '\r' || ch == '\n')) || (ret == KEY_CODE_YES && ch == KEY_ENTER)) {
		in->mode = MODE_DRAW;
		return m->submit(d, in->prompt);
	}
	if (ret == OK && ch == ('U' & 0x1f)) {
		/* Ctrl-U, as in a shell: the whole answer goes */
		in->prompt_len = 0;
		in->prompt[0] = '\0';
	} else if ((ret == KEY_CODE_YES && ch == KEY_BACKSPACE) || (ret == OK && (ch == 127 || ch == 8))) {
		while (in->prompt_len > 0 &&
		    ((unsigned char)in->prompt[--in->prompt_len] & 0xC0) == 0x80)
			;
		in->prompt[in->prompt_len] = '\0';
	} else if (ret == OK && ch >= 0x20 && cell_drawable((uint32_t)ch)) {
		n = utf8_encode((uint32_t)ch, utf);
		if (n > 0 && in->prompt_len + (size_t)n < sizeof in->prompt) {
			memcpy(in->prompt + in->prompt_len, utf, (size_t)n);
			in->prompt_len += (size_t)n;
			in->prompt[in->prompt_len] = '\0';
		}
	}
	return 0;
}

/* The key as a question's answers name it: a lower-case letter, ESC or ENTER; 0 for others. */
static int
input_answer_key(int ret, wint_t ch)
{
	if (ret == KEY_CODE_YES)
		return ch == KEY_ENTER ? ENTER : 0;
	if (ch == '\r' || ch == '\n')
		return ENTER;
	if (ch == ESC)
		return ESC;
	return ch < 0x80 && isalpha((int)ch) ? tolower((int)ch) : 0;
}

/* The first letter of the answer's word in the language of the messages (a-z), or 0. */
static int
input_word_key(const struct input_answer *a)
{
	const char *w = a->word != NULL ? _(a->word) : "";

	return *w >= 'a' && *w <= 'z' ? *w : *w >= 'A' && *w <= 'Z' ? *w - 'A' + 'a' : 0;
}

/*
 * The key that gives answer a in the language of the messages, beside its
 * English key: 0 when there is none, or when it is a key another answer of
 * the same question has (in English or translated), so that a catalog
 * that got it wrong costs the translated key, never a wrong answer.
 */
static int
input_local_key(const struct input_answer *answers, const struct input_answer *a)
{
	int k = input_word_key(a);
	const struct input_answer *o;

	if (k == 0 || k == a->key)
		return 0;
	for (o = answers; o->key != 0; o++)
		if (o != a && (o->key == k || input_word_key(o) == k))
			return 0;
	return k;
}

int
input_answers_clash(char *why, size_t n)
{
	const struct input_answer *a, *o;
	int m, clashes = 0, k;

	for (m = 0; m < MODE_COUNT; m++)
		for (a = input_modes[m].answers; a != NULL && a->key != 0; a++) {
			if ((k = input_word_key(a)) == 0 || k == a->key)
				continue;
			for (o = input_modes[m].answers; o->key != 0; o++)
				if (o != a && (o->key == k || input_word_key(o) == k)) {
					if (clashes++ == 0)
						/* TRANSLATORS: which answers clash: the
						 * English word, its translation, the letter,
						 * the other answer's English word */
						snprintf(why, n, _("\"%s\" as \"%s\" takes %c, "
						    "the key of \"%s\""), a->word, _(a->word), k,
						    o->word != NULL ? o->word : "Esc");
					break;
				}
		}
	return clashes;
}

/* A question: only the keys it names answer it; others (and the mouse) are ignored. */
static unsigned
input_ask_key(struct input *in, struct desk *d, int ret, wint_t ch)
{
	const struct input_answer *answers = input_modes[in->mode].answers, *a = answers;
	int key = input_answer_key(ret, ch);
	MEVENT ev;

	if (ret == KEY_CODE_YES && ch == KEY_MOUSE) {
		getmouse(&ev);
		return 0;
	}
	for (; key != 0 && a->key != 0; a++) {
		if (a->key != key && input_local_key(answers, a) != key)
			continue;
		if (a->reopen != MODE_DRAW) {
			in->mode = MODE_DRAW;
			input_open(in, d, a->reopen, true);
			return 0;
		}
		in->mode = MODE_DRAW;
		return a->run != NULL ? a->run(d) : a->run_text(d, in->prompt);
	}
	return 0;
}

/* True while a question from elsewhere has popped up but takes no answer yet. */
static bool
input_arming(const struct input *in, uint64_t now)
{
	return input_modes[in->mode].from_elsewhere && now < in->asked_at + INPUT_GRACE_MS;
}

/* One key, after the escape-sequence filter. */
static unsigned
input_dispatch(struct input *in, struct desk *d, int ret, wint_t ch, uint64_t now)
{
	enum input_mode m = in->mode;
	unsigned r;

	if (keymap_quits(ret, ch))
		return ACT_QUIT;
	/* a question that just popped up: keys already on their way were meant for the board */
	if (input_arming(in, now))
		m = MODE_DRAW;
	r = input_requests(in, d, input_modes[m].key(in, d, ret, ch));
	if (in->mode == MODE_DRAW && in->pending != 0) {
		for (m = 0; !(in->pending & (1u << m)); m++)
			;
		in->pending &= ~(1u << m);
		input_open(in, d, m, m == MODE_SAVE);
		if (input_modes[m].from_elsewhere)
			in->asked_at = now;
		r |= ACT_ALL;
	}
	return r;
}

/* Append bytes to the paste under way (past INPUT_PASTE_MAX it only notes that). */
static void
input_paste_add(struct input *in, const char *bytes, size_t n)
{
	size_t cap;
	char *p;

	if (in->paste_over)
		return;
	if (in->paste_len + n > INPUT_PASTE_MAX) {
		in->paste_over = true;
		return;
	}
	if (in->paste_len + n > in->paste_cap) {
		cap = in->paste_cap ? in->paste_cap : 4096;
		while (cap < in->paste_len + n)
			cap *= 2;
		p = realloc(in->paste, cap);
		if (p == NULL) {
			in->paste_over = true;
			return;
		}
		in->paste = p;
		in->paste_cap = cap;
	}
	memcpy(in->paste + in->paste_len, bytes, n);
	in->paste_len += n;
}

/* Forget the paste's text. */
static void
input_paste_drop(struct input *in)
{
	free(in->paste);
	in->paste = NULL;
	in->paste_len = in->paste_cap = 0;
	in->paste_over = false;
	in->paste_match = 0;
	in->pasting = false;
}

void
input_free(struct input *in)
{
	input_paste_drop(in);
}

/* A prompt takes the paste's first line, the characters it may hold. */
static void
input_paste_prompt(struct input *in)
{
	size_t i = 0;
	uint32_t cp;
	int n;

	while (i < in->paste_len && in->paste[i] != '\n' && in->paste[i] != '\r') {
		n = utf8_decode(in->paste + i, in->paste_len - i, &cp);
		if (n < 0)
			break;
		if (cell_drawable(cp) && in->prompt_len + (size_t)n < sizeof in->prompt) {
			memcpy(in->prompt + in->prompt_len, in->paste + i, (size_t)n);
			in->prompt_len += (size_t)n;
			in->prompt[in->prompt_len] = '\0';
		}
		i += (size_t)n;
	}
}

/* The paste ended (ended: its end marker came; else it stopped coming): hand it on. */
static unsigned
input_paste_end(struct input *in, struct desk *d, bool ended, uint64_t now)
{
	unsigned r = ACT_ALL;

	if (!ended)
		status_message(d->status, true, _("a paste never ended: its end (ESC [201~) did not "
		    "come within %d s, which is what a byte that is not UTF-8 in the text does "
		    "(ncurses drops what follows it); nothing placed"), INPUT_PASTE_IDLE_MS / 1000);
	else if (in->paste_over)
		status_message(d->status, true, _("the paste is larger than %u MiB: refused, "
		    "nothing placed"), INPUT_PASTE_MAX >> 20);
	else if (in->mode == MODE_DRAW || input_arming(in, now))
		r |= stroke_paste(d, in->paste != NULL ? in->paste : "", in->paste_len);
	else if (input_modes[in->mode].submit != NULL)
		input_paste_prompt(in);
	else if (in->mode == MODE_HELP)
		status_message(d->status, true, _("a paste does not close the help (any key does): "
		    "nothing placed"));
	else
		status_message(d->status, true, _("a paste does not answer a question: nothing "
		    "placed"));
	input_paste_drop(in);
	return r;
}

/* One key inside a paste: text, or the end marker. */
static unsigned
input_paste_key(struct input *in, struct desk *d, int ret, wint_t ch, uint64_t now)
{
	static const char end[] = "\033[201~";
	char utf[4];
	int n;

	in->paste_at = now;
	if (ret == OK && (unsigned)ch == (unsigned char)end[in->paste_match]) {
		if (++in->paste_match == sizeof end - 1)
			return input_paste_end(in, d, true, now);
		return 0;
	}
	/* what looked like the end marker was text after all */
	if (in->paste_match > 0) {
		input_paste_add(in, end, in->paste_match);
		in->paste_match = 0;
		if (ret == OK && ch == ESC) {
			in->paste_match = 1;
			return 0;
		}
	}
	if (ret != OK) {
		/* a key the terminal description decoded (an escape sequence in the text) */
		input_paste_add(in, "\033", 1);
		return 0;
	}
	n = utf8_encode((uint32_t)ch, utf);
	/* what is no character at all is kept as an invalid byte: the paste is refused */
	input_paste_add(in, n > 0 ? utf : "\xff", n > 0 ? (size_t)n : 1);
	return 0;
}

unsigned
input_tick(struct input *in, struct desk *d, uint64_t now)
{
	if (in->pasting && now >= in->paste_at + INPUT_PASTE_IDLE_MS)
		return input_paste_end(in, d, false, now);
	return 0;
}

unsigned
input_key(struct input *in, struct desk *d, int ret, wint_t ch, uint64_t now)
{
	unsigned r = 0;

	if (in->pasting) {
		if (now < in->paste_at + INPUT_PASTE_IDLE_MS)
			return input_paste_key(in, d, ret, ch, now);
		r = input_paste_end(in, d, false, now);
	}
	if (ret == OK && in->esc_state == 4) {
		/* an OSC string (a terminal's late answer to our background query): to BEL or ST */
		if (ch == 7)
			in->esc_state = 0;
		else if (ch == ESC)
			in->esc_state = 5;
		return r;
	}
	if (ret == OK && in->esc_state == 5) {
		in->esc_state = ch == '\\' ? 0 : 4;
		return r;
	}
	if (ret == OK && in->esc_state == 1) {
		if (ch == '[' || ch == 'O' || ch == ']') {
			in->esc_state = ch == '[' ? 2 : ch == 'O' ? 3 : 4;
			in->csi_len = 0;
			return r;
		}
		in->esc_state = 0;
		r |= input_dispatch(in, d, OK, ESC, now);
	} else if (ret == OK && in->esc_state == 2) {
		if (ch >= 0x20 && ch <= 0x3F) {
			if (in->csi_len + 1 < sizeof in->csi)
				in->csi[in->csi_len++] = (char)ch;
			return r;
		}
		in->esc_state = 0;
		if (ch >= 0x40 && ch <= 0x7E) {
			in->csi[in->csi_len] = '\0';
			if (ch == '~' && strcmp(in->csi, "200") == 0) {
				input_paste_drop(in);
				in->pasting = true;
				in->paste_at = now;
			}
			return r;
		}
	} else if (ret == OK && in->esc_state == 3) {
		in->esc_state = 0;
		return r;
	} else if (in->esc_state == 1) {
		in->esc_state = 0;
		r |= input_dispatch(in, d, OK, ESC, now);
	} else {
		in->esc_state = 0;
	}
	if (ret == OK && ch == ESC) {
		in->esc_state = 1;
		return r;
	}
	return r | input_dispatch(in, d, ret, ch, now);
}

unsigned
input_flush(struct input *in, struct desk *d, uint64_t now)
{
	unsigned r = 0;

	if (in->pasting)
		return 0;
	if (in->esc_state == 1)
		r = input_dispatch(in, d, OK, ESC, now);
	in->esc_state = 0;
	return r;
}

enum input_view
input_view(const struct input *in, uint64_t now)
{
	return input_arming(in, now) ? INPUT_DRAWING : input_modes[in->mode].view;
}

uint64_t
input_armed_at(const struct input *in)
{
	return input_modes[in->mode].from_elsewhere ? in->asked_at + INPUT_GRACE_MS : 0;
}

bool
input_open_mode(const struct input *in)
{
	return in->mode != MODE_DRAW;
}

const char *
input_question(const struct input *in, const struct desk *d, int width, uint64_t now,
	       char *buf, size_t n)
{
	const struct input_mode_row *m = &input_modes[in->mode];
	const char *answer = input_answer(in);
	/* leave room for the answer (up to half the line; a longer one shows its end) */
	int want = answer != NULL ? cell_columns(answer) + 1 : 1;
	int room = width - (want < width / 2 ? want : width / 2);

	if (m->view != INPUT_QUESTION || input_arming(in, now))
		return NULL;
	if (m->ask != NULL)
		m->ask(in, d, room, buf, n);
	else
		snprintf(buf, n, "%s", cell_columns(_(m->question)) <= room || m->brief == NULL ?
		    _(m->question) : _(m->brief));
	return buf;
}

const char *
input_answer(const struct input *in)
{
	return input_modes[in->mode].submit != NULL ? in->prompt : NULL;
}

bool
input_draw_overlay(const struct input *in, const struct desk *d)
{
	char text[PZERR_MSG_MAX + 256];

	if (in->mode == MODE_HELP) {
		keymap_draw_help(in->help_top);
		return true;
	}
	if (input_modes[in->mode].banner == NULL)
		return false;
	input_modes[in->mode].banner(d, text, sizeof text);
	status_banner(d->canvas->w, d->canvas->h, text);
	return true;
}
