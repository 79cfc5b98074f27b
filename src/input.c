/*
 * input.c - the modes table (input_modes[]) and the keys' way to it. A
 * quit key quits in every mode; otherwise the current mode's handler gets
 * the key: drawing looks it up in the key tables (keymap.c), a prompt
 * edits its line, a question takes the letters it names. Actions that
 * want a mode opened say so in their ACT_* bits, and this file opens it,
 * so no action needs to know the modes.
 *
 * An escape sequence the terminal description does not know (a wrong
 * TERM) arrives as ESC and plain characters: it is swallowed instead of
 * being drawn on the board. A lone ESC is delivered when the batch of
 * input ends (input_flush), which is how the Esc key itself is told apart.
 */
#include <stdio.h>
#include <string.h>

#include "cell.h"
#include "input.h"
#include "keymap.h"
#include "screen.h"
#include "utf8.h"

/* A letter a question takes, and what it does (either case). */
struct input_answer {
	int letter;
	action_fn run;
};

struct input_mode_row {
	enum input_view view;
	unsigned opened_by;            /* the ACT_* request that opens it */
	const char *question;          /* on the status line */
	unsigned (*key)(struct input *, struct desk *, int, wint_t);
	/* prompts */
	void (*initial)(const struct desk *, char *, size_t);
	unsigned (*submit)(struct desk *, const char *);
	/* questions */
	const struct input_answer *answers;   /* ends with letter 0 */
	action_fn otherwise;                  /* any other key */
	bool commands;                        /* command keys close it and run */
	void (*banner)(const struct desk *, char *, size_t);
};

static unsigned input_draw_key(struct input *, struct desk *, int, wint_t);
static unsigned input_help_key(struct input *, struct desk *, int, wint_t);
static unsigned input_prompt_key(struct input *, struct desk *, int, wint_t);
static unsigned input_ask_key(struct input *, struct desk *, int, wint_t);
static void input_mode_initial(const struct desk *, char *, size_t);
static void input_save_initial(const struct desk *, char *, size_t);
static unsigned input_not_cleared(struct desk *);
static unsigned input_not_removed(struct desk *);
static void input_orphan_banner(const struct desk *, char *, size_t);

static const struct input_answer input_yes_clear[] = { { 'y', action_clear }, { 0, NULL } };
static const struct input_answer input_yes_remove[] = { { 'y', action_remove }, { 0, NULL } };
static const struct input_answer input_orphan_answers[] = {
	{ 's', action_ask_save }, { 'n', action_switch }, { 0, NULL },
};

