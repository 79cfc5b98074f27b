/*
 * canvasput.c - cells into the canvas window (canvasput.h): the one place
 * that turns a code point and attributes into a cchar_t for ncurses, with
 * the ASCII stand-ins of lines.c when the terminal is not UTF-8, and the
 * overlay cells (the box's outline, the paste preview) with their shadow
 * keys. Which cells get an overlay is marks.c's to say. A cell goes
 * through direct.c, which holds it back while a direct frame is drawn.
 */
#include "cell.h"
#include "canvasput.h"
#include "direct.h"
#include "lines.h"
#include "look.h"

void
canvasput_char(int y, int x, uint32_t cp, attr_t attr)
{
	wchar_t wc[2] = { 0, 0 };
	cchar_t cc;

	if (cp == 0)
		cp = ' ';
	if (cp >= 0x80 && !screen_utf8()) {
		uint32_t a = lines_ascii(cp);

		if (a == 0) {
			a = '?';
			attr = screen_attr(LOOK_PLACEHOLDER) | (attr & A_REVERSE);
		}
		cp = a;
	}
	wc[0] = (wchar_t)cp;
	setcchar(&cc, wc, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
	direct_put(screen_window(SCREEN_CANVAS), y, x, &cc);
}

int
canvasput_outline(uint64_t *shadow, size_t i, int y, int x, uint32_t glyph, unsigned ink)
{
	uint64_t key = CANVAS_PREVIEW | glyph | (uint64_t)ink << 24;

	if (shadow[i] != key) {
		shadow[i] = key;
		canvasput_char(y, x, glyph, screen_ink(ink, true) | A_DIM);
	}
	return 1;
}

int
canvasput_pasted(uint64_t *shadow, size_t i, int y, int x, bool wide, uint64_t word,
		 uint64_t next, unsigned ink)
{
	uint32_t cp = cell_cp(word);
	int w = cell_width(cp) == 2 && cell_cp(next) == CELL_CONT && wide && screen_utf8() ? 2 : 1;
	uint64_t key = CANVAS_PREVIEW | CANVAS_DIM | cell_content(word) | (uint64_t)w << 58 |
	    (uint64_t)(ink & 0xFF) << CELL_COUNTER_SHIFT;

	if (shadow[i] != key || shadow[i + (size_t)w - 1] != key) {
		shadow[i] = shadow[i + (size_t)w - 1] = key;
		canvasput_char(y, x, cp == CELL_CONT || !cell_drawable(cp) || cell_width(cp) > w ?
		    ' ' : cp, screen_ink(ink, true) | A_DIM);
	}
	return w;
}
