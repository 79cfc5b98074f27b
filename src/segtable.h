/*
 * segtable.h - pizarra top's list, htop style: the rows of a struct
 * segdata in the order of one column (either way), a selected row that
 * stays on its segment when rows come, go or move, scrolled to stay in
 * view, and drawn with the columns of list.h that fit: a value that
 * changed lit for a moment, a new row lit whole, dest in the warning
 * colour. Only segtable.c writes a struct segtable.
 */
#ifndef PIZARRA_SEGTABLE_H
#define PIZARRA_SEGTABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "list.h"
#include "screen.h"
#include "segdata.h"

struct segtable {
	size_t *order;            /* row indexes of the segdata, in display order */
	size_t n, cap;
	enum list_col sort;       /* the column the rows are sorted by */
	bool descending;
	int selected;             /* the selected segment's shmid, -1 none */
	size_t sel;               /* its place in order */
	size_t scroll;            /* the first row shown */
	int height;               /* rows shown, last frame */
};

/* Start sorted by shmid, nothing selected. */
void segtable_init(struct segtable *t);

/* Free what t holds. */
void segtable_free(struct segtable *t);

/*
 * Take d's rows again (after a sample), in t's order; the selection
 * follows its segment, or moves to the row now in its place when the
 * segment went away.
 */
void segtable_sync(struct segtable *t, const struct segdata *d);

/* Sort by column c (the column sorted now: the other way round). */
void segtable_sort(struct segtable *t, const struct segdata *d, enum list_col c);

/* Sort by the next column that sorts. */
void segtable_next_sort(struct segtable *t, const struct segdata *d);

/* Move the selection (to d's segment now there) by delta rows (clamped), a page, or to an end. */
void segtable_move(struct segtable *t, const struct segdata *d, long delta);
void segtable_page(struct segtable *t, const struct segdata *d, int pages);
void segtable_ends(struct segtable *t, const struct segdata *d, bool last);

/* The selected row of d, or NULL. */
const struct segdata_row *segtable_selected(const struct segtable *t, const struct segdata *d);

/* Draw the list into win: heading, then rows from the scroll; sizes in bytes when bytes. */
void segtable_draw(struct segtable *t, const struct segdata *d, WINDOW *win, bool bytes,
		   uint64_t now);

#endif