static const struct input_mode_row input_modes[MODE_COUNT] = {
	[MODE_DRAW] = { .view = INPUT_DRAWING, .key = input_draw_key },
	[MODE_HELP] = { .view = INPUT_HELP, .opened_by = ACT_HELP, .key = input_help_key },
	[MODE_CHMOD] = {
		.view = INPUT_QUESTION, .opened_by = ACT_ASK_CHMOD,
		.question = "Permission bits (shmctl IPC_SET), e.g. 0660 group, 0666 all: ",
		.key = input_prompt_key, .initial = input_mode_initial, .submit = action_chmod,
	},
	[MODE_SAVE] = {
		.view = INPUT_QUESTION, .opened_by = ACT_ASK_SAVE,
		.question = "Save the board as text to: ",
		.key = input_prompt_key, .initial = input_save_initial, .submit = action_save,
	},
	[MODE_CLEAR] = {
		.view = INPUT_QUESTION, .opened_by = ACT_ASK_CLEAR,
		.question = "Clear the whole board for everyone? (y/N) ",
		.key = input_ask_key, .answers = input_yes_clear, .otherwise = input_not_cleared,
	},
	[MODE_REMOVE] = {
		.view = INPUT_QUESTION, .opened_by = ACT_ASK_REMOVE,
		.question = "IPC_RMID: mark the segment for removal? It lives until the last "
		    "detach (y/N) ",
		.key = input_ask_key, .answers = input_yes_remove, .otherwise = input_not_removed,
	},
	[MODE_ORPHAN] = {
		.view = INPUT_QUESTION,
		.question = "Board removed by someone else: k keep, s save to a file, n new board "
		    "under the key ",
		.key = input_ask_key, .answers = input_orphan_answers,
		.otherwise = action_keep_orphan, .commands = true, .banner = input_orphan_banner,
	},
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

static unsigned
input_not_cleared(struct desk *d)
{
	return action_declined(d, "not cleared");
}

static unsigned
input_not_removed(struct desk *d)
{
	return action_declined(d, "not removed");
}

static void
input_orphan_banner(const struct desk *d, char *buf, size_t n)
{
	bool ro = d->session->readonly;

	snprintf(buf, n, "shmid %d was removed by someone else (IPC_RMID): its key is now "
	    "0x00000000 and it lives only while processes stay attached. k: keep %s it   "
	    "s: save it to a file   n: %s", d->session->seg.shmid, ro ? "viewing" : "drawing on",
	    ro ? "view the board now under the key" :
	    "continue on a new board under the key, with this drawing");
}

void
input_open(struct input *in, const struct desk *d, enum input_mode m)
{
	in->mode = m;
	in->prompt[0] = '\0';
	if (input_modes[m].initial != NULL)
		input_modes[m].initial(d, in->prompt, sizeof in->prompt);
	in->prompt_len = strlen(in->prompt);
}

/* Open the modes an action asked for; return the rest of its bits. */
static unsigned
input_requests(struct input *in, struct desk *d, unsigned bits)
{
	int m;

	if (bits & ACT_ASKS)
		for (m = 0; m < MODE_COUNT; m++)
			if (input_modes[m].opened_by & bits)
				input_open(in, d, (enum input_mode)m);
	return bits & ~(unsigned)ACT_ASKS;
}

/* A mouse event while drawing: a press moves and starts a stroke, a drag paints. */
static unsigned
input_mouse(struct desk *d)
{
	const struct board *b = session_board(d->session);
	uint32_t col, row;
	MEVENT ev;

	if (getmouse(&ev) != OK || b == NULL)
		return 0;
	if (!canvas_cell_at(d->canvas, b, ev.x, ev.y, &col, &row)) {
		if (ev.bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED))
			return action_lift(d);
		return 0;
	}
	if (ev.bstate & BUTTON1_PRESSED)
		return action_press(d, col, row);
	if (ev.bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED))
		return action_release(d, col, row);
	if (d->pen->down && (ev.bstate & REPORT_MOUSE_POSITION))
		return action_drag(d, col, row);
	return 0;
}

static unsigned
input_draw_key(struct input *in, struct desk *d, int ret, wint_t ch)
{
	const struct keymap_binding *cmd = keymap_command(ret, ch);
	action_fn run;

	(void)in;
	if (cmd != NULL)
		return cmd->run(d);
	if (ret == KEY_CODE_YES && ch == KEY_MOUSE)
		return input_mouse(d);
	if ((run = keymap_drawing(ret, ch)) != NULL)
		return run(d);
	if (ret == OK && ch >= 0x20)
		return action_type(d, (uint32_t)ch);
	return 0;
}

/* Any key closes the help; of the mouse, only a press. */
static unsigned
input_help_key(struct input *in, struct desk *d, int ret, wint_t ch)
{
	MEVENT ev;

	(void)d;
	if (ret == KEY_CODE_YES && ch == KEY_MOUSE && getmouse(&ev) == OK &&
	    !(ev.bstate & BUTTON1_PRESSED))
		return 0;
	in->mode = MODE_DRAW;
	return 0;
}

