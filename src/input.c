/*
 * input.c - the modes table (input_modes[]) and the keys' way to it. A
 * quit key quits in every mode; otherwise the current mode's handler gets
 * the key: drawing looks it up in the key tables (keymap.c) or hands a
 * mouse event to mouse.c, a prompt edits its line, a question takes only the keys it names
 * (question.c says which answer a key gives; any other key is ignored, so
 * keys typed for something else never answer it). Actions that want a
 * mode opened say so in their ACT_* bits, and this file opens it, so no
 * action needs to know the modes. A mode opened over another one, and a
 * question from elsewhere while something is open, wait in `pending` and
 * open when the current mode closes; keys typed within INPUT_GRACE_MS of a
 * question from elsewhere popping up still go to the board, where the
 * typist meant them.
 *
 * Every key goes through the escape-sequence filter (escape.c) first. When
 * it sees ESC [ 2 0 0 ~, everything up to ESC [ 2 0 1 ~ is collected as
 * text (paste.c: no key in it is a command, a pasted Ctrl-Q does not quit)
 * and goes to the pen as one paste, or to the open prompt; a question
 * ignores it.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cell.h"
#include "escape.h"
#include "i18n.h"
#include "input.h"
#include "keymap.h"
#include "mouse.h"
#include "paint.h"
#include "paste.h"
#include "picker.h"
#include "question.h"
#include "screen.h"
#include "stroke.h"
#include "swatch.h"
#include "utf8.h"

#define ESC 27

struct input_mode_row {
	enum input_view view;
	unsigned opened_by;            /* the ACT_* request that opens it */
	bool from_elsewhere;           /* not asked for by a key: a grace period applies */
	enum question question;        /* its words, answers and banner (question.c) */
	unsigned (*key)(struct input *, struct desk *, int, wint_t);
	/* prompts */
	void (*initial)(const struct desk *, char *, size_t);
	unsigned (*submit)(struct desk *, const char *);
};

static unsigned input_draw_key(struct input *, struct desk *, int, wint_t);
static unsigned input_help_key(struct input *, struct desk *, int, wint_t);
static unsigned input_prompt_key(struct input *, struct desk *, int, wint_t);
static unsigned input_ask_key(struct input *, struct desk *, int, wint_t);
static unsigned input_picker_key(struct input *, struct desk *, int, wint_t);
static void input_mode_initial(const struct desk *, char *, size_t);
static void input_save_initial(const struct desk *, char *, size_t);

static const struct input_mode_row input_modes[MODE_COUNT] = {
	[MODE_DRAW] = { .view = INPUT_DRAWING, .key = input_draw_key },
	[MODE_HELP] = { .view = INPUT_HELP, .opened_by = ACT_HELP, .key = input_help_key },
	[MODE_CHMOD] = {
		.view = INPUT_QUESTION, .opened_by = ACT_ASK_CHMOD, .question = QUESTION_CHMOD,
		.key = input_prompt_key, .initial = input_mode_initial, .submit = action_chmod,
	},
	[MODE_SAVE] = {
		.view = INPUT_QUESTION, .opened_by = ACT_ASK_SAVE, .question = QUESTION_SAVE,
		.key = input_prompt_key, .initial = input_save_initial, .submit = action_save,
	},
	[MODE_OVERWRITE] = {
		.view = INPUT_QUESTION, .opened_by = ACT_ASK_OVERWRITE,
		.question = QUESTION_OVERWRITE, .key = input_ask_key,
	},
	[MODE_CLEAR] = {
		.view = INPUT_QUESTION, .opened_by = ACT_ASK_CLEAR, .question = QUESTION_CLEAR,
		.key = input_ask_key,
	},
	[MODE_REMOVE] = {
		.view = INPUT_QUESTION, .opened_by = ACT_ASK_REMOVE, .question = QUESTION_REMOVE,
		.key = input_ask_key,
	},
	[MODE_ORPHAN] = {
		.view = INPUT_QUESTION, .opened_by = ACT_ASK_ORPHAN, .from_elsewhere = true,
		.question = QUESTION_ORPHAN, .key = input_ask_key,
	},
	[MODE_JOIN] = {
		.view = INPUT_QUESTION, .opened_by = ACT_ASK_JOIN, .question = QUESTION_JOIN,
		.key = input_ask_key,
	},
	[MODE_PICKER] = { .view = INPUT_HELP, .opened_by = ACT_PICKER, .key = input_picker_key },
	[MODE_SWATCH] = { .view = INPUT_HELP, .opened_by = ACT_SWATCH, .key = input_picker_key },
};

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

