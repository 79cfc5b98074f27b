/*
 * stroke.h - the actions that draw: the drawing keys (arrows, Home, End,
 * the pages, Tab, Enter, Backspace, Delete, Esc), a typed character, a
 * bracketed paste, the mouse's press, drag and release on board cells,
 * the next tool, the line style and arrows, the brush picked, undo and redo. They work on action.h's struct desk and return its
 * ACT_* bits, as every action does; none of them reads a key.
 */
#ifndef PIZARRA_STROKE_H
#define PIZARRA_STROKE_H

#include <stddef.h>
#include <stdint.h>

#include "action.h"

/* The tool key: the next tool. */
unsigned stroke_tool(struct desk *d);

/* The style key: the next line and box style; the arrows key: arrows at line ends or not. */
unsigned stroke_style(struct desk *d);
unsigned stroke_arrows(struct desk *d);

/* The palette key: asks for the glyph picker (ACT_PICKER). */
unsigned stroke_picker(struct desk *d);

/* The colour key: asks for the colour picker (ACT_SWATCH); refused for a viewer. */
unsigned stroke_colours(struct desk *d);

/* A glyph chosen in the picker: the brush (and the brush tool, but for the fill). */
unsigned stroke_pick(struct desk *d, uint32_t cp);

/* Drawing keys. */
unsigned stroke_left(struct desk *d);
unsigned stroke_right(struct desk *d);
unsigned stroke_up(struct desk *d);
unsigned stroke_down(struct desk *d);
unsigned stroke_home(struct desk *d);
unsigned stroke_end(struct desk *d);
unsigned stroke_page_up(struct desk *d);
unsigned stroke_page_down(struct desk *d);
unsigned stroke_tab(struct desk *d);
unsigned stroke_enter(struct desk *d);
unsigned stroke_backspace(struct desk *d);
unsigned stroke_delete(struct desk *d);
unsigned stroke_escape(struct desk *d);
unsigned stroke_type(struct desk *d, uint32_t cp);
unsigned stroke_paste(struct desk *d, const char *text, size_t len);   /* a bracketed paste */

/* The mouse, on board cells (input decodes the events). */
unsigned stroke_press(struct desk *d, uint32_t col, uint32_t row);
unsigned stroke_drag(struct desk *d, uint32_t col, uint32_t row);
unsigned stroke_release(struct desk *d, uint32_t col, uint32_t row);
unsigned stroke_lift(struct desk *d);

/*
 * Ctrl-Z and Ctrl-Y: take our last step back, or do again the last one
 * taken back (undo.h), keeping every cell someone changed since; the
 * status line says how many cells and how many were kept.
 */
unsigned stroke_undo(struct desk *d);
unsigned stroke_redo(struct desk *d);

#endif
