/*
 * lineedit.c - a prompt's line (see lineedit.h). Keys come as wget_wch
 * gives them: function keys as KEY_CODE_YES codes, the rest as
 * characters; Backspace may be KEY_BACKSPACE, DEL or ^H.
 */
#include <stdio.h>

#include "lineedit.h"
#include "screen.h"

void
lineedit_set(struct lineedit *l, const char *text)
{
	l->len = 0;
	for (; text != NULL && *text != '\0' && l->len < LINEEDIT_MAX; text++)
		if (*text >= 0x20 && *text <= 0x7E)
			l->text[l->len++] = *text;
	l->text[l->len] = '\0';
}

enum lineedit_result
lineedit_key(struct lineedit *l, int ret, wint_t ch)
{
	if (ret == OK && ch == 27)
		return LINEEDIT_CANCEL;
	if ((ret == OK && (ch == '\r' || ch == '\n')) || (ret == KEY_CODE_YES && ch == KEY_ENTER))
		return LINEEDIT_SUBMIT;
	if ((ret == KEY_CODE_YES && ch == KEY_BACKSPACE) || (ret == OK && (ch == 127 || ch == 8))) {
		if (l->len > 0)
			l->text[--l->len] = '\0';
		return LINEEDIT_EDITED;
	}
	if (ret == OK && ch >= 0x20 && ch <= 0x7E && l->len < LINEEDIT_MAX) {
		l->text[l->len++] = (char)ch;
		l->text[l->len] = '\0';
		return LINEEDIT_EDITED;
	}
	return LINEEDIT_IGNORED;
}
