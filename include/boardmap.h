/*
 * boardmap.h - a board seen as bytes: whether some bytes are the header
 * of a pizarra board (validated exactly as board_open validates a segment,
 * against the kernel's shm_segsz), what the board in them is (geometry,
 * generation, creation time, clients in its slots, sanitised by
 * client_list), and what lies at any offset of a board's segment ("magic",
 * "slots[3].cursor", "cells[2][5]", "row_stamps[7]"), so that a segment's
 * bytes can be shown with the names of the fields they hold.
 *
 * The bytes are a copy in process memory (read through another process's
 * memory, or from a read-only attach): nothing here touches a segment,
 * and any bytes may be given, so every answer is bounded by the geometry
 * validated here, never by what the header claims.
 */
#ifndef PIZARRA_BOARDMAP_H
#define PIZARRA_BOARDMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "client.h"
#include "pzerr.h"

/* What a board's header says, once validated. */
struct boardmap {
	uint32_t cols, rows;
	uint32_t generation;
	uint64_t created;          /* seconds since the epoch */
	int nclients;              /* ready slots (client_list) */
	uint64_t segsz;            /* the kernel's size it was validated against */
};

/*
 * Is the copy of a segment's first n bytes (at least the whole header,
 * sizeof(struct board_header), for the slots) the header of a board in a
 * segment of segsz bytes? 0 with m filled, or -1 with e saying why not
 * (EPROTO; also when n is short of a header).
 */
int boardmap_recognise(const void *bytes, size_t n, uint64_t segsz, struct boardmap *m,
		       struct pzerr *e);

/* The same for a board already open (an attached, validated struct board). */
void boardmap_of(const struct board *b, struct boardmap *m);

/*
 * What lies at offset off of a board's segment, written into buf: a
 * header field ("magic", "generation", "lease"...), a slot's field
 * ("slots[3].owner"), a cell ("cells[2][5] (col 5, row 2)": row 2, column
 * 5, in the layout's order cells[rows][cols], 8 bytes each), a row
 * stamp ("row_stamps[7]"), or "after the board" (the rest of the
 * segment's last page, or a segment larger than its board). *start and
 * *len, when not NULL, get the field's first offset and its size in bytes.
 * Returns buf.
 */
const char *boardmap_name(const struct boardmap *m, uint64_t off, char *buf, size_t n,
			  uint64_t *start, unsigned *len);

/* The offset of cell (col, row) in the segment (col, row within the board). */
uint64_t boardmap_cell_offset(const struct boardmap *m, uint32_t col, uint32_t row);

#endif
