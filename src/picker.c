/*
 * picker.c - the glyph picker: its sections (picker_sections[], a title
 * and the glyphs as UTF-8), the entries they make with the recent ones
 * first, laid out in rows of the box's width (picker_layout: the same for
 * drawing and for a click), the choice moved by keys, and the glyph
 * chosen handed to stroke_pick. Each glyph takes three columns, " X ",
 * the chosen one "[X]" in reverse; every glyph is one column wide.
 */
#include <string.h>

#include "cell.h"
#include "i18n.h"
#include "utf8.h"

#include "picker.h"
#include "screen.h"
#include "stroke.h"

#define PICKER_MAX_ENTRIES 192
#define PICKER_MAX_LINES   128
#define PICKER_SLOT        3        /* columns a glyph takes in the grid */
#define PICKER_WIDTH       72       /* the box, at most (as the help) */

struct picker_section {
	const char *title;
	const char *glyphs;
	bool utf8;                      /* offered on a UTF-8 terminal (else the ASCII set) */
};

/* TRANSLATORS: the glyph picker's section titles, at most 40 columns */
static const struct picker_section picker_sections[] = {
	{ N_("Recently used"), "", true },
	{ N_("Box pieces"), "─│┌┐└┘├┤┬┴┼━┃┏┓┗┛┣┫┳┻╋═║╔╗╚╝╠╣╦╩╬╭╮╯╰╱╲╳╴╵╶╷", true },
	{ N_("Blocks and shades"), "█▓▒░▀▄▌▐▖▗▘▝▚▞▙▛▜▟■□▪▫", true },
	{ N_("Arrows"), "←↑→↓↔↕↖↗↘↙⇐⇑⇒⇓⇔⇕▲▼◀▶△▽", true },
	{ N_("Symbols"), "•·○●◆◇★☆✓✗♥♦♣♠♪♫☺☻§¶°±×÷…∞≈≠≤≥", true },
	{ N_("Characters"), "#*+=-_|/\\<>^v~:.,;'\"`o0O@%&$!?xX", false },
};

#define PICKER_NSECTIONS ((int)(sizeof picker_sections / sizeof picker_sections[0]))

struct picker_line {
	int section;                    /* a title line: its section; else -1 */
	int first, count;               /* a glyph line: its entries */
};

/* The grid as the box shows it. */
struct picker_grid {
	uint32_t cp[PICKER_MAX_ENTRIES];
	int n;
	struct picker_line line[PICKER_MAX_LINES];
	int lines;
	int y0, x0, h, w;               /* the box on the screen */
	int top, rows;                  /* the first line shown, how many fit */
};

/* Add a line to the grid (ignored beyond the last that fits the array). */
static void
picker_add_line(struct picker_grid *g, int section, int first, int count)
{
	if (g->lines == PICKER_MAX_LINES)
		return;
	g->line[g->lines].section = section;
	g->line[g->lines].first = first;
	g->line[g->lines].count = count;
	g->lines++;
}

/* The entries of section s (the recent ones for 0) and their lines, per to a line. */
static void
picker_add_section(struct picker_grid *g, const struct picker *pk, int s, int per)
{
	const char *t = picker_sections[s].glyphs;
	int start = g->n, i, k;
	uint32_t cp;

	if (s == 0) {
		for (i = 0; i < pk->nrecent && g->n < PICKER_MAX_ENTRIES; i++)
			g->cp[g->n++] = pk->recent[i];
	} else {
		while (*t != '\0' && (k = utf8_decode(t, strlen(t), &cp)) > 0) {
			t += k;
			if (cell_width(cp) == 1 && g->n < PICKER_MAX_ENTRIES)
				g->cp[g->n++] = cp;
		}
	}
	if (g->n == start)
		return;
	picker_add_line(g, s, 0, 0);
	for (i = start; i < g->n; i += per)
		picker_add_line(g, -1, i, g->n - i < per ? g->n - i : per);
}

/* The line entry e is on (-1 for none). */
static int
picker_line_of(const struct picker_grid *g, int e)
{
	int i;

	for (i = 0; i < g->lines; i++)
		if (g->line[i].section < 0 && e >= g->line[i].first &&
		    e < g->line[i].first + g->line[i].count)
			return i;
	return -1;
}

