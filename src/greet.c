/*
 * greet.c - the board's first message on the status line (greet.h). The
 * catalog's clashing answer keys come before anything else: question.c
 * ignores the clashing translated keys, and the translator should know.
 */
#include "i18n.h"
#include "greet.h"
#include "question.h"

void
greet_say(struct status *st, const struct session *s, const struct cli_opts *o)
{
	char why[160];

	if (question_answers_clash(why, sizeof why) > 0)
		/* TRANSLATORS: shown when your translations of the answers ("yes",
		 * "keep"...) give two answers of one question the same first letter;
		 * %s names them */
		status_message(st, true, _("the catalog's answer keys clash (%s): "
		    "those answers take their English keys"), why);
	else if (s->seg.created)
		status_message(st, false, _("created a %ux%u board at key 0x%08x (shmid %d)"),
		    s->seg.board.cols, s->seg.board.rows, (unsigned)s->seg.key, s->seg.shmid);
	else if (s->readonly)
		status_message(st, false, _("view-only: attached SHM_RDONLY"));
	else if (o->size_given || o->mode_given)
		status_message(st, false, _("the board exists already (%ux%u); -s and -m "
		    "apply only when creating one"), s->seg.board.cols, s->seg.board.rows);
}
