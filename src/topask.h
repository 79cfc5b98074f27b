/*
 * topask.h - top's two questions to a segment's owner: IPC_RMID's yes or
 * no, and IPC_SET's prompt for the permission bits. Each is about the
 * shmid of the row selected when it was asked, is answered by keys, and
 * is drawn on the status line. While one is open, top's mode is TOP_ASK
 * (top.c) and its keys come here; topask owns which question it is, what
 * it is about and the prompt's text.
 */
#ifndef PIZARRA_TOPASK_H
#define PIZARRA_TOPASK_H

#include <stdbool.h>
#include <wchar.h>

#include "frame.h"
#include "lineedit.h"
#include "segdata.h"
#include "trace.h"

enum topask_question { TOPASK_REMOVE, TOPASK_CHMOD };

struct topask {
	enum topask_question question; /* the one open (or last open) */
	int target;                    /* the shmid the question or prompt is about */
	struct lineedit line;          /* the IPC_SET prompt's text */
};

/* What a key did to the open question (topask_key). */
#define TOPASK_OPEN     0   /* nothing: still asking */
#define TOPASK_CLOSED   1   /* answered no, cancelled, or the call failed */
#define TOPASK_CHANGED  2   /* answered, and the segment changed: sample again */

/*
 * Ask before IPC_RMID of r (the selected row, or NULL): true when the
 * question is open; false after saying on f why not (segact_owned's
 * reason, or segact_dest's: it is marked for removal already).
 */
bool topask_remove(struct topask *a, const struct segdata_row *r, struct frame *f);

/* Open the IPC_SET prompt on r's mode (false after saying segact_owned's reason). */
bool topask_chmod(struct topask *a, const struct segdata_row *r, struct frame *f);

/*
 * A key while a question is open. IPC_RMID's: the first letter of the
 * language's "yes" or 'y' removes, its "no", 'n', Esc or Enter does not,
 * any other key is ignored. IPC_SET's prompt: edit, cancel (Esc) or apply
 * (Enter) to the segment in d. What happened is said on f; log is
 * --trace's.
 */
int topask_key(struct topask *a, int ret, wint_t ch, const struct segdata *d, struct trace *log,
	       struct frame *f);

/* Draw the open question on the status line (IPC_RMID's short one where the long does not fit). */
void topask_draw(const struct topask *a);

#endif
