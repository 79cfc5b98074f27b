/*
 * swatch.c - the colour picker: its rows (swatch_rows[]: the two colours,
 * then the four attributes, each with its letter), the keys that change
 * them, and the box drawn from them: each colour with a swatch in it, the
 * attributes as check boxes, and a sample in the style chosen, drawn as
 * the canvas draws a cell (screen_cell: the nearest colour the terminal
 * has, reverse for a background without colours). Enter hands the style
 * to paint.c and says it on the status line.
 */
#include <stdio.h>
#include <string.h>

#include "cell.h"
#include "i18n.h"

#include "paint.h"
#include "screen.h"
#include "swatch.h"

#define CTRL(c) ((c) & 0x1f)
#define SWATCH_WIDTH   56          /* the box, at most */
#define SWATCH_HEIGHT  9
#define SWATCH_PAGE    16          /* PgUp, PgDn: a row of the 16, or of the cube's 6x6 */

struct swatch_row {
	const char *label;
	unsigned bit;              /* an attribute's CELL_* bit; 0 for the two colours */
	wint_t letter;             /* the key that switches it from any row */
};

/* TRANSLATORS: the colour picker's rows, at most 12 columns */
static const struct swatch_row swatch_rows[] = {
	{ N_("Foreground"), 0, 0 },
	{ N_("Background"), 0, 0 },
	{ N_("Bold"), CELL_BOLD, 'b' },
	{ N_("Underline"), CELL_UNDERLINE, 'u' },
	{ N_("Reverse"), CELL_REVERSE, 'r' },
	{ N_("Italic"), CELL_ITALIC, 'i' },
};

#define SWATCH_NROWS ((int)(sizeof swatch_rows / sizeof swatch_rows[0]))

void
swatch_open(struct swatch *sw, unsigned style)
{
	memset(sw, 0, sizeof *sw);
	sw->fg = style & 0xFF;
	sw->bg = style >> 8 & 0xFF;
	sw->attrs = style >> 16 & CELL_ATTRS;
	/* a colour beyond what is offered here is kept until it is changed */
}

unsigned
swatch_colours(void)
{
	return has_colors() && COLORS >= 256 ? 256 : 16;
}

/* The colour the row changes (NULL on an attribute row). */
static unsigned *
swatch_value(struct swatch *sw)
{
	return sw->row == 0 ? &sw->fg : sw->row == 1 ? &sw->bg : NULL;
}

/* Step the row's colour by delta, round within the colours offered. */
static void
swatch_step(struct swatch *sw, long delta)
{
	unsigned *v = swatch_value(sw);
	long n = (long)swatch_colours(), c;

	if (v == NULL)
		return;
	c = ((long)*v % n + delta % n + n) % n;
	*v = (unsigned)c;
	sw->typed = 0;
	sw->ndigits = 0;
}

/* A digit typed on a colour row: the number so far, started again when it would be too large. */
static void
swatch_digit(struct swatch *sw, unsigned digit)
{
	unsigned *v = swatch_value(sw), next;

	if (v == NULL)
		return;
	next = sw->typed * 10 + digit;
	if (sw->ndigits >= 3 || next >= swatch_colours()) {
		next = digit < swatch_colours() ? digit : 0;
		sw->ndigits = 0;
	}
	sw->typed = next;
	sw->ndigits++;
	*v = next;
}

/* Switch attribute bit. */
static void
swatch_toggle(struct swatch *sw, unsigned bit)
{
	sw->attrs ^= bit;
}

/* Enter: the brush paints the style chosen from now on, and the status line says it. */
static unsigned
swatch_choose(struct swatch *sw, struct desk *d, bool *done)
{
	char words[128];

	paint_set(d->paint, sw->fg, sw->bg, sw->attrs);
	paint_describe(cell_style(sw->fg, sw->bg, sw->attrs), words, sizeof words);
	/* TRANSLATORS: the status line after the colour picker; %s is e.g. "colour 196 on 4, bold" */
	status_message(d->status, false, _("the brush paints in %s"), words);
	*done = true;
	return ACT_ALL;
}