/* Open mode m now; an open prompt or question waits for it to close. */
static void
input_open(struct input *in, const struct desk *d, enum input_mode m, bool keep_text)
{
	if (in->mode != MODE_DRAW && in->mode != m)
		in->pending |= 1u << in->mode;
	in->mode = m;
	if (m == MODE_PICKER)
		picker_open(&in->picker, d->pen->brush);
	if (m == MODE_SWATCH)
		swatch_open(&in->swatch, paint_style(d->paint, d->session->me.colour));
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
		return mouse_event(d);
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

/*
 * The glyph picker's keys (picker.c) or the colour picker's (swatch.c); it
 * closes when a glyph or the colours are chosen, or it is let go.
 */
static unsigned
input_picker_key(struct input *in, struct desk *d, int ret, wint_t ch)
{
	bool done;
	unsigned r = in->mode == MODE_SWATCH ? swatch_key(&in->swatch, d, ret, ch, &done) :
	    picker_key(&in->picker, d, ret, ch, &done);

	if (done)
		in->mode = MODE_DRAW;
	return r;
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

/* The mode an ACT_ASK_* request opens. */
static enum input_mode
input_mode_of(unsigned request)
{
	int m;

	for (m = 0; m < MODE_COUNT; m++)
		if (input_modes[m].opened_by & request)
			return (enum input_mode)m;
	return MODE_DRAW;
}

/* A question: only the keys it names answer it; others (and the mouse) are ignored. */
static unsigned
input_ask_key(struct input *in, struct desk *d, int ret, wint_t ch)
{
	const struct question_answer *a;
	MEVENT ev;

	if (ret == KEY_CODE_YES && ch == KEY_MOUSE) {
		getmouse(&ev);
		return 0;
	}
	if ((a = question_answer(input_modes[in->mode].question, ret, ch)) == NULL)
		return 0;
	in->mode = MODE_DRAW;
	if (a->reopen != 0) {
		input_open(in, d, input_mode_of(a->reopen), true);
		return 0;
	}
	return a->run != NULL ? a->run(d) : a->run_text(d, in->prompt);
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

/* The paste ended (ended: its end marker came; else it stopped coming): hand it on. */
static unsigned
input_paste_end(struct input *in, struct desk *d, bool ended, uint64_t now)
{
	unsigned r = ACT_ALL;

	if (!ended)
		status_message(d->status, true, _("a paste never ended: its end (ESC [201~) did not "
		    "come within %d s, which is what a byte that is not UTF-8 in the text does "
		    "(ncurses drops what follows it); nothing placed"), PASTE_IDLE_MS / 1000);
	else if (in->paste.over)
		status_message(d->status, true, _("the paste is larger than %u MiB: refused, "
		    "nothing placed"), PASTE_MAX >> 20);
	else if (in->mode == MODE_DRAW || input_arming(in, now))
		r |= stroke_paste(d, in->paste.text != NULL ? in->paste.text : "", in->paste.len);
	else if (input_modes[in->mode].submit != NULL)
		/* a prompt takes the paste's first line, the characters it may hold */
		paste_line(&in->paste, in->prompt, &in->prompt_len, sizeof in->prompt);
	else if (in->mode == MODE_HELP)
		status_message(d->status, true, _("a paste does not close the help (any key does): "
		    "nothing placed"));
	else
		status_message(d->status, true, _("a paste does not answer a question: nothing "
		    "placed"));
	paste_free(&in->paste);
	return r;
}

void
input_free(struct input *in)
{
	paste_free(&in->paste);
}

unsigned
input_tick(struct input *in, struct desk *d, uint64_t now)
{
	if (paste_idle(&in->paste, now))
		return input_paste_end(in, d, false, now);
	return 0;
}

/* A key inside a paste: text, or the end marker (the paste is handed on). */
static unsigned
input_paste_key(struct input *in, struct desk *d, int ret, wint_t ch, uint64_t now)
{
	if (paste_key(&in->paste, ret, ch, now))
		return input_paste_end(in, d, true, now);
	return 0;
}

unsigned
input_key(struct input *in, struct desk *d, int ret, wint_t ch, uint64_t now)
{
	unsigned r = 0, e;

	if (in->paste.on) {
		if (!paste_idle(&in->paste, now))
			return input_paste_key(in, d, ret, ch, now);
		r = input_paste_end(in, d, false, now);
	}
	e = escape_key(&in->esc, ret, ch);
	if (e & ESCAPE_ESC)
		r |= input_dispatch(in, d, OK, ESC, now);
	if (e & ESCAPE_PASTE)
		paste_start(&in->paste, now);
	if (e & ESCAPE_TAKEN)
		return r;
	return r | input_dispatch(in, d, ret, ch, now);
}

unsigned
input_flush(struct input *in, struct desk *d, uint64_t now)
{
	unsigned r = 0;

	if (in->paste.on)
		return 0;
	if (escape_flush(&in->esc))
		r = input_dispatch(in, d, OK, ESC, now);
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
	question_text(m->question, in->prompt, d, room, buf, n);
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
	if (in->mode == MODE_PICKER || in->mode == MODE_SWATCH) {
		if (in->mode == MODE_PICKER)
			picker_draw(&in->picker);
		else
			swatch_draw(&in->swatch);
		return true;
	}
	if (!question_banner(input_modes[in->mode].question, d, text, sizeof text))
		return false;
	status_banner(d->canvas->w, d->canvas->h, text);
	return true;
}
