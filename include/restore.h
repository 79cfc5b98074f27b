/*
 * restore.h - the rule of undo and redo, on the cells one step changed
 * (history.h keeps the steps): taken back or done again by compare-and-
 * swap, so that nobody else's work is ever overwritten.
 *
 * The rule: a cell goes back to its "before" word only when it still
 * holds exactly the "after" word the step stored (board_cas_cell on the
 * whole 64-bit word, write counter included, so the ABA case where
 * someone writes the same character back is seen as a change). Cells that
 * someone changed since are kept as they are. The restored word is the
 * before word itself, counter included: the old character, colours and
 * author, so that when B drew, A drew over it, and A undoes, B's own undo
 * still finds exactly the word B stored (undos by several authors then
 * unwind in any order that respects each cell's history). Doing a step
 * again is the same with before and after swapped.
 * Wide characters stay whole: a cell is also kept when restoring it would
 * leave a CELL_CONT without its wide character on the left, or a wide
 * character without its CELL_CONT on the right (when someone changed one
 * half of a pair the step cut or drew, the other half is kept too).
 * Curses-free, allocates nothing, does not notify.
 */
#ifndef PIZARRA_RESTORE_H
#define PIZARRA_RESTORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board.h"

/* One cell a step changed. 24 bytes: col and row fit 16 bits (BOARD_MAX_*). */
struct restore_cell {
	uint16_t col, row;
	uint32_t seq;            /* order within the step until folded; then the rule's own */
	uint64_t before, after;
};

/*
 * Sort cells[0..n) by row, column and seq and fold each cell's chain into
 * one change: the word before its first write, after its last (a chain
 * broken by another writer starts again from that writer's word). Returns
 * the cells left, at the front of the array.
 */
size_t restore_fold(struct restore_cell *cells, size_t n);

/*
 * Take folded cells back to their before words (undo) or again to their
 * after words (!undo) on b, by the rule above. The cells restored are
 * moved to the front of the array, in order, and counted in the return
 * value; the others are kept on the board as they are.
 */
size_t restore_run(struct restore_cell *cells, size_t n, bool undo, const struct board *b);

#endif
