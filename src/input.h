/*
 * input.h - what a key means now. The keyboard is in one mode at a time
 * (drawing, the help, a prompt, a question), and the modes are one table:
 * each row has its question, its key handler and, for a prompt, its
 * initial text and what Enter does. A question that comes from elsewhere
 * (the segment was removed) waits until the open prompt, question or help
 * closes, and a question is answered only by the keys it names (its words
 * and answers are question.c's). Escape sequences the terminal description
 * does not know are swallowed (escape.c), and mouse events are turned into
 * board cells for the actions. A bracketed paste (ESC [ 200 ~ text ESC [
 * 201 ~, which screen.c asks the terminal for) is collected whole
 * (paste.c) and handed on as text, never as keys. Only input.c writes a
 * struct input (its escape and paste members are their files').
 */
#ifndef PIZARRA_INPUT_H
#define PIZARRA_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "action.h"
#include "escape.h"
#include "paste.h"
#include "picker.h"
#include "swatch.h"

/* Keys typed this soon after a question popped up were meant for the board. */
#define INPUT_GRACE_MS  1000

enum input_mode {
	MODE_DRAW,
	MODE_HELP,
	MODE_CHMOD,          /* prompt: permission bits */
	MODE_SAVE,           /* prompt: file name */
	MODE_OVERWRITE,      /* question: the file exists */
	MODE_CLEAR,          /* question: clear for everyone? */
	MODE_REMOVE,         /* question: IPC_RMID? */
	MODE_ORPHAN,         /* the segment was removed by someone else: choose */
	MODE_JOIN,           /* question: move onto the board under the key? */
	MODE_PICKER,         /* the glyph picker (picker.c) */
	MODE_SWATCH,         /* the colour picker (swatch.c) */
	MODE_COUNT
};

/* What the screen shows for the mode. */
enum input_view {
	INPUT_DRAWING,       /* the canvas, with our cursor */
	INPUT_HELP,          /* the help box (or the glyph picker): no cursor */
	INPUT_QUESTION,      /* a question on the status line, the cursor after it */
};

struct input {
	enum input_mode mode;
	unsigned pending;    /* bit m: mode m waits for the current one to close */
	uint64_t asked_at;   /* when a question that came from elsewhere popped up */
	struct escape esc;   /* where in an escape sequence the keys are (escape.c) */
	int help_top;        /* the help's first line shown */
	char prompt[256];    /* a prompt's answer so far (UTF-8) */
	size_t prompt_len;
	struct paste paste;  /* a bracketed paste under way (written by paste.c) */
	struct picker picker;  /* the glyph picker's choice and recent glyphs (picker.c) */
	struct swatch swatch;  /* the colour picker's rows (swatch.c) */
};

/*
 * Take one key (wget_wch's return and character) at time now (ms) in the
 * current mode. Returns ACT_* bits: what to redraw, ACT_QUIT. Requests to
 * open a mode are handled here and not returned.
 */
unsigned input_key(struct input *in, struct desk *d, int ret, wint_t ch, uint64_t now);

/* The batch of input ended: a pending ESC was the Esc key itself (not inside a paste). */
unsigned input_flush(struct input *in, struct desk *d, uint64_t now);

/*
 * The tick: a paste whose end marker has not come PASTE_IDLE_MS after
 * its last byte is refused (ncurses drops everything after a byte that is
 * not UTF-8, the end marker included, so such a paste never ends).
 */
unsigned input_tick(struct input *in, struct desk *d, uint64_t now);

/* Free what a paste under way holds (at the end of the session). */
void input_free(struct input *in);

/*
 * A question from elsewhere (at now): asked at once while drawing, else
 * when the open prompt, question or help closes.
 */
void input_ask(struct input *in, const struct desk *d, enum input_mode m, uint64_t now);

/*
 * What the screen shows for the current mode at now. A question from
 * elsewhere shows its banner at once and its question (and takes answers)
 * from input_armed_at on; until then the screen is the drawing's.
 */
enum input_view input_view(const struct input *in, uint64_t now);

/* When the open question from elsewhere starts taking answers (0: none waits). */
uint64_t input_armed_at(const struct input *in);

/* True when a mode other than drawing is open (its overlay covers the canvas). */
bool input_open_mode(const struct input *in);

/*
 * The current question at now, worded to fit width columns with the answer
 * typed so far (shorter when narrow); NULL while drawing or in the help.
 */
const char *input_question(const struct input *in, const struct desk *d, int width,
			   uint64_t now, char *buf, size_t n);

/* The answer typed so far for a prompt (NULL for other modes). */
const char *input_answer(const struct input *in);

/* Draw the mode's overlay (the help box, the glyph picker, or a banner); false when it has none. */
bool input_draw_overlay(const struct input *in, const struct desk *d);

#endif
