/*
 * paint.h - what the brush paints with: its foreground, background and
 * attributes (a cell_style), as the colour picker (swatch.c) sets them.
 *
 * Two colours are kept apart. The slot's colour (client.h: 4 bits, 0..15,
 * F2 cycles it, session.c's) is who we are: the colour of our cursor's
 * mark on every other screen and of our line in the sidebar. The brush's
 * looks are what lands in the cells: any of the 256 foregrounds and
 * backgrounds and the four attributes. Until the picker sets a
 * foreground, the brush's foreground follows the slot's colour (so F2
 * still changes what is drawn, as it always did); F2 makes it follow
 * again. No curses: only paint.c writes a struct paint (a member of ui's,
 * reached through the desk).
 */
#ifndef PIZARRA_PAINT_H
#define PIZARRA_PAINT_H

#include <stdbool.h>
#include <stddef.h>

struct paint {
	unsigned fg, bg, attrs;      /* 0..255, 0..255, CELL_BOLD... */
	bool own_fg;                 /* false: the foreground is the slot's colour */
};

/* The brush of a client starting out: the slot's colour on the default background. */
void paint_init(struct paint *p);

/* The style the brush paints (cell_style), the slot's colour being slot_colour. */
unsigned paint_style(const struct paint *p, unsigned slot_colour);

/* The picker's choice (each part masked): the foreground is the brush's own from now on. */
void paint_set(struct paint *p, unsigned fg, unsigned bg, unsigned attrs);

/* F2 changed the slot's colour: the brush's foreground follows it again. */
void paint_follow(struct paint *p);

/*
 * Say a style in words for the status line ("colour 196 on 4, bold,
 * underline"; "default" for the terminal's own colours), in the language
 * of the messages. buf gets at most n bytes, always terminated.
 */
void paint_describe(unsigned style, char *buf, size_t n);

#endif
