/*
 * lines.c - box-drawing characters chosen from the arms a cell connects
 * and their weights (lines_shapes[]: the shape of every piece in U+2500..
 * U+257F). A cell already holding a piece keeps its arms and gains the
 * new ones, so lines join where they cross, in any mix of single, heavy
 * and double that Unicode has a piece for, and the nearest piece where it
 * has none; the line's last cell is read with the shape it was drawn with
 * (struct lines), not the full line its character reads back as, and an
 * arrow written at the head is read as that shape too.
 */
#include <stddef.h>

#include "cell.h"
#include "i18n.h"
#include "lines.h"
#include "undo.h"

enum { UP = LINES_UP, DOWN = LINES_DOWN, LEFT = LINES_LEFT, RIGHT = LINES_RIGHT };
enum { L = LINES_LIGHT, H = LINES_HEAVY, D = LINES_DOUBLE };

#define S(u, d, l, r) LINES_SHAPE(u, d, l, r)
#define LINES_FIRST 0x2500u
#define LINES_LAST  0x257Fu
#define LINES_ARC   0x256Du    /* ╭ ╮ ╯ ╰: U+256D..U+2570 */

/* The shape of each box-drawing piece, from U+2500; 0: dashed, diagonal. */
static const unsigned char lines_shapes[128] = {
	/* ─ ━ │ ┃ ┄ ┅ ┆ ┇ */
	S(0, 0, L, L), S(0, 0, H, H), S(L, L, 0, 0), S(H, H, 0, 0), 0, 0, 0, 0,
	/* ┈ ┉ ┊ ┋ ┌ ┍ ┎ ┏ */
	0, 0, 0, 0, S(0, L, 0, L), S(0, L, 0, H), S(0, H, 0, L), S(0, H, 0, H),
	/* ┐ ┑ ┒ ┓ └ ┕ ┖ ┗ */
	S(0, L, L, 0), S(0, L, H, 0), S(0, H, L, 0), S(0, H, H, 0),
	S(L, 0, 0, L), S(L, 0, 0, H), S(H, 0, 0, L), S(H, 0, 0, H),
	/* ┘ ┙ ┚ ┛ ├ ┝ ┞ ┟ */
	S(L, 0, L, 0), S(L, 0, H, 0), S(H, 0, L, 0), S(H, 0, H, 0),
	S(L, L, 0, L), S(L, L, 0, H), S(H, L, 0, L), S(L, H, 0, L),
	/* ┠ ┡ ┢ ┣ ┤ ┥ ┦ ┧ */
	S(H, H, 0, L), S(H, L, 0, H), S(L, H, 0, H), S(H, H, 0, H),
	S(L, L, L, 0), S(L, L, H, 0), S(H, L, L, 0), S(L, H, L, 0),
	/* ┨ ┩ ┪ ┫ ┬ ┭ ┮ ┯ */
	S(H, H, L, 0), S(H, L, H, 0), S(L, H, H, 0), S(H, H, H, 0),
	S(0, L, L, L), S(0, L, H, L), S(0, L, L, H), S(0, L, H, H),
	/* ┰ ┱ ┲ ┳ ┴ ┵ ┶ ┷ */
	S(0, H, L, L), S(0, H, H, L), S(0, H, L, H), S(0, H, H, H),
	S(L, 0, L, L), S(L, 0, H, L), S(L, 0, L, H), S(L, 0, H, H),
	/* ┸ ┹ ┺ ┻ ┼ ┽ ┾ ┿ */
	S(H, 0, L, L), S(H, 0, H, L), S(H, 0, L, H), S(H, 0, H, H),
	S(L, L, L, L), S(L, L, H, L), S(L, L, L, H), S(L, L, H, H),
	/* ╀ ╁ ╂ ╃ ╄ ╅ ╆ ╇ */
	S(H, L, L, L), S(L, H, L, L), S(H, H, L, L), S(H, L, H, L),
	S(H, L, L, H), S(L, H, H, L), S(L, H, L, H), S(H, L, H, H),
	/* ╈ ╉ ╊ ╋ ╌ ╍ ╎ ╏ */
	S(L, H, H, H), S(H, H, H, L), S(H, H, L, H), S(H, H, H, H), 0, 0, 0, 0,
	/* ═ ║ ╒ ╓ ╔ ╕ ╖ ╗ */
	S(0, 0, D, D), S(D, D, 0, 0), S(0, L, 0, D), S(0, D, 0, L), S(0, D, 0, D),
	S(0, L, D, 0), S(0, D, L, 0), S(0, D, D, 0),
	/* ╘ ╙ ╚ ╛ ╜ ╝ ╞ ╟ */
	S(L, 0, 0, D), S(D, 0, 0, L), S(D, 0, 0, D), S(L, 0, D, 0), S(D, 0, L, 0),
	S(D, 0, D, 0), S(L, L, 0, D), S(D, D, 0, L),
	/* ╠ ╡ ╢ ╣ ╤ ╥ ╦ ╧ */
	S(D, D, 0, D), S(L, L, D, 0), S(D, D, L, 0), S(D, D, D, 0), S(0, L, D, D),
	S(0, D, L, L), S(0, D, D, D), S(L, 0, D, D),
	/* ╨ ╩ ╪ ╫ ╬ ╭ ╮ ╯ */
	S(D, 0, L, L), S(D, 0, D, D), S(L, L, D, D), S(D, D, L, L), S(D, D, D, D),
	S(0, L, 0, L), S(0, L, L, 0), S(L, 0, L, 0),
	/* ╰ ╱ ╲ ╳ ╴ ╵ ╶ ╷ */
	S(L, 0, 0, L), 0, 0, 0, S(0, 0, L, 0), S(L, 0, 0, 0), S(0, 0, 0, L), S(0, L, 0, 0),
	/* ╸ ╹ ╺ ╻ ╼ ╽ ╾ ╿ */
	S(0, 0, H, 0), S(H, 0, 0, 0), S(0, 0, 0, H), S(0, H, 0, 0),
	S(0, 0, L, H), S(L, H, 0, 0), S(0, 0, H, L), S(H, L, 0, 0),
};