/* Lay the grid out for this terminal, scrolled to keep entry sel in sight. */
static void
picker_layout(const struct picker *pk, struct picker_grid *g)
{
	bool utf8 = screen_utf8();
	int s, per, at;

	memset(g, 0, sizeof *g);
	g->w = COLS - 2 < PICKER_WIDTH ? COLS - 2 : PICKER_WIDTH;
	per = (g->w - 4) / PICKER_SLOT;
	if (per < 1)
		per = 1;
	for (s = 0; s < PICKER_NSECTIONS; s++)
		if (s == 0 || picker_sections[s].utf8 == utf8)
			picker_add_section(g, pk, s, per);
	/* the borders, the lines, a blank line and the hint */
	g->h = g->lines + 4 > LINES - 2 ? LINES - 2 : g->lines + 4;
	g->rows = g->h - 4 > 0 ? g->h - 4 : 0;
	g->y0 = (LINES - 2 - g->h) / 2 > 0 ? (LINES - 2 - g->h) / 2 : 0;
	g->x0 = (COLS - g->w) / 2 > 0 ? (COLS - g->w) / 2 : 0;
	at = picker_line_of(g, pk->sel);
	if (g->lines > g->rows && at >= 0) {
		/* the choice's line in the middle, and its title above it when it can */
		g->top = at - g->rows / 2;
		if (g->top > g->lines - g->rows)
			g->top = g->lines - g->rows;
		if (g->top < 0)
			g->top = 0;
	}
}

void
picker_open(struct picker *pk, uint32_t brush)
{
	struct picker_grid g;
	int i;

	pk->sel = 0;
	picker_layout(pk, &g);
	for (i = 0; i < g.n; i++)
		if (g.cp[i] == brush) {
			pk->sel = i;
			break;
		}
}

/* The glyph becomes the latest of the recent ones. */
static void
picker_remember(struct picker *pk, uint32_t cp)
{
	int i, n = pk->nrecent;

	for (i = 0; i < n; i++)
		if (pk->recent[i] == cp)
			break;
	if (i == n && n < PICKER_RECENT)
		n++;
	if (i == PICKER_RECENT)
		i--;
	memmove(pk->recent + 1, pk->recent, (size_t)i * sizeof pk->recent[0]);
	pk->recent[0] = cp;
	pk->nrecent = n;
}

/* Choose entry e: it is the brush, and the picker closes. */
static unsigned
picker_choose(struct picker *pk, struct desk *d, const struct picker_grid *g, int e, bool *done)
{
	uint32_t cp = g->cp[e];
	unsigned r = stroke_pick(d, cp);

	picker_remember(pk, cp);
	*done = true;
	return r | ACT_ALL;
}

/* The entry at screen cell (y, x), or -1; *inside: the cell is in the box. */
static int
picker_hit(const struct picker_grid *g, int y, int x, bool *inside)
{
	const struct picker_line *l;
	int i, k;

	*inside = y >= g->y0 && y < g->y0 + g->h && x >= g->x0 && x < g->x0 + g->w;
	i = g->top + y - g->y0 - 1;
	if (!*inside || y == g->y0 || i < g->top || i >= g->top + g->rows || i >= g->lines)
		return -1;
	l = &g->line[i];
	k = (x - g->x0 - 2) / PICKER_SLOT;
	if (l->section >= 0 || x < g->x0 + 2 || k >= l->count)
		return -1;
	return l->first + k;
}

/* The entry Up (dir -1) or Down (dir 1) of sel: the same place on the next glyph line. */
static int
picker_vertical(const struct picker_grid *g, int sel, int dir)
{
	int at = picker_line_of(g, sel), i, k;

	if (at < 0)
		return sel;
	k = sel - g->line[at].first;
	for (i = at + dir; i >= 0 && i < g->lines; i += dir)
		if (g->line[i].section < 0)
			return g->line[i].first + (k < g->line[i].count ? k : g->line[i].count - 1);
	return sel;
}

