/*
 * question.h - the board's questions in words, and the answers they take.
 * Each question (enum question, one for every mode that asks something on
 * the status line) has its wording: a fixed sentence with a brief one for
 * narrow terminals, or one worded at the time from the session and the
 * answer typed so far; the answers it takes (a key and what it does); and
 * for some a banner across the canvas. An answer's key is its English
 * letter and also the first letter of its word in the language of the
 * messages ("sí": s), unless that letter is another answer's. This file
 * returns text and answers; input.c, which owns the modes, dispatches.
 * It holds no state: the tables are read-only.
 */
#ifndef PIZARRA_QUESTION_H
#define PIZARRA_QUESTION_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "action.h"

/* In the order of input.c's modes, so that the first clash found is the same. */
enum question {
	QUESTION_NONE,       /* drawing, the help: nothing is asked */
	QUESTION_CHMOD,      /* prompt: permission bits */
	QUESTION_SAVE,       /* prompt: file name */
	QUESTION_OVERWRITE,  /* the file exists */
	QUESTION_CLEAR,      /* clear for everyone? */
	QUESTION_REMOVE,     /* IPC_RMID? */
	QUESTION_ORPHAN,     /* the segment was removed by someone else: choose */
	QUESTION_JOIN,       /* move onto the board under the key? */
	QUESTION_COUNT
};

/*
 * A key a question takes (a letter in either case, ESC or ENTER), and what
 * it does: an action, an action with the prompt's text, or a mode asked
 * for again (reopen, an ACT_ASK_* bit) with the prompt's text kept.
 */
struct question_answer {
	int key;                                     /* English: a-z, 27 (Esc) or '\r' */
	const char *word;                            /* N_(): its first letter answers too */
	action_fn run;                               /* or */
	unsigned (*run_text)(struct desk *, const char *);   /* with the prompt's text */
	unsigned reopen;                             /* or this ACT_ASK_* mode again */
};

/*
 * Question q worded into buf to fit room columns (the answer's space left
 * out); typed is the prompt's text (the file name an overwrite names).
 */
void question_text(enum question q, const char *typed, const struct desk *d, int room,
		   char *buf, size_t n);

/* The answer of q that key (wget_wch's return and character) gives; NULL for none. */
const struct question_answer *question_answer(enum question q, int ret, wint_t ch);

/* q's banner across the canvas into buf; false when it has none. */
bool question_banner(enum question q, const struct desk *d, char *buf, size_t n);

/*
 * How many answers of the questions share a key with another answer of the
 * same question in the language of the messages (a translated key equal to
 * another answer's English or translated key); the first is described in
 * why. Such a translated key is ignored (the English keys answer). For the
 * tests: 0 for a catalog that got the keys right.
 */
int question_answers_clash(char *why, size_t n);

#endif
