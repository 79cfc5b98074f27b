/*
 * list.h - the system's segments as `pizarra ls` prints them and `pizarra
 * top` shows them: one table of columns (heading, width, alignment, the
 * field it sorts by, how a cell is written), the filter of the options
 * (-k/-p/-f or -i, --owner), whether a segment is a pizarra board (read
 * through the memory of a process that has it attached, never by
 * attaching: boardmap.h, shmmaps.h), and the ls command itself, as text
 * or JSON. No curses: top draws the same cells in its own window.
 */
#ifndef PIZARRA_LIST_H
#define PIZARRA_LIST_H

#include <stdbool.h>
#include <stddef.h>

#include "boardmap.h"
#include "cli.h"
#include "shmlist.h"
#include "shmmaps.h"

/* What is known about a segment being a board. */
enum list_board {
	LIST_BOARD_UNKNOWN,   /* no attached process whose memory we may read (or none attached) */
	LIST_BOARD_NO,        /* its bytes are not a board's header (or it is too small) */
	LIST_BOARD_YES,       /* a board: map says which */
};

/* One segment and what goes with it. */
struct list_row {
	const struct shmlist_seg *seg;
	const struct shmmaps_att *att;   /* its attaches (in a struct shmmaps), natt of them */
	size_t natt;
	enum list_board board;
	struct boardmap map;             /* when board is LIST_BOARD_YES */
};

/* The columns, in the order ls prints them. */
enum list_col {
	LIST_KEY, LIST_ID, LIST_OWNER, LIST_PERMS, LIST_SIZE, LIST_NATTCH, LIST_STATUS,
	LIST_CPID, LIST_COMMAND, LIST_LPID, LIST_LCOMMAND, LIST_ATTACHED, LIST_BOARD,
	LIST_NCOLS
};

/* The heading of column c ("KEY"...). */
const char *list_heading(enum list_col c);

/* Column c's width for top (the heading's at least), and whether it is right-aligned. */
int list_width(enum list_col c);
bool list_right(enum list_col c);

/* The field column c sorts by (its shmlist field; -1 for columns that do not sort). */
int list_sort_field(enum list_col c);

/* Column c of row r as text ("0x70000002", "rw-------", "55.1K"...), sizes in bytes when bytes. */
const char *list_cell(const struct list_row *r, enum list_col c, bool bytes, char *buf, size_t n);

/* Does segment s pass the filter of o (-k, -p, -f or -i when given, --owner)? */
bool list_match(const struct cli_opts *o, const struct shmlist_seg *s);

/*
 * Is s a board? Look at its header through the first of its attaches
 * (natt of them, from att) whose process's memory we may read. Fills
 * r's board and map (r->seg, att and natt too).
 */
void list_board_of(struct list_row *r, const struct shmlist_seg *s, const struct shmmaps_att *att,
		   size_t natt);

/* pizarra ls: every segment we can see, filtered, as text or JSON; the exit status. */
int list_run(struct cli_opts *o);

#endif
