/*
 * paint.c - the brush's looks (paint.h): kept as three parts and whether
 * the foreground is the brush's own, put together as a cell_style for the
 * pen's paper, and said in words.
 */
#include <stdio.h>
#include <string.h>

#include "cell.h"
#include "i18n.h"

#include "paint.h"

void
paint_init(struct paint *p)
{
	memset(p, 0, sizeof *p);
}

unsigned
paint_style(const struct paint *p, unsigned slot_colour)
{
	return cell_style(p->own_fg ? p->fg : slot_colour, p->bg, p->attrs);
}

void
paint_set(struct paint *p, unsigned fg, unsigned bg, unsigned attrs)
{
	p->fg = fg & 0xFF;
	p->bg = bg & 0xFF;
	p->attrs = attrs & CELL_ATTRS;
	p->own_fg = true;
}

void
paint_follow(struct paint *p)
{
	p->own_fg = false;
}

/* Append ", word" (or the word alone first) to buf. */
static void
paint_add(char *buf, size_t n, const char *word)
{
	size_t len = strlen(buf);

	if (len < n)
		snprintf(buf + len, n - len, "%s%s", len > 0 ? ", " : "", word);
}

void
paint_describe(unsigned style, char *buf, size_t n)
{
	unsigned fg = style & 0xFF, bg = style >> 8 & 0xFF, attrs = style >> 16 & CELL_ATTRS;
	char c[64];

	if (n == 0)
		return;
	buf[0] = '\0';
	if (fg == 0 && bg == 0)
		/* TRANSLATORS: the brush's colours are the terminal's own (status line, at most 20 columns) */
		snprintf(c, sizeof c, "%s", _("default colours"));
	else if (bg == 0)
		/* TRANSLATORS: the brush's foreground, a number 1..255 */
		snprintf(c, sizeof c, _("colour %u"), fg);
	else if (fg == 0)
		/* TRANSLATORS: the brush's background alone, a number 1..255 */
		snprintf(c, sizeof c, _("default on %u"), bg);
	else
		/* TRANSLATORS: the brush's foreground on its background, numbers 1..255 */
		snprintf(c, sizeof c, _("colour %u on %u"), fg, bg);
	paint_add(buf, n, c);
	/* TRANSLATORS: the brush's attributes, listed after its colours */
	if (attrs & CELL_BOLD)
		paint_add(buf, n, _("bold"));
	if (attrs & CELL_UNDERLINE)
		paint_add(buf, n, _("underline"));
	if (attrs & CELL_REVERSE)
		paint_add(buf, n, _("reverse"));
	if (attrs & CELL_ITALIC)
		paint_add(buf, n, _("italic"));
}
