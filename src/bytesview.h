/*
 * bytesview.h - Ctrl-X on the board: the canvas shows the board
 * segment's own bytes instead of its drawing (hexview.h): the header's
 * first words (magic, version, geometry, the generation that every change
 * bumps), our own client slot (our cursor moves in it), and the cells
 * around our cursor, with the field under the cursor named and a cell
 * decoded ("cells[0][1] = 0x03400041: U+0041 'A' colour 10 author 1"),
 * so a student sees what they type land as bytes at its offset: the
 * segment is just memory. The bytes are read from our own mapping,
 * bounded by the kernel's size; nothing is attached again. Only
 * bytesview.c writes a struct bytesview.
 */
#ifndef PIZARRA_BYTESVIEW_H
#define PIZARRA_BYTESVIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "board.h"
#include "hexview.h"
#include "session.h"

struct bytesview {
	struct hexview view;
	bool on;                 /* the canvas shows the bytes */
	uint32_t gen;            /* the board's generation the bytes last showed */
};

/* Show the bytes of s's segment, or the board again; returns whether the bytes are shown. */
bool bytesview_toggle(struct bytesview *bv, const struct session *s);

/* True when live board b changed since the bytes were last shown. */
bool bytesview_behind(const struct bytesview *bv, const struct board *b);

/* The generation the bytes last showed (to sleep on). */
uint32_t bytesview_gen(const struct bytesview *bv);

/* Draw the bytes of s's segment into the canvas window, the cursor on cell (col, row). */
void bytesview_draw(struct bytesview *bv, const struct session *s, uint32_t col, uint32_t row,
		    uint64_t now);

/* Free what bv holds. */
void bytesview_free(struct bytesview *bv);

#endif