/* The keys that are no letter: moves, steps, Enter. */
static unsigned
swatch_special(struct swatch *sw, struct desk *d, wint_t ch, bool *done)
{
	unsigned bit = swatch_rows[sw->row].bit;

	switch (ch) {
	case KEY_UP: sw->row = (sw->row + SWATCH_NROWS - 1) % SWATCH_NROWS; break;
	case KEY_DOWN: sw->row = (sw->row + 1) % SWATCH_NROWS; break;
	case KEY_LEFT: if (bit) swatch_toggle(sw, bit); else swatch_step(sw, -1); break;
	case KEY_RIGHT: if (bit) swatch_toggle(sw, bit); else swatch_step(sw, 1); break;
	case KEY_PPAGE: swatch_step(sw, -SWATCH_PAGE); break;
	case KEY_NPAGE: swatch_step(sw, SWATCH_PAGE); break;
	case KEY_HOME: if (swatch_value(sw) != NULL) *swatch_value(sw) = 0; break;
	case KEY_ENTER: return swatch_choose(sw, d, done);
	default: break;
	}
	/* a number typed ends with any other key */
	sw->typed = 0;
	sw->ndigits = 0;
	return 0;
}

/* A click outside the box closes the picker. */
static void
swatch_mouse(bool *done)
{
	int h = LINES - 2 < SWATCH_HEIGHT ? LINES - 2 : SWATCH_HEIGHT;
	int w = COLS - 2 < SWATCH_WIDTH ? COLS - 2 : SWATCH_WIDTH;
	int y0 = (LINES - 2 - h) / 2 > 0 ? (LINES - 2 - h) / 2 : 0;
	int x0 = (COLS - w) / 2 > 0 ? (COLS - w) / 2 : 0;
	MEVENT ev;

	if (getmouse(&ev) == OK && (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) &&
	    (ev.y < y0 || ev.y >= y0 + h || ev.x < x0 || ev.x >= x0 + w))
		*done = true;
}

unsigned
swatch_key(struct swatch *sw, struct desk *d, int ret, wint_t ch, bool *done)
{
	int i;

	*done = false;
	if (ret == KEY_CODE_YES && ch == KEY_MOUSE) {
		swatch_mouse(done);
		return 0;
	}
	if (ret == KEY_CODE_YES)
		return swatch_special(sw, d, ch, done);
	if (ch == '\r' || ch == '\n')
		return swatch_choose(sw, d, done);
	if (ch == 27 || ch == CTRL('N')) {
		*done = true;
		return 0;
	}
	if (ch == '\t') {
		sw->row = (sw->row + 1) % SWATCH_NROWS;
		sw->typed = 0;
		sw->ndigits = 0;
	} else if (ch >= '0' && ch <= '9') {
		swatch_digit(sw, (unsigned)(ch - '0'));
	} else if (ch == ' ' && swatch_rows[sw->row].bit != 0) {
		swatch_toggle(sw, swatch_rows[sw->row].bit);
	} else {
		for (i = 0; i < SWATCH_NROWS; i++)
			if (swatch_rows[i].letter == ch)
				swatch_toggle(sw, swatch_rows[i].bit);
	}
	return 0;
}

