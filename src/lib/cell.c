/*
 * cell.c - encoding of a board cell word and the rules for which code
 * points a cell may hold and a terminal may be sent.
 */
#include <locale.h>
#include <pthread.h>
#include <string.h>
#include <wchar.h>

#include "cell.h"
#include "utf8.h"

static locale_t cell_locale = (locale_t)0;
static pthread_once_t cell_once = PTHREAD_ONCE_INIT;

/* Build a cell word, masking each part into its field. */
uint32_t
cell_make(uint32_t cp, unsigned colour, unsigned author)
{
	return (cp & CELL_CP_MASK) | ((uint32_t)(colour & 0xF) << 21) |
	    ((uint32_t)(author & 0x7F) << 25);
}

/* The code point field. */
uint32_t
cell_cp(uint32_t cell)
{
	return cell & CELL_CP_MASK;
}

/* The colour index. */
unsigned
cell_colour(uint32_t cell)
{
	return (cell >> 21) & 0xF;
}

/* The author field. */
unsigned
cell_author(uint32_t cell)
{
	return cell >> 25;
}

/* Open the UTF-8 locale whose width tables cell_width uses. */
static void
cell_locale_open(void)
{
	cell_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	if (cell_locale == (locale_t)0)
		cell_locale = newlocale(LC_CTYPE_MASK, "en_US.UTF-8", (locale_t)0);
}

/* Columns cp takes: 1 or 2 when it can be placed in a cell, else 0. */
int
cell_width(uint32_t cp)
{
	locale_t old;
	int w;

	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (cp < 0x7F)
		return 1;
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	pthread_once(&cell_once, cell_locale_open);
	if (cell_locale == (locale_t)0)
		return 0;
	old = uselocale(cell_locale);
	w = wcwidth((wchar_t)cp);
	uselocale(old);
	return w == 1 || w == 2 ? w : 0;
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
		cols += cell_width(cp);
		off += (size_t)n;
	}
	return cols;
}