/* A click: on a glyph it chooses it, outside the box it closes the picker. */
static unsigned
picker_mouse(struct picker *pk, struct desk *d, const struct picker_grid *g, bool *done)
{
	MEVENT ev;
	bool inside;
	int e;

	if (getmouse(&ev) != OK ||
	    !(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_RELEASED)))
		return 0;
	e = picker_hit(g, ev.y, ev.x, &inside);
	if (e >= 0 && !(ev.bstate & BUTTON1_RELEASED))
		return picker_choose(pk, d, g, e, done);
	if (!inside && !(ev.bstate & BUTTON1_RELEASED))
		*done = true;
	return 0;
}

unsigned
picker_key(struct picker *pk, struct desk *d, int ret, wint_t ch, bool *done)
{
	struct picker_grid g;
	int sel = pk->sel;

	*done = false;
	picker_layout(pk, &g);
	if (g.n == 0 || sel >= g.n)
		sel = 0;
	if (ret == KEY_CODE_YES && ch == KEY_MOUSE)
		return picker_mouse(pk, d, &g, done);
	if (ret == KEY_CODE_YES) {
		switch (ch) {
		case KEY_LEFT: sel = sel > 0 ? sel - 1 : 0; break;
		case KEY_RIGHT: sel = sel + 1 < g.n ? sel + 1 : sel; break;
		case KEY_UP: sel = picker_vertical(&g, sel, -1); break;
		case KEY_DOWN: sel = picker_vertical(&g, sel, 1); break;
		case KEY_HOME: sel = 0; break;
		case KEY_END: sel = g.n > 0 ? g.n - 1 : 0; break;
		case KEY_ENTER: return g.n > 0 ? picker_choose(pk, d, &g, sel, done) : 0;
		default: break;
		}
	} else if (ch == '\r' || ch == '\n') {
		return g.n > 0 ? picker_choose(pk, d, &g, sel, done) : 0;
	} else if (ch == 27 || ch == ('O' & 0x1f)) {
		*done = true;
	}
	pk->sel = sel;
	return 0;
}

/* Glyph line l of grid g at row y of the box, entry sel in reverse between brackets. */
static void
picker_draw_glyphs(WINDOW *win, const struct picker_grid *g, const struct picker_line *l,
		   int y, int sel)
{
	char slot[16];
	int i, k, e;

	for (i = 0; i < l->count; i++) {
		e = l->first + i;
		slot[0] = e == sel ? '[' : ' ';
		k = utf8_encode(g->cp[e], slot + 1);
		if (k <= 0)
			continue;
		slot[1 + k] = e == sel ? ']' : ' ';
		slot[2 + k] = '\0';
		wattrset(win, e == sel ? A_REVERSE : A_NORMAL);
		mvwaddstr(win, y, 2 + i * PICKER_SLOT, slot);
	}
	wattrset(win, A_NORMAL);
}

void
picker_draw(const struct picker *pk)
{
	struct picker_grid g;
	const struct picker_line *l;
	WINDOW *win;
	int i;

	picker_layout(pk, &g);
	if (g.h < 3 || g.w < 8 || (win = newwin(g.h, g.w, g.y0, g.x0)) == NULL)
		return;
	werase(win);
	box(win, 0, 0);
	wattrset(win, screen_attr(LOOK_TITLE));
	wmove(win, 0, 2);
	/* TRANSLATORS: the glyph picker's title, in its top border (at most 44 columns) */
	screen_put_fit(win, _(" Glyphs for the brush "), g.w - 4);
	for (i = 0; i < g.rows && g.top + i < g.lines; i++) {
		l = &g.line[g.top + i];
		if (l->section >= 0) {
			wattrset(win, screen_attr(LOOK_NAME));
			wmove(win, i + 1, 2);
			screen_put_fit(win, _(picker_sections[l->section].title), g.w - 4);
		} else {
			picker_draw_glyphs(win, &g, l, i + 1, pk->sel);
		}
	}
	wattrset(win, screen_attr(LOOK_KEY));
	wmove(win, g.h - 2, 2);
	/* TRANSLATORS: the glyph picker's last line, at most 68 columns (cut when narrower) */
	screen_put_fit(win, _("arrows move, Enter or a click sets the brush, Esc closes"), g.w - 4);
	wattrset(win, A_NORMAL);
	wnoutrefresh(win);
	delwin(win);
}
