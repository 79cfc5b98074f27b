/*
 * input.h - what a key means now. The keyboard is in one mode at a time
 * (drawing, the help, a prompt, a question), and the modes are one table:
 * each row has its question, its key handler and what its answers do.
 * Escape sequences the terminal description does not know are swallowed
 * here, and mouse events are turned into board cells for the actions.
 * Only input.c writes a struct input.
 */
#ifndef PIZARRA_INPUT_H
#define PIZARRA_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "action.h"

enum input_mode {
	MODE_DRAW,
	MODE_HELP,
	MODE_CHMOD,          /* prompt: permission bits */
	MODE_SAVE,           /* prompt: file name */
	MODE_CLEAR,          /* question: clear for everyone? */
	MODE_REMOVE,         /* question: IPC_RMID? */
	MODE_ORPHAN,         /* the segment was removed by someone else: choose */
	MODE_COUNT
};

/* What the screen shows for the mode. */
enum input_view {
	INPUT_DRAWING,       /* the canvas, with our cursor */
	INPUT_HELP,          /* the help box */
	INPUT_QUESTION,      /* a question on the status line, the cursor after it */
};

struct input {
	enum input_mode mode;
	int esc_state;       /* 1 after ESC, 2 in a CSI, 3 in an SS3 sequence */
	char prompt[256];    /* a prompt's answer so far (UTF-8) */
	size_t prompt_len;
};

/*
 * Take one key (wget_wch's return and character) in the current mode.
 * Returns ACT_* bits: what to redraw, ACT_QUIT. Requests to open a mode
 * are handled here and not returned.
 */
unsigned input_key(struct input *in, struct desk *d, int ret, wint_t ch);

/* The batch of input ended: a pending ESC was the Esc key itself. */
unsigned input_flush(struct input *in, struct desk *d);

/* Open mode m (a question that came from elsewhere, such as a removal). */
void input_open(struct input *in, const struct desk *d, enum input_mode m);

/* What the screen shows for the current mode. */
enum input_view input_view(const struct input *in);

/* The current question (NULL while drawing or in the help). */
const char *input_question(const struct input *in);

/* The answer typed so far for a prompt (NULL for other modes). */
const char *input_answer(const struct input *in);

/* Draw the mode's overlay (the help box, or a banner); false when it has none. */
bool input_draw_overlay(const struct input *in, const struct desk *d);

#endif
