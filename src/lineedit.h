/*
 * lineedit.h - the one-line prompts of pizarra top and peek (a mode, an
 * offset): printable ASCII typed at the end, Backspace erases, Enter
 * submits, Esc cancels. A prompt's text is the user's, and only ASCII
 * 0x20..0x7E ever gets into it, so it can be shown as it is. Only
 * lineedit.c writes a struct lineedit.
 */
#ifndef PIZARRA_LINEEDIT_H
#define PIZARRA_LINEEDIT_H

#include <stddef.h>
#include <wchar.h>

#define LINEEDIT_MAX 40

struct lineedit {
	char text[LINEEDIT_MAX + 1];
	size_t len;
};

/* What a key did to the line. */
enum lineedit_result {
	LINEEDIT_IGNORED,    /* not a key a prompt takes */
	LINEEDIT_EDITED,     /* the text changed */
	LINEEDIT_SUBMIT,     /* Enter */
	LINEEDIT_CANCEL,     /* Esc */
};

/* Start the line with text (cut at LINEEDIT_MAX; anything but printable ASCII dropped). */
void lineedit_set(struct lineedit *l, const char *text);

/* One key (wget_wch's return and character). */
enum lineedit_result lineedit_key(struct lineedit *l, int ret, wint_t ch);

#endif
