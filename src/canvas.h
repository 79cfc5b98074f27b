/*
 * canvas.h - the board viewport: which part of the board the canvas window
 * shows (it pans to keep our cursor in sight), drawing only the cells that
 * changed since the last frame (a shadow of what every screen cell shows,
 * and the board's per-row stamps), other clients' cursors in their
 * colours and the box being drawn (marks.h), placeholders for anything
 * that cannot be shown, and the greyed board while detached or
 * distrusting. Only canvas.c writes a struct canvas (its marks through
 * marks.c).
 */
#ifndef PIZARRA_CANVAS_H
#define PIZARRA_CANVAS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "client.h"
#include "marks.h"

struct canvas {
	int w, h;                      /* the canvas window's size in cells */
	uint32_t view_col, view_row;   /* board cell at the top left */
	uint64_t *shadow;              /* what each canvas cell shows: cell | presence << 32 */
	struct marks marks;            /* other cursors and the box's outline, per canvas cell */
	uint8_t *row_moved;            /* per canvas row: a mark came or went */
	size_t shadow_n;
	uint32_t *row_seen;            /* board row stamps as last drawn */
	uint32_t row_seen_n;
	bool full_check;               /* rescan every visible row on the next frame */
	bool full_redraw;              /* every screen cell is stale */
	uint32_t drawn_gen;            /* the board generation the canvas shows */
	uint32_t drawn_presence;       /* the board's presence word the canvas shows */
	uint32_t checked_gen;          /* generation at the last full check */
	bool following;                /* the view keeps someone else's cursor in sight */
	bool follow_by_uid;            /* ... the first client of follow_uid, else of follow_pid */
	pid_t follow_pid;
	uid_t follow_uid;
	bool follow_found;             /* the last frame found them on the board */
	struct client_info followed;   /* and this is who it was */
};

/* Take the canvas window's new size (after a layout): all stale, view at 0,0. */
void canvas_resize(struct canvas *c);

/* Forget what the screen shows: the next frame redraws every cell. */
void canvas_invalidate(struct canvas *c);

/* Free what the canvas holds. */
void canvas_free(struct canvas *c);

/* Pan so board cell (col, row) of b is in view. */
void canvas_follow(struct canvas *c, const struct board *b, uint32_t col, uint32_t row);

/*
 * Move the view by (dc, dr) cells over b, kept within the board (the
 * wheel); the cursor does not move. True when the view moved.
 */
bool canvas_pan(struct canvas *c, const struct board *b, long dc, long dr);

/*
 * Draw b (NULL: an empty canvas). live: b is the attached, trusted segment,
 * whose generation, presence and slots may be read (others' cursors are
 * marked, skipping my_slot; -1 for none); otherwise b is drawn greyed.
 * True when, following someone, the frame moved the view or found someone
 * else (or no one): what the status line tells of it changed.
 */
bool canvas_draw(struct canvas *c, const struct board *b, bool live, int my_slot);

/*
 * Whom the view follows, for the status line after "following ": "alice
 * (pid 42)", or who was asked for and is not on the board; into out (n
 * bytes). NULL when not following.
 */
const char *canvas_following(const struct canvas *c, char *out, size_t n);

/* True when live board b changed since the canvas last drew it. */
bool canvas_behind(const struct canvas *c, const struct board *b);

/*
 * Once a second, rescan every visible row (a writer may not have stamped
 * them) when the generation moved since the last such check; true when a
 * frame is needed for it.
 */
bool canvas_recheck(struct canvas *c, const struct board *b, bool live);

/*
 * Keep the view on another client's cursor: the process pid, or (by_uid)
 * the first client of user uid, whoever that is at each frame. Until they
 * are on the board, the view stays where it is.
 */
void canvas_follow_client(struct canvas *c, pid_t pid, uid_t uid, bool by_uid);

/*
 * Outline the box being drawn from corner (c0, r0) to (c1, r1), over the
 * board and in ink colour, without writing a cell (on false: none).
 */
void canvas_preview(struct canvas *c, bool on, uint32_t c0, uint32_t r0, uint32_t c1, uint32_t r1,
		    unsigned ink);

/*
 * Show our selection and the paste preview (clip's; the preview with its
 * top left at (col, row)) in ink colour, over the board.
 */
void canvas_selection(struct canvas *c, const struct clip *clip, uint32_t col, uint32_t row,
		      unsigned ink);

/* Stop following. */
void canvas_unfollow(struct canvas *c);

/* Put the terminal cursor on board cell (col, row), or hide it when out of view. */
void canvas_place_cursor(const struct canvas *c, uint32_t col, uint32_t row);

/* The board cell of b under canvas cell (x, y), clamped to the board; false outside the canvas. */
bool canvas_cell_at(const struct canvas *c, const struct board *b, int x, int y, uint32_t *col,
		    uint32_t *row);

#endif
