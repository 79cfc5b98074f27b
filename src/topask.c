/*
 * topask.c - top's questions to the owner (see topask.h). The answers'
 * words are the board's (input.c): the first letters of the language's
 * "yes" and "no" answer, and y and n in every language. The owner's checks
 * and the shmctl calls are segact.h's; what they say goes to top's frame.
 */
#include <ctype.h>
#include <stdio.h>

#include "cell.h"
#include "i18n.h"
#include "screen.h"
#include "segact.h"
#include "status.h"
#include "topask.h"

/* The row, when we may act on it as its owner; false after saying why not. */
static bool
topask_owned(const struct segdata_row *r, bool remove, struct frame *f)
{
	char msg[PZERR_MSG_MAX + 128];

	if (segact_owned(r, remove, msg, sizeof msg))
		return true;
	frame_say(f, true, "%s", msg);
	return false;
}

bool
topask_remove(struct topask *a, const struct segdata_row *r, struct frame *f)
{
	char msg[PZERR_MSG_MAX + 128];

	if (!topask_owned(r, true, f))
		return false;
	if (segact_dest(r, msg, sizeof msg)) {
		frame_say(f, false, "%s", msg);
		return false;
	}
	a->question = TOPASK_REMOVE;
	a->target = shmlist_shmid(&r->seg);
	return true;
}

bool
topask_chmod(struct topask *a, const struct segdata_row *r, struct frame *f)
{
	char mode[8];

	if (!topask_owned(r, false, f))
		return false;
	a->question = TOPASK_CHMOD;
	a->target = shmlist_shmid(&r->seg);
	snprintf(mode, sizeof mode, "%04o", (unsigned)(r->seg.v[SHMLIST_PERMS] & 0777));
	lineedit_set(&a->line, mode);
	return true;
}

/* IPC_RMID's answer. */
static int
topask_remove_key(struct topask *a, int ret, wint_t ch, struct trace *log, struct frame *f)
{
	/* the answers' words are the board's (input.c): their first letters answer too */
	int key = ret == OK && ch < 0x80 ? tolower((int)ch) : 0;
	int yes_key = frame_answer_letter(_("yes"), _("no"), 'n');
	int no_key = frame_answer_letter(_("no"), _("yes"), 'y');
	bool yes = key == 'y' || (yes_key != 0 && key == yes_key);
	bool no = ret == OK && (ch == 27 || ch == '\r' || ch == '\n' || key == 'n' ||
	    (no_key != 0 && key == no_key));
	char msg[PZERR_MSG_MAX + 128];
	bool failed;

	if (!yes && !no)
		return TOPASK_OPEN;
	if (!yes) {
		frame_say(f, false, "%s", _("not removed"));
		return TOPASK_CLOSED;
	}
	failed = !segact_remove(a->target, log, msg, sizeof msg);
	frame_say(f, failed, "%s", msg);
	return failed ? TOPASK_CLOSED : TOPASK_CHANGED;
}

/* A key in IPC_SET's prompt. */
static int
topask_chmod_key(struct topask *a, int ret, wint_t ch, const struct segdata *d,
		 struct trace *log, struct frame *f)
{
	char msg[PZERR_MSG_MAX + 256];
	bool failed;

	switch (lineedit_key(&a->line, ret, ch)) {
	case LINEEDIT_CANCEL:
		frame_say(f, false, "%s", _("cancelled"));
		return TOPASK_CLOSED;
	case LINEEDIT_SUBMIT:
		break;
	default:
		return TOPASK_OPEN;
	}
	failed = !segact_chmod(segdata_find(d, a->target), a->target, a->line.text, log, msg,
	    sizeof msg);
	frame_say(f, failed, "%s", msg);
	return failed ? TOPASK_CLOSED : TOPASK_CHANGED;
}

static void
topask_draw_remove(const struct topask *a)
{
	char text[PZERR_MSG_MAX + 128];

	/* TRANSLATORS: top's question before IPC_RMID, on the status line: at most 72
	   columns besides the shmid (7 digits on most systems; the cursor follows, 80 in
	   all); "(y/N)" names the yes key (the message "y") and no, the default. Keep the
	   space at the end. */
	snprintf(text, sizeof text, _("IPC_RMID shmid %d: mark it for removal? It lives "
	    "until its last detach (y/N) "), a->target);
	if (cell_columns(text) > COLS - 1)
		/* TRANSLATORS: the same question where the long one does not fit: at most
		   36 columns besides the shmid (50-column terminals). Keep the space at the
		   end. */
		snprintf(text, sizeof text, _("IPC_RMID shmid %d: remove it? (y/N) "),
		    a->target);
	status_draw_question(text, NULL);
}

static void
topask_draw_chmod(const struct topask *a)
{
	char text[PZERR_MSG_MAX + 128];

	/* TRANSLATORS: top's prompt for IPC_SET, on the status line, the mode typed after it:
	   at most 60 columns besides the shmid. Keep the space at the end. */
	snprintf(text, sizeof text, _("IPC_SET shmid %d, permission bits (octal): "),
	    a->target);
	status_draw_question(text, a->line.text);
}

int
topask_key(struct topask *a, int ret, wint_t ch, const struct segdata *d, struct trace *log,
	   struct frame *f)
{
	if (a->question == TOPASK_REMOVE)
		return topask_remove_key(a, ret, ch, log, f);
	return topask_chmod_key(a, ret, ch, d, log, f);
}

void
topask_draw(const struct topask *a)
{
	if (a->question == TOPASK_REMOVE)
		topask_draw_remove(a);
	else
		topask_draw_chmod(a);
}
