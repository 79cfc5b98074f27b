/*
 * cell.c - encoding of a board cell word and the rules for which code
 * points a cell may hold and a terminal may be sent. Widths, categories and
 * grapheme break classes come from utf8proc (Unicode 15.0 with utf8proc
 * 2.8), which needs no locale: the same text is accepted or refused
 * whatever LANG says, in every thread.
 */
#include <string.h>
#include <utf8proc.h>

#include "cell.h"
#include "utf8.h"

/* A style: fg, bg and attributes, each masked into its bits. */
unsigned
cell_style(unsigned fg, unsigned bg, unsigned attrs)
{
	return (fg & 0xFFu) | (bg & 0xFFu) << 8 | (attrs & CELL_ATTRS) << 16;
}

/* Build a cell word, masking each part into its field; counter 0. */
uint64_t
cell_make(uint32_t cp, unsigned style, unsigned author)
{
	return (uint64_t)(cp & CELL_CP_MASK) |
	    (uint64_t)(style & 0xFFu) << CELL_FG_SHIFT |
	    (uint64_t)(style >> 8 & 0xFFu) << CELL_BG_SHIFT |
	    (uint64_t)(style >> 16 & CELL_ATTRS) << CELL_ATTR_SHIFT |
	    (uint64_t)(author & 0x7Fu) << CELL_AUTHOR_SHIFT;
}

/* The code point field. */
uint32_t
cell_cp(uint64_t cell)
{
	return (uint32_t)(cell & CELL_CP_MASK);
}

/* The foreground colour. */
unsigned
cell_fg(uint64_t cell)
{
	return (unsigned)(cell >> CELL_FG_SHIFT & 0xFF);
}

/* The foreground colour, by its version 1 name. */
unsigned
cell_colour(uint64_t cell)
{
	return cell_fg(cell);
}

/* The background colour. */
unsigned
cell_bg(uint64_t cell)
{
	return (unsigned)(cell >> CELL_BG_SHIFT & 0xFF);
}

/* The attribute bits. */
unsigned
cell_attrs(uint64_t cell)
{
	return (unsigned)(cell >> CELL_ATTR_SHIFT & CELL_ATTRS);
}

/* The style of a cell. */
unsigned
cell_style_of(uint64_t cell)
{
	return cell_style(cell_fg(cell), cell_bg(cell), cell_attrs(cell));
}

/* The author field. */
unsigned
cell_author(uint64_t cell)
{
	return (unsigned)(cell >> CELL_AUTHOR_SHIFT & 0x7F);
}

/* The write counter. */
unsigned
cell_counter(uint64_t cell)
{
	return (unsigned)(cell >> CELL_COUNTER_SHIFT);
}

/* The word without its counter. */
uint64_t
cell_content(uint64_t cell)
{
	return cell & ~CELL_COUNTER_MASK;
}

/* value's content with old's counter plus one, wrapping. */
uint64_t
cell_next(uint64_t old, uint64_t value)
{
	uint64_t counter = (uint64_t)((cell_counter(old) + 1) & 0xFFFFu);

	return cell_content(value) | counter << CELL_COUNTER_SHIFT;
}

/*
 * Columns cp takes on a terminal as utf8proc (UAX #11, East Asian Width)
 * gives them, for laying out messages: 0 for controls and the Hangul
 * vowels and final consonants that join the syllable before them (which
 * utf8proc counts as 1, unlike glibc and terminals).
 */
static int
cell_term_width(uint32_t cp)
{
	int w;

	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (cp < 0x7F)
		return 1;
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	if ((cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FF))
		return 0;
	w = utf8proc_charwidth((utf8proc_int32_t)cp);
	return w == 1 || w == 2 ? w : 0;
}

/*
 * Columns cp takes in a cell: its terminal width when it is a character
 * that stands alone, 0 when it cannot be shown alone or would join its
 * neighbour in a terminal (so two cells never make one grapheme when they
 * are dumped side by side): unassigned code points, controls and format
 * characters, separators, marks (Mn, Mc, Me), and whatever UAX #29 joins
 * to the character before or after it (Extend: variation selectors, emoji
 * modifiers; SpacingMark; Prepend; ZWJ; regional indicators, which pair
 * into flags; the Hangul jamo that compose into syllables).
 */
int
cell_width(uint32_t cp)
{
	const utf8proc_property_t *p;

	if (cp < 0x7F)
		return cp >= 0x20 ? 1 : 0;
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	p = utf8proc_get_property((utf8proc_int32_t)cp);
	switch (p->category) {
	case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
	case UTF8PROC_CATEGORY_CS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
		return 0;
	default:
		break;
	}
	switch (p->boundclass) {
	case UTF8PROC_BOUNDCLASS_OTHER: case UTF8PROC_BOUNDCLASS_LV:
	case UTF8PROC_BOUNDCLASS_LVT: case UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC:
		return cell_term_width(cp);
	default:
		return 0;
	}
}

const char *
cell_unicode_version(void)
{
	return utf8proc_unicode_version();
}

const char *
cell_utf8proc_version(void)
{
	return utf8proc_version();
}

/* True when cp may be held by a cell and sent to a terminal. */
bool
cell_drawable(uint32_t cp)
{
	return cell_width(cp) > 0;
}

int
cell_columns(const char *s)
{
	size_t len = strlen(s), off = 0;
	uint32_t cp;
	int n, cols = 0;

	while (off < len) {
		n = utf8_decode(s + off, len - off, &cp);
		if (n < 0) {
			cols++;
			off++;
			continue;
		}
		cols += cell_term_width(cp);
		off += (size_t)n;
	}
	return cols;
}

int
cell_fit(const char *s, int cols, int *used)
{
	size_t len = strlen(s), off = 0;
	uint32_t cp;
	int n, w, sum = 0;

	while (off < len) {
		n = utf8_decode(s + off, len - off, &cp);
		w = n < 0 ? 1 : cell_term_width(cp);
		if (n < 0)
			n = 1;
		if (sum + w > cols)
			break;
		sum += w;
		off += (size_t)n;
	}
	if (used != NULL)
		*used = sum;
	return (int)off;
}
