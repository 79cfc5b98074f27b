/*
 * action.h - what the interactive board can be asked to do, as functions a
 * binding or a mode calls: the lesson's operations on the segment
 * (through the session), the view, and the answers to questions; the
 * drawing keys, typing and the mouse are stroke.h's, on the same desk. Each
 * returns what to redraw and what it asks of its caller (ACT_* bits), as
 * htop's actions do; none of them reads a key.
 *
 * A struct desk gathers the pieces an action works on. It holds no state
 * of its own: each piece is owned (and written) by its own file, the
 * action only calls their functions.
 */
#ifndef PIZARRA_ACTION_H
#define PIZARRA_ACTION_H

#include <stdbool.h>

#include "canvas.h"
#include "clip.h"
#include "paint.h"
#include "pen.h"
#include "session.h"
#include "sidebar.h"
#include "status.h"

/* What to redraw. */
#define ACT_CANVAS     1u
#define ACT_SIDEBAR    2u
#define ACT_STATUS     4u
#define ACT_KEYBAR     8u
#define ACT_ALL        15u
/* What the caller is asked to do. */
#define ACT_QUIT       0x10u    /* leave */
#define ACT_RESAMPLE   0x20u    /* take a new sidebar sample now (and scan /proc) */
#define ACT_LAYOUT     0x4000u  /* lay the screen out again (the sidebar came or went) */
#define ACT_HELP       0x40u    /* open the help */
#define ACT_ASK_CHMOD  0x80u    /* ask for permission bits */
#define ACT_ASK_SAVE   0x100u   /* ask for a file name */
#define ACT_ASK_REMOVE 0x200u   /* ask before IPC_RMID */
#define ACT_ASK_CLEAR  0x400u   /* ask before clearing */
#define ACT_ASK_OVERWRITE 0x800u  /* the file exists: ask before replacing it */
#define ACT_ASK_ORPHAN 0x1000u  /* our segment was removed: ask what to do */
#define ACT_ASK_JOIN   0x2000u  /* ask before moving onto the board under the key */
#define ACT_BYTES      0x8000u  /* switch the canvas to the segment's bytes, or back */
#define ACT_PICKER     0x10000u /* open the glyph picker */
#define ACT_SWATCH     0x40000u /* open the colour picker */
#define ACT_ASKS       (ACT_HELP | ACT_ASK_CHMOD | ACT_ASK_SAVE | ACT_ASK_REMOVE | \
			ACT_ASK_CLEAR | ACT_ASK_OVERWRITE | ACT_ASK_ORPHAN | ACT_ASK_JOIN | \
			ACT_PICKER | ACT_SWATCH)

struct desk {
	struct session *session;
	struct pen *pen;
	struct canvas *canvas;
	struct sidebar *sidebar;
	struct status *status;
	struct paint *paint;       /* what the brush paints (paint.c) */
	struct clip *clip;          /* the selection and the clipboard (selact.c's actions) */
};

typedef unsigned (*action_fn)(struct desk *d);

/* Publish the cursor after a move the caller made itself (start-up, a new board). */
unsigned action_cursor(struct desk *d);

/* Put our cursor in a row no one else's cursor is in (start-up). */
unsigned action_start_spot(struct desk *d);

/* Our ink, if it would vanish on this terminal's background, becomes the next that reads. */
unsigned action_fit_colour(struct desk *d);

/* Command keys. */
unsigned action_help(struct desk *d);
unsigned action_colour(struct desk *d);
unsigned action_detach(struct desk *d);       /* shmdt, or shmat again when detached */
unsigned action_ask_chmod(struct desk *d);
unsigned action_ask_save(struct desk *d);
unsigned action_ask_remove(struct desk *d);
unsigned action_ask_clear(struct desk *d);
unsigned action_panel(struct desk *d);
unsigned action_quit(struct desk *d);
unsigned action_redraw(struct desk *d);
unsigned action_follow_next(struct desk *d);  /* follow the next person on the board, then nobody */
unsigned action_suspend(struct desk *d);
unsigned action_bytes(struct desk *d);        /* the canvas shows the segment's bytes, or the board */

/* The wheel: the view, not the cursor (the drawing keys and the mouse are stroke.h's). */
unsigned action_pan(struct desk *d, long dc, long dr);

/* Answers to questions. */
unsigned action_chmod(struct desk *d, const char *mode);
unsigned action_save(struct desk *d, const char *path);       /* never over a file */
unsigned action_overwrite(struct desk *d, const char *path);  /* replacing it */
unsigned action_remove(struct desk *d);
unsigned action_clear(struct desk *d);
unsigned action_keep_orphan(struct desk *d);
unsigned action_new_board(struct desk *d);    /* a new board with the drawing, or ask to join */
unsigned action_join(struct desk *d);         /* move onto the board under the key */
unsigned action_declined(struct desk *d, const char *what);   /* "not cleared" */
unsigned action_cancelled(struct desk *d);

/* Why we may not draw, said on the status line; false when we may. */
bool action_refused(struct desk *d);

/*
 * The step just closed was larger than the undo history (undo_dropped):
 * say it was done but cannot be undone, and return true; false otherwise.
 */
bool action_too_large(struct desk *d);

#endif