/* Edit the prompt line with one key; Enter submits, Esc cancels. */
static unsigned
input_prompt_key(struct input *in, struct desk *d, int ret, wint_t ch)
{
	const struct input_mode_row *m = &input_modes[in->mode];
	char utf[4];
	int n;

	if (ret == OK && ch == 27) {
		in->mode = MODE_DRAW;
		return action_cancelled(d);
	}
	if ((ret == OK && (ch == '\r' || ch == '\n')) || (ret == KEY_CODE_YES && ch == KEY_ENTER)) {
		in->mode = MODE_DRAW;
		return m->submit(d, in->prompt);
	}
	if ((ret == KEY_CODE_YES && ch == KEY_BACKSPACE) || (ret == OK && (ch == 127 || ch == 8))) {
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

/* A question: the letters it names, else its "otherwise"; mouse events are ignored. */
static unsigned
input_ask_key(struct input *in, struct desk *d, int ret, wint_t ch)
{
	const struct input_mode_row *m = &input_modes[in->mode];
	const struct keymap_binding *cmd = keymap_command(ret, ch);
	const struct input_answer *a;
	MEVENT ev;

	if (m->commands && cmd != NULL) {
		in->mode = MODE_DRAW;
		return cmd->run(d);
	}
	if (ret == KEY_CODE_YES && ch == KEY_MOUSE) {
		getmouse(&ev);
		return 0;
	}
	in->mode = MODE_DRAW;
	for (a = m->answers; ret == OK && a->letter != 0; a++)
		if (ch == (wint_t)a->letter || ch == (wint_t)(a->letter - 'a' + 'A'))
			return a->run(d);
	return m->otherwise(d);
}

/* One key, after the escape-sequence filter. */
static unsigned
input_dispatch(struct input *in, struct desk *d, int ret, wint_t ch)
{
	if (keymap_quits(ret, ch))
		return ACT_QUIT;
	return input_requests(in, d, input_modes[in->mode].key(in, d, ret, ch));
}

unsigned
input_key(struct input *in, struct desk *d, int ret, wint_t ch)
{
	unsigned r = 0;

	if (ret == OK && in->esc_state == 1) {
		if (ch == '[' || ch == 'O') {
			in->esc_state = ch == '[' ? 2 : 3;
			return 0;
		}
		in->esc_state = 0;
		r = input_dispatch(in, d, OK, 27);
	} else if (ret == OK && in->esc_state == 2) {
		if (ch >= 0x20 && ch <= 0x3F)
			return 0;
		in->esc_state = 0;
		if (ch >= 0x40 && ch <= 0x7E)
			return 0;
	} else if (ret == OK && in->esc_state == 3) {
		in->esc_state = 0;
		return 0;
	} else if (in->esc_state == 1) {
		in->esc_state = 0;
		r = input_dispatch(in, d, OK, 27);
	} else {
		in->esc_state = 0;
	}
	if (ret == OK && ch == 27) {
		in->esc_state = 1;
		return r;
	}
	return r | input_dispatch(in, d, ret, ch);
}

unsigned
input_flush(struct input *in, struct desk *d)
{
	unsigned r = 0;

	if (in->esc_state == 1)
		r = input_dispatch(in, d, OK, 27);
	in->esc_state = 0;
	return r;
}

enum input_view
input_view(const struct input *in)
{
	return input_modes[in->mode].view;
}

const char *
input_question(const struct input *in)
{
	return input_modes[in->mode].question;
}

const char *
input_answer(const struct input *in)
{
	return input_modes[in->mode].submit != NULL ? in->prompt : NULL;
}

bool
input_draw_overlay(const struct input *in, const struct desk *d)
{
	char text[PZERR_MSG_MAX + 128];

	if (in->mode == MODE_HELP) {
		keymap_draw_help();
		return true;
	}
	if (input_modes[in->mode].banner == NULL)
		return false;
	input_modes[in->mode].banner(d, text, sizeof text);
	status_banner(d->canvas->w, d->canvas->h, text);
	return true;
}