/* Bit offset of a direction's arm in a shape. */
static unsigned
lines_shift(unsigned dir)
{
	return dir == UP ? 0 : dir == DOWN ? 2 : dir == LEFT ? 4 : 6;
}

unsigned
lines_arm(unsigned shape, unsigned dir)
{
	return shape >> lines_shift(dir) & 3;
}

/* shape with the arm in direction dir set to weight w. */
static unsigned
lines_with(unsigned shape, unsigned dir, unsigned w)
{
	return (shape & ~(3u << lines_shift(dir))) | (w & 3) << lines_shift(dir);
}

/* The weight a style draws with. */
static unsigned
lines_weight(enum lines_style style)
{
	return style == LINES_DOUBLED ? D : style == LINES_HEAVIED ? H : L;
}

unsigned
lines_shape(uint32_t cp, enum lines_style style)
{
	if (cp >= LINES_FIRST && cp <= LINES_LAST)
		return lines_shapes[cp - LINES_FIRST];
	if (style != LINES_ASCII)
		return 0;
	return cp == '-' ? S(0, 0, L, L) : cp == '|' ? S(L, L, 0, 0) :
	    cp == '+' ? S(L, L, L, L) : 0;
}

/* The first piece with exactly this shape (not an arc, not a half line), or 0. */
static uint32_t
lines_find(unsigned shape)
{
	uint32_t i;

	for (i = 0; i < 128; i++)
		if (lines_shapes[i] == shape && shape != 0)
			return LINES_FIRST + i;
	return 0;
}

/* The arms of shape with weight w. */
static unsigned
lines_arms_of(unsigned shape, unsigned w)
{
	unsigned dirs = 0, d;

	for (d = UP; d <= RIGHT; d <<= 1)
		if (lines_arm(shape, d) == w)
			dirs |= d;
	return dirs;
}

/*
 * The nearest shape Unicode has a piece for: arms not in keep that are
 * heavy beside a double (or double beside a heavy) become single; a line
 * whose two ends differ and one is double takes keep's weight at both ends
 * (or single, when keep has neither).
 */
