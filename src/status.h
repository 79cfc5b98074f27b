/*
 * status.h - the status line and what it says: the tool, colour,
 * position, brush and lines' style (or a question and its typed answer),
 * a message that stays for a while, a warning when our key now names
 * another board, and the banners drawn across the top of the canvas. Only status.c writes a
 * struct status.
 */
#ifndef PIZARRA_STATUS_H
#define PIZARRA_STATUS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#define STATUS_MESSAGE_MS  4000    /* how long a message stays */
#define STATUS_BANNER_ROWS 7       /* the most a banner takes of the canvas */

struct status {
	char message[256];
	bool warn;
	bool unseen;                /* set since the status line was last drawn */
	uint64_t until;             /* when it goes (0: not shown yet, or gone) */
};

/* What the status line shows when no question is open. */
struct status_line {
	bool readonly;              /* VIEW-ONLY */
	const char *tool;           /* the tool's name */
	unsigned looks;             /* what the brush paints (cell_style, paint.h): the swatch */
	uint32_t brush;             /* the brush's character, 0 when not the brush or fill tool */
	int style;                  /* the lines' style (enum lines_style), -1: the tool draws none */
	bool arrows;                /* the line tool puts an arrow at the line's end */
	bool have_board;            /* false: "no board" */
	uint32_t col, row, cols, rows;
	uint32_t view_col, view_row;  /* the board cell at the canvas's top left */
	uint32_t view_cols, view_rows; /* the canvas's size in cells */
	bool attached;
	key_t key;                  /* our key, for the warning below */
	int key_now_shmid;          /* another board under our key, or -1 */
	const char *following;      /* whom the view follows ("alice (pid 123)"), or NULL */
};

/* Say something on the status line for a while (from its first drawing). */
void status_message(struct status *st, bool warn, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Take the message away (a warning that outranks it has come). */
void status_clear(struct status *st);

/* True when a message was set since the status line was last drawn. */
bool status_unseen(const struct status *st);

/* The message's time is up at now: true when it just went (redraw). */
bool status_expire(struct status *st, uint64_t now);

/* Draw the status line from l: a message while it lasts, else l's warning. */
void status_draw(struct status *st, const struct status_line *l, uint64_t now);

/* Draw a question (and the answer typed so far, when not NULL) instead. */
void status_draw_question(const char *question, const char *answer);

/* A banner across the top of a w x h canvas, the text wrapped at spaces. */
void status_banner(int w, int h, const char *text);

struct session;

/*
 * Say what the once-a-second check of s found (ev, SESSION_* bits): our
 * slot taken over and another claimed, no slot, a slot claimed at last;
 * the warning that our key names another board shows at once.
 */
void status_session(struct status *st, const struct session *s, unsigned ev);

/* The banner of a board we stopped trusting, why saying why (a message of its own). */
void status_banner_distrust(int w, int h, const char *why);

#endif