/* A colour row at line y: its label, "< n >" and a swatch of the colour. */
static void
swatch_draw_colour(WINDOW *win, const struct swatch *sw, int row, int y, int room)
{
	unsigned c = row == 0 ? sw->fg : sw->bg;
	char num[32];

	wattrset(win, sw->row == row ? A_REVERSE : screen_attr(LOOK_NAME));
	wmove(win, y, 2);
	screen_put_fit(win, _(swatch_rows[row].label), 12);
	wattrset(win, screen_attr(LOOK_VALUE));
	snprintf(num, sizeof num, "< %3u >", c);
	mvwaddstr(win, y, 15, num);
	waddstr(win, "  ");
	/* the foreground as a block in it, the background as spaces on it */
	wattrset(win, row == 0 ? screen_cell(c, 0, 0) : screen_cell(0, c, 0));
	waddstr(win, row == 0 ? (screen_utf8() ? "\u2588\u2588\u2588\u2588" : "####") : "    ");
	wattrset(win, screen_attr(LOOK_VALUE));
	waddstr(win, "  ");
	if (c == 0)
		/* TRANSLATORS: the colour picker: colour 0 is the terminal's own (at most 20 columns) */
		screen_put_fit(win, _("the terminal's own"), room - 31);
}

/* The attributes at lines y and y + 1, two by two, as check boxes. */
static void
swatch_draw_attrs(WINDOW *win, const struct swatch *sw, int y)
{
	int i, k;

	for (i = 2; i < SWATCH_NROWS; i++) {
		k = i - 2;
		wattrset(win, sw->row == i ? A_REVERSE : screen_attr(LOOK_NAME));
		mvwaddstr(win, y + k / 2, 2 + (k % 2) * 24, sw->attrs & swatch_rows[i].bit ? "[x] " :
		    "[ ] ");
		screen_put_fit(win, _(swatch_rows[i].label), 18);
		wattrset(win, A_NORMAL);
	}
}

void
swatch_draw(const struct swatch *sw)
{
	int h = LINES - 2 < SWATCH_HEIGHT ? LINES - 2 : SWATCH_HEIGHT;
	int w = COLS - 2 < SWATCH_WIDTH ? COLS - 2 : SWATCH_WIDTH;
	WINDOW *win;

	if (h < SWATCH_HEIGHT || w < 40 ||
	    (win = newwin(h, w, (LINES - 2 - h) / 2, (COLS - w) / 2)) == NULL)
		return;
	werase(win);
	box(win, 0, 0);
	wattrset(win, screen_attr(LOOK_TITLE));
	wmove(win, 0, 2);
	/* TRANSLATORS: the colour picker's title, in its top border (at most 36 columns) */
	screen_put_fit(win, _(" Colours for the brush "), w - 4);
	swatch_draw_colour(win, sw, 0, 1, w - 2);
	swatch_draw_colour(win, sw, 1, 2, w - 2);
	swatch_draw_attrs(win, sw, 3);
	wattrset(win, screen_attr(LOOK_NAME));
	wmove(win, 5, 2);
	/* TRANSLATORS: the colour picker: before a sample in the style chosen (at most 10 columns) */
	screen_put_fit(win, _("Sample:"), 10);
	waddstr(win, " ");
	wattrset(win, screen_cell(sw->fg, sw->bg, sw->attrs));
	waddstr(win, " Aa Zz 0123 ");
	wattrset(win, screen_attr(LOOK_VALUE));
	wmove(win, 6, 2);
	screen_put_fit(win, !has_colors() ?
	    /* TRANSLATORS: the colour picker, at most 52 columns: a terminal without colours */
	    _("no colours here: a background shows as reverse") : swatch_colours() == 256 ?
	    /* TRANSLATORS: the colour picker, at most 52 columns */
	    _("256 colours here (xterm's numbers)") :
	    /* TRANSLATORS: the colour picker, at most 52 columns */
	    _("16 colours here (the nearest the terminal has)"), w - 4);
	wattrset(win, screen_attr(LOOK_KEY));
	wmove(win, 7, 2);
	/* TRANSLATORS: the colour picker's last line, at most 52 columns (cut when narrower) */
	screen_put_fit(win, _("arrows, 0-9, b u r i; Enter sets, Esc closes"), w - 4);
	wattrset(win, A_NORMAL);
	wnoutrefresh(win);
	delwin(win);
}