static unsigned
lines_nearest(unsigned shape, unsigned keep)
{
	static const unsigned axes[2][2] = { { UP, DOWN }, { LEFT, RIGHT } };
	unsigned d, a, w, x, y;

	if (lines_arms_of(shape, H) != 0 && lines_arms_of(shape, D) != 0)
		for (d = UP; d <= RIGHT; d <<= 1)
			if (!(keep & d) && lines_arm(shape, d) >= H)
				shape = lines_with(shape, d, L);
	if (lines_arms_of(shape, H) != 0 && lines_arms_of(shape, D) != 0)
		for (d = UP; d <= RIGHT; d <<= 1)
			if (lines_arm(shape, d) != 0)
				shape = lines_with(shape, d, L);
	for (a = 0; a < 2; a++) {
		x = lines_arm(shape, axes[a][0]);
		y = lines_arm(shape, axes[a][1]);
		if (x == 0 || y == 0 || x == y || (x != D && y != D))
			continue;
		w = keep & axes[a][0] ? x : keep & axes[a][1] ? y : L;
		shape = lines_with(lines_with(shape, axes[a][0], w), axes[a][1], w);
	}
	return shape;
}

uint32_t
lines_piece(unsigned shape, unsigned keep, enum lines_style style, bool was_arc)
{
	unsigned d, vert = shape & S(3, 3, 0, 0), horiz = shape & S(0, 0, 3, 3);
	uint32_t cp;

	if (shape == 0)
		return 0;
	if (style == LINES_ASCII)
		return vert != 0 && horiz != 0 ? '+' : vert != 0 ? '|' : '-';
	/* a lone arm: the full line of its weight */
	for (d = UP; d <= RIGHT; d <<= 1)
		if (shape == lines_with(0, d, lines_arm(shape, d)))
			shape |= lines_with(0, d == UP ? DOWN : d == DOWN ? UP : d == LEFT ? RIGHT : LEFT,
			    lines_arm(shape, d));
	cp = lines_find(shape);
	if (cp == 0)
		cp = lines_find(lines_nearest(shape, keep));
	if (cp == 0)
		cp = lines_find(lines_nearest(shape, 0));
	if (cp >= 0x250C && cp <= 0x2518 && (cp - 0x250C) % 4 == 0 &&
	    (style == LINES_ROUNDED || was_arc))
		/* ┌ ┐ └ ┘ as ╭ ╮ ╰ ╯ */
		cp = cp == 0x250C ? 0x256D : cp == 0x2510 ? 0x256E : cp == 0x2514 ? 0x2570 : 0x256F;
	return cp;
}

/* shape with the arms dirs at weight w. */
static unsigned
lines_add(unsigned shape, unsigned dirs, unsigned w)
{
	unsigned d;

	for (d = UP; d <= RIGHT; d <<= 1)
		if (dirs & d)
			shape = lines_with(shape, d, w);
	return shape;
}

/* The piece for shape plus dirs in style; the cell held old (an arc stays rounded). */
static uint32_t
lines_join_shape(unsigned shape, uint32_t old, unsigned dirs, enum lines_style style)
{
	return lines_piece(lines_add(shape, dirs, lines_weight(style)), dirs, style,
	    old >= LINES_ARC && old <= LINES_ARC + 3);
}

uint32_t
lines_join(uint32_t old, unsigned dirs, enum lines_style style)
{
	return lines_join_shape(lines_shape(old, style), old, dirs & 15, style);
}

uint32_t
lines_arrow(unsigned dir, enum lines_style style)
{
	if (style == LINES_ASCII)
		return dir == UP ? '^' : dir == DOWN ? 'v' : dir == LEFT ? '<' : '>';
	return dir == UP ? 0x2191 : dir == DOWN ? 0x2193 : dir == LEFT ? 0x2190 : 0x2192;
}

void
lines_next_style(struct lines *l)
{
	l->style = (enum lines_style)((l->style + 1) % LINES_NSTYLES);
}

/*
 * TRANSLATORS: the line styles, on the status line after "style " and in
 * "line style: %s"; at most 9 columns
 */
static const char *const lines_style_names[LINES_NSTYLES] = {
	N_("single"), N_("double"), N_("heavy"), N_("rounded"), N_("ASCII"),
};

