/*
 * block.h - a paste placed as a block at the pen's cursor, on the board
 * the pen's paper inks. No curses. Apart from pen.c because it is the
 * pen's one operation on a whole text rather than on a character.
 */
#ifndef PIZARRA_BLOCK_H
#define PIZARRA_BLOCK_H

#include <stddef.h>

#include "pen.h"

/*
 * Paste text (UTF-8, from the terminal's bracketed paste) as a block whose
 * top left is the cursor (text_place: each line at the cursor's column,
 * tabs to multiples of 8 from it, CRLF, CR and LF as newlines), with any
 * tool. What falls outside the board is dropped and said; invalid UTF-8, a
 * control character or a grapheme no cell can hold refuses the whole
 * paste, said with its line and column. One operation, one note. The
 * cursor goes where the text ends (clamped to the board), and Enter then
 * returns to the block's left edge.
 */
unsigned block_paste(struct pen *p, const struct pen_paper *pp, const char *text, size_t len);

#endif
