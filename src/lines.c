/*
 * lines.c - box-drawing characters chosen from the directions a cell
 * connects. A cell already holding a light box-drawing character keeps
 * its directions and gains the new ones, so lines join where they cross;
 * the line's last cell is read with the directions it was drawn with
 * (struct lines), not the full line its character reads back as.
 */
#include <stddef.h>

#include "cell.h"
#include "lines.h"

enum { UP = LINES_UP, DOWN = LINES_DOWN, LEFT = LINES_LEFT, RIGHT = LINES_RIGHT };

/* The box-drawing character for each combination of directions. */
static const uint32_t lines_of[16] = {
	0, 0x2502, 0x2502, 0x2502, 0x2500, 0x2518, 0x2510, 0x2524,
	0x2500, 0x2514, 0x250C, 0x251C, 0x2500, 0x2534, 0x252C, 0x253C,
};

/* Write one character with the ink; true when written. */
static bool
lines_put(const struct lines_ink *ink, uint32_t col, uint32_t row, uint32_t cp)
{
	return board_draw(ink->board, col, row, cp, ink->colour, ink->author) > 0;
}

/* The directions a light box-drawing character already has (0 for others). */
static unsigned
lines_bits(uint32_t cp)
{
	unsigned bits;

	for (bits = 1; bits < 16; bits++)
		if (lines_of[bits] == cp)
			return bits == UP || bits == DOWN ? UP | DOWN :
			    bits == LEFT || bits == RIGHT ? LEFT | RIGHT : bits;
	return 0;
}

/* The directions the line character at (col, row) has (exact for the line's last cell). */
static unsigned
lines_bits_at(const struct lines *l, const struct lines_ink *ink, uint32_t col, uint32_t row)
{
	uint32_t cp = cell_cp(board_get(ink->board, col, row));

	if (l->valid && col == l->col && row == l->row && cp == lines_of[l->bits])
		return l->bits;
	return lines_bits(cp);
}

bool
lines_step(struct lines *l, const struct lines_ink *ink, uint32_t c1, uint32_t r1,
	   uint32_t c2, uint32_t r2)
{
	unsigned there = c2 > c1 ? RIGHT : c2 < c1 ? LEFT : r2 > r1 ? DOWN : UP;
	unsigned back = there == RIGHT ? LEFT : there == LEFT ? RIGHT : there == DOWN ? UP : DOWN;
	unsigned to;
	bool r;

	if (c1 == c2 && r1 == r2)
		return false;
	r = lines_put(ink, c1, r1, lines_of[(lines_bits_at(l, ink, c1, r1) | there) & 15]);
	to = (lines_bits_at(l, ink, c2, r2) | back) & 15;
	r |= lines_put(ink, c2, r2, lines_of[to]);
	l->valid = true;
	l->col = c2;
	l->row = r2;
	l->bits = to;
	return r;
}

bool
lines_box(struct lines *l, const struct lines_ink *ink, uint32_t c0, uint32_t r0, uint32_t c1,
	  uint32_t r1)
{
	unsigned bits;
	bool r = false;
	uint32_t c, y;

	for (y = r0; y <= r1; y++) {
		for (c = c0; c <= c1; c++) {
			if (y != r0 && y != r1 && c != c0 && c != c1)
				continue;
			bits = 0;
			if (y == r0 || y == r1)
				bits |= (c > c0 ? LEFT : 0) | (c < c1 ? RIGHT : 0);
			if (c == c0 || c == c1)
				bits |= (y > r0 ? UP : 0) | (y < r1 ? DOWN : 0);
			if (bits != 0)
				r |= lines_put(ink, c, y,
				    lines_of[(lines_bits_at(l, ink, c, y) | bits) & 15]);
		}
	}
	l->valid = false;
	return r;
}

uint32_t
lines_ascii(uint32_t cp)
{
	static const uint16_t horiz[] = { 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509,
	    0x254C, 0x254D, 0x2550, 0x2574, 0x2576, 0x2578, 0x257A };
	static const uint16_t vert[] = { 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B,
	    0x254E, 0x254F, 0x2551, 0x2575, 0x2577, 0x2579, 0x257B };
	size_t i;

	if (cp >= 0x2500 && cp <= 0x257F) {
		for (i = 0; i < sizeof horiz / sizeof horiz[0]; i++)
			if (cp == horiz[i])
				return '-';
		for (i = 0; i < sizeof vert / sizeof vert[0]; i++)
			if (cp == vert[i])
				return '|';
		return '+';
	}
	if (cp >= 0x2580 && cp <= 0x259F)
		return '#';
	return 0;
}