const char *
lines_style_name(enum lines_style s)
{
	return (unsigned)s < LINES_NSTYLES ? _(lines_style_names[s]) : "?";
}

void
lines_toggle_arrows(struct lines *l)
{
	l->arrows = !l->arrows;
}

/* Write one character with the ink; true when written. */
static bool
lines_put(const struct lines_ink *ink, uint32_t col, uint32_t row, uint32_t cp)
{
	return cp != 0 && undo_draw(ink->board, col, row, cp, ink->colour, ink->author) > 0;
}

/* The shape the cell at (col, row) has (exact for the line's last cell), and what it holds. */
static unsigned
lines_shape_at(const struct lines *l, const struct lines_ink *ink, uint32_t col, uint32_t row,
	       uint32_t *cp)
{
	*cp = cell_cp(board_get(ink->board, col, row));
	if (l->valid && col == l->col && row == l->row && *cp == l->cp)
		return l->shape;
	return lines_shape(*cp, l->style);
}

bool
lines_step(struct lines *l, const struct lines_ink *ink, uint32_t c1, uint32_t r1,
	   uint32_t c2, uint32_t r2)
{
	unsigned there = c2 > c1 ? RIGHT : c2 < c1 ? LEFT : r2 > r1 ? DOWN : UP;
	unsigned back = there == RIGHT ? LEFT : there == LEFT ? RIGHT : there == DOWN ? UP : DOWN;
	unsigned w = lines_weight(l->style), shape;
	uint32_t old, head;
	bool r;

	if (c1 == c2 && r1 == r2)
		return false;
	shape = lines_shape_at(l, ink, c1, r1, &old);
	r = lines_put(ink, c1, r1, lines_join_shape(shape, old, there, l->style));
	shape = lines_add(lines_shape_at(l, ink, c2, r2, &old), back, w);
	head = l->arrows ? lines_arrow(there, l->style) :
	    lines_piece(shape, back, l->style, old >= LINES_ARC && old <= LINES_ARC + 3);
	r |= lines_put(ink, c2, r2, head);
	l->valid = true;
	l->col = c2;
	l->row = r2;
	l->shape = shape;
	l->cp = head;
	return r;
}

bool
lines_box(struct lines *l, const struct lines_ink *ink, uint32_t c0, uint32_t r0, uint32_t c1,
	  uint32_t r1)
{
	unsigned bits, shape;
	uint32_t c, y, old;
	bool r = false;

	for (y = r0; y <= r1; y++) {
		for (c = c0; c <= c1; c++) {
			if (y != r0 && y != r1 && c != c0 && c != c1)
				continue;
			bits = 0;
			if (y == r0 || y == r1)
				bits |= (c > c0 ? LEFT : 0) | (c < c1 ? RIGHT : 0);
			if (c == c0 || c == c1)
				bits |= (y > r0 ? UP : 0) | (y < r1 ? DOWN : 0);
			if (bits == 0)
				continue;
			shape = lines_shape_at(l, ink, c, y, &old);
			r |= lines_put(ink, c, y, lines_join_shape(shape, old, bits, l->style));
		}
	}
	l->valid = false;
	return r;
}

uint32_t
lines_ascii(uint32_t cp)
{
	unsigned shape;

	if (cp >= LINES_FIRST && cp <= LINES_LAST) {
		shape = lines_shapes[cp - LINES_FIRST];
		if (shape != 0)
			return lines_piece(shape, 0, LINES_ASCII, false);
		if (cp >= 0x2571)
			return '+';                /* the diagonals */
		/* the dashed lines: ┄┅ ┆┇ ┈┉ ┊┋ in pairs from U+2504, then ╌╍ ╎╏ */
		if (cp < 0x254C)
			return (cp - 0x2504) / 2 % 2 == 0 ? '-' : '|';
		return cp < 0x254E ? '-' : '|';
	}
	if (cp >= 0x2580 && cp <= 0x259F)
		return '#';
	if (cp >= 0x2190 && cp <= 0x2193)
		return cp == 0x2190 ? '<' : cp == 0x2191 ? '^' : cp == 0x2192 ? '>' : 'v';
	return 0;
}
