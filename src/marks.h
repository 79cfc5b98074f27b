/*
 * marks.h - what the canvas shows over the board's cells, no curses: the
 * other clients' cursors in the viewport (a mark per canvas cell, its
 * colour | 0x10) and the outline of the box being drawn. Each frame says
 * which canvas rows a mark or the outline came to or left, for the canvas
 * to look at again; the cursors are kept as a short list of the cells
 * marked, so moving ones touch only the cells marked before and now.
 * Only marks.c writes a struct marks.
 */
#ifndef PIZARRA_MARKS_H
#define PIZARRA_MARKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "client.h"
#include "clip.h"

/* A rectangle of board cells (inclusive corners), shown or not. */
struct marks_rect {
	bool on;
	uint32_t c0, r0, c1, r1;
};

/* The selections shown (everyone's, ours last) and the paste preview's place. */
#define MARKS_SELS (BOARD_SLOTS + 3)
struct marks_sels {
	int n;
	struct marks_rect r[MARKS_SELS];   /* the last ones: a moving selection's, the preview's */
	uint8_t ink[MARKS_SELS];           /* colour | 0x20 (0x40: the preview) */
};

struct marks {
	int w, h;                      /* the canvas's size in cells */
	size_t n;                      /* cells in at (w * h, 0 when none) */
	uint8_t *at;                   /* other cursors per canvas cell: colour | 0x10 */
	uint32_t cells[BOARD_SLOTS];   /* the cells of at that are set */
	uint8_t val[BOARD_SLOTS];      /* and their values */
	int count;
	struct marks_rect box;         /* the box being drawn, outlined over the board */
	struct marks_rect box_drawn;   /* the outline the rows were last flagged for */
	unsigned box_ink;              /* its colour */
	struct marks_sels sels, sels_drawn;   /* selections now, and when rows were last flagged */
	struct marks_rect mine;        /* our own selection (the slots' may lag or be none) */
	unsigned mine_ink;
	const struct clip *clip;       /* the clipboard whose preview shows at (paste_col, paste_row) */
	uint32_t paste_col, paste_row;
};

/* Take the canvas's size (w by h cells); false when there is no memory for it. */
bool marks_resize(struct marks *m, int w, int h);

/* Forget every cursor mark (the screen is redrawn whole). */
void marks_clear(struct marks *m);

/* Free what the marks hold. */
void marks_free(struct marks *m);

/*
 * Mark every client's cursor in list (n of them, skipping my_slot) that
 * falls in the viewport whose top left is board cell (col, row), and set
 * moved[y] for each canvas row where a mark came, went or changed colour,
 * or the box's outline, a selection (the others' from list, ours from
 * marks_mine) or the preview came or went.
 */
void marks_update(struct marks *m, const struct client_info *list, int n, int my_slot,
		  uint32_t col, uint32_t row, uint8_t *moved);

/* The box being drawn, corners (c0, r0) and (c1, r1) in any order, in ink colour (on false: none). */
void marks_box(struct marks *m, bool on, uint32_t c0, uint32_t r0, uint32_t c1, uint32_t r1,
	       unsigned ink);

/*
 * Our own selection and paste preview (clip's, the preview with its top left
 * at (col, row)), in ink colour, for the next marks_update.
 */
void marks_mine(struct marks *m, const struct clip *clip, uint32_t col, uint32_t row,
		unsigned ink);

/* The selection over board cell (col, row): its colour | 0x20, 0 none (ours first). */
uint8_t marks_selected(const struct marks *m, uint32_t col, uint32_t row);

/* Might a selection cover a cell of board row row? False: marks_selected is 0 all along it. */
bool marks_row_selected(const struct marks *m, uint32_t row);
/* The preview's word over board cell (col, row); false when none is there. */
bool marks_pasted(const struct marks *m, uint32_t col, uint32_t row, uint64_t *word);

/*
 * Might board row row have an outline or preview cell over it (the box
 * crosses it, or a paste or move preview is up)? False: its cells are the
 * board's and the cursors' alone, and need not be asked about one by one.
 */
bool marks_over_row(const struct marks *m, uint32_t row);

/* The outline's character at board cell (col, row): a corner or an edge; 0 off it. */
uint32_t marks_box_glyph(const struct marks *m, uint32_t col, uint32_t row, bool utf8);

#endif
